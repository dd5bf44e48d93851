"""Backups: a consistent copy of the live SQLite file, taken while the app runs.

Uses SQLite's online backup API, which copies a consistent snapshot even with WAL
and other connections open; the copy is checked with ``integrity_check`` before it is
given its final name, so a full disk never leaves a broken backup that looks good.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


class BackupError(Exception):
    pass


def backup_file(db_file: str | Path, target_dir: str | Path, now: datetime | None = None) -> Path:
    src_path = Path(db_file)
    if not src_path.exists():
        raise BackupError(f"no database at {src_path}")
    folder = Path(target_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"kamdesk-{stamp}.sqlite3"
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(src_path)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
        if ok != "ok":
            raise BackupError(f"backup copy failed its integrity check: {ok}")
        tmp.replace(target)
    except sqlite3.OperationalError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        src.close()
        if tmp.exists():
            tmp.unlink()
    return target
