"""A customer's payments and receivables (回款/应收): what they owe, how old it is, and
the payments received, with record / edit / delete and Ctrl+Z to undo a delete.

The ageing buckets (0–30, 31–60, 61–90, over 90 days) show the age of the unpaid part
of the orders, payments settling the oldest orders first unless they name one
(:mod:`kamdesk.domain.receivables`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.receivables import BUCKETS
from kamdesk.store.ops import payments as payment_ops
from kamdesk.store.queries.receivables import PaymentRow, Receivables, receivables
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import (
    ProfileTab,
    add_delete_and_undo_keys,
    section_title,
    select_row_with_id,
    undo_or_delete_key,
)
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row

BUCKET_COLOURS = ("#2e7d32", "#f9a825", "#ef6c00", "#c62828")


class PaymentsTab(ProfileTab):
    TABLES = frozenset({"payments", "trades", "customers"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("paymentsTab")
        self._undo: list[dict[str, Any]] = []
        self.data: Receivables | None = None
        lang = ctx.lang
        self.model = RowsModel([
            Column(self.tr("Received"), lambda p: fmt.day(p.received_on),
                   sort_key=lambda p: p.received_on, width=100),
            Column(self.tr("Amount"), lambda p: fmt.money(p.amount_cents, lang),
                   sort_key=lambda p: p.amount_cents, right=True, width=130),
            Column(self.tr("For order"), lambda p: p.order_label or "", width=130),
            Column(self.tr("Method"), lambda p: labels.word("payment_method", p.method),
                   width=110),
            Column(self.tr("Reference"), lambda p: p.reference or "", width=120),
            Column(self.tr("Notes"), lambda p: (p.notes or "").split("\n")[0]),
        ], self)
        self.table = make_table("profilePayments", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.summary = QLabel()
        self.summary.setObjectName("receivablesSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Record payment…"))
        self.add_button.setObjectName("addPaymentButton")
        self.add_button.clicked.connect(self.add_payment)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editPaymentButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setObjectName("deletePaymentButton")
        self.delete_button.setToolTip(self.tr("Delete the selected payment (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo delete"))
        self.undo_button.setObjectName("undoPaymentButton")
        self.undo_button.setToolTip(self.tr("Put the last deleted payment back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for b in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            bar.addWidget(b)

        ageing_box = QWidget()
        grid = QGridLayout(ageing_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        self.bucket_labels: list[QLabel] = []
        for i, (code, _first, _last) in enumerate(BUCKETS):
            caption = QLabel(labels.word("ageing_bucket", code))
            caption.setStyleSheet("color: #757575;")
            value = QLabel()
            value.setObjectName(f"ageing_{code}")
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            value.setStyleSheet(f"color: {BUCKET_COLOURS[i]};")
            grid.addWidget(caption, 0, i)
            grid.addWidget(value, 1, i)
            self.bucket_labels.append(value)
        grid.setColumnStretch(len(BUCKETS), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(section_title(self.tr("Unpaid orders by age")))
        layout.addWidget(ageing_box)
        layout.addWidget(section_title(self.tr("Payments received")))
        layout.addWidget(self.table, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not undo_or_delete_key(event, self.undo):
            super().keyPressEvent(event)

    # -- data ----------------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.data = None
        self.model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        self.data = self.ctx.db.read(receivables, self.customer_id, self.today())
        d = self.data
        self.model.set_rows(list(d.payments) if d else [])
        if d is None:
            return
        lang = self.ctx.lang
        s = d.standing
        parts = [self.tr("Outstanding %1").replace(
            "%1", f"<b>{fmt.money(s.outstanding_cents, lang)}</b>")]
        if d.ageing.unapplied_cents:
            parts.append(self.tr("paid ahead %1").replace(
                "%1", fmt.money(d.ageing.unapplied_cents, lang)))
        parts.append(self.tr("%n payment(s), %1 in all", "", len(d.payments)).replace(
            "%1", fmt.money(d.paid_total_cents, lang)))
        if s.credit_limit_cents is not None:
            limit = self.tr("limit %1").replace("%1", fmt.money(s.credit_limit_cents, lang))
            if s.usage_pct is not None:
                limit += " · " + self.tr("%1 % used").replace("%1", str(s.usage_pct))
            colour = {"amber": "#ef6c00", "red": "#c62828"}.get(s.level)
            parts.append(f'<span style="color:{colour}">{limit}</span>' if colour else limit)
        if s.credit_rating:
            parts.append(self.tr("rating %1").replace("%1", s.credit_rating))
        self.summary.setText(" &nbsp;·&nbsp; ".join(parts))
        for label, cents in zip(self.bucket_labels, d.ageing.cents, strict=True):
            label.setText(fmt.money(cents, lang))
        if keep is not None:
            self.select_payment(keep.id)
        self._update_buttons()

    def select_payment(self, payment_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), payment_id)

    def _update_buttons(self, *_args: object) -> None:
        chosen = selected_row(self.table) is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self._undo))
        self.add_button.setEnabled(self.customer_id is not None)

    # -- actions -------------------------------------------------------------------------
    def _open_dialog(self, payment: PaymentRow | None) -> None:
        if self.customer_id is None:
            return
        from kamdesk.ui.dialogs.payment_dialog import PaymentDialog

        self.dialog = PaymentDialog(self.ctx, self.customer_id, payment, self)
        self.dialog.open()

    def add_payment(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        p = selected_row(self.table)
        if p is not None:
            self._open_dialog(p)

    def delete_selected(self) -> None:
        p: PaymentRow | None = selected_row(self.table)
        if p is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete payment"),
            self.tr("Delete the payment of %1 received %2? Ctrl+Z brings it back.")
            .replace("%1", fmt.money(p.amount_cents, self.ctx.lang))
            .replace("%2", fmt.day(p.received_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_op(self.ctx, payment_ops.delete_payment, p.id, self.today(), initiator=self,
                      expected_version=p.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        self._update_buttons()
        self.ctx.status.emit(self.tr("Payment deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        done = run_op(self.ctx, payment_ops.restore_payment, snap, self.today(), initiator=self)
        if done is None:
            self.ctx.status.emit(self.tr("The payment could not be restored"))
            return
        self.ensure_loaded()
        self.select_payment(int(done.value))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Payment restored"))
