"""Opening the user's database: engine, schema check/upgrade, and clear failures.

Everything the UI or CLI needs to start talking to the data goes through
:func:`open_database`, so the same checks guard both: first a read-only look at the
file (:mod:`kamdesk.store.file_check`: empty, not SQLite, another program's, truncated,
damaged, newer, read-only, locked), and only then the engine that may write to it.

A server database (``postgresql+psycopg://…``, issue #17) has no file: the file checks,
the pre-upgrade backup, SQLite's write lock and the disk-full probe are skipped; its
schema is created or upgraded under an advisory lock (:func:`kamdesk.store.migrate.schema_lock`).
"""

from __future__ import annotations

import atexit
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.privacy import private_database
from kamdesk.store.engine import (
    DEFAULT_SYNCHRONOUS,
    Synchronous,
    make_engine,
    make_session_factory,
)
from kamdesk.store.file_check import (
    QUICK_CHECK_BUDGET_S,
    DatabaseProblem,
    FileState,
    inspect_file,
)
from kamdesk.store.history import HISTORY_TABLE, history_written
from kamdesk.store.migrate import (
    MigrationFailed,
    MigrationReport,
    SchemaTooNew,
    ensure_schema,
)
from kamdesk.store.ops.changes import Changes
from kamdesk.store.schema_version import HEAD_REVISION
from kamdesk.store.upgrade_backup import UpgradeBackupError
from kamdesk.store.write_lock import WriteBusy, WriteWait, take_write_lock

log = logging.getLogger(__name__)

__all__ = ["Database", "DatabaseProblem", "as_problem", "classify_error", "integrity_report",
           "open_database", "plain_reason"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Database:
    location: str
    engine: Engine
    sessions: sessionmaker[Session]
    report: MigrationReport | None = field(default=None)
    #: how long a write waits for another writer, and whom it tells (see write_lock)
    write_wait: WriteWait = field(default_factory=WriteWait)
    #: opened ``mode=ro``: every write is refused with "this book is open read-only"
    read_only: bool = False
    #: what the read-only look at the file found (None for a server database)
    state: FileState | None = None
    #: who writes, recorded in the change history: the GUI's signed-in manager, the
    #: CLI's ``--user``; empty means the OS user (:func:`kamdesk.store.history.os_user`)
    actor: str = field(default="")
    #: the passphrase of a protected book (:mod:`kamdesk.store.cipher`); its backups are
    #: written with it too. None: a plain book.
    passphrase: str | None = field(default=None, repr=False)

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
        The transaction takes SQLite's write lock first, waiting as :attr:`write_wait`
        says; a lock held past its bound raises :class:`DatabaseProblem` ('busy').

        The change history (:mod:`kamdesk.store.history`) is written as a side effect of
        the operation's writes, by :attr:`actor`; when it was, ``change_history`` joins the
        returned Changes here, once for every operation.
        """
        if self.read_only:
            raise DatabaseProblem("read_only_open", self.location)
        try:
            with self.sessions() as session:
                try:
                    take_write_lock(session, self.write_wait)
                except WriteBusy as exc:
                    raise DatabaseProblem("busy", self.location,
                                          f"{exc.waited_s:.0f}") from exc
                if self.actor:
                    session.info["actor"] = self.actor
                changes = op(session, *args, **kwargs)
                session.flush()
                if history_written(session):
                    changes = changes | Changes.of(HISTORY_TABLE)
                session.commit()
        except (DatabaseError, sqlite3.DatabaseError, OSError) as exc:
            if self.is_sqlite and classify_error(exc) != "disk_full" and self._disk_full():
                raise DatabaseProblem("disk_full", self.location) from exc
            raise
        return changes

    def _disk_full(self) -> bool:
        from kamdesk.store.file_check import disk_is_full

        return "://" not in self.location and disk_is_full(Path(self.location))

    @property
    def file_path(self) -> str:
        """The database file on disk ('' for a server database): what a backup copies."""
        if self.read_only or self.passphrase is not None:
            return str(Path(self.location).expanduser().resolve())
        return self.engine.url.database or "" if self.is_sqlite else ""

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_only and self.state is not None:  # leave the folder as it was
            from kamdesk.store.file_check import remove_side_files_we_made

            remove_side_files_we_made(Path(self.location), set(self.state.side_files_before))


def classify_error(exc: BaseException) -> str:
    """The :class:`DatabaseProblem` kind of a driver error (or an OSError)."""
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return "disk_full"
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "corrupt"
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return "disk_full"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "readonly"
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return "disk_full"
    return "other"


def plain_reason(exc: BaseException) -> str:
    """The driver's own one-line reason, without the SQL or its parameters (which may
    hold customer names) that SQLAlchemy adds to its message."""
    inner = getattr(exc, "orig", None) or exc
    lines = str(inner).strip().splitlines()
    return (lines[0] if lines else type(inner).__name__)[:200]


def as_problem(exc: BaseException, location: str) -> DatabaseProblem:
    """A driver error (or OSError) as a :class:`DatabaseProblem` the user can read."""
    if isinstance(exc, DatabaseProblem):
        return exc
    kind = classify_error(exc)
    if kind == "other" and "://" not in location and "disk i/o" in plain_reason(exc).lower():
        from kamdesk.store.file_check import disk_is_full

        kind = "disk_full" if disk_is_full(Path(location)) else kind
    holders: tuple[str, ...] = ()
    if kind == "locked" and "://" not in location:
        from kamdesk.store.file_check import lock_holders

        holders = lock_holders(Path(location))
    return DatabaseProblem(kind, location, plain_reason(exc), holders)


def open_database(location: str, backup_dir: Path,
                  synchronous: Synchronous = DEFAULT_SYNCHRONOUS, *,
                  read_only: bool = False, allow_empty: bool = False,
                  lock_wait_s: float | None = None,
                  check_budget_s: float | None = QUICK_CHECK_BUDGET_S,
                  passphrase: str | None = None) -> Database:
    """Open ``location``, upgrading its schema (after a backup into ``backup_dir``) if
    needed; a problem the user must hear about becomes :class:`DatabaseProblem`, and
    then the file has the bytes it had (checked read-only before anything writes).

    ``synchronous`` is SQLite's durability level, FULL for the app and the CLI; only
    tests, whose databases are thrown away, pass "OFF" (see :mod:`kamdesk.store.engine`).
    ``read_only``: open ``mode=ro`` (also done by itself when the file or its folder
    cannot be written); ``allow_empty``: the user agreed to a new book in a 0-byte file.
    ``passphrase``: the book is (or, when new, becomes) protected with it; a wrong one is
    the problem 'wrong_passphrase', a missing SQLCipher binding 'no_encryption'.
    """
    state = None
    if passphrase is not None:
        return _open_protected(location, backup_dir, synchronous, read_only, passphrase)
    if "://" not in location and location != ":memory:":
        from kamdesk.store import file_check

        wait = file_check.LOCK_WAIT_S if lock_wait_s is None else lock_wait_s
        state = inspect_file(Path(location).expanduser(), lock_wait_s=wait,
                             check_budget_s=check_budget_s, allow_empty=allow_empty,
                             run_check=not read_only)
        if state.kind == "kamdesk" and state.read_only:
            read_only = True
        elif state.kind != "kamdesk" and read_only:
            raise DatabaseProblem("readonly", location, "new")
        if read_only and state.revision != HEAD_REVISION:
            raise DatabaseProblem("readonly", location, "upgrade")
    engine = make_engine(location, synchronous, read_only=read_only)
    if read_only:
        revision = state.revision if state else None
        report = MigrationReport("current", revision, revision or HEAD_REVISION)
        db = Database(location, engine, make_session_factory(engine), report, read_only=True,
                      state=state)
        atexit.register(db.dispose)  # a CLI run ends without closing: tidy up even then
        return db
    try:
        report = ensure_schema(engine, backup_dir)
    except SchemaTooNew as exc:
        engine.dispose()
        raise DatabaseProblem("too_new", location, exc.found) from exc
    except MigrationFailed as exc:
        engine.dispose()
        raise DatabaseProblem("other", location, plain_reason(exc)) from exc
    except (OperationalError, DatabaseError, sqlite3.DatabaseError, OSError,
            UpgradeBackupError) as exc:  # no upgrade without its backup: disk full…
        engine.dispose()
        raise as_problem(exc, location) from exc
    db = Database(location, engine, make_session_factory(engine), report, read_only=False,
                  state=state)
    if db.file_path:
        private_database(db.file_path)  # made by an older version or another umask
    _keep_search_index_current(db)
    _restore_lost_indexes(db)
    return db


def _open_protected(location: str, backup_dir: Path, synchronous: Synchronous,
                    read_only: bool, passphrase: str) -> Database:
    """A protected book: the key is checked first (the file is unreadable without it,
    so the plain file checks cannot look inside), then the usual schema upgrade. An
    upgrade of a protected book makes no pre-upgrade backup of its own (the copier
    reads plain files); ``kamdesk backup`` makes an encrypted one."""
    from kamdesk.store import cipher

    if not cipher.encryption_available():
        raise DatabaseProblem("no_encryption", location)
    path = Path(location).expanduser()
    if path.exists() and path.stat().st_size > 0:
        try:
            cipher.check_passphrase(path, passphrase)
        except cipher.WrongPassphrase:
            raise DatabaseProblem("wrong_passphrase", location) from None
        except sqlite3.Error as exc:
            raise as_problem(exc, location) from exc
    engine = make_engine(str(path), synchronous, read_only=read_only, passphrase=passphrase)
    try:
        report = ensure_schema(engine, backup_dir)
    except SchemaTooNew as exc:
        engine.dispose()
        raise DatabaseProblem("too_new", location, exc.found) from exc
    except Exception as exc:
        engine.dispose()
        raise as_problem(exc, location) from exc
    db = Database(location, engine, make_session_factory(engine), report,
                  read_only=read_only, passphrase=passphrase)
    private_database(db.file_path)
    _keep_search_index_current(db)
    _restore_lost_indexes(db)
    return db


def _restore_lost_indexes(db: Database) -> None:
    """Create the indexes a book lost (:mod:`kamdesk.store.index_repair`); a read
    first, so a sound book needs no write lock, and a file that cannot be written
    still opens as it is."""
    from kamdesk.store.index_repair import missing_indexes, restore_indexes

    if db.read_only or not db.is_sqlite:
        return
    try:
        with db.engine.connect() as conn:
            if not missing_indexes(conn):
                return
        with db.engine.begin() as conn:
            log.warning("indexes restored: %s", ", ".join(restore_indexes(conn)))
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        log.warning("lost indexes left as they were: %s", exc)


def _keep_search_index_current(db: Database) -> None:
    """Re-index names once when this build reads them differently from the build that
    indexed them (:mod:`kamdesk.store.ops.search_index`); a file that cannot be
    written (read-only, locked) keeps its old index and still opens."""
    from kamdesk.store.ops.search_index import (
        SEARCH_INDEX_VERSION,
        reindex_if_stale,
        stored_search_index_version,
    )

    try:
        with db.sessions() as session:  # a read first: a current index needs no write lock
            if stored_search_index_version(session) == SEARCH_INDEX_VERSION:
                return
        db.write(reindex_if_stale)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError, DatabaseProblem) as exc:
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
