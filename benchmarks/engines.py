"""SQLite and PostgreSQL side by side (issue #17): the store-level reads behind the
screens, on the same deterministic demo book in each engine.

    python -m benchmarks.engines --sizes 20000            # both engines
    python -m benchmarks.engines --sizes 100000 --engine postgresql --pg-url URL

PostgreSQL: ``--pg-url`` names a database to build the book in (dropped and rebuilt when
it does not hold this book), or, without it, a database ``kamdesk_bench_N`` is made with
the superuser URL in ``KAMDESK_TEST_PG_ADMIN`` (``.ci/pg-cluster start`` prints one).
SQLite: ``benchmarks/data/engines-N.sqlite3``.

What is timed (median of ``--runs`` after one warm-up; wall and this process's CPU, which
for PostgreSQL leaves out the server's own CPU) is what the window asks of the store,
without Qt: ``search`` — for every keystroke of a name, its pinyin and a phone that the
list searches at once, what the list reads (``search_page``: the matches, the 40 rows
on screen, the count capped at "200+"); ``list`` — count +
first page; ``sort`` — first page by every column of the list, ascending; ``today`` —
``today_data()``; ``recompute`` — ``recompute_metrics()`` on the day the book was built.
The GUI figures of ``python -m benchmarks`` are SQLite's; these compare the engines.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.core import SEED, TODAY_ISO

PAGE = 200
#: the rows a keystroke reads: what a 1366×768 window shows, and a little more
SCREEN_ROWS = 40
KEYSTROKES = ("恒泰科技", "hengtai", "138001")
DATA = Path(__file__).parent / "data"


def _timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def _build(location: str, customers: int) -> Any:
    from kamdesk.store.database import open_database
    from kamdesk.store.demo import generate_demo
    from kamdesk.store.metrics import recompute_and_stamp

    db = open_database(location, DATA / "backups")
    with db.engine.connect() as conn:
        held = conn.exec_driver_sql("SELECT count(*) FROM customers").scalar_one()
    if held != customers:
        if held:
            raise SystemExit(f"{location} holds another book ({held} customers); use an empty one")
        t0 = time.perf_counter()
        generate_demo(db.engine, customers, SEED, date.fromisoformat(TODAY_ISO),
                      interactions_per_customer=10.0, trades_per_customer=20.0)
        recompute_and_stamp(db, date.fromisoformat(TODAY_ISO))
        print(f"  built {customers:,} customers in {time.perf_counter() - t0:.0f} s")
        if db.is_sqlite:
            with db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
        else:
            with db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM ANALYZE")
    return db


def _pg_location(customers: int, pg_url: str | None) -> str:
    if pg_url:
        return pg_url
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = os.environ.get("KAMDESK_TEST_PG_ADMIN")
    if not admin:
        raise SystemExit("PostgreSQL: give --pg-url or set KAMDESK_TEST_PG_ADMIN")
    name = f"kamdesk_bench_{customers}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if not conn.exec_driver_sql(
                "SELECT 1 FROM pg_database WHERE datname = %(n)s", {"n": name}).first():
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def measure(db: Any, runs: int) -> dict[str, tuple[float, float]]:
    from kamdesk.store.metrics import recompute_metrics
    from kamdesk.store.queries import customers as q
    from kamdesk.store.queries.customer_search import search_page
    from kamdesk.store.queries.today import today_data
    from kamdesk.store.search import searched_at_once

    def page(query: Any) -> Callable[[], Any]:
        return lambda: db.read(lambda c: (q.count(c, query), q.fetch_page(c, query, 0, PAGE)))

    def keystroke(query: Any) -> Callable[[Any], Any]:
        # what the list reads for a keystroke: the matches once, the rows on screen and
        # a count capped at "200+" (store/queries/customer_search.py)
        return lambda: db.read(search_page, query, SCREEN_ROWS)

    out: dict[str, tuple[float, float]] = {}
    keys: list[tuple[float, float]] = []
    for word in KEYSTROKES:
        for n in range(1, len(word) + 1):
            if searched_at_once(word[:n]):
                keys.append(_timed(keystroke(q.CustomerQuery(search=word[:n])), runs))
    out["search keystroke (median)"] = (statistics.median(k[0] for k in keys),
                                        statistics.median(k[1] for k in keys))
    out["search keystroke (slowest)"] = max(keys)
    out["list page (count + 200 rows)"] = _timed(page(q.CustomerQuery()), runs)
    sorts = {key: _timed(lambda key=key: db.read(
        lambda c: q.fetch_page(c, q.CustomerQuery(sort=key), 0, PAGE)), runs)
        for key in q.SORT_COLUMNS}
    out["sort (median of columns)"] = (statistics.median(v[0] for v in sorts.values()),
                                       statistics.median(v[1] for v in sorts.values()))
    slowest = max(sorts, key=lambda k: sorts[k][0])
    out["sort (slowest column)"] = sorts[slowest]
    print(f"  slowest sort: {slowest}")
    now = datetime.fromisoformat(TODAY_ISO + "T10:00:00")
    out["Today (today_data)"] = _timed(lambda: db.read(today_data, now, "en"), runs)
    out["recompute (same day)"] = _timed(
        lambda: recompute_metrics(db, date.fromisoformat(TODAY_ISO)), max(1, min(runs, 3)))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.engines", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="20000", help="customers, comma-separated")
    p.add_argument("--engine", choices=("both", "sqlite", "postgresql"), default="both")
    p.add_argument("--pg-url", default=None, help="the PostgreSQL database to use")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--out", type=Path, default=Path(__file__).parent / "engines.json")
    args = p.parse_args(argv)
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    results: dict[str, Any] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        for engine in engines:
            print(f"{engine}, {size:,} customers")
            location = (str(DATA / f"engines-{size}.sqlite3") if engine == "sqlite"
                        else _pg_location(size, args.pg_url))
            db = _build(location, size)
            try:
                results[f"{engine}/{size}"] = measure(db, args.runs)
            finally:
                db.dispose()
        print(f"\n{size:,} customers: median ms, wall / CPU of this process")
        rows = results[f"{engines[0]}/{size}"].keys()
        print(f"{'operation':34}" + "".join(f"{e:>22}" for e in engines))
        for row in rows:
            cells = [results[f"{e}/{size}"].get(row) for e in engines]
            print(f"{row:34}" + "".join(
                f"{c[0]:>12.1f} /{c[1]:>7.1f}" if c else f"{'-':>22}" for c in cells))
    args.out.write_text(json.dumps({"date": datetime.now().isoformat(timespec="seconds"),
                                    "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
