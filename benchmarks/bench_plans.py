"""Account plans end to end — database query plus PDF — on a big book of business.

    python benchmarks/bench_plans.py [--db DEMO.sqlite3] [--plans 100] [--repeat 15]

Targets: one plan (4–6 pages with charts) from the database in < 0.5 s; 100 plans in
< 30 s. Without --db a 10,000-customer demo database is generated first (as with
``kamdesk --db X demo --customers 10000 --today 2026-11-23``). The benchmark works on
a copy, because it saves 100 new plans to have 100 to export.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

PLAN_TARGET_S = 0.5
BATCH_TARGET_S = 30.0
TODAY = date(2026, 11, 23)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def demo_database(folder: Path, customers: int) -> Path:
    from kamdesk.store.database import open_database
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_metrics

    path = folder / "bench.sqlite3"
    db = open_database(str(path), folder / "backups")
    generate_demo(db.engine, customers, 1, TODAY)
    recompute_metrics(db, TODAY)
    db.dispose()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="demo database to copy (default: generate one)")
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.db:
            path = folder / "bench.sqlite3"
            shutil.copy(args.db, path)
        else:
            spent, path = timed(lambda: demo_database(folder, args.customers))
            print(f"generated a {args.customers}-customer demo database in {spent:.1f} s")
        run(path, folder, args)


def run(path: Path, folder: Path, args: argparse.Namespace) -> None:
    t_import, _ = timed(lambda: __import__("kamdesk.reports.plan_pdf"))
    from kamdesk.reports.batch import export_plans, plan_jobs
    from kamdesk.reports.brief_pdf import render_brief_pdf
    from kamdesk.reports.from_store import brief_document, plan_document
    from kamdesk.reports.plan_pdf import render_plan_pdf
    from kamdesk.store.ops import plans as plan_ops
    from kamdesk.store.queries import plans as P
    from kamdesk.store.database import open_database
    from kamdesk.store.queries.kpis import kpi_report

    db = open_database(str(path), folder / "backups")
    with db.engine.connect() as conn:
        customers = conn.execute(text("SELECT COUNT(*) FROM customers")).scalar_one()
        trades = conn.execute(text("SELECT COUNT(*) FROM trades")).scalar_one()
        interactions = conn.execute(text("SELECT COUNT(*) FROM interactions")).scalar_one()
        # the biggest accounts: the most orders, contacts and people to read
        top = [r[0] for r in conn.execute(text(
            "SELECT customer_id FROM customer_metrics ORDER BY revenue_12m_cents DESC LIMIT :n"),
            {"n": args.plans})]
    print(f"database: {customers} customers, {trades} orders, {interactions} interactions")
    print(f"import reportlab + renderers:          {t_import * 1000:7.1f} ms (once per process)")

    # Saving plans: what "New plan" costs (pre-fill from data, one transaction).
    def create_all() -> list[int]:
        ids = []
        with db.session() as s:
            for cid in top:
                if P.plan_periods(s.connection(), cid):
                    continue
                ids.append(plan_ops.create_plan(s, cid, "2027", None, TODAY, "zh_CN").value)
            s.commit()
        return ids

    spent, created = timed(create_all)
    print(f"create {len(created)} plans pre-filled from data: {spent:7.2f} s "
          f"({spent / max(1, len(created)) * 1000:.1f} ms each)")

    with db.engine.connect() as conn:
        plan_id = P.latest_plan_id(conn, top[0])
    cid = top[0]

    def one_plan() -> int:
        with db.engine.connect() as conn:
            doc = plan_document(conn, plan_id, cid, "zh_CN", TODAY)
        return render_plan_pdf(doc, io.BytesIO())

    cold, pages = timed(one_plan)
    print(f"first plan (fonts loaded):             {cold * 1000:7.1f} ms, {pages} pages")

    def query_only() -> Any:
        with db.engine.connect() as conn:
            return plan_document(conn, plan_id, cid, "zh_CN", TODAY)

    q_runs = [timed(query_only)[0] for _ in range(args.repeat)]
    runs = [timed(one_plan)[0] for _ in range(args.repeat)]
    best = statistics.median(runs)
    verdict = "OK" if best < PLAN_TARGET_S else "OVER TARGET"
    print(f"one plan from the database, query only: {statistics.median(q_runs) * 1000:6.1f} ms "
          f"median of {args.repeat}")
    print(f"one plan end to end (query + PDF):     {best * 1000:7.1f} ms median "
          f"(min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})   target < "
          f"{PLAN_TARGET_S * 1000:.0f} ms: {verdict}")

    def draft() -> int:
        with db.engine.connect() as conn:
            doc = plan_document(conn, None, top[-1], "en", TODAY)
        return render_plan_pdf(doc, io.BytesIO())

    d_runs = [timed(draft)[0] for _ in range(args.repeat)]
    print(f"unsaved draft from data, English:      {statistics.median(d_runs) * 1000:7.1f} ms median")

    def brief() -> int:
        with db.engine.connect() as conn:
            doc = brief_document(conn, cid, "zh_CN", TODAY)
        return render_brief_pdf(doc, io.BytesIO())

    b_runs = [timed(brief)[0] for _ in range(args.repeat)]
    print(f"pre-visit brief end to end:            {statistics.median(b_runs) * 1000:7.1f} ms median")

    with db.engine.connect() as conn:
        jobs = [j for j in plan_jobs(conn) if j.customer_id in set(top)][: args.plans]
    out = folder / "out"
    cpu_start = time.process_time()
    total, files = timed(lambda: export_plans(db, out, jobs=jobs, lang="zh_CN", today=TODAY))
    cpu = time.process_time() - cpu_start
    size = sum(f.stat().st_size for f in files)
    verdict = "OK" if total < BATCH_TARGET_S else "OVER TARGET"
    print(f"batch export of {len(files)} plans to files:   {total:7.2f} s wall, {cpu:.2f} s CPU "
          f"({total / max(1, len(files)) * 1000:.0f} ms each, {size / 1e6:.1f} MB)   "
          f"target < {BATCH_TARGET_S:.0f} s: {verdict}")

    with db.engine.connect() as conn:
        kpi_runs = [timed(lambda: kpi_report(conn, TODAY))[0] for _ in range(5)]
        list_runs = [timed(lambda: P.list_plans(conn))[0] for _ in range(5)]
    print(f"Reports screen: KPI panel {statistics.median(kpi_runs) * 1000:.1f} ms, "
          f"plan list {statistics.median(list_runs) * 1000:.1f} ms")
    db.dispose()


if __name__ == "__main__":
    main()
