"""The account plan editor (客户经营计划): one customer, one period at a time.

A plan is a record of what was intended for a period, so the editor never overwrites
one period with another: the period list switches between existing plans, "New
period" starts a fresh plan from the data, and "Copy to new period" carries the
current one forward. Everything on screen is plain values loaded from the store; Save
writes the whole plan in one transaction and reloads it, so new rows get their ids
(needed for "Make task") and what is shown is what is stored.

The situation figures and the stakeholder map are read live from the data rather
than kept in the plan: they would otherwise be out of date the day after saving.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from kamdesk.domain.change_words import field_word
from kamdesk.domain.plan_periods import suggest_period
from kamdesk.domain.plan_text import situation_text, suggest_strategies
from kamdesk.domain.plan_text import suggest_risks as risks_from_data
from kamdesk.domain.plans import ActionItem, ObjectiveItem, PlanDetail, PlanFacts, RiskItem
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.plans import (
    action_to_task, copy_plan, create_plan, normalize_period, save_plan,
)
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders
from kamdesk.store.queries.plans import PlanScreen, plan_screen
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import parse_date
from kamdesk.ui.ops import run_op
from kamdesk.ui.pdf_export import export_brief_pdf, export_plan_pdf, print_plan
from kamdesk.ui.plan.sections import PlanSections
from kamdesk.ui.widgets.row_table import RowTable

__all__ = ["PlanEditor", "open_plan_editor"]

#: what the live figures and the stakeholder map are read from: refresh when these change
FACTS_REFRESH_ON = frozenset({"people", "interactions", "customer_metrics", "customers",
                              "trades", "complaints", "survey_responses", "contracts"})
_open_editors: set[QDialog] = set()


class PlanEditor(PlanSections, QDialog):
    """``PlanEditor(ctx, customer_id, plan_id | None, parent)``.

    With ``plan_id`` None the customer's latest plan opens; a customer with no plan
    yet gets a banner offering to create one for the suggested period.
    """

    saved = Signal(int)  # plan id

    def __init__(self, ctx: AppContext, customer_id: int, plan_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.plan_id: int | None = None
        self.detail: PlanDetail | None = None
        self.facts: PlanFacts | None = None
        self._clean: Any = None
        self._loading = False
        self.setObjectName("planEditor")
        self.setWindowTitle(self.tr("Account plan"))
        self.setSizeGripEnabled(True)
        self.resize(1060, 740)

        self._build()
        ctx.changed.connect(self._on_changed)
        self._load_periods(select=plan_id)

    # -- loading ---------------------------------------------------------------------
    def _load_periods(self, select: int | None = None) -> None:
        """Fill the period list and show ``select`` (default: the latest plan)."""
        state = self.ctx.db.read(plan_screen, self.customer_id, select, self.ctx.clock.today(),
                                 self.ctx.lang)
        self.facts = state.facts
        if self.facts is not None:
            self.customer_label.setText(f"{self.facts.code}  {self.facts.name}")
            self.setWindowTitle(self.tr("Account plan — %1").replace("%1", self.facts.name))
        self._loading = True
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for pid, period in state.periods:
            self.period_combo.addItem(period, pid)
        self.period_combo.blockSignals(False)
        self._loading = False
        has = bool(state.periods)
        self.banner.setVisible(not has)
        self.tabs.setVisible(has)
        for w in (self.period_combo, self.copy_button, self.status_combo, self.owner_edit,
                  self.export_button, self.print_button, self.save_button):
            w.setEnabled(has)
        if not has or state.detail is None:
            self.plan_id = None
            self.detail = None
            self.banner_period.setText(suggest_period([], self.ctx.clock.today()))
            self._clean = None
            return
        self._show_plan(state)

    def load_plan(self, plan_id: int) -> None:
        state = self.ctx.db.read(plan_screen, self.customer_id, plan_id, self.ctx.clock.today(),
                                 self.ctx.lang)
        if state.detail is None or state.detail.id != plan_id:
            self._load_periods()
            return
        self._show_plan(state)

    def _show_plan(self, state: PlanScreen) -> None:
        detail = state.detail
        assert detail is not None
        self.facts = state.facts
        self.plan_id = detail.id
        self.detail = detail
        self._loading = True
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(detail.id)))
        self.period_combo.blockSignals(False)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(detail.status)))
        self.owner_edit.setText(detail.owner)
        for key, edit in self._text_edits().items():
            edit.setPlainText(getattr(detail, key))
        self.objectives.set_rows([
            {"id": o.id, "metric": o.metric, "baseline": o.baseline, "target": o.target,
             "due": o.due, "status": o.status} for o in detail.objectives])
        self.actions.set_rows([
            {"id": a.id, "task_id": a.task_id, "action": a.action, "owner": a.owner,
             "due": a.due, "status": a.status, "task": self._task_text(a)}
            for a in detail.actions])
        self.risks.set_rows([
            {"id": r.id, "risk": r.risk, "kind": r.kind, "level": r.level,
             "mitigation": r.mitigation} for r in detail.risks])
        self._show_facts()
        self._show_people(state.people)
        self._loading = False
        self._mark_clean()

    # -- dirty tracking --------------------------------------------------------------
    def snapshot(self) -> Any:
        if self.plan_id is None:
            return None
        return (
            self.status_combo.currentData(), self.owner_edit.text().strip(),
            *(e.toPlainText() for e in self._text_edits().values()),
            self.objectives.snapshot(), self.actions.snapshot(), self.risks.snapshot(),
        )

    def _text_edits(self) -> dict[str, QPlainTextEdit]:
        return {
            "situation_summary": self.summary_edit, "strengths": self.strengths_edit,
            "weaknesses": self.weaknesses_edit, "swot_opportunities": self.swot_opps_edit,
            "threats": self.threats_edit, "strategies": self.strategies_edit,
            "opportunities": self.opportunities_edit, "resources_needed": self.resources_edit,
            "stakeholder_notes": self.people_notes,
        }

    def _mark_clean(self) -> None:
        self._clean = self.snapshot()
        self._update_title()

    def is_dirty(self) -> bool:
        return self.plan_id is not None and self.snapshot() != self._clean

    def _touched(self, *_args: Any) -> None:
        if not self._loading:
            self._update_title()

    def _update_title(self) -> None:
        name = self.facts.name if self.facts else ""
        title = self.tr("Account plan — %1").replace("%1", name)
        self.setWindowTitle(("* " if self.is_dirty() else "") + title)

    # -- saving ----------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def _dates(self, table: RowTable, tab: int) -> list[dict[str, Any]] | None:
        rows = table.rows()
        for i, row in enumerate(rows):
            try:
                row["due"] = parse_date(row.get("due") or "")
            except ValueError:
                self.tabs.setCurrentIndex(tab)
                table.select(i, [c.key for c in table.columns].index("due"))
                self._error(self.tr("Row %1: ").replace("%1", str(i + 1))
                            + labels.field_error(labels.plan_field_name("due"),
                                                 labels.validation("invalid_date")))
                return None
        return rows

    def save(self) -> bool:
        """Write the plan; False (with the reason shown) when something is invalid."""
        if self.plan_id is None:
            return False
        self._clear_error()
        objectives = self._dates(self.objectives, 2)
        actions = self._dates(self.actions, 4) if objectives is not None else None
        if objectives is None or actions is None:
            return False
        fields = {k: e.toPlainText() for k, e in self._text_edits().items()}
        fields["owner"] = self.owner_edit.text()
        fields["status"] = self.status_combo.currentData()
        try:
            changes = run_op(
                self.ctx, save_plan, self.plan_id, fields,
                [ObjectiveItem(r["id"], r["metric"], r["baseline"], r["target"], r["due"],
                               r["status"]) for r in objectives],
                [ActionItem(r["id"], r["action"], r["owner"], r["due"], r["status"])
                 for r in actions],
                [RiskItem(r["id"], r["risk"], r["kind"], r["level"], r["mitigation"])
                 for r in self.risks.rows()],
                now=self.ctx.clock.now(), initiator=self, reraise=(ValidationError,),
                expected_version=self.detail.version if self.detail else None)
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        if changes is None:  # the database refused; the user has been told why
            return False
        self.ctx.status.emit(self.tr("Account plan %1 saved").replace("%1", self._period()))
        self.load_plan(self.plan_id)
        self.saved.emit(self.plan_id)
        return True

    def conflict_kept_theirs(self) -> None:
        """Someone else saved this plan meanwhile and the user keeps their version
        (the runner's conflict dialog): show it, dropping these edits."""
        if self.plan_id is not None:
            self.load_plan(self.plan_id)

    def field_label(self, field: str) -> str:
        """A plan field's name for the conflict dialog (the change history's words; the
        rows by their tab's name)."""
        rows = {"objectives": self.tr("Objectives"), "actions": self.tr("Action plan"),
                "risks": self.tr("Risks")}
        return rows.get(field) or field_word(field, self.ctx.lang)

    def _show_validation(self, exc: ValidationError) -> None:
        where = ""
        if ":" in exc.detail:
            part, _, number = exc.detail.partition(":")
            tab = {"objectives": (2, self.objectives), "actions": (4, self.actions),
                   "risks": (7, self.risks)}.get(part)
            if tab is not None and number.isdigit():
                self.tabs.setCurrentIndex(tab[0])
                tab[1].select(int(number) - 1)
                where = self.tr("Row %1: ").replace("%1", number)
        self._error(where + labels.field_error(labels.plan_field_name(exc.field),
                                               labels.plan_validation(exc.code)))

    def _period(self) -> str:
        return self.detail.period if self.detail else ""

    # -- periods ---------------------------------------------------------------------
    def _period_picked(self, index: int) -> None:
        if self._loading or index < 0:
            return
        pid = self.period_combo.itemData(index)
        if pid == self.plan_id:
            return
        if not self._settle():
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(self.plan_id)))
            self.period_combo.blockSignals(False)
            return
        self.load_plan(int(pid))

    def _settle(self) -> bool:
        """Before leaving the current plan: save, discard or stay. True to go on."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Save changes?"),
            self.tr("The plan for %1 has unsaved changes.").replace("%1", self._period()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def existing_periods(self) -> list[str]:
        return [self.period_combo.itemText(i) for i in range(self.period_combo.count())]

    def new_period(self, copy: bool = False) -> bool:
        """Ask for a period, then create it (from the data, or as a copy of this plan)."""
        if copy and self.plan_id is None:
            return False
        if not self._settle():
            return False
        suggestion = suggest_period(self.existing_periods(), self.ctx.clock.today())
        title = self.tr("Copy to new period") if copy else self.tr("New plan period")
        prompt = (self.tr("Copy the %1 plan to period (2027, 2027-H1, 2027-Q1):")
                  .replace("%1", self._period()) if copy
                  else self.tr("Period of the new plan (2027, 2027-H1, 2027-Q1):"))
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal,
                                        suggestion)
        if not ok:
            return False
        return self.create_period(text, copy=copy)

    def create_period(self, period: str, copy: bool = False) -> bool:
        """Create the plan for ``period``; refuses (with a message) an existing one."""
        self._clear_error()
        try:
            normal = normalize_period(period)
            if copy and self.plan_id is not None:
                changes = run_op(self.ctx, copy_plan, self.plan_id, normal, initiator=self,
                                 reraise=(ValidationError,))
            else:
                changes = run_op(self.ctx, create_plan, self.customer_id, normal,
                                 self.ctx.owner_name or None, self.ctx.clock.today(),
                                 self.ctx.lang, initiator=self, reraise=(ValidationError,))
        except ValidationError as exc:
            if exc.code == "duplicate":
                text = self.tr("There is already a plan for %1. Plans are kept per period "
                               "and never overwritten: pick %1 in the Period list to edit it, "
                               "or choose another period.").replace("%1", exc.detail)
            else:
                text = labels.field_error(labels.plan_field_name(exc.field),
                                          labels.plan_validation(exc.code))
            QMessageBox.warning(self, self.tr("Cannot create the plan"), text)
            self._error(text)
            return False
        if changes is None:
            return False
        new_id = int(changes.value)
        self.ctx.status.emit(self.tr("Account plan %1 created").replace("%1", normal))
        self._load_periods(select=new_id)
        self.saved.emit(new_id)
        return True

    # -- actions ---------------------------------------------------------------------
    def refill_summary(self) -> None:
        if self.facts is None:
            return
        facts = self.ctx.db.read(plan_facts, self.customer_id, self.ctx.clock.today())
        if facts is not None:
            self.summary_edit.setPlainText(
                situation_text(facts, self.ctx.clock.today(), self.ctx.lang))

    def reset_strategies(self) -> None:
        if self.facts is None:
            return
        current = self.strategies_edit.toPlainText().strip()
        points = suggest_strategies(self.facts.value_tier, self.facts.activity, self.ctx.lang)
        if current and current != "\n".join(points):
            answer = QMessageBox.question(
                self, self.tr("Replace strategies?"),
                self.tr("Replace the strategies typed here with the method's strategies for "
                        "this tier?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.strategies_edit.setPlainText("\n".join(points))

    def suggest_risks(self) -> int:
        """Append the data's risks that are not in the table yet; returns how many."""
        facts = self.ctx.db.read(plan_facts, self.customer_id, self.ctx.clock.today())
        if facts is None:
            return 0
        have = {r["risk"] for r in self.risks.rows()}
        added = 0
        for r in risks_from_data(facts, self.ctx.clock.today(), self.ctx.lang):
            if r.risk not in have:
                self.risks.add_row({"risk": r.risk, "kind": r.kind, "level": r.level,
                                    "mitigation": r.mitigation})
                added += 1
        self.ctx.status.emit(self.tr("%n risk(s) added from the data", "", added))
        return added

    def make_task(self) -> int | None:
        """The selected action onto the task list, with a reminder. Saves first, since
        the task must point at a stored action."""
        r = self.actions.current_row()
        if r < 0 or self.plan_id is None:
            QMessageBox.information(self, self.tr("Make task"),
                                    self.tr("Select an action first."))
            return None
        if self.is_dirty() or self.actions.rows()[r].get("id") is None:
            if not self.save():
                return None
        rows = self.actions.rows()
        if r >= len(rows) or rows[r].get("id") is None:
            return None
        changes = run_op(self.ctx, action_to_task, int(rows[r]["id"]), self.ctx.clock.now(),
                         self.ctx.lang, initiator=self)
        if changes is None:
            return None
        task_id, remind = changes.value.task_id, changes.value.remind_at
        self.load_plan(self.plan_id)
        self.tabs.setCurrentIndex(4)
        self.actions.select(r)
        self.ctx.status.emit(self.tr("Task created, reminder %1")
                             .replace("%1", fmt.moment(remind)))
        return task_id

    def _saved_for_export(self) -> bool:
        return not self.is_dirty() or self.save()

    def export_pdf(self) -> Path | None:
        if self.plan_id is None or not self._saved_for_export():
            return None
        return export_plan_pdf(self.ctx, self.plan_id, self.customer_id, self)

    def print_pdf(self) -> Path | None:
        if self.plan_id is None or not self._saved_for_export():
            return None
        return print_plan(self.ctx, self.plan_id, self.customer_id, self)

    def brief_pdf(self) -> Path | None:
        return export_brief_pdf(self.ctx, self.customer_id, self)

    # -- refresh and closing ---------------------------------------------------------
    def _on_changed(self, changes: Any) -> None:
        if self.plan_id is None or not (changes & FACTS_REFRESH_ON):
            return
        today = self.ctx.clock.today()
        self.facts = self.ctx.db.read(plan_facts, self.customer_id, today)
        people = self.ctx.db.read(stakeholders, self.customer_id, today, self.ctx.lang)
        self._show_facts()
        self._show_people(people)

    def reject(self) -> None:
        """Esc, Close and the title bar's close button."""
        if not self._settle():
            return
        self._clean = self.snapshot()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._settle():
            event.ignore()
            return
        self._clean = self.snapshot()
        super().closeEvent(event)


def open_plan_editor(ctx: AppContext, customer_id: int, parent: QWidget | None = None,
                     plan_id: int | None = None) -> PlanEditor:
    """Open the plan editor for a customer (its latest plan, or the create banner).

    Non-modal, so the manager can look things up in the profile while planning; the
    editor is kept alive until it closes.
    """
    editor = PlanEditor(ctx, customer_id, plan_id, parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_editors.add(editor)
    editor.finished.connect(lambda _r: _open_editors.discard(editor))
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor
