"""The Complaints screen (客户问题处理与投诉): every customer's complaints in one list.

A manager asks "what is still waiting for an answer, and whose is it?" without
opening customer after customer. The list shows when each complaint came in, whose it
is, its severity, state and owner, and the response deadline — amber when a quarter
of the time is left, red once passed (:func:`kamdesk.domain.complaints.deadline_level`)
— with the time left or overdue. Filters: state (or "open ones": not yet followed
up), owner, overdue only, and one customer (the shared customer picker).

"New complaint…" asks which customer (unless one is filtered) and opens the complaint
dialog; a double click or Enter opens a complaint with its steps. Delete asks first;
Ctrl+Z puts it back with its hand-over history, like the profile's Complaints tab.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
    QPushButton, QVBoxLayout, QWidget,
)

from kamdesk.domain.complaints import LEVEL_COLOURS, is_waiting
from kamdesk.domain.vocab import codes
from kamdesk.store.ops.complaints import delete_complaint, restore_complaint
from kamdesk.store.queries.complaints import (
    OPEN_STATES, ComplaintRow, complaint_owners, complaints,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.contrast import legible, window_colour
from kamdesk.ui.dialogs.complaint_dialog import ComplaintDialog
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import add_delete_and_undo_keys, select_row_with_id
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row
from kamdesk.ui.widgets.customer_picker import CustomerPicker

REFRESH_ON = frozenset({"complaints", "complaint_handovers", "customers"})
# the state filter's choice for "not followed up yet"
OPEN_ONES = "__open__"
CLOSED_GREY = "#9e9e9e"


class ComplaintCustomerDialog(QDialog):
    """Which customer is the new complaint from? (Enter on a match takes it.)"""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintCustomerDialog")
        self.setWindowTitle(self.tr("New complaint"))
        self.resize(460, 120)
        self.picker = CustomerPicker(ctx, self, advance_on_pick=False)
        self.picker.setObjectName("complaintCustomerPicker")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("&Customer:"))
        label.setBuddy(self.picker)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.picker)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.picker.customer_changed.connect(
            lambda cid: self.ok_button.setEnabled(cid is not None))
        self.picker.confirmed.connect(lambda _cid: self.accept())
        self.picker.setFocus()

    def customer_id(self) -> int | None:
        return self.picker.customer_id


class ComplaintsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintsScreen")
        self._undo: list[dict[str, Any]] = []
        self._stale = True
        self.dialog: ComplaintDialog | None = None
        self.picker_dialog: ComplaintCustomerDialog | None = None

        def colour(c: ComplaintRow) -> str | None:
            level = c.level(self.ctx.clock.now())
            if level:
                return LEVEL_COLOURS[level]
            return CLOSED_GREY if c.status == "closed" else None

        self.model = RowsModel([
            Column(self.tr("Received"), lambda c: fmt.moment(c.received_at),
                   sort_key=lambda c: c.received_at, colour=colour, width=130),
            Column(self.tr("Customer"), lambda c: c.customer_name, colour=colour, width=180),
            Column(self.tr("Severity"), lambda c: labels.severity(c.severity), colour=colour,
                   sort_key=lambda c: codes("severity").index(c.severity)
                   if c.severity in codes("severity") else -1, width=70),
            Column(self.tr("Category"), lambda c: c.category or "", colour=colour, width=100),
            Column(self.tr("State"), lambda c: labels.complaint_status(c.status),
                   colour=colour, width=80),
            Column(self.tr("Owner"), lambda c: c.owner or "", colour=colour, width=90),
            Column(self.tr("Response due"), lambda c: fmt.moment(c.response_deadline),
                   sort_key=lambda c: c.response_deadline or c.received_at, colour=colour,
                   width=130),
            Column(self.tr("Time left"), self.time_left, colour=colour, width=130,
                   sort_key=lambda c: (not is_waiting(c.status),
                                       c.response_deadline or c.received_at)),
            Column(self.tr("Description"), lambda c: c.description.split("\n")[0],
                   colour=colour, tooltip=lambda c: c.description),
        ], self)
        self.table = make_table("complaintsTable", self.model)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.open_selected)

        self.state_filter = QComboBox()
        self.state_filter.setObjectName("complaintStateFilter")
        self.state_filter.addItem(self.tr("Open ones (not followed up)"), OPEN_ONES)
        self.state_filter.addItem(self.tr("All states"), None)
        for code in codes("complaint_status"):
            self.state_filter.addItem(labels.complaint_status(code), code)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("complaintOwnerFilter")
        self.owner_filter.setMinimumContentsLength(10)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("complaintOverdueOnly")
        self.overdue_only.setToolTip(self.tr("Still unanswered after the response deadline"))
        self.customer_filter = CustomerPicker(ctx, self, advance_on_pick=False)
        self.customer_filter.setObjectName("complaintCustomerFilter")
        self.customer_filter.setPlaceholderText(self.tr("All customers"))
        self.customer_filter.setMaximumWidth(260)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.owner_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        self.customer_filter.customer_changed.connect(lambda _cid: self.refresh())

        self.new_button = self._button("newComplaintButton", self.tr("New complaint…"),
                                       self.tr("Record a complaint you received"),
                                       self.new_complaint)
        self.open_button = self._button("openComplaintButton", self.tr("Open…"),
                                        self.tr("Respond, resolve, follow up or hand over "
                                                "(Enter)"), self.open_selected)
        self.delete_button = self._button("deleteComplaintButton", self.tr("Delete"),
                                          self.tr("Delete the selected complaint (Del)"),
                                          self.delete_selected)
        self.undo_button = self._button("undoComplaintButton", self.tr("Undo delete"),
                                        self.tr("Put the last deleted complaint back (Ctrl+Z)"),
                                        self.undo)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("State:"), self.state_filter),
                             (self.tr("Owner:"), self.owner_filter),
                             (self.tr("Customer:"), self.customer_filter)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        for b in (self.new_button, self.open_button, self.delete_button, self.undo_button):
            filters.addWidget(b)
        self.summary = QLabel()
        self.summary.setObjectName("complaintsSummary")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("complaintsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "subtitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _button(self, name: str, text: str, tip: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    # -- words ---------------------------------------------------------------------
    def _span(self, delta: timedelta) -> str:
        hours = int(delta.total_seconds() // 3600)
        if hours >= 48:
            return self.tr("%n day(s)", "", hours // 24)
        if hours >= 1:
            return self.tr("%n hour(s)", "", hours)
        return self.tr("%n minute(s)", "", max(1, int(delta.total_seconds() // 60)))

    def time_left(self, c: ComplaintRow) -> str:
        """"5 hour(s) left" or "overdue 2 day(s)" while waiting for the first answer."""
        if not is_waiting(c.status) or c.response_deadline is None:
            return "—"
        now = self.ctx.clock.now()
        if now >= c.response_deadline:
            return self.tr("overdue %1").replace("%1", self._span(now - c.response_deadline))
        return self.tr("%1 left").replace("%1", self._span(c.response_deadline - now))

    # -- data ----------------------------------------------------------------------
    def _states(self) -> tuple[str, ...] | None:
        chosen = self.state_filter.currentData()
        if chosen == OPEN_ONES:
            return OPEN_STATES
        return None if chosen is None else (str(chosen),)

    def _fill_owners(self) -> None:
        keep = self.owner_filter.currentData()
        owners = self.ctx.db.read(complaint_owners)
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All owners"), None)
        for name in owners:
            self.owner_filter.addItem(name, name)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(keep)))
        self.owner_filter.blockSignals(False)

    def refresh(self) -> None:
        self._stale = False
        self._fill_owners()
        keep = selected_row(self.table)
        now = self.ctx.clock.now()
        rows = self.ctx.db.read(
            complaints, customer_id=self.customer_filter.customer_id, states=self._states(),
            owner=self.owner_filter.currentData(),
            overdue_at=now if self.overdue_only.isChecked() else None)
        self.model.set_rows(rows)
        late = sum(1 for c in rows if c.level(now) == "red")
        near = sum(1 for c in rows if c.level(now) == "amber")
        text = self.tr("%n complaint(s)", "", len(rows))
        if late:
            words = self.tr("%n past the response deadline", "", late)
            red = legible(LEVEL_COLOURS["red"], window_colour()).name()
            text += f" · <span style='color:{red}; font-weight:bold'>{words}</span>"
        if near:
            words = self.tr("%n near it", "", near)
            amber = legible(LEVEL_COLOURS["amber"], window_colour()).name()
            text += f" · <span style='color:{amber}'>{words}</span>"
        self.summary.setText(text)
        filtered = (self._states() != OPEN_STATES or self.owner_filter.currentData()
                    or self.overdue_only.isChecked()
                    or self.customer_filter.customer_id is not None)
        if rows:
            self.empty_label.setText("")
        elif filtered:
            self.empty_label.setText(self.tr("No complaints match these filters."))
        else:
            self.empty_label.setText(self.tr(
                "No open complaints. Record one with “New complaint…” when a customer "
                "raises an issue; it is yours until you hand it over."))
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        if keep is not None:
            select_row_with_id(self.table, rows, keep.id)
        self._update_buttons()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if not tables & REFRESH_ON:
            return
        if tables & {"complaints", "complaint_handovers"} and getattr(
                tables, "initiator", None) is not self:
            self._undo.clear()  # a restored id might since be someone else's
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def selected(self) -> ComplaintRow | None:
        return selected_row(self.table)

    def select_complaint(self, complaint_id: int) -> bool:
        return select_row_with_id(self.table, self.model.rows(), complaint_id)

    def _update_buttons(self) -> None:
        c = self.selected()
        self.open_button.setEnabled(c is not None)
        self.delete_button.setEnabled(c is not None)
        self.undo_button.setEnabled(bool(self._undo))

    # -- actions -------------------------------------------------------------------
    def _show(self, dialog: ComplaintDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ComplaintDialog) -> None:
        if self._stale:
            self.refresh()
        if dialog.saved_id is not None:
            self.select_complaint(dialog.saved_id)

    def new_complaint(self) -> None:
        cid = self.customer_filter.customer_id
        if cid is not None:
            self.open_new_for(cid)
            return
        picker = ComplaintCustomerDialog(self.ctx, self)
        self.picker_dialog = picker
        picker.accepted.connect(lambda: self.open_new_for(picker.customer_id()))
        picker.open()

    def open_new_for(self, customer_id: int | None) -> None:
        if customer_id is not None:
            self._show(ComplaintDialog(self.ctx, customer_id, parent=self))

    def open_selected(self) -> None:
        c = self.selected()
        if c is not None:
            self._show(ComplaintDialog(self.ctx, c.customer_id, c.id, parent=self))

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
        self.refresh()
        self.ctx.status.emit(self.tr("Complaint deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if run_op(self.ctx, restore_complaint, snap, initiator=self) is None:
            return
        self.refresh()
        self.select_complaint(int(snap["complaint"]["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Complaint restored"))
