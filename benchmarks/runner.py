"""Running the suite: which groups at which sizes, the printed table, results.json."""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.core import (
    GROUPS,
    GUI_GROUPS,
    Result,
    format_table,
    git_commit,
    load_average,
    machine_info,
    markdown_table,
    now_iso,
    repo_root,
)

RESULTS_VERSION = 1
KEEP_RUNS = 30


def default_data_dir() -> Path:
    return repo_root() / "benchmarks" / "data"


def default_results() -> Path:
    return repo_root() / "benchmarks" / "results.json"


def parse_groups(text: str | None) -> list[str]:
    if not text:
        return list(GROUPS)
    wanted = [g.strip() for g in text.split(",") if g.strip()]
    unknown = [g for g in wanted if g not in GROUPS]
    if unknown:
        raise ValueError(f"unknown group(s): {', '.join(unknown)}; "
                         f"known: {', '.join(GROUPS)}")
    return [g for g in GROUPS if g in wanted]


def run_suite(sizes: Sequence[int], groups: Sequence[str], runs: int, data_dir: Path,
              out: Path | None, log: Callable[[str], None] = print,
              argv: Sequence[str] = ()) -> dict[str, Any]:
    """Run ``groups`` at ``sizes``; returns the run document (also merged into ``out``)."""
    from benchmarks import batch, data, proc

    started = time.perf_counter()
    run_info: dict[str, Any] = {
        "date": now_iso(), "argv": list(argv), "sizes": list(sizes), "groups": list(groups),
        "runs": runs, "machine": machine_info(), **git_commit(repo_root()),
        "load_avg_start": load_average(),
    }
    try:
        from benchmarks.guard import none_leak_per_call

        leak = none_leak_per_call()
    except ImportError:
        leak = 0.0
    run_info["pyside_void_call_none_leak"] = leak
    results: list[Result] = []

    def emit(r: Result) -> None:
        r.extra.setdefault("measured_at", now_iso())
        results.append(r)
        log(progress_line(r))

    def guarded(group: str, size: int, fn: Callable[[], list[Result]]) -> None:
        try:
            for r in fn():
                emit(r)
        except Exception as exc:  # noqa: BLE001 - one broken group must not stop the suite
            traceback.print_exc(file=sys.stderr)
            emit(Result(group, group, size, status="error",
                        note=f"{type(exc).__name__}: {exc}"))

    log(f"KAMDesk benchmarks — {run_info['date']}, commit {run_info.get('describe')}, "
        f"load {run_info['load_avg_start']}")
    log(f"sizes {', '.join(f'{s:,}' for s in sizes)}; groups {', '.join(groups)}; "
        f"median of {runs} runs (fewer for the slowest operations)")
    if leak:
        log(f"WARNING: this PySide6 loses {leak:g} reference(s) to None per void call on "
            f"Python {sys.version.split()[0]}; the app aborts after enough calls "
            "(see benchmarks/guard.py). The benchmark processes are protected.")
    needs_db = [g for g in groups if g != "import"]
    largest = max(sizes)
    for size in sizes:
        if not needs_db:
            break
        db_path = data.ensure_database(data_dir, size, log=log)
        gui = [g for g in groups if g in GUI_GROUPS]
        if gui:
            from benchmarks.gui import run_gui_groups

            try:
                run_gui_groups(db_path, size, gui, runs, emit)
            except Exception as exc:  # noqa: BLE001 - the other groups still run
                traceback.print_exc(file=sys.stderr)
                emit(Result("gui", "main window", size, status="error",
                            note=f"{type(exc).__name__}: {exc}"))
        # (each lambda runs at once, inside this iteration)
        if "recompute" in groups:
            guarded("recompute", size,
                    lambda p=db_path, n=size: batch.group_recompute(p, n, runs))
        if "pdf" in groups:
            guarded("pdf", size,
                    lambda p=db_path, n=size: batch.group_pdf(p, n, runs, batch=n == largest))
        if "start" in groups:
            guarded("start", size, lambda p=db_path, n=size: proc.group_start(p, n, runs))
        if "rss" in groups:
            guarded("rss", size, lambda p=db_path, n=size: proc.group_rss(p, n, runs))
    if "import" in groups:
        guarded("import", largest, lambda: batch.group_import(data_dir, largest, runs))

    run_info["load_avg_end"] = load_average()
    run_info["seconds"] = round(time.perf_counter() - started, 1)
    log("")
    log(format_table(results))
    misses = [r for r in results if r.status == "miss"]
    log(f"\n{len(misses)} target(s) missed; {sum(r.status == 'error' for r in results)} "
        f"error(s); {sum(r.status == 'n/a' for r in results)} n/a; "
        f"{run_info['seconds']:.0f} s; load {run_info['load_avg_start']} -> "
        f"{run_info['load_avg_end']}")
    document = {"run": run_info, "results": [r.to_json() for r in results]}
    if out is not None:
        merge_results(out, document)
        log(f"results written to {out}")
    return document


def progress_line(r: Result) -> str:
    from benchmarks.core import MARK, fmt_size, fmt_value

    if r.status in ("n/a", "error"):
        return f"  [{r.group} {fmt_size(r.size)}] {r.operation}: {MARK[r.status]} — {r.note}"
    ratio = f" = {r.ratio:.2f}× bound {fmt_value(r, r.bound)}" if r.ratio is not None else ""
    return (f"  [{r.group} {fmt_size(r.size)}] {r.operation}: {fmt_value(r, r.median)}"
            f"{ratio}  (target {r.target.text()}) {MARK[r.status]}")


def merge_results(path: Path, document: dict[str, Any]) -> None:
    """Keep one row per (group, operation, size): a partial rerun (``--only``) replaces
    its own rows and leaves the others, each row carrying the run it came from."""
    stored: dict[str, Any] = {"version": RESULTS_VERSION, "runs": [], "results": []}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if loaded.get("version") == RESULTS_VERSION:
                stored = loaded
        except (ValueError, OSError):
            pass
    run = document["run"]
    run_id = len(stored["runs"]) and stored["runs"][-1].get("id", 0) + 1
    run = {"id": run_id, **run}
    stored["runs"] = (stored["runs"] + [run])[-KEEP_RUNS:]
    new = {(r["group"], r["operation"], r["size"]): {**r, "run_id": run_id}
           for r in document["results"]}
    kept = [r for r in stored["results"] if (r["group"], r["operation"], r["size"]) not in new]
    merged = kept + list(new.values())
    order = {g: i for i, g in enumerate(GROUPS)}
    merged.sort(key=lambda r: (order.get(r["group"], 99), r["size"]))
    stored["results"] = merged
    stored["latest_run"] = run
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(stored, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def stored_table(path: Path, markdown: bool = False) -> str:
    """The table of a results.json (every stored row), plain or as Markdown."""
    from benchmarks.core import Target

    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for d in doc["results"]:
        t = d.get("target") or {}
        r = Result(d["group"], d["operation"], d["size"], runs=d["runs"], median=d["median"],
                   minimum=d["minimum"], maximum=d["maximum"], unit=d["unit"], bound=d["bound"],
                   bound_name=d["bound_name"], status=d["status"], note=d["note"],
                   target=Target(t.get("max_seconds"), t.get("max_ratio"), t.get("max_bytes"),
                                 t.get("note", "")), extra=d.get("extra", {}))
        rows.append(r)
    return markdown_table(rows) if markdown else format_table(rows)
