"""Create or edit a customer event (客户活动, 表3): name, date, kind, location, target
participants, budget, and afterwards the satisfaction (a decimal such as 4.2 分), what
to improve and the follow-up plan. Attendance is marked on the Events screen."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.events import create_event, update_event
from kamdesk.store.queries.events import EventRow
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


class EventDialog(FormDialog):
    def __init__(self, ctx: AppContext, event: EventRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("eventDialog")
        self.record = event
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New event") if event is None else self.tr("Edit event"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("eventName")
        self.date_field = DateField()
        self.date_field.setObjectName("eventDate")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("eventKind")
        for code, word in labels.choices("event_kind").items():
            self.kind_combo.addItem(word, code)
        self.location_edit = QLineEdit()
        self.location_edit.setObjectName("eventLocation")
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("eventTarget")
        self.target_edit.setPlaceholderText(self.tr("people, e.g. 30"))
        self.budget_edit = QLineEdit()
        self.budget_edit.setObjectName("eventBudget")
        self.budget_edit.setPlaceholderText(self.tr("e.g. 5,000 or 0.5万"))
        self.satisfaction_edit = QLineEdit()
        self.satisfaction_edit.setObjectName("eventSatisfaction")
        self.satisfaction_edit.setPlaceholderText(self.tr("1–5, e.g. 4.2"))
        self.improvements_edit = text_edit(48)
        self.improvements_edit.setObjectName("eventImprovements")
        self.follow_up_edit = text_edit(48)
        self.follow_up_edit.setObjectName("eventFollowUp")

        form = self.labelled_form((
            ("name", self.tr("&Name *:"), self.name_edit),
            ("held_on", self.tr("&Date *:"), self.date_field),
            ("kind", self.tr("&Kind:"), self.kind_combo),
            ("location", self.tr("&Location:"), self.location_edit),
            ("target_participants", self.tr("&Target participants:"), self.target_edit),
            ("budget_cents", self.tr("&Budget ¥:"), self.budget_edit),
            ("satisfaction", self.tr("&Satisfaction (1–5):"), self.satisfaction_edit),
            ("improvements", self.tr("&Improvements:"), self.improvements_edit),
            ("follow_up_plan", self.tr("&Follow-up plan:"), self.follow_up_edit),
        ))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load()
        self.resize(480, 0)
        self.mark_clean()
        self.name_edit.setFocus()

    def _load(self) -> None:
        e = self.record
        if e is None:
            self.date_field.set_date(self.ctx.clock.today())
            return
        self.name_edit.setText(e.name)
        self.date_field.set_date(e.held_on)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(e.kind)))
        self.location_edit.setText(e.location or "")
        self.target_edit.setText("" if e.target_participants is None
                                 else str(e.target_participants))
        self.budget_edit.setText("" if e.budget_cents is None
                                 else fmt.money(e.budget_cents).lstrip("¥"))
        self.satisfaction_edit.setText("" if e.satisfaction is None
                                       else f"{float(e.satisfaction):.1f}")
        self.improvements_edit.setPlainText(e.improvements or "")
        self.follow_up_edit.setPlainText(e.follow_up_plan or "")

    def snapshot(self) -> tuple[Any, ...]:
        return (self.name_edit.text(), self.date_field.text(), self.kind_combo.currentData(),
                self.location_edit.text(), self.target_edit.text(), self.budget_edit.text(),
                self.satisfaction_edit.text(), self.improvements_edit.toPlainText(),
                self.follow_up_edit.toPlainText())

    def fields(self) -> dict[str, Any]:
        """The typed values; ValidationError naming the field when one is not readable."""
        try:
            held = self.date_field.date()
        except ValueError:
            raise ValidationError("held_on", "invalid_date") from None
        if held is None:
            raise ValidationError("held_on", "required")
        target_text = self.target_edit.text().strip().rstrip("人")
        if target_text and not target_text.isdigit():
            raise ValidationError("target_participants", "invalid_number")
        try:
            budget = fmt.parse_money(self.budget_edit.text())
        except ValueError:
            raise ValidationError("budget_cents", "invalid_number") from None
        sat_text = self.satisfaction_edit.text().strip().rstrip("分")
        try:
            satisfaction = Decimal(sat_text) if sat_text else None
        except InvalidOperation:
            raise ValidationError("satisfaction", "invalid_number") from None
        return {"name": self.name_edit.text(), "held_on": held,
                "kind": self.kind_combo.currentData(), "location": self.location_edit.text(),
                "target_participants": int(target_text) if target_text else None,
                "budget_cents": budget, "satisfaction": satisfaction,
                "improvements": self.improvements_edit.toPlainText(),
                "follow_up_plan": self.follow_up_edit.toPlainText()}

    def save(self) -> bool:
        data = self.fields()
        changes = (self.write(create_event, **data) if self.record is None
                   else self.write(update_event, self.record.id,
                                   expected_version=self.record.version, **data))
        if changes is None:
            return False
        self.saved_id = changes.value
        self.ctx.status.emit(self.tr("Event “%1” saved").replace("%1", data["name"].strip()))
        return True
