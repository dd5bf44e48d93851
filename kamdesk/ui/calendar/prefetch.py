"""The months next to the one on screen, read in the background before they are asked for.

Reading a six-week page of a 100k-customer book takes a few hundred milliseconds; a
user who has just looked at November and presses Page Down should not wait that long
for December. After each month is shown, the screen asks for the pages of the
previous and the next month (:meth:`MonthPrefetch.want`); they are read on a worker
thread with its own connection (:func:`kamdesk.ui.ops.read_in_background`) and kept
here until a step asks for one (:meth:`MonthPrefetch.take`).

A page read before a change of the data would be wrong, so any change the Calendar
listens to drops every kept page and ignores the reads still running
(:meth:`MonthPrefetch.clear`). Overdue flags depend on the time, so a kept page is
re-evaluated for the current time when it is taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kamdesk.store.queries.calendar import CalendarPage, calendar_page, with_overdue
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import read_in_background

#: pages kept at most (the neighbours of the month shown, and the month just left)
KEEP = 4
#: a kept page older than this is read again (complaint deadlines turn amber/red)
MAX_AGE = dt.timedelta(minutes=5)
#: the reads start once the month has been on screen this long, so they never compete
#: with painting it (or with the next keystroke of a user paging fast)
DELAY_MS = 250


class MonthPrefetch(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enabled = True
        self._pages: dict[Hashable, tuple[dt.datetime, CalendarPage]] = {}
        self._pending: set[Hashable] = set()
        self._generation = 0
        self._wanted: list[tuple[Hashable, dict[str, Any]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)

    def busy(self) -> bool:
        """Whether a background read is waiting or running (benchmarks wait for it)."""
        return bool(self._pending) or self._timer.isActive()

    def clear(self) -> None:
        """The data changed: forget every kept page and every read in flight."""
        self._pages.clear()
        self._pending.clear()
        self._wanted.clear()
        self._timer.stop()
        self._generation += 1

    def take(self, key: Hashable, now: dt.datetime) -> CalendarPage | None:
        """The page read for ``key`` (``calendar_page``'s arguments), if kept."""
        kept = self._pages.pop(key, None)
        if kept is None or not kept[0] <= now < kept[0] + MAX_AGE:
            return None
        return replace(kept[1], entries=with_overdue(kept[1].entries, now))

    def keep(self, key: Hashable, page: CalendarPage) -> None:
        """Keep a page read in the foreground too (a step back finds it)."""
        self._store(key, page, self.ctx.clock.now())

    def want(self, wanted: list[tuple[Hashable, dict[str, Any]]]) -> None:
        """Read ``calendar_page(conn, **kwargs)`` for each (key, kwargs) in the background,
        after :data:`DELAY_MS` (a later call replaces the wish list)."""
        self._wanted = [w for w in wanted if w[0] not in self._pages]
        if self.enabled and self._wanted:
            self._timer.start()

    def _start(self) -> None:
        parent = self.parent()
        if isinstance(parent, QWidget) and not parent.isVisible():
            return  # the screen was left: nothing to step to
        generation, asked = self._generation, self.ctx.clock.now()
        for key, kwargs in self._wanted:
            if key in self._pages or key in self._pending:
                continue
            self._pending.add(key)

            def done(page: CalendarPage, key: Hashable = key) -> None:
                if generation != self._generation:
                    return  # read before a change: wrong now
                self._pending.discard(key)
                self._store(key, page, asked)

            read_in_background(self.ctx, calendar_page, on_done=done, **kwargs)
        self._wanted = []

    def _store(self, key: Hashable, page: CalendarPage, read_at: dt.datetime) -> None:
        self._pages.pop(key, None)
        self._pages[key] = (read_at, page)
        while len(self._pages) > KEEP:
            self._pages.pop(next(iter(self._pages)))
