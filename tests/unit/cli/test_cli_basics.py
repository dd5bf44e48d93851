import sqlite3

import pytest

from kamdesk.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "KAMDesk" in capsys.readouterr().out


def test_help_lists_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("demo", "doctor", "search", "import", "export", "backup"):
        assert name in out


def test_demo_doctor_search(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite3")
    assert main(["--db", db, "demo", "--customers", "50", "--seed", "3",
                 "--today", "2026-11-23"]) == 0
    assert main(["--db", db, "doctor"]) == 0
    assert "sound" in capsys.readouterr().out
    conn = sqlite3.connect(db)
    code, name = conn.execute("SELECT code, name FROM customers WHERE id = 7").fetchone()
    conn.close()
    assert main(["--db", db, "search", code]) == 0
    assert name in capsys.readouterr().out


def test_env_var_selects_database(tmp_path, monkeypatch, capsys):
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("KAMDESK_DB", str(db))
    assert main(["demo", "--customers", "5", "--today", "2026-11-23"]) == 0
    assert db.exists()


def test_corrupt_database_gets_a_clear_message(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert main(["--db", str(bad), "doctor"]) == 4  # exit code of "not a KAMDesk database" (kamdesk.cli.common.EXIT_FOR_PROBLEM)
    err = capsys.readouterr().err
    assert "not a readable KAMDesk database" in err and "Traceback" not in err
    assert bad.read_bytes() == b"this is not a database" * 100


def test_import_problems_listed(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite3")
    f = tmp_path / "c.csv"
    f.write_text("客户名称,合作时长(月)\n甲公司,12\n,xx\n", encoding="utf-8")
    assert main(["--db", db, "import", str(f)]) == 1
    err = capsys.readouterr().err
    assert "row 3: 客户名称 is empty but required" in err and "nothing imported" in err
    assert main(["--db", db, "import", str(f), "--skip-invalid"]) == 0
    assert "1 new" in capsys.readouterr().out


def test_skip_invalid_with_every_row_bad_on_an_empty_book(tmp_path, capsys):
    # Every contact names an unknown customer: skipped, nothing written, no traceback
    # from recomputing the figures of an empty book.
    db = str(tmp_path / "x.sqlite3")
    f = tmp_path / "log.csv"
    f.write_text("客户ID,沟通时间,沟通方式(电话/拜访/邮件),沟通主题\nC001,2024-03-15,电话,回访\n",
                 encoding="utf-8")
    assert main(["--db", db, "import", str(f), "--skip-invalid"]) in (0, 1)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "names no known customer" in captured.err
    assert main(["--db", db, "tiers", "--recompute"]) == 0
