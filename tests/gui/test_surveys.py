"""Satisfaction surveys through the real dialog: recording an answer clears a B-tier
customer's quarterly satisfaction check in the profile header, the tab shows the
averages, and a delete comes back with Ctrl+Z."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.people import create_person


@pytest.fixture
def answer(monkeypatch):
    calls: list[str] = []

    def question(_parent, title, *_a, **_k):
        calls.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return calls


def _b_tier_customer(ctx) -> int:
    """A B-tier customer contacted three days ago and never surveyed: the quarterly
    satisfaction check is its next touch."""
    cid = ctx.db.write(create_customer, name="远航物流").value
    ctx.db.write(create_person, cid, name="王经理")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE customer_metrics SET value_tier = 'B' WHERE customer_id = :c"),
                     {"c": cid})
    ctx.db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 11, 20, 10),
                 channel="phone", topic="回访", now=ctx.clock.now())
    return cid


def test_recording_a_survey_clears_the_quarterly_satisfaction_check(qtbot, ctx, make_window,
                                                                     answer):
    from kamdesk.ui.dialogs.survey_dialog import SurveyDialog
    from kamdesk.ui.profile.surveys_tab import SurveysTab

    cid = _b_tier_customer(ctx)
    w = make_window(ctx)
    w.show_customer(cid)
    profile = w.screen("profile")
    facts = profile.header.facts_label
    assert "Next: Satisfaction check" in facts.text()
    tab = profile.findChild(SurveysTab, "surveysTab")
    profile.tabs.setCurrentWidget(tab)
    assert profile.tabs.tabText(profile.tabs.currentIndex()) == "Satisfaction"
    assert "No survey answers" in tab.summary.text()

    # Neither score: refused in words, nothing saved.
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, SurveyDialog)
    qtbot.keyClick(dlg.csat_combo, Qt.Key.Key_Return)
    assert dlg.isVisible()
    assert dlg.error_label.text().startswith("CSAT (1–5): This field is required")

    dlg.csat_combo.setCurrentIndex(dlg.csat_combo.findData(4))
    dlg.nps_combo.setCurrentIndex(dlg.nps_combo.findData(9))
    dlg.person_combo.setCurrentIndex(dlg.person_combo.findText("王经理"))
    dlg.channel_combo.setCurrentIndex(dlg.channel_combo.findData("wechat"))
    dlg.comment_edit.setPlainText("交付及时")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()

    assert "Satisfaction check" not in facts.text()
    assert "Next: Contact" in facts.text()
    assert tab.model.rowCount() == 1
    row = tab.model.rows()[0]
    assert (row.csat, row.nps, row.person_name, row.channel, row.comment) == (
        4, 9, "王经理", "wechat", "交付及时")
    assert "<b>4.0</b>" in tab.summary.text() and "<b>+100</b>" in tab.summary.text()

    # Delete puts the duty back; Ctrl+Z brings the answer (and the cleared duty) back.
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert answer == ["Delete survey answer"]
    assert tab.model.rowCount() == 0
    assert "Satisfaction check" in facts.text()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 1
    assert "Satisfaction check" not in facts.text()
