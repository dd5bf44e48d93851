"""Ways into a new complaint from outside the profile: from Today ("New complaint":
pick the customer, then the complaint dialog) and from the Log contact dialog (the
complaint dialog prefilled from the contact just saved).

Whoever receives the complaint owns it (首问负责制): the dialog saves it with the
signed-in user as owner. A prefilled complaint is only a draft — Cancel leaves the
contact saved and writes no complaint.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kamdesk.domain.complaint_intake import complaint_channel, complaint_description
from kamdesk.domain.vocab import codes
from kamdesk.store.queries.contact_log import fetch_one
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.complaint_dialog import ComplaintDialog


class ChooseCustomerDialog(QDialog):
    """"Which customer is complaining?" — the shared picker, Enter takes the match."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from kamdesk.ui.widgets.customer_picker import CustomerPicker

        super().__init__(parent)
        self.setObjectName("complaintCustomerDialog")
        self.setWindowTitle(self.tr("New complaint"))
        self.ctx = ctx
        self.picker = CustomerPicker(ctx, self, advance_on_pick=False)
        self.picker.setObjectName("complaintCustomerPicker")
        self.picker.setPlaceholderText(self.tr("Name, code, pinyin or phone"))
        self.picker.confirmed.connect(lambda _cid: self.accept())
        label = QLabel(self.tr("&Customer:"))
        label.setBuddy(self.picker)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Next…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.picker)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(420, 140)

    def customer_id(self) -> int | None:
        return self.picker.resolve()

    def accept(self) -> None:
        if self.customer_id() is None:
            self.error_label.setText(self.tr("Choose the customer first."))
            self.error_label.show()
            self.picker.setFocus()
            return
        super().accept()


def complaint_from_contact(ctx: AppContext, interaction_id: int,
                           parent: QWidget | None = None) -> ComplaintDialog | None:
    """A new-complaint dialog prefilled from a saved contact (not yet shown); None when
    the contact is gone."""
    row = ctx.db.read(fetch_one, interaction_id)
    if row is None:
        return None
    dialog = ComplaintDialog(ctx, row.customer_id, parent=parent)
    at = row.occurred_at
    dialog.received_edit.setDateTime(QDateTime(QDate(at.year, at.month, at.day),
                                               QTime(at.hour, at.minute)))
    channel = complaint_channel(row.channel, codes("channel"))
    dialog.channel_combo.setCurrentIndex(max(0, dialog.channel_combo.findData(channel)))
    if row.person_ids:
        dialog.person_combo.setCurrentIndex(
            max(0, dialog.person_combo.findData(row.person_ids[0])))
    dialog.description_edit.setPlainText(
        complaint_description(row.topic, row.feedback, row.issue))
    dialog.mark_clean()  # what it holds is in the contact already: Esc loses nothing
    return dialog


def show_complaint(ctx: AppContext, customer_id: int, complaint_id: int | None = None,
                   parent: QWidget | None = None) -> ComplaintDialog:
    """Open a complaint (or a new one for the customer) window-modal on ``parent``;
    the dialog deletes itself when closed."""
    dialog = ComplaintDialog(ctx, customer_id, complaint_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def start_complaint_from_contact(ctx: AppContext, interaction_id: int,
                                 parent: QWidget | None = None) -> ComplaintDialog | None:
    """Show :func:`complaint_from_contact` (window-modal on ``parent``); the dialog
    deletes itself when closed."""
    dialog = complaint_from_contact(ctx, interaction_id, parent)
    if dialog is not None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    return dialog
