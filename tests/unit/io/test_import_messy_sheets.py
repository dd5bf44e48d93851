"""Importing sheets shaped as people really keep them, through the importers."""

import codecs
import json
import random
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from kamdesk.cli import main
from kamdesk.io.import_tables import import_file

TODAY = date(2024, 3, 20)


def _messy_customers(path, rng: random.Random, n: int = 12) -> dict[str, str]:
    """An XLSX 表1 with a title row, a merged 联系方式 header over 手机|邮箱, amounts in
    several forms, Excel serial dates, "—" for empty, a blank row and a 合计 row.
    Returns code -> phone."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年 华东区 重点客户表"])
    ws.append(["客户编号", "公司名称", "年度贡献值（万元）", "联系方式", None, "最近互动时间",
               "关键联系人"])
    ws.append([None, None, None, "手机", "邮箱", None, None])
    for col in "ABCFG":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:E2")
    phones = {}
    for i in range(1, n + 1):
        code = f"K{i:03d}"
        phones[code] = f"13{rng.randint(10**8, 10**9 - 1)}"
        amount = rng.choice([12.5, "8", "1,234.5", "—", "30"])
        last = rng.choice([45356, "45356", "2024年3月5日", "2024.3.5", "—"])
        ws.append([code, f"客户{i}有限公司", amount, phones[code], f"k{i}@x.cn", last,
                   f"联系人{i}"])
        if i == n // 2:
            ws.append([None, None, None, None, None, None, None])
    ws.append(["合计", None, 999, None, None, None, None])
    wb.save(path)
    return phones


def test_a_messy_xlsx_imports_with_every_phone(db, tmp_path):
    f = tmp_path / "表1.xlsx"
    phones = _messy_customers(f, random.Random(3))
    with db.engine.begin() as conn:
        report = import_file(conn, f, today=TODAY)
    assert report.kind == "customers" and not report.problems, report.problems
    assert report.created == 12
    assert [(s.line, s.reason) for s in report.skipped_rows] == [(10, "blank"), (17, "total")]
    with db.engine.connect() as c:
        stored = dict(c.execute(text(
            "select c.code, coalesce(p.mobile, p.phone) from customers c"
            " join people p on p.customer_id = c.id")
        ).all())
        names = {r[0] for r in c.execute(text("select name from customers"))}
    assert stored == phones
    assert "合计" not in names


def test_problems_name_the_files_heading_and_excel_row(db, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("客户名单\n客户名称,年度贡献值（万元）,最近互动时间\n甲,\"1,2,3\",2024-03-01\n"
                 "乙,-5,24-3-5\n", encoding="utf-8")
    with db.engine.begin() as conn:
        report = import_file(conn, f, today=TODAY, dry_run=True)
    got = [(p.line, p.header, p.code) for p in report.problems]
    assert got == [(3, "年度贡献值（万元）", "invalid_amount"),
                   (4, "年度贡献值（万元）", "negative_amount"),
                   (4, "最近互动时间", "ambiguous_date")]


def test_utf16_unicode_text_imports(db, tmp_path):
    f = tmp_path / "u.txt"
    text = "客户ID\t客户名称\t年度贡献值(元)\r\nC1\t甲公司\t1,234.50\r\nC2\t乙公司\t—\r\n"
    f.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    with db.engine.begin() as conn:
        report = import_file(conn, f, today=TODAY)
    assert report.created == 2 and not report.problems


def test_cli_uses_a_saved_mapping_for_the_same_shape(tmp_path, capsys):
    dbfile = str(tmp_path / "x.sqlite3")
    f = tmp_path / "odd.csv"
    # Headings no synonym knows: the user maps them once.
    f.write_text("Kunden,Branche,Ansprechpartner\n甲公司,制造,王\n乙公司,零售,李\n",
                 encoding="utf-8")
    assert main(["--db", dbfile, "import", str(f)]) == 1
    m = tmp_path / "m.json"
    m.write_text(json.dumps({"version": 1, "kind": "customers",
                             "shape": ["kunden", "branche", "ansprechpartner"],
                             "columns": {"name": 0, "industry": 1, "contact": 2}}),
                 encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", dbfile, "import", str(f), "--mapping", str(m)]) == 0
    assert "2 new" in capsys.readouterr().out
    other = tmp_path / "other.csv"
    other.write_text("名称,x\n丙,1\n", encoding="utf-8")
    assert main(["--db", dbfile, "import", str(other), "--mapping", str(m)]) == 1
    assert "no mapping for this file's headers" in capsys.readouterr().err


def test_cli_saves_the_guessed_mapping(tmp_path, capsys):
    dbfile = str(tmp_path / "x.sqlite3")
    f = tmp_path / "c.csv"
    f.write_text("客户ID,客户名称,年度贡献值（万元）\nC1,甲,1\n", encoding="utf-8")
    m = tmp_path / "saved.json"
    assert main(["--db", dbfile, "import", str(f), "--dry-run", "--save-mapping", str(m)]) == 0
    data = json.loads(m.read_text(encoding="utf-8"))
    assert data["kind"] == "customers" and data["units"] == {"2": "万元"}
    assert data["columns"] == {"code": 0, "name": 1, "contribution": 2}


@pytest.mark.parametrize("seed", range(5))
def test_generated_messy_sheets_import_cleanly(db, tmp_path, seed):
    f = tmp_path / f"s{seed}.xlsx"
    phones = _messy_customers(f, random.Random(seed), n=5 + seed)
    with db.engine.begin() as conn:
        report = import_file(conn, f, today=TODAY, dry_run=True)
    assert not report.problems and report.created == len(phones)
