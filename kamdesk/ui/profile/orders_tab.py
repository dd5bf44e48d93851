"""A customer's orders (交易): the business history behind the value tier and RFM."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from kamdesk.store.queries.profile import OrderRow, YearTotal, orders
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab, section_title
from kamdesk.ui.rows_model import Column, RowsModel, make_table


class OrdersTab(ProfileTab):
    TABLES = frozenset({"trades"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ordersTab")
        lang = ctx.lang
        self.model = RowsModel([
            Column(self.tr("Date"), lambda o: fmt.day(o.occurred_on),
                   sort_key=lambda o: o.occurred_on, width=100),
            Column(self.tr("Order no."), lambda o: o.order_no or "", width=120),
            Column(self.tr("Product line"), lambda o: o.product_line or "", width=160),
            Column(self.tr("Quantity"), lambda o: "" if o.quantity is None else f"{o.quantity:,}",
                   sort_key=lambda o: o.quantity, right=True, width=80),
            Column(self.tr("Amount"), lambda o: fmt.money(o.amount_cents, lang),
                   sort_key=lambda o: o.amount_cents, right=True, width=140),
            Column(self.tr("Notes"), lambda o: (o.notes or "").split("\n")[0]),
        ], self)
        self.table = make_table("profileOrders", self.model)
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
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def clear(self) -> None:
        self.model.set_rows([])
        self.years_model.set_rows([])

    def refresh(self) -> None:
        assert self.customer_id is not None
        summary = self.ctx.db.read(orders, self.customer_id)
        rows: list[OrderRow] = list(summary.rows)
        years: list[YearTotal] = list(summary.by_year)
        self.model.set_rows(rows)
        self.years_model.set_rows(years)
        if not summary.count:
            self.summary.setText(self.tr("No orders recorded yet."))
            return
        lang = self.ctx.lang
        self.summary.setText(
            self.tr("%n order(s)", "", summary.count) + " · "
            + self.tr("total %1").replace("%1", fmt.money(summary.total_cents, lang))
            + " · " + self.tr("average order %1").replace(
                "%1", fmt.money(summary.average_cents, lang)))
