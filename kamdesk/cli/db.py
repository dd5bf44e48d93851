"""``kamdesk doctor`` and ``kamdesk backup``: care of the database file itself (a backup
carries the attached documents too, in a ``.files`` folder beside the copy)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db


def add_doctor_arguments(parser: argparse.ArgumentParser) -> None:
    """``doctor`` checks the ``--db`` file; ``--reindex`` also rebuilds names' pinyin
    and the search index (done once by itself when a new version reads names better)."""
    parser.add_argument("--reindex", action="store_true",
                        help="rebuild every name's pinyin and the search index")


def run_doctor(args: argparse.Namespace) -> int:
    """Check the file read-only first: a damaged book is not opened for writing, and its
    damaged tables and indexes are named from ``integrity_check``; any other problem is
    the one line and exit code every command gives."""
    from kamdesk.cli.common import passphrase_of
    from kamdesk.paths import is_url, resolve_db
    from kamdesk.store.database import DatabaseProblem, integrity_report

    location = resolve_db(args.db)
    if not is_url(location) and passphrase_of(args) is None:  # a protected book is
        # unreadable without its key: its checks run on the keyed connection below
        from kamdesk.store.file_check import damaged_parts, inspect_file

        try:
            inspect_file(Path(location).expanduser(), check_budget_s=None)
        except DatabaseProblem as exc:
            if exc.kind != "corrupt":
                raise
            for part in damaged_parts(Path(location).expanduser()):
                on = f" (table {part.table})" if part.kind == "index" else ""
                print(f"damaged: {part.kind} {part.name}{on}: {len(part.messages)} problem(s)")
            raise
    db = open_db(args)
    if getattr(args, "reindex", False):
        from kamdesk.store.ops.search_index import rebuild_search_index

        indexed = db.write(rebuild_search_index).value
        print(f"search index rebuilt: {indexed} customers")
    problems = integrity_report(db)
    if problems:
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s) found in {db.location}")
        return EXIT_ERROR
    print(f"ok: {db.location} is sound (schema {db.report.to_revision if db.report else '?'})")
    return EXIT_OK


def add_backup_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument("--to", "--out", dest="out", metavar="FOLDER",
                   help="folder for the copy, e.g. a USB stick (default: the backups folder)")


def run_backup(args: argparse.Namespace) -> int:
    from kamdesk.cli.common import language
    from kamdesk.domain.backup_texts import backup_problem_text
    from kamdesk.io.backup import BackupError, backup_file
    from kamdesk.io.document_store import files_folder_for
    from kamdesk.paths import backup_dir_for

    db = open_db(args)
    if not db.is_sqlite:
        print("backup works on SQLite files; use your server's tools for a server database",
              file=sys.stderr)
        return EXIT_ERROR
    folder = Path(args.out) if args.out else backup_dir_for(db.location)
    try:
        target = backup_file(db.file_path, folder, passphrase=db.passphrase)
    except BackupError as exc:
        print(backup_problem_text(exc.kind, exc.detail, language(args)), file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.dispose()
    print(f"backup -> {target}")
    files = files_folder_for(target)
    if files.is_dir():  # the attached documents its rows use travel with it
        print(f"documents -> {files}")
    return EXIT_OK
