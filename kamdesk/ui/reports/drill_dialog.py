"""The customers behind one KPI figure (数据下钻): who the detractors are, which complaints
were answered late, which A-tier accounts fell behind their cadence.

Opened from a tile of the Reports screen with the rows of
:func:`kamdesk.store.queries.kpi_drill_down.drill_down` (read off the UI thread by the
screen). The rows to act on (flagged) come first and are marked; a double-click (or
Enter) asks the main window to open that customer's profile and closes the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.kpi_texts import drill_value_header, drill_what, kpi_definition_text
from kamdesk.domain.review_kpis import definition
from kamdesk.domain.review_periods import Period
from kamdesk.store.queries.kpi_drill_down import DrillRow
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.reports.kpi_format import value_text

__all__ = ["DrillDownDialog", "row_value_text"]

# light and dark shade of a flagged row's text
FLAGGED = ("#c62828", "#ef5350")


def row_value_text(code: str, row: DrillRow, lang: str) -> str:
    """A drill-down row's number: a score, orders, money, or contacts in the period."""
    if row.value is None:
        return ""
    if code in ("ltv", "aov", "aov_growth"):
        return fmt.money(int(row.value), lang, short=True)
    if row.value != int(row.value):
        return f"{row.value:g}"
    return value_text("count", row.value, lang)


class DrillDownDialog(QDialog):
    COLUMNS = 5

    def __init__(self, ctx: AppContext, code: str, period: Period, rows: Sequence[DrillRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.rows = list(rows)
        self.setObjectName("kpiDrillDown")
        name = definition(code).name(ctx.lang)
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", name)
                            .replace("%2", period.label(ctx.lang)))
        flagged = sum(1 for r in self.rows if r.flagged)
        summary = QLabel(self.tr("%n row(s), %1 to act on (listed first). Double-click a "
                                 "row to open the customer.", "", len(self.rows))
                         .replace("%1", str(flagged)))
        summary.setObjectName("drillSummary")
        summary.setWordWrap(True)
        about = QLabel(kpi_definition_text(code, ctx.lang))
        about.setWordWrap(True)
        about.setStyleSheet("color: palette(placeholder-text);")

        self.table = QTableWidget(len(self.rows), self.COLUMNS)
        self.table.setObjectName("drillTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Customer"), self.tr("Standing"),
            drill_value_header(code, ctx.lang), self.tr("Date")])
        self.table.setColumnHidden(3, not drill_value_header(code, ctx.lang))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        flag_brush = QBrush(QColor(FLAGGED[1] if dark else FLAGGED[0]))
        for r, row in enumerate(self.rows):
            cells = (row.customer_code, row.customer_name, drill_what(row.what, ctx.lang),
                     row_value_text(code, row, ctx.lang), fmt.day(row.on))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row.flagged:
                    item.setForeground(flag_brush)
                self.table.setItem(r, c, item)
        self.table.setColumnHidden(4, not any(r.on for r in self.rows))
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        self.empty = QLabel(self.tr("No customers behind this figure in the period."))
        self.empty.setObjectName("drillEmpty")
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def open_row(self, index: int) -> None:
        """Open the profile of the customer on row ``index`` and close the list."""
        if 0 <= index < len(self.rows):
            self.ctx.open_customer.emit(self.rows[index].customer_id)
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)
