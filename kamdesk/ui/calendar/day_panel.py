"""The Calendar's side panel: everything on the selected day in one list (not capped
like a grid cell), its lunar date, and buttons to plan a visit or call on it.

It shows what it is given and says what the user did; the screen reads the day and
decides what opening an entry or planning a visit means.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.queries.calendar import CalendarEntry, CalendarPage
from kamdesk.ui.calendar.chips import entry_tooltip
from kamdesk.ui.calendar.kinds import OVERDUE_COLOUR, kind_icon
from kamdesk.ui.icons import icon


class DayPanel(QWidget):
    entry_activated = Signal(object)  # CalendarEntry
    entry_menu = Signal(object, QPoint)  # CalendarEntry, global position
    plan_requested = Signal(str)  # task kind: "visit" or "call"

    def __init__(self, locale: QLocale, zh: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDayPanel")
        self._locale = locale
        self._zh = zh
        self._entries: list[CalendarEntry] = []
        self.day_title = QLabel()
        self.day_title.setObjectName("calendarDayTitle")
        bold = self.day_title.font()
        bold.setBold(True)
        self.day_title.setFont(bold)
        self.day_lunar = QLabel()
        self.day_lunar.setObjectName("calendarDayLunar")
        self.day_list = QListWidget()
        self.day_list.setObjectName("calendarDayList")
        self.day_list.setAccessibleName(self.tr("The day's entries"))
        self.day_list.setIconSize(QSize(16, 16))
        self.day_list.setWordWrap(True)
        self.day_list.setSpacing(2)
        self.day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.day_list.itemActivated.connect(self._item_activated)
        self.day_list.customContextMenuRequested.connect(self._list_menu)
        self.day_empty = QLabel(self.tr("Nothing on this day. Double-click a day or press Enter "
                                        "to plan a task, call or visit."))
        self.day_empty.setWordWrap(True)
        self.day_empty.setObjectName("calendarDayEmpty")
        self.day_empty.setStyleSheet("color: palette(placeholder-text);")
        new_visit = QPushButton(icon("visit"), self.tr("Plan visit…"))
        new_visit.clicked.connect(lambda: self.plan_requested.emit("visit"))
        new_call = QPushButton(icon("phone"), self.tr("Plan call…"))
        new_call.clicked.connect(lambda: self.plan_requested.emit("call"))
        day_buttons = QHBoxLayout()
        day_buttons.addWidget(new_visit)
        day_buttons.addWidget(new_call)
        pl = QVBoxLayout(self)
        pl.setContentsMargins(8, 0, 0, 0)
        pl.addWidget(self.day_title)
        pl.addWidget(self.day_lunar)
        pl.addWidget(self.day_list, 1)
        pl.addWidget(self.day_empty)
        pl.addLayout(day_buttons)

    def entries(self) -> list[CalendarEntry]:
        return list(self._entries)

    def _entry(self, item: QListWidgetItem | None) -> CalendarEntry | None:
        # Items keep an index, not the entry: a Python object inside a QVariant that
        # outlives the interpreter crashes PySide at exit.
        index = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(index, int) and 0 <= index < len(self._entries):
            return self._entries[index]
        return None

    def _lunar_text(self, day: dt.date) -> str:
        from kamdesk.domain.lunar import lunar_label_zh, solar_to_lunar

        try:
            ld = solar_to_lunar(day)
        except Exception:  # noqa: BLE001 - outside lunar_python's range
            return ""
        if self._zh:
            return "农历" + lunar_label_zh(ld.month, ld.day, ld.leap)
        return self.tr("Lunar %1").replace(
            "%1", f"{'leap ' if ld.leap else ''}{ld.month}/{ld.day}")

    def show_day(self, day: dt.date, page: CalendarPage, lunar: bool) -> None:
        """Show ``day`` with the entries of ``page`` (a page of that one day)."""
        qd = QDate(day.year, day.month, day.day)
        self.day_title.setText(self._locale.toString(
            qd, "yyyy年M月d日 dddd" if self._zh else "dddd, d MMMM yyyy"))
        lunar_text = self._lunar_text(day) if lunar else ""
        self.day_lunar.setText(lunar_text)
        self.day_lunar.setVisible(bool(lunar_text))
        entries = page.entries
        self._entries = list(entries)
        self.day_list.clear()
        for index, e in enumerate(entries):
            first = f"{e.start:%H:%M}  {e.title}" if isinstance(e.start, dt.datetime) else e.title
            second = " ".join(x for x in (e.customer_code, e.customer_name) if x)
            if e.detail and e.kind in ("key_date", "renewal"):
                second = " · ".join(x for x in (second, e.detail) if x)
            item = QListWidgetItem(kind_icon(e.kind), first + (f"\n{second}" if second else ""))
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(entry_tooltip(e))
            if e.done:
                f = item.font()
                f.setStrikeOut(True)
                item.setFont(f)
                item.setForeground(self.palette().placeholderText())
            elif e.overdue:
                item.setForeground(QColor(OVERDUE_COLOUR))
            elif e.level in LEVEL_COLOURS:
                item.setForeground(QColor(LEVEL_COLOURS[e.level]))
            self.day_list.addItem(item)
        hidden = page.hidden(day)
        if hidden:
            more = QListWidgetItem(self.tr("%1 more not listed — narrow the kinds or pick a "
                                           "customer").replace("%1", str(hidden)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.day_list.addItem(more)
        self.day_list.setVisible(bool(entries))
        self.day_empty.setVisible(not entries)

    def _item_activated(self, item: QListWidgetItem) -> None:
        entry = self._entry(item)
        if entry is not None:
            self.entry_activated.emit(entry)

    def _list_menu(self, pos: QPoint) -> None:
        entry = self._entry(self.day_list.itemAt(pos))
        if entry is not None:
            self.entry_menu.emit(entry, self.day_list.viewport().mapToGlobal(pos))
