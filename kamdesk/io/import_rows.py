"""What every table importer shares: the report of an import (counts and every bad row
by line and column) and matching a sheet's headers to the fields it fills.

Kept apart from :mod:`kamdesk.io.import_tables` (the dispatcher and the method's three
tables) so each kind's importer (e.g. :mod:`kamdesk.io.import_orders`) can use it
without importing the dispatcher back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from kamdesk.io.sheets.columns import KIND_COLUMNS, match_meanings, normal_key
from kamdesk.io.sheets.reader import SkippedRow
from kamdesk.io.tabular import Table, cell_text
from kamdesk.store.ops.changes import Changes

__all__ = ["DuplicateHit", "FieldChange", "ImportReport", "RowProblem", "cell_getter",
           "find_columns", "name_problems", "norm_header", "reason_of", "row_reader"]


@dataclass(frozen=True)
class RowProblem:
    line: int  # the row number as Excel shows it (title and header rows counted)
    column: str  # the field (internal; never shown) — or the file's heading
    # required, invalid_date, ambiguous_date, invalid_number, invalid_amount,
    # negative_amount, unknown_customer, ambiguous_customer, duplicate,
    # invalid_choice, out_of_range, … (the validation codes)
    code: str
    value: str = ""
    #: the column's heading as the file writes it ("年度贡献值（万元）"); '' when the
    #: file has no such column
    header: str = ""


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
    #: blank and total rows left out of the import, rows whose NUL bytes were removed
    skipped_rows: list[SkippedRow] = field(default_factory=list)
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
    """A heading as the column maps compare it: NFKC, lower case, ASCII brackets, no
    spaces (:func:`kamdesk.io.sheets.columns.normal_key`)."""
    return normal_key(header)


def find_columns(table: Table, spec: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """field -> column index, for the fields whose heading (any synonym, any unit) the
    sheet has — or, when the user chose a mapping for this kind, that mapping."""
    chosen = table.mapping
    if chosen is not None and set(spec) <= set(KIND_COLUMNS[chosen.kind]):
        return {f: i for f, i in chosen.columns.items() if f in spec}
    return match_meanings(table.names, spec)


def name_problems(table: Table, spec: dict[str, tuple[str, ...]],
                  problems: list[RowProblem]) -> list[RowProblem]:
    """The problems with the file's own heading filled in (for the report)."""
    cols = find_columns(table, spec)
    out = []
    for p in problems:
        index = cols.get(p.column)
        header = p.header or (table.headers[index] if index is not None
                              and index < len(table.headers) else "")
        out.append(replace(p, header=header))
    return out


def reason_of(exc: Exception, default: str) -> str:
    """The reason code a cell reader gave (``CellError.code``), else ``default``."""
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) else default


def cell_getter(cols: dict[str, int]) -> Callable[[list[object], str], str]:
    """get(cells, field) -> the cell's text ('' when the column is absent)."""
    def get(cells: list[object], name: str) -> str:
        i = cols.get(name)
        return cell_text(cells[i]) if i is not None and i < len(cells) else ""
    return get


def row_reader(cols: dict[str, int], fields: Iterable[str]
               ) -> Callable[[list[object]], dict[str, str]]:
    """read(cells) -> {field: the cell's text} for every one of ``fields`` ('' when the
    sheet has no such column): each cell read once a row, however often it is used."""
    present = [(name, i) for name, i in cols.items() if name in set(fields)]
    absent = dict.fromkeys((f for f in fields if f not in cols), "")

    def read(cells: list[object]) -> dict[str, str]:
        n = len(cells)
        out = absent.copy()
        for name, i in present:
            out[name] = cell_text(cells[i]) if i < n else ""
        return out
    return read
