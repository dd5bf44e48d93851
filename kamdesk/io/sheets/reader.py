"""Reading a whole sheet (CSV, TSV, TXT or XLSX) into a header and numbered data rows.

Brings the pieces together: bytes → text (:mod:`~kamdesk.io.sheets.decode`), the
delimiter (:mod:`~kamdesk.io.sheets.delimiters`), the header
(:mod:`~kamdesk.io.sheets.header`). Blank rows and total rows (合计/小计/总计/Total/Sum
in the first text cells) are not data: they are left out and listed in
:attr:`Sheet.skipped`, with the row number a user sees in Excel (1-based, title and
header rows counted; in a CSV the record number, so a cell holding a line break does
not shift it). NUL characters are removed from the cells and the row is noted. A CSV
cell may hold up to :data:`MAX_CSV_CELL` characters (the csv module's own limit,
128 KB, raised a bare ``_csv.Error``); a longer one makes the file unreadable
(``format``), it is not a sheet anyone typed.

XLSX is read with python-calamine when it is installed (about 5× faster than
openpyxl's read-only mode on a 100,000-row 表1, and it reports merged ranges), else
with openpyxl: its read-only mode cannot see merged ranges, so they are then read
from the sheet's XML (the ``<mergeCell ref="C2:D2"/>`` list) directly.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kamdesk.io.csv_guard import unguard_cells
from kamdesk.io.own_csv import is_kamdesk_csv
from kamdesk.io.sheets.columns import HeaderName
from kamdesk.io.sheets.decode import EncodingError, decode_bytes
from kamdesk.io.sheets.delimiters import detect_delimiter, dialect_for
from kamdesk.io.sheets.header import SCAN_ROWS, Merge, find_header

__all__ = ["XLSX_SUFFIXES", "SheetError", "Sheet", "SkippedRow", "is_total_row", "read_sheet",
           "xlsx_engine"]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: a total row's label: the Chinese words may carry a note (合计(万元)); the English ones
#: stand alone, so a cell like "SUM(A1:A9)x" or "Summit Ltd" is data, not a total
_TOTAL = re.compile(r"^(?:(?:合计|小计|总计|共计|总合计|累计)(?:[:(].*)?"
                    r"|(?:total|totals|subtotal|grandtotal|sum)[:]?)$")


#: the longest CSV cell read (characters); the importers then check each field's length
MAX_CSV_CELL = 16 * 1024 * 1024
_SPACES = re.compile(r"\s+")


class SheetError(Exception):
    """The file as a whole cannot be read: code 'missing' | 'format' | 'encoding' | 'empty'."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str  # 'blank' | 'total' | 'nul_removed' (the row is kept, its NULs dropped)


@dataclass
class Sheet:
    names: list[HeaderName]
    rows: list[tuple[int, list[object]]]       # (row number as Excel shows it, cells)
    header_lines: tuple[int, int] = (1, 1)     # first and last header row, 1-based
    skipped: list[SkippedRow] = field(default_factory=list)
    encoding: str = ""                         # CSV only
    delimiter: str = ""                        # CSV only
    merges: list[Merge] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [n.text for n in self.names]


def is_total_row(cells: list[object]) -> bool:
    """Whether the first text cells of a row say it is a total (合计, Total …)."""
    looked = 0
    for t in cells:
        if isinstance(t, str) and t.strip():
            key = _SPACES.sub("", unicodedata.normalize("NFKC", t)).lower()
            if _TOTAL.match(key):
                return True
            looked += 1
            if looked == 2:
                break
    return False


def _is_blank(cells: list[object]) -> bool:
    for c in cells:  # a plain loop: a row's first cell usually decides
        if c is None or (isinstance(c, str) and not c.strip()):
            continue
        return False
    return True


def _build(raw_rows: list[list[object]], merges: list[Merge], skipped: list[SkippedRow]
           ) -> Sheet:
    if not raw_rows or all(_is_blank(r) for r in raw_rows[:SCAN_ROWS]):
        raise ValueError("empty")
    found = find_header(raw_rows, merges)
    rows: list[tuple[int, list[object]]] = []
    for index in range(found.data_start, len(raw_rows)):
        cells, line = raw_rows[index], index + 1
        if _is_blank(cells):
            skipped.append(SkippedRow(line, "blank"))
        elif is_total_row(cells):
            skipped.append(SkippedRow(line, "total"))
        else:
            rows.append((line, cells))
    # Trailing blank rows are noise (Excel's used range), not worth a note each.
    last_data = rows[-1][0] if rows else found.data_start
    kept = [s for s in skipped if s.reason != "blank" or s.line < last_data]
    return Sheet(found.names, rows, (found.first + 1, found.last + 1),
                 sorted(kept, key=lambda s: s.line), merges=merges)


def _csv_rows(text: str, delimiter: str, skipped: list[SkippedRow]) -> list[list[object]]:
    out: list[list[object]] = []
    if csv.field_size_limit() < MAX_CSV_CELL:
        csv.field_size_limit(MAX_CSV_CELL)
    for number, record in enumerate(csv.reader(io.StringIO(text), dialect_for(delimiter)),
                                    start=1):
        if any("\x00" in c for c in record):
            record = [c.replace("\x00", "") for c in record]
            skipped.append(SkippedRow(number, "nul_removed"))
        out.append(list(record))
    return out


def read_sheet(path: str | Path) -> Sheet:
    """The first sheet of ``path``; :class:`SheetError` when it cannot be read."""
    p = Path(path)
    if not p.exists():
        raise SheetError("missing", str(p))
    skipped: list[SkippedRow] = []
    if p.suffix.lower() in XLSX_SUFFIXES:
        raw_rows, merges = _xlsx_rows(p)
        encoding = delimiter = ""
    else:
        try:
            decoded = decode_bytes(p.read_bytes())
        except EncodingError as exc:
            raise SheetError("encoding", str(p), str(exc)) from None
        delimiter = detect_delimiter(decoded.text)
        try:
            raw_rows = _csv_rows(decoded.text, delimiter, skipped)
        except csv.Error as exc:  # a cell beyond MAX_CSV_CELL
            raise SheetError("format", str(p), str(exc)) from None
        merges, encoding = [], decoded.encoding
    try:
        sheet = _build(raw_rows, merges, skipped)
    except ValueError:
        raise SheetError("empty", str(p)) from None
    sheet.encoding, sheet.delimiter = encoding, delimiter
    if delimiter and is_kamdesk_csv(sheet.headers):
        # KAMDesk's own CSV: undo its formula guard (never in XLSX, where a text cell
        # starting with an apostrophe is data)
        sheet.rows = [(n, list(unguard_cells([str(x) for x in c]))) for n, c in sheet.rows]
    return sheet


# -- XLSX ---------------------------------------------------------------------------
def xlsx_engine() -> str:
    """'calamine' when python-calamine is importable, else 'openpyxl'."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return "openpyxl"
    return "calamine"


def _xlsx_rows(p: Path) -> tuple[list[list[object]], list[Merge]]:
    try:
        if xlsx_engine() == "calamine":
            return _calamine_rows(p)
        return _openpyxl_rows(p)
    except SheetError:
        raise
    except Exception as exc:  # both readers raise many types for a bad file
        raise SheetError("format", str(p), str(exc)) from exc


def _calamine_rows(p: Path) -> tuple[list[list[object]], list[Merge]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(p))
    sheet = book.get_sheet_by_index(0)
    rows: list[list[object]] = [[None if c == "" else c for c in row]
                                for row in sheet.to_python(skip_empty_area=False)]
    merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
    return rows, merges


def _openpyxl_rows(p: Path) -> tuple[list[list[object]], list[Merge]]:
    from openpyxl import load_workbook

    wb = load_workbook(p, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    return rows, _xml_merges(p)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _xml_merges(p: Path) -> list[Merge]:
    """The first sheet's merged ranges, read from its XML (read-only openpyxl has none)."""
    with zipfile.ZipFile(p) as z:
        names = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
        if not names:
            return []
        data = z.read("xl/worksheets/sheet1.xml" if "xl/worksheets/sheet1.xml" in names
                      else names[0])
    return [(int(r0) - 1, _col(c0), int(r1) - 1, _col(c1))
            for c0, r0, c1, r1 in _MERGE.findall(data)]
