"""#13 items 2 and 3: what 表1 states is kept as stated; imports are idempotent,
list what they change, report likely duplicates, and can be undone."""

import random
from datetime import date, datetime
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.io import export_tables as ex
from kamdesk.io.import_tables import import_table
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.import_batches import UndoRefused, undo_import
from kamdesk.store.ops.tier_source import set_book_tier_source, set_customer_tier_source

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seed-tables"
SEED_T1 = ("客户ID,客户名称,行业属性,合作时长(月),年度贡献值(万元),客户类型(价值/活跃度),"
           "关键联系人,联系方式,核心需求,最近互动时间\n"
           "C001,A公司,制造业,24,150,高价值/活跃,*经理,,供应链稳定,2024-03-15\n"
           "C002,B公司,零售业,6,30,中价值/沉默,*总监,1395678,促销支持,2023-12-20\n")
TODAY = date(2026, 12, 4)
NOW = datetime(2026, 12, 4, 10, 0)
TABLES = ("customers", "people", "interactions", "trades", "events", "tasks",
          "customer_metrics", "import_batches", "import_batch_rows")


def _file(tmp_path: Path, text: str, name: str = "t1.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _seed_t1(tmp_path: Path) -> Path:
    src = SEED / "customers.csv"
    return src if src.exists() else _file(tmp_path, SEED_T1, "customers.csv")


def _counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in TABLES}


def _imp(db, path, kind=None, **kw):
    return db.write(import_table, path, kind, False, TODAY, now=NOW, **kw)


def test_seed_table1_gives_the_seed_conclusions(db, tmp_path, capsys):
    report = _imp(db, _seed_t1(tmp_path)).value
    assert report.created == 2
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT code, declared_contribution_cents, stated_value_tier, stated_activity, "
            "declared_last_contact_at FROM customers ORDER BY code").fetchall()
        assert [r[:4] for r in rows] == [("C001", 150_0000_00, "A", "active"),
                                         ("C002", 30_0000_00, "B", "silent")]
        assert str(rows[1][4]).startswith("2023-12-20")
        # nothing invented: no trade, no contact
        assert conn.exec_driver_sql("SELECT count(*) FROM trades").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM interactions").scalar() == 0
    capsys.readouterr()
    assert main(["--db", db.location, "tiers", "--as-of", "2024-03-20", "--csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    got = {line.split(",")[0]: line.split(",")[2:4] for line in out[1:]}
    assert got == {"C001": ["A", "active"], "C002": ["B", "silent"]}


def test_computed_tiers_use_declared_values_and_can_be_switched(db, tmp_path):
    _imp(db, _seed_t1(tmp_path))
    # The computed view, from declared contribution and declared last contact: with two
    # customers the head-count rule makes both B; C002, without a trade and last heard of
    # in 2023, began cooperating 6 months ago (合作时长 6): churned by the method.
    with track_writes(db.engine) as written:
        changes = db.write(set_book_tier_source, "computed", TODAY)
    assert written <= changes.names
    with db.engine.connect() as conn:
        got = conn.exec_driver_sql(
            "SELECT c.code, m.value_tier, m.activity, m.revenue_12m_cents FROM customers c "
            "JOIN customer_metrics m ON m.customer_id = c.id ORDER BY c.code").fetchall()
    assert [g[1] for g in got] == ["B", "B"] and got[0][3] == 150_0000_00
    assert got[1][2] == "churned"
    cid = db.read(lambda c: c.exec_driver_sql("SELECT id FROM customers WHERE code='C001'")
                  .scalar())
    with track_writes(db.engine) as written:
        changes = db.write(set_customer_tier_source, cid, "stated", TODAY)
    assert written <= changes.names
    tier = db.read(lambda c: c.exec_driver_sql(
        f"SELECT value_tier FROM customer_metrics WHERE customer_id = {cid}").scalar())
    assert tier == "A"


def test_reimport_writes_nothing(db, tmp_path):
    path = _seed_t1(tmp_path)
    _imp(db, path)
    before = _counts(db)
    with track_writes(db.engine) as written:
        report = _imp(db, path).value
    assert written == set()
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert report.batch_id is None and _counts(db) == before


def test_changed_fields_are_updated_and_listed(db, tmp_path):
    _imp(db, _file(tmp_path, SEED_T1))
    changed = SEED_T1.replace(",30,中价值/沉默", ",45,中价值/活跃").replace("零售业", "快消")
    with track_writes(db.engine) as written:
        changes = _imp(db, _file(tmp_path, changed, "t1b.csv"))
    report = changes.value
    assert written <= changes.names
    assert report.updated == 1
    assert {(f.customer, f.field, f.old, f.new) for f in report.updated_fields} == {
        ("C002", "industry", "零售业", "快消"),
        ("C002", "declared_contribution_cents", 30_0000_00, 45_0000_00),
        ("C002", "stated_activity", "silent", "active")}


def test_contacts_and_events_reimport_add_nothing(db, tmp_path):
    _imp(db, _file(tmp_path, SEED_T1))
    t2 = _file(tmp_path, "客户ID,沟通时间,沟通方式,沟通主题,客户反馈\n"
                         "C001,2024-03-15 10:30,上门拜访,Q1供货回顾,满意\n"
                         "C002,2024-03-18,电话沟通,沉默客户回访,不知晓\n", "t2.csv")
    t3 = _file(tmp_path, "活动名称,活动时间,参与客户数量,客户反馈(满意度1-5分)\n"
                         "制造业客户沙龙,2024-03-10,25人(目标30人),4.2分\n", "t3.csv")
    assert _imp(db, t2).value.created == 2
    assert _imp(db, t3).value.created == 1
    before = _counts(db)
    with track_writes(db.engine) as written:
        r2, r3 = _imp(db, t2).value, _imp(db, t3).value
    assert written == set() and _counts(db) == before
    assert (r2.created, r2.unchanged, r3.created, r3.unchanged) == (0, 2, 0, 1)


def _random_book(tmp_path: Path, rng: random.Random, n: int) -> Path:
    """A 表1 in one of several shapes: with or without codes, 元 or 万元, types or not."""
    wan = rng.random() < 0.5
    head = ["客户ID", "客户名称", "行业", "合作开始日期",
            "年度贡献值(万元)" if wan else "年度贡献值(元)", "客户类型", "关键联系人", "手机",
            "最近互动时间"]
    lines = [",".join(head)]
    for i in range(n):
        amount = rng.randrange(1, 5000) * 10_000
        tier = rng.choice(["高价值/活跃", "中价值/沉默", "低价值/流失", "B/active", "",
                           "Low value/silent"])
        lines.append(",".join([
            f"K{i:04d}", f"公司{i}号", rng.choice(["制造", "零售", ""]),
            f"20{rng.randrange(10, 24)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 9)}",
            f"{amount / 1_000_000:.2f}" if wan else str(amount // 100), tier,
            rng.choice(["王总", "李经理", ""]), f"139{rng.randrange(10**7, 10**8)}",
            rng.choice(["", f"2026-0{rng.randrange(1, 10)}-0{rng.randrange(1, 10)}"])]))
    return _file(tmp_path, "\n".join(lines) + "\n", f"book{n}.csv")


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("fmt,lang", [("csv", "zh_CN"), ("xlsx", "zh_CN"), ("csv", "en")])
def test_round_trip_changes_nothing(db, tmp_path, seed, fmt, lang, another_db):
    rng = random.Random(seed)
    _imp(db, _random_book(tmp_path, rng, 30))
    t2 = "客户ID,沟通时间,沟通方式,沟通主题\n" + "".join(
        f"K{rng.randrange(30):04d},2026-0{rng.randrange(1, 10)}-1{rng.randrange(9)} "
        f"1{rng.randrange(10)}:3{rng.randrange(10)},{rng.choice(['电话', '拜访', '邮件'])},"
        f"主题{i}\n" for i in range(40))
    _imp(db, _file(tmp_path, t2, "t2.csv"))
    _imp(db, _file(tmp_path, "活动名称,活动时间,参与客户数量\n沙龙,2026-03-10,25人(目标30人)\n",
                   "t3.csv"))
    out = {}
    with db.engine.connect() as conn:
        for what, headers, rows in (
                ("customers", ex.CUSTOMER_HEADERS[lang], ex.customer_rows(conn, TODAY, lang)),
                ("contacts", ex.CONTACT_HEADERS[lang], ex.contact_rows(conn, lang)),
                ("events", ex.EVENT_HEADERS["zh_CN"], ex.event_rows(conn, "zh_CN"))):
            out[what] = tmp_path / f"out_{what}.{fmt}"
            ex.write_rows(out[what], headers, rows)
    before = _counts(db)
    with track_writes(db.engine) as written:
        for what in ("customers", "contacts", "events"):
            report = _imp(db, out[what], what).value
            assert (report.created, report.updated, report.problems) == (0, 0, []), what
    assert written == set() and _counts(db) == before
    # into an empty database: the same customers
    fresh = another_db()
    _imp(fresh, out["customers"], "customers")
    query = ("SELECT code, name, industry, cooperation_start, explicit_needs FROM customers "
             "ORDER BY code")
    assert fresh.read(lambda c: c.exec_driver_sql(query).fetchall()) == db.read(
        lambda c: c.exec_driver_sql(query).fetchall())
    fresh.dispose()


def test_duplicates_skip_update_create(db, tmp_path):
    _imp(db, _file(tmp_path, SEED_T1))
    dup = ("客户ID,客户名称,联系方式,行业属性\n"
           "X9,Ａ公司,,化工\n")   # full-width letter: the same name
    before = _counts(db)
    report = _imp(db, _file(tmp_path, dup, "d.csv")).value
    assert [(d.existing_code, d.reason, d.action) for d in report.duplicates] == [
        ("C001", "name", "skip")]
    assert _counts(db) == before
    report = _imp(db, _file(tmp_path, dup, "d.csv"), on_duplicate="update").value
    assert [(f.customer, f.field, f.new) for f in report.updated_fields] == [
        ("C001", "industry", "化工")]
    report = _imp(db, _file(tmp_path, dup, "d.csv"), on_duplicate="create").value
    assert report.created == 1


def test_undo_import_restores_and_refuses(db, tmp_path):
    _imp(db, _file(tmp_path, SEED_T1))
    more = SEED_T1 + "C003,C公司,餐饮,3,5,低价值/活跃,*老板,13900001111,外卖,2026-11-20\n"
    changed = more.replace("零售业", "快消")
    report = _imp(db, _file(tmp_path, changed, "t1b.csv")).value
    assert (report.created, report.updated) == (1, 1) and report.batch_id
    later = datetime(2026, 12, 5, 9, 0)
    with track_writes(db.engine) as written:
        changes = db.write(undo_import, report.batch_id, later)
    assert written <= changes.names
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT code FROM customers ORDER BY code").fetchall() == [
            ("C001",), ("C002",)]
        assert conn.exec_driver_sql(
            "SELECT industry FROM customers WHERE code = 'C002'").scalar() == "零售业"
    with pytest.raises(UndoRefused) as exc:
        db.write(undo_import, report.batch_id, later)
    assert exc.value.code == "already_undone"
    # edited since: refused, nothing changed
    report = _imp(db, _file(tmp_path, changed, "t1c.csv")).value
    db.write(set_customer_tier_source, db.read(lambda c: c.exec_driver_sql(
        "SELECT id FROM customers WHERE code = 'C002'").scalar()), "computed", TODAY,
        now=datetime(2026, 12, 6, 9, 0))
    with pytest.raises(UndoRefused) as exc:
        db.write(undo_import, report.batch_id, later)
    assert exc.value.code == "edited_since"


def test_undo_refuses_when_an_imported_customer_got_history(db, tmp_path):
    report = _imp(db, _file(tmp_path, SEED_T1)).value
    _imp(db, _file(tmp_path, "客户ID,沟通时间,沟通方式,沟通主题\nC001,2026-11-01,电话,回访\n",
                   "t2.csv"))
    with pytest.raises(UndoRefused) as exc:
        db.write(undo_import, report.batch_id, NOW)
    assert exc.value.code == "has_dependents"


def test_cli_imports_undo_and_duplicates(db, tmp_path, capsys):
    path = _file(tmp_path, SEED_T1)
    assert main(["--db", db.location, "import", str(path), "--today", "2026-12-04"]) == 0
    dup = _file(tmp_path, "客户ID,客户名称,行业属性\nX9,A公司,化工\n", "d.csv")
    assert main(["--db", db.location, "import", str(dup), "--today", "2026-12-04"]) == 0
    assert "looks like C001 (same name)" in capsys.readouterr().out
    assert main(["--db", db.location, "import", str(dup), "--today", "2026-12-04",
                 "--on-duplicate", "create"]) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "undo-import" in out
    assert main(["--db", db.location, "imports"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].split("\t")[2] == "customers"
    assert main(["--db", db.location, "duplicates"]) == 0
    assert capsys.readouterr().out.split("\t")[:4:2] == ["C001", "X9"]
    batch = lines[0].split("\t")[0]
    assert main(["--db", db.location, "undo-import", batch]) == 0
    assert main(["--db", db.location, "undo-import", batch]) == 1
    assert "already undone" in capsys.readouterr().err


def test_new_customers_without_an_owner_column_are_the_importers(db, tmp_path):
    path = _seed_t1(tmp_path)
    db.write(import_table, path, None, False, date(2024, 3, 20), default_owner="王敏")
    owners = dict(db.engine.connect().exec_driver_sql(
        "SELECT code, owner FROM customers ORDER BY code").all())
    assert owners == {"C001": "王敏", "C002": "王敏"}
    # a re-import by someone else changes nobody's owner (and writes nothing)
    with track_writes(db.engine) as written:
        db.write(import_table, path, None, False, date(2024, 3, 20), default_owner="李雷")
    assert written == set()
