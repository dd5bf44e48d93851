"""A command whose save loses a version race (another client of a team book saved the
record first) says so in one line and exits with the documented code 12."""

from __future__ import annotations

from dataclasses import replace

import kamdesk.cli as cli
from kamdesk.cli.common import EXIT_CONFLICT
from kamdesk.store.errors import ConflictError


def _failing(argv_command: str, monkeypatch, exc: BaseException) -> None:
    def run(_args):  # type: ignore[no-untyped-def]
        raise exc

    monkeypatch.setattr(cli, "COMMANDS", tuple(
        replace(c, run=run) if c.name == argv_command else c for c in cli.COMMANDS))


def test_conflict_is_one_line_and_exit_code_12(monkeypatch, capsys, tmp_path):
    _failing("doctor", monkeypatch, ConflictError("customers", 1, {"version": 3}, {}, 3, 2))
    code = cli.run_command(["--db", str(tmp_path / "x.sqlite3"), "doctor"])
    err = capsys.readouterr().err.strip()
    assert code == EXIT_CONFLICT == 12
    assert err.count("\n") == 0 and "Someone else changed this record" in err
    assert "12 changed by someone else" in cli.build_parser().epilog


def test_stale_orm_save_is_the_same_conflict_in_chinese(monkeypatch, capsys, tmp_path):
    from sqlalchemy.orm.exc import StaleDataError

    _failing("doctor", monkeypatch, StaleDataError("UPDATE statement on table 'people' "
                                                  "expected to update 1 row(s); 0 were matched."))
    code = cli.run_command(["--db", str(tmp_path / "x.sqlite3"), "--lang", "zh_CN", "doctor"])
    assert code == 12 and "他人修改" in capsys.readouterr().err
