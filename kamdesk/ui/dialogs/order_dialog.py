"""The order dialog (录入订单): enter a new order or return by hand, or edit one.

Amounts are typed the way people say them — 12.5万, ￥1,234.50, 1 234 — and read
exactly (:mod:`kamdesk.domain.money`); the line under the field shows what was
understood before saving. A return is entered with a positive amount and the kind
"Return" (it is stored negative). When the customer has a credit limit and this order
would take the outstanding amount (orders − payments) past it, the dialog asks before
saving. It reads through ``ctx.db.read`` and saves through the runner, which
announces what the operation wrote (the order and the customer's figures).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.orders import TRADE_KINDS, add_order, stored_amount, update_order
from kamdesk.store.queries.orders import (
    contracts_for_orders,
    credit_check,
    order_for_edit,
    product_lines,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit
from kamdesk.ui.widgets.customer_picker import CustomerPicker


class OrderDialog(FormDialog):
    """A new order (for ``customer_id``, or a customer chosen in the picker), or the
    order ``trade_id`` to edit."""

    def __init__(self, ctx: AppContext, customer_id: int | None = None,
                 parent: QWidget | None = None, *, trade_id: int | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("orderDialog")
        self.trade_id = trade_id
        self.loaded_version: int | None = None  # what a save names (see _load)
        self.saved_id: int | None = None
        self._old_customer: int | None = None
        self._old_stored = 0
        self.setWindowTitle(self.tr("New order") if trade_id is None else self.tr("Edit order"))
        self.setMinimumWidth(480)

        self.customer = CustomerPicker(ctx, self)
        self.customer.setObjectName("orderCustomer")
        self.customer.customer_changed.connect(self._load_contracts)
        self.date_field = DateField()
        self.date_field.setObjectName("orderDate")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("orderKind")
        for code in TRADE_KINDS:
            self.kind_combo.addItem(labels.word("trade_kind", code), code)
        self.product_combo = QComboBox()
        self.product_combo.setObjectName("orderProductLine")
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.product_combo.addItem("")
        self.product_combo.addItems(ctx.db.read(product_lines))
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("orderQuantity")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("orderAmount")
        self.amount_edit.setPlaceholderText(self.tr("e.g. 12.5万, ￥1,234.50 or 1 234"))
        self.amount_edit.textChanged.connect(self._show_amount)
        self.amount_hint = QLabel()
        self.amount_hint.setObjectName("orderAmountHint")
        self.amount_hint.setStyleSheet("color: #757575;")
        self.invoice_edit = QLineEdit()
        self.invoice_edit.setObjectName("orderInvoice")
        self.invoice_edit.setMaxLength(64)
        self.contract_combo = QComboBox()
        self.contract_combo.setObjectName("orderContract")
        self.notes_edit = text_edit()
        self.notes_edit.setObjectName("orderNotes")

        amount_box = QWidget()
        ab = QVBoxLayout(amount_box)
        ab.setContentsMargins(0, 0, 0, 0)
        ab.setSpacing(2)
        ab.addWidget(self.amount_edit)
        ab.addWidget(self.amount_hint)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, str, QWidget, QWidget]] = [
            ("customer", self.tr("&Customer *:"), self.customer, self.customer),
            ("occurred_on", self.tr("&Date *:"), self.date_field, self.date_field),
            ("kind", self.tr("&Kind:"), self.kind_combo, self.kind_combo),
            ("product_line", self.tr("&Product line:"), self.product_combo, self.product_combo),
            ("quantity", self.tr("&Quantity:"), self.quantity_edit, self.quantity_edit),
            ("amount_cents", self.tr("&Amount *:"), amount_box, self.amount_edit),
            ("invoice_no", self.tr("&Invoice no.:"), self.invoice_edit, self.invoice_edit),
            ("contract", self.tr("C&ontract:"), self.contract_combo, self.contract_combo),
            ("notes", self.tr("&Notes:"), self.notes_edit, self.notes_edit),
        ]
        for field, text, widget, focus in rows:
            label = QLabel(text)
            label.setBuddy(focus)
            form.addRow(label, widget)
            self.register(field, focus, text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._load_contracts(None)
        self._load(customer_id)
        self.mark_clean()

    # -- loading ---------------------------------------------------------------------
    def _load(self, customer_id: int | None) -> None:
        if self.trade_id is None:
            self.date_field.set_date(self.ctx.clock.today())
            if customer_id:
                self.customer.set_customer_id(customer_id)
            (self.amount_edit if customer_id else self.customer).setFocus()
            return
        order = self.ctx.db.read(order_for_edit, self.trade_id)
        if order is None:
            return
        self._old_customer, self._old_stored = order.customer_id, order.amount_cents
        self.loaded_version = order.version
        self.customer.set_customer_id(order.customer_id)
        self.date_field.set_date(order.occurred_on)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(order.kind)))
        self.product_combo.setEditText(order.product_line or "")
        self.quantity_edit.setText("" if order.quantity is None else str(order.quantity))
        self.amount_edit.setText(_plain_amount(order.entered_cents))
        self.invoice_edit.setText(order.invoice_no or "")
        self.contract_combo.setCurrentIndex(max(0, self.contract_combo.findData(
            order.contract_id)))
        self.notes_edit.setPlainText(order.notes or "")
        self.amount_edit.setFocus()

    def _load_contracts(self, customer_id: int | None) -> None:
        keep = self.contract_combo.currentData()
        self.contract_combo.clear()
        self.contract_combo.addItem(self.tr("— none —"), None)
        if customer_id:
            for c in self.ctx.db.read(contracts_for_orders, customer_id):
                self.contract_combo.addItem(
                    f"{c.number} · {c.title} ({labels.contract_status(c.status)})", c.id)
        self.contract_combo.setCurrentIndex(max(0, self.contract_combo.findData(keep)))

    def _show_amount(self, text: str) -> None:
        try:
            cents = fmt.parse_money(text)
        except ValueError:
            self.amount_hint.setText(self.tr("Not an amount I can read exactly"))
            return
        self.amount_hint.setText("" if cents is None else "= " + fmt.money(cents))

    # -- saving ----------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (self.customer.text(), self.date_field.text(), self.kind_combo.currentData(),
                self.product_combo.currentText(), self.quantity_edit.text(),
                self.amount_edit.text(), self.invoice_edit.text(),
                self.contract_combo.currentData(), self.notes_edit.toPlainText())

    def fields(self) -> dict[str, Any]:
        """The typed values to store; raises ValidationError naming the field."""
        customer_id = self.customer.resolve()
        if not customer_id:
            raise ValidationError("customer", "required")
        try:
            occurred_on: date | None = self.date_field.date()
        except ValueError:
            raise ValidationError("occurred_on", "invalid_date") from None
        if occurred_on is None:
            raise ValidationError("occurred_on", "required")
        try:
            amount = fmt.parse_money(self.amount_edit.text())
        except ValueError:
            raise ValidationError("amount_cents", "invalid_number") from None
        if amount is None:
            raise ValidationError("amount_cents", "required")
        quantity_text = self.quantity_edit.text().strip().replace(",", "")
        quantity = None
        if quantity_text:
            if not quantity_text.isdigit():
                raise ValidationError("quantity", "invalid_number")
            quantity = int(quantity_text)
        return {
            "customer_id": customer_id, "occurred_on": occurred_on, "amount_cents": amount,
            "kind": self.kind_combo.currentData(),
            "product_line": self.product_combo.currentText(), "quantity": quantity,
            "invoice_no": self.invoice_edit.text(),
            "contract_id": self.contract_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
        }

    def _credit_allows(self, data: dict[str, Any]) -> bool:
        """Ask before an order takes the customer past the credit limit."""
        new = stored_amount(data["kind"], data["amount_cents"])
        before = self._old_stored if self._old_customer == data["customer_id"] else 0
        check = self.ctx.db.read(credit_check, data["customer_id"], new - before)
        if not check.over_limit or check.limit_cents is None:
            return True
        lang = self.ctx.lang
        answer = QMessageBox.question(
            self, self.tr("Over the credit limit"),
            self.tr("With this order the customer owes %1, over the credit limit of %2 "
                    "(outstanding now %3). Save anyway?")
            .replace("%1", fmt.money(check.after_cents, lang))
            .replace("%2", fmt.money(check.limit_cents, lang))
            .replace("%3", fmt.money(check.outstanding_cents, lang)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        data = self.fields()
        if not self._credit_allows(data):
            return False
        today = self.ctx.clock.today()
        changes = (self.write(add_order, **data, today=today) if self.trade_id is None
                   else self.write(update_order, self.trade_id, **data, today=today,
                                   expected_version=self.loaded_version))
        if changes is None:
            return False
        self.saved_id = changes.value
        self.ctx.status.emit(self.tr("Order saved"))
        return True


def _plain_amount(cents: int) -> str:
    """An amount as the field takes it back: 1234.5 rather than ¥1,234.50."""
    text = f"{cents // 100}.{cents % 100:02d}"
    return text[:-3] if text.endswith(".00") else text
