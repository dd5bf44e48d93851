"""``kamdesk --self-test`` from source: what CI runs unfrozen (the frozen run is the slow
bundle test in tests/packaging). It must pass on a clean checkout, print one line per
step, and name the step that fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import kamdesk
from kamdesk.cli import build_parser
from kamdesk.cli import self_test as st


def _env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(kamdesk.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_self_test_passes_from_source(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kamdesk", "--self-test"], env=_env(),
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"KAMDesk {kamdesk.__version__} self-test (from source")
    steps = [line.split()[1] for line in lines if line.startswith("ok ")]
    assert steps == [name for name, _ in st.STEPS]
    assert "Chinese printed" in done.stdout
    assert lines[-1].startswith("self-test passed in ")
    assert list(tmp_path.iterdir()) == []  # nothing left behind in the working folder


def test_a_failing_step_is_named_and_exits_1(monkeypatch, capsys):
    def no_font(*parts: str):
        raise FileNotFoundError(f"resource {'/'.join(parts)!r} not found; searched: nowhere")

    monkeypatch.setattr("kamdesk.resources.resource_path", no_font)
    assert st.run_self_test() == 1
    out, err = capsys.readouterr()
    assert "FAIL resources: FileNotFoundError: resource 'fonts/wqy-microhei.ttc'" in out
    assert "ok   migrate" not in out
    assert "self-test failed at step 'resources'" in err


def test_missing_chinese_in_the_pdf_is_caught(monkeypatch, capsys):
    monkeypatch.setattr(st, "unicode_in_pdf", lambda pdf: set())
    assert st.run_self_test() == 1
    out, _ = capsys.readouterr()
    assert "ok   task" in out
    assert "FAIL plan-pdf: SelfTestFailed: the PDF does not print" in out


def test_self_test_is_a_global_option():
    assert build_parser().parse_args(["--self-test"]).self_test is True
    assert build_parser().parse_args([]).self_test is False
