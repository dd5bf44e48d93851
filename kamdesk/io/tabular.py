"""The table an importer works on: the sheet's header and numbered data rows, plus
the cell readers the importers call.

Reading itself (encodings, delimiters, title rows, merged headers, blank and total
rows) lives in :mod:`kamdesk.io.sheets`; this module keeps the small interface the
importers were written against (``read_table``, ``Table``, ``parse_day``,
``parse_moment``, ``cell_text``) so they need not know how a file was read.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path

from kamdesk.domain.text_clean import clean_text
from kamdesk.io.sheets.columns import HeaderName, header_name
from kamdesk.io.sheets.mapping import Mapping
from kamdesk.io.sheets.reader import SheetError, SkippedRow, read_sheet
from kamdesk.io.sheets.values import NO_VALUE_WORDS, is_no_value
from kamdesk.io.sheets.values import parse_date as _parse_date
from kamdesk.io.sheets.values import parse_moment as _parse_moment

__all__ = ["Table", "TableReadError", "cell_text", "parse_day", "parse_moment", "read_table"]

#: the hour given to a contact whose sheet names only its day
DEFAULT_CONTACT_TIME = time(9, 0)
#: the length of the longest "no value" mark (—, N/A, 暂无…)
_LONGEST_NO_VALUE = max(map(len, NO_VALUE_WORDS))


class TableReadError(Exception):
    """The file as a whole cannot be read (missing, wrong format, bad encoding)."""

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code  # 'missing' | 'format' | 'encoding' | 'empty'
        self.path = path
        self.detail = detail


@dataclass
class Table:
    headers: list[str]                       # as the file heads each column
    rows: list[tuple[int, list[object]]]     # (row number as Excel shows it, cells)
    names: list[HeaderName] = field(default_factory=list)
    #: blank and total rows left out, rows whose NULs were removed
    skipped: list[SkippedRow] = field(default_factory=list)
    #: a mapping chosen by the user (wizard or ``--mapping``); None: guessed
    mapping: Mapping | None = None

    def __post_init__(self) -> None:
        if not self.names:
            self.names = [header_name(h) for h in self.headers]


def read_table(path: str | Path) -> Table:
    try:
        sheet = read_sheet(path)
    except SheetError as exc:
        raise TableReadError(exc.code, exc.path, exc.detail) from None
    return Table(sheet.headers, sheet.rows, sheet.names, sheet.skipped)


@lru_cache(maxsize=4096)
def _short_no_value(text: str) -> bool:
    """:func:`is_no_value` of a short cell (the same few texts fill a column: types,
    months, "-"), worked out once per text."""
    return is_no_value(text)


def cell_text(value: object) -> str:
    """A cell as text: '' for an empty cell or a "no value" mark (—, -, N/A)."""
    if value is None:
        return ""
    if type(value) is str:
        # no NUL, lone CR or other control character comes in (domain/text_clean)
        text = clean_text(value).strip()
        # Longer than any "no value" mark and already in NFKC form: cannot be one.
        if len(text) > _LONGEST_NO_VALUE and unicodedata.is_normalized("NFKC", text):
            return text
        return "" if _short_no_value(text) else text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and is_no_value(value):
        return ""
    # no NUL, lone CR or other control character comes in (domain/text_clean)
    return clean_text(str(value)).strip()


def parse_day(value: object) -> date | None:
    """A day from a cell (see :mod:`kamdesk.io.sheets.values` for the forms read);
    raises ``CellError`` (a ``ValueError``) with a reason code."""
    return _parse_date(value)


def parse_moment(value: object) -> datetime | None:
    """A moment from a cell; a day without a time is taken at 09:00."""
    return _parse_moment(value, DEFAULT_CONTACT_TIME)
