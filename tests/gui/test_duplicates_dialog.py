"""Customers ▸ Find duplicates: pairs listed with their facts, merged through the dialog
(all history moves to the kept record), or marked as not a duplicate (remembered)."""

from __future__ import annotations

from datetime import date, datetime

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.orders import add_order
from kamdesk.store.ops.people import create_person
from kamdesk.store.queries.customer_matching import not_duplicates

NOW = datetime(2026, 11, 23, 10)


def _book(db):
    keep = db.write(create_customer, code="C001", name="远航物流有限公司", owner="王").value
    drop = db.write(create_customer, code="C002", name="远航物流 有限公司").value
    other = db.write(create_customer, code="C003", name="星河科技").value
    db.write(create_person, drop, name="李雷", mobile="13800138000")
    db.write(create_person, other, name="韩梅梅", mobile="13800138000")
    db.write(log_contact, customer_id=drop, occurred_at=NOW, channel="phone", topic="回访",
             now=NOW)
    db.write(add_order, customer_id=drop, occurred_on=date(2026, 10, 1), amount_cents=500_00)
    return keep, drop, other


def _count(db, table, cid):
    return db.read(lambda c: c.exec_driver_sql(
        f"SELECT count(*) FROM {table} WHERE customer_id = ?", (cid,)).scalar())


def test_merge_through_the_dialog_moves_history(ctx, qtbot, monkeypatch):
    from kamdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

    keep, drop, _other = _book(ctx.db)
    dlg = DuplicatesDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.pair_list.count() == 2  # C001/C002 by name, C002/C003 by phone
    row = next(i for i, p in enumerate(dlg.pairs) if {p.first_id, p.second_id} == {keep, drop})
    dlg.pair_list.setCurrentRow(row)
    # the record with history is proposed; the user keeps the other one
    assert dlg.second.keep.isChecked()
    dlg.first.keep.setChecked(True)
    asked: list[str] = []
    monkeypatch.setattr(dlg, "confirm", lambda text: asked.append(text) or True)
    seen = []
    ctx.changed.connect(seen.append)
    assert dlg.merge_selected()
    assert "C002" in asked[0] and "C001" in asked[0] and "contact log entries: 1" in asked[0]
    assert "cannot be undone" in asked[0]
    for table in ("people", "interactions", "trades"):
        assert _count(ctx.db, table, keep) == 1, table
        assert _count(ctx.db, table, drop) == 0, table
    assert seen and "customers" in seen[-1]
    assert dlg.pair_list.count() == 1  # C001 now shares C003's phone number
    assert "same phone" in dlg.pair_list.item(0).text()


def test_cancelled_merge_changes_nothing(ctx, qtbot, monkeypatch):
    from kamdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

    keep, drop, _other = _book(ctx.db)
    dlg = DuplicatesDialog(ctx)
    qtbot.addWidget(dlg)
    monkeypatch.setattr(dlg, "confirm", lambda text: False)
    assert not dlg.merge_selected()
    assert _count(ctx.db, "interactions", drop) == 1
    assert dlg.pair_list.count() == 2


def test_not_a_duplicate_is_remembered(ctx, qtbot):
    from kamdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

    _keep, drop, other = _book(ctx.db)
    dlg = DuplicatesDialog(ctx)
    qtbot.addWidget(dlg)
    row = next(i for i, p in enumerate(dlg.pairs) if {p.first_id, p.second_id} == {drop, other})
    dlg.pair_list.setCurrentRow(row)
    assert dlg.dismiss_selected()
    assert dlg.pair_list.count() == 1
    assert ctx.db.read(not_duplicates) == {(min(drop, other), max(drop, other))}
    again = DuplicatesDialog(ctx)
    qtbot.addWidget(again)
    assert again.pair_list.count() == 1


def test_menu_opens_the_dialog(ctx, make_window, qtbot):
    from kamdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

    _book(ctx.db)
    w = make_window(ctx)
    w.find_duplicates_action.trigger()
    dlg = w.findChild(DuplicatesDialog)
    assert dlg is not None and dlg.pair_list.count() == 2
    dlg.close()
