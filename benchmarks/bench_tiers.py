"""Time the tiering recompute and the Today screen's reads on a 100,000-customer book.

The demo book (``kamdesk demo --customers 100000 --orders 20``: ~1.9 M orders, ~1 M
contacts, ~100k key dates) takes a couple of minutes to build, so it is built once and
kept under ``benchmarks/data/`` (git-ignored), named by its size and day. The runs
recompute into that file; with the same day the result is the same every time, so the
cache stays valid.

Targets: a full recompute (``store.metrics.recompute_metrics``) under 2 s, everything
Today shows (``store.today_queries.today_data``) under 200 ms. The "bound" is one
hand-written SQL aggregate over all trades — the least any recompute must read —
to show how far the recompute is from the data's own cost.

Run: python benchmarks/bench_tiers.py [--customers N] [--orders AVG] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

# Runnable from a checkout without installing the package.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamdesk.store.database import open_database  # noqa: E402  (after the path line)

DATA = ROOT / "benchmarks" / "data"
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0)


def book(customers: int, orders: float) -> Path:
    """The cached demo database, built on first use."""
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_metrics

    path = DATA / f"demo_{customers}_o{orders:g}_{TODAY.isoformat()}.sqlite3"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in DATA.glob(partial.name + "*"):
        leftover.unlink()
    print(f"building {path.name} (once; a couple of minutes for 100,000 customers) …",
          flush=True)
    db = open_database(str(partial), DATA / "backups")
    stats = generate_demo(db.engine, customers, seed=1, today=TODAY,
                          trades_per_customer=orders)
    recompute_metrics(db, TODAY)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    partial.rename(path)
    print(f"  {stats.customers} customers, {stats.trades} orders, {stats.interactions} "
          f"contacts in {stats.seconds:.0f} s", flush=True)
    return path


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3, help="recompute runs (Today: 3× as many)")
    args = parser.parse_args()

    path = book(args.customers, args.orders)
    db = open_database(str(path), DATA / "backups")
    from kamdesk.domain.scoring import compute_metrics
    from kamdesk.store.metrics import recompute_metrics
    from kamdesk.store.queries.metric_facts import gather
    from kamdesk.store.queries.settings import tiering_settings
    from kamdesk.store.queries.today import today_data

    raw = sqlite3.connect(path)
    counts = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("customers", "trades", "interactions", "key_dates", "tasks")}

    rows: list[tuple[str, list[float], str]] = []
    rows.append(("bound: one GROUP BY over all trades", timed(lambda: raw.execute(
        "SELECT customer_id, sum(amount_cents), count(*), max(occurred_on) FROM trades "
        "GROUP BY customer_id").fetchall(), args.runs), ""))
    with db.engine.connect() as conn:
        settings = tiering_settings(conn)
        gathered: list = []
        rows.append(("  facts read (metric_facts.gather)", timed(
            lambda: gathered.append(gather(conn, TODAY, settings.window_months)),
            args.runs), ""))
        facts = gathered[-1].facts
    rows.append(("  tiers, RFM, health (compute_metrics)", timed(
        lambda: compute_metrics(facts, settings, TODAY), args.runs), ""))
    rows.append(("recompute_metrics, all customers", timed(
        lambda: recompute_metrics(db, TODAY), args.runs), "< 2 s"))

    with db.engine.connect() as conn:
        first = timed(lambda: today_data(conn, NOW, "zh_CN"), 1)
        rows.append(("Today data, first call in the process", first, ""))
        rows.append(("Today data (today_queries.today_data)", timed(
            lambda: today_data(conn, NOW, "zh_CN"), 3 * args.runs), "< 200 ms"))
        data = today_data(conn, NOW, "zh_CN")
    raw.close()
    db.dispose()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{counts['customers']:,} customers, {counts['trades']:,} orders, "
          f"{counts['interactions']:,} contacts, {counts['key_dates']:,} key dates, "
          f"{counts['tasks']:,} tasks; {os.cpu_count()} CPUs, load {load:.1f}\n")
    print(f"{'step':44s} {'median':>10s} {'best':>10s}  target")
    print("-" * 76)
    for name, times, target in rows:
        med, best = statistics.median(times), min(times)
        unit = (lambda s: f"{s * 1000:8.0f} ms") if med < 1 else (lambda s: f"{s:8.2f} s ")
        print(f"{name:44s} {unit(med):>10s} {unit(best):>10s}  {target}")
    print(f"\nToday shows: {data.tasks.total} tasks, {data.cadence.total} overdue customers, "
          f"{data.key_dates.total} key dates, {len(data.festivals)} festivals, "
          f"{data.silent.total} silent, {data.complaints.total} complaints, "
          f"{data.renewals.total} renewals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
