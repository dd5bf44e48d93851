"""Opening the user's database: engine, schema check/upgrade, and clear failures.

Everything the UI or CLI needs to start talking to the data goes through
:func:`open_database`, so the same checks guard both.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.store.engine import (
    DEFAULT_SYNCHRONOUS,
    Synchronous,
    make_engine,
    make_session_factory,
)
from kamdesk.store.history import HISTORY_TABLE, history_written
from kamdesk.store.migrate import MigrationReport, SchemaTooNew, ensure_schema
from kamdesk.store.ops.changes import Changes
from kamdesk.store.upgrade_backup import UpgradeBackupError

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class DatabaseProblem(Exception):
    """A problem the user must be told about in words: ``kind`` picks the message.

    kinds: 'locked', 'corrupt', 'too_new', 'readonly', 'disk_full', 'other'.
    """

    def __init__(self, kind: str, path: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = path
        self.detail = detail


@dataclass
class Database:
    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    report: MigrationReport | None = field(default=None)
    #: who writes, recorded in the change history: the GUI's signed-in manager, the
    #: CLI's ``--user``; empty means the OS user (:func:`kamdesk.store.history.os_user`)
    actor: str = field(default="")

    def session(self) -> Session:
        return self.sessions()

    def read(self, query: Callable[Concatenate[Connection, P], R],
             *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a query function (``query(conn, ...)``, plain rows out) on a fresh connection.

        The one way callers above the store read: they hand over the query, never hold
        a connection, so no screen can keep a transaction (and a WAL snapshot) open.
        """
        with self.engine.connect() as conn:
            return query(conn, *args, **kwargs)

    def write(self, op: Callable[Concatenate[Session, P], Changes],
              *args: P.args, **kwargs: P.kwargs) -> Changes:
        """Run one operation of :mod:`kamdesk.store.ops` in its own transaction.

        Commits if the operation returns, rolls everything back if it raises, and returns
        the operation's :class:`Changes`. The GUI runner, the CLI and tests all write so.

        The change history (:mod:`kamdesk.store.history`) is written as a side effect of
        the operation's writes, by :attr:`actor`; when it was, ``change_history`` joins the
        returned Changes here, once for every operation.
        """
        with self.sessions() as session:
            if self.actor:
                session.info["actor"] = self.actor
            changes = op(session, *args, **kwargs)
            session.flush()
            if history_written(session):
                changes = changes | Changes.of(HISTORY_TABLE)
            session.commit()
        return changes

    @property
    def file_path(self) -> str:
        """The database file on disk ('' for a server database): what a backup copies."""
        return self.engine.url.database or "" if self.is_sqlite else ""

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def classify_error(exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "corrupt"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "readonly"
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return "disk_full"
    return "other"


def open_database(location: str, backup_dir: Path,
                  synchronous: Synchronous = DEFAULT_SYNCHRONOUS) -> Database:
    """Open ``location``, upgrading its schema (after a backup into ``backup_dir``) if
    needed; a problem the user must hear about becomes :class:`DatabaseProblem`.

    ``synchronous`` is SQLite's durability level, FULL for the app and the CLI; only
    tests, whose databases are thrown away, pass "OFF" (see :mod:`kamdesk.store.engine`).
    """
    engine = make_engine(location, synchronous)
    try:
        report = ensure_schema(engine, backup_dir)
    except SchemaTooNew as exc:
        engine.dispose()
        raise DatabaseProblem("too_new", location, exc.found) from exc
    except (OperationalError, DatabaseError, sqlite3.DatabaseError,
            UpgradeBackupError) as exc:  # no upgrade without its backup: disk full…
        engine.dispose()
        raise DatabaseProblem(classify_error(exc), location, str(exc)) from exc
    db = Database(location, engine, make_session_factory(engine), report)
    _keep_search_index_current(db)
    return db


def _keep_search_index_current(db: Database) -> None:
    """Re-index names once when this build reads them differently from the build that
    indexed them (:mod:`kamdesk.store.ops.search_index`); a file that cannot be
    written (read-only, locked) keeps its old index and still opens."""
    from kamdesk.store.ops.search_index import reindex_if_stale

    try:
        db.write(reindex_if_stale)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        log.warning("search index left as it was: %s", exc)


def integrity_report(db: Database) -> list[str]:
    """Problems found by the database's own checks; empty means sound."""
    problems: list[str] = []
    if not db.is_sqlite:
        return problems
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problems += [f"integrity: {r[0]}" for r in rows]
        for r in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign key: table {r[0]} rowid {r[1]} -> {r[2]}")
        missing = conn.exec_driver_sql(
            "SELECT count(*) FROM customers c LEFT JOIN customer_metrics m "
            "ON m.customer_id = c.id WHERE m.customer_id IS NULL"
        ).scalar_one()
        if missing:
            problems.append(f"{missing} customers without a metrics row (run 'kamdesk tiers')")
    return problems
