"""The checks that one table cannot do alone: unique ids across tables, references that resolve,
evidence for every fact, stances that fit their subject, dates and figures that hold together,
seeds that are the ones curated, and every quote found in its seed.

Each check appends :class:`~helpers.evidence.problems.Problem` lines; a cell already reported
as malformed by its column check (``skip``) is not checked again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from helpers.evidence import inputs, schema
from helpers.evidence.inputs import Refused, confined, read_limited
from helpers.evidence.problems import Problem
from helpers.evidence.quotes import Seed
from helpers.evidence.reading import RawTable
from helpers.evidence.schema import TABLES, split_list

Skip = dict[str, set[tuple[int | None, str | None]]]
"""Per table, the (line, column) cells already reported as malformed."""


def check_ids(raws: dict[str, RawTable], problems: list[Problem]) -> dict[str, str]:
    """Ids are unique within and across tables; returns every id → its table name."""
    owner: dict[str, str] = {}
    first_seen: dict[str, tuple[str, int]] = {}
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        for line, identifier in raw.frame[table.id_column].items():
            if not identifier:
                continue
            if identifier in first_seen:
                file, at = first_seen[identifier]
                where = f"line {at}" if file == raw.display else f"{file}:{at}"
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        table.id_column,
                        f"{identifier!r} is a duplicate id (first used at {where})",
                    )
                )
                continue
            first_seen[identifier] = (raw.display, line)
            owner[identifier] = table.name
    return owner


def check_references(
    raws: dict[str, RawTable], owner: dict[str, str], problems: list[Problem], skip: Skip
) -> None:
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None:
            continue
        bad = skip.get(table.name, set())
        unread = {t.name for t in TABLES if t.name not in raws}
        for column in table.columns:
            if not column.references:
                continue
            allowed = " or ".join(column.references)
            for line, cell in raw.frame[column.name].items():
                if not cell or (line, column.name) in bad:
                    continue
                # cells are stripped when read: one without a separator is one id
                for ref in split_list(cell) if schema.LIST_SEPARATOR in cell else (cell,):
                    target = owner.get(ref)
                    if target is None and schema.table_of_id(ref) in unread:
                        continue  # its table could not be read: that problem is reported already
                    if target is None:
                        problems.append(
                            Problem(
                                raw.display, line, column.name, f"{ref!r} is not an id in {allowed}"
                            )
                        )
                    elif target not in column.references:
                        problems.append(
                            Problem(
                                raw.display,
                                line,
                                column.name,
                                f"{ref!r} is an id in {target}, expected one in {allowed}",
                            )
                        )


def check_evidence(
    raws: dict[str, RawTable], owner: dict[str, str], problems: list[Problem], skip: Skip
) -> None:
    evidence = raws.get("evidence")
    if evidence is None:
        return
    bad = skip.get("evidence", set())
    attested: set[str] = set()
    frame = evidence.frame
    for line, subject, stance in zip(
        frame.index, frame["subject_id"], frame["stance"], strict=True
    ):
        attested.add(subject)
        kind = owner.get(subject)
        if kind is None or (line, "stance") in bad:
            continue
        allowed = schema.STANCES_FOR_SUBJECT.get(kind, ())
        if stance not in allowed:
            problems.append(
                Problem(
                    evidence.display,
                    line,
                    "stance",
                    f"{stance!r} is not a stance for {kind} (use {', '.join(allowed)})",
                )
            )
    for table in TABLES:
        raw = raws.get(table.name)
        if raw is None or not table.needs_evidence:
            continue
        for line, identifier in raw.frame[table.id_column].items():
            if identifier and identifier not in attested:
                problems.append(
                    Problem(
                        raw.display,
                        line,
                        table.id_column,
                        f"{identifier!r} has no evidence row in evidence.csv",
                    )
                )


def rows(frame: pd.DataFrame) -> Iterable[tuple[int, dict[str, str]]]:
    """``(line, row)`` pairs like ``DataFrame.iterrows`` gives, each row a dict (much faster)."""
    return zip(frame.index, frame.to_dict("records"), strict=True)


def load_seeds(
    raw: RawTable, data_dir: Path, problems: list[Problem], skip: set
) -> dict[str, Seed]:
    """Read each source's seed, check its SHA-256, and return the seeds by source id.

    A seed is read only from inside the folder its column declares (``seeds/``), only when it
    is under the size limit, and only when it is UTF-8; otherwise the source's line says why.
    """
    seeds: dict[str, Seed] = {}
    root = data_dir.parent
    folder = schema.TABLES_BY_NAME["sources"].column("seed_file").inside or "seeds"
    for line, row in rows(raw.frame):
        if (line, "seed_file") in skip:
            continue
        name = row["seed_file"]

        def refuse(message: str, column: str = "seed_file", line: int = line) -> None:
            problems.append(Problem(raw.display, line, column, message))

        try:
            path = confined(root, name, folder)
        except Refused as refused:
            refuse(f"{name!r} {refused}")
            continue
        try:
            content = read_limited(path, inputs.MAX_SEED_BYTES, "a seed", follow=False)
        except Refused as refused:
            refuse(f"{name!r} {refused}")
            continue
        digest = hashlib.sha256(content).hexdigest()
        if (line, "sha256") not in skip and digest != row["sha256"]:
            refuse(
                f"{row['sha256'][:12]}… does not match {name} "
                f"(its SHA-256 is {digest[:12]}…): the seed has changed",
                "sha256",
            )
        try:
            seeds[row["source_id"]] = Seed(content.decode("utf-8"))
        except UnicodeDecodeError as err:
            byte = content[err.start : err.start + 1].hex()
            refuse(
                f"{name!r} is not UTF-8 text: byte 0x{byte} at offset {err.start} cannot be decoded"
            )
    return seeds


def check_quotes(raw: RawTable, seeds: dict[str, Seed], problems: list[Problem], skip: set) -> None:
    frame = raw.frame
    for line, quote, source_id in zip(frame.index, frame["quote"], frame["source_id"], strict=True):
        if (line, "quote") in skip or (line, "source_id") in skip:
            continue
        seed = seeds.get(source_id)
        if seed is None or not quote:
            continue
        if not seed.contains(quote):
            shown = quote if len(quote) <= 60 else quote[:57] + "..."
            problems.append(
                Problem(
                    raw.display,
                    line,
                    "quote",
                    f"{shown!r} is not found in the seed of {source_id}",
                )
            )
