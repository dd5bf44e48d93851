"""``kamdesk --self-test``: prove this installation works, end to end, in a few seconds.

A bundle that starts but cannot find its migrations, its font or its translations
fails only when a salesperson first saves a customer or prints a plan, far from the
person who built it. So the self-test walks the paths a user's first hour takes, on a
throw-away book in a temporary folder (the user's real book is never opened): the
bundled files are found, a new book is created and migrated to the current revision,
a customer, a contact person, a logged contact and a task are written through the same
operations the window uses and read back through the same queries, the Qt libraries
load with the Chinese translation, and an account plan with Chinese text is printed
to PDF with the CJK font embedded.

It prints one line per step (``ok``/``FAIL``, the step, what it found, the time) and
exits 0, or 1 naming the first failing step. It behaves the same frozen (PyInstaller)
and from source, which is the point: CI runs it both ways.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import traceback
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK

#: Chinese text the test writes and expects back, in the book and in the PDF.
CUSTOMER_NAME = "自检精密机械有限公司"
PERSON_NAME = "王玥"
TASK_TITLE = "准备季度业务回顾"
TOPIC = "年度合作回顾"
#: files a bundle must carry (relative to the resource roots of kamdesk.resources)
REQUIRED_RESOURCES = (
    ("fonts", "wqy-microhei.ttc"),
    ("translations", "kamdesk_zh_CN.qm"),
    ("icons", "kamdesk.svg"),
)


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what."""


@dataclass
class Book:
    """What the steps share: the temporary folder, the open book, and the ids written."""

    folder: Path
    db: Any = None
    ids: dict[str, int] = field(default_factory=dict)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def step_resources(book: Book) -> str:
    from kamdesk.resources import resource_path
    from kamdesk.store.migrate import MIGRATIONS_DIR

    for parts in REQUIRED_RESOURCES:
        resource_path(*parts)  # raises naming every folder searched
    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("0*.py"))
    check(bool(versions), f"no migration scripts in {MIGRATIONS_DIR / 'versions'}")
    check((MIGRATIONS_DIR / "env.py").exists(), f"no env.py in {MIGRATIONS_DIR}")
    return f"{len(REQUIRED_RESOURCES)} resources, {len(versions)} migrations"


def step_migrate(book: Book) -> str:
    from sqlalchemy import text

    from kamdesk.store.database import open_database
    from kamdesk.store.schema_version import HEAD_REVISION

    book.db = open_database(str(book.folder / "self-test.sqlite3"), book.folder / "backups")
    book.db.actor = "self-test"
    with book.db.engine.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    check(revision == HEAD_REVISION, f"book at revision {revision}, expected {HEAD_REVISION}")
    return f"new book at revision {revision}"


def step_customer(book: Book) -> str:
    from kamdesk.store.ops.customers import create_customer
    from kamdesk.store.queries.profile import header

    cid = book.db.write(create_customer, name=CUSTOMER_NAME, industry="制造业").value
    book.ids["customer"] = cid
    row = book.db.read(header, cid)
    check(row is not None and row.name == CUSTOMER_NAME,
          f"customer read back as {getattr(row, 'name', None)!r}")
    return f"customer {row.code} written and read back"


def step_contact(book: Book) -> str:
    from kamdesk.store.ops.interactions import log_contact
    from kamdesk.store.ops.people import create_person
    from kamdesk.store.queries.profile import interactions, people

    cid = book.ids["customer"]
    pid = book.db.write(create_person, cid, name=PERSON_NAME, title="采购经理").value
    names = [p.name for p in book.db.read(people, cid)]
    check(names == [PERSON_NAME], f"contact people read back as {names!r}")
    now = datetime.now().replace(microsecond=0)
    book.db.write(log_contact, customer_id=cid, occurred_at=now - timedelta(hours=1),
                  channel="phone", topic=TOPIC, person_ids=[pid], now=now)
    topics = [i.topic for i in book.db.read(interactions, cid)]
    check(topics == [TOPIC], f"contact log read back as {topics!r}")
    book.ids["person"] = pid
    return "contact person and logged contact written and read back"


def step_task(book: Book) -> str:
    from kamdesk.store.ops.tasks import create_task
    from kamdesk.store.queries.profile import tasks

    cid = book.ids["customer"]
    due = datetime.combine(date.today() + timedelta(days=7), datetime.min.time())
    book.db.write(create_task, title=TASK_TITLE, customer_id=cid,
                  person_id=book.ids["person"], due_at=due.replace(hour=18))
    titles = [t.title for t in book.db.read(tasks, cid)]
    check(TASK_TITLE in titles, f"tasks read back as {titles!r}")
    return "task written and read back"


def step_qt(book: Book) -> str:
    from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401 - the import is the check

    from kamdesk.resources import resource_path

    translator = QtCore.QTranslator()
    qm = resource_path("translations", "kamdesk_zh_CN.qm")
    check(translator.load(str(qm)), f"Qt cannot load {qm}")
    check(not translator.isEmpty(), f"{qm} holds no translations")
    return f"PySide6 {QtCore.qVersion()} loaded, Chinese translation loads"


def step_plan_pdf(book: Book) -> str:
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from kamdesk.reports.fonts import FONT_NAME
    from kamdesk.reports.from_store import plan_document
    from kamdesk.reports.plan_pdf import render_plan_pdf

    cid = book.ids["customer"]
    doc = book.db.read(plan_document, None, cid, "zh_CN", date.today())
    out = io.BytesIO()
    pages = render_plan_pdf(doc, out)
    pdf = out.getvalue()
    (book.folder / "self-test-plan.pdf").write_bytes(pdf)
    font = pdfmetrics.getFont(FONT_NAME)
    check(isinstance(font, TTFont), f"{FONT_NAME} is {type(font).__name__}, not an embedded TTF")
    embedded = re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z0-9-]+)", pdf)
    check(bool(embedded) and b"/FontFile2" in pdf, "the CJK font is not embedded in the PDF")
    printed = unicode_in_pdf(pdf)
    missing = sorted(set(CUSTOMER_NAME) - printed)
    check(not missing, f"the PDF does not print {''.join(missing)!r}")
    face = embedded[0].decode("ascii", "replace")
    return f"{pages} page(s), {len(pdf) // 1024} KB, {face} embedded, Chinese printed"


def unicode_in_pdf(pdf: bytes) -> set[str]:
    """Every character the PDF's ToUnicode maps name (what its fonts can print here):
    reportlab writes one map per embedded subset, so this is what the pages use."""
    chars: set[str] = set()
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            body = zlib.decompressobj().decompress(raw)  # tolerates the trailing newline
        except zlib.error:
            body = raw
        if b"beginbfchar" not in body and b"beginbfrange" not in body:
            continue
        for hexcode in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]{4,})>", body):
            chars.add(bytes.fromhex(hexcode.decode()).decode("utf-16-be", "replace"))
    return chars


def step_worker(book: Book) -> str:
    """The importer's worker process (kamdesk.store.readings_pool) starts and reads
    names as this process does: in a frozen build this proves the worker is taken over
    by freeze_support() instead of starting a second app."""
    from kamdesk.store.pinyin import name_readings
    from kamdesk.store.readings_pool import ReadingsInBackground

    names = [(CUSTOMER_NAME, False), ("单文华", True), ("曾国强", True)]
    t0 = time.perf_counter()
    pool = ReadingsInBackground(names, min_names=1)
    check(pool.started, "the worker process did not start")
    got = pool.result()
    check(got == {n: name_readings(*n) for n in names},
          "the worker read the names differently")
    return f"{len(got)} names read in a worker process in {time.perf_counter() - t0:.1f} s"


STEPS: tuple[tuple[str, Callable[[Book], str]], ...] = (
    ("resources", step_resources),
    ("migrate", step_migrate),
    ("customer", step_customer),
    ("contact", step_contact),
    ("task", step_task),
    ("qt", step_qt),
    ("plan-pdf", step_plan_pdf),
    ("worker", step_worker),
)


def run_self_test(args: argparse.Namespace | None = None) -> int:
    """Run every step in order; stop at the first failure. Returns the exit code."""
    from kamdesk import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"KAMDesk {__version__} self-test ({frozen}, Python {sys.version.split()[0]})",
          flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kamdesk-self-test-") as folder:
        book = Book(Path(folder))
        try:
            for name, step in STEPS:
                t0 = time.perf_counter()
                try:
                    detail = step(book)
                except Exception as exc:  # every failure is reported, none escapes
                    print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
                    if not isinstance(exc, SelfTestFailed):
                        traceback.print_exc(file=sys.stderr)
                    print(f"self-test failed at step '{name}'", file=sys.stderr)
                    return EXIT_ERROR
                print(f"ok   {name:<10} {detail} ({time.perf_counter() - t0:.2f} s)",
                      flush=True)
        finally:
            if book.db is not None:
                book.db.engine.dispose()
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", flush=True)
    return EXIT_OK
