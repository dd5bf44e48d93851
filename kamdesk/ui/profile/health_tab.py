"""Health and history: the health score taken apart into its reasons, the RFM reading,
and every move between tiers ("moved from active to silent on 2026-10-02"), which is
what a monthly review (数据复盘) looks at first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kamdesk.domain.health import describe
from kamdesk.store.queries.profile import ProfileHeader, TierChangeRow, header, tier_history
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab, health_colour
from kamdesk.ui.profile.header import due_action_text, segment_text
from kamdesk.ui.rows_model import Column, RowsModel, make_table


class HealthTab(ProfileTab):
    TABLES = frozenset({"customer_metrics", "tier_changes", "interactions", "trades",
                        "customers", "people", "complaints", "survey_responses"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("healthTab")

        self.score = QLabel()
        self.score.setObjectName("healthTabScore")
        f = self.score.font()
        f.setPointSizeF(f.pointSizeF() * 2.2)
        f.setBold(True)
        self.score.setFont(f)
        self.reasons = QLabel()
        self.reasons.setObjectName("healthTabReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        explain = QLabel(self.tr("The score starts at 100; each warning sign below takes "
                                 "points off."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #757575;")
        health_box = QGroupBox(self.tr("Relationship health"))
        hb = QGridLayout(health_box)
        hb.addWidget(self.score, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        hb.addWidget(explain, 0, 1)
        hb.addWidget(self.reasons, 1, 1)
        hb.setColumnStretch(1, 1)

        self.figures = QLabel()
        self.figures.setObjectName("healthFigures")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        figures_box = QGroupBox(self.tr("Tiering and RFM"))
        fl = QVBoxLayout(figures_box)
        fl.addWidget(self.figures)

        left = QVBoxLayout()
        left.addWidget(health_box)
        left.addWidget(figures_box)
        left.addStretch(1)

        # One sentence per move, newest first; the date is part of the sentence.
        self.model = RowsModel([
            Column(self.tr("Change"), self._sentence, colour=lambda t: _move_colour(t)),
        ], self)
        self.history = make_table("profileTierHistory", self.model, sortable=False)
        self.history.horizontalHeader().hide()
        self.history_empty = QLabel(self.tr("No tier changes recorded yet. Changes appear here "
                                            "after tiers are recomputed."))
        self.history_empty.setWordWrap(True)
        self.history_empty.setStyleSheet("color: #757575;")
        history_box = QGroupBox(self.tr("Tier history"))
        hl = QVBoxLayout(history_box)
        hl.addWidget(self.history_empty, 0, Qt.AlignmentFlag.AlignTop)
        hl.addWidget(self.history, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 1)
        layout.addWidget(history_box, 1)

    def _sentence(self, t: TierChangeRow) -> str:
        if t.dimension == "value_tier":
            what, name = self.tr("Value tier"), labels.value_tier
        else:
            what, name = self.tr("Activity"), labels.activity
        if t.old_value is None:
            text = self.tr("%1: became %3 on %4")
        else:
            text = self.tr("%1: moved from %2 to %3 on %4")
        return (text.replace("%1", what).replace("%2", name(t.old_value))
                .replace("%3", name(t.new_value)).replace("%4", fmt.day(t.changed_on)))

    def clear(self) -> None:
        self.model.set_rows([])

    def refresh(self) -> None:
        assert self.customer_id is not None
        head = self.ctx.db.read(header, self.customer_id)
        history = self.ctx.db.read(tier_history, self.customer_id)
        self.model.set_rows(history)
        self.history_empty.setVisible(not history)
        self.history.setVisible(bool(history))
        if head is not None:
            self._show_health(head)

    def _show_health(self, h: ProfileHeader) -> None:
        lang = self.ctx.lang
        colour = health_colour(h.health)
        self.score.setText(f"<span style='color:{colour}'>{h.health}</span>"
                           "<span style='color:#9e9e9e; font-size:small'> / 100</span>")
        if h.health_reasons:
            words = [(r.penalty, describe(r, lang)) for r in h.health_reasons]  # type: ignore[arg-type]
            rows = "".join(
                f"<tr><td style='color:#c62828; padding-right:10px' align='right'>"
                f"−{p}</td><td>{_e(text)}</td></tr>" for p, text in words)
            self.reasons.setText(f"<table>{rows}</table>")
        else:
            self.reasons.setText(self.tr("No warning signs."))

        def row(title: str, value: str) -> str:
            return (f"<tr><td style='color:#757575; padding-right:12px'>{_e(title)}</td>"
                    f"<td>{value}</td></tr>")

        seg = segment_text(h.segment, lang)
        rfm = (self.tr("R %1 · F %2 · M %3").replace("%1", str(h.r_score))
               .replace("%2", str(h.f_score)).replace("%3", str(h.m_score))
               if h.r_score else "—")
        revenue = fmt.money(h.revenue_12m_cents, lang)
        if h.revenue_prev_12m_cents:
            revenue += " " + _e(self.tr("(year before: %1)").replace(
                "%1", fmt.money(h.revenue_prev_12m_cents, lang)))
        due = "—"
        if h.next_due_on is not None:
            due = _e(due_action_text(h.due_action, lang)) + " · " + fmt.day(h.next_due_on)
            if h.overdue_days:
                due += (" <span style='color:#c62828'>"
                        + _e(self.tr("%n day(s) overdue", "", h.overdue_days)) + "</span>")
        rows = [
            row(self.tr("Value tier"), _e(labels.value_tier(h.value_tier))),
            row(self.tr("Activity"), _e(labels.activity(h.activity))),
            row(self.tr("Potential"), _e(labels.potential(h.potential))),
            row(self.tr("RFM scores"), _e(rfm)),
            row(self.tr("RFM segment"), _e(seg or "—")),
            row(self.tr("12-month revenue"), revenue),
            row(self.tr("Orders in 12 months"), str(h.orders_12m)),
            row(self.tr("Next touch"), due),
            row(self.tr("Figures computed on"), fmt.day(h.computed_on) or "—"),
        ]
        self.figures.setText("<table cellspacing='2'>" + "".join(rows) + "</table>")


def _move_colour(t: TierChangeRow) -> str | None:
    order = {"A": 0, "B": 1, "C": 2, "active": 0, "silent": 1, "churned": 2}
    if t.old_value is None:
        return None
    old, new = order.get(t.old_value), order.get(t.new_value)
    if old is None or new is None:
        return None
    return "#2e7d32" if new < old else "#c62828" if new > old else None


def _e(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
