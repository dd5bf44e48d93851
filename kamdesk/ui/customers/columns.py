"""The customer list's column chooser: a context menu on the header to show or hide
columns, remembered in QSettings as column keys (so a new column in a later build does
not scramble the user's choice), and the defaults that fit a 1366 px screen.

The name column is always shown; hiding the last other column is not allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.model import COL, COLUMNS

SETTINGS_KEY = "customers/visible_columns"
#: shown on first start: together with the sidebar these fit 1366 px without clipping
DEFAULT_VISIBLE = ("code", "name", "industry", "revenue", "tier", "key_contact",
                   "last_interaction", "health", "next_due", "tags")
#: first-run widths (the user's own widths are restored by the window)
DEFAULT_WIDTHS = {"code": 72, "name": 210, "industry": 90, "months": 64, "revenue": 142,
                  "tier": 140, "key_contact": 90, "phone": 115, "need": 110,
                  "last_interaction": 96, "health": 56, "rfm": 50, "next_due": 96,
                  "credit": 130, "owner": 80, "tags": 120}
ALWAYS_SHOWN = "name"


class ColumnChooser(QObject):
    """Owns which columns of ``table`` are visible; ``changed`` after the user picks."""

    changed = Signal()

    def __init__(self, ctx: AppContext, table: QTableView) -> None:
        super().__init__(table)
        self.ctx = ctx
        self.table = table
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        header.setToolTip(self.tr("Right-click to choose the columns"))
        for key, width in DEFAULT_WIDTHS.items():
            table.setColumnWidth(COL[key], width)
        self.menu: QMenu | None = None
        self.apply(self.saved())

    def saved(self) -> tuple[str, ...]:
        raw = self.ctx.settings.value(SETTINGS_KEY)
        if isinstance(raw, str):
            raw = [raw]  # QSettings returns a one-item list as a string
        keys = tuple(k for k in (raw or ()) if isinstance(k, str) and k in COL)
        return keys or DEFAULT_VISIBLE

    def visible(self) -> tuple[str, ...]:
        """The visible column keys in the order shown."""
        header = self.table.horizontalHeader()
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        return tuple(COLUMNS[i][0] for i in order if not header.isSectionHidden(i))

    def apply(self, keys: Iterable[str]) -> None:
        """Show exactly ``keys`` (unknown keys ignored; the name column always)."""
        wanted = {k for k in keys if k in COL} | {ALWAYS_SHOWN}
        header = self.table.horizontalHeader()
        for key, _title in COLUMNS:
            header.setSectionHidden(COL[key], key not in wanted)

    def set_visible(self, keys: Sequence[str]) -> None:
        """Show ``keys``, remember the choice, and say so."""
        self.apply(keys)
        self.ctx.settings.setValue(SETTINGS_KEY, list(self.visible()))
        self.changed.emit()

    def toggle(self, key: str, shown: bool) -> None:
        keys = [k for k in self.visible() if k != key]
        if shown:
            keys.append(key)
        if len(keys) >= 2 or shown:
            self.set_visible(keys)

    def reset(self) -> None:
        self.ctx.settings.remove(SETTINGS_KEY)
        self.apply(DEFAULT_VISIBLE)
        header: QHeaderView = self.table.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.moveSection(header.visualIndex(i), i)
        for key, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(COL[key], width)
        self.changed.emit()

    def build_menu(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("columnChooserMenu")
        model = self.table.model()
        shown = set(self.visible())
        for key, _title in COLUMNS:
            title = str(model.headerData(COL[key], self.table.horizontalHeader().orientation()))
            action = QAction(title, menu)
            action.setObjectName(f"column_{key}")
            action.setCheckable(True)
            action.setChecked(key in shown)
            action.setEnabled(key != ALWAYS_SHOWN)
            action.toggled.connect(lambda on, k=key: self.toggle(k, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Reset columns"))
        reset.setObjectName("columnReset")
        reset.triggered.connect(self.reset)
        self.menu = menu
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.build_menu().popup(header.mapToGlobal(pos))
