"""A row of a table of the schema as the tests write it: a test gives only the cells that matter
to it, and every other column of the table is an empty cell.

Both the datasets built in memory (:mod:`support.handmade`) and those written to files
(:mod:`support.written`) fill their rows here.
"""

from __future__ import annotations

from collections.abc import Mapping

from helpers.evidence.schema import Table


def full_row(table: Table, row: Mapping[str, object]) -> dict[str, str]:
    """Every column of ``table`` in order, with the cells of ``row`` and the others empty; a
    cell of a column the table does not have is an error."""
    unknown = set(row) - set(table.column_names)
    if unknown:
        raise ValueError(f"{table.name}: not columns of the schema: {sorted(unknown)}")
    return {column: str(row.get(column, "")) for column in table.column_names}
