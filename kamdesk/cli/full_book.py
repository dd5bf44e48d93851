"""``kamdesk export full --out F.zip`` and ``kamdesk import F.zip``: the whole book, with
its attached files, out to one ZIP and into an empty database again
(:mod:`kamdesk.io.full_export`, format in ``docs/full-export.md``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, open_db

#: why a file cannot be imported, by :class:`FullExportError` code
REFUSALS = {
    "not_full_export": "is not a KAMDesk full export (no manifest)",
    "format_too_new": "was written in a newer export format; update KAMDesk to import it",
    "schema_unknown": "was exported from a newer KAMDesk (schema {detail}); "
                      "update KAMDesk to import it",
    "damaged": "is damaged ({detail})",
}


def run_full_export(args: argparse.Namespace) -> int:
    from kamdesk.io.document_store import store_for_database
    from kamdesk.io.full_export import export_full

    db = open_db(args)
    try:
        summary = db.read(export_full, args.out, store_for_database(db.location))
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    rows = sum(summary.counts.values())
    print(f"{rows} rows in {len(summary.counts)} tables, {summary.files} files -> {args.out}")
    if summary.missing_files:
        print(f"{len(summary.missing_files)} attached file(s) were already missing from the "
              "document store: " + ", ".join(summary.missing_files), file=sys.stderr)
    return EXIT_OK


def run_full_import(args: argparse.Namespace) -> int:
    from kamdesk.io.document_store import store_for_database
    from kamdesk.io.full_export import FullExportError, load_export
    from kamdesk.store.errors import ValidationError
    from kamdesk.store.queries.full_book import non_empty_tables

    db = open_db(args)
    busy = db.read(non_empty_tables)
    if busy:
        print(f"{args.db or 'this database'} is not empty ({', '.join(busy[:5])}…): a full "
              "export is imported only into an empty database (kamdesk --db NEW.sqlite3 "
              f"import {args.file})", file=sys.stderr)
        return EXIT_ERROR
    if args.dry_run:
        from kamdesk.io.full_export import read_export

        try:
            export = read_export(args.file)
        except FullExportError as exc:
            return _refused(args.file, exc)
        print(f"would import {sum(export.manifest['tables'].values())} rows "
              f"in {len(export.book)} tables")
        return EXIT_OK
    try:
        changes = db.write(load_export, args.file, store_for_database(db.location),
                           args.today or date.today())
    except FullExportError as exc:
        return _refused(args.file, exc)
    except ValidationError as exc:
        print(f"{args.file}: cannot import: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    counts: dict[str, int] = changes.value
    print(f"imported {sum(counts.values())} rows in {len(counts)} tables; figures and "
          "search index rebuilt")
    return EXIT_OK


def _refused(path: str, exc: BaseException) -> int:
    code = getattr(exc, "code", "damaged")
    reason = REFUSALS.get(code, code).format(detail=getattr(exc, "detail", ""))
    print(f"{path} {reason}", file=sys.stderr)
    return EXIT_ERROR
