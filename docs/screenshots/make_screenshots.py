"""Grab every main screen of KAMDesk in English and Chinese into docs/screenshots/.

Rerun after UI changes (from the repository root)::

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--customers 120]

A demo book is generated in a temporary folder (fixed seed and date, so the pictures
only change when the UI does); the user's own book and settings are never touched.
Also grabs the first-run welcome, an empty book's Today and the user guide.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)
SCREENS = ("today", "tasks", "customers", "log", "calendar", "pipeline", "events",
           "complaints", "plans", "reports")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=120)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    sys.path.insert(0, str(OUT.parents[1]))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kamdesk.clock import FixedClock
    from kamdesk.store.database import open_database
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_and_stamp
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.i18n import install_translators
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.theme import apply_theme, register_fonts
    from kamdesk.ui.welcome import WelcomeDialog

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    apply_theme(app, "light")

    def settle(n: int = 20) -> None:
        for _ in range(n):
            app.processEvents()

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = args.out / f"{name}.png"
        widget.grab().save(str(path), "PNG", 9)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        demo = open_database(str(tmpdir / "demo.sqlite3"), tmpdir / "backups")
        generate_demo(demo.engine, args.customers, seed=1, today=TODAY)
        recompute_and_stamp(demo, TODAY)
        empty = open_database(str(tmpdir / "empty.sqlite3"), tmpdir / "backups")
        now = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0)
        for lang in ("en", "zh_CN"):
            install_translators(app, lang)
            settings = QSettings(str(tmpdir / f"{lang}.ini"), QSettings.Format.IniFormat)
            settings.setValue("user/name", "王芳")
            welcome = WelcomeDialog(settings, lang, tmpdir / "kamdesk.sqlite3")
            welcome.show()
            settle()
            save(welcome, f"{lang}-welcome")
            welcome.close()

            for db, tag, keys in ((empty, "empty-", ("today",)), (demo, "", SCREENS)):
                window = MainWindow(AppContext(db, FixedClock(now), lang, settings))
                window.resize(1366, 768)
                window.show()
                settle()
                for key in keys:
                    if window.has_screen(key):
                        window.show_screen(key)
                        settle()
                        save(window, f"{lang}-{tag}{key}")
                if db is demo:
                    from kamdesk.store.queries.customers import pick_customers

                    picks = db.read(pick_customers, "", 1, False)
                    if picks:
                        window.show_customer(picks[0].id)
                        settle()
                        save(window, f"{lang}-profile")
                    guide = window.show_guide()
                    settle()
                    save(guide, f"{lang}-guide")
                    guide.close()
                window.close()
                window.deleteLater()
                settle()
        demo.dispose()
        empty.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
