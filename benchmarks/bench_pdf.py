"""How long the PDF reports take, against targets and against a bound.

    python benchmarks/bench_pdf.py [--plans 100] [--repeat 15]

Targets: one 4–6 page account plan with charts in < 0.5 s; 100 plans in < 30 s.
Bound: reportlab laying out a flat document of the same pages and the same text in the
same embedded font (no tables, charts or page-total canvas). The gap between the plan
and the bound is what our tables, charts and page chrome cost; the bound itself is
reportlab's floor for that much CJK text, so a plan can never get much below it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kamdesk.reports.brief_pdf import render_brief_pdf
from kamdesk.reports.fonts import ensure_fonts, markup, styles
from kamdesk.reports.plan_data import PlanDocument
from kamdesk.reports.plan_pdf import render_plan_pdf
from kamdesk.reports.sample import sample_brief, sample_plan

PLAN_TARGET_S = 0.5
BATCH_TARGET_S = 30.0


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def plan_strings(value: Any) -> list[str]:
    """Every string in the plan, in field order: the text the flat document prints."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [s for f in fields(value) for s in plan_strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in plan_strings(item)]
    return []


def build_flat(doc: PlanDocument, repeat: int) -> int:
    """The bound: the plan's text as plain paragraphs, ``repeat`` times over."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = styles()
    text = [markup(s) for s in plan_strings(doc) if s.strip()]
    flat = SimpleDocTemplate(io.BytesIO(), pagesize=A4, initialFontName=ensure_fonts())
    flat.build([Paragraph(t, st.body) for t in text * repeat])
    return int(flat.page)


def flat_repeat_for(doc: PlanDocument, pages: int) -> int:
    """How many copies of the plan's text fill as many pages as the plan (found once,
    outside the timing: tables and KPI tiles take more room than their text)."""
    repeat = 1
    while build_flat(doc, repeat) < pages:
        repeat += 1
    return repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    doc = sample_plan("zh_CN")
    cold, pages = timed(lambda: render_plan_pdf(doc, io.BytesIO()))
    print(f"first plan (font load + imports warm-up): {cold * 1000:7.1f} ms, {pages} pages")

    runs = [timed(lambda: render_plan_pdf(doc, io.BytesIO()))[0] for _ in range(args.repeat)]
    one = statistics.median(runs)
    verdict = "OK" if one < PLAN_TARGET_S else "OVER TARGET"
    print(f"one plan, {pages} pages with 2 charts:   {one * 1000:7.1f} ms median of {args.repeat} "
          f"(min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})   target < "
          f"{PLAN_TARGET_S * 1000:.0f} ms: {verdict}")

    en = sample_plan("en")
    en_runs = [timed(lambda: render_plan_pdf(en, io.BytesIO()))[0] for _ in range(args.repeat)]
    print(f"one plan, English:                    {statistics.median(en_runs) * 1000:7.1f} ms median")

    # A batch of different plans (names and action counts vary) written to files,
    # as a "print all my key accounts" export would.
    batch = [
        replace(sample_plan("zh_CN", n_actions=8 + i % 12), customer_name=f"{doc.customer_name}{i}")
        for i in range(args.plans)
    ]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cpu_start = time.process_time()
        total, page_total = timed(
            lambda: sum(render_plan_pdf(d, out / f"plan_{i}.pdf") for i, d in enumerate(batch))
        )
        # CPU time too: on a shared or throttled machine wall time mostly measures the
        # neighbours, CPU time measures us.
        cpu = time.process_time() - cpu_start
    verdict = "OK" if total < BATCH_TARGET_S else "OVER TARGET"
    print(f"{args.plans} plans to files ({page_total} pages):  {total:7.2f} s wall, {cpu:.2f} s CPU"
          f"   ({total / args.plans * 1000:.0f} ms each)   target < {BATCH_TARGET_S:.0f} s: {verdict}")

    repeat = flat_repeat_for(doc, pages)
    flat_pages = build_flat(doc, repeat)
    flat_runs = [timed(lambda: build_flat(doc, repeat))[0] for _ in range(args.repeat)]
    bound = statistics.median(flat_runs)
    print(f"bound: flat text, same text x{repeat}, {flat_pages} pages: {bound * 1000:7.1f} ms median"
          f"   plan / bound = {one / bound:.2f}x")

    brief = sample_brief("zh_CN")
    brief_runs = [timed(lambda: render_brief_pdf(brief, io.BytesIO()))[0] for _ in range(args.repeat)]
    print(f"one-page brief:                       {statistics.median(brief_runs) * 1000:7.1f} ms median")


if __name__ == "__main__":
    main()
