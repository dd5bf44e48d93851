"""A customer without history is "New": no tier/activity judgement, health explained
as "not enough history" — in the list, on the profile, and not on Today's silent list.
The profile says "not yet done" for a duty never done instead of counting days."""

from __future__ import annotations

from datetime import date, datetime

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.queries.customers import CustomerQuery, fetch_page
from kamdesk.store.queries.profile import header

NOW = datetime(2026, 11, 23, 10, 0)


def test_new_customer_in_list_profile_and_today(ctx, make_window, qtbot):
    from kamdesk.store.metrics import recompute_metrics

    new_id = ctx.db.write(create_customer, name="初创科技").value
    old_id = ctx.db.write(create_customer, name="远航物流").value
    ctx.db.write(log_contact, customer_id=old_id, occurred_at=NOW, channel="phone",
                 topic="回访", now=NOW)
    recompute_metrics(ctx.db, date(2026, 11, 23))
    rows = {r.id: r for r in ctx.db.read(fetch_page, CustomerQuery(), 0, 10)}
    assert rows[new_id].is_new and not rows[old_id].is_new

    window = make_window(ctx)
    window.show_screen("customers")
    model = window.customers.model
    texts = {model.data(model.index(r, 0).siblingAtColumn(_col("tier"))) for r in
             range(model.rowCount())}
    assert "New" in texts

    h = ctx.db.read(header, new_id)
    assert h is not None and h.is_new
    window.show_customer(new_id)
    profile = window.screen("profile")
    hdr = _find_header(profile)
    assert hdr.tier_badge.text() == "New"
    assert not hdr.activity_badge.isVisible()
    assert hdr.health_score.text() == "—"
    assert "not enough history" in hdr.health_reasons.text()

    window.show_screen("today")
    today = window.screen("today")
    today.refresh()
    assert all(f"silentRow-{new_id}" != r.objectName() for r in today.silent_card.rows())


def _col(key):
    from kamdesk.ui.customers.model import COL
    return COL[key]


def _find_header(profile):
    return profile.header
