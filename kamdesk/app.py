"""The one start-up path of the window: paths → logging → Qt → database → window.

Nothing here runs at import time. The database is opened (and migrated if needed)
before the window is built; expensive imports (Alembic, pypinyin, reportlab) stay
off this path unless actually needed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from kamdesk.store.database import Database, DatabaseProblem

log = logging.getLogger(__name__)


def demo_database_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("KAMDesk", appauthor=False)) / "demo" / "demo.sqlite3"


def ensure_demo_database(path: Path, customers: int = 500) -> str:
    """A separate demo file, never the user's real one; built on first use."""
    from kamdesk.store.database import open_database

    db = open_database(str(path), path.parent / "backups")
    try:
        with db.engine.connect() as conn:
            empty = not conn.exec_driver_sql("SELECT count(*) FROM customers").scalar()
        if empty:
            from datetime import date

            from kamdesk.store.demo import generate_demo
            from kamdesk.store.metrics import recompute_and_stamp

            generate_demo(db.engine, customers, seed=1)
            recompute_and_stamp(db, date.today())
    finally:
        db.dispose()
    return str(path)


# How long a save in the window waits for another writer (a CLI import) before it
# gives up with a message; the window says what it waits for meanwhile (ui/ops.py)
GUI_WRITE_WAIT_S = 10.0


def app_database_location(args: argparse.Namespace, team_url: str | None = None) -> str:
    """The book this window opens: the separate demo file (``--demo``), else ``--db``,
    KAMDESK_DB, the team database chosen in Settings (``team_url``, no password in it)
    or the default file."""
    import os

    from kamdesk.paths import DB_ENV, resolve_db

    if getattr(args, "demo", False):
        return ensure_demo_database(demo_database_path())
    if team_url and not args.db and not os.environ.get(DB_ENV):
        return team_url
    return resolve_db(args.db)


def reach_team_book(location: str) -> str | None:
    """For a team database: take its password from the keyring and try to log in; the
    problem in the user's words when that fails (None: go on, also for a file)."""
    from kamdesk.store.team.credentials import (
        check_connection,
        is_postgres_url,
        use_keyring_passwords,
    )

    if not is_postgres_url(location):
        return None
    use_keyring_passwords()
    problem = check_connection(location, None)
    if problem in (None, "not_a_book"):  # an empty database: the administrator's first start
        return None
    from kamdesk.ui.dialogs.team_connect import connection_problem_text

    log.error("cannot reach the team database: %s", problem)
    return connection_problem_text(problem)


def open_app_database(args: argparse.Namespace, location: str | None = None) -> Database:
    """The database this window works on (:func:`app_database_location`); checked,
    upgraded if needed, and opened with the store's durable defaults (synchronous=FULL)."""
    from kamdesk.paths import backup_dir_for
    from kamdesk.store.database import open_database
    from kamdesk.store.write_lock import WriteWait

    location = location or app_database_location(args)
    db = open_database(location, backup_dir_for(location))
    db.write_wait = WriteWait(GUI_WRITE_WAIT_S)
    return db


def claim_book(location: str, data_dir: Path):  # type: ignore[no-untyped-def]
    """This window's claim on the book (:mod:`kamdesk.ui.single_instance`), or None when
    another window holds it: that one was asked to come forward (or, if it did not
    answer, the user is told it is open)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kamdesk.ui.single_instance import SingleInstance

    instance = SingleInstance(location, data_dir)
    if instance.claim():
        return instance
    if not instance.ask_first_to_raise():
        QMessageBox.information(None, "KAMDesk", QApplication.translate(
            "App", "KAMDesk is already open on this book (%1). Switch to that window.")
            .replace("%1", location))
    log.info("another window holds this book; asked it to come forward")
    return None


AskChoice = Callable[["DatabaseProblem", str, Path], tuple[str, "str | None"]]


AskPassphrase = Callable[[str, str, bool], "str | None"]


def open_with_choices(location: str, lang: str, ask: AskChoice,
                      ask_passphrase: AskPassphrase | None = None,
                      passphrase: str | None = None,
                      **open_options: Any) -> tuple[Database | None, DatabaseProblem | None]:
    """Open ``location``; while it cannot be opened as it is, ``ask`` the user what to do
    (see :mod:`kamdesk.ui.start_problem`): open read-only, make a new book in an empty
    file, try again, another file, or quit. Returns the database (None if the user quit)
    and the last problem shown. The file is never changed unless the user chose to.
    A book that is unreadable without a key (encryption at rest, when the SQLCipher
    binding is installed) first gets ``ask_passphrase(location, lang, wrong)``, again
    after a wrong one; cancelling it leads to the usual choices."""
    from kamdesk.paths import backup_dir_for
    from kamdesk.store.database import DatabaseProblem, open_database

    options: dict[str, Any] = {}
    last: DatabaseProblem | None = None
    while True:
        try:
            return open_database(location, backup_dir_for(location), passphrase=passphrase,
                                 **open_options, **options), last
        except DatabaseProblem as exc:
            log.error("cannot open database: %s (%s)", exc.kind, exc.detail)
            last = exc
            if ask_passphrase is not None and may_be_protected(exc, location):
                passphrase = ask_passphrase(location, lang, exc.kind == "wrong_passphrase")
                if passphrase is not None:
                    continue
            choice, other = ask(exc, lang, backup_dir_for(location))
        if choice == "quit":
            return None, last
        options = {"read_only": choice == "read_only", "allow_empty": choice == "create"}
        if choice == "other_file" and other:
            location, options, passphrase = other, {}, None


def may_be_protected(problem: DatabaseProblem, location: str) -> bool:
    """Whether ``problem`` may just mean "this book needs its passphrase"."""
    from kamdesk.store.cipher import encryption_available, looks_encrypted

    return (problem.kind in ("not_sqlite", "wrong_passphrase") and encryption_available()
            and looks_encrypted(Path(location).expanduser()))


def _install_excepthook(log_file: Path) -> None:
    """An unexpected error becomes a readable message with the log path; the app goes on.

    Every write commits in its own short transaction, so nothing already saved is lost.
    """

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            traceback.print_exception(exc_type, exc, tb)
            return
        text = QApplication.translate(
            "App", "Something went wrong: %1\n\nYour saved data is safe. Details were written "
            "to the log file:\n%2").replace("%1", str(exc) or exc_type.__name__).replace(
            "%2", str(log_file))
        QMessageBox.critical(None, QApplication.translate("App", "KAMDesk"), text)

    sys.excepthook = hook


def run_gui(args: argparse.Namespace, clock=None) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kamdesk.clock import Clock
    from kamdesk.log import setup_logging
    from kamdesk.messages import database_problem_text
    from kamdesk.paths import app_paths
    from kamdesk.privacy import private_dir, private_file, restrict_process
    from kamdesk.store.database import DatabaseProblem
    from kamdesk.ui.i18n import choose_language, install_translators
    from kamdesk.ui.theme import apply_theme, register_fonts

    restrict_process()  # every file from here on is user-only (kamdesk.privacy)
    paths = app_paths()
    private_dir(paths.data_dir)
    log_file = setup_logging(paths.log_dir)
    # instance() is typed as the core application; here it is always the widgets one.
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setOrganizationName("KAMDesk")
    app.setApplicationName("KAMDesk")
    app.setApplicationDisplayName("KAMDesk")
    settings = QSettings()
    private_file(settings.fileName())
    lang = choose_language(settings, getattr(args, "lang", None))
    install_translators(app, lang)
    register_fonts(app)
    apply_theme(app, str(settings.value("ui/theme", "system")))
    _install_excepthook(log_file)
    from kamdesk.ui.welcome import mark_demo, prepare_start

    start = prepare_start(args, settings, lang, paths.default_db)  # a first run is greeted
    if start is None:
        return 0
    lang = start.lang

    from kamdesk.ui.dialogs.team_connect import remembered_team_url

    try:
        location = app_database_location(args, remembered_team_url(settings))
    except DatabaseProblem as exc:  # the demo book could not be made
        QMessageBox.critical(None, "KAMDesk", database_problem_text(exc, lang))
        return 1
    unreachable = reach_team_book(location)
    if unreachable is not None:  # offer the book on this computer rather than nothing
        instead = QApplication.translate("App", "Open the book on this computer instead?")
        answer = QMessageBox.question(None, "KAMDesk", unreachable + "\n\n" + instead)
        if answer != QMessageBox.StandardButton.Yes:
            return 1
        location = str(paths.default_db)
    instance = claim_book(location, paths.data_dir)
    if instance is None:
        return 0
    from kamdesk.store.write_lock import WriteWait
    from kamdesk.ui.start_problem import ask_start_choice, show_read_only_banner

    from kamdesk.cli.common import passphrase_of
    from kamdesk.ui.passphrase_dialog import ask_passphrase

    db, problem = open_with_choices(location, lang, ask_start_choice, ask_passphrase,
                                    passphrase_of(args))
    if db is None:
        from kamdesk.cli.common import problem_exit_code

        return problem_exit_code(problem.kind) if problem else 1
    db.write_wait = WriteWait(GUI_WRITE_WAIT_S)

    from kamdesk.ui.backup_actions import install_auto_backup
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.main_window import MainWindow
    from kamdesk.ui.recompute import schedule_recompute
    from kamdesk.ui.reminders import install_reminders

    ctx = AppContext(db, clock or Clock(), lang, settings)
    window = MainWindow(ctx)
    if db.read_only:
        show_read_only_banner(window)
    if getattr(args, "demo", False):
        mark_demo(window)
    window.show()
    from kamdesk.ui.single_instance import bring_to_front

    instance.raise_requested.connect(lambda: bring_to_front(window))

    def after_first_paint() -> None:
        # Tiers are recomputed off the UI thread when a day old, and reminders start
        # (including those missed while the app was closed) once the window is up.
        if db.read_only:  # both write: a read-only book is shown as it was saved
            return
        window.recomputer = schedule_recompute(ctx, window)  # type: ignore[attr-defined]
        window.reminders = install_reminders(window, ctx)  # type: ignore[attr-defined]
        app.aboutToQuit.connect(window.recomputer.shutdown)  # type: ignore[attr-defined]
        # The day's automatic backup: a minute after start, hourly, after an import, at quit.
        window.auto_backup = install_auto_backup(ctx, window)  # type: ignore[attr-defined]
        app.aboutToQuit.connect(window.auto_backup.at_quit)  # type: ignore[attr-defined]

    from PySide6.QtCore import QTimer

    QTimer.singleShot(150, after_first_paint)
    if start.choice == "import":
        QTimer.singleShot(0, window.io.import_table)
    code = app.exec()
    db.dispose()
    settings.sync()
    private_file(settings.fileName())
    instance.release()
    return code
