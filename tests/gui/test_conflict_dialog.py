"""Two clients on one book in the GUI (issue #17 item 3): a stale save shows both
versions and does what the user picks; another client's change shows after a refresh."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog

from kamdesk.store.database import open_database
from kamdesk.store.errors import ConflictError
from kamdesk.store.ops.customers import create_customer, update_customer
from kamdesk.store.ops.people import create_person, update_person
from kamdesk.store.queries.profile import overview, person
from kamdesk.ui.dialogs import conflict as conflict_dialog
from kamdesk.ui.dialogs.conflict import Choice, ConflictDialog

NOW = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def other_db(db, tmp_path):
    """A second client: its own Database on the same file."""
    other = open_database(db.location, tmp_path / "backups2", synchronous="OFF")
    yield other
    other.dispose()


@pytest.fixture
def other_ctx(qapp, other_db, tmp_path):
    from PySide6.QtCore import QSettings

    from kamdesk.clock import FixedClock
    from kamdesk.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings_b.ini"), QSettings.Format.IniFormat)
    return AppContext(other_db, FixedClock(NOW), "en", settings)


def _conflict() -> ConflictError:
    return ConflictError("customers", 7, {"region": "北京", "name": "远航物流", "version": 3},
                         {"region": "广州", "name": "远航物流"}, 3, 2)


def test_conflict_dialog_shows_theirs_and_yours_with_the_difference_marked(qtbot):
    dialog = ConflictDialog(_conflict(), None, {"region": "Region", "name": "Name"}.get)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows == {"Region": ("北京", "广州"), "Name": ("远航物流", "远航物流")}
    region_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Region")
    name_row = 1 - region_row
    assert table.item(region_row, 1).font().bold() is False
    assert table.item(region_row, 0).font().bold()
    assert not table.item(name_row, 0).font().bold()
    assert dialog.differing == {"region"}
    dialog.save_button.click()
    assert dialog.choice is Choice.SAVE_MINE and dialog.result() == QDialog.DialogCode.Accepted


def test_conflict_dialog_buttons_keep_theirs_and_back(qtbot):
    for button, choice in (("keep_button", Choice.KEEP_THEIRS), ("back_button", Choice.BACK)):
        dialog = ConflictDialog(_conflict())
        qtbot.addWidget(dialog)
        getattr(dialog, button).click()
        assert dialog.choice is choice
    deleting = ConflictDialog(ConflictError("tasks", 1, {"notes": "x", "version": 2}, {}, 2, 1,
                                            deleting=True))
    qtbot.addWidget(deleting)
    assert deleting.back_button.isHidden() and "anyway" in deleting.save_button.text()
    deleting.reject()  # Esc on a delete keeps the record
    assert deleting.choice is Choice.KEEP_THEIRS


def _edit_region_in_dialog(ctx, other_db, qtbot, monkeypatch, choice):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    cid = ctx.db.write(create_customer, name="远航物流", region="上海").value
    dialog = CustomerDialog(ctx, cid)
    qtbot.addWidget(dialog)
    other_db.write(update_customer, cid, region="北京")  # client 2 saves first
    asked: list[ConflictError] = []

    def ask(exc, parent, field_label=None):
        asked.append(exc)
        return choice

    monkeypatch.setattr(conflict_dialog, "ask_about_conflict", ask)
    announced: list[object] = []
    ctx.changed.connect(announced.append)
    dialog.region_combo.setEditText("广州")
    dialog.accept()
    assert len(asked) == 1
    assert asked[0].theirs["region"] == "北京" and asked[0].mine["region"] == "广州"
    return cid, dialog, announced


def test_save_mine_over_theirs_saves_again_with_their_version(ctx, other_db, qtbot,
                                                              monkeypatch):
    cid, dialog, _announced = _edit_region_in_dialog(ctx, other_db, qtbot, monkeypatch,
                                                     Choice.SAVE_MINE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.db.read(overview, cid).region == "广州"


def test_keep_theirs_discards_my_edit_and_the_screens_reload(ctx, other_db, qtbot,
                                                             monkeypatch):
    cid, dialog, announced = _edit_region_in_dialog(ctx, other_db, qtbot, monkeypatch,
                                                    Choice.KEEP_THEIRS)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert ctx.db.read(overview, cid).region == "北京"
    assert any("customers" in c and c.touches("customers", cid) for c in announced)


def test_back_to_editing_keeps_the_dialog_open_with_my_input(ctx, other_db, qtbot,
                                                             monkeypatch):
    cid, dialog, _announced = _edit_region_in_dialog(ctx, other_db, qtbot, monkeypatch,
                                                     Choice.BACK)
    assert dialog.region_combo.currentText() == "广州"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert ctx.db.read(overview, cid).region == "北京"


def test_person_dialog_save_is_checked_against_the_version_it_loaded(ctx, other_db, qtbot,
                                                                    monkeypatch):
    from kamdesk.ui.dialogs.person_dialog import PersonDialog

    cid = ctx.db.write(create_customer, name="远航物流").value
    pid = ctx.db.write(create_person, cid, name="王总").value
    dialog = PersonDialog(ctx, cid, pid)
    qtbot.addWidget(dialog)
    other_db.write(update_person, pid, title="总经理")
    asked: list[ConflictError] = []
    monkeypatch.setattr(conflict_dialog, "ask_about_conflict",
                        lambda exc, parent, field_label=None: asked.append(exc) or Choice.BACK)
    dialog.title_edit.setText("副总")
    dialog.accept()
    assert asked and asked[0].table == "people" and asked[0].theirs["title"] == "总经理"
    assert ctx.db.read(person, pid).title == "总经理"


def test_another_clients_change_shows_after_refresh(ctx, other_ctx, make_window, qtbot):
    cid = ctx.db.write(create_customer, name="远航物流").value
    window_a, window_b = make_window(ctx), make_window(other_ctx)
    window_b.show_customer(cid)
    assert not window_b.refresher.poll(even_inactive=True)  # nothing new yet
    from pg_support import on_postgresql

    from kamdesk.ui.ops import run_op

    if on_postgresql():  # a server book pushes the notice (the listener is LISTENing)
        qtbot.waitUntil(lambda: window_b.refresher.listener.listening.is_set())
    assert run_op(ctx, update_customer, cid, name="远航国际物流") is not None  # client A
    if on_postgresql():
        qtbot.waitUntil(lambda: not window_b.refresher.hint.isHidden(), timeout=5000)
        qtbot.wait(300)
        assert window_a.refresher.hint.isHidden()  # A's own write: no hint
    else:
        assert not window_a.refresher.poll(even_inactive=True)  # A's own write: no hint
        assert window_b.refresher.poll(even_inactive=True)     # B: someone else wrote
    assert window_b.refresher.hint.isVisibleTo(window_b)
    seen: list[object] = []
    other_ctx.changed.connect(seen.append)
    window_b.refresher.action.trigger()  # View ▸ Refresh (F5)
    assert seen and {"customers", "people", "tasks", "interactions"} <= set(seen[-1])
    assert not window_b.refresher.hint.isVisibleTo(window_b)
    profile = window_b.screen("profile")
    qtbot.waitUntil(lambda: "远航国际物流" in _texts(profile), timeout=5000)


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _ask_and_record(monkeypatch, choice):
    asked: list[ConflictError] = []
    monkeypatch.setattr(conflict_dialog, "ask_about_conflict",
                        lambda exc, parent, field_label=None: asked.append(exc) or choice)
    return asked


def test_stale_survey_dialog_save_asks_instead_of_overwriting(ctx, other_db, qtbot,
                                                              monkeypatch):
    from kamdesk.store.ops.surveys import record_survey, update_survey
    from kamdesk.store.queries.surveys import customer_surveys
    from kamdesk.ui.dialogs.survey_dialog import SurveyDialog

    today = ctx.clock.today()
    cid = ctx.db.write(create_customer, name="远航物流").value
    sid = ctx.db.write(record_survey, customer_id=cid, responded_on=today, csat=4,
                       today=today).value
    (answer,) = ctx.db.read(customer_surveys, cid).answers
    dialog = SurveyDialog(ctx, cid, answer)
    qtbot.addWidget(dialog)
    other_db.write(update_survey, sid, csat=5, comment="很满意", today=today)  # client 2
    asked = _ask_and_record(monkeypatch, Choice.KEEP_THEIRS)
    dialog.csat_combo.setCurrentIndex(dialog.csat_combo.findData(2))
    dialog.accept()
    assert len(asked) == 1 and asked[0].table == "survey_responses"
    assert asked[0].theirs["csat"] == 5 and asked[0].mine["csat"] == 2
    assert dialog.result() == QDialog.DialogCode.Rejected  # kept theirs: closed unsaved
    (stored,) = ctx.db.read(customer_surveys, cid).answers
    assert (stored.csat, stored.comment) == (5, "很满意")


def test_stale_event_dialog_save_asks_and_can_save_over_theirs(ctx, other_db, qtbot,
                                                               monkeypatch):
    from kamdesk.store.ops.events import create_event, update_event
    from kamdesk.store.queries.events import list_events
    from kamdesk.ui.dialogs.event_dialog import EventDialog

    eid = ctx.db.write(create_event, name="客户沙龙", held_on=NOW.date(),
                       location="上海").value
    (event,) = ctx.db.read(list_events)
    dialog = EventDialog(ctx, event)
    qtbot.addWidget(dialog)
    other_db.write(update_event, eid, location="北京")  # client 2 saves first
    asked = _ask_and_record(monkeypatch, Choice.BACK)
    dialog.location_edit.setText("广州")
    dialog.accept()
    assert asked and asked[0].table == "events" and asked[0].theirs["location"] == "北京"
    assert "location" in asked[0].differing
    assert dialog.result() != QDialog.DialogCode.Accepted  # back to editing, input kept
    assert dialog.location_edit.text() == "广州"
    assert ctx.db.read(list_events)[0].location == "北京"
    asked = _ask_and_record(monkeypatch, Choice.SAVE_MINE)
    dialog.accept()
    assert len(asked) == 1 and dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.db.read(list_events)[0].location == "广州"


def test_stale_plan_editor_save_asks_then_keep_theirs_shows_their_plan(ctx, other_db, qtbot,
                                                                       monkeypatch):
    from kamdesk.store.ops.plans import create_plan, save_plan
    from kamdesk.store.queries.plans import plan_detail
    from kamdesk.ui.plan.editor import PlanEditor

    cid = ctx.db.write(create_customer, name="远航物流").value
    pid = ctx.db.write(create_plan, cid, "2027", None, NOW.date(), "zh").value
    editor = PlanEditor(ctx, cid, pid)
    qtbot.addWidget(editor)
    theirs = other_db.read(plan_detail, pid)
    other_db.write(save_plan, pid, {"threats": "价格战"}, theirs.objectives, theirs.actions,
                   theirs.risks)  # client 2 saves first
    labels_shown: list[str] = []

    def ask(exc, parent, field_label=None):
        labels_shown.extend(field_label(f) for f in exc.differing)
        return Choice.KEEP_THEIRS

    monkeypatch.setattr(conflict_dialog, "ask_about_conflict", ask)
    editor.threats_edit.setPlainText("渠道冲突")
    assert editor.is_dirty() and not editor.save()
    assert labels_shown == ["Threats"]  # the one field that differs, in words
    # kept theirs: the editor (still open) shows their plan, my edit dropped
    assert editor.threats_edit.toPlainText() == "价格战" and not editor.is_dirty()
    assert ctx.db.read(plan_detail, pid).threats == "价格战"
