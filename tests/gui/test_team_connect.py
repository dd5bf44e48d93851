"""Settings ▸ "Connect to a team database…" (issue #17): test connection, the password into
the system keyring (an in-memory backend here) and never into a settings file, the URL
without password remembered and chosen at the next start, and the keyring's password used
by any connection opened without one (``--db postgresql+psycopg://role@host/db``)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QMessageBox

from kamdesk.app import app_database_location
from kamdesk.store.team.credentials import (
    SERVICE,
    connection_problem,
    entry_of,
    fill_password,
    save_password,
)
from kamdesk.ui.dialogs.team_connect import (
    TeamConnectDialog,
    connection_problem_text,
    remembered_team_url,
)

SECRET = "s3cret-Pa55-team"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_questions(monkeypatch):
    asked: list[str] = []

    def question(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: asked.append(text))
    return asked


def _fill(dlg: TeamConnectDialog, password: str = SECRET) -> None:
    dlg.host.setText("db.sales.example")
    dlg.port.setValue(5433)
    dlg.database.setText("sales")
    dlg.role.setText("wang")
    dlg.password.setText(password)


def test_ok_keeps_the_password_in_the_keyring_only(ctx, qtbot, memory_keyring, no_questions,
                                                    tmp_path: Path) -> None:
    tried: list[tuple[str, str | None]] = []
    restarted: list[bool] = []

    def check(url, password):
        tried.append((url, password))
        return None

    dlg = TeamConnectDialog(ctx.settings, check=check, restart=lambda: restarted.append(True))
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.local_button.isVisible()  # nothing remembered: nothing to go back from
    _fill(dlg)
    assert dlg.test_connection()
    assert "Connected" in dlg.result_label.text()
    dlg.accept()
    url = "postgresql+psycopg://wang@db.sales.example:5433/sales"
    assert tried[-1] == (url, SECRET)
    assert memory_keyring.saved == {(SERVICE, "wang@db.sales.example:5433/sales"): SECRET}
    assert remembered_team_url(ctx.settings) == url
    ctx.settings.sync()
    for f in tmp_path.rglob("*"):  # no settings file (nor anything else) holds it
        if f.is_file() and f.stat().st_size < 5_000_000:
            assert SECRET.encode() not in f.read_bytes(), f
    assert no_questions and "next start" in no_questions[-1] and not restarted
    # the next start opens the remembered team book (unless --db or KAMDESK_DB says else)
    args = SimpleNamespace(db=None, demo=False)
    assert app_database_location(args, remembered_team_url(ctx.settings)) == url
    args.db = str(tmp_path / "other.sqlite3")
    assert app_database_location(args, remembered_team_url(ctx.settings)) == args.db
    # the dialog shows what is remembered, and can go back to the book on this computer
    again = TeamConnectDialog(ctx.settings, check=check, restart=lambda: None)
    qtbot.addWidget(again)
    again.show()
    assert again.local_button.isVisible()
    assert (again.host.text(), again.port.value(), again.role.text()) == (
        "db.sales.example", 5433, "wang")
    assert again.password.text() == ""
    again.use_local_book()
    assert remembered_team_url(ctx.settings) is None


def test_a_refused_login_is_said_in_words_and_nothing_is_kept(ctx, qtbot, memory_keyring,
                                                              no_questions) -> None:
    dlg = TeamConnectDialog(ctx.settings, check=lambda url, pw: "wrong_password")
    qtbot.addWidget(dlg)
    _fill(dlg, "wrong")
    assert not dlg.test_connection()
    assert "refused this role's password" in dlg.result_label.text()
    dlg.accept()
    assert dlg.result() != TeamConnectDialog.DialogCode.Accepted
    assert memory_keyring.saved == {} and remembered_team_url(ctx.settings) is None
    dlg.check = lambda url, pw: "unreachable"
    assert not dlg.test_connection()
    assert "cannot be reached" in dlg.result_label.text()
    dlg.host.setText("")
    assert not dlg.test_connection()
    assert "Fill in" in dlg.result_label.text()


def test_problem_words() -> None:
    class Refused(Exception):
        pass

    assert connection_problem(Refused('FATAL:  password authentication failed for user "x"')
                              ) == "wrong_password"
    assert connection_problem(Refused("connection refused")) == "unreachable"
    assert connection_problem(Refused('FATAL:  role "x" does not exist')) == "no_role"
    assert connection_problem(Refused('FATAL:  database "x" does not exist')) == "no_database"
    for code in ("wrong_password", "no_role", "no_database", "unreachable", "not_a_book",
                 "other"):
        assert connection_problem_text(code)


def test_a_connection_without_password_takes_the_keyrings(memory_keyring) -> None:
    save_password("postgresql+psycopg://li@db.example/sales", "pw-of-li")
    assert entry_of("postgresql+psycopg://li@db.example/sales") == "li@db.example:5432/sales"
    postgres = SimpleNamespace(name="postgresql")
    params = {"user": "li", "host": "db.example", "dbname": "sales", "port": 5432}
    fill_password(postgres, None, (), params)
    assert params["password"] == "pw-of-li"
    given = {"user": "li", "host": "db.example", "dbname": "sales", "password": "typed"}
    fill_password(postgres, None, (), given)
    assert given["password"] == "typed"  # a password in the URL wins
    other = {"user": "zhao", "host": "db.example", "dbname": "sales"}
    fill_password(postgres, None, (), other)
    assert "password" not in other
    sqlite = {"database": "x"}
    fill_password(SimpleNamespace(name="sqlite"), None, (), sqlite)
    assert "password" not in sqlite


def test_settings_offers_the_team_connection(ctx, qtbot, monkeypatch) -> None:
    from kamdesk.ui import settings_dialog

    opened: list[bool] = []
    monkeypatch.setattr("kamdesk.ui.dialogs.team_connect.TeamConnectDialog.exec",
                        lambda self: opened.append(True) or 0)
    dlg = settings_dialog.SettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.team_button.click()
    assert opened == [True]


@pytest.mark.postgres
def test_test_connection_against_the_server(ctx, qtbot, no_questions, memory_keyring) -> None:
    import pg_support
    from sqlalchemy.engine import make_url

    admin = make_url(pg_support.require_pg())
    dlg = TeamConnectDialog(ctx.settings)
    qtbot.addWidget(dlg)
    dlg.host.setText(admin.host or "127.0.0.1")
    dlg.port.setValue(admin.port or 5432)
    dlg.database.setText("team_no_such_database_here")
    dlg.role.setText(admin.username or "postgres")
    assert not dlg.test_connection()
    assert "no database of this name" in dlg.result_label.text()
    dlg.database.setText(admin.database or "postgres")
    assert not dlg.test_connection()  # a server database without a book in it
    assert "no KAMDesk book yet" in dlg.result_label.text()
