"""``kamdesk plan`` and ``kamdesk brief`` on the demo database."""

import re
import shutil
import sqlite3
import subprocess

import pytest

from kamdesk.cli import main

pytestmark = pytest.mark.sqlite_only(reason="reads the book file with sqlite3")

poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")


def _text(pdf) -> str:  # type: ignore[no-untyped-def]
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", "", out)


def _planned(db_path: str) -> tuple[str, str, str]:
    conn = sqlite3.connect(db_path)
    row = conn.execute(
        "SELECT c.code, c.name, p.period FROM account_plans p JOIN customers c "
        "ON c.id = p.customer_id WHERE c.name GLOB '*[一-龥]*' ORDER BY p.id LIMIT 1").fetchone()
    conn.close()
    return row


def _unplanned(db_path: str) -> str:
    conn = sqlite3.connect(db_path)
    code = conn.execute(
        "SELECT code FROM customers WHERE id NOT IN (SELECT customer_id FROM account_plans) "
        "ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    return code


def test_help_lists_plan_and_brief(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "plan" in out and "brief" in out


@poppler
def test_plan_latest_in_chinese(demo_db, tmp_path, capsys):
    code, name, period = _planned(demo_db.location)
    out = tmp_path / "plan.pdf"
    assert main(["--db", demo_db.location, "--lang", "zh_CN", "plan", code.lower(),
                 "--out", str(out), "--today", "2026-11-23"]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "page(s)" in printed
    body = _text(out)
    assert name in body and period in body and "经营目标" in body


@poppler
def test_plan_period_and_english_default(demo_db, tmp_path, capsys):
    code, _name, period = _planned(demo_db.location)
    out = tmp_path / "plan_en.pdf"
    assert main(["--db", demo_db.location, "plan", code, "--period", period, "--out", str(out),
                 "--letter", "--today", "2026-11-23"]) == 0
    assert "Objectives" in _text(out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "612 x 792" in info


def test_plan_without_saved_plan_prints_a_draft(demo_db, tmp_path, capsys):
    code = _unplanned(demo_db.location)
    out = tmp_path / "draft.pdf"
    assert main(["--db", demo_db.location, "plan", code, "--out", str(out),
                 "--today", "2026-11-23"]) == 0
    assert "draft for 2026" in capsys.readouterr().err
    assert out.stat().st_size > 10_000
    conn = sqlite3.connect(demo_db.location)
    assert conn.execute("SELECT COUNT(*) FROM account_plans").fetchone()[0] == 5  # nothing saved
    conn.close()


def test_plan_errors(demo_db, tmp_path, capsys):
    code, _name, _period = _planned(demo_db.location)
    out = str(tmp_path / "x.pdf")
    assert main(["--db", demo_db.location, "plan", "NOPE", "--out", out]) == 1
    assert "no customer with code" in capsys.readouterr().err
    assert main(["--db", demo_db.location, "plan", code, "--period", "2019", "--out", out]) == 1
    assert "has no plan for 2019" in capsys.readouterr().err
    assert main(["--db", demo_db.location, "plan", code, "--period", "next", "--out", out]) == 2
    assert "not a plan period" in capsys.readouterr().err
    assert main(["--db", demo_db.location, "plan", code, "--out",
                 str(tmp_path / "missing" / "x.pdf")]) == 1
    assert "folder does not exist" in capsys.readouterr().err


@poppler
def test_brief(demo_db, tmp_path, capsys):
    code, name, _period = _planned(demo_db.location)
    out = tmp_path / "brief.pdf"
    assert main(["--db", demo_db.location, "--lang", "zh_CN", "brief", code, "--out", str(out),
                 "--today", "2026-11-23"]) == 0
    assert "1 page(s)" in capsys.readouterr().out
    body = _text(out)
    assert name in body and "拜访简报" in body and "谈话要点" in body
    assert main(["--db", demo_db.location, "brief", "NOPE", "--out", str(out)]) == 1
