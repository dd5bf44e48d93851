"""Kill the upgrade of the oldest fixture at varied moments: the file is always at the old
revision with every row or at the new one with every row, every file named like a backup
is a good one, and the next normal start finishes the upgrade.

A start is a subprocess (``upgrade_child.py``) killed with SIGKILL (TerminateProcess on
Windows) after a delay spread evenly over the time an unkilled start takes from its
first step to the end of the upgrade transaction plus 15 % (measured first: revision
check, backup, every migration, COMMIT, and a little after). Backup kills use a slowed
backup (one page a step) and aim inside it. The short
variant runs by default; ``pytest -m slow`` runs the long one (25 + 20 kills).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from revision_rows import FIXTURES, check_file, connect_ro, differences, revision_of

from kamdesk.store.engine import make_engine
from kamdesk.store.migrate import ensure_schema
from kamdesk.store.schema_version import HEAD_REVISION

OLDEST = "0001_initial"
CHILD = Path(__file__).with_name("upgrade_child.py")
SEED = 1414


def _fresh_copy(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(FIXTURES / f"{OLDEST}.sqlite3", path)


def _start(path: Path, backups: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), str(path), str(backups), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(proc: subprocess.Popen[str], marker: str) -> float:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == marker:
            return time.perf_counter()
    _out, err = proc.communicate()
    raise AssertionError(f"child ended before {marker!r}: {err[-2000:]}")


def _timing(path: Path, backups: Path, mode: str) -> float:
    """Seconds an unkilled start takes from the mode's first marker to its last."""
    _fresh_copy(path)
    proc = _start(path, backups, mode)
    begin, end = ("backup", "backup-done") if mode == "backup" else ("ready", "upgrade-done")
    t0 = _wait_for(proc, begin)
    t1 = _wait_for(proc, end)
    proc.kill()
    proc.communicate(timeout=60)
    shutil.rmtree(backups, ignore_errors=True)
    return t1 - t0


def _check_book(path: Path, fixture: sqlite3.Connection) -> str:
    """'old' or 'new': the revision the killed file opens at, every row checked."""
    conn = sqlite3.connect(path)  # recovers the WAL as the next start would
    try:
        revision = revision_of(conn)
        assert revision in (OLDEST, HEAD_REVISION), revision
        assert differences(fixture, conn) == [], revision
        assert check_file(conn) == []
        return "old" if revision == OLDEST else "new"
    finally:
        conn.close()


def _check_backups(backups: Path, fixture: sqlite3.Connection) -> int:
    """Every file named like a backup is a sound copy of the book as it was."""
    good = sorted(backups.glob("*.sqlite3")) if backups.exists() else []
    for backup in good:
        conn = connect_ro(backup)
        try:
            assert revision_of(conn) == OLDEST and check_file(conn) == [], backup.name
            assert differences(fixture, conn) == [], backup.name
        finally:
            conn.close()
    return len(good)


def _normal_start(path: Path, backups: Path, fixture: sqlite3.Connection) -> None:
    engine = make_engine(str(path), synchronous="OFF")
    try:
        report = ensure_schema(engine, backups)
    finally:
        engine.dispose()
    assert report.to_revision == HEAD_REVISION
    assert _check_book(path, fixture) == "new"


def kill_trials(tmp_path: Path, upgrade_kills: int, backup_kills: int) -> Counter[str]:
    rng = random.Random(SEED)
    path = tmp_path / "book.sqlite3"
    shared_backups = tmp_path / "backups"
    fixture = connect_ro(FIXTURES / f"{OLDEST}.sqlite3")
    outcomes: Counter[str] = Counter()
    try:
        plans: list[tuple[str, float]] = []
        for mode, kills in (("upgrade", upgrade_kills), ("backup", backup_kills)):
            span = _timing(path, tmp_path / "timing", mode) * 1.15
            outcomes[f"{mode} window ms"] = round(span * 1000)
            # Stratified: one delay in each slice of the window, so early, middle and late
            # moments are all hit whatever the seed.
            plans += [(mode, (i + rng.random()) / kills * span) for i in range(kills)]
        for n, (mode, delay) in enumerate(plans):
            # Upgrade kills share one backup folder (a retry must reuse its backup);
            # backup kills each start from an empty one (so there is a backup to kill).
            backups = shared_backups if mode == "upgrade" else tmp_path / f"b{n}"
            _fresh_copy(path)
            proc = _start(path, backups, mode)
            _wait_for(proc, "backup" if mode == "backup" else "ready")
            time.sleep(delay)
            finished = proc.poll() is not None
            proc.kill()
            proc.communicate(timeout=60)
            outcomes["kills tried"] += 1
            state = _check_book(path, fixture)
            outcomes[f"{mode}: {'finished before the kill' if finished else state}"] += 1
            if _check_backups(backups, fixture):
                outcomes[f"{mode}: verified backup already there"] += 1
            if backups.exists() and list(backups.glob("*.part")):
                outcomes[f"{mode}: only a .part left (not named like a backup)"] += 1
            _normal_start(path, backups, fixture)
            outcomes["survived"] += 1
            assert _check_backups(backups, fixture) >= 1
            assert not list(backups.glob("*.part")), "a normal start leaves no partial copy"
        assert _check_backups(shared_backups, fixture) == 1  # one backup for all retries
    finally:
        fixture.close()
    print(f"\nupgrade kill figures: {dict(outcomes)}")
    return outcomes


def test_kills_during_upgrade_and_backup_short(tmp_path):
    outcomes = kill_trials(tmp_path, upgrade_kills=4, backup_kills=2)
    assert outcomes["survived"] == outcomes["kills tried"] == 6


@pytest.mark.slow
def test_kills_during_upgrade_and_backup_long(tmp_path):
    outcomes = kill_trials(tmp_path, upgrade_kills=25, backup_kills=20)
    assert outcomes["survived"] == outcomes["kills tried"] == 45
    # The spread really hit both sides: some kills left the old revision, some the new.
    assert outcomes["upgrade: old"] >= 5
