"""A customer's complaints (客户问题处理与投诉) on the profile.

"New complaint…" opens the complaint form owned by the signed-in user (首问负责制);
a double click or "Open…" shows one complaint with its steps (respond, resolve, follow
up, hand over). Unanswered complaints near their response deadline are amber, past it
red. Delete asks first; Ctrl+Z puts the complaint back with its hand-over history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.ops.complaints import delete_complaint, restore_complaint
from kamdesk.store.queries.complaints import ComplaintRow, complaints
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.complaint_dialog import ComplaintDialog
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import ProfileTab, add_delete_and_undo_keys, select_row_with_id
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row


class ComplaintsTab(ProfileTab):
    TABLES = frozenset({"complaints", "complaint_handovers"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("complaintsTab")
        self._undo: list[dict[str, Any]] = []
        self.dialog: ComplaintDialog | None = None

        def colour(c: ComplaintRow) -> str | None:
            level = c.level(self.now())
            if level:
                return LEVEL_COLOURS[level]
            return "#9e9e9e" if c.status == "closed" else None

        def deadline(c: ComplaintRow) -> str:
            if c.responded_at is not None:
                return self.tr("answered %1").replace("%1", fmt.moment(c.responded_at))
            return fmt.moment(c.response_deadline)

        self.model = RowsModel([
            Column(self.tr("Received"), lambda c: fmt.moment(c.received_at),
                   sort_key=lambda c: c.received_at, colour=colour, width=130),
            Column(self.tr("Severity"), lambda c: labels.severity(c.severity), colour=colour,
                   width=70),
            Column(self.tr("Category"), lambda c: c.category or "", colour=colour, width=100),
            Column(self.tr("Description"), lambda c: c.description.split("\n")[0],
                   colour=colour, width=260, tooltip=lambda c: c.description),
            Column(self.tr("Owner"), lambda c: c.owner or "", colour=colour, width=90),
            Column(self.tr("Status"), lambda c: labels.complaint_status(c.status),
                   colour=colour, width=80),
            Column(self.tr("Response due"), deadline,
                   sort_key=lambda c: c.response_deadline or c.received_at, colour=colour,
                   width=170),
            Column(self.tr("Person"), lambda c: c.person_name or "", colour=colour),
        ], self)
        self.table = make_table("profileComplaints", self.model)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.summary = QLabel()
        self.summary.setObjectName("complaintsSummary")
        self.new_button = self._button("newComplaintButton", self.tr("New complaint…"),
                                       self.tr("Record a complaint you received"),
                                       self.new_complaint)
        self.open_button = self._button("openComplaintButton", self.tr("Open…"),
                                        self.tr("Respond, resolve, follow up or hand over"),
                                        self.open_selected)
        self.delete_button = self._button("deleteComplaintButton", self.tr("Delete"),
                                          self.tr("Delete the selected complaint (Del)"),
                                          self.delete_selected)
        self.undo_button = self._button("undoComplaintButton", self.tr("Undo delete"),
                                        self.tr("Put the last deleted complaint back (Ctrl+Z)"),
                                        self.undo)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for b in (self.new_button, self.open_button, self.delete_button, self.undo_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def _button(self, name: str, text: str, tip: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        rows = self.ctx.db.read(complaints, customer_id=self.customer_id)
        self.model.set_rows(rows)
        now = self.now()
        late = sum(1 for c in rows if c.level(now) == "red")
        waiting = sum(1 for c in rows if c.status != "closed")
        if not rows:
            self.summary.setText(self.tr("No complaints recorded."))
        elif late:
            self.summary.setText(f"<span style='color:{LEVEL_COLOURS['red']}; font-weight:bold'>"
                                 + self.tr("%n complaint(s) past the response deadline", "",
                                           late) + "</span>")
        else:
            self.summary.setText(self.tr("%n complaint(s), %1 not followed up yet", "",
                                         len(rows)).replace("%1", str(waiting)))
        if keep is not None:
            self.select_complaint(keep.id)
        self._update_buttons()

    def select_complaint(self, complaint_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), complaint_id)

    def selected(self) -> ComplaintRow | None:
        return selected_row(self.table)

    def _update_buttons(self) -> None:
        c = self.selected()
        self.new_button.setEnabled(self.customer_id is not None)
        self.open_button.setEnabled(c is not None)
        self.delete_button.setEnabled(c is not None)
        self.undo_button.setEnabled(bool(self._undo))

    # -- actions ---------------------------------------------------------------------
    def _show(self, dialog: ComplaintDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ComplaintDialog) -> None:
        self.ensure_loaded()
        if dialog.saved_id is not None:
            self.select_complaint(dialog.saved_id)

    def new_complaint(self) -> None:
        if self.customer_id is not None:
            self._show(ComplaintDialog(self.ctx, self.customer_id, parent=self))

    def open_selected(self) -> None:
        c = self.selected()
        if c is not None and self.customer_id is not None:
            self._show(ComplaintDialog(self.ctx, self.customer_id, c.id, parent=self))

    def delete_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete complaint"),
            self.tr("Delete this complaint and its hand-over history? Ctrl+Z brings it back."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_op(self.ctx, delete_complaint, c.id, initiator=self,
                      expected_version=c.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        self._update_buttons()
        self.ctx.status.emit(self.tr("Complaint deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if run_op(self.ctx, restore_complaint, snap, initiator=self) is None:
            return
        self.ensure_loaded()
        self.select_complaint(int(snap["complaint"]["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Complaint restored"))
