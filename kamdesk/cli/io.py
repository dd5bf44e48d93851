"""``kamdesk import``, ``export`` and ``vcard``: tables and contacts in and out, headless."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, iso_date, language, open_db

PROBLEM_TEXT = {
    "en": {
        "required": "is empty but required", "invalid_date": "is not a date",
        "invalid_number": "is not a number", "unknown_customer": "names no known customer",
        "duplicate": "repeats a code used earlier in the file",
        "invalid_choice": "is not an allowed value", "out_of_range": "is out of range",
        "ambiguous_date": "is a date that can be read two ways (write a four-digit year first)",
        "invalid_amount": "is not an amount of money", "negative_amount": "must not be negative",
    },
    "zh_CN": {
        "required": "为必填项但为空", "invalid_date": "不是有效日期",
        "invalid_number": "不是有效数字",
        "unknown_customer": "找不到对应客户", "duplicate": "与文件中前面的客户ID重复",
        "invalid_choice": "不是允许的取值", "out_of_range": "超出允许范围",
        "ambiguous_date": "日期有歧义（请写四位年份、年份在前）", "invalid_amount": "不是有效金额",
        "negative_amount": "不能为负数",
    },
}


def add_import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--kind", choices=("customers", "contacts", "events", "orders"),
                   help="table kind (default: detected from the headers)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the good rows and list the skipped ones (default: all or nothing)")
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument("--customer", metavar="CODE",
                   help="vCard (.vcf): the customer the contacts belong to "
                        "(default: matched by each card's company)")
    p.add_argument("--mapping", metavar="M.json",
                   help="columns as mapped in this JSON file (see docs/import.md); the "
                        "mapping saved for the file's header shape is used")
    p.add_argument("--save-mapping", metavar="M.json",
                   help="write the column mapping used (guessed or given) to this file")
    p.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="skip",
                   help="a customer row that looks like another customer (same name, phone "
                        "or email): skip it (default, reported), update that customer, or "
                        "create a new one")
    p.add_argument("--today", type=iso_date, default=None, help=argparse.SUPPRESS)


def add_export_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("what", choices=("customers", "contacts", "events", "full"),
                   help="full: every table and attached file as one .zip (docs/full-export.md)")
    e.add_argument("--out", required=True, metavar="FILE", help=".csv or .xlsx (full: .zip)")
    e.add_argument("--customer", metavar="CODE", help="contact log of one customer only")


def add_vcard_arguments(v: argparse.ArgumentParser) -> None:
    v.add_argument("--out", required=True, metavar="FILE.vcf")
    v.add_argument("--customer", metavar="CODE")
    v.add_argument("--today", type=iso_date, default=None, help=argparse.SUPPRESS)


def run_import(args: argparse.Namespace) -> int:
    if args.file.lower().endswith(".zip"):
        from kamdesk.cli.full_book import run_full_import

        return run_full_import(args)
    if args.file.lower().endswith((".vcf", ".vcard")):
        from kamdesk.cli.vcard_import import run_vcard_import

        return run_vcard_import(args)
    from kamdesk.io.import_tables import ImportReport, import_table, preview_file
    from kamdesk.io.sheets.columns import meaning_label
    from kamdesk.io.sheets.mapping import MappingError
    from kamdesk.io.tabular import TableReadError

    lang = language(args)
    try:
        mapping = _mapping_for(args)
    except MappingError as exc:
        print(f"cannot use mapping {args.mapping}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except TableReadError as exc:
        print(f"cannot read {exc.path}: {exc.code} {exc.detail}".strip(), file=sys.stderr)
        return EXIT_ERROR
    db = open_db(args)
    try:
        report: ImportReport
        if args.dry_run:
            report = db.read(preview_file, args.file, args.today, args.kind, mapping)
        else:
            # The same operation as the window's import: the rows and the recomputed
            # figures in one transaction, all or nothing.
            report = db.write(import_table, args.file, args.kind, args.skip_invalid,
                              args.today, mapping, args.on_duplicate,
                              default_owner=getattr(args, "user", None) or None).value
    except TableReadError as exc:
        print(f"cannot read {exc.path}: {exc.code} {exc.detail}".strip(), file=sys.stderr)
        return EXIT_ERROR
    if report.missing_columns:
        missing = ", ".join(meaning_label(m, lang) for m in report.missing_columns)
        print(f"{args.file}: missing column(s): {missing} "
              f"(not a {report.kind} table?)", file=sys.stderr)
        return EXIT_ERROR
    from kamdesk.domain import vocab

    texts = PROBLEM_TEXT.get(lang, PROBLEM_TEXT["en"])
    for skipped in report.skipped_rows:
        print(f"row {skipped.line}: {SKIP_TEXT[skipped.reason]}", file=sys.stderr)
    for p in report.problems:
        value = f" ({p.value!r})" if p.value else ""
        # The vocabulary's sentence for the other validation codes, lower-cased after
        # the column name ("more than one customer has this name…").
        reason = texts.get(p.code) or _after_column(vocab.label("validation", p.code, lang))
        column = p.header or meaning_label(p.column, lang)
        print(f"row {p.line}: {column}{value} {reason}", file=sys.stderr)
    if report.problems and not report.written:
        print(f"nothing imported: {len(report.skipped_lines)} of {report.total_rows} rows have "
              "problems (fix them, or use --skip-invalid)", file=sys.stderr)
        return EXIT_ERROR
    verb = "would import" if args.dry_run else "imported"
    already = f", {report.unchanged} already there" if report.unchanged else ""
    print(f"{verb} {report.kind}: {report.created} new, {report.updated} updated{already}, "
          f"{len(report.skipped_lines)} skipped (lines {report.skipped_lines or '-'})")
    for c in report.updated_fields:
        print(f"  {c.customer} {c.field}: {_shown(c.old)} -> {_shown(c.new)}")
    for d in report.duplicates:
        done = {"skip": "skipped (use --on-duplicate update|create)",
                "update": f"updated {d.existing_code}", "create": "created anyway"}[d.action]
        print(f"  line {d.line}: {d.name!r} looks like {d.existing_code} (same {d.reason}): "
              f"{done}")
    if report.batch_id is not None:
        print(f"import {report.batch_id} recorded (undo: kamdesk undo-import {report.batch_id})")
    return EXIT_OK


SKIP_TEXT = {"blank": "blank row, skipped", "total": "total row (合计/Total), skipped",
             "nul_removed": "NUL characters removed from its cells"}


def _mapping_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The mapping to import with: the one in ``--mapping`` for this file's shape
    (None: guess); with ``--save-mapping`` the mapping used is written there."""
    from kamdesk.io.sheets.mapping import (
        MappingError,
        guess_mapping,
        load_mappings,
        pick_mapping,
        save_mapping,
    )
    from kamdesk.io.tabular import read_table

    if not args.mapping and not args.save_mapping:
        return None
    table = read_table(args.file)
    mapping = None
    if args.mapping:
        mapping = pick_mapping(load_mappings(args.mapping), table.names, args.kind)
        if mapping is None:
            raise MappingError("it holds no mapping for this file's headers "
                               f"({' | '.join(table.headers)})")
    if args.save_mapping:
        chosen = mapping or guess_mapping(table.names, args.kind)
        if chosen is not None:
            if not chosen.shape:
                chosen.shape = [n.key for n in table.names]
            save_mapping(args.save_mapping, chosen)
    return mapping


def _shown(value: object) -> str:
    return "(empty)" if value is None or value == "" else str(value)


def _after_column(sentence: str) -> str:
    """A vocabulary sentence ("More than one customer…") to follow a column name."""
    return sentence[:1].lower() + sentence[1:] if sentence[:1].isascii() else sentence


def run_export(args: argparse.Namespace) -> int:
    if args.what == "full":
        from kamdesk.cli.full_book import run_full_export

        return run_full_export(args)
    from kamdesk.io import export_tables as ex

    db = open_db(args)
    lang = language(args)
    try:
        with db.engine.connect() as conn:
            if args.what == "customers":
                n = ex.write_rows(args.out, ex.CUSTOMER_HEADERS[lang],
                                  ex.customer_rows(conn, date.today(), lang))
            elif args.what == "events":
                # 表3 is the method's own table: its columns as the method names them,
                # unless an English copy is asked for explicitly (--lang en).
                table_lang = lang if args.lang else "zh_CN"
                n = ex.write_rows(args.out, ex.EVENT_HEADERS[table_lang],
                                  ex.event_rows(conn, table_lang))
            else:
                n = ex.write_rows(args.out, ex.CONTACT_HEADERS[lang],
                                  ex.contact_rows(conn, lang, args.customer))
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{n} rows -> {args.out}")
    return EXIT_OK


def run_vcard(args: argparse.Namespace) -> int:
    from kamdesk.io.vcard import write_vcards

    db = open_db(args)
    try:
        with db.engine.connect() as conn:
            n = write_vcards(conn, args.out, args.customer, args.today)
    except OSError as exc:
        print(f"cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{n} contacts -> {args.out}")
    return EXIT_OK
