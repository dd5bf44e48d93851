"""One small in-memory table model driven by column descriptions (profile tabs, plan list).

Each tab holds at most a few hundred plain rows for one customer, so they are kept in
memory and sorted in Python; what differs between tabs is only how a row reads, which
the columns describe.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kamdesk.ui.contrast import legible

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    right: bool = False
    colour: Callable[[Any], str | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    width: int | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int) -> Any:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # type: ignore[override]
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,  # type: ignore[override]
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            c = col.colour(row)
            return QBrush(legible(c)) if c else None  # readable on either palette
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip is not None:
                return col.tooltip(row)
            text = col.text(row)
            return text if len(text) > 40 else None  # long cells are cut off in the grid
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self._sort = None
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        col = self.columns[column]
        key = col.sort_key or col.text

        def safe(row: Any) -> tuple[bool, Any]:
            v = key(row)
            return (v is None or v == "", v if v is not None else "")

        # Empty cells go last whichever way the column is sorted.
        filled = [r for r in self._rows if not safe(r)[0]]
        empty = [r for r in self._rows if safe(r)[0]]
        filled.sort(key=lambda r: safe(r)[1],
                    reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = filled + empty


def make_table(name: str, model: RowsModel, sortable: bool = True) -> QTableView:
    """A read-only row-selecting table with the app's usual look."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for i, col in enumerate(model.columns):
        if col.width:
            header.resizeSection(i, col.width)
    if sortable:
        # Keep the query's own order until the user clicks a header.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    return view


def selected_row(view: QTableView) -> Any:
    idx = view.currentIndex()
    if not idx.isValid() or not view.selectionModel().isSelected(idx):
        return None
    return idx.data(ROW_ROLE)
