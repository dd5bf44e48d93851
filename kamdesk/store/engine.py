"""Engine and session set-up, with the SQLite settings that keep a laptop's data safe.

- WAL: readers (the list) never block the writer (a dialog saving).
- synchronous=FULL: a committed contact log entry survives a power cut; at a CRM's
  write rate the cost is invisible. It is the default of :func:`make_engine`, which
  the app and the CLI use; the option exists for the test suite, whose throw-away
  databases gain nothing from an fsync per commit (``synchronous="OFF"``) and spent
  most of their time waiting for them.
- foreign_keys=ON: SQLite's default is off, which would let orphans in.
- busy_timeout: a second instance or a backup holding a lock makes us wait briefly
  instead of failing at once.
- hide_parameters: an error's text never carries the row's values (customer names)
  into a message or the log file (:mod:`kamdesk.log`).

A server database (``postgresql+psycopg://user@host/db``, a team's book, issue #17) gets
none of the PRAGMAs: the server owns durability (its WAL and fsync), foreign keys are
always enforced, and waiting for a lock is its business. It gets ``pool_pre_ping`` (a
connection the server dropped overnight is replaced, not reported as an error) and,
for a read-only open, ``default_transaction_read_only`` so the server refuses writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 5000

#: SQLite's ``PRAGMA synchronous`` levels, weakest first.
Synchronous = Literal["OFF", "NORMAL", "FULL", "EXTRA"]
SYNCHRONOUS_LEVELS: tuple[str, ...] = get_args(Synchronous)
DEFAULT_SYNCHRONOUS: Synchronous = "FULL"


class DatabaseOpenError(Exception):
    """The database file cannot be opened (locked, corrupt, not a database, no space)."""


def database_url(db: str) -> str:
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def sqlite_pragmas(synchronous: Synchronous,
                   read_only: bool = False) -> Callable[[Any, Any], None]:
    """The ``connect`` listener that sets this module's pragmas on every new connection
    (a read-only engine gets ``query_only`` and never switches the file to WAL)."""

    def set_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
            cur.close()
            return
        cur.execute("PRAGMA foreign_keys=ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and mode != "memory":
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.close()

    return set_pragmas


def make_engine(db: str, synchronous: Synchronous = DEFAULT_SYNCHRONOUS,
                read_only: bool = False, passphrase: str | None = None) -> Engine:
    """An engine on ``db`` (a file path or a URL). For SQLite, every connection gets WAL,
    foreign keys, a busy timeout and ``PRAGMA synchronous`` at ``synchronous`` (FULL
    unless a caller that does not need durability, i.e. a test, asks otherwise).
    ``read_only``: the file is opened ``mode=ro`` with ``query_only`` (a book the user
    cannot or chose not to write); nothing on the disk changes. ``passphrase``: the
    book is protected (:mod:`kamdesk.store.cipher`); every connection is a SQLCipher
    one whose first statement is ``PRAGMA key``."""
    if synchronous not in SYNCHRONOUS_LEVELS:
        raise ValueError(f"synchronous must be one of {SYNCHRONOUS_LEVELS}, not {synchronous!r}")
    url = database_url(db)
    if passphrase is not None and url.startswith("sqlite:///"):
        return keyed_engine(Path(url[len("sqlite:///"):]), passphrase, synchronous, read_only)
    if read_only and url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        from kamdesk.store.file_check import must_read_immutable, read_only_uri

        path = Path(url[len("sqlite:///"):])
        uri = read_only_uri(path, must_read_immutable(path))
        engine = create_engine("sqlite://", poolclass=QueuePool, creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
        event.listen(engine, "connect", sqlite_pragmas(synchronous, read_only=True))
        return engine
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True)
        event.listen(engine, "connect", sqlite_pragmas(synchronous))
        return engine
    connect_args: dict[str, Any] = {}
    if read_only and url.startswith("postgresql"):
        connect_args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True,
                           connect_args=connect_args)
    if engine.dialect.name == "postgresql" and engine.dialect.driver == "psycopg":
        event.listen(engine, "connect", psycopg_adapters)
    return engine


def psycopg_adapters(dbapi_conn: Any, _record: Any) -> None:
    """Values as SQLite gives and takes them, on every psycopg connection.

    - PostgreSQL's ``sum()`` of a BIGINT (money in fen) is a NUMERIC, which psycopg
      reads as a Decimal; SQLite gives an int, and the code (and JSON) expects one. A
      NUMERIC written without a decimal point is read as an int here; one with decimals
      (a Numeric(5, 2) column, an ``avg()``) stays a Decimal.
    - PostgreSQL's text cannot hold a NUL character (SQLite's can); one pasted or
      imported into a field (never meaningful in a CRM's text) is dropped on the way in
      instead of failing the whole save or import.
    """
    from psycopg.types.numeric import NumericLoader
    from psycopg.types.string import StrDumperUnknown

    class TextWithoutNul(StrDumperUnknown):  # psycopg's own for str: PostgreSQL infers the type
        def dump(self, obj: str) -> Any:
            return super().dump(obj.replace("\x00", "") if "\x00" in obj else obj)

    dbapi_conn.adapters.register_dumper(str, TextWithoutNul)

    class IntegralNumericLoader(NumericLoader):
        def load(self, data: Any) -> Any:
            raw = bytes(data)
            if b"." not in raw and raw.lstrip(b"-").isdigit():
                return int(raw)
            return super().load(data)

    dbapi_conn.adapters.register_loader("numeric", IntegralNumericLoader)


def keyed_engine(path: Path, passphrase: str, synchronous: Synchronous,
                 read_only: bool) -> Engine:
    """An engine on the protected book at ``path``: SQLCipher connections keyed before
    anything else runs, then the same pragmas as a plain book."""
    from kamdesk.store.cipher import connect_keyed

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        "sqlite://", poolclass=QueuePool, hide_parameters=True,
        creator=lambda: connect_keyed(path, passphrase, timeout=BUSY_TIMEOUT_MS / 1000))
    event.listen(engine, "connect", sqlite_pragmas(synchronous, read_only=read_only))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: views keep plain values after a short-lived session ends.
    from kamdesk.store.history import install

    factory = sessionmaker(engine, expire_on_commit=False)
    install(factory)  # every ORM flush is recorded in the change history
    return factory


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
