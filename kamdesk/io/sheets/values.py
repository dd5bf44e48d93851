"""Reading one cell's value the way people write it — or saying exactly why not.

* **No value**: empty, ``—`` ``–`` ``-`` ``－`` ``/`` ``N/A`` ``NA`` ``无`` ``空`` (after NFKC).
* **Dates**: a date/datetime cell; an Excel serial number (a number cell, or a text of
  five digits such as ``"45234"`` in a date column) on Excel's 1900 system, with its
  leap-year bug respected (serial 60 is the 29 February 1900 that never was, refused;
  serials below 60 are one day later than a naive count); text as ``2024-03-05``,
  ``2024/3/5``, ``2024.3.5``, ``2024年3月5日``, ``2024 年 3 月 5 日``, ``20240305``,
  each optionally followed by a time ``9:30`` / ``09:30:15``. Refused with a reason:
  two-digit years (``24-3-5``: which century, and is it D-M-Y?) → ``ambiguous_date``,
  day-first/month-first forms (``5/3/2024``) → ``ambiguous_date``, anything else →
  ``invalid_date``.
* **Amounts** (fen, through :func:`kamdesk.domain.money.parse_money`): the unit from the
  header or the cell (元/万元/万/k), thousands separators only in groups of three
  (``1,234.56万元`` yes, ``1,2,3万`` no), accounting negatives ``(1,000)``,
  full-width digits. A negative where none is allowed → ``negative_amount``.
* **Whole numbers**, with the same separators → ``invalid_number`` otherwise.
* **Bounds** (:mod:`kamdesk.domain.input_limits`): a date outside 1900–2200, an amount
  beyond ±10^15 fen, a whole number beyond ±10^9 → ``out_of_range``; ``Infinity``,
  ``NaN`` and numbers longer than 64 characters are not numbers.

Every refusal is a :class:`CellError` (a ``ValueError``, so older callers that catch
``ValueError`` keep working) carrying a reason code from :data:`REASONS`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from kamdesk.domain.input_limits import (
    MAX_COUNT,
    MAX_NUMBER_CHARS,
    MAX_YEAR,
    MIN_YEAR,
    amount_in_range,
    count_in_range,
)
from kamdesk.domain.money import FEN_PER_YUAN, AmountOutOfRange, money_from_number, parse_money

__all__ = ["NO_VALUE_WORDS", "REASONS", "CellError", "excel_serial_date", "is_no_value",
           "parse_amount", "parse_date", "parse_int", "parse_moment"]

#: reason code -> (English, Chinese) sentence that follows the column's name
REASONS: dict[str, tuple[str, str]] = {
    "invalid_date": ("is not a date", "不是有效日期"),
    "ambiguous_date": ("is a date that can be read two ways (write the year in four digits, "
                       "year first)", "日期有歧义（请写四位年份、年份在前）"),
    "invalid_number": ("is not a number", "不是有效数字"),
    "negative_amount": ("must not be negative", "不能为负数"),
    "invalid_amount": ("is not an amount of money", "不是有效金额"),
    "out_of_range": ("is out of range", "超出允许范围"),
}
NO_VALUE_WORDS = frozenset({"", "-", "--", "—", "——", "–", "−", "/", "n/a", "na", "none", "null",
                            "无", "空", "暂无", "#n/a"})

_EPOCH = date(1899, 12, 30)
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.\d+)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_SHORT_YEAR = re.compile(r"^(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})$")
_WITH_TIME = re.compile(r"^(?P<day>.+?)(?P<clock>[\sT]+(?P<h>\d{1,2}):(?P<m>\d{2})"
                        r"(?::(?P<s>\d{2}))?(?:\.\d+)?)?$")
_INTEGER = re.compile(r"^[+-]?(\d+|\d{1,3}(?:,\d{3})+)(\.0+)?$")


class CellError(ValueError):
    """A cell that cannot be read; ``code`` is a key of :data:`REASONS`."""

    def __init__(self, code: str, value: object) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


def _text(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def is_no_value(value: object) -> bool:
    """True for an empty cell and for the marks people put in one ("—", "-", "N/A")."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    return _text(value).lower() in NO_VALUE_WORDS


def excel_serial_date(serial: float) -> datetime:
    """Excel's 1900 date system: day 1 is 1900-01-01, day 60 is the non-existent
    1900-02-29 (kept by Excel for Lotus compatibility, refused here)."""
    if not 1 <= serial < 2958466:  # also NaN; 2958466 is 10000-01-01
        raise CellError("invalid_date", serial)
    whole = int(serial)
    if whole == 60:
        raise CellError("invalid_date", serial)
    day = _EPOCH + timedelta(days=whole + (1 if whole < 60 else 0))
    seconds = round((serial - whole) * 86400)
    try:
        return datetime.combine(day, time()) + timedelta(seconds=seconds)
    except OverflowError:  # 2958465.99999999 rounds up to the year 10000
        raise CellError("invalid_date", serial) from None


def _day(y: int, m: int, d: int, raw: object) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise CellError("invalid_date", raw) from None


def _split_time(t: str) -> tuple[str, time | None]:
    """(date part, time or None) of a text; a bad clock raises."""
    m = _WITH_TIME.match(t)
    if not m or not m.group("clock"):
        return t, None
    hh, mm, ss = int(m.group("h")), int(m.group("m")), int(m.group("s") or 0)
    if hh > 23 or mm > 59 or ss > 59:
        raise CellError("invalid_date", t)
    return m.group("day").strip(), time(hh, mm, ss)


def parse_moment(value: object, default_time: time = time()) -> datetime | None:
    """A date (and time when given) from a cell; None when it holds no value. A date
    without a time comes back at ``default_time``."""
    moment = _moment(value, default_time)
    if moment is not None and not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise CellError("out_of_range", value)
    return moment


def _moment(value: object, default_time: time) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, default_time)
    if isinstance(value, bool):
        raise CellError("invalid_date", value)
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, Decimal) and not value.is_finite() or not 1 <= value < 2958466:
            # NaN, Infinity, and ints too big for a float
            raise CellError("invalid_date", value)
        moment = excel_serial_date(float(value))
        return moment if value != int(value) else datetime.combine(moment.date(), default_time)
    if is_no_value(value):
        return None
    t = _text(value)
    if _SERIAL_TEXT.match(t):
        return _moment(float(t), default_time)
    m = _COMPACT.match(t)
    if m:
        return datetime.combine(_day(int(m[1]), int(m[2]), int(m[3]), value), default_time)
    day_part, clock = _split_time(t)
    m = _YMD.match(day_part)
    if m:
        day = _day(int(m[1]), int(m[2]), int(m[3]), value)
        return datetime.combine(day, clock or default_time)
    if _SHORT_YEAR.match(day_part) or _DAY_FIRST.match(day_part):
        raise CellError("ambiguous_date", value)
    raise CellError("invalid_date", value)


def parse_date(value: object) -> date | None:
    moment = parse_moment(value)
    return moment.date() if moment is not None else None


def parse_amount(value: object, *, unit_fen: int | None = None,
                 allow_negative: bool = True) -> int | None:
    """An amount in fen; ``unit_fen`` is the header's unit (None: yuan, and a unit in
    the cell counts)."""
    if is_no_value(value):
        return None
    unit = unit_fen or FEN_PER_YUAN
    fen: int | None
    try:
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            fen = money_from_number(value, unit_fen=unit, allow_negative=True)
        else:
            # A unit in the cell counts only when the header gives none (parse_money).
            fen = parse_money(_text(value), unit_fen=unit, allow_negative=True)
    except AmountOutOfRange:
        raise CellError("out_of_range", value) from None
    except ValueError:
        raise CellError("invalid_amount", value) from None
    if fen is not None and not amount_in_range(fen):
        raise CellError("out_of_range", value)
    if fen is not None and fen < 0 and not allow_negative:
        raise CellError("negative_amount", value)
    return fen


def parse_int(value: object) -> int | None:
    """A whole number: "1,234", "１２", "12.0", a number cell; None when empty."""
    if is_no_value(value):
        return None
    if isinstance(value, bool):
        raise CellError("invalid_number", value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, (float, Decimal)):
        number_ = Decimal(repr(value)) if isinstance(value, float) else value
        if not number_.is_finite() or number_ != number_.to_integral_value():
            raise CellError("invalid_number", value)  # NaN, Infinity, 1.5
        if not -MAX_COUNT <= number_ <= MAX_COUNT:  # before int(): 1E+999999
            raise CellError("out_of_range", value)
        number = int(number_)
    else:
        t = _text(value)
        if len(t) > MAX_NUMBER_CHARS or not _INTEGER.match(t):
            raise CellError("invalid_number", value)
        try:
            number = int(Decimal(t.replace(",", "")))
        except InvalidOperation:
            raise CellError("invalid_number", value) from None
    if not count_in_range(number):
        raise CellError("out_of_range", value)
    return number
