"""An editable table of rows with Add / Remove / Move up / Move down buttons.

The plan editor's objectives, actions and risks are each one; any screen that edits a
short ordered list of small records can use it. Rows go in and come out as plain dicts
(the columns' keys plus whatever else the caller put in, e.g. ``id``), so the table
never holds a store object. Coded columns show words and keep the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QPushButton, QStyledItemDelegate,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kamdesk.ui.icons import icon

__all__ = ["CODE_ROLE", "Col", "RowTable"]

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for coded columns (status, risk type, level): the cell shows the
    word, the stored code rides in CODE_ROLE."""

    def __init__(self, choices: Sequence[tuple[str, str]], colours: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.colours = list(colours)

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for code, text in self.choices:
            combo.addItem(text, code)
        # One click picks: the value is committed as soon as it changes.
        combo.activated.connect(lambda _i: (self.commitData.emit(combo),
                                            self.closeEditor.emit(combo)))
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))
            editor.showPopup()

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            code = editor.currentData()
            model.setData(index, code, CODE_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
            colour = dict(self.colours).get(code)
            model.setData(index, QBrush(QColor(colour)) if colour else None,
                          Qt.ItemDataRole.ForegroundRole)


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text | date | choice | readonly
    choices: tuple[tuple[str, str], ...] = ()  # (code, label)
    width: int = 120
    stretch: bool = False
    colours: tuple[tuple[str, str], ...] = ()  # (code, colour) for coded columns


class RowTable(QWidget):
    """An editable table with Add / Remove / Move up / Move down.

    Rows are plain dicts: the columns' keys plus whatever else the caller put in
    (``id``, ``task_id`` …), which rides along untouched in the first cell's data.
    """

    changed = Signal()

    def __init__(self, columns: Sequence[Col], name: str, add_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        # Rows grow with wrapped text, re-measured whenever the columns change width: a
        # table on a hidden tab is first laid out far narrower than it will be shown.
        self.table.verticalHeader().setMinimumSectionSize(28)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.table.resizeRowsToContents)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda *_a: self._fit_timer.start())
        for i, c in enumerate(self.columns):
            if c.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, c.width)
            if c.kind == "choice":
                self.table.setItemDelegateForColumn(i, _ChoiceDelegate(c.choices, c.colours,
                                                                       self.table))
        self.table.itemChanged.connect(lambda _item: (self.changed.emit(),
                                                      self._fit_timer.start()))

        self.add_button = QPushButton(icon("edit"), add_text)
        self.add_button.setObjectName(name + "Add")
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"))
        self.remove_button.setObjectName(name + "Remove")
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- rows in and out -----------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self.table.blockSignals(False)
        self._fit_timer.start()
        self._update_buttons()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def _append(self, row: dict[str, Any]) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        extra = {k: v for k, v in row.items() if k not in {c.key for c in self.columns}}
        for i, c in enumerate(self.columns):
            value = row.get(c.key)
            if c.kind == "choice":
                item = QTableWidgetItem(dict(c.choices).get(value, str(value or "")))
                item.setData(CODE_ROLE, value)
                self._colour(item, c, value)
            else:
                text = value.isoformat() if isinstance(value, date) else str(value or "")
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 20 else "")
                if c.kind == "readonly":
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if c.kind == "date":
                    item.setToolTip(self.tr("YYYY-MM-DD, empty if none"))
            if i == 0:
                item.setData(Qt.ItemDataRole.UserRole, extra)
            self.table.setItem(r, i, item)
        return r

    @staticmethod
    def _colour(item: QTableWidgetItem, c: Col, value: Any) -> None:
        colour = dict(c.colours).get(value)
        item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            row: dict[str, Any] = dict(first.data(Qt.ItemDataRole.UserRole) or {}) if first else {}
            for i, c in enumerate(self.columns):
                if c.kind == "choice":
                    item = self.table.item(r, i)
                    row[c.key] = item.data(CODE_ROLE) if item else None
                else:
                    item = self.table.item(r, i)
                    row[c.key] = item.text().strip() if item else ""
            out.append(row)
        return out

    def snapshot(self) -> tuple[Any, ...]:
        return tuple(tuple(sorted((k, str(v)) for k, v in row.items())) for row in self.rows())

    def set_value(self, r: int, key: str, value: Any) -> None:
        """Set one cell as if typed or picked (a code for coded columns)."""
        i = [c.key for c in self.columns].index(key)
        c = self.columns[i]
        item = self.table.item(r, i)
        if item is None:
            return
        if c.kind == "choice":
            item.setData(CODE_ROLE, value)
            item.setText(dict(c.choices).get(value, str(value)))
            self._colour(item, c, value)
        else:
            item.setText(value.isoformat() if isinstance(value, date) else str(value or ""))

    # -- editing -------------------------------------------------------------------
    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentRow()

    def add_row(self, values: dict[str, Any] | None = None, edit: bool = False) -> int:
        row = {"id": None}
        for c in self.columns:
            if c.kind == "choice" and c.choices:
                row[c.key] = c.choices[0][0]
        row.update(values or {})
        self.table.blockSignals(True)
        r = self._append(row)
        self.table.blockSignals(False)
        self.table.selectRow(r)
        self.table.setCurrentCell(r, 0)
        if edit:
            self.table.setFocus()
            self.table.editItem(self.table.item(r, 0))
        self.changed.emit()
        self._update_buttons()
        return r

    def remove_selected(self) -> None:
        r = self.current_row()
        if r < 0:
            return
        self.table.removeRow(r)
        if self.table.rowCount():
            self.table.selectRow(min(r, self.table.rowCount() - 1))
        self.changed.emit()
        self._update_buttons()

    def move_selected(self, delta: int) -> None:
        r = self.current_row()
        rows = self.rows()
        j = r + delta
        if r < 0 or not 0 <= j < len(rows):
            return
        rows.insert(j, rows.pop(r))
        self.set_rows(rows)
        self.table.selectRow(j)
        self.changed.emit()

    def select(self, r: int, column: int = 0) -> None:
        if 0 <= r < self.table.rowCount():
            self.table.selectRow(r)
            self.table.setCurrentCell(r, column)

    def _update_buttons(self) -> None:
        r = self.current_row()
        has = 0 <= r < self.table.rowCount()
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and r > 0)
        self.down_button.setEnabled(has and r < self.table.rowCount() - 1)
