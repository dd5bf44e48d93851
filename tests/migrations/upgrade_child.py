"""Started by test_upgrade_kills.py: a normal start on an old book (so it upgrades),
killed from outside at a chosen moment.

Prints ``ready`` once everything is imported (import time is not what the test
aims at), ``backup`` / ``backup-done`` around the pre-upgrade backup and ``upgrade`` /
``upgrade-done`` around the upgrade transaction; in ``backup`` mode it slows the backup
to one page per step so kills can land inside it.
Usage: python upgrade_child.py DB BACKUP_DIR upgrade|backup
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def announced(real, marker):  # type: ignore[no-untyped-def]
    def run(*args, **kw):  # type: ignore[no-untyped-def]
        print(marker, flush=True)
        result = real(*args, **kw)
        print(f"{marker}-done", flush=True)
        return result

    return run


def main(db: str, backups: str, mode: str) -> None:
    import alembic.command  # noqa: F401 - imported now, not inside the timed part

    from kamdesk.store import migrate, upgrade_backup
    from kamdesk.store.database import open_database

    if mode == "backup":
        upgrade_backup.BACKUP_STEP_PAGES = 1
        upgrade_backup.on_backup_step = lambda status, left, total: time.sleep(0.0005)
    for name, marker in (("pre_upgrade_backup", "backup"), ("run_upgrade", "upgrade")):
        setattr(migrate, name, announced(getattr(migrate, name), marker))
    print("ready", flush=True)
    database = open_database(db, Path(backups))  # the app's own settings: synchronous FULL
    database.dispose()
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
