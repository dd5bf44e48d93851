"""The Log contact dialog (记一笔沟通): log a new contact or edit one from the log.

A manager logs a call right after hanging up, often with the next call already
ringing, so the whole dialog is built for the keyboard: Ctrl+L, a few letters of
pinyin, Enter, Tab to the topic, Enter — well under thirty seconds. Everything
else (people, time, channel, owner, deadline) has a default that is right for a
phone call made just now. It reads through ``ctx.db.read`` and saves through the
runner (:func:`kamdesk.ui.ops.run_op`), which announces what the operation wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget,
)

from kamdesk.store.queries.customers import CustomerPick, distinct_values, pick_customer
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.interactions import log_contact, update_interaction
from kamdesk.store.queries.contact_log import fetch_one, people_to_involve
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.complaint_entry import start_complaint_from_contact
from kamdesk.ui.dialogs.keyboard_fields import (
    KeyCombo, TabOutDateEdit, TabOutDateTimeEdit, error_colour, notes_edit,
)
from kamdesk.ui.widgets.customer_picker import CustomerPicker
from kamdesk.ui.ops import run_op

#: Ordered as often as a key-account manager uses them, so the digit keys fall where
#: the hand expects: 1 is a phone call, 2 a visit.
CHANNEL_ORDER = ("phone", "visit", "wechat", "email", "video", "meeting", "event")
DEFAULT_DEADLINE_DAYS = 3

PERSON_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class _FormValues:
    customer_id: int | None
    customer_text: str
    person_ids: tuple[int, ...]
    occurred_at: datetime
    channel: str
    topic: str
    feedback: str
    issue: str
    next_action: str
    owner: str
    deadline: date | None
    satisfaction: int | None


# -- the dialog ----------------------------------------------------------------------------
class LogContactDialog(QDialog):
    """Log a new contact, or edit one from the log (``interaction_id``)."""

    #: the saved interaction's id
    saved = Signal(int)

    def __init__(self, ctx: AppContext, customer_id: int | None = None,
                 parent: QWidget | None = None, *, interaction_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._interaction_id, self._version = interaction_id, None  # version: see _load
        self._customer: CustomerPick | None = None
        self._deadline_auto = False
        self._deadline_touched = interaction_id is not None
        self._owner_auto = True
        self._initial: _FormValues | None = None
        self.saved_id: int | None = None
        # The main window opens a fresh dialog on every Ctrl+L and keeps no reference.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("logContactDialog")
        self.setWindowTitle(self.tr("Edit contact") if interaction_id else self.tr("Log contact"))
        self.setMinimumWidth(560)
        self._build()
        self._load(customer_id)
        self._initial = self._values()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.customer = CustomerPicker(self.ctx, self)
        self.customer.setObjectName("customerPicker")
        self.customer.picked.connect(self._on_customer_picked)
        self.customer_fixed = QLabel()
        self.customer_fixed.setObjectName("customerFixed")
        self.customer_fixed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.customer_fixed.font()
        font.setBold(True)
        self.customer_fixed.setFont(font)
        self.customer_fixed.hide()
        customer_box = QWidget()
        cb = QHBoxLayout(customer_box)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.addWidget(self.customer, 1)
        cb.addWidget(self.customer_fixed, 1)

        self.people = QListWidget()
        self.people.setObjectName("peopleList")
        self.people.setToolTip(self.tr("Who took part. Space ticks or unticks the current person."))
        # Only the ticks mean anything here; a selection highlight would read as "chosen".
        self.people.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.when = TabOutDateTimeEdit()
        self.when.setObjectName("occurredAt")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)

        self.channel = KeyCombo()
        self.channel.setObjectName("channel")
        for i, code in enumerate(CHANNEL_ORDER, start=1):
            self.channel.add(f"{i}  {labels.channel(code)}", code, str(i), code)
        self.channel.setToolTip(self.tr("Press a number or the first letter to choose"))

        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setMaxLength(300)
        self.topic.setPlaceholderText(self.tr("What was it about? e.g. Q1 supply review"))
        self.feedback = notes_edit("feedback")
        self.feedback.setPlaceholderText(self.tr("What the customer said"))
        self.issue = notes_edit("issue")
        self.issue.setPlaceholderText(self.tr("Problem raised, if any"))
        self.next_action = QLineEdit()
        self.next_action.setObjectName("nextAction")
        self.next_action.setPlaceholderText(
            self.tr("What you promised to do next — becomes a reminder"))
        self.next_action.textChanged.connect(self._on_next_action)
        self.owner = QLineEdit()
        self.owner.setObjectName("owner")
        self.owner.setMaxLength(100)
        self.owner.textEdited.connect(self._on_owner_edited)

        self.has_deadline = QCheckBox(self.tr("&Deadline"))
        self.has_deadline.setObjectName("hasDeadline")
        self.has_deadline.toggled.connect(self._on_deadline_toggled)
        self.has_deadline.clicked.connect(self._on_deadline_clicked)
        self.deadline = TabOutDateEdit()
        self.deadline.setObjectName("deadline")
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setCalendarPopup(True)
        self.deadline.setEnabled(False)
        self.deadline.dateChanged.connect(self._on_deadline_edited)
        deadline_box = QWidget()
        db = QHBoxLayout(deadline_box)
        db.setContentsMargins(0, 0, 0, 0)
        db.addWidget(self.deadline)
        self.reminder_hint = QLabel()
        self.reminder_hint.setObjectName("reminderHint")
        self.reminder_hint.setEnabled(False)
        db.addWidget(self.reminder_hint, 1)
        self.satisfaction = KeyCombo()
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.add(self.tr("Not asked"), None, "0")
        for n in range(1, 6):
            self.satisfaction.add(f"{n}  {'★' * n}{'☆' * (5 - n)}  {labels.satisfaction(n)}",
                                  n, str(n))
        self.satisfaction.setToolTip(self.tr("Press 1–5, or 0 for not asked"))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {
            "customer": self.customer, "occurred_at": self.when, "channel": self.channel,
            "topic": self.topic, "deadline": self.deadline, "satisfaction": self.satisfaction,
        }
        self._row(self.tr("&Customer"), customer_box, "customer", self.customer)
        self._row(self.tr("&People"), self.people, None, self.people)
        self._row(self.tr("&When"), self.when, "occurred_at")
        self._row(self.tr("C&hannel"), self.channel, "channel")
        self._row(self.tr("&Topic"), self.topic, "topic")
        self._row(self.tr("Customer &feedback"), self.feedback, None)
        self.issue_raised = QCheckBox(self.tr("&Issue raised"))
        self.issue_raised.setObjectName("issueRaised")
        self.issue_raised.setToolTip(self.tr("Saving then opens a complaint from this contact"))
        self.issue_raised.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Alt+I; Tab skips it
        self.form.addRow(self.issue_raised, self.issue)
        self._row(self.tr("&Next action"), self.next_action, None)
        self._row(self.tr("&Owner"), self.owner, None)
        self.form.addRow(self.has_deadline, deadline_box)
        self._error_row("deadline")
        self._row(self.tr("&Satisfaction"), self.satisfaction, "satisfaction")

        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {error_colour()};")
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Enter saves · Ctrl+Enter in notes · Esc cancels"))
        hint.setObjectName("keyboardHint")
        hint.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.save)

        order: list[QWidget] = [
            self.customer, self.people, self.when, self.channel, self.topic, self.feedback,
            self.issue, self.next_action, self.owner, self.has_deadline, self.deadline,
            self.satisfaction, self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _row(self, label: str, field: QWidget, error_key: str | None,
             buddy: QWidget | None = None) -> None:
        lab = QLabel(label)
        lab.setBuddy(buddy or field)
        self.form.addRow(lab, field)
        if error_key:
            self._error_row(error_key)

    def _error_row(self, key: str) -> None:
        err = QLabel()
        err.setObjectName(f"error_{key}")
        err.setWordWrap(True)
        err.setStyleSheet(f"color: {error_colour()};")
        self.form.addRow("", err)
        self.form.setRowVisible(err, False)
        self._errors[key] = err

    # -- loading --------------------------------------------------------------------
    def _load(self, customer_id: int | None) -> None:
        now = self.ctx.clock.now()
        self.when.setDateTime(now)
        self.deadline.setDate(self.ctx.clock.today() + timedelta(days=DEFAULT_DEADLINE_DAYS))
        # The customers' owners come from an index; scanning the whole log for
        # every name ever typed would slow down every Ctrl+L on a big book.
        names = self.ctx.db.read(distinct_values, "owner")
        row = self.ctx.db.read(fetch_one, self._interaction_id) if self._interaction_id else None
        if row is not None:
            customer_id, self._version = row.customer_id, row.version
        choice = self.ctx.db.read(pick_customer, customer_id) if customer_id else None
        if self.ctx.owner_name and self.ctx.owner_name not in names:
            names.insert(0, self.ctx.owner_name)
        owner_completer = QCompleter(QStringListModel(names, self), self)
        owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner.setCompleter(owner_completer)
        self.owner.setText(self.ctx.owner_name)

        if choice is not None:
            self._customer = choice
            self.customer.set_customer(choice)
            self._fix_customer(choice)
            self._fill_people(choice.id, row.person_ids if row else None)
            if not self.ctx.owner_name and choice.owner:
                self.owner.setText(choice.owner)
        else:
            self._fill_people(None, None)

        if row is not None:
            self.when.setDateTime(row.occurred_at)
            self.channel.setCurrentIndex(max(0, self.channel.findData(row.channel)))
            self.topic.setText(row.topic)
            self.feedback.setPlainText(row.feedback or "")
            self.issue.setPlainText(row.issue or "")
            self.next_action.setText(row.next_action or "")
            self.owner.setText(row.owner or "")
            self._owner_auto = False
            self.has_deadline.setChecked(row.deadline is not None)
            if row.deadline is not None:
                self.deadline.setDate(row.deadline)
            self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(row.satisfaction)))
        self._update_reminder_hint()
        first = self.topic if row is not None else (
            self.customer if choice is None else self._first_after_customer())
        first.setFocus()

    def _first_after_customer(self) -> QWidget:
        return self.people if self.people.focusPolicy() != Qt.FocusPolicy.NoFocus else self.when

    def _fix_customer(self, choice: CustomerPick) -> None:
        """A customer given by the caller is not up for change: show it, skip it."""
        self.customer.hide()
        self.customer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.customer_fixed.setText(f"{choice.name} ({choice.code})")
        self.customer_fixed.show()

    def _fill_people(self, customer_id: int | None, checked: tuple[int, ...] | None) -> None:
        self.people.clear()
        people = []
        if customer_id:
            people = self.ctx.db.read(people_to_involve, customer_id, also=checked or ())
        for p in people:
            text = p.name + (f" · {p.title}" if p.title else "")
            if p.is_primary:
                text += "  " + self.tr("(primary contact)")
            item = QListWidgetItem(text)
            item.setData(PERSON_ROLE, p.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            on = (p.id in checked) if checked is not None else p.is_primary
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        if not people:
            note = (self.tr("Choose a customer first") if not customer_id
                    else self.tr("No key people recorded for this customer"))
            item = QListWidgetItem(note)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(item)
            # Nothing to tick: don't make the keyboard stop here.
            self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        else:
            self.people.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.people.setCurrentRow(0)
        rows = max(1, min(4, self.people.count()))
        self.people.setFixedHeight(self.people.sizeHintForRow(0) * rows
                                   + 2 * self.people.frameWidth() + 4)

    # -- reactions ------------------------------------------------------------------
    def _on_customer_picked(self, customer_id: int) -> None:
        self._clear_error("customer")
        choice = None
        if customer_id:
            choice = self.ctx.db.read(pick_customer, customer_id)
        self._customer = choice
        self._fill_people(choice.id if choice else None, None)
        if self._owner_auto and not self.ctx.owner_name:
            self.owner.setText((choice.owner or "") if choice else "")

    def _on_owner_edited(self, _text: str) -> None:
        self._owner_auto = False

    def _on_next_action(self, text: str) -> None:
        # A promise without a date is forgotten; default one, unless the manager
        # already decided about the deadline themselves.
        if self._deadline_touched:
            return
        if text.strip() and not self.has_deadline.isChecked():
            self.deadline.setDate(self.ctx.clock.today() + timedelta(days=DEFAULT_DEADLINE_DAYS))
            self.has_deadline.setChecked(True)
            self._deadline_auto = True
        elif not text.strip() and self._deadline_auto:
            self.has_deadline.setChecked(False)
            self._deadline_auto = False

    def _on_deadline_clicked(self, _checked: bool) -> None:
        self._deadline_touched = True
        self._deadline_auto = False

    def _on_deadline_toggled(self, on: bool) -> None:
        self.deadline.setEnabled(on)
        self._clear_error("deadline")
        self._update_reminder_hint()

    def _on_deadline_edited(self) -> None:
        if self.deadline.hasFocus():
            self._deadline_touched = True
            self._deadline_auto = False
        self._update_reminder_hint()

    def _update_reminder_hint(self) -> None:
        # Editing a logged contact leaves its follow-up task as it is, so promising a
        # reminder time there would be wrong.
        if not self.has_deadline.isChecked() or self._interaction_id is not None:
            self.reminder_hint.setText("")
            return
        from kamdesk.domain.reminders import reminder_for_deadline

        when = reminder_for_deadline(self.deadline.date().toPython(), self.ctx.clock.now())
        self.reminder_hint.setText(self.tr("reminder %1").replace("%1", fmt.moment(when)))

    # -- values, errors -------------------------------------------------------------
    def checked_person_ids(self) -> list[int]:
        out = []
        for i in range(self.people.count()):
            item = self.people.item(i)
            pid = item.data(PERSON_ROLE)
            if pid is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(pid))
        return out

    def _values(self) -> _FormValues:
        return _FormValues(
            customer_id=self._customer.id if self._customer else None,
            customer_text=self.customer.text(),
            person_ids=tuple(self.checked_person_ids()),
            occurred_at=self.when.dateTime().toPython().replace(second=0, microsecond=0),
            channel=str(self.channel.currentData()),
            topic=self.topic.text(), feedback=self.feedback.toPlainText(),
            issue=self.issue.toPlainText(), next_action=self.next_action.text(),
            owner=self.owner.text(),
            deadline=self.deadline.date().toPython() if self.has_deadline.isChecked() else None,
            satisfaction=self.satisfaction.currentData(),
        )

    def is_dirty(self) -> bool:
        return self._initial is not None and self._values() != self._initial

    def _clear_error(self, key: str | None = None) -> None:
        for k, lab in self._errors.items():
            if key is None or k == key:
                lab.clear()
                self.form.setRowVisible(lab, False)
        if key is None:
            self.general_error.hide()

    def show_error(self, field: str, code: str) -> None:
        text = labels.field_error(labels.field_name(field), labels.validation(code))
        lab = self._errors.get(field)
        if lab is not None:
            lab.setText(text)
            self.form.setRowVisible(lab, True)
        else:
            self.general_error.setText(text)
            self.general_error.show()
        widget = self._field_widgets.get(field)
        if widget is not None and widget.isVisible() and widget.isEnabled():
            widget.setFocus()

    def error_text(self) -> str:
        """Every message on show, for tests and for screen readers."""
        texts = [lab.text() for lab in self._errors.values() if lab.text()]
        if self.general_error.isVisible():
            texts.append(self.general_error.text())
        return "\n".join(texts)

    # -- saving / leaving -------------------------------------------------------------
    def save(self) -> None:
        self._clear_error()
        v = self._values()
        if v.customer_id is None:
            self.show_error("customer", "required")
            return
        now = self.ctx.clock.now()
        fields = dict(
            occurred_at=v.occurred_at, channel=v.channel, topic=v.topic, feedback=v.feedback,
            issue=v.issue, next_action=v.next_action, owner=v.owner, deadline=v.deadline,
            satisfaction=v.satisfaction,
        )
        remind_at: datetime | None = None
        try:
            if self._interaction_id is None:
                done = run_op(self.ctx, log_contact, customer_id=v.customer_id,
                              person_ids=v.person_ids, now=now, initiator=self,
                              reraise=(ValidationError,), **fields)
                if done is None:
                    return
                saved_id, remind_at = done.value.interaction_id, done.value.remind_at
            else:
                if run_op(self.ctx, update_interaction, self._interaction_id, now=now,
                          person_ids=list(v.person_ids), initiator=self, reraise=(
                              ValidationError,), expected_version=self._version, **fields) is None:
                    return
                saved_id = self._interaction_id
        except ValidationError as exc:
            self.show_error(exc.field, exc.code)
            return
        self.saved_id = saved_id
        self.ctx.status.emit(self._status_text(remind_at))
        self.saved.emit(saved_id)
        self.accept()
        if self.issue_raised.isChecked():  # a draft complaint: Cancel keeps the contact
            self.complaint_dialog = start_complaint_from_contact(
                self.ctx, saved_id, self.parentWidget())

    def _status_text(self, remind_at: datetime | None) -> str:
        name = self._customer.name if self._customer else ""
        if self._interaction_id is not None:
            return self.tr("Contact with %1 updated.").replace("%1", name)
        text = self.tr("Contact with %1 logged.").replace("%1", name)
        if remind_at is not None:
            text += " " + self.tr("Follow-up task created, reminder %1.").replace(
                "%1", fmt.moment(remind_at))
        return text

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("You have typed something for this contact. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
