"""The formula guard of KAMDesk's CSV exports, and taking it off again on re-import.

Excel runs a cell that starts with ``= + - @`` (or a tab/CR, which it skips before
deciding) as a formula: a customer name ``=HYPERLINK(…)`` in an export is an attack on
whoever opens it (OWASP "CSV injection"). A CSV has no cell types, so such a cell is
written with a leading apostrophe. Why the apostrophe and not a tab: OWASP lists the tab
itself among the characters Excel may skip before reading a formula, so it does not
reliably guard; the apostrophe is the character Excel and LibreOffice know as "this is
text", and a reader can tell it from data by the rule below.

The guard is reversible: a value that already starts with apostrophes followed by a
dangerous character gets one more, so ``unneutralise(neutralise(v)) == v`` for every
string. It is undone only in KAMDesk's own CSVs (:mod:`kamdesk.io.own_csv` tells them by
their header row), since in a stranger's file a leading apostrophe is the user's data.
XLSX needs none of this: there the guard is the cell type
(:func:`kamdesk.io.export_tables.write_rows`).
"""

from __future__ import annotations

__all__ = ["DANGEROUS", "GUARD", "neutralise", "unguard_cells", "unneutralise"]

#: characters that make a spreadsheet read the cell as a formula
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\0")
GUARD = "'"


def _needs_guard(text: str) -> bool:
    return text.lstrip(GUARD).startswith(DANGEROUS)


def neutralise(value: object) -> object:
    """``value`` with the guard in front if a spreadsheet would run it as a formula
    (or if it already looks guarded, so the guard can be taken off exactly)."""
    if isinstance(value, str) and _needs_guard(value):
        return GUARD + value
    return value


def unneutralise(value: object) -> object:
    """The value :func:`neutralise` was given: one guard off a guarded cell."""
    if isinstance(value, str) and value.startswith(GUARD) and _needs_guard(value):
        return value[1:]
    return value


def unguard_cells(cells: list[str]) -> list[str]:
    """A row of one of KAMDesk's CSVs with every guard taken off."""
    return [c[1:] if c.startswith(GUARD) and _needs_guard(c) else c for c in cells]
