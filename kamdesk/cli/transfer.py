"""``kamdesk migrate-to URL``: move the book (``--db``, or the default one) into a team
database (or another file), with its attached files, and print the row counts per
table, source against target (:mod:`kamdesk.io.book_transfer`).

Exit 0 only when every count matches. A book that cannot be opened is told as every
command tells it (the exit codes of ``kamdesk --help``); a server that cannot be reached,
a target that holds other data (without ``--join``) or another book's half-finished
move, or a row the server refuses, exit 1 with one line in the run's language.
Interrupted (Ctrl+C, a lost connection), the same command continues where the last
committed batch ended. ``--join`` adds the book beside the books already there (a
colleague joining the team database) and lists the codes it had to change; ``--owner``
gives the moved accounts to a team member's role.
"""

from __future__ import annotations

import argparse
import sys
import time

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, language, open_db, problem_exit_code
from kamdesk.domain.vocab import pick

EXIT_INTERRUPTED = 130

_WORDS = {
    "unreachable": ("Cannot reach the database {url}: {reason}. Nothing was copied. Check "
                    "the address, the network and that the server is running, then run "
                    "the same command again.",
                    "无法连接数据库 {url}：{reason}。未复制任何数据。请检查地址、网络以及"
                    "服务器是否在运行，然后再次运行同一命令。"),
    "target_not_empty": ("The database {url} already holds data ({detail}); nothing was "
                         "copied. To add this book beside it (a team database colleagues "
                         "already use), run the command again with --join.",
                         "数据库 {url} 中已有数据（{detail}）；未复制任何数据。如要把此客户"
                         "资料库加入其中（同事已在使用的团队数据库），请加上 --join 再次运行。"),
    "renamed_customers": ("{n} customer code(s) were already used in {url} and were given "
                          "new ones: {list}",
                          "{n} 个客户编号在 {url} 中已被使用，已改为新编号：{list}"),
    "renamed_contracts": ("{n} contract number(s) were already used in {url} and were "
                          "given new ones: {list}",
                          "{n} 个合同编号在 {url} 中已被使用，已改为新编号：{list}"),
    "refused": ("The database {url} refused a row: {reason}. What was copied is kept; "
                "fix the cause (on a team database, a team lead sees every colleague's "
                "codes and may set any owner) and run the same command again.",
                "数据库 {url} 拒绝了一行数据：{reason}。已复制的数据会保留；请排除原因（在"
                "团队数据库中，团队负责人能看到所有同事的编号并可指定任何负责人）后再次运行"
                "同一命令。"),
    "other_transfer": ("The database {url} holds the unfinished move of another book "
                       "({detail}). Finish that move first (run its command again), or "
                       "choose another database; nothing was copied.",
                       "数据库 {url} 中有另一个客户资料库（{detail}）未完成的迁移。请先完成"
                       "那次迁移（再次运行它的命令），或选择其他数据库；未复制任何数据。"),
    "same_book": ("{url} is the book being moved; choose another database.",
                  "{url} 就是要迁移的客户资料库；请选择其他数据库。"),
    "dangling": ("The book holds a row that refers to a missing row ({detail}); run "
                 "'kamdesk doctor' on it first.",
                 "客户资料库中有引用了不存在记录的数据（{detail}）；请先对它运行"
                 "“kamdesk doctor”。"),
    "interrupted": ("Interrupted. What was copied is kept; run the same command again to "
                    "continue.",
                    "已中断。已复制的数据会保留；再次运行同一命令即可继续。"),
    "done_before": ("This book was already moved to {url}; the counts of that move:",
                    "此客户资料库已迁移到 {url}；该次迁移的计数："),
    "resumed": ("Continued an interrupted move.", "已继续先前中断的迁移。"),
    "header": ("table", "数据表"), "source": ("source", "源"), "target": ("target", "目标"),
    "files": ("attached files", "附件文件"),
    "missing": ("{n} attached file(s) were already missing from the book's document folder "
                "and could not be moved: {list}",
                "{n} 个附件文件在客户资料库的附件文件夹中已缺失，无法迁移：{list}"),
    "ok": ("All {tables} tables match: {rows} rows in {seconds:.1f} s (CPU {cpu:.1f} s).",
           "全部 {tables} 个数据表计数一致：共 {rows} 行，用时 {seconds:.1f} 秒"
           "（CPU {cpu:.1f} 秒）。"),
    "mismatch": ("Counts differ for: {list}. The move is not finished; run the same "
                 "command again.",
                 "以下数据表计数不一致：{list}。迁移未完成；请再次运行同一命令。"),
}


def _say(lang: str, key: str, **values: object) -> str:
    en, zh = _WORDS[key]
    return pick(lang, en, zh).format(**values)


def add_migrate_to_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", metavar="URL",
                   help="the database to move the book into: postgresql+psycopg://user@host/db "
                        "(or a new .sqlite3 file)")
    p.add_argument("--batch-size", type=int, default=2000, metavar="N",
                   help="rows per committed batch (default 2000)")
    p.add_argument("--join", action="store_true",
                   help="add the book to a database that already holds others (a team "
                        "database): codes and contract numbers already used there get new "
                        "ones, tags of the same name are shared, its settings stay")
    p.add_argument("--owner", metavar="ROLE", default=None,
                   help="make ROLE the owner of every moved customer and task (on a team "
                        "database, whose accounts they are)")


def shown_url(url: str) -> str:
    """``url`` as it may be printed: never its password."""
    if "://" not in url:
        return url
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: print nothing of it but the scheme
        return url.split("://", 1)[0] + "://…"


def run_migrate_to(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from kamdesk.io.book_transfer import TransferFailed, TransferRefused, source_identity
    from kamdesk.io.document_store import store_for_database

    lang = language(args)
    url = shown_url(args.url)
    db = open_db(args)  # a locked, damaged or newer book: told as every command tells it
    if source_identity(args.url) == source_identity(db.location):
        print(_say(lang, "same_book", url=url), file=sys.stderr)
        return EXIT_ERROR
    opened = _open_target(args.url, lang)
    if isinstance(opened, int):
        return opened
    target, target_store = opened
    started, cpu = time.perf_counter(), time.process_time()
    try:
        from kamdesk.io.book_transfer import transfer_book

        report = transfer_book(db.engine, db.location, store_for_database(db.location),
                               target.engine, target_store, batch_size=args.batch_size,
                               join=args.join, owner=args.owner)
    except DBAPIError as exc:  # a unique value or a row-security rule on the server
        from kamdesk.store.database import plain_reason

        print(_say(lang, "refused", url=url, reason=plain_reason(exc)), file=sys.stderr)
        return EXIT_ERROR
    except TransferRefused as exc:
        print(_say(lang, exc.code, url=url, detail=exc.detail), file=sys.stderr)
        return EXIT_ERROR
    except TransferFailed as exc:
        print(_say(lang, exc.code, url=url, detail=exc.detail), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_say(lang, "interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        target.dispose()
    if report.already_done:
        print(_say(lang, "done_before", url=url))
    elif report.resumed:
        print(_say(lang, "resumed"))
    _print_counts(lang, report)
    for table, pairs in sorted(report.renamed.items()):
        shown = ", ".join(f"{a} → {b}" for a, b in pairs[:20]) + (" …" if len(pairs) > 20 else "")
        print(_say(lang, f"renamed_{table}", n=len(pairs), url=url, list=shown))
    if report.missing_files:
        print(_say(lang, "missing", n=len(report.missing_files),
                   list=", ".join(report.missing_files)), file=sys.stderr)
    bad = [c.table for c in report.tables if not c.ok]
    if report.documents.source != report.documents.target:
        bad.append(_say(lang, "files"))
    if bad:
        print(_say(lang, "mismatch", list=", ".join(bad)), file=sys.stderr)
        return EXIT_ERROR
    print(_say(lang, "ok", tables=len(report.tables),
               rows=sum(c.target for c in report.tables),
               seconds=time.perf_counter() - started, cpu=time.process_time() - cpu))
    return EXIT_OK


def _print_counts(lang: str, report: object) -> None:
    from kamdesk.io.book_transfer import TransferReport

    assert isinstance(report, TransferReport)
    print(f"{_say(lang, 'header'):<28}{_say(lang, 'source'):>10}{_say(lang, 'target'):>10}")
    for c in report.tables:
        mark = "" if c.ok else "  ≠"
        print(f"{c.table:<28}{c.source:>10}{c.target:>10}{mark}")
    d = report.documents
    mark = "" if d.source == d.target else "  ≠"
    print(f"{_say(lang, 'files'):<28}{d.source:>10}{d.target:>10}{mark}")


def _open_target(url: str, lang: str):  # type: ignore[no-untyped-def]
    """(the target Database, where it keeps attached files or None for a server), or the
    exit code after telling why it cannot be opened."""
    from sqlalchemy.exc import DBAPIError

    from kamdesk.io.document_store import DocumentStore, files_folder_for
    from kamdesk.messages import database_problem_text
    from kamdesk.paths import backup_dir_for, is_url
    from kamdesk.store.database import DatabaseProblem, open_database, plain_reason
    from kamdesk.store.engine import make_engine

    server = is_url(url) and not url.startswith("sqlite")
    if server:
        probe = None
        try:
            probe = make_engine(url)
            with probe.connect():
                pass
        except (DBAPIError, OSError, ImportError, ValueError) as exc:
            print(_say(lang, "unreachable", url=shown_url(url), reason=plain_reason(exc)),
                  file=sys.stderr)
            return EXIT_ERROR
        finally:
            if probe is not None:
                probe.dispose()
    try:
        target = open_database(url, backup_dir_for(url))
    except DatabaseProblem as exc:
        exc.path = shown_url(exc.path)
        print(database_problem_text(exc, lang), file=sys.stderr)
        return problem_exit_code(exc.kind)
    if server:
        return target, None
    return target, DocumentStore(files_folder_for(target.file_path or url))
