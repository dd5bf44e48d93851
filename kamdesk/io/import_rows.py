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

__all__ = ["DuplicateHit", "FieldChange", "ImportReport", "RowProblem", "cell_getter",
           "find_columns", "norm_header"]


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    # required, invalid_date, invalid_number, unknown_customer, ambiguous_customer,
    # duplicate, invalid_choice, out_of_range, … (the validation codes)
    code: str
    value: str = ""


@dataclass(frozen=True)
class FieldChange:
    """One stored value a re-import changed: customer code, field, old → new."""

    customer: str
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class DuplicateHit:
    """A row that looks like a customer already in the book under another code (same
    normalised name, phone or email), and what was done: skipped, updated or created."""

    line: int
    name: str
    existing_code: str
    reason: str   # name | phone | email
    action: str   # skip | update | create


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
    #: what an update changed, customer by customer (old → new)
    updated_fields: list[FieldChange] = field(default_factory=list)
    #: rows that looked like customers already in the book
    duplicates: list[DuplicateHit] = field(default_factory=list)
    #: (table, id, 'insert'|'update', old values) for the import batch that undoes it
    batch_rows: list[tuple[str, int, str, dict[str, object] | None]] = field(
        default_factory=list)
    #: the recorded import batch (None when nothing was written)
    batch_id: int | None = None

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
