"""Invite a customer to an event: the shared customer picker, then (optionally) which of
its people — none ticked invites the customer as a whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.events import invite
from kamdesk.store.queries.profile import people
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op
from kamdesk.ui.widgets.customer_picker import CustomerPicker


class InviteDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inviteDialog")
        self.setWindowTitle(self.tr("Invite to event"))
        self.ctx = ctx
        self.event_id = event_id
        self.invited_ids: list[int] = []
        self.picker = CustomerPicker(ctx, self)
        self.picker.setObjectName("invitePicker")
        self.people_list = QListWidget()
        self.people_list.setObjectName("invitePeople")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Invite"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        customer_label = QLabel(self.tr("&Customer:"))
        customer_label.setBuddy(self.picker)
        layout.addWidget(customer_label)
        layout.addWidget(self.picker)
        layout.addWidget(QLabel(self.tr("People (none ticked: the customer as a whole):")))
        layout.addWidget(self.people_list, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.picker.customer_changed.connect(self._load_people)
        self.resize(420, 360)

    def set_customer_id(self, customer_id: int) -> None:
        self.picker.set_customer_id(customer_id)

    def _load_people(self, customer_id: int | None) -> None:
        self.people_list.clear()
        if not customer_id:
            return
        for p in self.ctx.db.read(people, customer_id, False):
            text = p.name + (f" · {p.title}" if p.title else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people_list.addItem(item)

    def person_ids(self) -> list[int]:
        out = []
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def accept(self) -> None:
        customer_id = self.picker.customer_id or self.picker.resolve()
        try:
            if not customer_id:
                raise ValidationError("customer", "required")
            changes = run_op(self.ctx, invite, self.event_id, customer_id, self.person_ids(),
                             initiator=self, parent=self, reraise=(ValidationError,))
        except ValidationError as exc:
            self.error_label.setText(labels.field_error(labels.field_name(exc.field),
                                                        labels.validation(exc.code)))
            self.error_label.show()
            return
        if changes is None:
            return
        self.invited_ids = list(changes.value)
        super().accept()
