"""A customer's product penetration (产品渗透): which of our product lines they buy, and
which not yet — the whitespace a cross-selling conversation starts from.

One row per product line the user sells (Settings → Product lines, or the lines found
in the orders book while no list is kept) with what the customer bought of it in the
last 12 and 24 months; lines with no order in 24 months are marked as opportunities.
Lines bought but not on the list follow, so a short list never hides revenue. The grid
is shaped by :mod:`kamdesk.domain.penetration` from
:mod:`kamdesk.store.queries.penetration`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.domain.penetration import BUYING, LAPSED, WHITESPACE, PenetrationRow
from kamdesk.domain.vocab import is_zh
from kamdesk.store.queries.penetration import customer_penetration, product_lines_in_force
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.rows_model import Column, RowsModel, make_table

STATUS_COLOURS = {BUYING: "#2e7d32", LAPSED: "#ef6c00", WHITESPACE: "#1565c0"}
OFF_LIST_COLOUR = "#78909c"


@dataclass(frozen=True)
class GridLine:
    """A row of the grid: a product line's figures, and whether it is on the user's list."""

    figures: PenetrationRow
    on_list: bool = True


class ProductsTab(ProfileTab):
    TABLES = frozenset({"trades", "app_settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("productsTab")
        lang = ctx.lang

        def amount(fen: int, orders: int) -> str:
            return "" if not fen and not orders else fmt.money(fen, lang)

        self.model = RowsModel([
            Column(self.tr("Product line"), lambda g: g.figures.product_line, width=180),
            Column(self.tr("Last 12 months"),
                   lambda g: amount(g.figures.amount_12m_cents, g.figures.orders_12m),
                   sort_key=lambda g: g.figures.amount_12m_cents, right=True, width=130),
            Column(self.tr("Orders (12 m)"), lambda g: str(g.figures.orders_12m),
                   sort_key=lambda g: g.figures.orders_12m, right=True, width=120),
            Column(self.tr("Last 24 months"),
                   lambda g: amount(g.figures.amount_24m_cents, g.figures.orders_24m),
                   sort_key=lambda g: g.figures.amount_24m_cents, right=True, width=130),
            Column(self.tr("Orders (24 m)"), lambda g: str(g.figures.orders_24m),
                   sort_key=lambda g: g.figures.orders_24m, right=True, width=120),
            Column(self.tr("Status"), self._status_text,
                   sort_key=lambda g: (not g.on_list, g.figures.status),
                   colour=lambda g: (STATUS_COLOURS.get(g.figures.status) if g.on_list
                                     else OFF_LIST_COLOUR)),
        ], self)
        self.table = make_table("profileProducts", self.model)
        self.summary = QLabel()
        self.summary.setObjectName("productsSummary")
        self.opportunities = QLabel()
        self.opportunities.setObjectName("productsOpportunities")
        self.opportunities.setWordWrap(True)
        self.opportunities.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = QLabel()
        self.source.setObjectName("productsSource")
        self.source.setProperty("role", "subtitle")
        self.source.setWordWrap(True)
        self.edit_lines_button = QPushButton(self.tr("Edit product lines…"))
        self.edit_lines_button.setObjectName("editProductLinesButton")
        self.edit_lines_button.clicked.connect(self.edit_product_lines)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.edit_lines_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.opportunities)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)

    def _status_text(self, line: GridLine) -> str:
        if not line.on_list:
            return self.tr("Not on your product list")
        return labels.word("product_status", line.figures.status)

    def clear(self) -> None:
        self.model.set_rows([])
        self.summary.clear()
        self.opportunities.clear()

    def refresh(self) -> None:
        assert self.customer_id is not None
        lines = self.ctx.db.read(product_lines_in_force)
        pen = self.ctx.db.read(customer_penetration, self.customer_id, self.today(),
                               lines.names)
        self.model.set_rows([GridLine(r) for r in pen.rows]
                            + [GridLine(r, on_list=False) for r in pen.off_list])
        self.source.setText(
            self.tr("Product lines as found in the orders book: keep your own list in "
                    "Settings → Product lines.") if lines.from_book else "")
        self.source.setVisible(lines.from_book)
        if not pen.rows:
            self.summary.setText(self.tr("No product lines yet: list the lines you sell in "
                                         "Settings, or record orders with a product line."))
            self.opportunities.hide()
            return
        self.summary.setText(
            self.tr("Buys %1 of %2 product lines in the last 12 months (%3 %)")
            .replace("%1", str(pen.bought_12m)).replace("%2", str(pen.lines))
            .replace("%3", f"{pen.penetration_pct or 0:.0f}"))
        parts = []
        sep = "、" if is_zh(self.ctx.lang) else ", "
        if pen.opportunities:
            parts.append(self.tr("Opportunities — not bought in 24 months: %1")
                         .replace("%1", sep.join(pen.opportunities)))
        if pen.lapsed:
            parts.append(self.tr("Lapsed — not bought in the last 12 months: %1")
                         .replace("%1", sep.join(pen.lapsed)))
        self.opportunities.setText("\n".join(parts))
        self.opportunities.setVisible(bool(parts))

    def edit_product_lines(self) -> None:
        from kamdesk.ui.settings_dialog import SettingsDialog

        self.dialog = SettingsDialog(self.ctx, self, page="products")
        self.dialog.open()
