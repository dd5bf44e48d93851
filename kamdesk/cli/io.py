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
    },
    "zh_CN": {
        "required": "为必填项但为空", "invalid_date": "不是有效日期",
        "invalid_number": "不是有效数字",
        "unknown_customer": "找不到对应客户", "duplicate": "与文件中前面的客户ID重复",
        "invalid_choice": "不是允许的取值", "out_of_range": "超出允许范围",
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
    from kamdesk.io.tabular import TableReadError

    db = open_db(args)
    try:
        report: ImportReport
        if args.dry_run:
            report = db.read(preview_file, args.file, args.today, args.kind)
        else:
            # The same operation as the window's import: the rows and the recomputed
            # figures in one transaction, all or nothing.
            report = db.write(import_table, args.file, args.kind, args.skip_invalid,
                              args.today).value
    except TableReadError as exc:
        print(f"cannot read {exc.path}: {exc.code} {exc.detail}".strip(), file=sys.stderr)
        return EXIT_ERROR
    if report.missing_columns:
        print(f"{args.file}: missing column(s): {', '.join(report.missing_columns)} "
              f"(not a {report.kind} table?)", file=sys.stderr)
        return EXIT_ERROR
    from kamdesk.domain import vocab

    lang = language(args)
    texts = PROBLEM_TEXT.get(lang, PROBLEM_TEXT["en"])
    for p in report.problems:
        value = f" ({p.value!r})" if p.value else ""
        # The vocabulary's sentence for the other validation codes, lower-cased after
        # the column name ("more than one customer has this name…").
        reason = texts.get(p.code) or _after_column(vocab.label("validation", p.code, lang))
        print(f"line {p.line}: {p.column}{value} {reason}", file=sys.stderr)
    if report.problems and not report.written:
        print(f"nothing imported: {len(report.skipped_lines)} of {report.total_rows} rows have "
              "problems (fix them, or use --skip-invalid)", file=sys.stderr)
        return EXIT_ERROR
    verb = "would import" if args.dry_run else "imported"
    already = f", {report.unchanged} already there" if report.kind == "orders" else ""
    print(f"{verb} {report.kind}: {report.created} new, {report.updated} updated{already}, "
          f"{len(report.skipped_lines)} skipped (lines {report.skipped_lines or '-'})")
    return EXIT_OK


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
