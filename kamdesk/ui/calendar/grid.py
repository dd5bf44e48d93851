"""The painted day grid behind both the month view (6 weeks) and the week agenda (1).

Painted rather than built from 42 widgets with labels in them: a month of a large book
has hundreds of chips, and one widget that paints only what fits (with "+N more")
stays smooth and lets a chip be dragged to another day with one drop target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QContextMenuEvent, QDrag, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter,
    QPaintEvent, QPalette, QPen, QPixmap,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from kamdesk.store.queries.calendar import CalendarEntry
from kamdesk.ui.calendar.chips import chip_text, entry_tooltip, is_dark, paint_chip

MIME_TASK = "application/x-kamdesk-task"


class CalendarGrid(QWidget):
    """``weeks`` rows of seven days from ``first`` (a Monday). Emits what the user did;
    the screen decides what it means (open, create, reschedule)."""

    entry_activated = Signal(object)  # CalendarEntry
    entry_menu = Signal(object, QPoint)  # CalendarEntry, global position
    day_selected = Signal(object)  # date
    day_activated = Signal(object)  # date: double-click on free space, or Enter
    day_menu = Signal(object, QPoint)  # date, global position
    more_clicked = Signal(object)  # date
    task_dropped = Signal(int, object)  # task id, date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarGrid")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._first = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self._weeks = 6
        self._month: int | None = None
        self._today = dt.date.today()
        self._selected: dt.date | None = None
        self._by_day: dict[dt.date, list[CalendarEntry]] = {}
        self._totals: dict[dt.date, int] = {}
        self._lunar = False
        self._lang = "en"
        self._lunar_cache: dict[dt.date, tuple[str, bool]] = {}
        self._weekday_names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        self._more_text = "+%1 more"
        self._layout: dict | None = None  # type: ignore[type-arg]
        self._press: tuple[QPoint, CalendarEntry | None] | None = None
        self._drop_day: dt.date | None = None

    # -- configuration ---------------------------------------------------------------
    def set_view(self, first: dt.date, weeks: int, month: int | None) -> None:
        self._first, self._weeks, self._month = first, max(1, weeks), month
        self._layout = None
        self.update()

    def set_entries(self, entries: Iterable[CalendarEntry], totals: dict[dt.date, int]) -> None:
        by_day: dict[dt.date, list[CalendarEntry]] = {}
        for e in entries:
            by_day.setdefault(e.day, []).append(e)
        self._by_day, self._totals = by_day, dict(totals)
        self._layout = None
        self.update()

    def set_today(self, today: dt.date) -> None:
        self._today = today
        self.update()

    def set_selected(self, day: dt.date | None) -> None:
        self._selected = day
        self.update()

    def set_lunar(self, on: bool, lang: str) -> None:
        if lang != self._lang:
            self._lunar_cache.clear()
        self._lunar, self._lang = on, lang
        self.update()

    def set_texts(self, weekday_names: list[str], more_text: str) -> None:
        """Translated words come from the screen (a QObject with ``tr``)."""
        self._weekday_names, self._more_text = weekday_names, more_text
        self._layout = None
        self.update()

    # -- geometry --------------------------------------------------------------------
    @property
    def week_mode(self) -> bool:
        return self._weeks == 1

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _cell_header_height(self) -> int:
        fm = self.fontMetrics()
        return fm.height() + (12 if self.week_mode else 5)

    def _chip_font(self) -> QFont:
        """Chips a notch smaller than the date numbers: three fit a laptop-sized cell."""
        font = QFont(self.font())
        if not self.week_mode:
            font.setPointSizeF(max(7.5, self.font().pointSizeF() * 0.9))
        return font

    def _chip_height(self) -> int:
        fm = QFontMetrics(self._chip_font())
        return (fm.height() * 2 + 6) if self.week_mode else (fm.height() + 3)

    def days(self) -> list[dt.date]:
        return [self._first + dt.timedelta(days=i) for i in range(self._weeks * 7)]

    def cell_rect(self, day: dt.date) -> QRect:
        index = (day - self._first).days
        if not 0 <= index < self._weeks * 7:
            return QRect()
        top = self._header_height()
        col, row = index % 7, index // 7
        w, h = self.width(), self.height() - top
        x0, x1 = col * w // 7, (col + 1) * w // 7
        y0, y1 = top + row * h // self._weeks, top + (row + 1) * h // self._weeks
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> dt.date | None:
        top = self._header_height()
        if pos.y() < top or not self.rect().contains(pos):
            return None
        col = min(6, pos.x() * 7 // max(1, self.width()))
        row = min(self._weeks - 1, (pos.y() - top) * self._weeks // max(1, self.height() - top))
        return self._first + dt.timedelta(days=row * 7 + col)

    def entry_at(self, pos: QPoint) -> CalendarEntry | None:
        for rect, entry in self._hits:
            if rect.contains(pos):
                return entry
        return None

    def entry_rect(self, key: str) -> QRect:
        """Where an entry's chip was painted (tests click it); empty if not shown."""
        for rect, entry in self._hits:
            if entry.key == key:
                return QRect(rect)
        return QRect()

    def shown_entries(self, day: dt.date) -> list[CalendarEntry]:
        return [e for _r, e in self._hits if e.day == day]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(7 * 60, 320)

    # -- painting --------------------------------------------------------------------
    def _lunar_label(self, day: dt.date) -> tuple[str, bool]:
        found = self._lunar_cache.get(day)
        if found is None:
            from kamdesk.domain.festivals import festival_on
            from kamdesk.domain.lunar import lunar_day_label

            try:
                text = lunar_day_label(day, self._lang)
            except Exception:  # noqa: BLE001 - outside lunar_python's range: no label
                text = ""
            found = self._lunar_cache[day] = (text, festival_on(day) is not None)
        return found

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = is_dark(pal)
        base = pal.color(QPalette.ColorRole.Base)
        p.fillRect(self.rect(), base)

        # weekday header
        top = self._header_height()
        header_bg = pal.color(QPalette.ColorRole.Window)
        p.fillRect(QRect(0, 0, self.width(), top), header_bg)
        text_col = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        weekend = QColor("#e06666" if dark else "#c0392b")
        bold = QFont(self.font())
        bold.setBold(True)
        if not self.week_mode:
            p.setFont(bold)
            for col in range(7):
                x0, x1 = col * self.width() // 7, (col + 1) * self.width() // 7
                p.setPen(weekend if col >= 5 else muted)
                p.drawText(QRect(x0, 0, x1 - x0, top), Qt.AlignmentFlag.AlignCenter,
                           self._weekday_names[col])
            p.setFont(self.font())

        grid_pen = QPen(pal.color(QPalette.ColorRole.Mid))
        grid_pen.setWidth(1)
        out_of_month = pal.color(QPalette.ColorRole.AlternateBase)
        if out_of_month == base:
            out_of_month = base.darker(104)
        for day in self.days():
            cell = self.cell_rect(day)
            if self._month is not None and day.month != self._month:
                p.fillRect(cell, out_of_month)
            if self._drop_day == day:
                tint = QColor(pal.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(40)
                p.fillRect(cell, tint)
            p.setPen(grid_pen)
            p.drawLine(cell.topLeft(), cell.topRight())
            p.drawLine(cell.topRight(), cell.bottomRight())
            self._paint_cell(p, day, cell, text_col, muted, weekend, bold, dark)
            if day == self._selected:
                pen = QPen(pal.color(QPalette.ColorRole.Highlight))
                pen.setWidth(2)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(cell.adjusted(1, 1, -2, -2))
        p.end()

    def _paint_cell(self, p: QPainter, day: dt.date, cell: QRect, text_col: QColor,
                    muted: QColor, weekend: QColor, bold: QFont, dark: bool) -> None:
        fm = self.fontMetrics()
        in_month = self._month is None or day.month == self._month
        # date number, with today in a filled disc
        number = str(day.day)
        if self.week_mode:
            number = f"{self._weekday_names[day.weekday()]} {day.day}"
        num_w = fm.horizontalAdvance(number) + 10
        num_rect = QRect(cell.left() + 4, cell.top() + 3, max(num_w, fm.height() + 4),
                         fm.height() + 2)
        if day == self._today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            p.drawRoundedRect(num_rect, num_rect.height() / 2, num_rect.height() / 2)
            p.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        elif not in_month:
            p.setPen(muted)
        elif day.weekday() >= 5:
            p.setPen(weekend)
        else:
            p.setPen(text_col)
        p.setFont(bold)
        p.drawText(num_rect, Qt.AlignmentFlag.AlignCenter, number)
        p.setFont(self.font())
        if self._lunar:
            label, is_festival = self._lunar_label(day)
            if label:
                small = QFont(self.font())
                small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
                p.setFont(small)
                p.setPen(weekend if is_festival else muted)
                lunar_rect = QRect(num_rect.right() + 4, num_rect.top(),
                                   cell.right() - num_rect.right() - 8, num_rect.height())
                p.drawText(lunar_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                           QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight,
                                                          lunar_rect.width()))
                p.setFont(self.font())

        chip_font = self._chip_font()
        chips, more = self._cell_layout().get(day, ([], None))
        for rect, entry in chips:
            self._paint_chip(p, entry, rect, dark)
        if more is not None:
            rect, hidden = more
            p.setFont(chip_font)
            p.setPen(self.palette().color(QPalette.ColorRole.Link))
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self._more_text.replace("%1", str(hidden)))
            p.setFont(self.font())

    def _cell_layout(self) -> dict[dt.date, tuple[list[tuple[QRect, CalendarEntry]],
                                                   tuple[QRect, int] | None]]:
        """Where each chip and "+N more" goes; computed once per data/size change and
        shared by painting and hit-testing, so a click works even before a paint."""
        if self._layout is not None:
            return self._layout
        layout: dict[dt.date, tuple[list[tuple[QRect, CalendarEntry]],
                                    tuple[QRect, int] | None]] = {}
        chip_fm = QFontMetrics(self._chip_font())
        chip_h, gap = self._chip_height(), 2
        line_h = chip_fm.height() + 1
        head_h = self._cell_header_height()
        for day in self.days():
            cell = self.cell_rect(day)
            entries = self._by_day.get(day, [])
            total = max(self._totals.get(day, 0), len(entries))
            y = cell.top() + head_h
            room = max(0, (cell.bottom() - 2 - y + gap) // (chip_h + gap))
            shown = entries[:room]
            if len(shown) < total and room > 0:
                # keep a line for "+N more"
                room_with_more = max(0, (cell.bottom() - 1 - y - line_h + gap) // (chip_h + gap))
                shown = entries[:min(room_with_more, len(entries))]
            chips = []
            for entry in shown:
                chips.append((QRect(cell.left() + 3, y, cell.width() - 6, chip_h), entry))
                y += chip_h + gap
            hidden = total - len(shown)
            more = (QRect(cell.left() + 6, y, cell.width() - 12, line_h), hidden) \
                if hidden > 0 else None
            layout[day] = (chips, more)
        self._layout = layout
        return layout

    @property
    def _hits(self) -> list[tuple[QRect, CalendarEntry]]:
        return [hit for chips, _m in self._cell_layout().values() for hit in chips]

    @property
    def _more_hits(self) -> list[tuple[QRect, dt.date]]:
        return [(more[0], day) for day, (_c, more) in self._cell_layout().items()
                if more is not None]

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._layout = None
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._layout = None  # font or style changes move everything
        super().changeEvent(event)

    def chip_text(self, entry: CalendarEntry) -> tuple[str, str]:
        """(first line, second line) of a chip; the second only shows in week mode."""
        return chip_text(entry, self.week_mode)

    def _paint_chip(self, p: QPainter, entry: CalendarEntry, rect: QRect, dark: bool) -> None:
        paint_chip(p, entry, rect, font=self._chip_font(), palette=self.palette(), dark=dark,
                   week_mode=self.week_mode)
        p.setFont(self.font())

    # -- mouse and keyboard ----------------------------------------------------------
    def _select(self, day: dt.date | None) -> None:
        if day is not None and day != self._selected:
            self._selected = day
            self.update()
            self.day_selected.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (pos, self.entry_at(pos))
            self._select(self.day_at(pos))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, entry = self._press
            if (entry is not None and entry.movable and entry.task_id is not None
                    and (event.position().toPoint() - start).manhattanLength()
                    >= QApplication.startDragDistance()):
                self._press = None
                self._start_drag(entry)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        press, self._press = self._press, None
        if event.button() == Qt.MouseButton.LeftButton and press is not None:
            entry = self.entry_at(pos)
            if entry is not None and press[1] is not None and entry.key == press[1].key:
                self.entry_activated.emit(entry)
            else:
                for rect, day in self._more_hits:
                    if rect.contains(pos):
                        self.more_clicked.emit(day)
                        break
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.entry_at(pos) is None:
            if not any(rect.contains(pos) for rect, _d in self._more_hits):
                day = self.day_at(pos)
                if day is not None:
                    self.day_activated.emit(day)
                    return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_menu.emit(entry, event.globalPos())
            return
        day = self.day_at(event.pos())
        if day is not None:
            self._select(day)
            self.day_menu.emit(day, event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        key = Qt.Key(event.key())
        current = self._selected or self._today
        if key in steps:
            target = current + dt.timedelta(days=steps[key])
            if 0 <= (target - self._first).days < self._weeks * 7:
                self._select(target)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(current)
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ToolTip:
            entry = self.entry_at(event.pos())
            if entry is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(entry), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_for(self, entry: CalendarEntry) -> str:
        return entry_tooltip(entry)

    # -- drag and drop ---------------------------------------------------------------
    def _start_drag(self, entry: CalendarEntry) -> None:
        mime = QMimeData()
        mime.setData(MIME_TASK, QByteArray(str(entry.task_id).encode()))
        mime.setText(entry.title)
        drag = QDrag(self)
        drag.setMimeData(mime)
        rect = self.entry_rect(entry.key)
        if not rect.isEmpty():
            pixmap = QPixmap(rect.size() * self.devicePixelRatioF())
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._paint_chip(painter, entry, QRect(QPoint(0, 0), rect.size()),
                             is_dark(self.palette()))
            painter.end()
            drag.setPixmap(pixmap)
            drag.setHotSpot(QPoint(10, rect.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)
        self._drop_day = None
        self.update()

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasFormat(MIME_TASK):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is None or not event.mimeData().hasFormat(MIME_TASK):
            event.ignore()
            return
        if day != self._drop_day:
            self._drop_day = day
            self.update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self._drop_day = None
        self.update()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        day = self.day_at(event.position().toPoint())
        self._drop_day = None
        self.update()
        if day is None or not event.mimeData().hasFormat(MIME_TASK):
            event.ignore()
            return
        try:
            task_id = int(bytes(event.mimeData().data(MIME_TASK).data()).decode())
        except ValueError:
            event.ignore()
            return
        event.acceptProposedAction()
        self.task_dropped.emit(task_id, day)
