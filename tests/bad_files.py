"""Bad database files for tests, each made from a good KAMDesk book: the cases of #14 item 3.

``make_bad(kind, good, folder)`` returns the path of a file that KAMDesk must refuse (or
open read-only) without changing a byte; ``sha256`` fingerprints it before and after.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

#: every bad file made here, with the kind of DatabaseProblem it must give
CASES = {
    "empty": "empty",
    "text": "not_sqlite",
    "random_bytes": "not_sqlite",
    "foreign_sqlite": "foreign",
    "foreign_wal_sqlite": "foreign",
    "truncated": "truncated",
    "damaged_index": "corrupt",
    "damaged_table": "corrupt",
    "newer": "too_new",
}

#: a phrase of each kind's message, English and Chinese
MESSAGE = {
    "empty": ("is empty (0 bytes)", "是空的（0 字节）"),
    "not_sqlite": ("not a readable KAMDesk database", "不是 KAMDesk 数据库"),
    "foreign": ("another application's database", "其他应用程序的数据库"),
    "truncated": ("is cut short (truncated", "不完整（被截断"),
    "corrupt": ("is damaged", "已损坏"),
    "too_new": ("written by a newer KAMDesk (schema 0099_from_the_future)",
                "由更新版本的 KAMDesk 写入（结构版本 0099_from_the_future）"),
    "readonly": ("cannot be written", "无法写入"),
    "read_only_open": ("This book is open read-only", "此客户资料库以只读方式打开"),
    "locked": ("is locked by another program", "正被其他程序锁定"),
    "disk_full": ("Disk full", "磁盘已满"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def root_page(path: Path, name: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                (name,)).fetchone()[0])


def _damage_page(path: Path, page: int) -> None:
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    with path.open("r+b") as fh:
        fh.seek((page - 1) * page_size)
        fh.write(b"\xff" * 8)  # the b-tree page header: an impossible page type


def make_bad(kind: str, good: Path, folder: Path) -> Path:
    """A file of ``kind`` (a key of :data:`CASES`) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kind}.sqlite3"
    if kind == "empty":
        target.write_bytes(b"")
    elif kind == "text":
        target.write_text("客户名称,联系人\n甲公司,张三\n" * 50, encoding="utf-8")
    elif kind == "random_bytes":
        target.write_bytes(bytes((i * 7919) % 251 for i in range(9000)))
    elif kind in ("foreign_sqlite", "foreign_wal_sqlite"):
        with sqlite3.connect(target) as conn:
            if kind == "foreign_wal_sqlite":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            conn.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
        conn.close()
    else:
        shutil.copy(good, target)
        if kind == "truncated":
            os.truncate(target, target.stat().st_size // 2)
        elif kind == "damaged_index":
            _damage_page(target, root_page(target, "ix_customers_name"))
        elif kind == "damaged_table":
            _damage_page(target, root_page(target, "customers"))
        elif kind == "newer":
            with sqlite3.connect(target) as conn:
                conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
            conn.close()
            with sqlite3.connect(target) as conn:  # everything into the main file
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
    return target
