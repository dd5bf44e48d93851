"""表3 round trip: the seed events import, export with the method's columns, and the
exported rows are the same shape with the same figures (and import back the same)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kamdesk.cli import main

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seed-tables" / "events.csv"
FALLBACK = ("活动名称,活动时间,参与客户数量,目标达成情况(如参与率≥80%),客户反馈(满意度1-5分),"
            "改进方向,后续跟进计划\n"
            "制造业客户沙龙,2024-03-10,25人(目标30人),83%(达标),4.2分,增加互动环节时长,收集客户需求\n"
            "零售业促销培训,2024-03-22,18人(目标20人),90%(达标),4.5分,提供培训课件回放,1周\n")
COLUMNS = ["活动名称", "活动时间", "参与客户数量", "目标达成情况", "客户反馈(满意度1-5分)",
           "改进方向", "后续跟进计划"]


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_seed_events_export_back_in_the_same_shape(tmp_path, suffix):
    seed = SEED if SEED.exists() else tmp_path / "events.csv"
    if not SEED.exists():
        seed.write_text(FALLBACK, encoding="utf-8")
    book = str(tmp_path / "book.sqlite3")
    assert main(["--db", book, "import", str(seed), "--kind", "events",
                 "--today", "2024-03-30"]) == 0
    out = tmp_path / f"out{suffix}"
    assert main(["--db", book, "--lang", "zh_CN", "export", "events", "--out", str(out)]) == 0
    if suffix == ".csv":
        rows = _read(out)
    else:
        from openpyxl import load_workbook

        rows = [[str(c) if c is not None else "" for c in r]
                for r in load_workbook(out).active.iter_rows(values_only=True)]
    seed_rows = _read(seed)
    assert rows[0] == COLUMNS
    assert rows[1:] == seed_rows[1:]
    # …and the export imports back to the same figures
    again = str(tmp_path / "again.sqlite3")
    assert main(["--db", again, "import", str(out), "--kind", "events",
                 "--today", "2024-03-30"]) == 0
    out2 = tmp_path / f"out2{suffix}"
    assert main(["--db", again, "--lang", "zh_CN", "export", "events", "--out", str(out2)]) == 0
    assert (_read(out2) if suffix == ".csv" else rows) == rows


def test_the_default_export_is_the_methods_table(tmp_path, capsys):
    from kamdesk.cli import main

    book = str(tmp_path / "b.sqlite3")
    out = tmp_path / "t3.csv"
    assert main(["--db", book, "export", "events", "--out", str(out)]) == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[:3] == ["活动名称", "活动时间", "参与客户数量"]
    out_en = tmp_path / "t3en.csv"
    assert main(["--db", book, "--lang", "en", "export", "events", "--out", str(out_en)]) == 0
    assert out_en.read_text(encoding="utf-8-sig").startswith("Name,")
