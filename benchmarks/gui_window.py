"""The window the GUI measurements drive: a real MainWindow, offscreen, and a paint probe.

Split from :mod:`benchmarks.gui` (the groups and their bounds) so each reads alone:
this module knows how to start the app in process and tell when a widget has painted;
that one knows what to time.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from pathlib import Path


def ensure_qapp():  # type: ignore[no-untyped-def]
    """The QApplication, offscreen, with the app's fonts and theme (as ``run_gui`` sets)."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.guard import protect

    protect()  # PySide6 6.12 on Python 3.11 would abort this process (see guard.py)
    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["kamdesk-bench"])
        from kamdesk.ui.theme import apply_theme, register_fonts

        register_fonts(app)  # type: ignore[arg-type]
        apply_theme(app, "system")  # type: ignore[arg-type]
    return app


def settle() -> None:
    """Let queued work (zero-timers, posted events) run, as the event loop would."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    app.processEvents()
    app.processEvents()


_FILTER_CLASS = None


def _paint_filter_class():  # type: ignore[no-untyped-def]
    global _FILTER_CLASS
    if _FILTER_CLASS is None:
        from PySide6.QtCore import QEvent, QObject

        class PaintFilter(QObject):
            def __init__(self, probe: PaintProbe, parent) -> None:  # type: ignore[no-untyped-def]
                super().__init__(parent)
                self.probe = probe

            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint:
                    self.probe.count += 1
                return False

        _FILTER_CLASS = PaintFilter
    return _FILTER_CLASS


class PaintProbe:
    """Counts the paint events a widget receives (an event filter on that widget only).

    The event loop paints a view once after a model reset; calling ``repaint()`` on top
    would time two paints. :meth:`finish` therefore lets the loop run and paints by hand
    only if the loop did not.
    """

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        self.widget = widget
        self.count = 0
        self._filter = _paint_filter_class()(self, widget)
        widget.installEventFilter(self._filter)

    def mark(self) -> int:
        return self.count

    def finish(self, mark: int, changed: bool = True) -> None:
        """Run the event loop; paint now if it painted nothing since ``mark`` (and
        ``changed``: something on the widget changed, so a paint is owed)."""
        settle()
        if self.count == mark and changed:
            self.widget.repaint()

    def close(self) -> None:
        self.widget.removeEventFilter(self._filter)
        self._filter.deleteLater()


class Window:
    """A MainWindow over ``db_path`` plus a plain sqlite3 connection for the bounds."""

    def __init__(self, db_path: Path) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QLineEdit, QTableView

        from benchmarks.data import bench_now
        from kamdesk.clock import FixedClock
        from kamdesk.store.database import open_database
        from kamdesk.ui.context import AppContext
        from kamdesk.ui.main_window import MainWindow

        self.app = ensure_qapp()
        self._tmp = tempfile.TemporaryDirectory(prefix="kamdesk-bench-")
        tmp = Path(self._tmp.name)
        self.db = open_database(str(db_path), tmp / "backups")
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("window/screen", "customers")
        self.ctx = AppContext(self.db, FixedClock(bench_now()), "en", settings)
        self.win = MainWindow(self.ctx)
        self.win.resize(1280, 760)
        self.win.show()
        settle()
        self.win.show_screen("customers")
        settle()
        self.customers = self.win.customers
        self.table = self.win.findChild(QTableView, "customerTable")
        self.search = self.win.findChild(QLineEdit, "customerSearch")
        self.model = self.table.model()
        self.sql = sqlite3.connect(str(db_path))
        self.win.repaint()
        self.list_paints = PaintProbe(self.table.viewport())
        # Changes of the list's rows: a keystroke that changes none (a letter that
        # narrows nothing) owes no repaint of the list, so none is forced on it.
        self.row_changes = 0
        for signal in (self.model.modelReset, self.model.layoutChanged, self.model.dataChanged,
                       self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._rows_changed)

    def _rows_changed(self, *_args) -> None:  # type: ignore[no-untyped-def]
        self.row_changes += 1

    def close(self) -> None:
        self.sql.close()
        self.win.hide()
        self.win.deleteLater()
        settle()
        self.db.dispose()
        self._tmp.cleanup()

    def has_screen(self, key: str) -> bool:
        has = getattr(self.win, "has_screen", None)
        if callable(has):
            return bool(has(key))
        try:
            self.win.screen(key)
            return True
        except KeyError:
            return False

    def to_customers(self) -> None:
        self.win.show_screen("customers")
        settle()

    # -- the list -------------------------------------------------------------------------
    def type_search(self, text: str) -> bool:
        """A keystroke: put ``text`` in the search box and return once the list has
        painted its result, or at once when the screen holds the text back for a pause
        (a short Latin prefix it would scan for; returns False then). The pause itself
        is idle time, not work, so it is not part of a keystroke."""
        timer = getattr(self.customers, "_search_timer", None)
        mark = self.list_paints.mark()
        changes = self.row_changes
        self.search.setText(text)
        if timer is not None and timer.isActive() and timer.interval() > 0:
            return False
        self._wait_applied(text, mark, changes)
        return True

    def flush_search(self) -> None:
        """End the pause now: run a held-back search (what the timer would do)."""
        timer = getattr(self.customers, "_search_timer", None)
        if timer is not None and timer.isActive():
            mark = self.list_paints.mark()
            changes = self.row_changes
            timer.stop()
            self.customers.apply_filters()
            self._wait_applied(self.search.text(), mark, changes)

    def _wait_applied(self, text: str, mark: int, changes: int) -> None:
        deadline = time.perf_counter() + 5.0
        while self.model.query.search != text and time.perf_counter() < deadline:
            self.app.processEvents()
        if self.model.query.search != text:
            raise RuntimeError(f"the list never applied the search {text!r}")
        self.list_paints.finish(mark, changed=self.row_changes != changes)

    def set_search_now(self, text: str) -> None:
        """Put ``text`` in the search box and wait until the list has painted its result
        (the screen applies the text from a zero-timer, i.e. on the next loop turn)."""
        if not self.type_search(text):
            self.flush_search()
