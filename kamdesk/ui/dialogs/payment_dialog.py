"""Record or edit a payment received (回款登记): date, amount, the order it settles (or
none: the oldest open orders are settled first), method, reference and notes.

The dialog shows what the customer owes before the amount is typed, so a payment larger
than the outstanding is caught by eye before the store refuses it; the order combo
offers only the orders with something still unpaid (plus the one an edited payment
already names).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.payments import add_payment, update_payment
from kamdesk.store.queries.receivables import (
    OpenOrder,
    PaymentRow,
    credit_standing,
    open_orders,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


class PaymentDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int, payment: PaymentRow | None = None,
                 parent: QWidget | None = None, trade_id: int | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("paymentDialog")
        self.customer_id = customer_id
        self.payment = payment
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Record payment") if payment is None
                            else self.tr("Edit payment"))

        self.owed_label = QLabel()
        self.owed_label.setObjectName("paymentOwed")
        self.date_field = DateField()
        self.date_field.setObjectName("paymentDate")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("paymentAmount")
        self.amount_edit.setPlaceholderText(self.tr("e.g. 12,500.00 or 1.25万"))
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("paymentOrder")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("paymentMethod")
        self.method_combo.addItem("", None)
        for code, word in labels.choices("payment_method").items():
            self.method_combo.addItem(word, code)
        self.reference_edit = QLineEdit()
        self.reference_edit.setObjectName("paymentReference")
        self.reference_edit.setPlaceholderText(self.tr("bank slip or bill number"))
        self.notes_edit = text_edit(48)
        self.notes_edit.setObjectName("paymentNotes")

        form = self.labelled_form((
            ("received_on", self.tr("&Received on *:"), self.date_field),
            ("amount_cents", self.tr("&Amount ¥ *:"), self.amount_edit),
            ("trade_id", self.tr("For &order:"), self.order_combo),
            ("method", self.tr("&Method:"), self.method_combo),
            ("reference", self.tr("Re&ference:"), self.reference_edit),
            ("notes", self.tr("&Notes:"), self.notes_edit),
        ))
        layout = QVBoxLayout(self)
        layout.addWidget(self.owed_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._load(trade_id)
        self.resize(460, 0)
        self.mark_clean()
        self.amount_edit.setFocus()

    # -- loading -----------------------------------------------------------------------
    def _order_text(self, o: OpenOrder) -> str:
        name = o.order_no or o.invoice_no or o.product_line or ""
        lang = self.ctx.lang
        return self.tr("%1 %2 — %3 unpaid of %4").replace("%1", fmt.day(o.occurred_on)).replace(
            "%2", name).replace("%3", fmt.money(o.unpaid_cents, lang)).replace(
            "%4", fmt.money(o.amount_cents, lang)).replace("  ", " ")

    def _load(self, trade_id: int | None) -> None:
        read = self.ctx.db.read
        standing = read(credit_standing, self.customer_id)
        owed = 0 if standing is None else standing.outstanding_cents
        if self.payment is not None:
            owed += self.payment.amount_cents  # what may be entered for this payment
        self.owed_label.setText(self.tr("Outstanding: %1").replace(
            "%1", fmt.money(owed, self.ctx.lang)))
        self.order_combo.addItem(self.tr("(none — settle the oldest orders first)"), None)
        for o in read(open_orders, self.customer_id):
            self.order_combo.addItem(self._order_text(o), o.trade_id)
        p = self.payment
        wanted = trade_id if p is None else p.trade_id
        if wanted is not None and self.order_combo.findData(wanted) < 0:
            # an edited payment's order may be settled by now: keep it choosable
            label = (p.order_label if p is not None else None) or f"#{wanted}"
            self.order_combo.addItem(label, wanted)
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(wanted)))
        if p is None:
            self.date_field.set_date(self.ctx.clock.today())
            return
        self.date_field.set_date(p.received_on)
        self.amount_edit.setText(fmt.money(p.amount_cents).lstrip("¥"))
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(p.method)))
        self.reference_edit.setText(p.reference or "")
        self.notes_edit.setPlainText(p.notes or "")

    # -- saving ------------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (self.date_field.text(), self.amount_edit.text(), self.order_combo.currentData(),
                self.method_combo.currentData(), self.reference_edit.text(),
                self.notes_edit.toPlainText())

    def fields(self) -> dict[str, Any]:
        """The typed values; ValidationError naming the field when one is not readable."""
        try:
            received: date | None = self.date_field.date()
        except ValueError:
            raise ValidationError("received_on", "invalid_date") from None
        if received is None:
            raise ValidationError("received_on", "required")
        try:
            amount = fmt.parse_money(self.amount_edit.text())
        except ValueError:
            raise ValidationError("amount_cents", "invalid_number") from None
        if amount is None:
            raise ValidationError("amount_cents", "required")
        return {"received_on": received, "amount_cents": amount,
                "trade_id": self.order_combo.currentData(),
                "method": self.method_combo.currentData(),
                "reference": self.reference_edit.text(),
                "notes": self.notes_edit.toPlainText()}

    def save(self) -> bool:
        data = self.fields()
        today = self.ctx.clock.today()
        changes = (self.write(add_payment, customer_id=self.customer_id, today=today, **data)
                   if self.payment is None
                   else self.write(update_payment, self.payment.id, today=today,
                                   expected_version=self.payment.version, **data))
        if changes is None:
            return False
        self.saved_id = changes.value
        self.ctx.status.emit(self.tr("Payment of %1 saved").replace(
            "%1", fmt.money(data["amount_cents"], self.ctx.lang)))
        return True
