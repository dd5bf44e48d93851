"""Bring a user's database to the schema this build expects, without losing a row.

Rules (see shared/PITFALLS.md):
- a brand-new file gets ``create_all`` and is stamped at head;
- an older file is backed up first, then upgraded with foreign keys OFF (a batch
  table rebuild with them ON cascades away child rows), inside one transaction,
  then ``PRAGMA foreign_key_check`` must come back empty or the upgrade is rolled back;
- a file from a newer KAMDesk is refused, never "downgraded".
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from kamdesk.store.schema_version import HEAD_REVISION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


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


def backup_sqlite_file(engine: Engine, backup_dir: Path, reason: str) -> Path | None:
    """Consistent online copy through SQLite's backup API (safe with WAL)."""
    db_file = engine.url.database
    if engine.dialect.name != "sqlite" or not db_file or db_file == ":memory:":
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{Path(db_file).stem}-{reason}-{stamp}.sqlite3"
    src = sqlite3.connect(db_file)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def _create_fresh(engine: Engine) -> None:
    from kamdesk.store.models import Base

    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        if engine.dialect.name == "sqlite":
            from kamdesk.store.search_sqlite import create_search_objects

            create_search_objects(conn)
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
    """Alembic upgrade with foreign keys off around it and a foreign-key check after."""
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn, extra_version_dirs), target)
                if sqlite:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise MigrationFailed(
                            f"foreign key check failed after upgrade: {problems[:5]}"
                        )
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def ensure_schema(
    engine: Engine,
    backup_dir: Path,
    extra_version_dirs: list[Path] | None = None,
    expected_head: str = HEAD_REVISION,
) -> MigrationReport:
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
    backup = backup_sqlite_file(engine, backup_dir, f"before-upgrade-{found}")
    log.info("upgrading database %s -> head (backup %s)", found, backup)
    run_upgrade(engine, "head", extra_version_dirs)
    with engine.connect() as conn:
        now = current_revision(conn)
    return MigrationReport("upgraded", found, now or expected_head, backup)
