"""Bring a user's database to the schema this build expects, without losing a row.

Rules (see shared/PITFALLS.md):
- a brand-new file gets ``create_all`` and is stamped at head, in one transaction;
- an older file is backed up first (:mod:`kamdesk.store.upgrade_backup`: one verified
  copy per upgrade), then upgraded with foreign keys OFF (a batch table rebuild with
  them ON cascades away child rows) inside ONE real SQLite transaction, and
  ``PRAGMA foreign_key_check`` must come back empty before COMMIT or it is rolled back;
- a file from a newer KAMDesk is refused, never "downgraded".

Why one transaction on the app's own connection, not an upgrade of a copy swapped in:
SQLite DDL is transactional, so a kill at any moment (WAL or rollback journal) leaves
the file at the old revision with every row or at the new one with every row, with no
second full copy on the disk, no rename of a live database next to its -wal/-shm (which
Windows refuses while another program has it open), and nothing to clean up after.
Python's sqlite3 would defeat it in its default mode — it issues no BEGIN before DDL,
so each step committed alone — hence :func:`one_transaction` turns that off
(``isolation_level = None``) and emits ``BEGIN IMMEDIATE`` itself; Alembic sees the
connection already in a transaction and adds none of its own.

On PostgreSQL (a team's database, issue #17) there is no file: no pre-upgrade file
backup (the server's own backups are the administrator's business), no PRAGMAs; DDL
is transactional there too, so creating or upgrading is still one transaction. Several
clients may start at once against one fresh or older database, so the whole check and
upgrade runs under a session-level advisory lock (:func:`schema_lock`,
``pg_advisory_lock`` on :data:`SCHEMA_LOCK_KEY`): the first client migrates, the others
wait, then find the schema at head and do nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from kamdesk.store.schema_version import HEAD_REVISION
from kamdesk.store.upgrade_backup import pre_upgrade_backup

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

#: the PostgreSQL advisory lock key every KAMDesk client takes before it looks at or
#: changes the schema ("KAMDesk" in ASCII, folded into a bigint)
SCHEMA_LOCK_KEY = 0x4B414D4465736B


class SchemaTooNew(Exception):
    def __init__(self, found: str) -> None:
        super().__init__(found)
        self.found = found


class MigrationFailed(Exception):
    pass


@dataclass(frozen=True)
class MigrationReport:
    action: str  # 'created' | 'upgraded' | 'current'
    from_revision: str | None
    to_revision: str
    backup: Path | None = None


def current_revision(conn: Connection) -> str | None:
    try:
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except Exception:
        conn.rollback()
        return None
    return row[0] if row else None


def _alembic_config(conn: Connection, extra_version_dirs: list[Path] | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    locations = [str(MIGRATIONS_DIR / "versions")] + [str(p) for p in extra_version_dirs or []]
    cfg.set_main_option("version_locations", " ".join(locations))
    cfg.set_main_option("path_separator", "space")
    cfg.attributes["connection"] = conn
    return cfg


def known_revisions(extra_version_dirs: list[Path] | None = None) -> set[str]:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    with create_engine("sqlite://").connect() as conn:
        script = ScriptDirectory.from_config(_alembic_config(conn, extra_version_dirs))
        return {rev.revision for rev in script.walk_revisions()}


def script_head(extra_version_dirs: list[Path] | None = None) -> str:
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    with create_engine("sqlite://").connect() as conn:
        heads = ScriptDirectory.from_config(_alembic_config(conn, extra_version_dirs)).get_heads()
    if len(heads) != 1:
        raise MigrationFailed(f"expected one migration head, found {heads}")
    return heads[0]


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind ``engine``, or None (not SQLite, or in memory)."""
    db_file = engine.url.database
    if engine.dialect.name != "sqlite" or not db_file or db_file == ":memory:":
        return None
    return Path(db_file)


@contextmanager
def one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection on which everything, DDL included, is one SQLite transaction,
    committed only if ``PRAGMA foreign_key_check`` finds nothing, with foreign keys OFF
    meanwhile (set before BEGIN: the pragma is a no-op inside a transaction)."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        legacy_mode = dbapi.isolation_level
        dbapi.isolation_level = None  # no implicit BEGIN/COMMIT: ours are the only ones
        try:
            # IMMEDIATE: take the write lock now, so no other writer slips in between.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationFailed(f"foreign key check failed: {problems[:5]}")
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            dbapi.isolation_level = legacy_mode
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold PostgreSQL's advisory lock :data:`SCHEMA_LOCK_KEY` for the block, on a
    connection of its own, so two starting clients never migrate at once; released
    after (also when the block raises). On SQLite, nothing: ``BEGIN IMMEDIATE`` in
    :func:`one_transaction` already lets one writer in at a time."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({SCHEMA_LOCK_KEY})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({SCHEMA_LOCK_KEY})")
            conn.commit()


def _create_fresh(engine: Engine) -> None:
    from kamdesk.store.models import Base

    with one_transaction(engine) as conn:
        Base.metadata.create_all(conn)
        if engine.dialect.name == "sqlite":
            from kamdesk.store.search_sqlite import create_search_objects

            create_search_objects(conn)
        else:  # the pg_trgm search table and index (kamdesk.store.search_pg)
            from kamdesk.store.search_pg import create_search_objects as create_pg_search

            create_pg_search(conn)
            from kamdesk.store.sort_indexes_pg import create_sort_indexes

            create_sort_indexes(conn)
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS alembic_version ("
            "version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        conn.exec_driver_sql("DELETE FROM alembic_version")
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"),
                     {"v": HEAD_REVISION})


def run_upgrade(
    engine: Engine,
    target: str = "head",
    extra_version_dirs: list[Path] | None = None,
) -> None:
    """Alembic upgrade to ``target`` as one transaction (see :func:`one_transaction`)."""
    from alembic import command

    with one_transaction(engine) as conn:
        command.upgrade(_alembic_config(conn, extra_version_dirs), target)


def ensure_schema(
    engine: Engine,
    backup_dir: Path,
    extra_version_dirs: list[Path] | None = None,
    expected_head: str = HEAD_REVISION,
) -> MigrationReport:
    """Create, upgrade or leave the schema (see the module docstring); on PostgreSQL
    under :func:`schema_lock`, and with no file backup (``backup_dir`` is unused)."""
    with schema_lock(engine):
        return _ensure_schema(engine, backup_dir, extra_version_dirs, expected_head)


def _ensure_schema(engine: Engine, backup_dir: Path, extra_version_dirs: list[Path] | None,
                   expected_head: str) -> MigrationReport:
    with engine.connect() as conn:
        found = current_revision(conn)
        has_tables = bool(inspect(conn).get_table_names()) if found is None else True
    if found == expected_head:
        return MigrationReport("current", found, found)
    if found is None and not has_tables:
        _create_fresh(engine)
        log.info("created new database at %s", engine.url)
        return MigrationReport("created", None, expected_head)
    if found is None:
        raise MigrationFailed("the file has tables but no KAMDesk schema version")
    if found not in known_revisions(extra_version_dirs):
        raise SchemaTooNew(found)
    db_file = sqlite_file(engine)
    backup = (pre_upgrade_backup(db_file, backup_dir, found, expected_head)
              if db_file is not None else None)
    log.info("upgrading database %s -> head (backup %s)", found, backup)
    run_upgrade(engine, "head", extra_version_dirs)
    with engine.connect() as conn:
        now = current_revision(conn)
    return MigrationReport("upgraded", found, now or expected_head, backup)
