"""No network, ever (issue #14 item 6): a window session and every CLI command run
without opening a network socket. Python's socket entry points are made to fail the
test (local sockets, AF_UNIX, stay allowed: the one-window handshake uses one), and
the process's open file descriptors are checked for Internet sockets, which also
catches a socket opened by Qt's C++ code and still open."""

from __future__ import annotations

import os
import shutil
import socket
from datetime import datetime
from pathlib import Path

import pytest

from kamdesk.cli import ENCRYPTION_COMMANDS, main, offered_commands
from kamdesk.store.cipher import encryption_available

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def _inet_inodes() -> set[str]:
    inodes: set[str] = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        inodes |= {line.split()[9] for line in lines if len(line.split()) > 9}
    return inodes


def inet_socket_fds() -> list[str]:
    """This process's open descriptors that are Internet (not local) sockets."""
    inet = _inet_inodes()
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inet:
            found.append(target)
    return found


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    before = set(inet_socket_fds())

    def guard(name, real):
        def call(self, address, *a):  # type: ignore[no-untyped-def]
            if self.family == getattr(socket, "AF_UNIX", None):
                return real(self, address, *a)
            attempts.append(f"{name}{address!r}")
            raise AssertionError(f"network use: {name} {address!r}")
        return call

    def refuse(name):
        def call(*a, **kw):  # type: ignore[no-untyped-def]
            attempts.append(f"{name}{a!r}")
            raise AssertionError(f"network use: {name} {a!r}")
        return call

    monkeypatch.setattr(socket.socket, "connect", guard("connect", real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard("connect_ex", real_connect_ex))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == []
    assert set(inet_socket_fds()) <= before


@pytest.mark.sqlite_only(reason="a PostgreSQL book is reached over the network")
def test_a_window_session_opens_no_network_socket(no_network, qtbot, demo_ctx, make_window,
                                                  tmp_path):
    from kamdesk.store.ops.interactions import log_contact
    from kamdesk.ui.ops import run_op
    from kamdesk.ui.single_instance import SingleInstance

    instance = SingleInstance(demo_ctx.db.location, tmp_path / "data")
    assert instance.claim()
    w = make_window(demo_ctx)
    keys = list(w._nav_keys)
    for key in keys:
        w.show_screen(key)
        qtbot.wait(30)
    w.show_customer(1)
    qtbot.wait(30)
    done = run_op(demo_ctx, log_contact, customer_id=1, occurred_at=datetime(2026, 11, 23, 9),
                  channel="phone", topic="报价", now=datetime(2026, 11, 23, 10))
    assert done is not None
    assert SingleInstance(demo_ctx.db.location, tmp_path / "data").ask_first_to_raise(1000)
    qtbot.wait(50)
    instance.release()
    assert len(keys) >= 8, keys
    assert no_network == [] and inet_socket_fds() == []


def _commands(tmp: Path, db: str) -> dict[str, list[str]]:
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    (out / "in.csv").write_text("客户名称,行业\n网络测试公司,制造业\n", encoding="utf-8-sig")
    (out / "pw1").write_text("one\n", encoding="utf-8")
    (out / "pw2").write_text("two\n", encoding="utf-8")
    protecting = {  # on a copy of their own (see run below); only with the SQLCipher binding
        "encrypt": ["encrypt", "--new-passphrase-file", str(out / "pw1")],
        "rekey": ["--passphrase-file", str(out / "pw1"), "rekey", "--new-passphrase-file",
                  str(out / "pw2")],
        "decrypt": ["--passphrase-file", str(out / "pw2"), "decrypt"],
    } if encryption_available() else {}
    return {
        "demo": ["demo", "--customers", "20", "--today", "2026-11-23"],
        "doctor": ["doctor", "--reindex"],
        "search": ["search", "C001"],
        "import": ["import", "--kind", "customers", str(out / "in.csv")],
        "export": ["export", "--out", str(out / "c.xlsx"), "customers"],
        "vcard": ["vcard", "--out", str(out / "p.vcf")],
        "backup": ["backup", "--out", str(out / "backups")],
        "due": ["due", "--sync", "--now", "2026-11-23T10:00"],
        "ical": ["ical", "--out", str(out / "c.ics"), "--tz", "Asia/Shanghai"],
        "orders": ["orders", "C001"],
        "tiers": ["tiers", "--recompute", "--today", "2026-11-23"],
        "contracts": ["contracts", "--expiring", "90d", "--today", "2026-11-23"],
        "kpis": ["kpis", "--as-of", "2026-11-23"],
        "plan": ["plan", "--out", str(out / "plan.pdf"), "--today", "2026-11-23", "C001"],
        "brief": ["brief", "--out", str(out / "brief.pdf"), "--today", "2026-11-23", "C001"],
        "imports": ["imports"],
        "duplicates": ["duplicates"],
        "undo-import": ["undo-import", "1"],  # the batch the import above recorded
        "backups": ["backups", "--all"],
        "restore": ["restore"],  # the backup made above: named at run time
        # a team needs a PostgreSQL server (the network, by nature): on a book file it
        # refuses, without opening a socket
        "team": ["team", "list"],
        "migrate-to": ["migrate-to", str(out / "moved.sqlite3")],  # into a file: no server
        **protecting,
    }


def test_every_cli_command_opens_no_network_socket(no_network, tmp_path, capsys):
    db = str(tmp_path / "book.sqlite3")
    commands = _commands(tmp_path, db)
    # a new command gets a line here
    assert set(commands) == {c.name for c in offered_commands()}
    def run(name: str, argv: list[str]) -> int:
        if name == "restore":  # into a book of its own, so no other test's handle holds it
            backup = next((tmp_path / "out" / "backups").glob("*.sqlite3"))
            target = tmp_path / "restored.sqlite3"
            shutil.copyfile(db, target)
            return main(["--db", str(target), *argv, str(backup)])
        if name in ENCRYPTION_COMMANDS:
            protected = tmp_path / "protected.sqlite3"
            if name == "encrypt":
                shutil.copyfile(db, protected)
            return main(["--db", str(protected), *argv])
        return main(["--db", db, *argv])

    codes = {name: run(name, argv) for name, argv in commands.items()}
    capsys.readouterr()
    assert codes == {**dict.fromkeys(commands, 0), "team": 1}, codes
    assert no_network == [] and inet_socket_fds() == []


def test_the_guard_catches_a_connection(no_network):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(AssertionError):
        s.connect(("127.0.0.1", 9))
    with pytest.raises(AssertionError):
        socket.getaddrinfo("example.com", 443)
    assert len(no_network) == 2
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        assert inet_socket_fds()  # the descriptor check sees an open Internet socket
    no_network.clear()
