"""Writing hostile 表1/表2/表3/orders sheets as CSV (several encodings) or XLSX."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from .strategies import NUMBER_WORDS, cell_values, names

HEADERS = {
    "customers": ("客户ID", "客户名称", "客户简称", "合作时长", "年度贡献值（万元）", "客户类型",
                  "关键联系人", "联系方式", "最近互动时间", "潜力", "合作开始日期"),
    "contacts": ("客户ID", "沟通时间", "沟通方式", "沟通主题", "客户反馈", "完成时限"),
    "events": ("活动名称", "活动时间", "参与客户数量", "满意度", "改进方向"),
    "orders": ("客户ID", "日期", "金额", "数量", "类型", "产品线", "备注"),
}
#: plausible cells per column, so that some rows pass and reach the database
GOOD = {
    "客户ID": st.sampled_from(["C001", "C002", "C003", "C999"]),
    "客户名称": names, "客户简称": names, "关键联系人": names, "活动名称": names,
    "沟通主题": names, "产品线": names, "备注": names, "客户反馈": names, "改进方向": names,
    "合作时长": st.sampled_from(["12", "3个月", "0", "1200", "1201"] + list(NUMBER_WORDS)),
    "年度贡献值（万元）": st.sampled_from(["12.5", "1,000", "0"] + list(NUMBER_WORDS)),
    "金额": st.sampled_from(["1234.50", "¥99", "(10)"] + list(NUMBER_WORDS)),
    "数量": st.sampled_from(["1", "3", "20000000000000000000"] + list(NUMBER_WORDS)),
    "参与客户数量": st.sampled_from(["5", "99999999999999999999"] + list(NUMBER_WORDS)),
    "客户类型": st.sampled_from(["战略客户", "重要客户", "A", "x"]),
    "潜力": st.sampled_from(["高", "中", "低", "?"]),
    "沟通方式": st.sampled_from(["电话", "拜访", "微信", "?"]),
    "类型": st.sampled_from(["订单", "退货", "order", "return", ""]),
    "满意度": st.sampled_from(["5", "4.5", "满意", ""]),
}
DATE_COLUMNS = ("最近互动时间", "合作开始日期", "沟通时间", "完成时限", "活动时间", "日期")
GOOD_DATE = st.sampled_from(["2026-11-01", "2026/3/5 9:30", "2025年12月1日", "45234", "20261101"])


def good_cell(header: str) -> st.SearchStrategy[object]:
    return GOOD_DATE if header in DATE_COLUMNS else GOOD.get(header, names)


@st.composite
def hostile_row(draw: st.DrawFn, headers: list[str]) -> list[object]:
    """A plausible row (names full of odd code points) with up to two hostile cells."""
    row = [draw(good_cell(h)) for h in headers]
    for _ in range(draw(st.integers(0, 2))):
        row[draw(st.integers(0, len(row) - 1))] = draw(cell_values)
    return row


@st.composite
def hostile_sheet(draw: st.DrawFn) -> tuple[str, list[str], list[list[object]]]:
    kind = draw(st.sampled_from(sorted(HEADERS)))
    headers = list(HEADERS[kind])
    rows = draw(st.lists(hostile_row(headers), min_size=1, max_size=6))
    if draw(st.integers(0, 9)) == 0:  # a 128 KB+ cell
        rows[0][1] = "客" * 140_000
    return kind, headers, rows


def _csv_text(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(path: Path, headers: list[str], rows: list[list[object]], encoding: str) -> None:
    buf = io.StringIO()
    csv.writer(buf).writerows([headers, *[[_csv_text(c) for c in r] for r in rows]])
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))


def _xlsx_cell(value: object) -> object:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        # control characters cannot be XML; Excel writes them escaped as _x0001_
        return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**300:
        return str(value)
    return value


def write_xlsx(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append([_xlsx_cell(c) for c in r])
    wb.save(path)
