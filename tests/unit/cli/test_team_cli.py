"""``kamdesk team …`` (issue #17): init, add-member ROLE [--lead], remove-member, list,
and the refusals an administrator reads instead of a traceback."""

from __future__ import annotations

import uuid

import pg_support
import pytest
from sqlalchemy import create_engine, text
from team_support import create_schema, drop_roles

from kamdesk.cli import main


def test_team_commands_refuse_an_sqlite_book(tmp_path, capsys) -> None:
    db = str(tmp_path / "book.sqlite3")
    assert main(["--db", db, "team", "init"]) == 1
    err = capsys.readouterr().err
    assert "team commands need a PostgreSQL book" in err
    assert "Traceback" not in err
    assert main(["--db", db, "--lang", "zh_CN", "team", "add-member", "wang"]) == 1
    assert "团队命令需要 PostgreSQL" in capsys.readouterr().err


def test_team_help_spells_the_actions(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["team", "--help"])
    out = capsys.readouterr().out
    for action in ("init", "add-member", "remove-member", "list"):
        assert action in out


@pytest.mark.postgres
def test_an_administrator_sets_up_the_team(capsys) -> None:
    pg_support.require_pg()
    tag = "team_" + uuid.uuid4().hex[:8]
    group, leads, wang, li = f"{tag}_g", f"{tag}_l", f"{tag}_wang", f"{tag}_li"
    fang = f"{tag}_王芳"  # a Chinese role name is fine
    url = pg_support.create_database(tag)
    engine = create_engine(url)
    try:
        assert main(["--db", url, "team", "init", "--group", group, "--leads", leads]) == 1
        assert "no KAMDesk book yet" in capsys.readouterr().err
        create_schema(engine)
        assert main(["--db", url, "team", "init", "--group", group, "--leads", leads]) == 0
        assert "tables under row-level security" in capsys.readouterr().out
        # idempotent: a second run (after an upgrade) changes nothing and fails nothing
        assert main(["--db", url, "team", "init", "--group", group, "--leads", leads]) == 0
        assert main(["--db", url, "team", "add-member", wang]) == 0
        out = capsys.readouterr().out
        assert f"{wang} added as member" in out and "without a password" in out
        assert main(["--db", url, "team", "add-member", li, "--lead"]) == 0
        assert main(["--db", url, "team", "add-member", wang]) == 0  # already there: fine
        assert main(["--db", url, "--lang", "zh_CN", "team", "add-member", fang]) == 0
        assert f"已添加 {fang}（成员）" in capsys.readouterr().out
        assert main(["--db", url, "team", "list"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert f"{li}\tlead\t0" in lines and f"{wang}\tmember\t0" in lines
        assert f"{fang}\tmember\t0" in lines
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO customers (code, name, owner, status, potential) "
                              "VALUES ('C1', 'A', :o, 'active', 'medium')"), {"o": wang})
        # a member may not manage the team
        from sqlalchemy.engine import make_url

        wang_url = make_url(url).set(username=wang).render_as_string(hide_password=False)
        assert main(["--db", wang_url, "team", "add-member", "someone_else"]) == 1
        err = capsys.readouterr().err
        assert f"the role {wang} may not create roles" in err and "Traceback" not in err
        assert main(["--db", url, "team", "add-member", "bad name; drop"]) == 1
        assert "not a usable role name" in capsys.readouterr().err
        assert main(["--db", url, "team", "remove-member", wang]) == 0
        out = capsys.readouterr().out
        assert f"1 customer(s) still owned by {wang}" in out
        assert main(["--db", url, "team", "list"]) == 0
        assert wang not in capsys.readouterr().out
        assert main(["--db", url, "team", "remove-member", f"{tag}_nobody"]) == 1
        assert "there is no role" in capsys.readouterr().err
    finally:
        engine.dispose()
        pg_support.drop_database(url)
        drop_roles(wang, li, fang, group, leads)
