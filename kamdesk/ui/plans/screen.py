"""The Plans screen: every account plan in the book (客户规划), in the sidebar where a
manager looks for them rather than under Reports.

A plain list (customer, period, status, tier, objectives, open actions) with a search and
a tier filter; plans open in the editor, a new plan starts from a customer picker, and a
selected plan exports as PDF or a brief, or a whole tier as a batch. The list is one
read-only query; it goes stale when a plan or a customer's tier changes and reads again
when shown.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.kpis import TIERS
from kamdesk.store.queries.plans import PlanRow, list_plans
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.plans.new_plan import NewPlanDialog, open_plan, start_new_plan
from kamdesk.ui.rows_model import Column, RowsModel

__all__ = ["NewPlanDialog", "PlanListModel", "PlansScreen", "PLANS_REFRESH_ON"]

#: what the plan list is read from: it goes stale when these change
PLANS_REFRESH_ON = frozenset({"account_plans", "plan_objectives", "plan_actions", "plan_risks",
                              "customers", "customer_metrics"})


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


class PlansScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plansScreen")
        self._stale = True
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh_plans)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.tier_filter.currentIndexChanged.connect(lambda _i: self.refresh_plans())
        ctx.changed.connect(self._on_changed)

    def _build(self) -> None:
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
        self.count_label.setObjectName("plansCount")

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

        self.empty_label = QLabel()
        self.empty_label.setObjectName("plansEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self.empty_label.hide()

        self.open_button = QPushButton(icon("plan"), self.tr("Open"))
        self.open_button.setObjectName("openPlanButton")
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(icon("edit"), self.tr("New plan…"))
        self.new_button.setObjectName("newPlanButton")
        self.new_button.clicked.connect(lambda: self.new_plan())
        self.export_button = QPushButton(icon("pdf"), self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPlanButton")
        self.export_button.clicked.connect(self.export_selected)
        self.brief_button = QPushButton(icon("visit"), self.tr("Brief PDF…"))
        self.brief_button.setObjectName("briefButton")
        self.brief_button.clicked.connect(self.brief_selected)
        self.batch_button = QPushButton(icon("export"), self.tr("Batch export…"))
        self.batch_button.setObjectName("batchExportButton")
        self.batch_button.setToolTip(self.tr("Print the plans of a whole tier into one folder"))
        self.batch_button.clicked.connect(self.batch_export)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        lab = QLabel(self.tr("Tier"))
        lab.setBuddy(self.tier_filter)
        bar.addWidget(lab)
        bar.addWidget(self.tier_filter)
        bar.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.export_button, self.brief_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.batch_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 6)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty_label, 1)
        lay.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # -- reading ---------------------------------------------------------------------
    def filtered(self) -> bool:
        return bool(self.search.text().strip()) or self.tier_filter.currentData() is not None

    def refresh_plans(self) -> None:
        self._stale = False
        keep = self.selected()
        rows = self.ctx.db.read(list_plans, value_tier=self.tier_filter.currentData(),
                                search=self.search.text().strip() or None)
        self.model.set_rows(rows)
        if self._sort[0] >= 0:
            self.model.sort(*self._sort)
        self.count_label.setText(self.tr("%n plan(s)", "", len(rows)))
        self._show_empty_state(not rows)
        if keep is not None:
            self.select_plan(keep.id)
        self._update_buttons()

    def _show_empty_state(self, empty: bool) -> None:
        if empty and self.filtered():
            text = self.tr("No plan matches this search or tier.")
        elif empty:
            text = self.tr(
                "No account plans yet.\n\nAn account plan sets a key customer's objectives, "
                "actions and risks for a period. Start one with “New plan…”, or from a "
                "customer's profile (Plans tab). A-tier customers should each have one.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

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
        return open_plan(self.ctx, row.customer_id, row.id, self)

    def new_plan(self, customer_id: int | None = None) -> QDialog | None:
        """Pick a customer (unless given), open the editor and ask for the period."""
        return start_new_plan(self.ctx, customer_id, self)

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
            self._stale = True
            if self.isVisible():
                self.refresh_plans()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_plans()
