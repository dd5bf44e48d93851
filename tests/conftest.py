"""Shared fixtures: every test gets its own database under tmp_path.

Those databases are opened with ``synchronous="OFF"``: a test's file is thrown away, so
an fsync per commit buys nothing, and with FULL the suite spent most of its wall time
waiting for the disk. The app's own path keeps FULL (tests/unit/store/test_engine.py).
Both the empty and the demo database are built once per run and copied for each test
(a copy costs a tenth of creating the schema and stamping it).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_TODAY = date(2026, 11, 23)
TEST_SYNCHRONOUS = "OFF"


def _checkpoint_and_close(database) -> None:  # type: ignore[no-untyped-def]
    # Everything into the main file, so copying that one file copies the database.
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory) -> Path:
    """An empty database at the current schema, created once per test run; tests copy it."""
    from kamdesk.store.database import open_database

    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    _checkpoint_and_close(open_database(str(path), path.parent / "backups",
                                        synchronous=TEST_SYNCHRONOUS))
    return path


@pytest.fixture
def db(empty_template: Path, tmp_path: Path):
    import shutil

    from kamdesk.store.database import open_database

    target = tmp_path / "test.sqlite3"
    shutil.copy(empty_template, target)
    database = open_database(str(target), tmp_path / "backups", synchronous=TEST_SYNCHRONOUS)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A 200-customer demo database built once per test run; tests copy it."""
    from kamdesk.store.database import open_database
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_metrics

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(str(path), path.parent / "backups", synchronous=TEST_SYNCHRONOUS)
    generate_demo(database.engine, 200, seed=7, today=DEMO_TODAY)
    recompute_metrics(database, DEMO_TODAY)
    _checkpoint_and_close(database)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    import shutil

    from kamdesk.store.database import open_database

    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, target)
    database = open_database(str(target), tmp_path / "backups", synchronous=TEST_SYNCHRONOUS)
    yield database
    database.dispose()
