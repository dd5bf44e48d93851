"""Pipeline: deals as cards in stage columns (初步接触 → 方案演示 → 试用体验 → 合同签订).

Dragging a card to another column moves the deal to that stage (recorded with its
date); the column headers show the count and the probability-weighted value.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu, QPushButton,
    QVBoxLayout, QWidget,
)

from kamdesk.domain.pipeline import OPEN_STAGES, next_stage
from kamdesk.store.ops.opportunities import move_stage
from kamdesk.store.queries.pipeline import PipelineCard, customer_of, pipeline_cards
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("lead", "first_contact", "demo", "trial", "won", "lost")


class StageList(QListWidget):
    """One stage column; accepts cards dragged from the other columns."""

    card_dropped = Signal(int, str)  # opportunity id, this column's stage

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"stage_{stage}")
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setProperty("role", "board")
        self.setSpacing(2)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def mimeData(self, items):  # type: ignore[no-untyped-def]
        data = QMimeData()
        if items:
            data.setText(str(items[0].data(ID_ROLE)))
        return data

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if isinstance(source, StageList) and source is not self and event.mimeData().hasText():
            # The model is the database: move the deal, then every column reloads.
            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.accept()
            self.card_dropped.emit(int(event.mimeData().text()), self.stage)
            return
        event.ignore()


class PipelineScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pipelineScreen")
        title = QLabel(self.tr("Pipeline"))
        title.setProperty("role", "title")
        self.summary = QLabel()
        self.summary.setProperty("role", "subtitle")
        new_btn = QPushButton(self.tr("New opportunity…"))
        new_btn.clicked.connect(self.new_opportunity)
        self.advance_btn = QPushButton(self.tr("Advance to next stage"))
        self.advance_btn.clicked.connect(self.advance_selected)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.advance_btn)
        top.addWidget(new_btn)

        self.columns: dict[str, StageList] = {}
        self.headers: dict[str, QLabel] = {}
        board = QHBoxLayout()
        board.setSpacing(8)
        for stage in COLUMNS:
            col = QVBoxLayout()
            header = QLabel()
            header.setWordWrap(True)
            header.setStyleSheet("font-weight: 600; padding: 4px 2px;")
            lst = StageList(stage)
            lst.card_dropped.connect(self.move)
            lst.itemDoubleClicked.connect(self._open_item)
            lst.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            lst.customContextMenuRequested.connect(lambda pos, w=lst: self._menu(w, pos))
            lst.itemSelectionChanged.connect(lambda w=lst: self._selected_in(w))
            col.addWidget(header)
            col.addWidget(lst, 1)
            board.addLayout(col, 1)
            self.columns[stage] = lst
            self.headers[stage] = header

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(board, 1)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        today = self.ctx.clock.today()
        cards = self.ctx.db.read(pipeline_cards, today)
        by_stage: dict[str, list[PipelineCard]] = {s: [] for s in COLUMNS}
        for card in cards:
            by_stage[card.stage].append(card)
        open_weighted = 0
        for stage, lst in self.columns.items():
            lst.clear()
            weighted = 0
            for card in by_stage[stage]:
                value = card.expected_value_cents or 0
                weighted += value * card.probability // 100
                lines = [card.customer_name, card.title]
                info = [fmt.money(value, self.ctx.lang, short=True)] if value else []
                if card.stage_target_date:
                    info.append(fmt.day(card.stage_target_date))
                if card.owner:
                    info.append(card.owner)
                lines.append(" · ".join(info))
                item = QListWidgetItem("\n".join(lines))
                item.setData(ID_ROLE, card.id)
                item.setToolTip(self.tr("%n day(s) in this stage", "", card.days_in_stage))
                late = (card.stage in OPEN_STAGES and card.stage_target_date is not None
                        and card.stage_target_date < today)
                if late:
                    item.setForeground(QBrush(QColor("#c62828")))
                lst.addItem(item)
            if stage in OPEN_STAGES:
                open_weighted += weighted
            self.headers[stage].setText(
                f"{labels.stage(stage)}  ({len(by_stage[stage])})\n"
                + self.tr("weighted %1").replace("%1", fmt.money(weighted, self.ctx.lang, short=True)))
        self.summary.setText(self.tr("Open pipeline, weighted: %1").replace(
            "%1", fmt.money(open_weighted, self.ctx.lang, short=True)))
        self.advance_btn.setEnabled(False)

    def selected_id(self) -> int | None:
        for lst in self.columns.values():
            item = lst.currentItem()
            if item is not None and item.isSelected():
                return int(item.data(ID_ROLE))
        return None

    def _selected_in(self, which: StageList) -> None:
        if which.selectedItems():
            for lst in self.columns.values():
                if lst is not which:
                    lst.clearSelection()
        sid = self.selected_id()
        stage = next((s for s, lst in self.columns.items()
                      if lst.currentItem() is not None and lst.currentItem().isSelected()), None)
        self.advance_btn.setEnabled(sid is not None and stage in OPEN_STAGES)

    def move(self, opportunity_id: int, stage: str) -> None:
        if run_op(self.ctx, move_stage, opportunity_id, stage, self.ctx.clock.now(),
                  initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Moved to %1").replace("%1", labels.stage(stage)))

    def advance_selected(self) -> None:
        sid = self.selected_id()
        if sid is None:
            return
        stage = next(s for s, lst in self.columns.items()
                     if lst.currentItem() is not None and lst.currentItem().isSelected())
        nxt = next_stage(stage)
        if nxt:
            self.move(sid, nxt)

    def new_opportunity(self) -> None:
        from kamdesk.ui.pipeline.dialog import OpportunityDialog

        OpportunityDialog(self.ctx, None, self).exec()

    def _open_item(self, item: QListWidgetItem) -> None:
        from kamdesk.ui.pipeline.dialog import OpportunityDialog

        OpportunityDialog(self.ctx, int(item.data(ID_ROLE)), self).exec()

    def _menu(self, lst: StageList, pos) -> None:  # type: ignore[no-untyped-def]
        item = lst.itemAt(pos)
        if item is None:
            return
        oid = int(item.data(ID_ROLE))
        menu = QMenu(self)
        for stage in COLUMNS:
            if stage != lst.stage:
                menu.addAction(self.tr("Move to %1").replace("%1", labels.stage(stage)),
                               lambda s=stage: self.move(oid, s))
        menu.addSeparator()
        menu.addAction(self.tr("Open customer"), lambda: self._open_customer(oid))
        menu.exec(lst.viewport().mapToGlobal(pos))

    def _open_customer(self, opportunity_id: int) -> None:
        cid = self.ctx.db.read(customer_of, opportunity_id)
        if cid:
            self.ctx.open_customer.emit(cid)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & {"opportunities", "customers"}:
            self.reload()
