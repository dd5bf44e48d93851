"""First run (#16): the welcome on a fresh profile, the name as default owner, the demo
book marked in the title, empty screens that say what to do next, and the user guide."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kamdesk.store.queries.profile import header


@pytest.fixture
def fresh_settings(tmp_path):
    return QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)


def test_fresh_profile_sees_the_welcome_and_it_saves_the_answers(qtbot, tmp_path,
                                                                 fresh_settings, monkeypatch):
    from kamdesk.ui import welcome

    monkeypatch.delenv("KAMDESK_DB", raising=False)
    default = tmp_path / "data" / "kamdesk.sqlite3"
    assert welcome.needs_welcome(fresh_settings, default)
    dialog = welcome.WelcomeDialog(fresh_settings, "en", default)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == str(default)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.buttons["empty"].text() == "从空账本开始"  # applied at once
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.buttons["empty"].text() == "Start empty"
    dialog.name.setText("  王芳 ")
    dialog.buttons["empty"].click()
    assert dialog.outcome == welcome.WelcomeOutcome("en", "王芳", str(default), "empty")
    assert fresh_settings.value("user/name") == "王芳"
    assert not welcome.needs_welcome(fresh_settings, default)

    args = argparse.Namespace(db=None, demo=False)
    plan = welcome.prepare_start(args, fresh_settings, "en", default)
    assert plan == welcome.StartPlan("en", "") and args.db == str(default)


def test_existing_book_or_explicit_db_is_not_greeted(tmp_path, fresh_settings, monkeypatch):
    from kamdesk.ui import welcome

    book = tmp_path / "kamdesk.sqlite3"
    book.write_bytes(b"")
    assert not welcome.needs_welcome(fresh_settings, book)
    monkeypatch.setattr(welcome, "run_welcome", lambda *a: pytest.fail("greeted"))
    args = argparse.Namespace(db=str(tmp_path / "x.sqlite3"), demo=False)
    assert welcome.prepare_start(args, fresh_settings, "en", tmp_path / "none") is not None


def test_the_welcome_name_becomes_the_owner_of_a_new_customer(ctx, qtbot):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog
    from kamdesk.ui.welcome import WelcomeDialog

    welcome = WelcomeDialog(ctx.settings, "en", Path(ctx.db.location))
    qtbot.addWidget(welcome)
    welcome.name.setText("王芳")
    welcome.finish("empty")
    assert ctx.owner_name == "王芳"
    dialog = CustomerDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("初创科技")
    assert dialog.save()
    assert ctx.db.read(header, dialog.saved_id).owner == "王芳"


def test_demo_choice_opens_a_separate_demo_book_marked_in_the_title(
        qapp, qtbot, tmp_path, fresh_settings, monkeypatch):
    import kamdesk.app as app_module
    from kamdesk.clock import FixedClock
    from kamdesk.ui import welcome
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.main_window import MainWindow

    monkeypatch.delenv("KAMDESK_DB", raising=False)
    real = app_module.ensure_demo_database
    monkeypatch.setattr(app_module, "demo_database_path", lambda: tmp_path / "demo" / "d.sqlite3")
    monkeypatch.setattr(app_module, "ensure_demo_database", lambda p: real(p, customers=15))
    default = tmp_path / "data" / "kamdesk.sqlite3"
    monkeypatch.setattr(welcome, "run_welcome", lambda s, lang, d: welcome.WelcomeOutcome(
        "en", "王芳", str(default), "demo"))
    args = argparse.Namespace(db=None, demo=False)
    plan = welcome.prepare_start(args, fresh_settings, "en", default)
    assert plan is not None and plan.choice == "demo" and args.demo
    location = app_module.app_database_location(args)
    assert location == str(tmp_path / "demo" / "d.sqlite3") and not default.exists()
    db = app_module.open_app_database(args, location)
    try:
        from datetime import datetime

        window = MainWindow(AppContext(db, FixedClock(datetime(2026, 11, 23, 10)), "en",
                                       fresh_settings))
        qtbot.addWidget(window)
        welcome.mark_demo(window)
        window.show()
        assert "demo" in window.windowTitle().lower()
        window.show_screen("customers")
        assert "demo" in window.windowTitle().lower()
        from PySide6.QtWidgets import QFrame

        panel = window.findChild(QFrame, "emptyState_customers")
        assert panel is not None and not panel.isVisible()
    finally:
        db.dispose()


@pytest.mark.parametrize("key", ["today", "customers", "calendar"])
def test_empty_screens_say_what_to_do_next(ctx, make_window, qtbot, key):
    from PySide6.QtWidgets import QFrame, QLabel, QPushButton

    from kamdesk.store.ops.customers import create_customer

    window = make_window(ctx)
    window.show_screen(key)
    screen = window.screen(key)
    panel = screen.findChild(QFrame, f"emptyState_{key}")
    assert panel is not None and panel.isVisible()
    assert panel.geometry() == screen.rect()
    assert panel.findChild(QLabel, "emptyStateText").text()
    assert panel.findChild(QPushButton, "emptyStateNewCustomer").isVisible()
    assert panel.findChild(QPushButton, "emptyStateImport").isVisible()
    from kamdesk.ui.ops import run_op

    run_op(ctx, create_customer, name="初创科技")
    assert not panel.isVisible()


def test_import_button_opens_the_import_wizard(ctx, make_window, qtbot):
    from PySide6.QtWidgets import QPushButton

    window = make_window(ctx)
    window.show_screen("today")
    window.screen("today").findChild(QPushButton, "emptyStateImport").click()
    assert window.io.wizard.isVisible()
    window.io.wizard.reject()


@pytest.mark.parametrize("lang, words", [("en", "The daily loop"), ("zh_CN", "每日工作流程")])
def test_help_user_guide_opens_in_both_languages(ctx, make_window, qtbot, lang, words):
    ctx.lang = lang
    window = make_window(ctx)
    window.guide_action.trigger()
    guide = window.guide
    assert guide.isVisible()
    text = guide.browser.toPlainText()
    assert words in text and "A" in text
    guide.close()


def test_about_shows_version_database_and_licences(ctx, qtbot):
    from kamdesk import __version__
    from kamdesk.ui.help_dialogs import AboutDialog

    about = AboutDialog(ctx.db.location, "-")
    qtbot.addWidget(about)
    text = about.browser.toPlainText()
    assert __version__ in text and ctx.db.location in text
    assert "Apache" in text and "icons/LICENSE.txt" in text


def test_the_welcome_name_owns_the_customers_of_an_imported_seed_table(ctx, qtbot,
                                                                        make_window):
    """#16's first hour: welcome → name → import the seed 表1 through the wizard → the
    imported customers' owner is that name."""
    from kamdesk.ui.import_wizard.wizard import MAPPING, PREVIEW, RESULT
    from kamdesk.ui.welcome import WelcomeDialog

    welcome = WelcomeDialog(ctx.settings, "en", Path(ctx.db.location))
    qtbot.addWidget(welcome)
    welcome.name.setText("王芳")
    welcome.finish("import")
    window = make_window(ctx)
    seed = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "seed_customers.csv"
    wiz = window.io.import_table(str(seed))
    qtbot.waitUntil(wiz.isVisible)
    wiz.next()
    assert wiz.currentId() == MAPPING
    wiz.next()
    assert wiz.currentId() == PREVIEW
    qtbot.waitUntil(lambda: wiz.preview is not None)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == RESULT, timeout=20000)
    with ctx.db.engine.connect() as conn:
        owners = dict(conn.exec_driver_sql("SELECT code, owner FROM customers").all())
    assert owners == {"C001": "王芳", "C002": "王芳"}
