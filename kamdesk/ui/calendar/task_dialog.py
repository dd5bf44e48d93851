"""A small dialog to plan a task, call or visit on a day, or to look at and edit one.

Saving runs :func:`kamdesk.store.ops.tasks.create_task` or
:func:`~kamdesk.store.ops.tasks.update_task` through the runner; a field the store
rejects is marked here, in the dialog, rather than in a message box.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTimeEdit, QVBoxLayout, QWidget,
)

from kamdesk.store.queries.reminders import ReminderRow, reminder_rows
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops import tasks as task_ops
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op
from kamdesk.ui.widgets.customer_picker import CustomerPicker

# (code, minutes before the due time); None = no reminder
REMINDER_CHOICES: tuple[tuple[str, int | None], ...] = (
    ("none", None), ("at_due", 0), ("15m", 15), ("1h", 60), ("1d", 24 * 60),
)
DEFAULT_REMINDER = "15m"


@dataclass(frozen=True)
class _Snapshot:
    title: str
    customer_id: int | None
    kind: str
    due: dt.datetime
    reminder: str
    notes: str


class TaskDialog(QDialog):
    """New task on ``day`` (``task_id`` None) or an existing task."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 day: dt.date | None = None, task_id: int | None = None,
                 customer_id: int | None = None, kind: str = "task") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task_id = task_id
        self.loaded_version: int | None = None
        self.saved_id: int | None = None
        self._done = False
        self.setObjectName("taskDialog")
        self.setWindowTitle(self.tr("Task") if task_id else self.tr("New task"))
        self.setMinimumWidth(440)

        self.title = QLineEdit()
        self.title.setObjectName("taskTitle")
        self.title.setPlaceholderText(self.tr("What to do, e.g. Visit to review the quarter"))
        self.customer = CustomerPicker(ctx)
        self.customer.setObjectName("taskCustomer")
        self.customer.setPlaceholderText(self.tr("Optional: name, code or pinyin"))
        self.kind = QComboBox()
        self.kind.setObjectName("taskKind")
        for code in ("task", "call", "visit"):
            self.kind.addItem(labels.task_kind(code), code)
        self.date = QDateEdit()
        self.date.setObjectName("taskDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.time = QTimeEdit()
        self.time.setObjectName("taskTime")
        self.time.setDisplayFormat("HH:mm")
        self.reminder = QComboBox()
        self.reminder.setObjectName("taskReminder")
        names = {"none": self.tr("No reminder"), "at_due": self.tr("At the due time"),
                 "15m": self.tr("15 minutes before"), "1h": self.tr("1 hour before"),
                 "1d": self.tr("1 day before")}
        for code, _minutes in REMINDER_CHOICES:
            self.reminder.addItem(names[code], code)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("taskNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.error = QLabel()
        self.error.setObjectName("taskError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        when = QHBoxLayout()
        when.addWidget(self.date, 1)
        when.addWidget(self.time)
        form = QFormLayout()
        form.addRow(labels.field_name("title"), self.title)
        form.addRow(labels.field_name("customer"), self.customer)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Due"), when)
        form.addRow(self.tr("Reminder"), self.reminder)
        form.addRow(self.tr("Notes"), self.notes)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.done_button: QPushButton | None = None
        self.open_customer_button: QPushButton | None = None
        if task_id:
            self.done_button = self.buttons.addButton(
                self.tr("Mark done"), QDialogButtonBox.ButtonRole.ActionRole)
            self.done_button.setObjectName("taskDoneButton")
            self.done_button.clicked.connect(self._toggle_done)
            self.open_customer_button = self.buttons.addButton(
                self.tr("Open customer"), QDialogButtonBox.ButtonRole.ActionRole)
            self.open_customer_button.clicked.connect(self._open_customer)
            button = self.open_customer_button
            self.customer.customer_changed.connect(
                lambda cid: button.setEnabled(cid is not None))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.title, self.customer)
        self.setTabOrder(self.customer, self.kind)
        self.setTabOrder(self.kind, self.date)
        self.setTabOrder(self.date, self.time)
        self.setTabOrder(self.time, self.reminder)
        self.setTabOrder(self.reminder, self.notes)

        if task_id:
            self._load(task_id)
        else:
            self._defaults(day, customer_id, kind)
        self._initial = self._snapshot()
        self.title.setFocus()

    # -- values ----------------------------------------------------------------------
    def _defaults(self, day: dt.date | None, customer_id: int | None, kind: str) -> None:
        now = self.ctx.clock.now()
        day = day or now.date()
        at = dt.time(9, 0)
        if day == now.date() and now.time() >= at:
            # later today: the next full hour, but not past the working day
            at = dt.time(min(18, now.hour + 1), 0)
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.time.setTime(QTime(at.hour, at.minute))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.reminder.setCurrentIndex(self.reminder.findData(DEFAULT_REMINDER))
        if customer_id:
            self.customer.set_customer_id(customer_id)

    def _load(self, task_id: int) -> None:
        rows = self.ctx.db.read(reminder_rows, [task_id], self.ctx.lang)
        if not rows:
            return
        row = rows[0]
        self.loaded_version = row.version  # what the save names (a conflict if it moved)
        self.title.setText(row.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        due = row.due_at or row.remind_at or self.ctx.clock.now()
        self.date.setDate(QDate(due.year, due.month, due.day))
        self.time.setTime(QTime(due.hour, due.minute))
        self.reminder.setCurrentIndex(self.reminder.findData(self._reminder_code(row)))
        self.notes.setPlainText(row.notes or "")
        self.customer.set_customer_id(row.customer_id)
        if self.open_customer_button is not None:
            self.open_customer_button.setEnabled(row.customer_id is not None)
        self._done = row.done
        if self.done_button is not None:
            self.done_button.setText(self.tr("Reopen") if row.done else self.tr("Mark done"))

    @staticmethod
    def _reminder_code(row: ReminderRow) -> str:
        if row.remind_at is None:
            return "none"
        if row.due_at is None:
            return "at_due"
        minutes = round((row.due_at - row.remind_at).total_seconds() / 60)
        for code, m in REMINDER_CHOICES:
            if m == minutes:
                return code
        return "custom"

    def due_at(self) -> dt.datetime:
        d, t = self.date.date(), self.time.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def remind_at(self) -> dt.datetime | None:
        code = self.reminder.currentData()
        minutes = dict(REMINDER_CHOICES).get(code)
        if minutes is None:
            return None
        return self.due_at() - dt.timedelta(minutes=minutes)

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self.title.text().strip(), self.customer.customer_id,
                         str(self.kind.currentData()), self.due_at(),
                         str(self.reminder.currentData()), self.notes.toPlainText())

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # -- actions ---------------------------------------------------------------------
    def _show_error(self, field: str, code: str) -> None:
        self.error.setText(labels.field_error(labels.field_name(field), labels.validation(code)))
        self.error.show()
        {"title": self.title, "customer": self.customer}.get(field, self.title).setFocus()

    def save(self) -> None:
        customer_id = self.customer.resolve()
        if self.customer.text().strip() and customer_id is None:
            self._show_error("customer", "invalid_choice")
            return
        snap = self._snapshot()
        try:
            if self.task_id is None:
                changes = run_op(
                    self.ctx, task_ops.create_task, title=snap.title, kind=snap.kind,
                    customer_id=customer_id, due_at=snap.due, remind_at=self.remind_at(),
                    notes=snap.notes or None, owner=self.ctx.owner_name or None,
                    source="manual", initiator=self, reraise=(ValidationError,))
            else:
                changes = run_op(self.ctx, task_ops.update_task, self.task_id,
                                 **self._edits(snap, customer_id),
                                 expected_version=self.loaded_version,
                                 initiator=self, reraise=(ValidationError,))
        except ValidationError as exc:
            self._show_error(exc.field, exc.code)
            return
        if changes is None:
            return
        self.saved_id = self.task_id if self.task_id is not None else changes.value
        self._initial = self._snapshot()
        self.accept()

    def _edits(self, snap: _Snapshot, customer_id: int | None) -> dict[str, Any]:
        """What the user may have changed, as :func:`update_task` takes it: the due time
        only when it moved (moving shifts the reminder along), the reminder only when
        its choice changed (which re-arms it)."""
        edits: dict[str, Any] = {"kind": snap.kind, "customer_id": customer_id}
        if (snap.title, snap.notes) != (self._initial.title, self._initial.notes):
            # Only words the user edited are written: a generated reminder keeps its
            # code and is shown in the language in use until someone retypes it.
            edits.update(title=snap.title, notes=snap.notes or None)
        if snap.due != self._initial.due:
            edits["due_at"] = snap.due
        if snap.reminder != self._initial.reminder:
            edits["remind_at"] = self.remind_at()
        return edits

    def _toggle_done(self) -> None:
        if self.task_id is None:
            return
        if self._done:
            changes = run_op(self.ctx, task_ops.reopen_task, self.task_id, initiator=self)
        else:
            changes = run_op(self.ctx, task_ops.complete_task, self.task_id,
                             self.ctx.clock.now(), initiator=self)
        if changes is None:
            return
        self.saved_id = self.task_id
        if self.is_dirty():
            self.save()
        else:
            self.accept()

    def _open_customer(self) -> None:
        cid = self.customer.customer_id
        if cid is not None:
            self.ctx.open_customer.emit(cid)
            self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("You have changed this task. Discard the changes?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        event.ignore()
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.notes.hasFocus():
            if self.customer.completer_popup().isVisible():
                super().keyPressEvent(event)
                return
            self.save()
            return
        super().keyPressEvent(event)
