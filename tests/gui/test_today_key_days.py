"""Today's key dates folded per day and filtered by tier (both remembered), and the
cadence card's "see all" leading to exactly its customers in the Customers list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

import factories as customer_ops
from kamdesk.store.models import KeyDate
from kamdesk.store.queries.today_dates import key_days_ahead
from kamdesk.ui.today.key_dates_card import OPEN_DAYS_KEY, TIERS_KEY

TODAY = date(2026, 11, 23)


def _today(qtbot, ctx):
    from kamdesk.ui.today.screen import TodayScreen

    screen = TodayScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 720)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _birthdays(ctx, on: date, n: int) -> None:
    with ctx.db.session() as s:
        for i in range(n):
            cid = customer_ops.create_customer(s, name=f"客户{on.day}-{i}").id
            s.add(KeyDate(customer_id=cid, kind="birthday", month=on.month, day=on.day))
        s.commit()


def _key_rows(card):
    return [r for r in card.rows() if r.objectName().startswith("keyDateRow-")]


def test_a_day_folds_and_stays_folded(qtbot, ctx):
    first, busy = date(2026, 11, 24), date(2026, 11, 26)
    _birthdays(ctx, first, 1)
    _birthdays(ctx, busy, 5)
    screen = _today(qtbot, ctx)
    card = screen.dates_card
    assert card.count.text() == "6"
    head = card.day_header(busy)
    assert head is not None and "— 5 key date" in head.text()
    # a busy day that is not the first starts folded; the first day is open
    assert len(_key_rows(card)) == 1 and not head.isChecked()

    qtbot.mouseClick(head, Qt.MouseButton.LeftButton)
    assert len(_key_rows(card)) == 6 and card.day_header(busy).isChecked()
    qtbot.mouseClick(card.day_header(first), Qt.MouseButton.LeftButton)
    assert len(_key_rows(card)) == 5
    assert sorted(ctx.settings.value(OPEN_DAYS_KEY)) == ["2026-11-24=0", "2026-11-26=1"]

    again = _today(qtbot, ctx)  # a new session reads the same settings
    assert not again.dates_card.day_header(first).isChecked()
    assert again.dates_card.day_header(busy).isChecked()
    assert len(_key_rows(again.dates_card)) == 5
    assert again.dates_card.count.text() == "6"  # folding hides rows, not the count


def test_the_tier_filter_changes_rows_and_count_and_is_remembered(qtbot, demo_ctx):
    every = demo_ctx.db.read(key_days_ahead, TODAY, "en", per_day=1000)
    high = demo_ctx.db.read(key_days_ahead, TODAY, "en", per_day=1000, tiers=("A",))
    n_all, n_high = sum(d.total for d in every), sum(d.total for d in high)
    assert n_all > n_high > 0
    screen = _today(qtbot, demo_ctx)
    card = screen.dates_card
    festivals = len(screen.data.festivals)
    assert int(card.count.text()) == n_all + festivals

    card.tier_filter.setCurrentIndex(card.tier_filter.findData("A"))
    assert int(card.count.text()) == n_high + festivals
    assert screen.listing("key_dates").total == n_high
    for day in high:  # open every day: only high-value rows, as many as counted
        head = card.day_header(day.on)
        assert f"{day.total} key date" in head.text()
        if not head.isChecked():
            qtbot.mouseClick(head, Qt.MouseButton.LeftButton)
    rows = _key_rows(card)
    assert len(rows) == n_high and all("High value" in r.detail.text() for r in rows)
    assert demo_ctx.settings.value(TIERS_KEY) == "A"

    again = _today(qtbot, demo_ctx)
    assert again.dates_card.tier_filter.currentData() == "A"
    assert int(again.dates_card.count.text()) == n_high + festivals


def test_see_all_off_cadence_lists_exactly_the_counted_customers(qtbot, demo_ctx, make_window):
    window = make_window(demo_ctx)
    window.show_screen("today")
    today = window.screen("today")
    card = today.cadence_card
    total = int(card.count.text())
    assert total > 5 and len(card.rows()) == 5
    assert card.more_link.isVisible() and str(total) in card.more_link.text()
    assert not card.more_label.isVisible()

    qtbot.mouseClick(card.more_link, Qt.MouseButton.LeftButton)
    customers = window.screen("customers")
    assert customers.isVisible()
    assert customers.model.rowCount() == total
    assert customers.overdue.isChecked()
    shown = {customers.model.customer_id(r) for r in range(customers.model.rowCount())}
    assert {int(r.objectName().split("-")[1]) for r in card.rows()} <= shown
    # unticking "Overdue" drops the filter
    customers.overdue.setChecked(False)
    assert customers.model.rowCount() > total
