import random

import pytest
from openpyxl import Workbook

from kamdesk.io.sheets.columns import CUSTOMER_COLUMNS, header_name, match_meanings
from kamdesk.io.sheets.header import find_header
from kamdesk.io.sheets.reader import is_total_row, read_sheet

HEAD = ["客户ID", "客户名称", "行业属性", "年度贡献值（万元）", "关键联系人", "联系方式"]


def _people(rng: random.Random, n: int) -> list[list[object]]:
    return [[f"C{i:03d}", f"客户{i}公司", rng.choice(["制造", "零售"]),
             rng.choice([12.5, "8", "1,234.56", "—"]), f"联系人{i}",
             f"138{rng.randint(10**7, 10**8 - 1)}"] for i in range(1, n + 1)]


@pytest.mark.parametrize("titles", [0, 1, 3])
def test_title_rows_above_the_header_are_skipped(tmp_path, titles):
    rng = random.Random(titles)
    lines = [f"2024年客户清单{i}" + "," * rng.choice([0, 5]) for i in range(titles)]
    lines.append(",".join(HEAD))
    lines += [",".join(str(c) if "," not in str(c) else f'"{c}"' for c in r)
              for r in _people(rng, 4)]
    f = tmp_path / "t.csv"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sheet = read_sheet(f)
    assert sheet.headers == HEAD
    assert sheet.header_lines == (titles + 1, titles + 1)
    assert [line for line, _ in sheet.rows] == list(range(titles + 2, titles + 6))


def test_csv_two_row_header_keeps_every_column():
    rows = [["客户ID", "客户名称", "联系方式", "", "负责人"],
            ["", "", "手机", "邮箱", ""],
            ["C1", "甲", "13800000000", "a@b.cn", "王"]]
    found = find_header(rows)
    assert (found.first, found.last) == (0, 1)
    assert [n.text for n in found.names] == ["客户ID", "客户名称", "联系方式/手机",
                                             "联系方式/邮箱", "负责人"]
    cols = match_meanings(found.names, CUSTOMER_COLUMNS)
    assert cols["phone"] == 2 and cols["code"] == 0 and cols["owner"] == 4


def _merged_book(path, group_above: bool) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["华东区客户表"])
    if group_above:
        ws.append(["基本信息", None, "联系方式", None])
        ws.append(["客户ID", "客户名称", "手机", "邮箱"])
        ws.merge_cells("A2:B2")
        ws.merge_cells("C2:D2")
    else:
        ws.append(["客户ID", "客户名称", "联系方式", None])
        ws.append([None, None, "手机", "邮箱"])
        ws.merge_cells("A2:A3")
        ws.merge_cells("B2:B3")
        ws.merge_cells("C2:D2")
    ws.append(["C1", "甲公司", 13800000000, "a@b.cn"])
    ws.append(["C2", "乙公司", "13900000000", None])
    ws.append(["合计", None, None, None])
    wb.save(path)


@pytest.mark.parametrize("group_above", [False, True])
def test_xlsx_merged_headers_keep_the_phone_column(tmp_path, group_above):
    f = tmp_path / "m.xlsx"
    _merged_book(f, group_above)
    sheet = read_sheet(f)
    assert sheet.headers[2:] == ["联系方式/手机", "联系方式/邮箱"]
    cols = match_meanings(sheet.names, CUSTOMER_COLUMNS)
    assert cols["phone"] == 2 and cols["name"] == 1
    assert [line for line, _ in sheet.rows] == [4, 5]
    assert [(s.line, s.reason) for s in sheet.skipped] == [(6, "total")]


def test_blank_and_total_rows_are_skipped_and_reported(tmp_path):
    f = tmp_path / "b.csv"
    f.write_text("客户ID,客户名称,年度贡献值\nC1,甲,1\n,,\nC2,乙,2\n小计：,,3\nTotal,,3\n"
                 " , ,\n", encoding="utf-8")
    sheet = read_sheet(f)
    assert [line for line, _ in sheet.rows] == [2, 4]
    assert [(s.line, s.reason) for s in sheet.skipped] == [(3, "blank"), (5, "total"),
                                                           (6, "total")]


@pytest.mark.parametrize(("cells", "total"), [
    (["合计", None, 3], True), ([None, "总计（万元）", 3], True), (["Grand Total", 3], True),
    (["SUM:", 1], True), (["合计公司", "x"], False), (["C1", "总计划"], False),
])
def test_total_rows(cells, total):
    assert is_total_row(cells) is total


@pytest.mark.parametrize(("heading", "key", "meaning", "unit"), [
    ("年度贡献值（万元）", "年度贡献值(万元)", "contribution", "万元"),
    ("年度贡献值(元)", "年度贡献值(元)", "contribution", "元"),
    (" Annual Contribution ", "annualcontribution", "contribution", None),
    ("合作时长（月）", "合作时长(月)", "months", "月"),
    ("客户类型（价值/活跃度）", "客户类型(价值/活跃度)", "type", None),
    ("【联系电话】", "联系电话", "phone", None),
    ("ＰＨＯＮＥ", "phone", "phone", None),
])
def test_headings_normalise_to_a_meaning_and_unit(heading, key, meaning, unit):
    name = header_name(heading)
    assert name.key == key and name.unit == unit
    found = match_meanings([name], CUSTOMER_COLUMNS)
    assert (next(iter(found)) if found else None) == meaning


def test_a_title_merged_over_the_whole_width_is_not_a_group_header():
    from kamdesk.io.sheets.header import find_header

    rows = [["2024年客户台账", None, None, None],
            ["客户ID", "客户名称", "联系方式", None],
            [None, None, "联系人", "手机"],
            ["C1", "甲", "张三", "13800000000"]]
    merges = [(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3)]
    found = find_header(rows, merges)
    assert (found.first, found.last) == (1, 2)
    assert [n.text for n in found.names] == ["客户ID", "客户名称", "联系方式/联系人",
                                             "联系方式/手机"]
