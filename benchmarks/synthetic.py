"""Synthetic datasets of the book's schema, ``k`` times the size of the real one.

``make(data_dir, out_dir, k)`` writes ``out_dir/data/*.csv`` and ``out_dir/seeds/*.txt``: every
table but ``actors`` is repeated ``k`` times. The first copy (replica 0) keeps the real ids, since
chapters may name a record (``fig-reader-comments``); every other copy has its ids suffixed
(``ev-1948-diplomatic-relations`` becomes ``ev-1948-diplomatic-relations-x7``) and its references
pointing into the same replica. Actors are shared by all replicas, as the same cast of people and
states would be named by more articles.

Each replica of a source gets its own synthetic seed: deterministic filler prose into which the
quotes of that source's evidence and citation rows are written verbatim, padded to the length of
the real seed. Quote matching therefore stays per seed and its cost grows linearly with ``k``;
the SHA-256 of every seed is recorded in ``sources.csv``, so :func:`helpers.evidence.load` accepts
the result as it accepts the real data. Authors get a distinct synthetic surname in every replica
but the first, so the short labels of sources ("Kovara (2018)") stay distinct as in the real
data.

Run it alone to write one dataset::

    .venv/bin/python benchmarks/synthetic.py 10 benchmarks/_work/synthetic/x10
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

from helpers.evidence.schema import TABLES, Table, split_list, table_of_id

SHARED_TABLES = ("actors",)
"""Tables that are not replicated: their ids are referenced unchanged by every replica."""

PROSE = (
    "the talks in Islamabad and Moscow turned on trade, energy and security while officials "
    "spoke of a new chapter in relations between the two capitals and analysts weighed the "
    "costs of closer ties against old alignments with Washington Beijing and New Delhi as "
    "ministers delegations and commanders met again over a year of visits exercises and "
    "agreements whose details were left to working groups and commissions"
)
WORDS = tuple(PROSE.split())
SYLLABLES = ("ka", "ro", "vi", "na", "sel", "mur", "ta", "zan", "dor", "li", "pe", "shi", "ko")


@dataclass
class RawTable:
    """A CSV table read as text: its header and rows (lists of cells)."""

    header: list[str]
    rows: list[list[str]]

    def column(self, name: str) -> int:
        """The position of column ``name``."""
        return self.header.index(name)


def read_table(path: Path) -> RawTable:
    """Read a CSV file of ``data/`` as strings, blank rows left out."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    return RawTable(header, rows)


def write_table(path: Path, table: RawTable) -> None:
    """Write ``table`` as a UTF-8 CSV file with one header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def replica_id(identifier: str, replica: int) -> str:
    """The id of ``identifier`` in replica ``replica`` (replica 0 and actors keep theirs)."""
    if not identifier or replica == 0 or table_of_id(identifier) in SHARED_TABLES:
        return identifier
    return f"{identifier}-x{replica}"


def _remap_cell(cell: str, is_list: bool, replica: int) -> str:
    if not cell:
        return cell
    if is_list:
        return ";".join(replica_id(item, replica) for item in split_list(cell))
    return replica_id(cell.strip(), replica)


def _id_columns(table: Table) -> dict[str, bool]:
    """The columns of ``table`` that hold ids, each with whether it holds a list of them."""
    return {
        column.name: column.is_list
        for column in table.columns
        if column.kind == "id" or column.references
    }


def surname(number: int) -> str:
    """A pronounceable synthetic surname, distinct for every number."""
    parts, number = [], number + len(SYLLABLES)
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def filler(rng: random.Random, words: int) -> str:
    """Synthetic prose of about ``words`` words, in sentences."""
    sentences, count = [], 0
    while count < words:
        length = rng.randint(8, 20)
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        count += length
    return " ".join(sentences)


def seed_text(title: str, quotes: list[str], target_chars: int, replica: int) -> str:
    """A synthetic article holding every quote verbatim, about ``target_chars`` long."""
    rng = random.Random(f"{title}\0{replica}")
    quote_chars = sum(len(q) for q in quotes)
    gap_words = max(4, (target_chars - quote_chars) // 6 // max(1, len(quotes) + 1))
    paragraphs = [f"{title} (synthetic article {replica})", ""]
    for quote in quotes:
        paragraphs.append(f"{filler(rng, gap_words)} {quote} {filler(rng, 4)}")
        paragraphs.append("")
    paragraphs.append(filler(rng, gap_words))
    return "\n".join(paragraphs) + "\n"


def _quotes_by_source(tables: dict[str, RawTable]) -> dict[str, list[str]]:
    """Every quote of the evidence and citations tables, by source id, in table order."""
    quotes: dict[str, list[str]] = {}
    for name in ("evidence", "citations"):
        table = tables[name]
        source, quote = table.column("source_id"), table.column("quote")
        for row in table.rows:
            quotes.setdefault(row[source], []).append(row[quote])
    return quotes


def _replicate(table: Table, raw: RawTable, k: int) -> RawTable:
    """``raw`` repeated ``k`` times, ids and references moved into each replica."""
    columns = {raw.column(name): is_list for name, is_list in _id_columns(table).items()}
    rows = []
    for replica in range(k):
        for row in raw.rows:
            rows.append(
                [
                    _remap_cell(cell, columns[i], replica) if i in columns else cell
                    for i, cell in enumerate(row)
                ]
            )
    return RawTable(raw.header, rows)


def _synthetic_sources(
    raw: RawTable, k: int, data_dir: Path, out_dir: Path, quotes: dict[str, list[str]]
) -> RawTable:
    """The sources table of ``k`` replicas, writing one synthetic seed per replicated source."""
    seeds = out_dir / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    at = {name: raw.column(name) for name in ("source_id", "seed_file", "sha256", "title")}
    author, outlet = raw.column("author"), raw.column("outlet")
    lengths = [
        len((data_dir.parent / row[at["seed_file"]]).read_text(encoding="utf-8"))
        for row in raw.rows
    ]
    rows = []
    for replica in range(k):
        for position, row in enumerate(raw.rows):
            source_id = row[at["source_id"]]
            own_quotes = quotes.get(source_id, [])
            text = seed_text(row[at["title"]], own_quotes, lengths[position], replica)
            content = text.encode("utf-8")
            name = f"seeds/{Path(row[at['seed_file']]).stem}-x{replica}.txt"
            (out_dir / name).write_bytes(content)
            new = list(row)
            new[at["source_id"]] = replica_id(source_id, replica)
            new[at["seed_file"]] = name
            new[at["sha256"]] = hashlib.sha256(content).hexdigest()
            writer = surname(replica * len(raw.rows) + position)
            if replica and row[author] == row[outlet]:  # an unsigned report: its outlet names it
                new[author] = new[outlet] = f"{row[outlet]} {writer}"
            elif replica:  # the label of a source is its author's last name and year
                new[author] = " ".join([*row[author].split()[:-1], writer])
            rows.append(new)
    return RawTable(raw.header, rows)


def make(data_dir: Path, out_dir: Path, k: int) -> Path:
    """Write a dataset ``k`` times the size of the one in ``data_dir``; its data folder."""
    tables = {table.name: read_table(data_dir / table.file_name) for table in TABLES}
    quotes = _quotes_by_source(tables)
    target = out_dir / "data"
    target.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        raw = tables[table.name]
        if table.name == "sources":
            result = _synthetic_sources(raw, k, data_dir, out_dir, quotes)
        elif table.name in SHARED_TABLES:
            result = raw
        else:
            result = _replicate(table, raw, k)
        write_table(target / table.file_name, result)
    return target


def row_counts(data_dir: Path) -> dict[str, int]:
    """The number of data rows of every table in ``data_dir``."""
    return {table.name: len(read_table(data_dir / table.file_name).rows) for table in TABLES}


def main() -> None:
    """Command line: write one synthetic dataset."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("k", type=int, help="how many times the real data")
    parser.add_argument("out_dir", type=Path, help="folder to write data/ and seeds/ into")
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="the real data")
    args = parser.parse_args()
    written = make(args.data_dir, args.out_dir, args.k)
    print(f"{written}: {row_counts(written)}")


if __name__ == "__main__":
    main()
