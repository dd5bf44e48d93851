"""The customer list reads its pages from keys and shows the rows OFFSET paging shows:
scrolled in order, jumped about, before and after the page keys are read in the
background, for several orders (NULLs included: not every customer has a key contact
or a start date)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from kamdesk.store.queries.customers import fetch_page
from kamdesk.ui.customers import model as list_model
from kamdesk.ui.customers.model import COL


def _all_ids(ctx, q):
    return [r.id for r in ctx.db.read(fetch_page, q, 0, 100_000)]


@pytest.mark.parametrize("column,order", [
    ("revenue", Qt.SortOrder.DescendingOrder), ("name", Qt.SortOrder.AscendingOrder),
    ("key_contact", Qt.SortOrder.AscendingOrder), ("months", Qt.SortOrder.DescendingOrder),
])
def test_pages_from_keys_are_the_offset_pages(qtbot, demo_ctx, make_window, monkeypatch,
                                              column, order):
    monkeypatch.setattr(list_model, "KEYED_PAGES", 1)  # read keys for this short list too
    monkeypatch.setattr(list_model, "KEYS_DELAY_MS", 0)
    w = make_window(demo_ctx)
    w.show_screen("customers")
    model = w.customers.model
    model.page_size = 9  # many pages on a 200-customer book
    w.customers.table.sortByColumn(COL[column], order)
    model.refresh()
    expected = _all_ids(demo_ctx, model.query)
    assert model.rowCount() == len(expected) > 100
    rnd = random.Random(column)
    # jumps before the background keys: from the nearest page read, or an offset
    rows = rnd.sample(range(len(expected)), 25)
    assert [model.customer_id(r) for r in rows] == [expected[r] for r in rows]
    qtbot.waitUntil(lambda: not model.keys_pending())
    assert len(model._starts) >= len(expected) // 9 - 1
    model._pages.clear()  # read again, from the keys now
    rows = rnd.sample(range(len(expected)), 25) + [len(expected) - 1, 0]
    assert [model.customer_id(r) for r in rows] == [expected[r] for r in rows]
    assert [model.customer_id(r) for r in range(len(expected))] == expected
