"""Reading a 100,000-row 表1 XLSX: openpyxl read-only against python-calamine.

``python -m benchmarks.bench_xlsx_read [ROWS]`` writes the workbook once (write-only
openpyxl) into a temporary folder and times each reader three times (best of three),
then the whole :func:`kamdesk.io.sheets.reader.read_sheet` (header detection, blank
and total rows) with the engine it picks.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

HEAD = ["客户ID", "客户名称", "行业属性", "合作时长(月)", "年度贡献值(万元)",
        "客户类型(价值/活跃度)", "关键联系人", "联系方式", "核心需求", "最近互动时间"]


def write_book(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEAD)
    for i in range(rows):
        ws.append([f"C{i:06d}", f"客户{i}有限公司", rng.choice(["制造业", "零售业", "金融"]),
                   rng.randint(1, 120), round(rng.uniform(1, 500), 2), "中价值/活跃",
                   f"联系人{i}", f"13{rng.randint(10**8, 10**9 - 1)}", "供应链稳定",
                   f"2024-03-{rng.randint(1, 28):02d}"])
    wb.save(path)


def best_of(fn, n: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(rows: int = 100_000) -> None:
    from kamdesk.io.sheets import reader

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table1.xlsx"
        write_book(path, rows)
        print(f"{rows} rows, {path.stat().st_size / 1e6:.1f} MB")
        print(f"openpyxl read_only: {best_of(lambda: reader._openpyxl_rows(path)):.2f} s")
        if reader.xlsx_engine() == "calamine":
            print(f"python-calamine:    {best_of(lambda: reader._calamine_rows(path)):.2f} s")
        whole = best_of(lambda: reader.read_sheet(path))
        print(f"read_sheet ({reader.xlsx_engine()}): {whole:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
