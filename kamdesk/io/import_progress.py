"""Progress and cancel for a long import, without touching the importers' loops.

An importer walks ``table.rows`` once, row by row. :class:`TickingRows` is that list
with an iterator that, every :data:`TICK_EVERY` rows, reports ``progress(done, total)``
and asks ``cancelled()``; a True answer raises :class:`ImportCancelled`, which leaves
the operation before anything is committed, so the runner's transaction rolls back
and the database stays as it was. The callbacks are called on the importing thread:
a GUI hands in a thread-safe flag (``threading.Event.is_set``) and a signal's emit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["TICK_EVERY", "ImportCancelled", "ProgressFn", "CancelledFn", "TickingRows",
           "check_cancelled"]

TICK_EVERY = 200

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class ImportCancelled(Exception):
    """The user cancelled the import; nothing of it is committed."""


def check_cancelled(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


class TickingRows(list):  # type: ignore[type-arg]
    """A table's rows that report progress and honour cancel while iterated."""

    def __init__(self, rows: list[Any], progress: ProgressFn | None,
                 cancelled: CancelledFn | None, every: int = TICK_EVERY) -> None:
        super().__init__(rows)
        self.progress, self.cancelled, self.every = progress, cancelled, max(1, every)

    def __iter__(self) -> Iterator[Any]:
        total = len(self)
        for done, row in enumerate(super().__iter__()):
            if done % self.every == 0:
                check_cancelled(self.cancelled)
                if self.progress is not None:
                    self.progress(done, total)
            yield row
        check_cancelled(self.cancelled)
        if self.progress is not None:
            self.progress(total, total)
