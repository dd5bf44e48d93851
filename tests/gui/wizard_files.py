"""Generated customer sheets shaped as people keep them, for the import wizard tests:
title rows, merged two-row headers, GBK CSV, Excel's UTF-16 "Unicode text", units in
headings, blank and total rows, bad cells. Seeded, so each run builds the same files."""

from __future__ import annotations

import random
from pathlib import Path

SURNAMES = "张王李赵刘陈杨黄周吴"
WORDS = ("华信", "远航", "金桥", "东方", "启明", "恒通", "万达", "新锐", "博雅", "中科")
INDUSTRIES = ("制造业", "零售业", "金融", "医疗", "教育")


def customer_rows(n: int, seed: int = 1) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append({
            "code": f"C{i + 1:04d}",
            "name": f"{rng.choice(WORDS)}{rng.choice(WORDS)}{i + 1}有限公司",
            "industry": rng.choice(INDUSTRIES),
            "contribution": round(rng.uniform(1, 300), 2),   # 万元
            "contact": rng.choice(SURNAMES) + rng.choice("伟芳娜敏静丽强磊"),
            "phone": f"13{rng.randint(100000000, 999999999)}",
        })
    return rows


def messy_xlsx(path: Path, rows: list[dict[str, object]]) -> Path:
    """A title row, a merged two-row header (联系方式 over 联系人/手机), a blank row
    and a 合计 row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2024年客户台账（内部）"])
    ws.merge_cells("A1:F1")
    ws.append(["客户ID", "客户名称", "行业属性", "年度贡献值（万元）", "联系方式", None])
    ws.append([None, None, None, None, "联系人", "手机"])
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:F2")
    for i, r in enumerate(rows):
        ws.append([r["code"], r["name"], r["industry"], r["contribution"], r["contact"],
                   r["phone"]])
        if i == 1:
            ws.append([None] * 6)
    ws.append(["合计", None, None, sum(float(r["contribution"]) for r in rows), None, None])
    wb.save(path)
    return path


def text_table(rows: list[dict[str, object]], delimiter: str,
               headings: tuple[str, ...] = ("客户编号", "公司名称", "行业", "年度贡献值(万元)",
                                            "联系人", "电话")) -> str:
    lines = [delimiter.join(headings)]
    for r in rows:
        lines.append(delimiter.join(str(r[k]) for k in ("code", "name", "industry",
                                                        "contribution", "contact", "phone")))
    return "\r\n".join(lines) + "\r\n"


def gbk_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_bytes(text_table(rows, ",").encode("gbk"))
    return path


def utf16_tsv(path: Path, rows: list[dict[str, object]]) -> Path:
    """What Excel's "Unicode text" writes: UTF-16 LE with a BOM, tab-separated."""
    path.write_bytes(b"\xff\xfe" + text_table(rows, "\t").encode("utf-16-le"))
    return path


def csv_with_errors(path: Path, rows: list[dict[str, object]]) -> Path:
    """A title line, then rows of which two are bad: file row 4 has no name, file row 6
    a contribution that is not an amount."""
    text = text_table(rows, ",").splitlines()
    body = ["客户台账 导出于 2024-03-01", *text]
    cells = body[3].split(",")
    cells[1] = ""
    body[3] = ",".join(cells)
    cells = body[5].split(",")
    cells[3] = "十二万"
    body[5] = ",".join(cells)
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path
