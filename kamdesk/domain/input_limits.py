"""The bounds every value read from outside (a sheet, a vCard, a typed field) must keep.

One place for them, so the importers, the cell readers and the forms agree: a value
outside is refused with the reason ``out_of_range`` instead of being stored (a 1e30
amount would overflow SQLite's 64-bit integers; a year 9999 date breaks every
calendar sum) or crashing a reader (a 5,000-digit number exceeds Python's int/str
conversion limit).
"""

from __future__ import annotations

from datetime import date

__all__ = ["MAX_AMOUNT_FEN", "MAX_COUNT", "MAX_NUMBER_CHARS", "MAX_YEAR", "MIN_YEAR",
           "amount_in_range", "count_in_range", "day_in_range"]

#: an amount's magnitude in fen: ±10^15 fen is ±10 trillion yuan, far past any book
MAX_AMOUNT_FEN = 10**15
#: a count (quantity, number of people, months): a billion
MAX_COUNT = 10**9
#: the first and last year a date may have
MIN_YEAR, MAX_YEAR = 1900, 2200
#: a number written with more characters than this is not a number anyone typed
MAX_NUMBER_CHARS = 64


def amount_in_range(fen: int) -> bool:
    return -MAX_AMOUNT_FEN <= fen <= MAX_AMOUNT_FEN


def count_in_range(n: int) -> bool:
    return -MAX_COUNT <= n <= MAX_COUNT


def day_in_range(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR
