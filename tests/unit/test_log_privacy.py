"""The log never holds customer data (issue #14 item 6): errors whose SQL parameters
carry a customer's name leave no name in the log file, in the error text or in the
message the user sees."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

import kamdesk.log as kl
from kamdesk.store.database import classify_error
from kamdesk.store.ops.changes import Changes

NAME = "欧阳娜娜"
CODE = "C-SECRET-77"


@pytest.fixture
def log_file(tmp_path):
    before = list(logging.getLogger().handlers)
    path = kl.setup_logging(tmp_path / "logs")
    yield path
    for h in logging.getLogger().handlers[:]:
        if h not in before:
            logging.getLogger().removeHandler(h)
            h.close()
    kl._configured = None


def _log_it(exc):
    """What the app does with a failed write: a warning with the error (ui/ops.py)
    and, for the unexpected, the traceback (app.py's excepthook)."""
    log = logging.getLogger("kamdesk.ui.ops")
    log.warning("write failed: %s", exc)
    try:
        raise exc
    except Exception:
        log.exception("unexpected error")
    for h in logging.getLogger().handlers:
        h.flush()


def _duplicate(session):
    for _ in range(2):
        session.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                        {"k": f"note:{CODE}", "v": NAME})
    return Changes.of("app_settings")


def _fill_disk(session):
    conn = session.connection()
    pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")  # this connection only
    session.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                    {"k": CODE, "v": NAME * 20000})
    return Changes.of("app_settings")


def _assert_clean(path, *texts):
    logged = path.read_text(encoding="utf-8")
    for t in (logged, *texts):
        assert NAME not in t and CODE not in t, t[:2000]
    return logged


def test_an_integrity_error_logs_no_name(db, log_file):
    with pytest.raises(IntegrityError) as exc:
        db.write(_duplicate)
    # what anyone reads: the log (redacted) and the driver's first line (the message)
    shown = kl.redact(str(exc.value))
    from kamdesk.store.database import plain_reason

    _assert_clean(log_file, shown, plain_reason(exc.value))
    _log_it(exc.value)
    logged = _assert_clean(log_file, shown)
    assert ("UNIQUE constraint failed: app_settings.key" in logged  # SQLite
            or "duplicate key value violates unique constraint" in logged)  # PostgreSQL
    assert "hidden" in str(exc.value)


def test_postgresql_detail_lines_are_redacted():
    raw = ('(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint '
           '"pk_app_settings"\nDETAIL:  Key (key)=(note:C-SECRET-77) already exists.\n'
           "[SQL: INSERT INTO app_settings (key, value) VALUES (%(k)s, %(v)s)]\n"
           "[SQL parameters hidden due to hide_parameters=True]")
    cleaned = kl.redact(raw)
    assert CODE not in cleaned and "DETAIL: [redacted]" in cleaned
    assert "duplicate key value violates unique constraint" in cleaned


@pytest.mark.sqlite_only(reason="fills the disk with SQLite's max_page_count")
def test_a_full_disk_logs_no_name_and_is_called_disk_full(db, log_file):
    with pytest.raises(OperationalError) as exc:
        db.write(_fill_disk)
    assert classify_error(exc.value) == "disk_full"
    _log_it(exc.value)
    logged = _assert_clean(log_file, str(exc.value))
    assert "database or disk is full" in logged


@pytest.mark.sqlite_only(reason="fills the disk with SQLite's max_page_count")
def test_the_gui_message_names_no_customer(db, qapp):
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.ops import failure_text

    with pytest.raises(OperationalError) as exc:
        db.write(_fill_disk)
    ctx = AppContext(db, None, "zh_CN", None)  # type: ignore[arg-type]
    shown = failure_text(ctx, exc.value)
    assert "磁盘已满" in shown and NAME not in shown


def test_the_filter_redacts_parameters_an_engine_did_show(tmp_path, log_file):
    """Safety net: even an engine made without hide_parameters leaves no name behind."""
    engine = create_engine(f"sqlite:///{tmp_path / 'raw.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE people (name TEXT UNIQUE)")
    with pytest.raises(IntegrityError) as exc, engine.begin() as conn:
        for _ in range(2):
            conn.execute(text("INSERT INTO people (name) VALUES (:n)"), {"n": NAME})
    assert NAME in str(exc.value)  # the unsafe default this project turned off
    logging.getLogger("kamdesk.test").error("failed: %s", exc.value)
    logging.getLogger("kamdesk.test").error("inline", exc_info=exc.value)
    with pytest.raises(OperationalError) as inline, engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO nowhere VALUES ('{NAME}')")
    logging.getLogger("kamdesk.test").exception("literal", exc_info=inline.value)
    for h in logging.getLogger().handlers:
        h.flush()
    logged = _assert_clean(log_file)
    assert kl.REDACTED in logged and "'…'" in logged
    engine.dispose()


def test_redact_keeps_what_support_needs():
    raw = ("(sqlite3.IntegrityError) UNIQUE constraint failed: people.name\n"
           "[SQL: INSERT INTO people (name, note) VALUES (?, 'vip 张')]\n"
           "[parameters: ('欧阳娜娜', 'x]y')]\n"
           "(Background on this error at: https://sqlalche.me/e/20/gkpj)")
    cleaned = kl.redact(raw)
    assert "欧阳娜娜" not in cleaned and "张" not in cleaned
    assert "UNIQUE constraint failed: people.name" in cleaned
    assert "INSERT INTO people (name, note) VALUES (?, '…')" in cleaned
    assert "sqlalche.me" in cleaned
