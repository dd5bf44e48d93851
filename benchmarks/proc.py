"""Subprocess measurements: cold start to the painted customer list, and peak RSS.

Every child gets a fresh, empty config/data/state folder (so no saved geometry or
column widths, and logs go elsewhere) but keeps the user's font cache, as a real
launch would. The clock is ``time.monotonic()``, shared by parent and child on Linux:
the parent reads it just before spawning, the child prints it once painted.

"Cold" means a new process; the files are in the OS cache (one untimed warm-up spawn
first), which is what every launch after the first one after boot sees.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.core import Result, Target, repo_root, summarise

START_TARGET = Target(max_seconds=1.0, max_ratio=2.0)
RSS_TARGET = Target(max_bytes=250_000_000)
CHILD_TIMEOUT_S = 120


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state")):
        env[var] = str(home / sub)
    env.pop("KAMDESK_DB", None)
    # The child runs ``-m benchmarks.gui_child`` from a temporary folder: it finds this
    # suite, and the kamdesk of the same checkout, through the repository root.
    root = str(repo_root())
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    from benchmarks.data import bench_now

    env["KAMBENCH_NOW"] = bench_now().isoformat()  # the child's clock: the bench day
    return env


def spawn(args: list[str], timeout: float = CHILD_TIMEOUT_S) -> tuple[float, dict[str, str]]:
    """Run the child; returns (monotonic at spawn, its KAMBENCH values); ``exited`` is
    added: seconds from spawn to the child's exit."""
    with tempfile.TemporaryDirectory(prefix="kamdesk-bench-home-") as home:
        cmd = [sys.executable, "-m", "benchmarks.gui_child", *args]
        t0 = time.monotonic()
        proc = subprocess.run(cmd, env=child_env(Path(home)), capture_output=True, text=True,
                              timeout=timeout, check=False)
    values: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[0] == "KAMBENCH":
            values[parts[1]] = parts[2]
    values["exited"] = repr(time.monotonic() - t0)
    if "painted" not in values:
        raise RuntimeError(f"child {' '.join(args)} never painted (exit {proc.returncode}): "
                           f"{proc.stderr.strip()[-800:]}")
    return t0, values


def group_start(db_path: Path, size: int, runs: int) -> list[Result]:
    app_s, bare_s = [], []
    phases: dict[str, list[float]] = {"interpreter": [], "to_show": [], "paint": []}
    spawn(["bare"])
    spawn(["app", str(db_path)])  # warm-up: OS file cache, .pyc files
    for _ in range(runs):  # interleaved, so both see the same background load
        t0, v = spawn(["bare"])
        bare_s.append(float(v["painted"]) - t0)
        t0, v = spawn(["app", str(db_path)])
        painted = float(v["painted"]) - t0
        app_s.append(painted)
        phases["interpreter"].append(float(v["script"]) - t0)
        phases["to_show"].append(float(v["show"]) - float(v["script"]))
        phases["paint"].append(float(v["painted"]) - float(v["show"]))
        if int(v.get("rows", "0")) <= 0:
            raise RuntimeError("the customer list was painted empty")
    r = Result("start", "cold start to painted customer list", size, target=START_TARGET,
               bound_name="bare QApplication + QMainWindow painted + import sqlalchemy.orm")
    summarise(r, app_s, bare_s)
    r.extra["phases_median_s"] = {k: round(statistics.median(v), 4) for k, v in phases.items()}
    out = [r]
    import json

    from benchmarks.data import prime_path

    try:
        prime = json.loads(prime_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        prime = None
    if prime:
        op = "  first start on the new database (reminder backlog, once)"
        if prime.get("painted_s") is not None:
            first = Result("start", op, size, target=START_TARGET,
                           note="measured once, when the database was built")
            summarise(first, [float(prime["painted_s"])])
        else:  # stopped while still busy: the figure is a lower bound
            stopped = float(prime.get("stopped_after_s") or 0)
            first = Result("start", op + f": not painted after {stopped:.0f} s, stopped", size,
                           target=START_TARGET, note="measured once, when the database was built")
            summarise(first, [stopped])
        first.extra.update(prime)
        out.append(first)
    return out


def group_rss(db_path: Path, size: int, runs: int) -> list[Result]:
    runs = max(1, min(runs, 3))
    peaks, painted = [], []
    for _ in range(runs):
        _t0, v = spawn(["app", str(db_path), "--rss"])
        peaks.append(float(v["rss_peak"]))
        painted.append(float(v["rss_painted"]))
    r = Result("rss", "GUI peak RSS (painted, scrolled, searched, sorted)", size, unit="bytes",
               target=RSS_TARGET)
    summarise(r, peaks)
    r.extra["rss_after_first_paint_bytes"] = int(statistics.median(painted))
    _t0, v = spawn(["bare"])
    r.bound = float(v["rss_painted"])
    r.bound_name = "bare QApplication + QMainWindow + sqlalchemy.orm"
    return [r]
