"""The plan editor's widgets: the header bar, the "no plan yet" banner, the eight
section tabs of the method (situation, SWOT, objectives, strategies, action plan,
stakeholders, opportunities and resources, risks), the buttons, and how the live
facts and the stakeholder map are shown.

A mixin of :class:`kamdesk.ui.plan.editor.PlanEditor`, kept apart so the editor module
holds the behaviour (loading, saving, periods) and this one the layout. Strings are
translated in the editor's context ("PlanEditor"), where they have always been.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from kamdesk.domain.plan_text import describe_reason, suggest_strategies
from kamdesk.domain.plans import OBJECTIVE_STATUSES, PLAN_STATUSES, ActionItem, Stakeholder
from kamdesk.domain.vocab import is_zh
from kamdesk.store.queries.plans import ACTION_STATUSES, RISK_KINDS
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.icons import icon
from kamdesk.ui.widgets.row_table import Col, RowTable

__all__ = ["GAP_COLOUR", "GOOD_COLOUR", "WARN_COLOUR", "PlanSections"]

translate = QCoreApplication.translate
GAP_COLOUR = "#c62828"
WARN_COLOUR = "#b26a00"
GOOD_COLOUR = "#2e7d32"


def _text_box(name: str, placeholder: str, height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(height)
    return edit


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lab = QLabel(f"<b>{title}</b>")
    lab.setBuddy(widget)
    lay.addWidget(lab)
    lay.addWidget(widget, 1)
    return box


# --------------------------------------------------------------------------- the editor


class PlanSections:
    """Builds and fills the editor's widgets; mixed into ``PlanEditor(QDialog)``, whose
    slots (save, new_period, make_task …) the buttons call."""

    ctx: Any
    customer_id: int
    facts: Any

    # -- construction ----------------------------------------------------------------
    def _build(self) -> None:
        self.customer_label = QLabel()
        self.customer_label.setObjectName("planCustomer")
        f = self.customer_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.customer_label.setFont(f)

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumWidth(110)
        self.period_combo.currentIndexChanged.connect(self._period_picked)
        self.new_period_button = QPushButton(icon("plan"), translate("PlanEditor", "New period…"))
        self.new_period_button.setObjectName("newPeriodButton")
        self.new_period_button.setToolTip(
            translate("PlanEditor", "Start a plan for another period, pre-filled from the data"))
        self.new_period_button.clicked.connect(lambda: self.new_period())
        self.copy_button = QPushButton(translate("PlanEditor", "Copy to new period…"))
        self.copy_button.setObjectName("copyPeriodButton")
        self.copy_button.setToolTip(
            translate("PlanEditor", "Carry this plan forward: texts, objectives, open actions and risks"))
        self.copy_button.clicked.connect(lambda: self.new_period(copy=True))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("planStatus")
        for code in PLAN_STATUSES:
            self.status_combo.addItem(labels.plan_status(code), code)
        self.owner_edit = QLineEdit()
        self.owner_edit.setObjectName("planOwner")
        self.owner_edit.setMaxLength(100)
        self.owner_edit.setMaximumWidth(160)

        top = QHBoxLayout()
        top.addWidget(self.customer_label, 1)
        period_label = QLabel(translate("PlanEditor", "&Period:"))
        period_label.setBuddy(self.period_combo)
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        top.addWidget(self.new_period_button)
        top.addWidget(self.copy_button)
        status_label = QLabel(translate("PlanEditor", "Status:"))
        status_label.setBuddy(self.status_combo)
        top.addSpacing(12)
        top.addWidget(status_label)
        top.addWidget(self.status_combo)
        owner_label = QLabel(translate("PlanEditor", "&Owner:"))
        owner_label.setBuddy(self.owner_edit)
        top.addWidget(owner_label)
        top.addWidget(self.owner_edit)

        # Shown instead of the tabs while the customer has no plan at all.
        self.banner = QFrame()
        self.banner.setObjectName("noPlanBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(translate("PlanEditor", 
            "This customer has no account plan yet. A new plan is pre-filled from the data: "
            "the situation, the method's strategies for the customer's tier, objectives with "
            "today's baselines and the risks the figures show."))
        self.banner_text.setWordWrap(True)
        self.banner_period = QLineEdit()
        self.banner_period.setObjectName("bannerPeriod")
        self.banner_period.setMaximumWidth(120)
        self.banner_period.setPlaceholderText("2027 / 2027-H1 / 2027-Q1")
        self.create_button = QPushButton(icon("plan"), translate("PlanEditor", "Create plan"))
        self.create_button.setObjectName("createPlanButton")
        self.create_button.clicked.connect(
            lambda: self.create_period(self.banner_period.text()))
        self.banner_period.returnPressed.connect(self.create_button.click)
        b = QVBoxLayout(self.banner)
        b.addWidget(self.banner_text)
        row = QHBoxLayout()
        lab = QLabel(translate("PlanEditor", "Period:"))
        lab.setBuddy(self.banner_period)
        row.addWidget(lab)
        row.addWidget(self.banner_period)
        row.addWidget(self.create_button)
        row.addStretch(1)
        b.addLayout(row)
        b.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setObjectName("planError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {GAP_COLOUR}; font-weight: bold;")
        self.error_label.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("planTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._situation_tab(), translate("PlanEditor", "Situation"))
        self.tabs.addTab(self._swot_tab(), translate("PlanEditor", "SWOT"))
        self.tabs.addTab(self._objectives_tab(), translate("PlanEditor", "Objectives"))
        self.tabs.addTab(self._strategies_tab(), translate("PlanEditor", "Strategies"))
        self.tabs.addTab(self._actions_tab(), translate("PlanEditor", "Action plan"))
        self.tabs.addTab(self._stakeholders_tab(), translate("PlanEditor", "Stakeholders"))
        self.tabs.addTab(self._opportunities_tab(), translate("PlanEditor", "Opportunities && resources"))
        self.tabs.addTab(self._risks_tab(), translate("PlanEditor", "Risks"))

        self.export_button = QPushButton(icon("pdf"), translate("PlanEditor", "Export PDF…"))
        self.export_button.setObjectName("exportPdfButton")
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(translate("PlanEditor", "Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(translate("PlanEditor", "Opens the plan in your PDF viewer to print"))
        self.print_button.clicked.connect(self.print_pdf)
        self.brief_button = QPushButton(icon("visit"), translate("PlanEditor", "Brief PDF…"))
        self.brief_button.setObjectName("briefPdfButton")
        self.brief_button.setToolTip(translate("PlanEditor", "One-page pre-visit brief of this customer"))
        self.brief_button.clicked.connect(self.brief_pdf)
        self.save_button = QPushButton(icon("done"), translate("PlanEditor", "Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(translate("PlanEditor", "Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.brief_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for w in (self.owner_edit,):
            w.textChanged.connect(self._touched)
        self.status_combo.currentIndexChanged.connect(self._touched)
        self.setTabOrder(self.period_combo, self.owner_edit)
        self.setTabOrder(self.owner_edit, self.tabs)

    def _situation_tab(self) -> QWidget:
        w = QWidget()
        self.facts_grid = QGridLayout()
        self.facts_grid.setHorizontalSpacing(18)
        self.fact_labels: dict[str, QLabel] = {}
        names = (("tier", translate("PlanEditor", "Value tier")), ("activity", translate("PlanEditor", "Activity")),
                 ("health", translate("PlanEditor", "Health")), ("revenue", translate("PlanEditor", "Revenue, 12 months")),
                 ("trend", translate("PlanEditor", "Trend vs prior 12 months")),
                 ("wallet", translate("PlanEditor", "Share of wallet")),
                 ("interactions", translate("PlanEditor", "Interactions, 12 months")),
                 ("complaints", translate("PlanEditor", "Open complaints")),
                 ("nps", translate("PlanEditor", "Latest NPS")), ("csat", translate("PlanEditor", "Latest CSAT")))
        for i, (key, caption) in enumerate(names):
            cap = QLabel(caption)
            cap.setStyleSheet("color: palette(mid);")
            val = QLabel()
            val.setObjectName(f"fact_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            vf = val.font()
            vf.setBold(True)
            val.setFont(vf)
            self.fact_labels[key] = val
            row, col = divmod(i, 5)
            self.facts_grid.addWidget(cap, row * 2, col)
            self.facts_grid.addWidget(val, row * 2 + 1, col)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("healthReasons")
        self.reasons_label.setWordWrap(True)
        self.summary_edit = _text_box("summaryEdit", translate("PlanEditor", "The situation in a few sentences"),
                                      140)
        self.refill_button = QPushButton(translate("PlanEditor", "Write from the data"))
        self.refill_button.setObjectName("refillSummaryButton")
        self.refill_button.setToolTip(
            translate("PlanEditor", "Replace the summary with one written from today's figures"))
        self.refill_button.clicked.connect(self.refill_summary)
        lay = QVBoxLayout(w)
        lay.addLayout(self.facts_grid)
        lay.addWidget(self.reasons_label)
        head = QHBoxLayout()
        lab = QLabel("<b>" + translate("PlanEditor", "Situation summary") + "</b>")
        lab.setBuddy(self.summary_edit)
        head.addWidget(lab)
        head.addStretch(1)
        head.addWidget(self.refill_button)
        lay.addLayout(head)
        lay.addWidget(self.summary_edit, 1)
        self.summary_edit.textChanged.connect(self._touched)
        return w

    def _swot_tab(self) -> QWidget:
        w = QWidget()
        hint = translate("PlanEditor", "One item a line")
        self.strengths_edit = _text_box("strengthsEdit", hint)
        self.weaknesses_edit = _text_box("weaknessesEdit", hint)
        self.swot_opps_edit = _text_box("swotOpportunitiesEdit", hint)
        self.threats_edit = _text_box("threatsEdit", hint)
        grid = QGridLayout(w)
        grid.addWidget(_titled(translate("PlanEditor", "Strengths"), self.strengths_edit), 0, 0)
        grid.addWidget(_titled(translate("PlanEditor", "Weaknesses"), self.weaknesses_edit), 0, 1)
        grid.addWidget(_titled(translate("PlanEditor", "Opportunities"), self.swot_opps_edit), 1, 0)
        grid.addWidget(_titled(translate("PlanEditor", "Threats"), self.threats_edit), 1, 1)
        for e in (self.strengths_edit, self.weaknesses_edit, self.swot_opps_edit,
                  self.threats_edit):
            e.textChanged.connect(self._touched)
        return w

    def _objectives_tab(self) -> QWidget:
        statuses = tuple((c, labels.objective_status(c)) for c in OBJECTIVE_STATUSES)
        self.objectives = RowTable([
            Col("metric", translate("PlanEditor", "Metric"), stretch=True),
            Col("baseline", translate("PlanEditor", "Baseline"), width=130),
            Col("target", translate("PlanEditor", "Target"), width=130),
            Col("due", translate("PlanEditor", "Due"), "date", width=100),
            Col("status", translate("PlanEditor", "Status"), "choice", statuses, width=110,
                colours=(("on_track", GOOD_COLOUR), ("achieved", GOOD_COLOUR),
                         ("at_risk", WARN_COLOUR), ("missed", GAP_COLOUR))),
        ], "objectivesTable", translate("PlanEditor", "Add objective"))
        self.objectives.changed.connect(self._touched)
        w = QWidget()
        lay = QVBoxLayout(w)
        hint = QLabel(translate("PlanEditor", "Objectives are measurable: a metric, where it stands today, "
                              "where it should be and by when."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.objectives, 1)
        return w

    def _strategies_tab(self) -> QWidget:
        w = QWidget()
        self.strategies_edit = _text_box("strategiesEdit", translate("PlanEditor", "One strategy a line"), 200)
        self.strategies_edit.textChanged.connect(self._touched)
        self.reset_strategies_button = QPushButton(translate("PlanEditor", "Use the method's strategies"))
        self.reset_strategies_button.setObjectName("resetStrategiesButton")
        self.reset_strategies_button.clicked.connect(self.reset_strategies)
        self.strategy_hint = QLabel()
        self.strategy_hint.setWordWrap(True)
        lay = QVBoxLayout(w)
        head = QHBoxLayout()
        head.addWidget(self.strategy_hint, 1)
        head.addWidget(self.reset_strategies_button)
        lay.addLayout(head)
        lay.addWidget(self.strategies_edit, 1)
        return w

    def _actions_tab(self) -> QWidget:
        statuses = tuple((c, labels.plan_action_status(c)) for c in ACTION_STATUSES)
        self.actions = RowTable([
            Col("action", translate("PlanEditor", "Action"), stretch=True),
            Col("owner", translate("PlanEditor", "Owner"), width=110),
            Col("due", translate("PlanEditor", "Due"), "date", width=100),
            Col("status", translate("PlanEditor", "Status"), "choice", statuses, width=110,
                colours=(("done", GOOD_COLOUR), ("dropped", "#8c8f94"))),
            Col("task", translate("PlanEditor", "Reminder"), "readonly", width=110),
        ], "actionsTable", translate("PlanEditor", "Add action"))
        self.actions.changed.connect(self._touched)
        self.make_task_button = QPushButton(icon("bell"), translate("PlanEditor", "Make task"))
        self.make_task_button.setObjectName("makeTaskButton")
        self.make_task_button.setToolTip(
            translate("PlanEditor", "Put the selected action on the task list with a reminder"))
        self.make_task_button.clicked.connect(self.make_task)
        self.actions.buttons.insertWidget(4, self.make_task_button)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.actions, 1)
        return w

    def _stakeholders_tab(self) -> QWidget:
        self.people_table = QTableWidget(0, 8)
        self.people_table.setObjectName("stakeholdersTable")
        self.people_table.setHorizontalHeaderLabels([
            translate("PlanEditor", "Name"), translate("PlanEditor", "Title"), translate("PlanEditor", "Decision role"), translate("PlanEditor", "Attitude"),
            translate("PlanEditor", "Influence"), translate("PlanEditor", "Relationship"), translate("PlanEditor", "Last contact"),
            translate("PlanEditor", "Coverage gap")])
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.verticalHeader().setVisible(False)
        self.people_table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate((90, 110, 110, 80, 70, 90, 95)):
            self.people_table.setColumnWidth(i, width)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverageSummary")
        self.coverage_label.setWordWrap(True)
        self.people_notes = _text_box("stakeholderNotesEdit",
                                      translate("PlanEditor", "Notes on the decision chain for this period"), 70)
        self.people_notes.textChanged.connect(self._touched)
        profile = QPushButton(icon("profile"), translate("PlanEditor", "Edit key people in the profile"))
        profile.clicked.connect(lambda: self.ctx.open_customer.emit(self.customer_id))
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.coverage_label)
        lay.addWidget(self.people_table, 2)
        lay.addWidget(_titled(translate("PlanEditor", "Stakeholder notes"), self.people_notes), 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(profile)
        lay.addLayout(row)
        return w

    def _opportunities_tab(self) -> QWidget:
        w = QWidget()
        self.opportunities_edit = _text_box("opportunitiesEdit",
                                            translate("PlanEditor", "One opportunity a line"), 120)
        self.resources_edit = _text_box("resourcesEdit",
                                        translate("PlanEditor", "People, budget, support needed — one a line"),
                                        120)
        for e in (self.opportunities_edit, self.resources_edit):
            e.textChanged.connect(self._touched)
        lay = QVBoxLayout(w)
        lay.addWidget(_titled(translate("PlanEditor", "Business opportunities"), self.opportunities_edit), 1)
        lay.addWidget(_titled(translate("PlanEditor", "Resources needed"), self.resources_edit), 1)
        return w

    def _risks_tab(self) -> QWidget:
        kinds = tuple((c, labels.risk_kind(c)) for c in RISK_KINDS)
        levels = tuple((c, labels.level(c)) for c in ("high", "medium", "low"))
        self.risks = RowTable([
            Col("risk", translate("PlanEditor", "Risk"), width=300),
            Col("kind", translate("PlanEditor", "Type"), "choice", kinds, width=150),
            Col("level", translate("PlanEditor", "Level"), "choice", levels, width=90,
                colours=(("high", GAP_COLOUR), ("medium", WARN_COLOUR))),
            Col("mitigation", translate("PlanEditor", "Mitigation"), stretch=True),
        ], "risksTable", translate("PlanEditor", "Add risk"))
        self.risks.changed.connect(self._touched)
        self.suggest_risks_button = QPushButton(icon("warning"), translate("PlanEditor", "Suggest from data"))
        self.suggest_risks_button.setObjectName("suggestRisksButton")
        self.suggest_risks_button.setToolTip(
            translate("PlanEditor", "Add the risks today's figures show (credit, contacts, contracts …) "
                    "that are not listed yet"))
        self.suggest_risks_button.clicked.connect(self.suggest_risks)
        self.risks.buttons.insertWidget(4, self.suggest_risks_button)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.risks, 1)
        return w

    def _task_text(self, a: ActionItem) -> str:
        if a.task_id is None:
            return ""
        return translate("PlanEditor", "Task done") if a.task_done else translate("PlanEditor", "Task open")

    def _show_facts(self) -> None:
        f = self.facts
        if f is None:
            return
        lang = self.ctx.lang
        trend = f.revenue_trend_pct
        na = translate("PlanEditor", "n/a")
        values = {
            "tier": labels.value_tier(f.value_tier), "activity": labels.activity(f.activity),
            "health": f"{f.health} / 100", "revenue": fmt.money(f.revenue_12m, lang, short=True),
            "trend": na if trend is None else f"{trend:+.1f}%",
            "wallet": na if f.share_of_wallet_pct is None else f"{f.share_of_wallet_pct:.0f}%",
            "interactions": str(f.interactions_12m), "complaints": str(f.open_complaints),
            "nps": na if f.last_nps is None else str(f.last_nps),
            "csat": na if f.last_csat is None else f"{f.last_csat:g} / 5",
        }
        for key, text in values.items():
            self.fact_labels[key].setText(text)
        colour = GOOD_COLOUR if f.health >= 70 else GAP_COLOUR if f.health < 40 else WARN_COLOUR
        self.fact_labels["health"].setStyleSheet(f"color: {colour};")
        reasons = [describe_reason(r, lang) for r in f.health_reasons]
        self.reasons_label.setText(
            (translate("PlanEditor", "Health deductions: %1").replace(
                "%1", ("；" if is_zh(lang) else "; ").join(reasons)))
            if reasons else translate("PlanEditor", "Nothing is deducted from the health score."))
        points = suggest_strategies(f.value_tier, f.activity, lang)
        self.strategy_hint.setText(
            translate("PlanEditor", "The method's strategy for a %1, %2 customer has %3 points.")
            .replace("%1", labels.value_tier(f.value_tier))
            .replace("%2", labels.activity(f.activity)).replace("%3", str(len(points))))

    def _show_people(self, people: Sequence[Stakeholder]) -> None:
        t = self.people_table
        t.setRowCount(0)
        for s in people:
            r = t.rowCount()
            t.insertRow(r)
            cells = (s.name, s.title, labels.decision_role(s.decision_role),
                     labels.attitude(s.attitude), labels.level(s.influence),
                     "●" * s.strength + "○" * (5 - s.strength),
                     fmt.day(s.last_contact) or translate("PlanEditor", "never"), s.gap or "")
            for i, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if i == 7 and s.gap:
                    item.setForeground(QBrush(QColor(GAP_COLOUR)))
                    item.setToolTip(s.gap)
                t.setItem(r, i, item)
        gaps = sum(1 for s in people if s.gap)
        notes = []
        if not any(s.decision_role == "decision_maker" for s in people):
            notes.append(translate("PlanEditor", "No decision maker is on record."))
        if not people:
            notes.append(translate("PlanEditor", "No key people are recorded for this customer."))
        elif gaps:
            notes.append(translate("PlanEditor", "%1 of %2 key people have a coverage gap.")
                         .replace("%1", str(gaps)).replace("%2", str(len(people))))
        else:
            notes.append(translate("PlanEditor", "Every key person is covered."))
        self.coverage_label.setText(" ".join(notes))
