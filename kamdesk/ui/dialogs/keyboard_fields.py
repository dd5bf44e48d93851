"""Small keyboard-first fields for forms typed in a hurry (the log-contact dialog, the
contact log filters): combos that jump on a digit or a letter, date edits that Tab leaves
in one keystroke, short notes boxes where Tab moves on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QPlainTextEdit, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3


def error_colour() -> str:
    from kamdesk.ui.theme import is_dark

    return "#ef5350" if is_dark() else "#c62828"


class KeyCombo(QComboBox):
    """Digits pick the item with that number; a letter steps through the items whose
    code or label starts with it (so p = phone and v, v = visit, video even when the
    labels are Chinese)."""

    def add(self, text: str, data: object, key: str = "", code: str = "") -> None:
        self.addItem(text, data)
        self.setItemData(self.count() - 1, key, KEY_ROLE)
        self.setItemData(self.count() - 1, code, CODE_ROLE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if plain and len(text) == 1 and text.isascii() and text.isalnum():
            if self._jump(text.lower()):
                event.accept()
                return
        super().keyPressEvent(event)

    def _jump(self, char: str) -> bool:
        if char.isdigit():
            i = self.findData(char, KEY_ROLE)
            if i >= 0:
                self.setCurrentIndex(i)
                return True
            return False
        n = self.count()
        for step in range(1, n + 1):
            i = (self.currentIndex() + step) % n
            code = str(self.itemData(i, CODE_ROLE) or "").lower()
            label = self.itemText(i).lower()
            if code.startswith(char) or label.startswith(char):
                self.setCurrentIndex(i)
                return True
        return False


class TabOutDateTimeEdit(QDateTimeEdit):
    """Tab leaves the field instead of walking year → month → day → hour → minute;
    the sections are still reachable with the arrow keys, and typing digits fills
    them in order. Five extra Tabs would cost the quick-log path its speed."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


class TabOutDateEdit(QDateEdit):
    __doc__ = TabOutDateTimeEdit.__doc__

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


def notes_edit(name: str) -> QPlainTextEdit:
    """Three lines of notes; Tab leaves instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * 3 + 14)
    return edit

