"""Pipeline: deals as cards in stage columns (初步接触 → 方案演示 → 试用体验 → 合同签订).

Dragging a card to another column moves the deal to that stage (recorded with its
date; moving to lost asks why); the column headers show the count, the
probability-weighted value, the conversion to the next stage and the average days a
deal spends in the stage (:func:`kamdesk.domain.pipeline.stage_figures`). The board is
one scroll area; cards are word-wrapped labels, so nothing is clipped; a deal past its
stage target date shows its date in red (and has a reminder task for that day).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.pipeline import OPEN_STAGES, StageFigures, next_stage, stage_figures
from kamdesk.store.ops.opportunities import move_stage
from kamdesk.store.queries.pipeline import (
    PipelineCard,
    customer_of,
    pipeline_cards,
    stage_history,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.contrast import legible, window_colour
from kamdesk.ui.ops import run_op

COLUMNS = ("lead", "first_contact", "demo", "trial", "won", "lost")
MIME = "application/x-kamdesk-opportunity"
#: card edge colours, explained by the legend
COLOURS = {"open": "#1565c0", "late": "#c62828", "won": "#2e7d32", "lost": "#9e9e9e"}
LATE_TEXT = "#c62828"


def card_state(card: PipelineCard, today) -> str:  # type: ignore[no-untyped-def]
    """Which legend colour a card takes: won, lost, late (past its target date), open."""
    if card.stage in ("won", "lost"):
        return card.stage
    if card.stage_target_date is not None and card.stage_target_date < today:
        return "late"
    return "open"


def _label(text: str, *, bold: bool = False, colour: str | None = None) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    style = []
    if bold:
        style.append("font-weight: 600")
    if colour:  # readable on the card and the board, light or dark palette
        style.append(f"color: {legible(legible(colour), window_colour()).name()}")
    if style:
        lab.setStyleSheet("; ".join(style))
    return lab


class CardWidget(QFrame):
    """One deal: customer, title, value, target date, owner (and why it was lost),
    each a word-wrapped line; the full text is also the tooltip."""

    clicked = Signal(object)
    double_clicked = Signal(object)

    def __init__(self, card: PipelineCard, state: str, lang: str, days_tip: str,
                 target_text: str = "%1", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.state = state
        self.opportunity_id = card.id
        self.setObjectName("pipelineCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 6, 6)
        lay.setSpacing(1)
        lines = [card.customer_name, card.title]
        lay.addWidget(_label(card.customer_name, bold=True))
        lay.addWidget(_label(card.title))
        value = card.expected_value_cents or 0
        if value:
            money = fmt.money(value, lang, short=True)
            lay.addWidget(_label(money))
            lines.append(money)
        self.date_label: QLabel | None = None
        if card.stage_target_date and card.stage in OPEN_STAGES:
            day = fmt.day(card.stage_target_date)
            self.date_label = _label(target_text.replace("%1", day),
                                     colour=LATE_TEXT if state == "late" else None)
            lay.addWidget(self.date_label)
            lines.append(day)
        if card.owner:
            lay.addWidget(_label(card.owner, colour="#546e7a"))
            lines.append(card.owner)
        if card.stage == "lost" and card.lost_reason:
            lay.addWidget(_label(card.lost_reason, colour="#616161"))
            lines.append(card.lost_reason)
        self._text = "\n".join(lines)
        self.setToolTip(self._text + "\n" + days_tip)
        self.set_selected(False)

    def text(self) -> str:
        return self._text

    @property
    def late(self) -> bool:
        return self.state == "late"

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        edge = COLOURS[self.state]
        back = "palette(highlight)" if selected else "palette(base)"
        fore = "color: palette(highlighted-text);" if selected else ""
        self.setStyleSheet(
            f"#pipelineCard {{ background: {back}; {fore} border: 1px solid palette(mid); "
            f"border-left: 4px solid {edge}; border-radius: 4px; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.clicked.emit(self)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit(self)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() \
                < QApplication.startDragDistance():
            return
        self._press = None
        data = QMimeData()
        data.setData(MIME, str(self.opportunity_id).encode())
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)


class StageColumn(QFrame):
    """One stage: its header and cards; accepts cards dragged from the other columns."""

    card_dropped = Signal(int, str)  # opportunity id, this column's stage

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"stage_{stage}")
        self.setAcceptDrops(True)
        self.setMinimumWidth(170)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: 600; padding: 4px 2px;")
        self.cards: list[CardWidget] = []
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(4, 4, 4, 4)
        self._lay.setSpacing(6)
        self._lay.addWidget(self.header)
        self._lay.addStretch(1)

    def count(self) -> int:
        return len(self.cards)

    def card(self, row: int) -> CardWidget:
        return self.cards[row]

    def clear(self) -> None:
        for card in self.cards:
            self._lay.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def add(self, card: CardWidget) -> None:
        self._lay.insertWidget(self._lay.count() - 1, card)
        self.cards.append(card)

    def _dragged_id(self, event: QDragEnterEvent | QDropEvent) -> int | None:
        source = event.source()
        if not event.mimeData().hasFormat(MIME) or not isinstance(source, CardWidget):
            return None
        if source.card.stage == self.stage:
            return None
        return int(bytes(event.mimeData().data(MIME).data()).decode())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dragged_id(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        oid = self._dragged_id(event)
        if oid is None:
            event.ignore()
            return
        # The model is the database: move the deal, then every column reloads.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.card_dropped.emit(oid, self.stage)


class PipelineScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pipelineScreen")
        self.selected: CardWidget | None = None
        self.ask_lost_reason = self._ask_lost_reason  # seam for tests
        title = QLabel(self.tr("Pipeline"))
        title.setProperty("role", "title")
        self.summary = QLabel()
        self.summary.setProperty("role", "subtitle")
        self.summary.setWordWrap(True)
        new_btn = QPushButton(self.tr("New opportunity…"))
        new_btn.clicked.connect(self.new_opportunity)
        self.advance_btn = QPushButton(self.tr("Advance to next stage"))
        self.advance_btn.clicked.connect(self.advance_selected)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.advance_btn)
        top.addWidget(new_btn)

        self.columns: dict[str, StageColumn] = {}
        self.headers: dict[str, QLabel] = {}
        board = QWidget()
        board.setObjectName("pipelineBoard")
        row = QHBoxLayout(board)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for stage in COLUMNS:
            col = StageColumn(stage)
            col.card_dropped.connect(self.move)
            col.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            col.customContextMenuRequested.connect(lambda pos, w=col: self._menu(w, pos))
            row.addWidget(col, 1, Qt.AlignmentFlag.AlignTop)
            self.columns[stage] = col
            self.headers[stage] = col.header
        # One scroll area for the whole board, not one per column.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pipelineScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(board)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(self._legend())
        layout.addWidget(self.scroll, 1)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _legend(self) -> QHBoxLayout:
        legend = QHBoxLayout()
        legend.setSpacing(14)
        words = {"open": self.tr("Open, on time"), "late": self.tr("Past its stage target date"),
                 "won": self.tr("Won"), "lost": self.tr("Lost")}
        for state, colour in COLOURS.items():
            chip = QLabel()
            chip.setFixedSize(12, 12)
            chip.setStyleSheet(f"background: {colour}; border-radius: 2px;")
            legend.addWidget(chip)
            legend.addWidget(QLabel(words[state]))
        legend.addStretch(1)
        self.legend_labels = words
        return legend

    # -- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        today = self.ctx.clock.today()
        cards = self.ctx.db.read(pipeline_cards, today)
        figures = stage_figures(self.ctx.db.read(stage_history))
        by_stage: dict[str, list[PipelineCard]] = {s: [] for s in COLUMNS}
        for card in cards:
            by_stage[card.stage].append(card)
        self.selected = None
        open_weighted = 0
        for stage, col in self.columns.items():
            col.clear()
            weighted = 0
            for card in by_stage[stage]:
                weighted += (card.expected_value_cents or 0) * card.probability // 100
                widget = CardWidget(card, card_state(card, today), self.ctx.lang,
                                    self.tr("%n day(s) in this stage", "", card.days_in_stage),
                                    self.tr("Target %1"))
                widget.clicked.connect(self._select)
                widget.double_clicked.connect(self._open_card)
                col.add(widget)
            if stage in OPEN_STAGES:
                open_weighted += weighted
            text = (f"{labels.stage(stage)}  ({len(by_stage[stage])})\n"
                    + self.tr("weighted %1").replace("%1", fmt.money(weighted, self.ctx.lang,
                                                                     short=True)))
            if stage in figures:
                text += "\n" + self._figures_text(figures[stage])
            col.header.setText(text)
            col.header.setToolTip(self._figures_tip(figures.get(stage)))
        self.summary.setText(self.tr("Open pipeline, weighted: %1").replace(
            "%1", fmt.money(open_weighted, self.ctx.lang, short=True)))
        self.advance_btn.setEnabled(False)

    def _figures_text(self, f: StageFigures) -> str:
        conv = "–" if f.conversion is None else f"{f.conversion:.0%}"
        days = "–" if f.average_days is None else f"{f.average_days:.1f}"
        return self.tr("→ next %1 · ⌀ %2 d").replace("%1", conv).replace("%2", days)

    def _figures_tip(self, f: StageFigures | None) -> str:
        if f is None:
            return ""
        return self.tr(
            "Conversion: of the %1 deals that ever reached this stage, %2 went on to a "
            "later stage (the next one or beyond; lost does not count).\n"
            "Average days: the mean time from entering this stage to leaving it, over the "
            "%3 stays that have ended (deals still in the stage are not counted)."
        ).replace("%1", str(f.reached)).replace("%2", str(f.advanced)).replace(
            "%3", str(f.stays))

    # -- selection and moves ----------------------------------------------------------
    def _select(self, card: CardWidget) -> None:
        if self.selected is not None and self.selected is not card:
            self.selected.set_selected(False)
        card.set_selected(True)
        self.selected = card
        self.advance_btn.setEnabled(card.card.stage in OPEN_STAGES)

    def select_card(self, opportunity_id: int) -> bool:
        """Select the card of a deal (what a click does); False when it is not shown."""
        for col in self.columns.values():
            for card in col.cards:
                if card.opportunity_id == opportunity_id:
                    self._select(card)
                    return True
        return False

    def selected_id(self) -> int | None:
        return self.selected.opportunity_id if self.selected is not None else None

    def move(self, opportunity_id: int, stage: str) -> None:
        reason = None
        if stage == "lost":
            reason = self.ask_lost_reason()
            if reason is None:
                return
        if run_op(self.ctx, move_stage, opportunity_id, stage, self.ctx.clock.now(),
                  lost_reason=reason, initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Moved to %1").replace("%1", labels.stage(stage)))

    def _ask_lost_reason(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Lost"),
                                        self.tr("Why was the deal lost?"))
        return text if ok else None

    def advance_selected(self) -> None:
        if self.selected is None:
            return
        nxt = next_stage(self.selected.card.stage)
        if nxt:
            self.move(self.selected.opportunity_id, nxt)

    def new_opportunity(self) -> None:
        from kamdesk.ui.pipeline.dialog import OpportunityDialog

        OpportunityDialog(self.ctx, None, self).exec()

    def _open_card(self, card: CardWidget) -> None:
        from kamdesk.ui.pipeline.dialog import OpportunityDialog

        OpportunityDialog(self.ctx, card.opportunity_id, self).exec()

    def _menu(self, col: StageColumn, pos) -> None:  # type: ignore[no-untyped-def]
        child = col.childAt(pos)
        while child is not None and not isinstance(child, CardWidget):
            child = child.parentWidget()
        if not isinstance(child, CardWidget):
            return
        oid = child.opportunity_id
        menu = QMenu(self)
        for stage in COLUMNS:
            if stage != col.stage:
                menu.addAction(self.tr("Move to %1").replace("%1", labels.stage(stage)),
                               lambda s=stage: self.move(oid, s))
        menu.addSeparator()
        menu.addAction(self.tr("Open customer"), lambda: self._open_customer(oid))
        menu.exec(col.mapToGlobal(pos))

    def _open_customer(self, opportunity_id: int) -> None:
        cid = self.ctx.db.read(customer_of, opportunity_id)
        if cid:
            self.ctx.open_customer.emit(cid)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & {"opportunities", "customers"}:
            self.reload()
