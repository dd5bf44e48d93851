"""A complaint (客户问题处理与投诉): what was received, and the steps that follow it.

New: received at, channel, category, severity, person and description; the owner is
whoever receives it — the signed-in user (首问负责制) — and the response deadline
follows from the severity. Opened again, the dialog also shows the state, the deadline
(amber when near, red when past), the hand-over history, and the actions the state
allows: Respond, Start resolving (处理中), Resolve (with the resolution), Follow up (事后回访: visit date, which
becomes a task, satisfaction after, lessons learned) and Hand over… (the only way the
owner changes). Each step writes at once through its own small form.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from kamdesk.domain.complaints import LEVEL_COLOURS, can_move
from kamdesk.domain.vocab import codes
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.complaints import (
    follow_up, hand_over, open_complaint, resolve, respond, start_resolving, update_complaint,
)
from kamdesk.store.queries.complaints import ComplaintDetail, complaint
from kamdesk.store.queries.profile import people
from kamdesk.store.queries.settings import complaint_response_hours
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit
from kamdesk.ui.ops import run_op


def _qt_moment(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def _finish(dialog: FormDialog, form: QFormLayout, width: int = 440) -> None:
    layout = QVBoxLayout(dialog)
    layout.addLayout(form, 1)
    layout.addWidget(dialog.error_label)
    layout.addWidget(dialog.buttons)
    dialog.resize(width, 220)
    dialog.mark_clean()


class ComplaintDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int, complaint_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("complaintDialog")
        self.customer_id = customer_id
        self.saved_id = complaint_id
        self.loaded_version: int | None = None  # what a save names (see _load)
        self.step: FormDialog | None = None
        # how near its response deadline the complaint is ('amber', 'red' or None)
        self.level: str | None = None
        self.setWindowTitle(self.tr("New complaint") if complaint_id is None
                            else self.tr("Complaint"))

        self.received_edit = QDateTimeEdit()
        self.received_edit.setObjectName("complaintReceivedAt")
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDateTime(_qt_moment(ctx.clock.now()))
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("complaintChannel")
        self.channel_combo.addItem("", None)
        for code in codes("channel"):
            self.channel_combo.addItem(labels.channel(code), code)
        self.category_edit = QLineEdit()
        self.category_edit.setObjectName("complaintCategory")
        self.category_edit.setPlaceholderText(self.tr("e.g. delivery, quality, billing"))
        self.severity_combo = QComboBox()
        self.severity_combo.setObjectName("complaintSeverity")
        hours = ctx.db.read(complaint_response_hours)
        for code in codes("severity"):
            self.severity_combo.addItem(
                labels.severity(code) + " — " + self.tr("answer within %n hour(s)", "",
                                                        hours.for_severity(code)), code)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData("medium"))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("complaintPerson")
        self.person_combo.addItem("", None)
        for p in ctx.db.read(people, customer_id, False):
            self.person_combo.addItem(p.name, p.id)
        self.description_edit = text_edit(80)
        self.description_edit.setObjectName("complaintDescription")
        self.owner_label = QLabel(ctx.owner_name or self.tr("(set your name in Settings)"))
        self.owner_label.setObjectName("complaintOwner")
        self.owner_label.setToolTip(self.tr(
            "Whoever receives a complaint owns it until it is handed over (首问负责制)"))

        form = self.labelled_form((
            ("received_at", self.tr("&Received at:"), self.received_edit),
            ("channel", self.tr("C&hannel:"), self.channel_combo),
            ("category", self.tr("Ca&tegory:"), self.category_edit),
            ("severity", self.tr("&Severity:"), self.severity_combo),
            ("person", self.tr("&Person:"), self.person_combo),
            ("description", self.tr("&Description:"), self.description_edit),
            ("owner", self.tr("Owner:"), self.owner_label),
        ))
        self.state_label = QLabel()
        self.state_label.setObjectName("complaintState")
        self.state_label.setWordWrap(True)
        self.history_label = QLabel()
        self.history_label.setObjectName("complaintHistory")
        self.history_label.setWordWrap(True)
        self.respond_button = self._action("complaintRespond", self.tr("Respond"),
                                           self.tr("The first response was given now"),
                                           self.respond)
        self.resolving_button = self._action(
            "complaintStartResolving", self.tr("Start resolving"),
            self.tr("Work on the solution has started (in progress)"), self.start_resolving)
        self.resolve_button = self._action("complaintResolve", self.tr("Resolve…"),
                                           self.tr("Record how it was resolved"), self.resolve)
        self.follow_up_button = self._action(
            "complaintFollowUp", self.tr("Follow up…"),
            self.tr("Plan the follow-up visit, note satisfaction and lessons learned"),
            self.follow_up)
        self.hand_over_button = self._action(
            "complaintHandOver", self.tr("Hand over…"),
            self.tr("Give the complaint to a colleague; the hand-over is kept"), self.hand_over)
        actions = QHBoxLayout()
        for b in (self.respond_button, self.resolving_button, self.resolve_button, self.follow_up_button,
                  self.hand_over_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.state_box = QWidget()
        state_layout = QVBoxLayout(self.state_box)
        state_layout.setContentsMargins(0, 6, 0, 0)
        state_layout.addWidget(self.state_label)
        state_layout.addLayout(actions)
        state_layout.addWidget(self.history_label)
        self.state_box.setVisible(complaint_id is not None)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_box)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 520 if complaint_id is not None else 400)
        if complaint_id is not None:
            self._load()
        self.mark_clean()
        self.description_edit.setFocus()

    def _action(self, name: str, text: str, tip: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    # -- loading -----------------------------------------------------------------
    def detail(self) -> ComplaintDetail | None:
        return None if self.saved_id is None else self.ctx.db.read(complaint, self.saved_id)

    def _load(self) -> None:
        d = self.detail()
        if d is None:
            return
        c = d.complaint
        self.loaded_version = c.version
        self.received_edit.setDateTime(_qt_moment(c.received_at))
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(c.channel)))
        self.category_edit.setText(c.category or "")
        self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(c.severity)))
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(c.person_id)))
        self.description_edit.setPlainText(c.description)
        self.show_state()

    def show_state(self) -> None:
        """The state, deadline, actions and hand-over history as stored now."""
        d = self.detail()
        if d is None:
            return
        c = d.complaint
        self.loaded_version = c.version  # a step of ours moved it; a save names this one
        self.owner_label.setText(c.owner or "")
        level = c.level(self.ctx.clock.now())
        deadline = self.tr("Respond by %1").replace("%1", fmt.moment(c.response_deadline))
        if c.responded_at is not None:
            deadline = self.tr("Responded %1").replace("%1", fmt.moment(c.responded_at))
        elif level == "red":
            deadline = self.tr("Response overdue since %1").replace(
                "%1", fmt.moment(c.response_deadline))
        colour = LEVEL_COLOURS.get(level or "")
        if colour:
            deadline = f"<span style='color:{colour}; font-weight:bold'>{deadline}</span>"
        lines = [f"<b>{labels.complaint_status(c.status)}</b> · {deadline}"]
        if c.resolution:
            lines.append(self.tr("Resolution: %1").replace("%1", c.resolution))
        if c.follow_up_at is not None:
            lines.append(self.tr("Follow-up visit: %1").replace("%1", fmt.day(c.follow_up_at))
                         + (" · " + labels.satisfaction(c.satisfaction_after)
                            if c.satisfaction_after else ""))
        if c.lessons:
            lines.append(self.tr("Lessons learned: %1").replace("%1", c.lessons))
        self.state_label.setText("<br>".join(lines))
        self.level = level
        history = [f"{fmt.moment(h.handed_at)}  {h.from_owner or '—'} → {h.to_owner}"
                   + (f" ({h.note})" if h.note else "") for h in d.handovers]
        self.history_label.setText(
            self.tr("Hand-overs:") + "\n" + "\n".join(history) if history
            else self.tr("Not handed over: owned by whoever received it."))
        self.respond_button.setEnabled(can_move(c.status, "responded"))
        self.resolving_button.setEnabled(can_move(c.status, "resolving"))
        self.resolve_button.setEnabled(can_move(c.status, "resolved"))
        self.follow_up_button.setEnabled(can_move(c.status, "closed"))
        self.hand_over_button.setEnabled(c.status != "closed")

    # -- saving ------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (self.received_edit.dateTime().toString("yyyy-MM-dd HH:mm"),
                self.channel_combo.currentData(), self.category_edit.text(),
                self.severity_combo.currentData(), self.person_combo.currentData(),
                self.description_edit.toPlainText())

    def _received_at(self) -> datetime:
        value = self.received_edit.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)

    def save(self) -> bool:
        fields = {"received_at": self._received_at(),
                  "channel": self.channel_combo.currentData(),
                  "category": self.category_edit.text(),
                  "severity": self.severity_combo.currentData(),
                  "person_id": self.person_combo.currentData(),
                  "description": self.description_edit.toPlainText()}
        if self.saved_id is None:
            done = self.write(open_complaint, self.customer_id, owner=self.ctx.owner_name,
                              now=self.ctx.clock.now(), **fields)
            if done is not None:
                self.saved_id = done.value
            return done is not None
        return self.write(update_complaint, self.saved_id, now=self.ctx.clock.now(),
                          expected_version=self.loaded_version, **fields) is not None

    # -- the steps ---------------------------------------------------------------
    def respond(self) -> None:
        if self.saved_id is not None and run_op(
                self.ctx, respond, self.saved_id, now=self.ctx.clock.now(), initiator=self,
                parent=self) is not None:
            self.show_state()

    def start_resolving(self) -> None:
        if self.saved_id is not None and run_op(
                self.ctx, start_resolving, self.saved_id, now=self.ctx.clock.now(),
                initiator=self, parent=self) is not None:
            self.show_state()

    def _open_step(self, step: FormDialog) -> None:
        self.step = step
        step.accepted.connect(self.show_state)
        step.open()

    def resolve(self) -> None:
        if self.saved_id is not None:
            self._open_step(ResolveDialog(self.ctx, self.saved_id, self))

    def follow_up(self) -> None:
        if self.saved_id is not None:
            self._open_step(FollowUpDialog(self.ctx, self.saved_id, self))

    def hand_over(self) -> None:
        if self.saved_id is not None:
            self._open_step(HandOverDialog(self.ctx, self.saved_id, self))


class ResolveDialog(FormDialog):
    def __init__(self, ctx: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("complaintResolveDialog")
        self.complaint_id = complaint_id
        self.setWindowTitle(self.tr("Resolve complaint"))
        self.resolution_edit = text_edit(80)
        self.resolution_edit.setObjectName("complaintResolution")
        _finish(self, self.labelled_form((("resolution", self.tr("&Resolution:"),
                                             self.resolution_edit),)))

    def snapshot(self) -> Any:
        return self.resolution_edit.toPlainText()

    def save(self) -> bool:
        return self.write(resolve, self.complaint_id, self.resolution_edit.toPlainText(),
                          now=self.ctx.clock.now()) is not None


class FollowUpDialog(FormDialog):
    def __init__(self, ctx: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("complaintFollowUpDialog")
        self.complaint_id = complaint_id
        self.setWindowTitle(self.tr("Follow up complaint"))
        self.visit_edit = DateField()
        self.visit_edit.setObjectName("complaintFollowUpOn")
        self.visit_edit.set_date(ctx.clock.today())
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.setObjectName("complaintSatisfactionAfter")
        self.satisfaction_combo.addItem("", None)
        for value in range(5, 0, -1):
            self.satisfaction_combo.addItem(f"{value} — {labels.satisfaction(value)}", value)
        self.lessons_edit = text_edit(64)
        self.lessons_edit.setObjectName("complaintLessons")
        _finish(self, self.labelled_form((
            ("follow_up_on", self.tr("&Visit on:"), self.visit_edit),
            ("satisfaction_after", self.tr("&Satisfaction after:"), self.satisfaction_combo),
            ("lessons", self.tr("&Lessons learned:"), self.lessons_edit))))

    def snapshot(self) -> Any:
        return (self.visit_edit.text(), self.satisfaction_combo.currentData(),
                self.lessons_edit.toPlainText())

    def save(self) -> bool:
        try:
            on = self.visit_edit.date()
        except ValueError:
            raise ValidationError("follow_up_on", "invalid_date") from None
        if on is None:
            raise ValidationError("follow_up_on", "required")
        return self.write(follow_up, self.complaint_id, on,
                          self.satisfaction_combo.currentData(),
                          self.lessons_edit.toPlainText(), now=self.ctx.clock.now()) is not None


class HandOverDialog(FormDialog):
    def __init__(self, ctx: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("complaintHandOverDialog")
        self.complaint_id = complaint_id
        self.setWindowTitle(self.tr("Hand over complaint"))
        self.to_owner_edit = QLineEdit()
        self.to_owner_edit.setObjectName("complaintToOwner")
        self.note_edit = text_edit(56)
        self.note_edit.setObjectName("complaintHandOverNote")
        _finish(self, self.labelled_form((
            ("to_owner", self.tr("&New owner:"), self.to_owner_edit),
            ("note", self.tr("N&ote:"), self.note_edit))))

    def snapshot(self) -> Any:
        return (self.to_owner_edit.text(), self.note_edit.toPlainText())

    def save(self) -> bool:
        return self.write(hand_over, self.complaint_id, self.to_owner_edit.text(),
                          self.note_edit.toPlainText(), now=self.ctx.clock.now()) is not None
