"""The stated classification (表1's 客户类型) beside the computed one: the profile shows
both and switches one customer; Settings switches the whole book; the declared figures
are shown as declared."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.metrics import recompute_all_metrics
from kamdesk.store.ops.orders import add_order
from kamdesk.store.queries.profile import header
from kamdesk.store.queries.stated_facts import stated_facts
from kamdesk.ui import labels

TODAY = date(2026, 11, 23)


def _book(db) -> int:
    """Five customers with orders, and one whose sheet says high value / active but who
    has bought nothing: computed, it is low value and churned or silent."""
    for i in range(5):
        cid = db.write(create_customer, name=f"客户{i}",
                       cooperation_start=date(2020, 1, 1)).value
        db.write(add_order, customer_id=cid, occurred_on=date(2026, 9, 1),
                 amount_cents=(i + 1) * 100_000_00)
    stated = db.write(create_customer, name="远航物流", cooperation_start=date(2020, 1, 1),
                      stated_value_tier="A", stated_activity="active",
                      declared_contribution_cents=1_000_00,
                      declared_last_contact_at=datetime(2024, 3, 1, 9)).value
    db.write(recompute_all_metrics, TODAY)
    return stated


@pytest.fixture
def profile(qtbot, ctx):
    from kamdesk.ui.profile.screen import ProfileScreen

    s = ProfileScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1200, 800)
    s.show()
    qtbot.waitExposed(s)
    return s


def test_profile_shows_stated_and_computed_and_switches(ctx, qtbot, profile):
    cid = _book(ctx.db)
    facts = ctx.db.read(stated_facts, cid)
    assert facts.stated_in_effect and facts.value_tier == "A"
    assert facts.computed_value_tier == "C"
    profile.load(cid)
    box = profile.overview.classification_box
    assert box.isVisible()
    assert labels.value_tier("A") in box.in_effect.text()
    assert "stated in the sheet" in box.in_effect.text()
    assert labels.value_tier("C") in box.other.text()
    assert box.switch_button.text() == "Use computed tiers for this customer"
    assert profile.header.tier_badge.text() == labels.value_tier("A")
    business = profile.overview.business_box
    texts = [w.text() for w in business.findChildren(type(box.other))]
    assert "Annual contribution (declared in the sheet)" in texts
    assert "Last contact (declared in the sheet)" in texts
    assert "2024-03-01" in texts

    thread = box.switch()
    assert thread is not None
    qtbot.waitUntil(lambda: box.running is None, timeout=10_000)
    assert ctx.db.read(header, cid).value_tier == "C"
    qtbot.waitUntil(lambda: profile.header.tier_badge.text() == labels.value_tier("C"))
    assert "computed from the book" in box.in_effect.text()
    assert labels.value_tier("A") in box.other.text()
    assert box.switch_button.text() == "Use the stated classification"

    box.switch()
    qtbot.waitUntil(lambda: box.running is None, timeout=10_000)
    assert ctx.db.read(header, cid).value_tier == "A"


def test_customer_without_a_stated_type_shows_no_box(ctx, qtbot, profile):
    cid = ctx.db.write(create_customer, name="星河科技").value
    profile.load(cid)
    assert not profile.overview.classification_box.isVisible()


def test_settings_switch_changes_the_effective_tier(ctx, qtbot):
    from kamdesk.ui.settings_dialog import SettingsDialog

    cid = _book(ctx.db)
    dlg = SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.tier_source.currentData() == "stated"
    dlg.tier_source.setCurrentIndex(dlg.tier_source.findData("computed"))
    assert dlg.is_dirty()
    seen = []
    ctx.changed.connect(seen.append)
    dlg.save()
    assert dlg.tier_source_write is not None
    qtbot.waitUntil(lambda: any("customer_metrics" in c for c in seen), timeout=10_000)
    assert ctx.db.read(header, cid).value_tier == "C"
    assert ctx.db.read(stated_facts, cid).book_source == "computed"

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.tier_source.currentData() == "computed"


def test_customer_dialog_edits_the_stated_facts(ctx, qtbot):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog
    cid = _book(ctx.db)
    dlg = CustomerDialog(ctx, cid)
    qtbot.addWidget(dlg)
    assert dlg.contribution_edit.text() == "¥1,000.00" and not dlg.is_dirty()
    assert dlg.stated_tier_combo.currentData() == "A"
    assert dlg.stated_activity_combo.currentData() == "active"
    dlg.contribution_edit.setText("120万")
    dlg.stated_tier_combo.setCurrentIndex(dlg.stated_tier_combo.findData("B"))
    dlg.stated_activity_combo.setCurrentIndex(dlg.stated_activity_combo.findData(None))
    assert dlg.is_dirty()
    assert dlg.save()
    facts = ctx.db.read(stated_facts, cid)
    assert facts.declared_contribution_cents == 1_200_000_00
    assert (facts.stated_value_tier, facts.stated_activity) == ("B", None)
    recomputer = ctx._metrics_recomputer  # the one the dialog started
    with qtbot.waitSignal(recomputer.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not recomputer.is_running())
    assert ctx.db.read(header, cid).value_tier == "B"

    dlg.contribution_edit.setText("lots")
    with pytest.raises(Exception) as err:
        dlg.fields()
    assert getattr(err.value, "field", None) == "declared_contribution_cents"


def test_new_customer_with_a_stated_type(ctx, qtbot):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    dlg = CustomerDialog(ctx, None)
    qtbot.addWidget(dlg)
    dlg.name_edit.setText("新客户")
    dlg.stated_tier_combo.setCurrentIndex(dlg.stated_tier_combo.findData("C"))
    assert dlg.save()
    facts = ctx.db.read(stated_facts, dlg.saved_id)
    assert facts.stated_value_tier == "C" and facts.declared_contribution_cents is None
