"""This customer's account plans (客户规划), one row a period, on the profile: where a
manager looking at a key customer expects to find its plan, open it, or start the next.

A customer without a plan shows why it matters and one button to start it, instead of
an empty table.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.store.queries.plans import PlanRow, list_plans
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.plans.new_plan import open_plan, start_new_plan
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row


class PlansTab(ProfileTab):
    TABLES = frozenset({"account_plans", "plan_objectives", "plan_actions", "plan_risks"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("profilePlansTab")
        self.model = RowsModel([
            Column(self.tr("Period"), lambda r: r.period, width=90),
            Column(self.tr("Status"), lambda r: labels.plan_status(r.status),
                   sort_key=lambda r: r.status, width=90,
                   colour=lambda r: "#8a6d00" if r.status == "draft" else None),
            Column(self.tr("Objectives"), lambda r: str(r.objectives),
                   sort_key=lambda r: r.objectives, right=True, width=80),
            Column(self.tr("Open actions"), lambda r: f"{r.open_actions} / {r.actions}",
                   sort_key=lambda r: r.open_actions, right=True, width=100),
            Column(self.tr("Owner"), lambda r: r.owner or "", width=110),
            Column(self.tr("Updated"), lambda r: fmt.moment(r.updated_at),
                   sort_key=lambda r: r.updated_at or datetime.min),
        ], self)
        self.table = make_table("profilePlans", self.model, sortable=False)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.count_label = QLabel()
        self.count_label.setObjectName("profilePlansCount")
        self.empty_label = QLabel(self.tr(
            "No account plan for this customer yet.\n\nA plan sets the customer's objectives, "
            "actions and risks for a period, from the figures on this profile."))
        self.empty_label.setObjectName("profilePlansEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(24)
        self.empty_label.hide()

        self.new_button = QPushButton(icon("edit"), self.tr("New plan…"))
        self.new_button.setObjectName("profileNewPlanButton")
        self.new_button.setToolTip(self.tr("Start a plan for this customer for a new period"))
        self.new_button.clicked.connect(self.new_plan)
        self.open_button = QPushButton(icon("plan"), self.tr("Open"))
        self.open_button.setObjectName("profileOpenPlanButton")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(icon("pdf"), self.tr("Export PDF…"))
        self.export_button.setObjectName("profileExportPlanButton")
        self.export_button.clicked.connect(self.export_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_rows([])

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        rows = self.ctx.db.read(list_plans, self.customer_id)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n plan(s)", "", len(rows)))
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.new_button.setText(self.tr("New plan…") if rows else self.tr("Start a plan…"))
        if rows:
            index = 0
            if keep is not None:
                index = next((i for i, r in enumerate(rows) if r.id == keep.id), 0)
            self.table.selectRow(index)  # the latest period first, ready for Enter
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = selected_row(self.table) is not None
        self.open_button.setEnabled(has)
        self.export_button.setEnabled(has)

    def selected(self) -> PlanRow | None:
        return selected_row(self.table)

    def open_selected(self) -> object:
        row = self.selected()
        if row is None:
            return None
        return open_plan(self.ctx, row.customer_id, row.id, self)

    def new_plan(self) -> object:
        if self.customer_id is None:
            return None
        return start_new_plan(self.ctx, self.customer_id, self)

    def export_selected(self) -> object:
        row = self.selected()
        if row is None:
            return None
        from kamdesk.ui.pdf_export import export_plan_pdf

        return export_plan_pdf(self.ctx, row.id, row.customer_id, self)
