"""An ordered list of short names the user keeps by hand (the product lines they sell).

Add, rename (double-click or F2), remove (Delete; Ctrl+Z brings the last removal back)
and move up or down. Nothing is saved here: the dialog that holds the editor reads
:meth:`NameListEditor.names` when the user saves, so Cancel discards every edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from kamdesk.ui.icons import icon

__all__ = ["NameListEditor"]

_EDITABLE = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
             | Qt.ItemFlag.ItemIsEditable)


class NameListEditor(QWidget):
    # emitted after any edit (add, rename, remove, move, undo)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, name: str = "nameList") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.list = QListWidget()
        self.list.setObjectName(name + "Items")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._removed: list[tuple[int, str]] = []

        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(name + "Add")
        self.rename_button = QPushButton(icon("edit"), self.tr("Rename"))
        self.rename_button.setObjectName(name + "Rename")
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"))
        self.remove_button.setObjectName(name + "Remove")
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName(name + "Up")
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName(name + "Down")
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo remove"))
        self.undo_button.setObjectName(name + "Undo")
        self.add_button.clicked.connect(lambda: self.add_name())
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.undo_button.clicked.connect(self.undo_remove)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list,
                  self.remove_current, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self,
                  self.undo_remove, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        buttons = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.remove_button, self.up_button,
                  self.down_button, self.undo_button):
            b.setAutoDefault(False)  # Enter saves the dialog, whichever button has focus
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shortcuts only fire in the active window; a key the list passes up still
        # does its job (as in the contact log).
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_remove()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Delete):
            self.remove_current()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- values ----------------------------------------------------------------------
    def names(self) -> list[str]:
        """The names in order, as typed (trimmed); blanks are left out."""
        out = []
        for i in range(self.list.count()):
            text = " ".join(self.list.item(i).text().split())
            if text:
                out.append(text)
        return out

    def set_names(self, names: list[str] | tuple[str, ...]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            self.list.addItem(self._item(name))
        self.list.blockSignals(False)
        self._removed.clear()
        self._update_buttons()

    @staticmethod
    def _item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(_EDITABLE)
        return item

    # -- edits -----------------------------------------------------------------------
    def add_name(self, text: str = "") -> None:
        """Append a row and start editing it (``text`` pre-filled, for tests and scripts)."""
        item = self._item(text)
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        if not text:
            self.list.editItem(item)
        self.changed.emit()
        self._update_buttons()

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        item = self.list.takeItem(row)
        self._removed.append((row, item.text()))
        self.changed.emit()
        self._update_buttons()

    def undo_remove(self) -> None:
        if not self._removed:
            return
        row, text = self._removed.pop()
        item = self._item(text)
        self.list.insertItem(min(row, self.list.count()), item)
        self.list.setCurrentItem(item)
        self.changed.emit()
        self._update_buttons()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.rename_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)
        self.undo_button.setEnabled(bool(self._removed))
