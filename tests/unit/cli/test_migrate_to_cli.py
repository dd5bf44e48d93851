"""``kamdesk migrate-to URL`` on the command line (issue #17 item 4): the count table and
exit 0 when every count matches; a bad source book told as every command tells it; an
unreachable server, a target holding data: one line in the run's language, exit 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bad_files import MESSAGE, make_bad, sha256
from pg_support import fresh_database, require_pg
from transfer_support import create_schema_on_pg

from kamdesk.cli import main
from kamdesk.cli.common import EXIT_FOR_PROBLEM

pytestmark = pytest.mark.sqlite_only(reason="moves a personal (SQLite) book; the move to PostgreSQL runs in the SQLite pass")


@pytest.fixture
def demo_book(demo_template, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    book = tmp_path / "mine.sqlite3"
    shutil.copy(demo_template, book)
    return book


def test_moves_the_book_and_prints_equal_counts(demo_book, tmp_path, capsys):  # type: ignore[no-untyped-def]
    target = tmp_path / "team.sqlite3"
    assert main(["--db", str(demo_book), "migrate-to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "customers" in out and "≠" not in out
    customers = next(line for line in out.splitlines() if line.startswith("customers "))
    assert customers.split()[1:] == ["200", "200"]
    assert "All 30 tables match" in out
    assert main(["--db", str(demo_book), "migrate-to", str(target)]) == 0  # already done
    assert "already moved" in capsys.readouterr().out


@pytest.mark.parametrize("case", ["damaged_table", "truncated", "random_bytes"])
def test_a_bad_source_book_gets_the_usual_message_and_code(case, demo_template, tmp_path,
                                                           capsys):  # type: ignore[no-untyped-def]
    bad = make_bad(case, demo_template, tmp_path / "books")
    before = sha256(bad)
    code = main(["--db", str(bad), "migrate-to", str(tmp_path / "team.sqlite3")])
    err = capsys.readouterr().err
    kind = {"damaged_table": "corrupt", "truncated": "truncated",
            "random_bytes": "not_sqlite"}[case]
    assert code == EXIT_FOR_PROBLEM[kind]
    assert MESSAGE[kind][0] in err
    assert sha256(bad) == before
    assert not (tmp_path / "team.sqlite3").exists()


def test_an_unreachable_server_is_told_in_the_users_language(demo_book, capsys):  # type: ignore[no-untyped-def]
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/team"
    assert main(["--db", str(demo_book), "--lang", "zh_CN", "migrate-to", url]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库" in err and "secret" not in err and "Traceback" not in err


def test_a_target_holding_data_is_refused(demo_book, demo_template, tmp_path, capsys):  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite3"
    shutil.copy(demo_template, other)
    assert main(["--db", str(demo_book), "migrate-to", str(other)]) == 1
    assert "already holds data" in capsys.readouterr().err


@pytest.mark.postgres
def test_moves_to_postgresql(demo_book, tmp_path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    require_pg()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with fresh_database("migrateto") as url:
        create_schema_on_pg(url)
        assert main(["--db", str(demo_book), "migrate-to", url]) == 0
        assert "All 30 tables match" in capsys.readouterr().out


def test_a_second_book_joins_with_join_and_its_renamed_codes_are_listed(
        demo_book, demo_template, tmp_path, capsys):  # type: ignore[no-untyped-def]
    # the same demo twice: every code and contract number of the second clashes
    target = tmp_path / "team.sqlite3"
    assert main(["--db", str(demo_book), "migrate-to", str(target)]) == 0
    colleague = tmp_path / "colleague.sqlite3"
    shutil.copy(demo_template, colleague)
    capsys.readouterr()
    assert main(["--db", str(colleague), "migrate-to", str(target)]) == 1
    assert "--join" in capsys.readouterr().err
    assert main(["--db", str(colleague), "--lang", "zh_CN", "migrate-to", str(target),
                 "--join", "--owner", "zhao"]) == 0
    out = capsys.readouterr().out
    assert "200 个客户编号在" in out and "已改为新编号" in out
    assert "C001 → C201" in out and out.count("→") >= 20  # the first twenty are listed
    customers = next(line for line in out.splitlines() if line.startswith("customers "))
    assert customers.split()[1:] == ["200", "200"]
