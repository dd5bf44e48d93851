"""The 表1 import as the window and ``kamdesk import`` run it, phase by phase.

Beside the headline row of :func:`benchmarks.batch.group_import` (``import_file``
committed, against its executemany bound) this reports, on the same CSV and the same
empty schema:

- **cold**: the first ``import_table`` of the process (read, validate, match, write,
  record the import batch, recompute every customer's metrics; one transaction,
  committed): module imports, pypinyin's dictionaries and every cache start empty;
- **warm**: the median of the following runs of the same;
- the split of a warm run: **read** (``read_table``), **validate** (a dry run less the
  read), **write** (``import_file`` committed less the dry run: matching, customers,
  people, metrics rows, search index) and **batch + recompute** (``import_table`` less
  ``import_file``);
- **re-import**: the same file again into the database the import made; it must write
  nothing (the tables it wrote are recorded in ``extra``).

Every row also carries the CPU time of its runs (``extra["cpu"]``, process time): the
benchmark machine is shared, and CPU time is the steadier figure when it is busy.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.core import NO_TARGET, Result, summarise


def _clock(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - t0, time.process_time() - c0, value


def _row(operation: str, rows: int, walls: list[float], cpus: list[float],
         **extra: Any) -> Result:
    r = Result("import", operation, rows, target=NO_TARGET)
    summarise(r, walls)
    r.extra["cpu"] = [round(c, 3) for c in cpus]
    r.extra["cpu_median"] = round(statistics.median(cpus), 3) if cpus else None
    r.extra.update(extra)
    return r


def import_phases(csv_file: Path, empty: Path, work: Path, rows: int, runs: int,
                  day: date) -> list[Result]:
    """Cold and warm ``import_table``, the phase split, and the re-import."""
    from benchmarks.data import scratch_copy
    from kamdesk.io.import_tables import import_file, import_table
    from kamdesk.io.tabular import read_table
    from kamdesk.store.engine import make_engine
    from kamdesk.store.ops.audit import track_writes
    from sqlalchemy.orm import Session

    now = datetime.combine(day, datetime.min.time()).replace(hour=10)

    def whole(path: Path, written: set[str] | None = None) -> Any:
        engine = make_engine(str(path))
        try:
            with Session(engine) as session:
                if written is None:
                    changes = import_table(session, csv_file, today=day, now=now)
                else:
                    with track_writes(engine) as seen:
                        changes = import_table(session, csv_file, today=day, now=now)
                    written.update(seen)
                session.commit()
            return changes.value
        finally:
            engine.dispose()

    def file_only(path: Path, dry_run: bool) -> Any:
        engine = make_engine(str(path))
        try:
            with engine.begin() as conn:
                return import_file(conn, csv_file, "customers", today=day, dry_run=dry_run)
        finally:
            engine.dispose()

    scratch_copy(empty, work)
    cold_wall, cold_cpu, report = _clock(lambda: whole(work))
    if report.created != rows:
        raise RuntimeError(f"import wrote {report.created} of {rows} rows")
    warm: list[tuple[float, float]] = []
    phases: dict[str, list[tuple[float, float]]] = {
        "read": [], "dry": [], "file": []}
    again: list[tuple[float, float]] = []
    again_written: set[str] = set()
    again_report = None
    for _ in range(runs):
        scratch_copy(empty, work)
        w, c, _r = _clock(lambda: whole(work))
        warm.append((w, c))
        # The same file again, into what it made: nothing may change.
        w, c, again_report = _clock(lambda: whole(work, again_written))
        again.append((w, c))
        w, c, _t = _clock(lambda: read_table(csv_file))
        phases["read"].append((w, c))
        scratch_copy(empty, work)
        w, c, _r = _clock(lambda: file_only(work, True))
        phases["dry"].append((w, c))
        scratch_copy(empty, work)
        w, c, _r = _clock(lambda: file_only(work, False))
        phases["file"].append((w, c))

    def med(pairs: list[tuple[float, float]], i: int) -> float:
        return statistics.median(p[i] for p in pairs)

    out = [
        _row("  import + batch + recompute (as `kamdesk import`), cold: first in process",
             rows, [cold_wall], [cold_cpu]),
        _row("  import + batch + recompute (as `kamdesk import`), warm", rows,
             [w for w, _c in warm], [c for _w, c in warm]),
    ]
    split = {
        "read": (med(phases["read"], 0), med(phases["read"], 1)),
        "validate": (med(phases["dry"], 0) - med(phases["read"], 0),
                     med(phases["dry"], 1) - med(phases["read"], 1)),
        "write": (med(phases["file"], 0) - med(phases["dry"], 0),
                  med(phases["file"], 1) - med(phases["dry"], 1)),
        "batch + recompute": (med(warm, 0) - med(phases["file"], 0),
                              med(warm, 1) - med(phases["file"], 1)),
    }
    for name, (wall, cpu) in split.items():
        # A difference of two noisy medians; a small file can make it dip below zero.
        r = _row(f"    {name} (median, warm)", rows, [max(0.0, wall)], [max(0.0, cpu)])
        r.extra["derived"] = "difference of medians, see benchmarks/bench_import.py"
        out.append(r)
    assert again_report is not None
    # The search index is reported under "customers" by track_writes.
    out.append(_row("  re-import of the same file (must write nothing)", rows,
                    [w for w, _c in again], [c for _w, c in again],
                    written=sorted(again_written), created=again_report.created,
                    updated=again_report.updated, unchanged=again_report.unchanged))
    return out
