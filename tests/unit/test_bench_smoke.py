"""The benchmark harness on a tiny database: it must keep running, whatever the timings.

Nothing here asserts on a duration: the machine is shared and the figures belong to
``python -m benchmarks``. What is checked is that each group still drives the real
code, produces rows with medians, judges them against their targets, degrades to
"n/a" when a screen's module is missing, and writes a results file that can be read
back and merged.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The suite is a top-level folder of the checkout, not part of the installed package:
# make it importable however pytest was started.
REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SIZE = 200


@pytest.fixture(scope="module")
def bench_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="module")
def suite(bench_dir):
    from benchmarks.runner import run_suite

    lines: list[str] = []
    doc = run_suite([SIZE], ["search", "today", "recompute", "import"], runs=1,
                    data_dir=bench_dir / "data", out=bench_dir / "results.json",
                    log=lines.append)
    return doc, lines


def test_groups_produce_judged_rows(suite):
    doc, lines = suite
    rows = doc["results"]
    by_group = {r["group"] for r in rows}
    assert {"search", "recompute", "import"} <= by_group
    errors = [r for r in rows if r["status"] == "error"]
    assert not errors, errors
    for r in rows:
        if r["status"] == "n/a":
            continue
        assert r["median"] is not None and r["median"] >= 0
        assert r["runs"] >= 1
        assert r["status"] in ("ok", "miss", "info")
    search = [r for r in rows if r["group"] == "search"]
    assert len(search) == 3  # name, pinyin initials, phone
    assert all(r["bound"] and r["ratio"] for r in search)
    imp = next(r for r in rows if r["group"] == "import" and r["bound"])
    assert imp["extra"]["tables_written"]["customers"] == SIZE
    assert any("missed" in line for line in lines)  # the summary line was printed


def test_results_file_is_written_and_merged(suite, bench_dir):
    from benchmarks.runner import merge_results, stored_table

    path = bench_dir / "results.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["latest_run"]["machine"]["cpu_count"]
    assert "load_avg_start" in stored["latest_run"]
    n = len(stored["results"])
    # A partial rerun replaces only its own rows.
    doc, _ = suite
    partial = {"run": dict(doc["run"]), "results": [doc["results"][0]]}
    merge_results(path, partial)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert len(again["results"]) == n
    assert len(again["runs"]) == 2
    assert "search" in stored_table(path, markdown=True)


def test_missing_screen_module_is_reported_not_raised(suite, bench_dir, monkeypatch):
    from benchmarks import gui
    from benchmarks.data import ensure_database

    monkeypatch.setitem(gui.SCREEN_MODULES, "calendar", "kamdesk.ui.no_such_screen")
    got = []
    gui.run_gui_groups(ensure_database(bench_dir / "data", SIZE), SIZE, ["calendar"], 1,
                       got.append)
    assert [r.status for r in got] == ["n/a"]
    assert "module missing" in got[0].note


def test_cached_database_is_reused(suite, bench_dir):
    from benchmarks.data import ensure_database

    built = []
    path = ensure_database(bench_dir / "data", SIZE, log=built.append)
    assert path.exists() and not built  # made by the suite fixture, not again


def test_group_names_are_checked():
    from benchmarks.runner import parse_groups

    assert parse_groups("sort,start") == ["sort", "start"]
    with pytest.raises(ValueError):
        parse_groups("nonsense")


def test_suite_lives_outside_the_package():
    import benchmarks

    assert Path(benchmarks.__file__).resolve().parent == REPO_ROOT / "benchmarks"
    import kamdesk

    assert not (Path(kamdesk.__file__).resolve().parent / "bench").exists()


def test_engine_comparison_measures_every_read(tmp_path: Path):
    # benchmarks.engines (issue #17): the store reads behind the screens, on any engine;
    # here a tiny SQLite book (the PostgreSQL side is the same code on another URL).
    from benchmarks import engines

    db = engines._build(str(tmp_path / "engines.sqlite3"), 30)
    try:
        figures = engines.measure(db, runs=1)
    finally:
        db.dispose()
    assert set(figures) == {
        "search keystroke (median)", "search keystroke (slowest)",
        "list page (count + 200 rows)", "sort (median of columns)", "sort (slowest column)",
        "Today (today_data)", "recompute (same day)"}
    assert all(wall >= 0 and cpu >= 0 for wall, cpu in figures.values())
