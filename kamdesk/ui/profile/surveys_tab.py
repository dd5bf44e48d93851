"""A customer's satisfaction survey answers (满意度/NPS): the answers, newest first, the
customer's average CSAT and NPS over them, and record / edit / delete with Ctrl+Z to
undo a delete.

The latest answer is the customer's last satisfaction check, so recording one clears
the B tier's quarterly duty in the header at once (the op refreshes the figures and the
runner announces them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kamdesk.store.ops import surveys as survey_ops
from kamdesk.store.queries.surveys import SurveyAnswer, SurveySummary, customer_surveys
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import (
    ProfileTab,
    add_delete_and_undo_keys,
    select_row_with_id,
    undo_or_delete_key,
)
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row


def _score(value: int | None) -> str:
    return "" if value is None else str(value)


class SurveysTab(ProfileTab):
    TABLES = frozenset({"survey_responses", "people", "customers"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("surveysTab")
        self._undo: list[dict[str, Any]] = []
        self.data: SurveySummary | None = None
        self.dialog: QWidget | None = None
        self.model = RowsModel([
            Column(self.tr("Answered"), lambda a: fmt.day(a.responded_on),
                   sort_key=lambda a: a.responded_on, width=100),
            Column(self.tr("CSAT"), lambda a: _score(a.csat),
                   sort_key=lambda a: -1 if a.csat is None else a.csat, right=True, width=70),
            Column(self.tr("NPS"), lambda a: _score(a.nps),
                   sort_key=lambda a: -1 if a.nps is None else a.nps, right=True, width=110),
            Column(self.tr("Who"), lambda a: a.person_name or "", width=120),
            Column(self.tr("Channel"), lambda a: labels.channel(a.channel) if a.channel
                   else "", width=100),
            Column(self.tr("Comment"), lambda a: (a.comment or "").split("\n")[0]),
        ], self)
        self.table = make_table("profileSurveys", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.summary = QLabel()
        self.summary.setObjectName("surveySummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr(
            "CSAT: the average 1–5 score. NPS: % promoters (9–10) minus % detractors (0–6) "
            "over all answers with an NPS score."))
        self.add_button = QPushButton(self.tr("Record survey…"))
        self.add_button.setObjectName("addSurveyButton")
        self.add_button.clicked.connect(self.add_survey)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editSurveyButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setObjectName("deleteSurveyButton")
        self.delete_button.setToolTip(self.tr("Delete the selected answer (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo delete"))
        self.undo_button.setObjectName("undoSurveyButton")
        self.undo_button.setToolTip(self.tr("Put the last deleted answer back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for b in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            bar.addWidget(b)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not undo_or_delete_key(event, self.undo):
            super().keyPressEvent(event)

    # -- data ----------------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.data = None
        self.model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        self.data = d = self.ctx.db.read(customer_surveys, self.customer_id)
        self.model.set_rows(list(d.answers))
        if not d.answers:
            self.summary.setText(self.tr("No survey answers yet."))
        else:
            csat = "—" if d.avg_csat is None else f"{d.avg_csat:.1f}"
            nps = "—" if d.nps is None else f"{d.nps:+.0f}" if round(d.nps) else "0"
            self.summary.setText(
                self.tr("Average CSAT %1 (%2 answers) · NPS %3 (%4 answers)")
                .replace("%1", f"<b>{csat}</b>").replace("%2", str(d.csat_count))
                .replace("%3", f"<b>{nps}</b>").replace("%4", str(d.nps_count)))
        if keep is not None:
            self.select_answer(keep.id)
        self._update_buttons()

    def select_answer(self, survey_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), survey_id)

    def _update_buttons(self, *_args: object) -> None:
        chosen = selected_row(self.table) is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self._undo))
        self.add_button.setEnabled(self.customer_id is not None)

    # -- actions -------------------------------------------------------------------------
    def _open_dialog(self, answer: SurveyAnswer | None) -> None:
        if self.customer_id is None:
            return
        from kamdesk.ui.dialogs.survey_dialog import SurveyDialog

        self.dialog = SurveyDialog(self.ctx, self.customer_id, answer, self)
        self.dialog.open()

    def add_survey(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        a = selected_row(self.table)
        if a is not None:
            self._open_dialog(a)

    def delete_selected(self) -> None:
        a: SurveyAnswer | None = selected_row(self.table)
        if a is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete survey answer"),
            self.tr("Delete the answer of %1? Ctrl+Z brings it back.")
            .replace("%1", fmt.day(a.responded_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_op(self.ctx, survey_ops.delete_survey, a.id, self.today(), initiator=self,
                      expected_version=a.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        self.ctx.status.emit(self.tr("Survey answer deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        done = run_op(self.ctx, survey_ops.restore_survey, snap, self.today(), initiator=self)
        if done is None:
            self.ctx.status.emit(self.tr("The survey answer could not be restored"))
            return
        self.ensure_loaded()
        self.select_answer(int(done.value))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Survey answer restored"))
