"""Shared fixtures: every test gets its own database under tmp_path.

Those databases are opened with ``synchronous="OFF"``: a test's file is thrown away, so
an fsync per commit buys nothing, and with FULL the suite spent most of its wall time
waiting for the disk. The app's own path keeps FULL (tests/unit/store/test_engine.py).
Both the empty and the demo database are built once per run and copied for each test
(a copy costs a tenth of creating the schema and stamping it).

With ``KAMDESK_TEST_ENGINE=postgresql`` (and ``KAMDESK_TEST_PG_ADMIN``, see
tests/pg_support.py) the same fixtures give PostgreSQL databases: the templates are
built once per run as databases of their own, and each test gets ``CREATE DATABASE ...
TEMPLATE`` (dropped after). Tests marked ``sqlite_only`` are skipped there, with the
reason given in the mark (``@pytest.mark.sqlite_only(reason="...")``).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_TODAY = date(2026, 11, 23)
TEST_SYNCHRONOUS = "OFF"


def pytest_collection_modifyitems(config, items) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL, skip the tests that are SQLite by nature, saying why."""
    from pg_support import on_postgresql

    if not on_postgresql():
        return
    for item in items:
        mark = item.get_closest_marker("sqlite_only")
        if mark is not None:
            why = mark.kwargs.get("reason") or (mark.args[0] if mark.args else "SQLite by nature")
            item.add_marker(pytest.mark.skip(reason=f"sqlite_only: {why}"))


@pytest.fixture(autouse=True)
def server_documents_in_tmp(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A server database keeps its documents in the user's data folder; on PostgreSQL
    runs every test gets its own (XDG_DATA_HOME under tmp_path)."""
    from pg_support import on_postgresql

    if on_postgresql():
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(scope="session")
def pg_templates():
    """The PostgreSQL template databases this run made (dropped at its end)."""
    from pg_support import drop_database

    made: list[str] = []
    yield made
    for url in made:
        drop_database(url)


@pytest.fixture(scope="session")
def pg_used():
    """Databases of finished tests, dropped a few tests later once nothing uses them: a
    window's background read may still be finishing after its test (on SQLite it reads a
    file that stays), and a forced drop would make it fail with a message box later."""
    from pg_support import drop_database

    used: list[str] = []
    yield used
    for url in used:
        drop_database(url)


def _pg_template(pg_templates, fill=None) -> str:  # type: ignore[no-untyped-def]
    from pg_support import create_database, database_prefix

    from kamdesk.store.database import open_database

    url = create_database(database_prefix("tpl"))
    pg_templates.append(url)
    database = open_database(url, Path("/nonexistent-backups"))
    try:
        if fill is not None:
            fill(database)
    finally:
        database.dispose()
    return url


@pytest.fixture
def pg_database(request, pg_used):
    """``open(template_url)``: a Database on a fresh copy of the template, dropped after
    the test when no connection holds it (PostgreSQL runs only)."""
    from pg_support import accept_qmark, create_database, database_prefix, drop_database

    from kamdesk.store.database import open_database

    opened = []

    def open_copy(template_url: str):  # type: ignore[no-untyped-def]
        url = create_database(database_prefix(), template=template_url)
        database = open_database(url, Path("/nonexistent-backups"))
        accept_qmark(database.engine)
        opened.append((url, database))
        return database

    yield open_copy
    for url, database in opened:
        database.dispose()
        pg_used.append(url)
    # The last few stay: a background read started by a test may still connect while
    # the next tests run (as on SQLite, where its file stays until tmp_path goes).
    older, recent = pg_used[:-3], pg_used[-3:]
    pg_used[:] = [url for url in older if not drop_database(url, force=False)] + recent


def _fill_demo(database) -> None:  # type: ignore[no-untyped-def]
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_metrics

    generate_demo(database.engine, 200, seed=7, today=DEMO_TODAY)
    recompute_metrics(database, DEMO_TODAY)


def _checkpoint_and_close(database) -> None:  # type: ignore[no-untyped-def]
    # Everything into the main file, so copying that one file copies the database.
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory, pg_templates):  # type: ignore[no-untyped-def]
    """An empty database at the current schema, created once per test run; tests copy it
    (a file path on SQLite, a database URL on PostgreSQL)."""
    from pg_support import on_postgresql

    from kamdesk.store.database import open_database

    if on_postgresql():
        return _pg_template(pg_templates)
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    _checkpoint_and_close(open_database(str(path), path.parent / "backups",
                                        synchronous=TEST_SYNCHRONOUS))
    return path


@pytest.fixture
def db(empty_template, tmp_path: Path, request):  # type: ignore[no-untyped-def]
    import shutil

    from kamdesk.store.database import open_database

    if isinstance(empty_template, str):
        yield request.getfixturevalue("pg_database")(empty_template)
        return
    target = tmp_path / "test.sqlite3"
    shutil.copy(empty_template, target)
    database = open_database(str(target), tmp_path / "backups", synchronous=TEST_SYNCHRONOUS)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, pg_templates):  # type: ignore[no-untyped-def]
    """A 200-customer demo database built once per test run; tests copy it."""
    from pg_support import on_postgresql

    from kamdesk.store.database import open_database

    if on_postgresql():
        return _pg_template(pg_templates, _fill_demo)
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(str(path), path.parent / "backups", synchronous=TEST_SYNCHRONOUS)
    _fill_demo(database)
    _checkpoint_and_close(database)
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path: Path, request):  # type: ignore[no-untyped-def]
    import shutil

    from kamdesk.store.database import open_database

    if isinstance(demo_template, str):
        yield request.getfixturevalue("pg_database")(demo_template)
        return
    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, target)
    database = open_database(str(target), tmp_path / "backups", synchronous=TEST_SYNCHRONOUS)
    yield database
    database.dispose()


@pytest.fixture
def another_db(empty_template, tmp_path: Path, request):  # type: ignore[no-untyped-def]
    """``another_db()``: one more empty database on the suite's engine (a file under
    tmp_path on SQLite, a template copy on PostgreSQL), disposed after the test."""
    from kamdesk.store.database import open_database

    made = []

    def make():  # type: ignore[no-untyped-def]
        if isinstance(empty_template, str):
            return request.getfixturevalue("pg_database")(empty_template)
        database = open_database(str(tmp_path / f"another{len(made)}.sqlite3"),
                                 tmp_path / "backups", synchronous=TEST_SYNCHRONOUS)
        made.append(database)
        return database

    yield make
    for database in made:
        database.dispose()


@pytest.fixture(scope="module")
def module_db(empty_template, tmp_path_factory, request):  # type: ignore[no-untyped-def]
    """One empty database for a whole test module, on the suite's engine (a copy of the
    empty template: a file on SQLite, a template copy on PostgreSQL, dropped at the end).
    A module that generates a large book once and only reads it in its tests fills this
    in its own module-scoped fixture."""
    import shutil

    from pg_support import create_database, database_prefix, drop_database, on_postgresql
    from sqlalchemy.engine import make_url

    from kamdesk.store.database import open_database

    folder = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    if on_postgresql():  # a copy of the suite's empty server book
        target = create_database(database_prefix("mod"),
                                 template=make_url(str(empty_template)).database)
    else:
        target = str(folder / "book.sqlite3")
        shutil.copy(empty_template, target)
    database = open_database(target, folder / "backups", synchronous=TEST_SYNCHRONOUS)
    yield database
    database.dispose()
    if on_postgresql():
        drop_database(target)
