"""Reading the spreadsheets people already keep: CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX.

Chinese Excel saves CSV as GBK by default, so a file that is not valid UTF-8 is read
as GB18030 (a superset of GBK) before giving up.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kamdesk.io.own_csv import unguard_row


class TableReadError(Exception):
    """The file as a whole cannot be read (missing, wrong format, bad encoding)."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code  # 'missing' | 'format' | 'encoding' | 'empty'
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (1-based line/row number in the file, cells)


def _decode(raw: bytes, path: str) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise TableReadError("encoding", path)


def read_table(path: str | Path) -> Table:
    p = Path(path)
    if not p.exists():
        raise TableReadError("missing", str(p))
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(p)
    text = _decode(p.read_bytes(), str(p))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows_iter: Iterator[list[str]] = iter(reader)
    try:
        headers = [h.strip() for h in next(rows_iter)]
    except StopIteration:
        raise TableReadError("empty", str(p)) from None
    rows: list[tuple[int, list[object]]] = []
    for number, cells in enumerate(rows_iter, start=2):
        if any(c.strip() for c in cells):
            rows.append((number, unguard_row(headers, cells)))  # our CSV: guards off
    return Table(headers, rows)


def _read_xlsx(p: Path) -> Table:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise TableReadError("format", str(p), str(exc)) from exc
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        headers = [str(h).strip() if h is not None else "" for h in next(it)]
    except StopIteration:
        raise TableReadError("empty", str(p)) from None
    rows = []
    for number, cells in enumerate(it, start=2):
        values = list(cells)
        if any(v not in (None, "") for v in values):
            rows.append((number, values))
    wb.close()
    return Table(headers, rows)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_day(value: object) -> date | None:
    """Accepts 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日 and Excel dates."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for ch in "/.年月":
        text = text.replace(ch, "-")
    text = text.replace("日", "").split(" ")[0].strip("-")
    parts = text.split("-")
    if len(parts) != 3:
        raise ValueError(str(value))
    y, m, d = (int(x) for x in parts)
    return date(y, m, d)


def parse_moment(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    text = str(value).strip()
    if " " in text or "T" in text:
        day_part, _, time_part = text.replace("T", " ").partition(" ")
        d = parse_day(day_part)
        hh, _, mm = time_part.partition(":")
        return datetime(d.year, d.month, d.day, int(hh), int(mm[:2] or 0)) if d else None
    d = parse_day(text)
    return datetime(d.year, d.month, d.day, 9, 0) if d else None
