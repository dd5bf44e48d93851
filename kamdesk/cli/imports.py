"""``kamdesk imports``, ``undo-import`` and ``duplicates``: what imports did, taking one
back, and the customers that look like one company (listed, or merged with --merge)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, language, open_db

UNDO_TEXT = {
    "en": {"unknown_batch": "there is no such import",
           "already_undone": "this import was already undone",
           "edited_since": "a row it wrote was edited or deleted since",
           "has_dependents": "records were added since to what it imported"},
    "zh_CN": {"unknown_batch": "没有这次导入", "already_undone": "这次导入已撤销",
              "edited_since": "导入的数据此后已被修改或删除",
              "has_dependents": "此后已有新记录关联到导入的数据"},
}


def add_imports_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=50)


def add_undo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("batch", type=int, metavar="ID", help="the import's id (see `imports`)")


def add_duplicates_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--merge", nargs=2, metavar=("KEEP_CODE", "DROP_CODE"),
                   help="move everything of DROP_CODE to KEEP_CODE and delete DROP_CODE")


def run_imports(args: argparse.Namespace) -> int:
    from kamdesk.store.queries.import_batches import list_batches

    db = open_db(args)
    for b in db.read(list_batches, args.limit):
        undone = f"\tundone {b.undone_at:%Y-%m-%d %H:%M}" if b.undone_at else ""
        print(f"{b.id}\t{b.started_at:%Y-%m-%d %H:%M}\t{b.kind}\t{b.file_name}\t"
              f"{b.inserted} new\t{b.updated} updated{undone}")
    return EXIT_OK


def run_undo_import(args: argparse.Namespace) -> int:
    from kamdesk.store.ops.import_batches import UndoRefused, undo_import

    db = open_db(args)
    try:
        changes = db.write(undo_import, args.batch, datetime.now().replace(microsecond=0))
    except UndoRefused as exc:
        texts = UNDO_TEXT.get(language(args), UNDO_TEXT["en"])
        print(f"cannot undo import {args.batch}: {texts.get(exc.code, exc.code)} "
              f"({exc.detail})", file=sys.stderr)
        return EXIT_ERROR
    print(f"undid import {args.batch}: {changes.value} rows")
    return EXIT_OK


def run_duplicates(args: argparse.Namespace) -> int:
    from kamdesk.store.errors import ValidationError
    from kamdesk.store.ops.customer_merge import merge_customers
    from kamdesk.store.queries.customer_matching import duplicate_pairs
    from kamdesk.store.queries.customers import ids_by_code

    db = open_db(args)
    if args.merge:
        ids = db.read(ids_by_code)
        keep, drop = (ids.get(c) for c in args.merge)
        if keep is None or drop is None:
            missing = [c for c in args.merge if c not in ids]
            print(f"no customer with code {', '.join(missing)}", file=sys.stderr)
            return EXIT_ERROR
        try:
            db.write(merge_customers, keep, drop)
        except ValidationError as exc:
            print(f"cannot merge: {exc.field} {exc.code}", file=sys.stderr)
            return EXIT_ERROR
        print(f"merged {args.merge[1]} into {args.merge[0]}")
        return EXIT_OK
    for p in db.read(duplicate_pairs):
        print(f"{p.first_code}\t{p.first_name}\t{p.second_code}\t{p.second_name}\t{p.reason}")
    return EXIT_OK
