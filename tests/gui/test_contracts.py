"""A contract through its whole life, through the real dialogs of the profile's Contracts
tab: created, moved draft → review → signed → in force → amended, renewed into the next
contract (linked, history kept), and a draft deleted and brought back with Ctrl+Z."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from test_profile import type_text  # the IME-aware typing helper

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries.contracts import contract, contract_events
from kamdesk.store.queries.renewals import renewals_due
from kamdesk.ui.dialogs.contract_dialog import ContractDialog
from kamdesk.ui.dialogs.contract_status_dialog import ContractStatusDialog


@pytest.fixture
def tab(qtbot, ctx):
    from kamdesk.ui.profile.screen import ProfileScreen

    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    cid = ctx.db.write(create_customer, name="远航物流").value
    screen.load(cid)
    screen.tabs.setCurrentWidget(screen.contracts)
    tab = screen.contracts
    tab.screen_ref = screen  # the screen has no parent: keep it alive with its tab
    return tab


@pytest.fixture
def drive(qtbot, monkeypatch):
    """Run a dialog's exec() as a user would: show it, let ``fill`` type and press keys,
    return what the dialog ended with."""
    fills: dict[type, object] = {}

    def install(cls, fill):
        fills[cls] = fill

        def fake_exec(dialog):  # the dialog's parent (the tab) owns and closes it
            dialog.show()
            qtbot.waitExposed(dialog)
            fills[type(dialog)](dialog)
            return dialog.result()

        monkeypatch.setattr(cls, "exec", fake_exec)

    return install


def _set(qtbot, edit, text):
    edit.clear()
    type_text(qtbot, edit, text)


def test_a_contract_lives_to_its_renewal(qtbot, ctx, tab, drive):
    def fill_new(dlg):
        type_text(qtbot, dlg.number_edit, "HT-2026-01")
        type_text(qtbot, dlg.title_edit, "年度物流服务合同")
        type_text(qtbot, dlg.parties_edit, "远航物流有限公司；我方")
        qtbot.keyClicks(dlg.start_edit.edit, "2026-01-01")
        qtbot.keyClicks(dlg.end_edit.edit, "2025-12-31")  # before the start: refused
        type_text(qtbot, dlg.value_edit, "￥1,234,567.80")
        type_text(qtbot, dlg.terms_edit, "月结30天")
        qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)
        assert dlg.isVisible() and dlg.error_label.isVisible()
        assert dlg.error_label.text() == "End date: The end date is before the start date."
        _set(qtbot, dlg.end_edit.edit, "2026-12-31")
        qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)

    drive(ContractDialog, fill_new)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    [row] = tab.model.rows()
    assert (row.number, row.status, row.value_cents) == ("HT-2026-01", "draft", 1_234_567_80)
    assert row.parties == "远航物流有限公司；我方" and row.payment_terms == "月结30天"
    assert not tab.renew_button.isEnabled() and tab.delete_button.isEnabled()

    moves = [("review", "2026-11-23", "法务审核"), ("signed", "2026-11-24", "双方签字"),
             ("active", "2026-11-24", ""), ("amended", "2026-11-25", "增加仓储服务")]
    for to, day, note in moves:
        def fill_move(dlg, to=to, day=day, note=note):
            assert "renewed" not in [dlg.status_combo.itemData(i)
                                     for i in range(dlg.status_combo.count())]
            dlg.status_combo.setCurrentIndex(dlg.status_combo.findData(to))
            _set(qtbot, dlg.date_edit.edit, "2026-11-01")  # before the last move: refused
            qtbot.keyClick(dlg.date_edit.edit, Qt.Key.Key_Return)
            assert dlg.isVisible() and dlg.error_label.text() == (
                "Date: This date is before the last change in the history.")
            _set(qtbot, dlg.date_edit.edit, day)
            type_text(qtbot, dlg.note_edit, note)
            qtbot.keyClick(dlg.date_edit.edit, Qt.Key.Key_Return)

        drive(ContractStatusDialog, fill_move)
        qtbot.mouseClick(tab.status_button, Qt.MouseButton.LeftButton)
        assert tab.selected().status == to
    # amended and inside its 60-day notice (today 2026-11-23): Today lists it
    with ctx.db.engine.connect() as conn:
        assert [r.number for r in renewals_due(conn, date(2026, 11, 23)).rows] == ["HT-2026-01"]
    assert [(e.to_status, e.note) for e in tab.history_model.rows()] == [
        ("draft", None), ("review", "法务审核"), ("signed", "双方签字"), ("active", None),
        ("amended", "增加仓储服务")]
    assert not tab.delete_button.isEnabled() and tab.renew_button.isEnabled()

    def fill_renew(dlg):
        assert dlg.number_edit.text() == "HT-2026-01-R1"
        assert dlg.start_edit.text() == "2027-01-01" and dlg.end_edit.text() == "2027-12-31"
        assert dlg.parties_edit.text() == "远航物流有限公司；我方"
        _set(qtbot, dlg.value_edit, "130万")
        type_text(qtbot, dlg.note_edit, "续签一年")
        qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)
        assert dlg.error_label.text() == (
            "Renewed on: This date is before the last change in the history.")
        _set(qtbot, dlg.step_date_edit.edit, "2026-11-25")
        qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)
        assert not dlg.isVisible()

    old_id = tab.selected().id
    drive(ContractDialog, fill_renew)
    qtbot.mouseClick(tab.renew_button, Qt.MouseButton.LeftButton)
    assert {(r.number, r.status) for r in tab.model.rows()} == {
        ("HT-2026-01", "renewed"), ("HT-2026-01-R1", "signed")}
    new = tab.selected()
    assert new.number == "HT-2026-01-R1" and new.previous_contract_id == old_id
    assert new.value_cents == 1_300_000_00 and new.payment_terms == "月结30天"
    with ctx.db.engine.connect() as conn:
        history = contract_events(conn, old_id)
        assert contract(conn, old_id).status == "renewed"
    assert [e.to_status for e in history] == ["draft", "review", "signed", "active", "amended",
                                              "renewed"]
    assert history[-1].note == "续签一年"
    assert [e.to_status for e in tab.history_model.rows()] == ["signed"]  # the new one's
    with ctx.db.engine.connect() as conn:
        assert renewals_due(conn, date(2026, 11, 23)).rows == ()


def test_delete_a_draft_and_undo(qtbot, ctx, tab, drive, monkeypatch):
    def fill(dlg):
        type_text(qtbot, dlg.number_edit, "D-1")
        type_text(qtbot, dlg.title_edit, "草稿合同")
        qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)

    drive(ContractDialog, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    tab.table.setFocus()
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert tab.model.rows() == [] and tab.undo_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.number for r in tab.model.rows()] == ["D-1"]
    assert [e.to_status for e in tab.history_model.rows()] == ["draft"]


def test_esc_asks_before_discarding_and_bad_amount_is_explained(qtbot, ctx, tab, monkeypatch):
    dlg = ContractDialog(ctx, tab.customer_id)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.number_edit, "X-1")
    type_text(qtbot, dlg.title_edit, "合同")
    type_text(qtbot, dlg.value_edit, "abc")
    qtbot.keyClick(dlg.number_edit, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.error_label.text() == "Value: This is not a valid number or amount."
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **_k: asked.append(a[1]) or QMessageBox.StandardButton.No)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"] and dlg.isVisible()
    assert dlg.result() != QDialog.DialogCode.Accepted
