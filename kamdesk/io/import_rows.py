"""What every table importer shares: the report of an import (counts and every bad row
by line and column) and matching a sheet's headers to the fields it fills.

Kept apart from :mod:`kamdesk.io.import_tables` (the dispatcher and the method's three
tables) so each kind's importer (e.g. :mod:`kamdesk.io.import_orders`) can use it
without importing the dispatcher back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kamdesk.io.tabular import Table, cell_text
from kamdesk.store.ops.changes import Changes

__all__ = ["ImportReport", "RowProblem", "cell_getter", "find_columns", "norm_header"]


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    # required, invalid_date, invalid_number, unknown_customer, ambiguous_customer,
    # duplicate, invalid_choice, out_of_range, … (the validation codes)
    code: str
    value: str = ""


@dataclass
class ImportReport:
    kind: str
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    #: rows that were already in the book (re-importing the same orders adds nothing)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    written: bool = False
    missing_columns: list[str] = field(default_factory=list)
    touched_customers: set[int] = field(default_factory=set)
    changes: Changes = field(default_factory=Changes)

    @property
    def skipped_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def norm_header(header: str) -> str:
    """A heading as the column maps spell it: lower case, ASCII brackets, no spaces."""
    return header.strip().lower().replace("（", "(").replace("）", ")").replace(" ", "")


def find_columns(table: Table, spec: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """field -> column index, for the fields whose heading (any alias) the sheet has."""
    index = {norm_header(h): i for i, h in enumerate(table.headers)}
    out: dict[str, int] = {}
    for fieldname, aliases in spec.items():
        for alias in aliases:
            if alias in index:
                out[fieldname] = index[alias]
                break
    return out


def cell_getter(cols: dict[str, int]) -> Callable[[list[object], str], str]:
    """get(cells, field) -> the cell's text ('' when the column is absent)."""
    def get(cells: list[object], name: str) -> str:
        i = cols.get(name)
        return cell_text(cells[i]) if i is not None and i < len(cells) else ""
    return get
