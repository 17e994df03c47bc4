"""A small valid dataset for the fuzzing tests: one source (the May 2018 article) and
everything it attests, written as CSV text into a folder with its seed."""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from helpers.evidence import load as load_dataset
from helpers.evidence import schema

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "src-aq-2018"


def small_dataset(target: Path) -> dict[str, str]:
    """A valid dataset of one source (the May 2018 article) and everything it attests."""
    full = load_dataset(ROOT / "data")
    evidence = full.evidence[full.evidence["source_id"] == SOURCE]
    keep = set(evidence["subject_id"])
    keep_deals = set(full.events.loc[full.events.index.isin(keep), "deal_id"]) - {""}
    keep |= keep_deals
    (target / "data").mkdir(parents=True)
    (target / "seeds").mkdir()
    seed_file = full.sources.at[SOURCE, "seed_file"]
    shutil.copyfile(ROOT / seed_file, target / seed_file)
    texts = {}
    for table in schema.TABLES:
        rows = list(csv.reader((ROOT / "data" / table.file_name).open(encoding="utf-8")))
        header, body = rows[0], rows[1:]
        if table.name == "sources":
            body = [r for r in body if r[0] == SOURCE]
        elif table.name in ("evidence", "citations", "source_record"):
            body = [r for r in body if r[1] == SOURCE]
        elif table.name == "later_record":
            subjects = header.index("subject_ids")
            body = [r for r in body if set(r[subjects].split(";")) <= keep]
        elif table.name != "actors":
            body = [r for r in body if r[0] in keep]
        if table.name == "events":
            deal = header.index("deal_id")
            body = [
                [*r[:deal], r[deal] if r[deal] in keep_deals else "", *r[deal + 1 :]] for r in body
            ]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header, *body])
        texts[table.file_name] = out.getvalue()
        (target / "data" / table.file_name).write_text(texts[table.file_name], encoding="utf-8")
    return texts


@dataclass(frozen=True)
class Small:
    """The small dataset's folder and the text of each of its tables."""

    folder: Path
    texts: dict[str, str] = field(repr=False)

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        printer.text(f"Small({self.folder})")  # type: ignore[attr-defined]

    def source(self, column: str) -> str:
        """A cell of the dataset's one source."""
        header, row = list(csv.reader(io.StringIO(self.texts["sources.csv"], newline="")))
        return row[header.index(column)]

    @property
    def seed_file(self) -> str:
        """The path of its seed, as ``sources.csv`` gives it (``seeds/….txt``)."""
        return self.source("seed_file")
