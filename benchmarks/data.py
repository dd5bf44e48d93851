"""The benchmark databases and files, deterministic and cached.

A database is the demo book (``kamdesk demo --customers N --interactions 10 --orders 20
--seed 1 --today 2026-11-23``) plus one extra customer, code ``BENCH500``, with exactly
500 contacts and 240 orders, for the profile measurement; then metrics are recomputed
for 2026-11-23. The file name carries the size, the seed, the date, the schema revision
and a hash of the generator's source, so a change to any of them builds a new file
instead of measuring a stale one. Files are built under a temporary name and renamed
when complete, so an interrupted build is never reused.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import shutil
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.core import INTERACTIONS_AVG, ORDERS_AVG, SEED, TODAY_ISO

BUILD_VERSION = 3  # bump when the extra rows, the priming or the CSV written here change
#: a first start still busy after this long is stopped (its reminders are already marked
#: as shown by then) and reported as "more than" this
PRIME_TIMEOUT_S = 300
PROFILE_CODE = "BENCH500"
PROFILE_INTERACTIONS = 500
PROFILE_TRADES = 240
DT_FMT = "%Y-%m-%d %H:%M:%S.000000"


def today() -> date:
    return date.fromisoformat(TODAY_ISO)


def _source_hash() -> str:
    from kamdesk.store import demo

    h = hashlib.sha1(Path(demo.__file__).read_bytes())
    h.update(str(BUILD_VERSION).encode())
    return h.hexdigest()[:8]


def _schema_revision() -> str:
    from kamdesk.store.schema_version import HEAD_REVISION

    return str(HEAD_REVISION)


def db_path(data_dir: Path, customers: int) -> Path:
    return data_dir / (f"demo-{customers}-s{SEED}-{TODAY_ISO}-r{_schema_revision()}"
                       f"-{_source_hash()}.sqlite3")


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def ensure_database(data_dir: Path, customers: int, log=print) -> Path:  # type: ignore[no-untyped-def]
    """The cached database for ``customers`` (built first if missing)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    final = db_path(data_dir, customers)
    if final.exists():
        return final
    tmp = final.with_name(final.name + ".building")
    _remove_sqlite(tmp)
    log(f"building the {customers:,}-customer benchmark database (once) -> {final.name}")
    t0 = time.perf_counter()
    build_database(tmp, customers)
    _checkpoint(tmp)
    log(f"  built in {time.perf_counter() - t0:.1f} s; priming: the app's first start on it")
    prime = prime_database(tmp)
    _checkpoint(tmp)
    prime_path(final).write_text(json.dumps(prime), encoding="utf-8")
    tmp.rename(final)
    first = prime.get("painted_s")
    how = (f"painted after {first:.1f} s" if first is not None else
           f"stopped, still busy after {prime.get('stopped_after_s')} s")
    log(f"  first start: {how} (total {time.perf_counter() - t0:.1f} s)")
    return final


def prime_path(db: Path) -> Path:
    return db.with_name(db.name + ".prime.json")


def prime_database(path: Path) -> dict[str, float | None]:
    """Start the real app on the new database once, as its first user would.

    A first start is not a steady one: it generates the reminder tasks of upcoming key
    dates and renewals, delivers every reminder missed so far (the demo's backlog of
    open tasks), and records when the app last ran. Every later start, with the clock
    fixed on the bench day, finds that done and writes the same values again, so the
    measured starts repeat. How long the first start took is kept beside the database
    (``*.prime.json``) and reported by the start group.
    """
    import subprocess

    from benchmarks.proc import spawn

    try:
        t0, values = spawn(["app", str(path)], timeout=PRIME_TIMEOUT_S)
        out: dict[str, float | None] = {
            "painted_s": round(float(values["painted"]) - t0, 3),
            "exited_s": round(float(values["exited"]), 3)}
    except subprocess.TimeoutExpired:
        out = {"painted_s": None, "stopped_after_s": float(PRIME_TIMEOUT_S)}
        # A second start finishes what the stopped one left (it records the last run).
        t0, values = spawn(["app", str(path)], timeout=PRIME_TIMEOUT_S)
        out["second_start_painted_s"] = round(float(values["painted"]) - t0, 3)
    return out  # type: ignore[return-value]


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file so the renamed file is complete on its own."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.commit()
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_database(path: Path, customers: int) -> None:
    from kamdesk.store.database import open_database
    from kamdesk.store.demo import generate_demo

    db = open_database(str(path), path.parent / "backups")
    try:
        generate_demo(db.engine, customers, seed=SEED, today=today(),
                      interactions_per_customer=INTERACTIONS_AVG,
                      trades_per_customer=ORDERS_AVG)
        with db.engine.begin() as conn:
            add_profile_customer(conn, today())
        recompute(db)
    finally:
        db.dispose()


def recompute(db) -> None:  # type: ignore[no-untyped-def]
    """Metrics as of the bench day, stamped as such when the app keeps a stamp, so the
    window (with its clock on that day) finds them current and starts no background
    recompute: the measurements are of a book in its steady state."""
    try:
        from kamdesk.store.metrics import recompute_and_stamp
    except ImportError:
        from kamdesk.store.metrics import recompute_metrics

        recompute_metrics(db, today=today())
        return
    recompute_and_stamp(db, today(), bench_now().replace(hour=9, minute=30))


def bench_now() -> datetime:
    """The fixed "now" of the GUI measurements (10:00 on the bench day)."""
    d = today()
    return datetime(d.year, d.month, d.day, 10, 0)


def add_profile_customer(conn, day: date) -> int:  # type: ignore[no-untyped-def]
    """One customer with exactly 500 contacts (and 240 orders), all from a fixed seed."""
    from kamdesk.store import search
    from kamdesk.store.demo import CHANNELS, FEEDBACK, NEXT, OWNERS, PRODUCTS, TOPICS

    rng = random.Random(500)
    ex = conn.exec_driver_sql
    cid = int(ex("SELECT coalesce(max(id), 0) + 1 FROM customers").scalar_one())
    pid0 = int(ex("SELECT coalesce(max(id), 0) FROM people").scalar_one())
    iid0 = int(ex("SELECT coalesce(max(id), 0) FROM interactions").scalar_one())
    now = datetime.combine(day, datetime.min.time()).replace(hour=9)
    created = now.strftime(DT_FMT)
    start = (day - timedelta(days=6 * 365)).isoformat()
    ex("INSERT INTO customers (id, code, name, short_name, industry, region, cooperation_start, "
       "status, potential, explicit_needs, owner, name_pinyin, name_initials, created_at, "
       "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
       (cid, PROFILE_CODE, "上海基准测试精密制造股份有限公司", "基准精密", "制造业", "上海", start,
        "active", "high", "供应链稳定\n交货速度", OWNERS[0], "", "", created, created))
    ex("INSERT INTO customer_metrics (customer_id) VALUES (?)", (cid,))
    people = [("周建华", "总经理", "decision_maker"), ("吴晓东", "采购总监", "economic_buyer"),
              ("郑思远", "技术经理", "technical_evaluator"), ("孙雨桐", "生产主管", "user"),
              ("David Miller", "副总裁", "influencer"), ("何海燕", "采购专员", "coach")]
    for k, (name, title, role) in enumerate(people):
        ex("INSERT INTO people (id, customer_id, name, title, decision_role, attitude, "
           "relationship_strength, mobile, is_primary, archived, created_at, updated_at) "
           "VALUES (?,?,?,?,?,?,?,?,?,0,?,?)",
           (pid0 + k + 1, cid, name, title, role, "supporter", 4,
            f"139{rng.randrange(10_000_000, 99_999_999)}", 1 if k == 0 else 0, created, created))
    inter, links = [], []
    for n in range(PROFILE_INTERACTIONS):
        when = now - timedelta(days=rng.randint(0, 3 * 365), hours=rng.randint(0, 8),
                               minutes=rng.choice((0, 15, 30, 45)))
        iid = iid0 + n + 1
        nxt = rng.choice(NEXT)
        inter.append((iid, cid, when.strftime(DT_FMT), rng.choice(CHANNELS), rng.choice(TOPICS),
                      rng.choice(FEEDBACK), nxt or None, rng.choice(OWNERS),
                      (when.date() + timedelta(days=7)).isoformat() if nxt else None,
                      rng.choice((None, 3, 4, 5)), created, created))
        for p in rng.sample(range(len(people)), rng.choice((1, 1, 2))):
            links.append((iid, pid0 + p + 1))
    ex("INSERT INTO interactions (id, customer_id, occurred_at, channel, topic, feedback, "
       "next_action, owner, deadline, satisfaction, created_at, updated_at) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", inter)
    ex("INSERT INTO interaction_people (interaction_id, person_id) VALUES (?,?)", links)
    trades = [(cid, (day - timedelta(days=rng.randint(1, 3 * 365))).isoformat(),
               rng.randrange(20_000_00, 400_000_00), rng.choice(PRODUCTS), rng.randint(1, 500))
              for _ in range(PROFILE_TRADES)]
    ex("INSERT INTO trades (customer_id, occurred_on, amount_cents, product_line, quantity) "
       "VALUES (?,?,?,?,?)", trades)
    from kamdesk.store.pinyin import pinyin_forms

    full, initials = pinyin_forms("上海基准测试精密制造股份有限公司")
    ex("UPDATE customers SET name_pinyin = ?, name_initials = ? WHERE id = ?",
       (full, initials, cid))
    search.reindex(conn, [cid])
    return cid


def profile_customer_id(engine) -> int | None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT id FROM customers WHERE code = ?",
                                    (PROFILE_CODE,)).scalar()


def scratch_copy(src: Path, dst: Path) -> Path:
    """A throw-away copy (for operations that write)."""
    _remove_sqlite(dst)
    shutil.copyfile(src, dst)
    return dst


# -- the 表1 CSV --------------------------------------------------------------------------------
CSV_HEADERS = ["客户ID", "客户名称", "行业属性", "合作时长(月)", "年度贡献值(万元)",
               "客户类型(价值/活跃度)", "关键联系人", "联系方式", "核心需求", "最近互动时间"]
_TYPES = ["高价值/活跃", "高价值/沉默", "中价值/活跃", "中价值/沉默", "低价值/活跃", "低价值/流失"]


def csv_path(data_dir: Path, rows: int) -> Path:
    return data_dir / f"customers-表1-{rows}-s{SEED}-{TODAY_ISO}-{_source_hash()}.csv"


def ensure_csv(data_dir: Path, rows: int) -> Path:
    """A 表1-shaped customers table (the method's columns, as in
    ``shared/seed-tables/customers.csv``) with ``rows`` distinct customers."""
    from kamdesk.store.demo import CONCERNS, CORES, INDUSTRIES, REGIONS, SUFFIXES, SURNAMES

    data_dir.mkdir(parents=True, exist_ok=True)
    path = csv_path(data_dir, rows)
    if path.exists():
        return path
    rng = random.Random(SEED * 7919 + rows)
    day = today()
    tmp = path.with_name(path.name + ".building")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_HEADERS)
        for i in range(1, rows + 1):
            industry, word = INDUSTRIES[rng.randrange(len(INDUSTRIES))]
            # The running number keeps names distinct, as a real book's are.
            name = (f"{rng.choice(REGIONS)}{rng.choice(CORES)}{word}"
                    f"{'第' + str(i) + '分公司' if i % 3 == 0 else ''}{rng.choice(SUFFIXES)}")
            contact = rng.choice(SURNAMES) + rng.choice(("经理", "总监", "总", "工", "主任"))
            phone = f"1{rng.choice('3578')}{rng.randrange(100_000_000, 999_999_999)}"
            last = day - timedelta(days=rng.randint(0, 400))
            w.writerow([f"C{i:06d}", name, industry, rng.randint(1, 120),
                        round(rng.paretovariate(1.2) * 10, 1), rng.choice(_TYPES), contact,
                        phone if rng.random() < 0.9 else "", rng.choice(CONCERNS),
                        last.isoformat()])
    tmp.rename(path)
    return path


def fresh_schema(data_dir: Path) -> Path:
    """An empty database with the current schema, made once and copied per import run."""
    from kamdesk.store.database import open_database

    path = data_dir / f"empty-r{_schema_revision()}-{_source_hash()}.sqlite3"
    if path.exists():
        return path
    tmp = path.with_name(path.name + ".building")
    _remove_sqlite(tmp)
    db = open_database(str(tmp), data_dir / "backups")
    db.dispose()
    _checkpoint(tmp)
    tmp.rename(path)
    return path
