"""Reading an amount of money the way people write it, into exact fen (分).

A key-account manager types "12.5万", "￥1,234.50", "1 234" or "1234.5元", and sheets
say the unit in the header (金额（万元）). Money is stored as whole fen, so a text is
either read exactly or refused: nothing is rounded away, and anything that could mean
two things is refused rather than guessed —

* digit groups must be groups of three ("1,234,567"; "1,2,3万" and "12,5" are refused:
  a misplaced comma, or a European decimal comma);
* a comma after the decimal point ("1.234,50"), two decimal points, or commas mixed
  with spaces as separators are refused;
* more precision than a fen ("1.234" 元, "1.2345678万") is refused;
* a unit in the cell when the column already gives one ("12.5万" in a 万元 column)
  is refused (万万元?);
* an amount beyond ±10^15 fen (:data:`kamdesk.domain.input_limits.MAX_AMOUNT_FEN`),
  ``Infinity``, ``NaN`` and numbers of more than 64 characters are refused;
* a minus sign is refused unless the caller allows it (an order's amount is
  positive; a return is entered as a positive amount of kind "return").

No Qt, no SQL: the dialogs, the importer and the CLI all read amounts here.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from kamdesk.domain.input_limits import MAX_AMOUNT_FEN, MAX_NUMBER_CHARS, amount_in_range

__all__ = ["AmountOutOfRange", "FEN_PER_WAN", "FEN_PER_YUAN", "parse_money", "money_from_number",
           "unit_from_header", "yuan_text"]

FEN_PER_YUAN = 100
FEN_PER_WAN = 100 * 10_000

#: units written after the number (longest first), and their worth in fen
_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("万元", FEN_PER_WAN), ("万", FEN_PER_WAN), ("元", FEN_PER_YUAN), ("块", FEN_PER_YUAN),
    ("rmb", FEN_PER_YUAN), ("cny", FEN_PER_YUAN), ("yuan", FEN_PER_YUAN),
    ("k", 1000 * FEN_PER_YUAN),
)
#: currency marks written before the number
_PREFIXES = ("¥", "rmb", "cny")

_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_SPACED = re.compile(r"^\d{1,3}(?: \d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")


class AmountOutOfRange(ValueError):
    """An amount that is a number but beyond ±:data:`MAX_AMOUNT_FEN` fen."""


def _strip_affixes(t: str) -> tuple[str, int | None]:
    """The number without currency marks and unit; the unit's worth (None: none given)."""
    for prefix in _PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix):].strip()
            break
    unit = None
    for suffix, worth in _SUFFIXES:
        if t.endswith(suffix):
            t, unit = t[: -len(suffix)].strip(), worth
            break
    return t, unit


def _integer_part(t: str) -> str:
    """The digits of the part before the decimal point, separators checked."""
    if _PLAIN.match(t):
        return t
    if _GROUPED.match(t) or _SPACED.match(t):
        return t.replace(",", "").replace(" ", "")
    raise ValueError(t)


def parse_money(text: str, *, unit_fen: int = FEN_PER_YUAN,
                allow_negative: bool = False) -> int | None:
    """``text`` as fen; ``None`` when it is empty; ``ValueError`` when it is not an
    amount or could be read two ways (see the module's notes).

    ``unit_fen`` is what one unit of a bare number is worth: yuan by default, or
    :data:`FEN_PER_WAN` for a column headed 万元. A unit written in the text itself
    (万, 元, k) counts only when the caller gave none of its own.
    """
    # NFKC turns full-width digits, ，and ￥ into their ASCII forms.
    t = unicodedata.normalize("NFKC", text or "").strip().lower()
    t = _SPACES.sub(" ", t)
    if not t:
        return None
    negative = False
    if t.startswith(("-", "−")):
        negative, t = True, t[1:].strip()
    elif t.startswith("(") and t.endswith(")"):  # accountants' (1,234.00)
        negative, t = True, t[1:-1].strip()
    t, written_unit = _strip_affixes(t)
    if t.startswith("-") and not negative:  # ¥-12
        negative, t = True, t[1:].strip()
    if negative and not allow_negative:
        raise ValueError(text)
    if written_unit is not None and unit_fen != FEN_PER_YUAN:
        raise ValueError(text)  # the column has a unit already
    worth = written_unit if written_unit is not None else unit_fen
    whole, dot, fraction = t.partition(".")
    if not whole or "." in fraction or "," in fraction or " " in fraction:
        raise ValueError(text)
    if dot and not (fraction.isdigit() and fraction.isascii()):
        raise ValueError(text)
    digits = _integer_part(whole)
    if len(digits) + len(fraction) > MAX_NUMBER_CHARS:
        raise AmountOutOfRange(text)  # no typed amount is that long (and Decimal would round it)
    try:
        value = Decimal(f"{digits}.{fraction or '0'}") * worth
    except InvalidOperation:
        raise ValueError(text) from None
    if value != value.to_integral_value():
        raise ValueError(text)  # finer than a fen
    cents = int(value)
    if not amount_in_range(cents):
        raise AmountOutOfRange(text)
    return -cents if negative else cents


def money_from_number(value: float | int | Decimal, *, unit_fen: int = FEN_PER_YUAN,
                      allow_negative: bool = False) -> int:
    """A number cell of a spreadsheet (in units of ``unit_fen``) as fen.

    Excel keeps 1234.56 as a binary float; its shortest decimal form is what the
    user typed, so it is read through ``repr`` and then must be exact to the fen.
    """
    if isinstance(value, bool):
        raise ValueError(str(value))
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not amount.is_finite():
        raise ValueError(str(value))  # Infinity, NaN
    if abs(amount) > Decimal(MAX_AMOUNT_FEN) / unit_fen:
        raise AmountOutOfRange(str(value))  # 1e30, Decimal("1E+999999")
    fen = amount * unit_fen
    if fen != fen.to_integral_value():
        # A float that is a hair off a whole fen (0.1 + 0.2) is that fen.
        rounded = fen.quantize(Decimal(1))
        if isinstance(value, float) and abs(fen - rounded) < Decimal("0.000001"):
            fen = rounded
        else:
            raise ValueError(str(value))
    if fen < 0 and not allow_negative:
        raise ValueError(str(value))
    return int(fen)


_HEADER_UNIT = re.compile(r"^(?P<base>.*?)[\s(/\\_-]*(?P<unit>万元|万|元|yuan|rmb|cny|¥)\)?$")


def unit_from_header(header: str) -> tuple[str, int | None]:
    """A column heading split into its name and the unit it gives amounts in:
    ``金额（万元）`` → (``金额``, :data:`FEN_PER_WAN`), ``销售额/万元`` likewise,
    ``Amount (CNY)`` → (``amount``, :data:`FEN_PER_YUAN`), ``金额`` → (``金额``, None).
    The name comes back lower-case without spaces or brackets."""
    h = unicodedata.normalize("NFKC", header or "").strip().lower()
    h = _SPACES.sub("", h)
    m = _HEADER_UNIT.match(h)
    if m and m.group("base"):
        base = m.group("base").rstrip("(/\\_-")
        return base, FEN_PER_WAN if m.group("unit").startswith("万") else FEN_PER_YUAN
    return h.strip("()"), None


def yuan_text(cents: int) -> str:
    """Fen as yuan with exactly two decimals and no grouping (12345.60, -5.00), for
    machine-readable output: exact, never through a float."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
