"""The durability option: tests may turn it down, the app and the CLI never do."""

from __future__ import annotations

import argparse
import sqlite3

import pytest

FULL, OFF = 2, 0  # what PRAGMA synchronous answers


def _synchronous(database) -> int:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA synchronous").scalar())


def test_open_database_defaults_to_full(tmp_path):
    from kamdesk.store.database import open_database

    database = open_database(str(tmp_path / "app.sqlite3"), tmp_path / "backups")
    try:
        assert _synchronous(database) == FULL
    finally:
        database.dispose()


def test_the_window_opens_its_database_with_full(tmp_path):
    from kamdesk.app import open_app_database  # what run_gui opens the database with

    database = open_app_database(argparse.Namespace(db=str(tmp_path / "gui.sqlite3"),
                                                    demo=False))
    try:
        assert _synchronous(database) == FULL
    finally:
        database.dispose()


def test_the_cli_opens_its_database_with_full(tmp_path):
    from kamdesk.cli.common import open_db  # what every command opens the database with

    database = open_db(argparse.Namespace(db=str(tmp_path / "cli.sqlite3")))
    try:
        assert _synchronous(database) == FULL
    finally:
        database.dispose()


@pytest.mark.sqlite_only(reason="PRAGMA synchronous of the test files")
def test_fixture_databases_run_without_fsync(db):
    assert _synchronous(db) == OFF
    with db.engine.connect() as conn:  # the other pragmas are unchanged
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_every_connection_of_the_pool_gets_the_level(tmp_path):
    from kamdesk.store.engine import make_engine

    engine = make_engine(str(tmp_path / "e.sqlite3"), synchronous="NORMAL")
    try:
        with engine.connect() as a, engine.connect() as b:
            assert a.exec_driver_sql("PRAGMA synchronous").scalar() == 1
            assert b.exec_driver_sql("PRAGMA synchronous").scalar() == 1
    finally:
        engine.dispose()
    # The level is a connection setting, not stored in the file: a plain connection
    # to it later is back at SQLite's own default.
    plain = sqlite3.connect(tmp_path / "e.sqlite3")
    assert plain.execute("PRAGMA synchronous").fetchone()[0] == FULL
    plain.close()


def test_unknown_level_is_refused(tmp_path):
    from kamdesk.store.engine import make_engine

    with pytest.raises(ValueError):
        make_engine(str(tmp_path / "x.sqlite3"), synchronous="SOMETIMES")  # type: ignore[arg-type]
