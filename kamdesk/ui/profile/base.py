"""What the profile's tabs have in common.

A tab only queries when it is looked at: opening a profile loads the header and
the visible tab, and a change announced for a hidden tab just marks it stale. A
manager flicking through customers therefore never pays for seven tabs at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from kamdesk.ui.context import AppContext


class ProfileTab(QWidget):
    #: tables whose change makes this tab out of date
    TABLES: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.stale = True

    def set_customer(self, customer_id: int) -> None:
        if customer_id != self.customer_id:
            self.customer_id = customer_id
            self.clear()
        self.stale = True

    def ensure_loaded(self) -> None:
        if self.stale and self.customer_id is not None:
            self.stale = False
            self.refresh()

    def clear(self) -> None:
        """Forget the previous customer's rows (and any undo that belongs to them)."""

    def refresh(self) -> None:
        raise NotImplementedError

    def today(self) -> date:
        return self.ctx.clock.today()

    def now(self) -> datetime:
        return self.ctx.clock.now()


def badge(text: str, background: str, foreground: str = "#ffffff") -> QLabel:
    label = QLabel(text)
    set_badge(label, text, background, foreground)
    return label


def set_badge(label: QLabel, text: str, background: str, foreground: str = "#ffffff") -> None:
    label.setText(text)
    label.setVisible(bool(text))
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {foreground}; border-radius: 9px;"
        " padding: 2px 9px; font-weight: bold; }")


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 1)
    label.setFont(font)
    return label


def health_colour(score: int) -> str:
    return "#2e7d32" if score >= 80 else "#ef6c00" if score >= 50 else "#c62828"


# Calm tier colours: "High value" is good news, so never alarm red (kept for overdue).
TIER_COLOURS = {"A": "#00796b", "B": "#7b5e3b", "C": "#607d8b"}
ACTIVITY_COLOURS = {"active": "#2e7d32", "silent": "#f9a825", "churned": "#6d4c41"}
POTENTIAL_COLOURS = {"high": "#6a1b9a", "medium": "#1565c0", "low": "#78909c"}


def add_delete_and_undo_keys(tab: QWidget, table: QTableView, on_delete: Callable[[], None],
                             on_undo: Callable[[], None]) -> None:
    """Del on the table deletes the selected record, Ctrl+Z anywhere in the tab brings the
    last deleted one back: the same keys on every tab that lists records."""
    undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), tab)
    undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    undo.activated.connect(on_undo)
    delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    delete.setContext(Qt.ShortcutContext.WidgetShortcut)
    delete.activated.connect(on_delete)


def undo_or_delete_key(event: QKeyEvent, on_undo: Callable[[], None],
                       on_delete: Callable[[], None] | None = None) -> bool:
    """For a tab's ``keyPressEvent``: Ctrl+Z (and Del, when ``on_delete`` is given) that
    reach the tab anyway do their job; whether the key was used (accepted).

    Shortcuts only fire in the active window; a key that reaches the tab anyway (an
    inactive window, or the table passing it up) still does its job."""
    if event.matches(QKeySequence.StandardKey.Undo):
        on_undo()
    elif on_delete is not None and event.matches(QKeySequence.StandardKey.Delete):
        on_delete()
    else:
        return False
    event.accept()
    return True


def select_row_with_id(table: QTableView, rows: Iterable[Any], row_id: int) -> bool:
    """Select the table row whose record has ``row_id``; False when it is not listed."""
    for i, r in enumerate(rows):
        if r.id == row_id:
            table.selectRow(i)
            return True
    return False
