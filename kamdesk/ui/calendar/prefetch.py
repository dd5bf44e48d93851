"""The months next to the one on screen, read in the background before they are asked for.

Reading a six-week page of a 100k-customer book takes a few hundred milliseconds; a
user who has just looked at November and presses Page Down should not wait that long
for December. After each month is shown, the screen asks for the pages of the
previous and the next month (:meth:`MonthPrefetch.want`); they are read on a worker
thread with its own connection (:func:`kamdesk.ui.ops.read_in_background`) and kept
here until a step asks for one (:meth:`MonthPrefetch.take`).

A page read before a change of the data would be wrong, so a change the Calendar
listens to drops every kept page and ignores the reads still running
(:meth:`MonthPrefetch.invalidate`) — but keeps each page's parts whose tables did not
change (:data:`kamdesk.store.queries.calendar.SOURCE_TABLES`), so the next read of that
range reads only the sources that changed (:meth:`MonthPrefetch.parts`): after a task
is logged the month reads its tasks again, not its key dates and renewals. Overdue
flags depend on the time, so a kept page is re-evaluated for the current time when it
is taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kamdesk.store.queries.calendar import (
    CalendarPage,
    PagePart,
    calendar_page,
    stale_sources,
    with_overdue,
)
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
        #: what survived the last changes of the kept pages, by request key
        self._parts: dict[Hashable, dict[str, PagePart]] = {}
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
        """Forget every kept page, every kept part and every read in flight."""
        self.invalidate(None)

    def invalidate(self, tables: frozenset[str] | set[str] | None) -> None:
        """``tables`` changed (None: anything may have): drop every kept page and every
        read in flight, keeping the parts of the pages that ``tables`` leave right."""
        stale = stale_sources(tables) if tables is not None else None
        if stale is None:
            self._parts.clear()
        else:
            for key, (_read_at, page) in self._pages.items():
                self._parts[key] = {**self._parts.get(key, {}), **page.parts}
            for key, parts in list(self._parts.items()):
                kept = {s: p for s, p in parts.items() if s not in stale}
                if kept:
                    self._parts[key] = kept
                else:
                    del self._parts[key]
            while len(self._parts) > KEEP:
                self._parts.pop(next(iter(self._parts)))
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

    def parts(self, key: Hashable, now: dt.datetime) -> dict[str, PagePart]:
        """The parts of an earlier read of ``key`` still right after the changes since
        (``calendar_page``'s ``reuse``); empty if none or too old."""
        kept = self._parts.pop(key, None)
        if kept is None:
            return {}
        # Complaint levels (amber near the deadline) follow the clock: kept no longer
        # than a kept page. Overdue marks are evaluated again on reuse.
        return {s: p for s, p in kept.items() if s != "complaint" or p.read_for is None
                or p.read_for <= now < p.read_for + MAX_AGE}

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

            read_in_background(self.ctx, calendar_page, on_done=done,
                               **{**kwargs, "reuse": self.parts(key, asked)})
        self._wanted = []

    def _store(self, key: Hashable, page: CalendarPage, read_at: dt.datetime) -> None:
        self._pages.pop(key, None)
        self._pages[key] = (read_at, page)
        while len(self._pages) > KEEP:
            self._pages.pop(next(iter(self._pages)))
