"""English singular/plural for counted words in generated text (plans, briefs, reports).

The UI's counted strings use Qt's ``%n`` plurals (``kamdesk_en.ts``); text built outside
Qt — plan drafts, PDF lines — picks its form here, so it says "1 year" and "2 years",
never "year(s)". Chinese has one form, so Chinese text needs nothing from this module.
"""

from __future__ import annotations


def noun_en(n: int, singular: str, plural: str | None = None) -> str:
    """``singular`` for exactly one, else ``plural`` (default: ``singular + "s"``)."""
    return singular if n == 1 else (plural if plural is not None else singular + "s")


def count_en(n: int, singular: str, plural: str | None = None) -> str:
    """"1 year", "3 years", "0 complaints"."""
    return f"{n} {noun_en(n, singular, plural)}"
