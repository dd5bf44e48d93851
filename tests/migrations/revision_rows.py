"""Compare a book before and after an upgrade, row by row, value by value.

Shared by the fixture test (every landed revision to head) and the kill test. A row is
found again by its primary key (a batch rebuild may renumber the hidden rowid of a
table without an INTEGER PRIMARY KEY); every column it had keeps its value, and every
column the upgrade added holds that column's default, except the few a migration
derives from other rows (listed in ``DERIVED``, checked by their own tests).
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "revisions"

#: Columns a migration computes when it adds them: (revision that adds them, table, column).
DERIVED = {
    ("0006_task_title_codes", "tasks", "title_code"),
    ("0006_task_title_codes", "tasks", "title_params"),
    ("0008_stored_outstanding", "customer_metrics", "outstanding_cents"),
}
#: Values a migration rewrites on purpose: 0006 turns generated task titles into codes
#: plus facts (title keeps the facts, notes the generated greeting is emptied).
REWRITTEN = {("0006_task_title_codes", "tasks"): {"title", "notes"}}
#: The search index: rewritten by 0004 (its shadow tables are storage, not rows).
SKIPPED_PREFIX = ("sqlite_", "customer_fts")


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def revision_of(conn: sqlite3.Connection) -> str:
    return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def tables(conn: sqlite3.Connection) -> list[str]:
    return [t for (t,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        if not t.startswith(SKIPPED_PREFIX)]


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, Any, int]]:
    """(name, declared type, default SQL, pk position) of each column."""
    return [(r[1], r[2], r[4], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def rows_by_key(conn: sqlite3.Connection, table: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    cols = _columns(conn, table)
    names = [c[0] for c in cols]
    pk = [c[0] for c in sorted(cols, key=lambda c: c[3]) if c[3]] or names
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for values in conn.execute(f'SELECT * FROM "{table}"'):
        row = dict(zip(names, values, strict=True))
        out[tuple(row[k] for k in pk)] = row
    return out


@cache
def default_value(declared_type: str, default_sql: str | None) -> Any:
    """What SQLite stores for a column's DEFAULT (affinity applied), None for none."""
    if default_sql is None:
        return None
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute(f"CREATE TABLE t (x {declared_type} DEFAULT {default_sql}, y)")
        mem.execute("INSERT INTO t (y) VALUES (1)")
        return mem.execute("SELECT x FROM t").fetchone()[0]
    finally:
        mem.close()


def crossed(before: str, after: str, revision: str) -> bool:
    return before < revision <= after


def differences(old: sqlite3.Connection, new: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Everything of ``old`` that ``new`` does not carry over (empty: all kept)."""
    before, after = revision_of(old), revision_of(new)
    new_tables = set(tables(new))
    problems: list[str] = []
    for table in tables(old):
        if table == "alembic_version":
            continue
        if table not in new_tables:
            problems.append(f"{table}: table gone")
            continue
        old_rows, new_rows = rows_by_key(old, table), rows_by_key(new, table)
        if set(old_rows) != set(new_rows):
            problems.append(f"{table}: keys {sorted(map(str, set(old_rows) ^ set(new_rows)))}")
        rewritten = {col for (rev, t), cols in REWRITTEN.items()
                     if t == table and crossed(before, after, rev) for col in cols}
        old_names = {c[0] for c in _columns(old, table)}
        added = [c for c in _columns(new, table) if c[0] not in old_names]
        for key, row in old_rows.items():
            got = new_rows.get(key)
            if got is None:
                continue
            for col, value in row.items():
                if col not in rewritten and got.get(col) != value:
                    problems.append(f"{table}{key}.{col}: {value!r} -> {got.get(col)!r}")
            for name, declared, default_sql, _pk in added:
                if any(t == table and c == name and crossed(before, after, rev)
                       for rev, t, c in DERIVED):
                    continue
                want = default_value(declared, default_sql)
                if got[name] != want:
                    problems.append(f"{table}{key}.{name} (new): {got[name]!r}, want {want!r}")
    return problems[:limit]


def check_file(conn: sqlite3.Connection) -> list[str]:
    """``integrity_check`` and ``foreign_key_check`` findings (empty: sound)."""
    ok = conn.execute("PRAGMA integrity_check").fetchall()
    fks = conn.execute("PRAGMA foreign_key_check").fetchall()
    return ([] if ok == [("ok",)] else [f"integrity: {ok[:3]}"]) + [f"fk: {r}" for r in fks[:3]]
