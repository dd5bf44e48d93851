import csv
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kamdesk.io.import_tables import import_file
from kamdesk.io.tabular import TableReadError
from kamdesk.store.metrics import recompute_metrics

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seed-tables"
TODAY = date(2024, 3, 20)


def _seed(name: str, tmp_path: Path) -> Path:
    """The method's own tables; a copy is embedded for machines without ../shared."""
    src = SEED / name
    if src.exists():
        return src
    target = tmp_path / name
    target.write_text({
        "customers.csv": "客户ID,客户名称,行业属性,合作时长(月),年度贡献值(万元),客户类型(价值/活跃度),"
        "关键联系人,联系方式,核心需求,最近互动时间\n"
        "C001,A公司,制造业,24,150,高价值/活跃,*经理,,供应链稳定,2024-03-15\n"
        "C002,B公司,零售业,6,30,中价值/沉默,*总监,1395678,促销支持,2023-12-20\n",
        "contact_log.csv": "客户ID,沟通时间,沟通方式(电话/拜访/邮件),沟通主题,客户反馈,问题记录,后续行动,负责人,完成时限\n"
        "C001,2024-03-15,上门拜访,Q1供货回顾,对交货速度满意,,整理折扣方案,*客户经理,2024-03-20\n"
        "C002,2024-03-18,电话沟通,沉默客户回访,表示对新品不知晓,需提供新品手册,邮寄新品手册,*销售专员,2024-03-25\n",
        "events.csv": "活动名称,活动时间,参与客户数量,目标达成情况(如参与率≥80%),客户反馈(满意度1-5分),改进方向,后续跟进计划\n"
        "制造业客户沙龙,2024-03-10,25人(目标30人),83%(达标),4.2分,增加互动环节时长,收集客户需求\n",
    }[name], encoding="utf-8")
    return target


def test_seed_tables_import(db, tmp_path):
    with db.engine.begin() as conn:
        r1 = import_file(conn, _seed("customers.csv", tmp_path), today=TODAY)
        r2 = import_file(conn, _seed("contact_log.csv", tmp_path), today=TODAY)
        r3 = import_file(conn, _seed("events.csv", tmp_path), today=TODAY)
    assert (r1.kind, r1.created, r1.written) == ("customers", 2, True)
    assert (r2.kind, r2.created) == ("contacts", 2)
    assert r3.kind == "events" and r3.created >= 1
    recompute_metrics(db, TODAY)
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.code, CAST(c.cooperation_start AS TEXT), m.revenue_12m_cents, p.name "
            "FROM customers c "
            "JOIN customer_metrics m ON m.customer_id = c.id "
            "LEFT JOIN people p ON p.customer_id = c.id ORDER BY c.code").fetchall()
        assert rows[0] == ("C001", "2022-03-20", 150_0000_00, "*经理")
        assert rows[1][2] == 30_0000_00
        event = conn.exec_driver_sql(
            "SELECT target_participants, actual_participants, "
            "CAST(satisfaction AS DOUBLE PRECISION) FROM events "
            "ORDER BY id").first()
        assert event == (30, 25, 4.2)
        channels = [r[0] for r in conn.exec_driver_sql(
            "SELECT channel FROM interactions WHERE topic NOT LIKE ? ORDER BY occurred_at",
            ("最近互动%",))]
        assert channels == ["visit", "phone"]


def _write(tmp_path, text):
    p = tmp_path / "in.csv"
    p.write_text(text, encoding="utf-8")
    return p


BAD = ("客户ID,客户名称,行业属性,合作时长(月),年度贡献值(万元),最近互动时间\n"
       "C010,好公司,制造,12,10,2024-01-05\n"
       ",,零售,abc,20,2024-02-30\n"
       "C010,重复公司,零售,3,1,\n")


def test_all_or_nothing_reports_every_bad_row(db, tmp_path):
    with db.engine.begin() as conn:
        report = import_file(conn, _write(tmp_path, BAD), today=TODAY)
    assert not report.written
    assert {(p.line, p.column, p.code) for p in report.problems} == {
        (3, "name", "required"), (3, "months", "invalid_number"),
        (3, "last_interaction", "invalid_date"), (4, "code", "duplicate")}
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 0


def test_skip_invalid_imports_good_rows_only(db, tmp_path):
    with db.engine.begin() as conn:
        report = import_file(conn, _write(tmp_path, BAD), today=TODAY, skip_invalid=True)
    assert report.written and report.created == 1 and report.skipped_lines == [3, 4]


def test_reimport_updates_instead_of_duplicating(db, tmp_path):
    path = _seed("customers.csv", tmp_path)
    with db.engine.begin() as conn:
        import_file(conn, path, today=TODAY)
    with db.engine.begin() as conn:
        report = import_file(conn, path, today=TODAY)
    # #13: a re-import of the same file changes nothing (it used to rewrite both)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 2


def test_gbk_csv_and_xlsx(db, tmp_path):
    from openpyxl import Workbook

    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("客户名称,行业属性\n华为技术,制造业\n".encode("gbk"))
    wb = Workbook()
    wb.active.append(["客户名称", "行业属性", "合作开始"])
    wb.active.append(["中国移动", "信息技术", date(2020, 5, 1)])
    wb.save(tmp_path / "x.xlsx")
    with db.engine.begin() as conn:
        assert import_file(conn, gbk, kind="customers", today=TODAY).created == 1
        assert import_file(conn, tmp_path / "x.xlsx", kind="customers", today=TODAY).created == 1
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT CAST(cooperation_start AS TEXT) FROM customers WHERE name='中国移动'"
        ).scalar() == "2020-05-01"


def test_unreadable_file(db, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with db.engine.begin() as conn:
        with pytest.raises(TableReadError):
            import_file(conn, bad, kind="customers")
        with pytest.raises(TableReadError):
            import_file(conn, tmp_path / "missing.csv")


def test_export_neutralises_formulas(demo_db, tmp_path):
    from kamdesk.io.export_tables import CUSTOMER_HEADERS, customer_rows, write_rows

    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customers SET explicit_needs = '=cmd|calc' WHERE id = 1")
        out = tmp_path / "c.csv"
        n = write_rows(out, CUSTOMER_HEADERS["zh_CN"], customer_rows(conn, TODAY, "zh_CN"))
    text = out.read_text(encoding="utf-8-sig")
    assert n > 100 and "'=cmd|calc" in text and ",=cmd" not in text
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][0] == "客户ID"


@pytest.mark.sqlite_only(reason="backups are copies of the book file")
def test_backup_is_consistent_copy(demo_db, tmp_path):
    from kamdesk.io.backup import backup_file

    target = backup_file(demo_db.engine.url.database, tmp_path / "bk")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 200
    conn.close()


def test_vcard_export_parses(demo_db, tmp_path):
    import vobject

    from kamdesk.io.vcard import write_vcards

    with demo_db.engine.connect() as conn:
        n = write_vcards(conn, tmp_path / "p.vcf")
    cards = list(vobject.readComponents((tmp_path / "p.vcf").read_text(encoding="utf-8")))
    assert len(cards) == n > 200
    assert cards[0].version.value == "3.0" and cards[0].fn.value
