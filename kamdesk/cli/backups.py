"""``kamdesk restore FILE`` and ``kamdesk backups``: the way back from a backup, and what
backups there are (``kamdesk backup`` itself is in :mod:`kamdesk.cli.db`).

``restore`` does not open the current book through the start path first: a restore is
what a user reaches for when that book is damaged. The book is kept (a verified backup,
or its raw bytes when it fails the check) before the backup is copied in
(:mod:`kamdesk.io.restore`), and the result is then opened by the normal start path,
which upgrades a backup from an older KAMDesk.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, language


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the backup to restore (.sqlite3)")


def _preview_lines(preview, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    from kamdesk.domain import vocab

    return [vocab.pick(lang, "backup of {when}, schema {rev}", "备份时间 {when}，结构版本 {rev}")
            .format(when=preview.taken_at.strftime("%Y-%m-%d %H:%M:%S"), rev=preview.revision),
            vocab.pick(lang, "{c} customers, {p} people, {n} contact log entries",
                       "客户 {c} 家，联系人 {p} 位，沟通记录 {n} 条")
            .format(c=preview.customers, p=preview.people, n=preview.contacts)]


def run_restore(args: argparse.Namespace) -> int:
    from kamdesk.domain import vocab
    from kamdesk.domain.backup_texts import backup_problem_text
    from kamdesk.io.backup import BackupError
    from kamdesk.io.restore import restore_backup
    from kamdesk.paths import backup_dir_for, is_url, resolve_db
    from kamdesk.store.database import open_database

    lang = language(args)
    location = resolve_db(args.db)
    if is_url(location):
        print("restore works on SQLite files; use your server's tools for a server database",
              file=sys.stderr)
        return EXIT_USAGE
    backup_dir = backup_dir_for(location)
    try:
        result = restore_backup(Path(args.file), Path(location), backup_dir)
    except BackupError as exc:
        print(backup_problem_text(exc.kind, exc.detail, lang), file=sys.stderr)
        return EXIT_ERROR
    for line in _preview_lines(result.restored, lang):
        print(line)
    if result.previous_copy is not None:
        print(vocab.pick(lang, "the book it replaced was kept as {p}", "被替换的数据库已保存为 {p}")
              .format(p=result.previous_copy))
    db = open_database(location, backup_dir)  # the start path: upgrades an older backup
    try:
        revision = db.report.to_revision if db.report else "?"
    finally:
        db.dispose()
    print(vocab.pick(lang, "restored {f} (schema {r})", "已恢复 {f}（结构版本 {r}）")
          .format(f=location, r=revision))
    return EXIT_OK


def add_backups_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true",
                        help="also the backups made by hand, before an upgrade or a restore")


def run_backups(args: argparse.Namespace) -> int:
    from kamdesk.domain.file_size import readable_size
    from kamdesk.io.backup import BackupError
    from kamdesk.io.backup_catalog import automatic_backups, inspect_backup, taken_at
    from kamdesk.paths import backup_dir_for, is_url, resolve_db

    location = resolve_db(args.db)
    if is_url(location):
        print("backups are kept for SQLite files only", file=sys.stderr)
        return EXIT_USAGE
    folder = backup_dir_for(location)
    if args.all:
        paths = sorted(folder.glob("*.sqlite3"), key=taken_at) if folder.is_dir() else []
    else:
        paths = automatic_backups(Path(location), folder) if folder.is_dir() else []
    for path in paths:
        try:
            preview = inspect_backup(path, check=False)
            revision = preview.revision or "-"
        except BackupError:
            revision = "-"
        print(f"{taken_at(path):%Y-%m-%d %H:%M:%S}\t{readable_size(path.stat().st_size)}\t"
              f"{revision}\t{path}")
    return EXIT_OK
