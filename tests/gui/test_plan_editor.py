"""The account plan editor, the Plans and Reports screens and the batch export, driven as a user
would (file dialogs, the system viewer and message boxes are stubbed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QProgressDialog, QPushButton
from sqlalchemy import text

from kamdesk.domain.plan_text import suggest_strategies
from kamdesk.store.queries import plans as Q
from kamdesk.store.models import PlanAction, Task
from kamdesk.ui.plan.batch_dialog import BatchExportDialog
from kamdesk.ui.plan.editor import PlanEditor, open_plan_editor


@pytest.fixture
def opened(monkeypatch):
    """Every URL handed to the system viewer."""
    urls: list[str] = []
    monkeypatch.setattr("kamdesk.ui.pdf_export.QDesktopServices.openUrl",
                        lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture
def warnings(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: seen.append(a[2]) or QMessageBox.StandardButton.Ok)
    return seen


def _unplanned_customer(ctx) -> int:
    with ctx.db.engine.connect() as conn:
        chinese = ("c.name GLOB '*[一-龥]*'" if conn.dialect.name == "sqlite"
                   else "c.name ~ '[一-龥]'")
        return conn.execute(text(
            "SELECT c.id FROM customers c JOIN customer_metrics m ON m.customer_id = c.id "
            "WHERE c.id NOT IN (SELECT customer_id FROM account_plans) AND m.value_tier = 'A' "
            f"AND {chinese} ORDER BY c.id LIMIT 1")).scalar_one()


def _editor(qtbot, ctx, customer_id, plan_id=None) -> PlanEditor:
    editor = PlanEditor(ctx, customer_id, plan_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_create_edit_task_copy_through_the_editor(qtbot, demo_ctx, monkeypatch, warnings,
                                                  opened, tmp_path):
    cid = _unplanned_customer(demo_ctx)
    ed = _editor(qtbot, demo_ctx, cid)
    assert ed.banner.isVisible() and not ed.tabs.isVisible()
    assert not ed.save_button.isEnabled()

    # -- create a plan for 2027 from the banner
    ed.banner_period.clear()
    qtbot.keyClicks(ed.banner_period, "2027")
    qtbot.mouseClick(ed.create_button, Qt.MouseButton.LeftButton)
    assert ed.plan_id is not None and ed.tabs.isVisible() and not ed.banner.isVisible()
    assert ed.period_combo.currentText() == "2027"
    assert ed.strategies_edit.toPlainText()  # the method's strategies for the tier
    assert ed.summary_edit.toPlainText()
    assert not ed.is_dirty()

    # -- add an objective and an action, save
    ed.tabs.setCurrentIndex(2)
    n_obj = ed.objectives.table.rowCount()
    qtbot.mouseClick(ed.objectives.add_button, Qt.MouseButton.LeftButton)
    r = n_obj
    ed.objectives.set_value(r, "metric", "新品试用产线")
    ed.objectives.set_value(r, "baseline", "0")
    ed.objectives.set_value(r, "target", "3")
    ed.objectives.set_value(r, "due", "2027-09-30")
    ed.objectives.set_value(r, "status", "on_track")
    ed.tabs.setCurrentIndex(4)
    qtbot.mouseClick(ed.actions.add_button, Qt.MouseButton.LeftButton)
    ed.actions.set_value(0, "action", "安排高层互访，确认年度合作框架")
    ed.actions.set_value(0, "owner", "王磊")
    ed.actions.set_value(0, "due", "2026-12-15")
    assert ed.is_dirty() and ed.windowTitle().startswith("* ")
    qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    assert not ed.is_dirty() and not ed.error_label.isVisible()
    with demo_ctx.db.engine.connect() as conn:
        d = Q.plan_detail(conn, ed.plan_id)
    assert d.objectives[-1].metric == "新品试用产线" and d.objectives[-1].status == "on_track"
    assert d.objectives[-1].due == date(2027, 9, 30)
    assert [a.action for a in d.actions] == ["安排高层互访，确认年度合作框架"]

    # -- make the action a task with a reminder
    ed.actions.select(0)
    qtbot.mouseClick(ed.make_task_button, Qt.MouseButton.LeftButton)
    with demo_ctx.db.session() as s:
        action = s.get(PlanAction, d.actions[0].id)
        task = s.get(Task, action.task_id)
        assert task.source == "plan" and task.customer_id == cid
        assert task.remind_at is not None and task.title.startswith("安排高层互访")
    assert ed.actions.rows()[0]["task"] == "Task open"

    # -- copy to a new period; the old one stays
    plan_2027 = ed.plan_id
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2028", True))
    qtbot.mouseClick(ed.copy_button, Qt.MouseButton.LeftButton)
    assert ed.period_combo.currentText() == "2028" and ed.plan_id != plan_2027
    assert ed.existing_periods() == ["2028", "2027"]
    assert any(r["metric"] == "新品试用产线" for r in ed.objectives.rows())

    # -- an existing period is refused with a clear message
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2027", True))
    qtbot.mouseClick(ed.new_period_button, Qt.MouseButton.LeftButton)
    assert warnings and "already a plan for 2027" in warnings[-1]
    assert ed.existing_periods() == ["2028", "2027"]

    # -- switch back to 2027 through the period list
    ed.period_combo.setCurrentIndex(1)
    assert ed.plan_id == plan_2027

    # -- export: Save as…, then the system viewer
    target = tmp_path / "out" / "plan"
    target.parent.mkdir()
    monkeypatch.setattr("kamdesk.ui.pdf_export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(ed.export_button, Qt.MouseButton.LeftButton)
    pdf = target.with_name("plan.pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert opened[-1] == str(pdf)
    brief = tmp_path / "out" / "brief.pdf"
    monkeypatch.setattr("kamdesk.ui.pdf_export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(brief), "PDF"))
    qtbot.mouseClick(ed.brief_button, Qt.MouseButton.LeftButton)
    assert brief.exists() and opened[-1] == str(brief)
    monkeypatch.setattr("kamdesk.ui.pdf_export.tempfile.gettempdir", lambda: str(tmp_path))
    qtbot.mouseClick(ed.print_button, Qt.MouseButton.LeftButton)
    assert opened[-1].endswith("-2027.pdf") and Path(opened[-1]).exists()
    assert Path(opened[-1]).parent == tmp_path / "kamdesk-print"


def test_validation_and_unsaved_changes(qtbot, demo_ctx, monkeypatch):
    with demo_ctx.db.engine.connect() as conn:
        row = Q.list_plans(conn)[0]
    ed = _editor(qtbot, demo_ctx, row.customer_id)
    assert ed.plan_id == row.id  # the latest plan opens

    # a bad date points at its row
    ed.tabs.setCurrentIndex(0)
    ed.actions.set_value(0, "due", "2027-02-30")
    assert not ed.save()
    assert ed.tabs.currentIndex() == 4 and ed.error_label.isVisible()
    assert "Row 1" in ed.error_label.text() and "valid date" in ed.error_label.text()
    ed.actions.set_value(0, "due", "2027-02-28")
    # a blank metric is refused by the store and shown on the objectives tab
    ed.objectives.set_value(1, "metric", "  ")
    ed.tabs.setCurrentIndex(0)
    assert not ed.save()
    assert ed.tabs.currentIndex() == 2 and "Metric" in ed.error_label.text()
    assert ed.objectives.current_row() == 1

    # closing with changes asks; Cancel keeps the editor open
    asked: list[str] = []

    def answer(button):  # type: ignore[no-untyped-def]
        return lambda *a, **k: asked.append(a[1]) or button

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    ed.reject()
    assert asked and ed.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    ed.reject()
    assert not ed.isVisible()
    with demo_ctx.db.engine.connect() as conn:
        assert Q.plan_detail(conn, row.id).objectives[1].metric.strip()  # nothing written


def test_save_announces_what_the_save_wrote(qtbot, demo_ctx):
    with demo_ctx.db.engine.connect() as conn:
        row = Q.list_plans(conn)[0]
    ed = _editor(qtbot, demo_ctx, row.customer_id)
    heard = []
    demo_ctx.changed.connect(heard.append)
    ed.owner_edit.setText("新负责人")
    assert ed.save()
    assert [set(c.names) for c in heard] == [
        {"account_plans", "plan_objectives", "plan_actions", "plan_risks", "change_history"}]
    assert heard[0].initiator is ed and heard[0].ids("account_plans") == {row.id}


def test_suggest_risks_and_strategies(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    with demo_ctx.db.engine.connect() as conn:
        row = Q.list_plans(conn)[0]
    ed = _editor(qtbot, demo_ctx, row.customer_id)
    before = ed.risks.table.rowCount()
    added = ed.suggest_risks()
    assert ed.risks.table.rowCount() == before + added
    assert ed.suggest_risks() == 0  # not twice
    ed.strategies_edit.clear()
    ed.reset_strategies()
    assert ed.strategies_edit.toPlainText().splitlines() == list(
        suggest_strategies(ed.facts.value_tier, ed.facts.activity, "en"))
    assert ed.people_table.rowCount() > 0


def test_batch_export_tier_a_with_progress(qtbot, demo_ctx, tmp_path):
    dlg = BatchExportDialog(demo_ctx, tier="A")
    qtbot.addWidget(dlg)
    dlg.show()
    with demo_ctx.db.engine.connect() as conn:
        expected = len([r for r in Q.list_plans(conn) if r.value_tier == "A"])
    assert expected and str(expected) in dlg.count_label.text()
    dlg.folder_edit.setText(str(tmp_path / "tier-a"))
    with qtbot.waitSignal(dlg.exported, timeout=60_000) as done:
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        assert isinstance(dlg.progress, QProgressDialog) and dlg.running()
    files = done.args[0]
    assert len(files) == expected and all(f.exists() for f in files)
    assert sorted(p.name for p in (tmp_path / "tier-a").iterdir()) == sorted(f.name for f in files)
    assert dlg.open_button.isEnabled() and str(expected) in dlg.result_label.text()
    assert dlg.progress is None and not dlg.running()


def test_batch_export_can_be_cancelled(qtbot, demo_ctx, tmp_path):
    dlg = BatchExportDialog(demo_ctx, tier="A")
    qtbot.addWidget(dlg)
    dlg.draft_check.setChecked(True)  # every A customer: dozens of plans
    jobs = dlg.jobs()
    assert len(jobs) > 10
    dlg.folder_edit.setText(str(tmp_path / "cancel"))
    with qtbot.waitSignal(dlg.exported, timeout=60_000) as done:
        dlg.start_export()
        cancel = dlg.progress.findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the user presses Cancel
    assert len(done.args[0]) < len(jobs)
    assert "Cancelled" in dlg.result_label.text()
    assert not list((tmp_path / "cancel").glob("*.part"))


def test_selection_export_reads_only_the_selected_customers(qtbot, demo_ctx):
    from kamdesk.reports.batch import plan_jobs
    from kamdesk.ui.customers.selection_plans import SelectionPlansDialog

    with demo_ctx.db.engine.connect() as conn:
        ids = sorted({r.customer_id for r in Q.list_plans(conn)})[:2]
        missing = next(c for c in range(1, 400) if c not in ids)  # may have no plan: a draft
        expected = plan_jobs(conn, customer_ids=[*ids, missing], latest_only=True,
                             draft_missing=True, today=demo_ctx.clock.today())
    dlg = SelectionPlansDialog(demo_ctx, [*ids, missing])
    qtbot.addWidget(dlg)
    dlg.draft_check.setChecked(True)
    assert dlg.jobs() == expected
    assert {j.customer_id for j in expected} <= {*ids, missing}
    assert str(len(expected)) in dlg.count_label.text()


def test_reports_screen(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    w.show_screen("reports")
    screen = w.screen("reports")
    qtbot.waitUntil(lambda: screen.review is not None)   # read off the UI thread
    assert screen.review.period.code == "2026-11"
    assert screen.tiles["churn_rate"].value.text().endswith("%")
    assert not hasattr(screen, "plans_box")  # the plans have their own screen now


def test_plans_screen(qtbot, demo_ctx, make_window, monkeypatch, opened, tmp_path):
    w = make_window(demo_ctx)
    w.show_screen("plans")
    screen = w.screen("plans")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5)
    assert screen.table.isVisible() and not screen.empty_label.isVisible()

    screen.tier_filter.setCurrentIndex(screen.tier_filter.findData("A"))
    assert all(screen.model.row(i).value_tier == "A" for i in range(screen.model.rowCount()))
    screen.tier_filter.setCurrentIndex(0)

    screen.table.selectRow(0)
    row = screen.selected()
    target = tmp_path / "one.pdf"
    monkeypatch.setattr("kamdesk.ui.pdf_export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert target.exists() and opened[-1] == str(target)

    editor = screen.open_selected()
    qtbot.addWidget(editor)
    assert editor.plan_id == row.id and editor.isVisible()
    editor.owner_edit.setText("新负责人")
    assert editor.save()
    qtbot.waitUntil(lambda: screen.model.row(0).owner == "新负责人"
                    or any(screen.model.row(i).owner == "新负责人"
                           for i in range(screen.model.rowCount())))
    editor.close()

    batch = screen.batch_export()
    assert isinstance(batch, QDialog) and batch.objectName() == "batchExportDialog"
    batch.reject()


def test_open_plan_editor_for_the_profile(qtbot, demo_ctx):
    cid = _unplanned_customer(demo_ctx)
    editor = open_plan_editor(demo_ctx, cid)
    qtbot.addWidget(editor)
    assert editor.isVisible() and editor.plan_id is None and editor.banner.isVisible()
    assert editor.banner_period.text() == "2027"  # planning next year in Q4
    editor.close()
