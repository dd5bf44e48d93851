"""The Reports screen: the review a manager does with the data (数据复盘), by month,
quarter or year.

A period picker (the current month by default, the period before shown for comparison)
and one tile per KPI of :data:`kamdesk.domain.review_kpis.KPI_CODES`, grouped
(satisfaction, customers, money, service, events, cadence): the value, the user's target,
the change against the previous period and the trend of the last twelve periods. A
click on a tile lists the customers behind the figure; a double-click there opens the
profile. The figures are read off the UI thread (a whole book takes seconds); a read
that was overtaken by a newer period is discarded. Definitions: ``docs/kpis.md``.
Account plans have their own screen (``kamdesk.ui.plans``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.kpi_texts import KPI_GROUPS, group_name
from kamdesk.domain.review_kpis import KPI_CODES, Review
from kamdesk.domain.review_periods import PERIOD_KINDS, Period, PeriodKind, period_containing
from kamdesk.store.queries.kpi_drill_down import DrillRow, drill_down
from kamdesk.store.queries.kpi_review import Trend, review_and_trend
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import read_in_background
from kamdesk.ui.pdf_export import export_review_pdf
from kamdesk.ui.reports.drill_dialog import DrillDownDialog
from kamdesk.ui.reports.target_dialog import KpiTargetDialog
from kamdesk.ui.reports.tiles import KpiTile

__all__ = ["REFRESH_ON", "ReportsScreen"]

# tiles in a row of the grid (a group starts a new row; small groups share one)
TILES_PER_ROW = 3
# the tables the review's figures are computed from (targets and tiering settings live
# in app_settings)
REFRESH_ON = frozenset({"customers", "customer_metrics", "trades", "interactions",
                        "survey_responses", "complaints", "events", "event_attendance",
                        "app_settings"})


class ReportsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsScreen")
        self.period: Period = period_containing(ctx.clock.today(), "month")
        self.review: Review | None = None
        self.trend: Trend = {}
        self.drill_dialog: DrillDownDialog | None = None
        self.target_dialog: KpiTargetDialog | None = None
        self._stale = True
        self._reads = 0  # the number of the latest read; older answers are dropped
        self._pending = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.addLayout(self._build_bar())
        scroll = QScrollArea()
        scroll.setObjectName("reportsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._build_tiles())
        layout.addWidget(scroll, 1)
        self._show_period()
        ctx.changed.connect(self._on_changed)

    # -- building ----------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        self.title = QLabel()
        self.title.setObjectName("reviewTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("periodKind")
        words = {"month": self.tr("Month"), "quarter": self.tr("Quarter"),
                 "year": self.tr("Year")}
        for kind in PERIOD_KINDS:
            self.kind_combo.addItem(words[kind], kind)
        self.kind_combo.setToolTip(self.tr("Review by month, quarter or year"))
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.prev_button = QToolButton()
        self.prev_button.setObjectName("periodPrevious")
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.prev_button.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.next_button = QToolButton()
        self.next_button.setObjectName("periodNext")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next period"))
        self.next_button.clicked.connect(lambda: self.set_period(self.period.next()))
        self.current_button = QPushButton(self.tr("Current"))
        self.current_button.setObjectName("periodCurrent")
        self.current_button.setToolTip(self.tr("The period that holds today"))
        self.current_button.clicked.connect(
            lambda: self.set_period(period_containing(self.ctx.clock.today(),
                                                      self.period.kind)))
        self.compare_label = QLabel()
        self.compare_label.setObjectName("reviewCompare")
        self.compare_label.setStyleSheet("color: palette(placeholder-text);")
        self.busy = QProgressBar()
        self.busy.setObjectName("reviewBusy")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(90, 10)
        self.busy.setToolTip(self.tr("Reading the figures…"))
        self.busy.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addSpacing(12)
        bar.addWidget(self.kind_combo)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.current_button)
        bar.addSpacing(8)
        bar.addWidget(self.compare_label)
        self.export_button = QPushButton(self.tr("Export review PDF…"))
        self.export_button.setObjectName("exportReviewPdf")
        self.export_button.setToolTip(self.tr(
            "The review of this period as a PDF: KPI table with targets and changes, trends, "
            "tier movements, complaints and an actions list (月度复盘)"))
        self.export_button.clicked.connect(
            lambda: export_review_pdf(self.ctx, self.period, self))
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addWidget(self.export_button)
        return bar

    def _build_tiles(self) -> QWidget:
        body = QWidget()
        body.setObjectName("reviewTiles")
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.tiles: dict[str, KpiTile] = {}
        self.group_labels: dict[str, QLabel] = {}
        self.note = QLabel()
        self.note.setObjectName("reviewNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.note.setStyleSheet("color: palette(placeholder-text); padding: 8px;")
        note_placed = False
        row, col = 0, 0
        lang = self.ctx.lang
        for group, _en, _zh, codes in KPI_GROUPS:
            if col and col + len(codes) > TILES_PER_ROW:
                if not note_placed:  # the first gap in the grid holds the note
                    grid.addWidget(self.note, row + 1, col, 1, TILES_PER_ROW - col)
                    note_placed = True
                row, col = row + 2, 0
            heading = QLabel(group_name(group, lang))
            heading.setObjectName(f"kpiGroup_{group}")
            f = heading.font()
            f.setBold(True)
            heading.setFont(f)
            heading.setStyleSheet("color: palette(placeholder-text); padding-top: 6px;")
            self.group_labels[group] = heading
            grid.addWidget(heading, row, col, 1, len(codes))
            for code in codes:
                tile = KpiTile(code, lang)
                tile.setMinimumHeight(190)
                tile.target_requested.connect(self.ask_target)
                tile.drill_requested.connect(self.drill)
                self.tiles[code] = tile
                grid.addWidget(tile, row + 1, col)
                col += 1
            if col >= TILES_PER_ROW:
                row, col = row + 2, 0
        if not note_placed:
            grid.addWidget(self.note, row + 2, 0, 1, TILES_PER_ROW)
            row += 1
        for c in range(TILES_PER_ROW):
            grid.setColumnStretch(c, 1)
        grid.setRowStretch(row + 2, 1)
        return body

    # -- the period ----------------------------------------------------------------------
    def set_period(self, period: Period) -> None:
        """Review ``period`` (re-reads the figures)."""
        if period == self.period and self.review is not None:
            return
        self.period = period
        self._show_period()
        self.refresh()

    def _on_kind(self, _index: int) -> None:
        kind: PeriodKind = self.kind_combo.currentData()
        if kind != self.period.kind:
            # the period of the new kind that holds the one shown (or today)
            day = min(self.period.end, self.ctx.clock.today())
            self.set_period(period_containing(max(day, self.period.start), kind))

    def _show_period(self) -> None:
        lang = self.ctx.lang
        self.title.setText(self.tr("Review of %1").replace("%1", self.period.label(lang)))
        self.compare_label.setText(self.tr("compared with %1")
                                   .replace("%1", self.period.previous().label(lang)))
        index = self.kind_combo.findData(self.period.kind)
        if index != self.kind_combo.currentIndex():
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(index)
            self.kind_combo.blockSignals(False)
        today = self.ctx.clock.today()
        self.note.setText(self._note_text(today))
        self.next_button.setEnabled(self.period.end < today)
        self.current_button.setEnabled(today not in self.period)

    def _note_text(self, today: date) -> str:
        """How much of the period the figures cover, and how to use the tiles."""
        p = self.period
        if today < p.start:
            cover = self.tr("This period has not begun: no figures yet.")
        elif today <= p.end:
            cover = (self.tr("The period is under way: figures up to %1 (day %2 of %3), "
                             "compared with the whole of %4.")
                     .replace("%1", today.isoformat())
                     .replace("%2", str((today - p.start).days + 1))
                     .replace("%3", str(p.days))
                     .replace("%4", p.previous().label(self.ctx.lang)))
        else:
            cover = self.tr("Figures for the whole period.")
        return cover + "\n\n" + self.tr(
            "Hover a tile for its definition; click it to list the customers behind the "
            "figure. Targets are yours to set (Set target…); the dashed line on a chart is "
            "the target.")

    # -- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the period's review and trend off the UI thread; the tiles keep their
        figures until the newest read arrives, answers of older reads are dropped."""
        self._stale = False
        self._reads += 1
        number = self._reads
        period = self.period
        self._pending += 1
        self.busy.show()
        read_in_background(self.ctx, review_and_trend, period, self.ctx.clock.today(),
                           parent=self,
                           on_done=lambda result: self._show_review(number, result))

    def is_busy(self) -> bool:
        return self._pending > 0

    def _show_review(self, number: int, result: tuple[Review, Trend]) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self._pending = 0
            self.busy.hide()
        if number != self._reads:
            return  # the user has moved on to another period
        self.review, self.trend = result
        lang = self.ctx.lang
        previous = self.review.previous_period.label(lang)
        for figure in self.review.figures:
            series = self.trend.get(figure.code, [])
            self.tiles[figure.code].show_figure(
                figure, previous, [p.code for p, _v in series], [v for _p, v in series])

    # -- actions -------------------------------------------------------------------------
    def ask_target(self, code: str) -> None:
        """Open the target dialog of KPI ``code``; a saved target is announced and the
        figures are read again."""
        current = None if self.review is None else self.review.figure(code).target
        dlg = KpiTargetDialog(self.ctx, code, current, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.target_dialog = dlg
        dlg.open()

    def drill(self, code: str) -> None:
        """List the customers behind KPI ``code`` in the period (read off the UI thread)."""
        if code not in KPI_CODES:
            return
        period = self.period
        read_in_background(self.ctx, drill_down, code, period, self.ctx.clock.today(),
                           parent=self,
                           on_done=lambda rows: self._show_drill(code, period, rows))

    def _show_drill(self, code: str, period: Period, rows: list[DrillRow]) -> None:
        if period != self.period:
            return
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        dlg = DrillDownDialog(self.ctx, code, period, rows, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.destroyed.connect(lambda *_: self._forget_drill(dlg))
        self.drill_dialog = dlg
        dlg.show()

    def _forget_drill(self, dlg: Any) -> None:
        if self.drill_dialog is dlg:
            self.drill_dialog = None

    # -- refreshing ------------------------------------------------------------------------
    def _on_changed(self, changes: Any) -> None:
        if changes & REFRESH_ON:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
