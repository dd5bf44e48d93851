"""GUI fixtures: a real AppContext over a temporary database, a fixed clock and
QSettings in a temporary ini file, so tests never touch the user's settings."""

from __future__ import annotations

from datetime import datetime

import pytest

from kamdesk.clock import FixedClock

NOW = datetime(2026, 11, 23, 10, 0)


def _context(database, tmp_path, lang="en"):
    from PySide6.QtCore import QSettings

    from kamdesk.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(database, FixedClock(NOW), lang, settings)


@pytest.fixture(scope="session", autouse=True)
def english_ui(qapp):
    """The English UI as users see it: counted strings in their singular/plural forms
    (kamdesk_en.qm), so "1 task" / "2 tasks", never "task(s)"."""
    from kamdesk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def clock():
    return FixedClock(NOW)


@pytest.fixture
def ctx(qapp, db, tmp_path):
    """Empty database."""
    return _context(db, tmp_path)


@pytest.fixture
def demo_ctx(qapp, demo_db, tmp_path):
    """200-customer demo database (today = 2026-11-23)."""
    return _context(demo_db, tmp_path)


@pytest.fixture
def make_window(qtbot):
    from kamdesk.ui.main_window import MainWindow

    def make(context):
        w = MainWindow(context)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make
