"""Headless measurements: recompute metrics, account plan PDFs, the 表1 import.

Bounds:
- recompute: one hand-written aggregate over the same tables (SUM/COUNT/MAX of trades
  per customer joined with MAX of interactions per customer), fetched in full, on a
  plain sqlite3 connection. It is what reading the facts costs at the least; the app also
  runs the rules and rewrites ``customer_metrics``.
- PDF: reportlab laying out a flat document of the same text in the same embedded font,
  with at least as many pages as the plan (no tables, charts or page chrome).
- import: ``executemany`` of exactly the rows the import wrote (read back from its
  result, every table that gained rows, the search index included) into a fresh copy of
  the same empty schema, with the app's pragmas, in one transaction.
"""

from __future__ import annotations

import importlib.util
import io
import math
import sqlite3
import tempfile
import time
from dataclasses import fields, is_dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.core import (
    Result,
    Target,
    not_available,
    summarise,
    timed,
)

RECOMPUTE_TARGET = Target(max_seconds=2.0, max_ratio=3.0)
SINGLE_REFRESH_TARGET = Target(max_seconds=0.05)
PLAN_TARGET = Target(max_seconds=0.5)
BATCH_TARGET = Target(max_seconds=50.0, note="(100 × 0.5 s)")
IMPORT_SECONDS_PER_100K = 10.0
IMPORT_RATIO = 4.0
BATCH_PLANS = 100


# -- recompute -----------------------------------------------------------------------------
BOUND_AGGREGATE = (
    "SELECT c.id, t.revenue, t.orders, t.last_trade, i.last_contact FROM customers c "
    "LEFT JOIN (SELECT customer_id, SUM(amount_cents) AS revenue, COUNT(*) AS orders, "
    "           MAX(occurred_on) AS last_trade FROM trades GROUP BY customer_id) t "
    "       ON t.customer_id = c.id "
    "LEFT JOIN (SELECT customer_id, MAX(occurred_at) AS last_contact FROM interactions "
    "           GROUP BY customer_id) i ON i.customer_id = c.id"
)


def group_recompute(db_path: Path, size: int, runs: int) -> list[Result]:
    from benchmarks.data import today
    from kamdesk.store.database import open_database
    from kamdesk.store.metrics import recompute_metrics

    runs = max(1, min(runs, 3)) if size >= 100_000 else runs
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(db_path), Path(tmp) / "backups")
        con = sqlite3.connect(str(db_path))
        try:
            samples, bound, next_day = [], [], []
            recompute_metrics(db, today=today())  # warm-up (and a no-op rewrite)
            con.execute(BOUND_AGGREGATE).fetchall()
            for _ in range(runs):  # interleaved, so both see the same background load
                samples.append(timed(lambda: recompute_metrics(db, today=today())))
                bound.append(timed(lambda: con.execute(BOUND_AGGREGATE).fetchall()))
                next_day.append(_next_day_recompute(db, today()))
            single = _single_order_refresh(db, today(), max(runs, 5 if size >= 100_000 else 10))
        finally:
            con.close()
            db.dispose()
    r = Result("recompute", "recompute tiers, RFM, health (whole book)", size,
               target=RECOMPUTE_TARGET, bound_name="one grouped aggregate in sqlite3")
    n = Result("recompute", "  the next day (most rows change; rolled back)", size)
    o = Result("recompute", "add one order + refresh that customer (refresh_customer)", size,
               target=SINGLE_REFRESH_TARGET)
    return [summarise(r, samples, bound), summarise(n, next_day), summarise(o, single)]


def _next_day_recompute(db: Any, day: date) -> float:
    """A recompute one day later, when overdue counts and contact gaps move for much of
    the book, so most rows are written; rolled back, so the database stays as built."""
    from kamdesk.store.metrics import recompute_metrics

    with db.engine.connect() as conn:
        trans = conn.begin()
        try:
            return timed(lambda: recompute_metrics(conn, day + timedelta(days=1)))
        finally:
            trans.rollback()


def _single_order_refresh(db: Any, day: date, runs: int) -> list[float]:
    """Book one order for a customer and bring that customer's figures up to date, as
    saving an order does (the INSERT and ``refresh_customer``, in one transaction);
    each run a different customer spread over the book, rolled back afterwards."""
    from kamdesk.store.metrics import refresh_customer

    with db.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM customers WHERE status != 'archived' ORDER BY id").fetchall()]
    picks = [ids[(i * 7919 + 13) % len(ids)] for i in range(runs + 1)]
    samples = []
    for n, cid in enumerate(picks):
        with db.engine.connect() as conn:
            trans = conn.begin()

            def book(customer_id: int = cid) -> None:
                conn.exec_driver_sql(
                    "INSERT INTO trades (customer_id, occurred_on, amount_cents, kind, "
                    "product_line, quantity) VALUES (?, ?, 1234500, 'order', 'bench', 1)",
                    (customer_id, day.isoformat()))
                refresh_customer(conn, customer_id, day)
            try:
                took = timed(book)
            finally:
                trans.rollback()
        if n:  # the first one warms up
            samples.append(took)
    return samples


# -- PDF -----------------------------------------------------------------------------------------
def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in _strings(item)]
    return []


class FlatBound:
    """The plan's own strings as plain paragraphs, repeated to fill as many pages."""

    def __init__(self, doc: Any, pages: int) -> None:
        from kamdesk.reports.fonts import markup

        self.text = [markup(s) for s in _strings(doc) if s.strip()]
        one = self.build(1)
        self.repeat = max(1, math.ceil(pages / max(1, one)))
        while self.build(self.repeat) < pages:  # rarely more than once
            self.repeat += 1

    def build(self, repeat: int | None = None) -> int:
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import Paragraph, SimpleDocTemplate

        from kamdesk.reports.fonts import ensure_fonts, styles

        st = styles()
        flat = SimpleDocTemplate(io.BytesIO(), pagesize=A4, initialFontName=ensure_fonts())
        flat.build([Paragraph(t, st.body) for t in self.text * (repeat or self.repeat)])
        return int(flat.page)


def group_pdf(db_path: Path, size: int, runs: int, batch: bool) -> list[Result]:
    from benchmarks.data import today

    try:
        from kamdesk.reports.plan_pdf import render_plan_pdf
    except ImportError as exc:
        return [not_available("pdf", "account plan PDF", size, f"module missing ({exc.name})")]
    has_store = importlib.util.find_spec("kamdesk.reports.from_store") is not None
    out: list[Result] = []
    day = today()
    with tempfile.TemporaryDirectory() as tmp:
        from kamdesk.store.database import open_database

        db = open_database(str(db_path), Path(tmp) / "backups")
        try:
            with db.engine.connect() as conn:
                if has_store:
                    from kamdesk.reports.from_store import plan_document

                    row = conn.exec_driver_sql(
                        "SELECT id, customer_id FROM account_plans ORDER BY id LIMIT 1").first()
                    if row is None:
                        row = (None, conn.exec_driver_sql(
                            "SELECT customer_id FROM customer_metrics "
                            "ORDER BY revenue_12m_cents DESC, customer_id LIMIT 1").scalar_one())

                    def make_doc() -> Any:
                        return plan_document(conn, row[0], row[1], "zh_CN", day)
                    source = f"stored plan {row[0]} of customer {row[1]}, from the database"
                else:
                    from kamdesk.reports.sample import sample_plan

                    def make_doc() -> Any:
                        return sample_plan("zh_CN")
                    source = "sample data: module missing (kamdesk.reports.from_store)"
                doc = make_doc()
                pages = render_plan_pdf(doc, io.BytesIO())  # warm-up: fonts, imports
                samples, bound, build = [], [], []
                flat = FlatBound(doc, pages)
                for _ in range(runs):
                    t0 = time.perf_counter()
                    d = make_doc()
                    t1 = time.perf_counter()
                    render_plan_pdf(d, io.BytesIO())
                    t2 = time.perf_counter()
                    samples.append(t2 - t0)
                    build.append(t1 - t0)
                    bound.append(timed(flat.build))
                r = Result("pdf", f"one account plan PDF ({pages} pages, zh_CN)", size,
                           target=PLAN_TARGET, bound_name=f"flat text ×{flat.repeat}",
                           note=source)
                summarise(r, samples, bound)
                import statistics

                r.extra["document_build_median_s"] = round(statistics.median(build), 6)
                out.append(r)
                if batch:
                    out.append(_batch(conn, size, has_store, day, tmp))
        finally:
            db.dispose()
    return out


def _batch(conn: Any, size: int, has_store: bool, day: Any, tmp: str) -> Result:
    from kamdesk.reports.plan_pdf import render_plan_pdf

    if has_store:
        from kamdesk.reports.from_store import plan_document

        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT customer_id FROM customer_metrics ORDER BY revenue_12m_cents DESC, "
            f"customer_id LIMIT {BATCH_PLANS}")]

        def docs() -> list[Any]:
            return [plan_document(conn, None, cid, "zh_CN", day, period=str(day.year + 1))
                    for cid in ids]
    else:
        from dataclasses import replace

        from kamdesk.reports.sample import sample_plan

        def docs() -> list[Any]:
            return [replace(sample_plan("zh_CN", n_actions=8 + i % 12),
                            customer_name=f"样例客户{i}") for i in range(BATCH_PLANS)]
    folder = Path(tmp) / "plans"
    folder.mkdir(exist_ok=True)
    pages: list[int] = []
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for i, d in enumerate(docs()):
        pages.append(render_plan_pdf(d, folder / f"plan_{i:03d}.pdf"))
    total = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    # The bound: each document's flat twin, as many pages each (sized untimed).
    flats = [FlatBound(d, p) for d, p in zip(docs(), pages, strict=True)]
    bound = timed(lambda: [f.build() for f in flats])
    r = Result("pdf", f"{BATCH_PLANS} account plans to files ({sum(pages)} pages)", size,
               target=BATCH_TARGET, bound_name="100 flat text documents",
               note="drafts from the database" if has_store else
               "sample data: module missing (kamdesk.reports.from_store)")
    summarise(r, [total], [bound])
    r.extra["cpu_s"] = round(cpu, 3)
    return r


# -- import ----------------------------------------------------------------------------------
def _app_pragmas(con: sqlite3.Connection) -> None:
    from kamdesk.store.engine import BUSY_TIMEOUT_MS

    con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")


def _written_rows(empty: Path, imported: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table that gained rows in the import: (column names, rows), parents first."""
    def counts(path: Path) -> tuple[dict[str, int], list[str]]:
        con = sqlite3.connect(str(path))
        try:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
            virtual = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
            real = [n for n in names if not n.startswith("sqlite_")
                    and not any(n.startswith(v + "_") for v in virtual)]
            return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
                    for n in real}, virtual
        finally:
            con.close()
    before, _ = counts(empty)
    after, virtual = counts(imported)
    con = sqlite3.connect(str(imported))
    out: dict[str, tuple[list[str], list[tuple]]] = {}
    try:
        for name, n in after.items():
            if n <= before.get(name, 0):
                continue
            if before.get(name, 0):
                raise RuntimeError(f"table {name} had rows before the import")
            if name in virtual:
                cols = ["rowid"] + [r[1] for r in con.execute(f'PRAGMA table_info("{name}")')]
            else:
                cols = [r[1] for r in con.execute(f'PRAGMA table_info("{name}")')]
            sel = ", ".join(f'"{c}"' if c != "rowid" else "rowid" for c in cols)
            out[name] = (cols, con.execute(f'SELECT {sel} FROM "{name}"').fetchall())
    finally:
        con.close()
    return out


def _bound_insert(target: Path, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    con = sqlite3.connect(str(target), isolation_level=None)
    try:
        _app_pragmas(con)
        t0 = time.perf_counter()
        con.execute("BEGIN")
        for name, (cols, data) in rows.items():
            names = ", ".join(f'"{c}"' if c != "rowid" else "rowid" for c in cols)
            marks = ", ".join("?" for _ in cols)
            con.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', data)
        con.execute("COMMIT")
        return time.perf_counter() - t0
    finally:
        con.close()


def group_import(data_dir: Path, rows: int, runs: int) -> list[Result]:
    from benchmarks.bench_import import import_phases
    from benchmarks.data import ensure_csv, fresh_schema, scratch_copy, today
    from kamdesk.io.import_tables import import_file
    from kamdesk.store.engine import make_engine

    runs = max(1, min(runs, 3)) if rows >= 100_000 else runs
    csv_file = ensure_csv(data_dir, rows)
    empty = fresh_schema(data_dir)
    day = today()
    # The 10 s limit is for 100k rows; smaller files are held to the ratio only (a
    # commit's fsync is a fixed cost that a linear scaling would make look like a miss).
    target = (Target(max_seconds=IMPORT_SECONDS_PER_100K, max_ratio=IMPORT_RATIO)
              if rows >= 100_000 else Target(max_ratio=IMPORT_RATIO))
    samples: list[float] = []
    cpu: list[float] = []
    bound: list[float] = []
    written = None
    with tempfile.TemporaryDirectory(dir=data_dir) as tmp:
        work = Path(tmp) / "import.sqlite3"
        # First the whole import as `kamdesk import` runs it, cold then warm, split
        # by phase, and its re-import (benchmarks/bench_import.py); it warms up too.
        phases = import_phases(csv_file, empty, work, rows, runs, day)
        for _n in range(runs):
            scratch_copy(empty, work)
            engine = make_engine(str(work))
            try:
                t0, c0 = time.perf_counter(), time.process_time()
                with engine.begin() as conn:
                    report = import_file(conn, csv_file, "customers", today=day)
                t = time.perf_counter() - t0
                cpu.append(time.process_time() - c0)
            finally:
                engine.dispose()
            if not report.written or report.created != rows:
                raise RuntimeError(f"import wrote {report.created} of {rows} rows "
                                   f"({len(report.problems)} problems)")
            samples.append(t)
            if written is None:
                written = _written_rows(empty, work)
            # The bound right after, so both see the same background load.
            scratch_copy(empty, work)
            bound.append(_bound_insert(work, written))
        assert written is not None
    r = Result("import", f"import 表1 CSV, {rows:,} rows (rows written, committed)", rows,
               target=target, bound_name="executemany of the written rows in sqlite3")
    summarise(r, samples, bound)
    r.extra["tables_written"] = {k: len(v[1]) for k, v in written.items()}
    r.extra["cpu"] = [round(c, 3) for c in cpu]
    return [r, *phases]
