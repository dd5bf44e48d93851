"""The Reports screen: the monthly review a manager does with the data (数据复盘) above
the list of account plans it feeds.

The KPI panel answers "how is the book doing" (tiers, churn, repurchase, satisfaction,
how fast complaints are answered, and from the orders book the customer lifetime value,
the average order value and its growth; definitions in ``docs/kpis.md``); the plan
list below is where the answers turn into plans for the next period. Both are read-only queries; plans open in the editor.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kamdesk.domain.kpis import ACTIVITIES, TIERS, KpiReport
from kamdesk.store.queries.kpis import kpi_report
from kamdesk.store.queries.plans import PlanRow, list_plans
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import read_in_background
from kamdesk.ui.icons import icon
from kamdesk.ui.reports.tiles import KpiTile
from kamdesk.ui.rows_model import Column, RowsModel
from kamdesk.ui.widgets.customer_picker import CustomerPicker

__all__ = ["NewPlanDialog", "PlanListModel", "ReportsScreen"]

#: what the plan list and the KPI panel are read from: each goes stale when these change
PLANS_REFRESH_ON = frozenset({"account_plans", "plan_objectives", "plan_actions", "plan_risks",
                              "customers", "customer_metrics"})
# tiles in a row of the KPI grid
TILES_PER_ROW = 4
KPIS_REFRESH_ON = frozenset({"customers", "customer_metrics", "survey_responses", "complaints",
                             "events", "event_attendance", "trades"})


class PlanListModel(RowsModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(self.tr("Code"), lambda r: r.customer_code),
            Column(self.tr("Customer"), lambda r: r.customer_name),
            Column(self.tr("Period"), lambda r: r.period),
            Column(self.tr("Status"), lambda r: labels.plan_status(r.status),
                   sort_key=lambda r: r.status,
                   colour=lambda r: "#8a6d00" if r.status == "draft" else None),
            Column(self.tr("Tier"), lambda r: labels.value_tier(r.value_tier),
                   sort_key=lambda r: r.value_tier),
            Column(self.tr("Activity"), lambda r: labels.activity(r.activity),
                   sort_key=lambda r: r.activity),
            Column(self.tr("Objectives"), lambda r: str(r.objectives),
                   sort_key=lambda r: r.objectives, right=True),
            Column(self.tr("Open actions"), lambda r: f"{r.open_actions} / {r.actions}",
                   sort_key=lambda r: r.open_actions, right=True),
            Column(self.tr("Owner"), lambda r: r.owner or ""),
            Column(self.tr("Updated"), lambda r: fmt.moment(r.updated_at),
                   sort_key=lambda r: r.updated_at or datetime.min),
        ], parent)


class NewPlanDialog(QDialog):
    """Pick the customer a new plan is for, with the one customer picker (code, name,
    pinyin or initials, a person or a phone). Choosing a customer answers the dialog's
    only question, so Enter or a click in the list opens the plan at once; a best match
    taken on leaving the field (Tab, or a click on Cancel) only fills it in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(self.tr("New account plan"))
        self.resize(460, 120)
        self.picker = CustomerPicker(ctx, self, advance_on_pick=False)
        self.picker.setObjectName("newPlanCustomer")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open plan"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lab = QLabel(self.tr("&Customer:"))
        lab.setBuddy(self.picker)
        lay.addWidget(lab)
        lay.addWidget(self.picker)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.picker.customer_changed.connect(
            lambda cid: self.ok_button.setEnabled(cid is not None))
        self.picker.confirmed.connect(lambda _cid: self.accept())
        self.picker.setFocus()

    def customer_id(self) -> int | None:
        return self.picker.customer_id


class ReportsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsScreen")
        self._plans_stale = True
        self._kpis_stale = True
        self.kpis: KpiReport | None = None
        self.kpis_thread: QThread | None = None
        self._build_kpis()
        self._build_plans()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addWidget(self.kpi_box)
        layout.addWidget(self.plans_box, 1)
        ctx.changed.connect(self._on_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh_plans)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.tier_filter.currentIndexChanged.connect(lambda _i: self.refresh_plans())

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

    # -- plan list -------------------------------------------------------------------
    def _build_plans(self) -> None:
        self.plans_box = QGroupBox(self.tr("Account plans"))
        self.search = QLineEdit()
        self.search.setObjectName("planSearch")
        self.search.setPlaceholderText(self.tr("Find by customer, code or period…"))
        self.search.setClearButtonEnabled(True)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("planTierFilter")
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for code in TIERS:
            self.tier_filter.addItem(labels.value_tier(code), code)
        self.count_label = QLabel()

        self.model = PlanListModel(self)
        self.table = QTableView()
        self.table.setObjectName("plansTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self._sort_clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, w in enumerate((80, 250, 70, 60, 90, 70, 75, 90, 90)):
            self.table.setColumnWidth(i, w)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._sort = (-1, Qt.SortOrder.AscendingOrder)

        self.open_button = QPushButton(icon("plan"), self.tr("Open"))
        self.open_button.setObjectName("openPlanButton")
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(icon("edit"), self.tr("New plan…"))
        self.new_button.setObjectName("newPlanButton")
        self.new_button.clicked.connect(self.new_plan)
        self.export_button = QPushButton(icon("pdf"), self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPlanButton")
        self.export_button.clicked.connect(self.export_selected)
        self.brief_button = QPushButton(icon("visit"), self.tr("Brief PDF…"))
        self.brief_button.setObjectName("briefButton")
        self.brief_button.clicked.connect(self.brief_selected)
        self.batch_button = QPushButton(icon("export"), self.tr("Batch export…"))
        self.batch_button.setObjectName("batchExportButton")
        self.batch_button.clicked.connect(self.batch_export)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        lab = QLabel(self.tr("Tier"))
        lab.setBuddy(self.tier_filter)
        bar.addWidget(lab)
        bar.addWidget(self.tier_filter)
        bar.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.new_button, self.export_button, self.brief_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.batch_button)
        lay = QVBoxLayout(self.plans_box)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def refresh_plans(self) -> None:
        self._plans_stale = False
        keep = self.selected()
        rows = self.ctx.db.read(list_plans, value_tier=self.tier_filter.currentData(),
                                search=self.search.text().strip() or None)
        self.model.set_rows(rows)
        if self._sort[0] >= 0:
            self.model.sort(*self._sort)
        self.count_label.setText(self.tr("%n plan(s)", "", len(rows)))
        if keep is not None:
            self.select_plan(keep.id)
        self._update_buttons()

    def _sort_clicked(self, column: int) -> None:
        col, order = self._sort
        order = (Qt.SortOrder.DescendingOrder if col == column
                 and order == Qt.SortOrder.AscendingOrder else Qt.SortOrder.AscendingOrder)
        self._sort = (column, order)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.model.sort(column, order)

    def selected(self) -> PlanRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_plan(self, plan_id: int) -> bool:
        for i in range(self.model.rowCount()):
            row = self.model.row(i)
            if row is not None and row.id == plan_id:
                self.table.selectRow(i)
                return True
        return False

    def current_customer_id(self) -> int | None:
        """Lets the main window's Log contact preselect the selected plan's customer."""
        row = self.selected()
        return row.customer_id if row else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for b in (self.open_button, self.export_button, self.brief_button):
            b.setEnabled(has)

    # -- actions ---------------------------------------------------------------------
    def open_selected(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        from kamdesk.ui.plan.editor import open_plan_editor

        return open_plan_editor(self.ctx, row.customer_id, self, plan_id=row.id)

    def new_plan(self, customer_id: int | None = None) -> QDialog | None:
        """Pick a customer (unless given), open the editor and ask for the period."""
        if customer_id is None:
            dlg = NewPlanDialog(self.ctx, self)
            if not dlg.exec():
                return None
            customer_id = dlg.customer_id()
            if customer_id is None:
                return None
        from kamdesk.ui.plan.editor import open_plan_editor

        editor = open_plan_editor(self.ctx, customer_id, self)
        if editor.plan_id is not None:
            # The customer already has plans: go straight to choosing the new period.
            QTimer.singleShot(0, editor.new_period)
        return editor

    def export_selected(self) -> Any:
        row = self.selected()
        if row is None:
            return None
        from kamdesk.ui.pdf_export import export_plan_pdf

        return export_plan_pdf(self.ctx, row.id, row.customer_id, self)

    def brief_selected(self) -> Any:
        row = self.selected()
        if row is None:
            return None
        from kamdesk.ui.pdf_export import export_brief_pdf

        return export_brief_pdf(self.ctx, row.customer_id, self)

    def batch_export(self) -> QDialog:
        from kamdesk.ui.plan.batch_dialog import BatchExportDialog

        tier = self.tier_filter.currentData() or "A"
        dlg = BatchExportDialog(self.ctx, self, tier=tier)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    # -- refreshing ------------------------------------------------------------------
    def _on_changed(self, changes: Any) -> None:
        if changes & PLANS_REFRESH_ON:
            self._plans_stale = True
        if changes & KPIS_REFRESH_ON:
            self._kpis_stale = True
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if self._kpis_stale:
            self.refresh_kpis()
        if self._plans_stale:
            self.refresh_plans()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()
