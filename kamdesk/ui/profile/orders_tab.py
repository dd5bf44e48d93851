"""A customer's orders (交易): the business history behind the value tier and RFM,
entered, corrected and deleted here.

Add / Edit open the order dialog; Delete asks first and keeps a snapshot so Ctrl+Z puts
the order back exactly (its id, and the payments that named it). The undo list belongs
to the customer on screen and is dropped when another customer is opened. A return is
shown with its negative amount, as it counts in every total.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kamdesk.store.ops import orders as order_ops
from kamdesk.store.queries.orders import OrderLine, YearTotal, customer_orders
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


class OrdersTab(ProfileTab):
    TABLES = frozenset({"trades", "contracts"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ordersTab")
        self._undo: list[dict[str, Any]] = []
        self.dialog: QWidget | None = None
        lang = ctx.lang
        self.model = RowsModel([
            Column(self.tr("Date"), lambda o: fmt.day(o.occurred_on),
                   sort_key=lambda o: o.occurred_on, width=100),
            Column(self.tr("Kind"), lambda o: labels.word("trade_kind", o.kind), width=90),
            Column(self.tr("Product line"), lambda o: o.product_line or "", width=140),
            Column(self.tr("Quantity"), lambda o: "" if o.quantity is None else f"{o.quantity:,}",
                   sort_key=lambda o: o.quantity, right=True, width=70),
            Column(self.tr("Amount"), lambda o: fmt.money(o.amount_cents, lang),
                   sort_key=lambda o: o.amount_cents, right=True, width=130),
            Column(self.tr("Invoice no."), lambda o: o.invoice_no or "", width=110),
            Column(self.tr("Order no."), lambda o: o.order_no or "", width=100),
            Column(self.tr("Contract"), lambda o: o.contract_number or "", width=100),
            Column(self.tr("Notes"), lambda o: (o.notes or "").split("\n")[0]),
        ], self)
        self.table = make_table("profileOrders", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_selected)
        self.years_model = RowsModel([
            Column(self.tr("Year"), lambda y: str(y.year), sort_key=lambda y: y.year, width=60),
            Column(self.tr("Orders"), lambda y: str(y.count), sort_key=lambda y: y.count,
                   right=True, width=60),
            Column(self.tr("Total"), lambda y: fmt.money(y.total_cents, lang, short=True),
                   sort_key=lambda y: y.total_cents, right=True),
        ], self)
        self.years = make_table("profileOrderYears", self.years_model)
        self.summary = QLabel()
        self.summary.setObjectName("ordersSummary")

        self.add_button = QPushButton(self.tr("Add order…"))
        self.add_button.setObjectName("addOrderButton")
        self.add_button.clicked.connect(self.add_order)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editOrderButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setObjectName("deleteOrderButton")
        self.delete_button.setToolTip(self.tr("Delete the selected order (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo delete"))
        self.undo_button.setObjectName("undoOrderButton")
        self.undo_button.setToolTip(self.tr("Put the last deleted order back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.undo_button):
            bar.addWidget(button)

        years_box = QWidget()
        yl = QVBoxLayout(years_box)
        yl.setContentsMargins(0, 0, 0, 0)
        yl.addWidget(section_title(self.tr("By year")))
        yl.addWidget(self.years)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(years_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([850, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not undo_or_delete_key(event, self.undo, self.delete_selected):
            super().keyPressEvent(event)

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.model.set_rows([])
        self.years_model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        summary = self.ctx.db.read(customer_orders, self.customer_id)
        rows: list[OrderLine] = list(summary.rows)
        years: list[YearTotal] = list(summary.by_year)
        self.model.set_rows(rows)
        self.years_model.set_rows(years)
        if keep is not None:
            self.select_order(keep.id)
        self._update_buttons()
        if not summary.rows:
            self.summary.setText(self.tr("No orders recorded yet."))
            return
        lang = self.ctx.lang
        self.summary.setText(
            self.tr("%n order(s)", "", summary.count) + " · "
            + self.tr("total %1").replace("%1", fmt.money(summary.total_cents, lang))
            + " · " + self.tr("average order %1").replace(
                "%1", fmt.money(summary.average_cents, lang)))

    def select_order(self, trade_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), trade_id)

    def _update_buttons(self, *_args: object) -> None:
        chosen = selected_row(self.table) is not None
        self.add_button.setEnabled(self.customer_id is not None)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self._undo))

    # -- actions ---------------------------------------------------------------------
    def add_order(self) -> None:
        if self.customer_id is not None:
            self._open_dialog(self.customer_id, None)

    def edit_selected(self, *_args: object) -> None:
        r = selected_row(self.table)
        if r is not None:
            self._open_dialog(None, r.id)

    def _open_dialog(self, customer_id: int | None, trade_id: int | None) -> None:
        from kamdesk.ui.dialogs.order_dialog import OrderDialog

        dlg = OrderDialog(self.ctx, customer_id, self, trade_id=trade_id)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._saved(dlg.saved_id))
        self.dialog = dlg  # the open dialog (tests drive it)
        dlg.open()

    def _saved(self, trade_id: int | None) -> None:
        self.ensure_loaded()
        if trade_id:
            self.select_order(trade_id)

    def delete_selected(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete order"),
            self.tr("Delete the order of %1 over %2? Ctrl+Z brings it back.")
            .replace("%1", fmt.day(r.occurred_on))
            .replace("%2", fmt.money(r.amount_cents, self.ctx.lang)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row_index = self.table.currentIndex().row()
        done = run_op(self.ctx, order_ops.delete_order, r.id, self.today(), initiator=self,
                      expected_version=r.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        if self.model.rowCount():
            self.table.selectRow(min(max(row_index, 0), self.model.rowCount() - 1))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Order deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if run_op(self.ctx, order_ops.restore_order, snap, self.today(),
                  initiator=self) is None:
            self.ctx.status.emit(self.tr("The order could not be restored"))
            return
        self.ensure_loaded()
        self.select_order(int(snap["trade"]["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Order restored"))
