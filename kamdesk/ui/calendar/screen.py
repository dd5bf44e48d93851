"""The Calendar screen: month grid or week agenda, the selected day's full list, kind
and customer filters, lunar dates, and export to .ics.

Tasks move by drag-and-drop between days or with "Move to…"; key dates and renewals
open the customer, because that is where they are changed; a complaint's response
deadline (amber near it, red past it) opens the complaint.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDate, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter, QToolButton,
    QVBoxLayout, QWidget,
)

from kamdesk.domain.vocab import is_zh
from kamdesk.store.queries.calendar import KINDS, TASK_KINDS, CalendarEntry, CalendarPage
from kamdesk.store.queries.calendar import calendar_page, complete_day, grid_page
from kamdesk.store.ops import tasks as task_ops
from kamdesk.ui import labels
from kamdesk.ui.calendar.date_picker import pick_date
from kamdesk.ui.calendar.day_panel import DayPanel
from kamdesk.ui.calendar.grid import CalendarGrid
from kamdesk.ui.calendar.ics_export import CalendarExport
from kamdesk.ui.calendar.kinds import KIND_COLOURS, kind_icon
from kamdesk.ui.calendar.prefetch import MonthPrefetch
from kamdesk.ui.calendar.ranges import range_title, stepped, visible_range
from kamdesk.ui.calendar.task_dialog import TaskDialog
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.complaint_entry import show_complaint
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.widgets.customer_picker import CustomerPicker

REFRESH_ON = {"tasks", "key_dates", "customers", "customer_metrics", "contracts", "complaints",
              "events", "event_attendance", "people"}
# Per day and kind: enough to fill the tallest cell; the rest is "+N more" and the
# day list. Keeps a 100k-customer month at a few hundred rows.
MONTH_LIMIT = 8
WEEK_LIMIT = 40
DAY_LIMIT = 200


def _to_date(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


class CalendarScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("calendarScreen")
        self._zh = is_zh(ctx.lang)
        self._locale = QLocale(QLocale.Language.Chinese if self._zh else QLocale.Language.English)
        today = ctx.clock.today()
        self._anchor = today
        self._selected = today
        self._dirty = True
        self._entries: list[CalendarEntry] = []
        self._month_page: CalendarPage | None = None
        self.prefetch = MonthPrefetch(ctx, self)
        self.task_dialog: TaskDialog | None = None
        # Seams for tests: the file and date choosers are modal and OS-dependent.
        self.exporter = CalendarExport(ctx, self)
        self.ask_save_path = self.exporter.ask_save_path
        self.ask_date = pick_date

        s = ctx.settings
        self._view = str(s.value("calendar/view", "month"))
        lunar_default = "true" if self._zh else "false"
        lunar_on = str(s.value("calendar/lunar", lunar_default)).lower() == "true"
        saved_kinds = s.value("calendar/kinds", None)
        kinds = ([str(k) for k in saved_kinds] if isinstance(saved_kinds, list) else
                 [str(saved_kinds)] if isinstance(saved_kinds, str) and saved_kinds else
                 list(KINDS))
        self._kinds = [k for k in KINDS if k in kinds] if saved_kinds is not None else list(KINDS)

        # -- row 1: navigation, view, lunar, actions ---------------------------------
        self.prev_button = QToolButton()
        self.prev_button.setObjectName("calendarPrev")
        self.prev_button.setIcon(icon("chevron-left"))
        self.prev_button.setToolTip(self.tr("Previous (Page Up)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setObjectName("calendarNext")
        self.next_button.setIcon(icon("chevron-right"))
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("calendarToday")
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)

        self.month_button = QToolButton()
        self.month_button.setObjectName("calendarMonthView")
        self.month_button.setText(self.tr("Month"))
        self.week_button = QToolButton()
        self.week_button.setObjectName("calendarWeekView")
        self.week_button.setText(self.tr("Week"))
        self._view_group = QButtonGroup(self)
        for b in (self.month_button, self.week_button):
            b.setCheckable(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._view_group.addButton(b)
        (self.week_button if self._view == "week" else self.month_button).setChecked(True)
        self._view_group.buttonClicked.connect(self._view_clicked)

        self.lunar = QCheckBox(self.tr("Lunar dates"))
        self.lunar.setObjectName("lunarToggle")
        self.lunar.setToolTip(self.tr("Show the Chinese lunar date or festival under each day"))
        self.lunar.setChecked(lunar_on)
        self.lunar.toggled.connect(self._lunar_toggled)

        # The button is short (the row must fit a 1000-pixel window); its menu says it all.
        self.export_button = QToolButton()
        self.export_button.setObjectName("calendarExport")
        self.export_button.setIcon(icon("export"))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Export to calendar (.ics)…"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_all_action = export_menu.addAction(
            icon("export"), self.tr("Export to calendar (.ics)…"))
        self.export_all_action.setObjectName("actionExportIcs")
        self.export_all_action.triggered.connect(lambda: self.export_ical(False))
        self.export_customer_action = export_menu.addAction(
            self.tr("Export the selected customer (.ics)…"))
        self.export_customer_action.setObjectName("actionExportCustomerIcs")
        self.export_customer_action.triggered.connect(lambda: self.export_ical(True))
        self.export_button.setMenu(export_menu)

        self.new_button = QPushButton(icon("task"), self.tr("New task…"))
        self.new_button.setObjectName("calendarNewTask")
        self.new_button.clicked.connect(lambda: self.create_task(self._selected))

        row1 = QHBoxLayout()
        row1.setSpacing(6)
        row1.addWidget(self.prev_button)
        row1.addWidget(self.today_button)
        row1.addWidget(self.next_button)
        row1.addSpacing(8)
        row1.addWidget(self.title)
        row1.addStretch(1)
        row1.addWidget(self.month_button)
        row1.addWidget(self.week_button)
        row1.addSpacing(8)
        row1.addWidget(self.lunar)
        row1.addSpacing(8)
        row1.addWidget(self.export_button)
        row1.addWidget(self.new_button)

        # -- row 2: kind chips (filter and legend in one) and the customer filter ------
        row2 = QHBoxLayout()
        row2.setSpacing(4)
        self.kind_buttons: dict[str, QToolButton] = {}
        for kind in KINDS:
            b = QToolButton()
            b.setObjectName(f"kindFilter_{kind}")
            b.setCheckable(True)
            b.setChecked(kind in self._kinds)
            b.setIcon(kind_icon(kind))
            b.setIconSize(QSize(14, 14))
            b.setText(labels.calendar_entry_kind(kind))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setToolTip(self.tr("Show or hide this kind"))
            colour = QColor(KIND_COLOURS[kind])
            tint = QColor(colour)
            tint.setAlpha(40)
            b.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 10px;"
                " padding: 1px 6px 1px 4px; }"
                f" QToolButton:checked {{ border: 1px solid {colour.name()};"
                f" background: rgba({tint.red()},{tint.green()},{tint.blue()},{tint.alpha()}); }}"
                " QToolButton:!checked { color: palette(placeholder-text); }")
            b.toggled.connect(self._kinds_changed)
            self.kind_buttons[kind] = b
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addSpacing(8)
        # Empty means all customers; a pick narrows the calendar at once.
        self.customer = CustomerPicker(ctx, advance_on_pick=False)
        self.customer.setObjectName("calendarCustomer")
        self.customer.setPlaceholderText(self.tr("All customers (type to filter)"))
        self.customer.setMinimumWidth(180)
        self.customer.setMaximumWidth(280)
        self.customer.customer_changed.connect(self._customer_changed)
        row2.addWidget(self.customer)

        # -- body: grid | day list ---------------------------------------------------------
        self.grid = CalendarGrid()
        names = [self._locale.dayName(i, QLocale.FormatType.ShortFormat) for i in range(1, 8)]
        self.grid.set_texts(names, self.tr("+%1 more"))
        self.grid.set_lunar(lunar_on, ctx.lang)
        self.grid.entry_activated.connect(self.open_entry)
        self.grid.entry_menu.connect(self._entry_menu)
        self.grid.day_selected.connect(self.select_day)
        self.grid.day_activated.connect(self.create_task)
        self.grid.day_menu.connect(self._day_menu)
        self.grid.more_clicked.connect(self.select_day)
        self.grid.task_dropped.connect(self._task_dropped)

        self.day_panel = DayPanel(self._locale, self._zh)
        self.day_panel.entry_activated.connect(self.open_entry)
        self.day_panel.entry_menu.connect(self._entry_menu)
        self.day_panel.plan_requested.connect(lambda kind: self.create_task(self._selected, kind))
        self.day_list = self.day_panel.day_list

        self.splitter = QSplitter()
        self.splitter.setObjectName("calendarSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.day_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([900, 280])
        saved = s.value("calendar/splitter")
        if isinstance(saved, QByteArray):
            self.splitter.restoreState(saved)
        self.splitter.splitterMoved.connect(
            lambda *_: s.setValue("calendar/splitter", self.splitter.saveState()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.splitter, 1)

        for keys, fn in (("PgUp", lambda: self.step(-1)), ("PgDown", lambda: self.step(1)),
                         ("Ctrl+T", self.go_today)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self.refresh(force=True)

    # -- range -------------------------------------------------------------------------
    @property
    def view(self) -> str:
        return self._view

    def visible_range(self, anchor: dt.date | None = None
                      ) -> tuple[dt.date, dt.date, int, int | None]:
        """(first day, last day, weeks, month shown) of the grid (around ``anchor``)."""
        return visible_range(self._view, self._anchor if anchor is None else anchor)

    def set_view(self, view: str) -> None:
        self._view = "week" if view == "week" else "month"
        (self.week_button if self._view == "week" else self.month_button).setChecked(True)
        self._anchor = self._selected
        self.ctx.settings.setValue("calendar/view", self._view)
        self.refresh(force=True)

    def _stepped(self, n: int) -> tuple[dt.date, dt.date]:
        return stepped(self._view, self._anchor, self._selected, n)

    def step(self, n: int) -> None:
        self._anchor, self._selected = self._stepped(n)
        self.refresh(force=True)

    def go_today(self) -> None:
        self._anchor = self._selected = self.ctx.clock.today()
        self.refresh(force=True)

    def go_to(self, day: dt.date) -> None:
        self._anchor = self._selected = day
        self.refresh(force=True)

    def _view_clicked(self, button) -> None:  # type: ignore[no-untyped-def]
        self.set_view("week" if button is self.week_button else "month")

    def _lunar_toggled(self, on: bool) -> None:
        self.ctx.settings.setValue("calendar/lunar", "true" if on else "false")
        self.grid.set_lunar(on, self.ctx.lang)
        self._fill_day_panel()

    def _kinds_changed(self, *_args: object) -> None:
        self._kinds = [k for k, b in self.kind_buttons.items() if b.isChecked()]
        self.ctx.settings.setValue("calendar/kinds", self._kinds or [""])
        self.refresh(force=True)

    def set_kinds(self, kinds: list[str]) -> None:
        for kind, b in self.kind_buttons.items():
            b.blockSignals(True)
            b.setChecked(kind in kinds)
            b.blockSignals(False)
        self._kinds_changed()

    def _customer_changed(self, _cid: object) -> None:
        self.export_customer_action.setEnabled(self.customer.customer_id is not None)
        self.refresh(force=True)

    def current_customer_id(self) -> int | None:
        """The main window preselects this customer for "Log contact"."""
        return self.customer.customer_id

    # -- data --------------------------------------------------------------------------
    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & REFRESH_ON:
            self.prefetch.invalidate(tables)
            self._dirty = True
            if self.isVisible():
                self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            # Now, before the first paint: a paint of the stale month and another of the
            # new one would cost two grid paints and flash the old month.
            self._refresh_timer.stop()
            self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Re-read the visible range; skipped while hidden (done on the next show)."""
        if not force and not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        first, last, weeks, month = self.visible_range()
        now = self.ctx.clock.now()
        # One read (one query per source) for the grid and the day panel: the selected
        # day is read to the panel's limit and trimmed to the cell's for the grid. The
        # neighbours are read in the background, so a step finds its page ready.
        key, kwargs = self._page_request(self._anchor, self._selected)
        page = self.prefetch.take(key, now) or self.ctx.db.read(
            calendar_page, reuse=self.prefetch.parts(key, now), **kwargs)
        self.prefetch.keep(key, page)
        self.prefetch.want([self._page_request(*self._stepped(n)) for n in (1, -1)])
        self._month_page, grid = page, grid_page(page, WEEK_LIMIT if weeks == 1 else MONTH_LIMIT)
        self._entries = grid.entries
        self.grid.set_view(first, weeks, month)
        self.grid.set_today(now.date())
        self.grid.set_entries(grid.entries, grid.totals)
        self.grid.set_selected(page.full_day)
        self.title.setText(range_title(self._locale, self._zh, self._anchor.year, first, last,
                                       month))
        self.export_customer_action.setEnabled(self.customer.customer_id is not None)
        self._fill_day_panel()

    def _page_request(self, anchor: dt.date, selected: dt.date
                      ) -> tuple[tuple[object, ...], dict[str, Any]]:
        """A key and the ``calendar_page`` arguments of the range around ``anchor``."""
        first, last, weeks, _month = self.visible_range(anchor)
        full = selected if first <= selected <= last else None
        key = (first, last, tuple(self._kinds), self.customer.customer_id, full)
        return key, dict(start=first, end=last, kinds=self._kinds, lang=self.ctx.lang,
                          customer_id=self.customer.customer_id, now=self.ctx.clock.now(),
                          per_day_limit=WEEK_LIMIT if weeks == 1 else MONTH_LIMIT,
                          full_day=full, full_day_limit=DAY_LIMIT)

    def entries(self) -> list[CalendarEntry]:
        """What the grid was given (capped per day)."""
        return list(self._entries)

    def select_day(self, day: dt.date) -> None:  # from the month read when it has it all
        self._selected = day
        self.grid.set_selected(day)
        self._fill_day_panel()

    def day_entries(self) -> list[CalendarEntry]:
        return self.day_panel.entries()

    def _fill_day_panel(self) -> None:
        day = self._selected
        page = complete_day(self._month_page, day) if self._month_page else None
        if page is None:
            page = self.ctx.db.read(calendar_page, day, day, self._kinds,
                                    self.customer.customer_id, self.ctx.lang,
                                    self.ctx.clock.now(), per_day_limit=DAY_LIMIT)
        self.day_panel.show_day(day, page, self.lunar.isChecked())

    # -- opening and changing entries ---------------------------------------------------
    def open_entry(self, entry: CalendarEntry) -> None:
        if entry.kind in TASK_KINDS and entry.task_id is not None:
            self.open_task(entry.task_id)
        elif entry.kind == "complaint" and entry.customer_id is not None:
            self.complaint_dialog = show_complaint(self.ctx, entry.customer_id, entry.id, self)
        elif entry.customer_id is not None:
            self.ctx.open_customer.emit(entry.customer_id)
        elif entry.kind == "event":
            self.ctx.status.emit(self.tr("Event: %1").replace("%1", entry.title))
        elif entry.kind == "festival":
            self.ctx.status.emit(
                self.tr("%1 — a day for greetings to your customers").replace("%1", entry.title))

    def open_task(self, task_id: int) -> TaskDialog:
        dlg = TaskDialog(self.ctx, self, task_id=task_id)
        self.task_dialog = dlg
        dlg.open()
        return dlg

    def create_task(self, day: dt.date | None = None, kind: str = "task") -> TaskDialog:
        dlg = TaskDialog(self.ctx, self, day=day or self._selected, kind=kind,
                         customer_id=self.customer.customer_id)
        self.task_dialog = dlg
        dlg.open()
        return dlg

    def move_entry(self, entry: CalendarEntry, day: dt.date) -> None:
        if not entry.movable or entry.task_id is None or not isinstance(entry.start,
                                                                         dt.datetime):
            return
        self._reschedule(entry.task_id, entry.start, day, entry.title)

    def _reschedule(self, task_id: int, due: dt.datetime, day: dt.date, title: str) -> None:
        if due.date() == day:
            return
        if run_op(self.ctx, task_ops.reschedule_task, task_id,
                  dt.datetime.combine(day, due.time()), initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Moved “%1” to %2").replace("%1", title).replace(
            "%2", day.isoformat()))

    def _task_dropped(self, task_id: int, day: dt.date) -> None:
        entry = next((e for e in self._entries if e.task_id == task_id and e.movable), None)
        if entry is not None and isinstance(entry.start, dt.datetime):
            self._reschedule(task_id, entry.start, day, entry.title)

    def ask_move(self, entry: CalendarEntry) -> None:
        """The "Move to…" action: the keyboard and screen-reader way to drag."""
        day = self.ask_date(self, entry.day, self.tr("Move “%1” to…").replace("%1", entry.title))
        if day is not None:
            self.move_entry(entry, day)

    def set_done(self, entry: CalendarEntry, done: bool) -> None:
        if entry.task_id is None:
            return
        if done:
            run_op(self.ctx, task_ops.complete_task, entry.task_id, self.ctx.clock.now(),
                   initiator=self)
        else:
            run_op(self.ctx, task_ops.reopen_task, entry.task_id, initiator=self)

    def entry_actions(self, entry: CalendarEntry) -> list[QAction]:
        """The context-menu actions for an entry (also what tests trigger)."""
        acts: list[QAction] = []

        def add(text: str, fn, name: str) -> None:  # type: ignore[no-untyped-def]
            a = QAction(text, self)
            a.setObjectName(name)
            a.triggered.connect(fn)
            acts.append(a)

        add(self.tr("Open"), lambda: self.open_entry(entry), "actionOpen")
        if entry.movable:
            add(self.tr("Move to…"), lambda: self.ask_move(entry), "actionMoveTo")
        if entry.task_id is not None:
            if entry.done:
                add(self.tr("Reopen"), lambda: self.set_done(entry, False), "actionReopen")
            else:
                add(self.tr("Mark done"), lambda: self.set_done(entry, True), "actionDone")
            if entry.kind not in TASK_KINDS:
                add(self.tr("Open reminder task…"),
                    lambda: self.open_task(entry.task_id),  # type: ignore[arg-type]
                    "actionOpenTask")
        if entry.customer_id is not None:
            cid = entry.customer_id
            add(self.tr("Open customer"), lambda: self.ctx.open_customer.emit(cid),
                "actionOpenCustomer")
            add(self.tr("Log contact…"), lambda: self.ctx.log_contact.emit(cid),
                "actionLogContact")
        return acts

    def _entry_menu(self, entry: CalendarEntry, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        for a in self.entry_actions(entry):
            menu.addAction(a)
        menu.exec(pos)

    def _day_menu(self, day: dt.date, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        menu.addAction(icon("task"), self.tr("New task…"), lambda: self.create_task(day))
        menu.addAction(icon("phone"), self.tr("Plan call…"), lambda: self.create_task(day, "call"))
        menu.addAction(icon("visit"), self.tr("Plan visit…"),
                       lambda: self.create_task(day, "visit"))
        menu.exec(pos)

    # -- export ------------------------------------------------------------------------
    def export_ical(self, only_customer: bool) -> Path | None:
        customer_id = self.customer.customer_id if only_customer else None
        return self.exporter.export(customer_id, self.customer.customer_code,
                                    self.ask_save_path)
