"""The Reports screen: the monthly review a manager does with the data (数据复盘).

The KPI panel answers "how is the book doing" (tiers, churn, repurchase, satisfaction,
how fast complaints are answered, and from the orders book the customer lifetime value,
the average order value and its growth; definitions in ``docs/kpis.md``). A read-only
query run off the UI thread. Account plans have their own screen (``kamdesk.ui.plans``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.kpis import ACTIVITIES, TIERS, KpiReport
from kamdesk.store.queries.kpis import kpi_report
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import read_in_background
from kamdesk.ui.reports.tiles import KpiTile

__all__ = ["ReportsScreen"]

# tiles in a row of the KPI grid
TILES_PER_ROW = 4
KPIS_REFRESH_ON = frozenset({"customers", "customer_metrics", "survey_responses", "complaints",
                             "events", "event_attendance", "trades"})


class ReportsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsScreen")
        self._kpis_stale = True
        self.kpis: KpiReport | None = None
        self.kpis_thread: QThread | None = None
        self._build_kpis()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.kpi_box)
        layout.addStretch(1)
        ctx.changed.connect(self._on_changed)

    # -- KPI panel -------------------------------------------------------------------
    def _build_kpis(self) -> None:
        self.kpi_box = QGroupBox(self.tr("Monthly review"))
        self.kpi_box.setObjectName("kpiPanel")
        self.window_label = QLabel()
        self.window_label.setObjectName("kpiWindow")
        self.tier_table = QTableWidget(len(TIERS) + 1, len(ACTIVITIES) + 1)
        self.tier_table.setObjectName("tierActivityTable")
        self.tier_table.setHorizontalHeaderLabels(
            [labels.activity(a) for a in ACTIVITIES] + [self.tr("Total")])
        self.tier_table.setVerticalHeaderLabels(
            [labels.value_tier(t) for t in TIERS] + [self.tr("Total")])
        self.tier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tier_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tier_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tier_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tier_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tier_table.setFixedWidth(380)
        self.tier_table.setFixedHeight(150)

        self.tiles = {
            "churn": KpiTile("kpiChurn", self.tr("Churn rate"),
                           self.tr("Churned customers as a share of all customers (流失率)")),
            "repurchase": KpiTile("kpiRepurchase", self.tr("Repurchase rate"),
                                self.tr("Customers with two or more orders in 12 months, of those "
                                   "with any order (复购率)")),
            "new": KpiTile("kpiNew", self.tr("New customers this month"),
                         self.tr("Customers whose cooperation started this calendar month")),
            "csat": KpiTile("kpiCsat", self.tr("CSAT average"),
                          self.tr("Mean satisfaction score (1–5) of surveys in the last 12 "
                                  "months")),
            "nps": KpiTile("kpiNps", self.tr("NPS"),
                         self.tr("Promoters (9–10) minus detractors (0–6), last 12 months")),
            "timeliness": KpiTile("kpiTimeliness", self.tr("Complaints answered in time"),
                                self.tr("Complaints answered before their deadline, of those whose "
                                   "deadline has come (沟通响应及时率)")),
            "resolution": KpiTile("kpiResolution", self.tr("Issue resolution rate"),
                                self.tr("Complaints of the last 12 months resolved or closed "
                                   "(问题解决率)")),
            "participation": KpiTile("kpiParticipation", self.tr("Event participation"),
                                   self.tr("Invitations to events of the last 12 months that were "
                                      "attended (活动参与率)")),
            "ltv": KpiTile("kpiLtv", self.tr("Customer lifetime value"),
                           self.tr("Net revenue (orders less returns) of each customer since "
                                   "their first order, averaged over the customers with orders "
                                   "(LTV)")),
            "aov": KpiTile("kpiAov", self.tr("Average order value"),
                           self.tr("Amount of the orders of the last 12 months divided by their "
                                   "number (客单价)")),
            "aov_growth": KpiTile("kpiAovGrowth", self.tr("Average order value growth"),
                                  self.tr("Average order value of the last 12 months against "
                                          "the 12 months before (客单价增长率)")),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // TILES_PER_ROW, i % TILES_PER_ROW)
        row = QHBoxLayout()
        row.addWidget(self.tier_table)
        row.addLayout(grid, 1)
        lay = QVBoxLayout(self.kpi_box)
        lay.addWidget(self.window_label)
        lay.addLayout(row)

    def refresh_kpis(self) -> None:
        """Read the monthly figures off the UI thread (seconds on a big book); the panel
        keeps its last figures until the new ones arrive."""
        self._kpis_stale = False
        today = self.ctx.clock.today()
        if self.kpis_thread is not None and self.kpis_thread.isRunning():
            self._kpis_stale = True  # read again once this one is shown
            return
        self.kpis_thread = read_in_background(
            self.ctx, kpi_report, today, parent=self,
            on_done=lambda k: self._show_kpis(k, today))

    def _show_kpis(self, k: KpiReport, today: date) -> None:
        self.kpis = k
        self.window_label.setText(
            self.tr("Last 12 months up to %1 · %2 customers in the book")
            .replace("%1", fmt.day(today)).replace("%2", str(k.customers)))
        for r, tier in enumerate(TIERS):
            for c, act in enumerate(ACTIVITIES):
                self._cell(r, c, k.tier_activity.get((tier, act), 0))
            self._cell(r, len(ACTIVITIES), k.by_tier.get(tier, 0), bold=True)
        for c, act in enumerate(ACTIVITIES):
            self._cell(len(TIERS), c, k.by_activity.get(act, 0), bold=True)
        self._cell(len(TIERS), len(ACTIVITIES), k.customers, bold=True)

        def pct(v: float | None) -> str:
            return "—" if v is None else f"{v:.1f}%"

        of = self.tr("%1 of %2")
        t = self.tiles
        t["churn"].show_value(pct(k.churn_rate), of.replace("%1", str(k.churned))
                              .replace("%2", str(k.customers)),
                              "#c62828" if (k.churn_rate or 0) >= 20 else None)
        t["repurchase"].show_value(pct(k.repurchase_rate), "")
        t["new"].show_value(str(k.new_customers_month), "")
        t["csat"].show_value("—" if k.csat_avg is None else f"{k.csat_avg:.2f} / 5",
                             self.tr("%n answer(s)", "", k.csat_answers))
        t["nps"].show_value("—" if k.nps is None else f"{k.nps:+.0f}",
                            self.tr("%n answer(s)", "", k.nps_answers),
                            None if k.nps is None else "#2e7d32" if k.nps >= 30
                            else "#c62828" if k.nps < 0 else None)
        t["timeliness"].show_value(pct(k.response_timeliness),
                                   self.tr("%n complaint(s) due", "", k.complaints_due),
                                   "#c62828" if k.response_timeliness is not None
                                   and k.response_timeliness < 90 else None)
        t["resolution"].show_value(pct(k.resolution_rate),
                                   self.tr("%n complaint(s) received", "",
                                           k.complaints_received))
        t["participation"].show_value(pct(k.participation_rate),
                                      self.tr("%n invitation(s)", "", k.invitations))
        self._show_order_kpis(k)

    def _show_order_kpis(self, k: KpiReport) -> None:
        """Lifetime value, average order value and its growth (money in the UI's style)."""
        lang = self.ctx.lang
        t = self.tiles

        def money(fen: int | None) -> str:
            return "—" if fen is None else fmt.money(fen, lang, short=True)

        t["ltv"].show_value(money(k.ltv_cents),
                            self.tr("%n customer(s) with orders", "", k.ltv_customers))
        t["aov"].show_value(money(k.aov_cents), self.tr("%n order(s)", "", k.aov_orders))
        growth = "—" if k.aov_growth is None else f"{k.aov_growth:+.1f}%"
        before = self.tr("before: %1").replace("%1", money(k.aov_prev_cents))
        t["aov_growth"].show_value(growth, before,
                                   None if k.aov_growth is None else "#2e7d32"
                                   if k.aov_growth >= 0 else "#c62828")

    def _cell(self, r: int, c: int, value: int, bold: bool = False) -> None:
        item = QTableWidgetItem(str(value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if bold:
            f = item.font()
            f.setBold(True)
            item.setFont(f)
        self.tier_table.setItem(r, c, item)

    # -- refreshing ------------------------------------------------------------------
    def _on_changed(self, changes: Any) -> None:
        if changes & KPIS_REFRESH_ON:
            self._kpis_stale = True
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if self._kpis_stale:
            self.refresh_kpis()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()
