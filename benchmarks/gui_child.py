"""The child process of the start-up and memory measurements.

    python -m benchmarks.gui_child app DB [--rss]   # the real start path: kamdesk --db DB
    python -m benchmarks.gui_child bare             # the floor: Qt window + sqlalchemy.orm

It prints ``KAMBENCH <key> <value>`` lines; ``painted`` is ``time.monotonic()`` (the
same clock in every process on Linux) once the customer list's first page (or, for
``bare``, the empty window) has been painted, so the parent measures from spawn.

How the paint is caught without slowing the start: ``QMainWindow.show`` is wrapped so
that the moment the window is shown, a one-shot event filter goes on the customer
table's viewport only (an application-wide filter would run Python for every event of
the start-up). The filter lets the paint happen and queues a zero-timer, which runs
after the whole window has been painted and flushed.
"""

from __future__ import annotations

import sys
import time

T_SCRIPT = time.monotonic()


def say(key: str, value: object) -> None:
    print(f"KAMBENCH {key} {value}", flush=True)


def rss_now() -> tuple[int, int]:
    """(current RSS, peak RSS) in bytes, from /proc (ru_maxrss on other systems)."""
    cur = peak = 0
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024
    except OSError:  # pragma: no cover - not Linux
        import resource

        peak = cur = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return cur, peak


def _paint_watcher(target, on_painted):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        fired = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.fired = True
                obj.removeEventFilter(self)
                QTimer.singleShot(0, on_painted)
            return False

    w = Watcher(target)
    target.installEventFilter(w)
    return w


def bare() -> int:
    import sqlalchemy.orm  # noqa: F401  - the ORM import every KAMDesk start pays
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.resize(1280, 760)

    def painted() -> None:
        say("painted", repr(time.monotonic()))
        say("rss_painted", rss_now()[1])
        app.quit()

    _keep = _paint_watcher(win, painted)
    win.show()
    return app.exec()


def exercise(win) -> None:  # type: ignore[no-untyped-def]
    """Scroll the list top to bottom, search by name, pinyin and phone, sort a few columns."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    app = QApplication.instance()
    table = win.findChild(QTableView, "customerTable")
    search = win.findChild(QLineEdit, "customerSearch")
    sb = table.verticalScrollBar()

    def settle() -> None:
        app.processEvents()
        app.processEvents()
        table.viewport().repaint()

    for k in range(1, 21):
        sb.setValue(sb.maximum() * k // 20)
        settle()
    for text in ("华", "华信", "华信制造", "h", "hx", "hxzz", "1", "13", "138", "1381234", ""):
        search.setText(text)
        settle()
    model = table.model()
    for col in range(model.columnCount()):
        table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
        settle()
        sb.setValue(sb.maximum() // 2)
        settle()
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    settle()


def app_start(db: str, rss: bool) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    # run_gui reuses an existing QApplication; making it here lets us set the last
    # screen (a user who left the app on the customer list) before the window reads it.
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("KAMDesk")
    app.setApplicationName("KAMDesk")
    s = QSettings()
    s.setValue("window/screen", "customers")
    s.sync()
    state: dict[str, object] = {}
    original_show = QMainWindow.show

    def painted() -> None:
        say("painted", repr(time.monotonic()))
        win = state["window"]
        table = win.findChild(QTableView, "customerTable")  # type: ignore[attr-defined]
        say("rows", table.model().rowCount() if table is not None else -1)
        say("rss_painted", rss_now()[1])
        if rss:
            exercise(win)
            cur, peak = rss_now()
            say("rss_current", cur)
            say("rss_peak", peak)
        app.quit()

    def show(self) -> None:  # type: ignore[no-untyped-def]
        QMainWindow.show = original_show  # one-shot
        state["window"] = self
        say("show", repr(time.monotonic()))
        table = self.findChild(QTableView, "customerTable")
        state["watcher"] = _paint_watcher(table.viewport() if table is not None else self,
                                          painted)
        original_show(self)

    QMainWindow.show = show  # type: ignore[method-assign]
    # What ``kamdesk --db DB`` runs (kamdesk.cli.main), with the clock fixed on the bench
    # day so the figures in the database are current whatever the machine's date.
    import os
    from datetime import datetime

    from kamdesk.app import run_gui
    from kamdesk.cli import build_parser
    from kamdesk.clock import FixedClock

    now = os.environ.get("KAMBENCH_NOW")  # set by the parent (benchmarks.proc)
    clock = FixedClock(datetime.fromisoformat(now)) if now else None
    return run_gui(build_parser().parse_args(["--db", db]), clock=clock)


def main(argv: list[str]) -> int:
    say("script", repr(T_SCRIPT))
    if "--rss" in argv:
        # Scrolling and sorting make enough PySide6 calls to hit the PySide6 6.12 /
        # Python 3.11 abort (see guard.py); the start-up alone does not, and stays as is.
        from benchmarks.guard import protect

        protect()
    if argv and argv[0] == "bare":
        return bare()
    if len(argv) >= 2 and argv[0] == "app":
        return app_start(argv[1], "--rss" in argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
