"""What every benchmark group shares: results, targets, timing, the table and the JSON.

A result is one operation at one database size: the median of ``runs`` timings (or
a memory figure), optionally the median of a *bound* measured in the same run (the
same work done the cheapest way we know, so the ratio says how much the app adds on
top of the floor), and a target. Medians, because the machine is shared: two cores
and other test runs in the background.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: the date every demo database ends on, and the fixed clock of the GUI measurements
TODAY_ISO = "2026-11-23"
SEED = 1
INTERACTIONS_AVG = 10.0
ORDERS_AVG = 20.0
FULL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)

#: group name -> one-line description (the order is the order they run in)
GROUPS: dict[str, str] = {
    "list": "customer list first page (reset + repaint) and jump to the middle",
    "sort": "customer list sorted by every column (reset + repaint)",
    "search": "search as you type: keystroke -> reset -> first rows -> repaint",
    "profile": "open a profile with 500 interactions, each tab",
    "today": "open Today (read + build + repaint)",
    "calendar": "open the Calendar month (read + build + repaint)",
    "recompute": "recompute tiers, RFM and health for the whole book",
    "pdf": "account plan PDF: one plan, and 100 plans to files",
    "start": "cold start to the painted customer list (subprocess)",
    "rss": "peak RSS of the GUI after painting, scrolling, searching (subprocess)",
    "import": "import a 表1 customers CSV into a fresh database",
}
GUI_GROUPS = ("list", "sort", "search", "profile", "today", "calendar")


class ModuleMissing(Exception):
    """The module an operation needs is not in this checkout (yet)."""


@dataclass(frozen=True)
class Target:
    """``max_seconds`` / ``max_bytes`` absolute limit, ``max_ratio`` against the bound."""

    max_seconds: float | None = None
    max_ratio: float | None = None
    max_bytes: int | None = None
    note: str = ""

    def text(self) -> str:
        parts = []
        if self.max_seconds is not None:
            parts.append("≤ " + fmt_seconds(self.max_seconds))
        if self.max_bytes is not None:
            parts.append(f"≤ {self.max_bytes / 1e6:.0f} MB")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}× bound")
        text = " and ".join(parts) if parts else "—"
        return f"{text} {self.note}".strip()


NO_TARGET = Target()


@dataclass
class Result:
    group: str
    operation: str
    size: int
    runs: int = 0
    median: float | None = None  # seconds, or bytes when unit == "bytes"
    minimum: float | None = None
    maximum: float | None = None
    unit: str = "s"
    bound: float | None = None
    bound_name: str = ""
    target: Target = NO_TARGET
    status: str = "ok"  # 'ok' | 'miss' | 'n/a' | 'error' | 'info'
    note: str = ""
    load_avg: tuple[float, float, float] = (0.0, 0.0, 0.0)
    samples: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.bound:
            return None
        return self.median / self.bound

    def judge(self) -> Result:
        """Set ``status`` from the target (call after median and bound are known)."""
        if self.status in ("n/a", "error") or self.median is None:
            return self
        t = self.target
        if t.max_seconds is None and t.max_ratio is None and t.max_bytes is None:
            self.status = "info"
            return self
        miss = []
        if t.max_seconds is not None and self.unit == "s" and self.median > t.max_seconds:
            miss.append("time")
        if t.max_bytes is not None and self.unit == "bytes" and self.median > t.max_bytes:
            miss.append("memory")
        r = self.ratio
        if t.max_ratio is not None and r is not None and r > t.max_ratio:
            miss.append("ratio")
        self.status = "miss" if miss else "ok"
        if miss:
            self.extra["missed"] = miss
        return self

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["target"] = {k: v for k, v in asdict(self.target).items() if v not in (None, "")}
        d["target_text"] = self.target.text()
        d["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        for k in ("median", "minimum", "maximum", "bound"):
            if d[k] is not None:
                d[k] = round(d[k], 6) if self.unit == "s" else d[k]
        d["samples"] = [round(s, 6) if self.unit == "s" else s for s in self.samples]
        return d


def not_available(group: str, operation: str, size: int, why: str) -> Result:
    return Result(group, operation, size, status="n/a", note=why, load_avg=load_average())


def load_average() -> tuple[float, float, float]:
    try:
        a, b, c = os.getloadavg()
        return (round(a, 2), round(b, 2), round(c, 2))
    except OSError:  # pragma: no cover - not on Linux/macOS
        return (0.0, 0.0, 0.0)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """``warmup`` untimed calls (first-use costs: imports, caches), then ``runs`` timings."""
    for _ in range(warmup):
        fn()
    return [timed(fn) for _ in range(runs)]


def summarise(result: Result, samples: Sequence[float],
              bound_samples: Sequence[float] | None = None) -> Result:
    result.samples = list(samples)
    result.runs = len(samples)
    if samples:
        result.median = statistics.median(samples)
        result.minimum = min(samples)
        result.maximum = max(samples)
    if bound_samples:
        result.bound = statistics.median(bound_samples)
        result.extra["bound_samples"] = [round(s, 6) for s in bound_samples]
    result.load_avg = load_average()
    return result.judge()


# -- formatting ---------------------------------------------------------------------------
def fmt_seconds(s: float | None) -> str:
    if s is None:
        return "—"
    if s < 1.0:
        return f"{s * 1000:.1f} ms" if s < 0.1 else f"{s * 1000:.0f} ms"
    return f"{s:.2f} s"


def fmt_value(r: Result, value: float | None) -> str:
    if value is None:
        return "—"
    if r.unit == "bytes":
        return f"{value / 1e6:.0f} MB"
    return fmt_seconds(value)


def fmt_size(n: int) -> str:
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


MARK = {"ok": "ok", "miss": "MISS", "n/a": "n/a", "error": "ERROR", "info": ""}


def table_rows(results: Sequence[Result]) -> list[list[str]]:
    rows = [["group", "operation", "size", "median", "runs", "bound", "ratio", "target", ""]]
    for r in results:
        if r.status in ("n/a", "error"):
            rows.append([r.group, r.operation, fmt_size(r.size), "n/a", "", "", "",
                         r.target.text(), f"{MARK[r.status]} — {r.note}"])
            continue
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else ""
        rows.append([
            r.group, r.operation, fmt_size(r.size), fmt_value(r, r.median), str(r.runs),
            fmt_value(r, r.bound), ratio, r.target.text(),
            MARK[r.status] + (f" ({', '.join(r.extra['missed'])})" if r.status == "miss" else ""),
        ])
    return rows


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def format_table(results: Sequence[Result]) -> str:
    rows = table_rows(results)
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = {3, 4, 5, 6}
    out = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(results: Sequence[Result]) -> str:
    rows = table_rows(results)
    lines = ["| " + " | ".join(rows[0][:-1] + ["status"]) + " |",
             "|" + "|".join("---" for _ in rows[0]) + "|"]
    for row in rows[1:]:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    return "\n".join(lines)


# -- the environment ---------------------------------------------------------------------------
def repo_root() -> Path:
    """The checkout this suite lives in (``benchmarks/`` is a top-level folder of it)."""
    return Path(__file__).resolve().parents[1]


def git_commit(root: Path) -> dict[str, Any]:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                  timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": git("rev-parse", "HEAD") or None,
            "describe": git("log", "-1", "--format=%h %s") or None,
            "modified_files": len([line for line in status.splitlines() if line.strip()])}


def machine_info() -> dict[str, Any]:
    import sqlite3

    info: dict[str, Any] = {
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        info["cpu"] = platform.processor()
    from importlib import metadata

    for dist in ("PySide6", "PySide6_Essentials", "SQLAlchemy", "reportlab"):
        try:
            info[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return info


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
