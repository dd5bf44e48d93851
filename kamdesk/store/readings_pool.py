"""Reading a big sheet's names in a second process while the importer checks its rows.

Working out the pinyin of 100k company names and 100k contact names (stored beside
each name, and the other readings the search index holds) is pure Python and a
quarter of an import's work. It needs nothing but the names, which are known as soon
as the file is read, so a worker process reads them on another core while this one
checks every row; the importer then writes inside
:func:`kamdesk.store.pinyin.known_readings`. A reading depends on the text alone, so
the result is the same as reading here; a name the worker did not see (cleaning
changed it) is simply read here. If the worker cannot start or fails, everything is
read here as before: the pool only ever saves time.

The worker is a *spawned* interpreter (never a fork of this one, which may be running
Qt threads); a frozen build calls :func:`multiprocessing.freeze_support` at start. A
spawned interpreter first imports the program's main module, so the worker is used only
under the entry points known to keep their work behind ``if __name__ == "__main__"``
(:func:`main_is_guarded`): a user's own script that imports a sheet without that guard
would otherwise run again, import included, in the worker.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from kamdesk.store.pinyin import Readings, has_han, name_readings

log = logging.getLogger(__name__)

#: below this many names, starting an interpreter costs more than it saves
MIN_NAMES = 20_000
_CHUNK = 10_000


#: main modules (by import name) and launchers (by file name) that guard their work
GUARDED_MAINS = frozenset({"kamdesk.__main__", "benchmarks.__main__", "pytest.__main__"})
GUARDED_LAUNCHERS = frozenset({"kamdesk", "kamdesk-cli", "pytest", "py.test"})


def main_is_guarded() -> bool:
    """Whether a spawned worker can import this program's main module harmlessly."""
    if getattr(sys, "frozen", False):
        return True  # the frozen launcher: freeze_support() takes the worker over
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None:
        return spec.name in GUARDED_MAINS
    path = getattr(main, "__file__", None)
    if path is None:
        return True  # an interactive session: nothing is imported again
    name = os.path.basename(path).lower()
    return name.removesuffix(".exe") in GUARDED_LAUNCHERS


def read_names(names: list[tuple[str, bool]]) -> list[Readings]:
    """The worker's task (a top-level function, so a spawned process can import it)."""
    return [name_readings(text, person) for text, person in names]


class ReadingsInBackground:
    """Names being read in a worker process; :meth:`result` gives what it read."""

    def __init__(self, names: Iterable[tuple[str, bool]], min_names: int | None = None
                 ) -> None:
        self._names = [n for n in dict.fromkeys(names) if n[0] and has_han(n[0])]
        min_names = MIN_NAMES if min_names is None else min_names
        self._executor: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[Readings]]] = []
        if (len(self._names) < min_names or (os.cpu_count() or 1) < 2
                or not main_is_guarded()):
            return
        try:
            self._executor = ProcessPoolExecutor(max_workers=1,
                                                 mp_context=get_context("spawn"))
            self._futures = [self._executor.submit(read_names,
                                                   self._names[i:i + _CHUNK])
                             for i in range(0, len(self._names), _CHUNK)]
        except Exception:  # no worker: everything is read here
            log.warning("names are read in this process (no worker)", exc_info=True)
            self.close()

    @property
    def started(self) -> bool:
        return bool(self._futures)

    def result(self) -> dict[tuple[str, bool], Readings]:
        """What the worker read, waiting for it; {} when it did not run or failed."""
        out: dict[tuple[str, bool], Readings] = {}
        if not self._futures:
            return out
        try:
            for start, future in zip(range(0, len(self._names), _CHUNK), self._futures,
                                     strict=True):
                out.update(zip(self._names[start:start + _CHUNK], future.result(),
                               strict=True))
        except Exception:  # a failed worker only costs the time it saved
            log.warning("the reading worker failed; names are read here", exc_info=True)
            return {}
        finally:
            self.close()
        return out

    def close(self) -> None:
        """Stop the worker (also what a cancelled import does)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
