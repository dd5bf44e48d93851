"""Telling KAMDesk's own CSV exports from anyone else's, so the reader can take the
formula guard (:mod:`kamdesk.io.csv_guard`) off exactly where KAMDesk put it.

A KAMDesk CSV is marked by its form: UTF-8 with BOM, a plain header row that is exactly
one of the export's header rows (表1/表2/表3 in either language, as
:mod:`kamdesk.io.export_tables` writes them) and every data cell quoted. The header row is
what survives the CSV parser, so it is the test. A stranger's file with the same header
row would only lose an apostrophe in front of ``= + - @`` — the spreadsheet convention
for "this is text" — which is what its author meant anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kamdesk.io import export_tables as ex
from kamdesk.io.csv_guard import unguard_cells

__all__ = ["is_kamdesk_csv", "unguard_row"]


@cache
def _export_header_rows() -> frozenset[tuple[str, ...]]:
    rows: set[tuple[str, ...]] = set()
    for spec in (ex.CUSTOMER_HEADERS, ex.CONTACT_HEADERS, ex.EVENT_HEADERS):
        rows.update(tuple(h) for h in spec.values())
    return frozenset(rows)


def is_kamdesk_csv(headers: Sequence[object]) -> bool:
    """True when ``headers`` is exactly the header row of one of KAMDesk's CSV exports."""
    return tuple(str(h).strip() for h in headers) in _export_header_rows()


def unguard_row(headers: Sequence[object], cells: list[str]) -> list[object]:
    """A CSV row with its guards taken off if the file is one of KAMDesk's (the one call
    the CSV reader makes per row); a stranger's row comes back as it is."""
    return list(unguard_cells(cells) if is_kamdesk_csv(headers) else cells)
