"""Native reminders (#15): a fake freedesktop notification server on a private session
bus; its "Done" button marks the task done, "Open" opens the customer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from test_reminder_service import NOW, _customer, _get, _install, _task

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon for a private session bus")


@pytest.fixture
def private_bus():
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(5)


def _fake_server(address: str, keys: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("fake_notifications.py")), address, keys],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert server.stdout.readline().strip() == "READY"
    return server


def test_desktop_notification_actions_drive_the_reminder(qtbot, ctx, make_window, private_bus):
    from PySide6.QtDBus import QDBusConnection

    from kamdesk.store.queries.reminders import reminder_rows
    from kamdesk.ui.reminders.dbus_notifier import DBusNotifier, pick_desktop_notifier

    server = _fake_server(private_bus, "done,open")
    try:
        bus = QDBusConnection.connectToBus(private_bus, "kamdesk-test")
        assert bus.isConnected()
        cid = _customer(ctx)
        first = _task(ctx, "回访报价", NOW + timedelta(minutes=5), customer_id=cid)
        second = _task(ctx, "寄送样品", NOW + timedelta(minutes=6), customer_id=cid)
        _w, service = _install(ctx, make_window)
        assert service.notifier.kind == "popup"  # no notification server on the default bus
        notifier = pick_desktop_notifier(ctx, _w, None, bus=bus)
        assert isinstance(notifier, DBusNotifier)
        notifier.action_requested.connect(service.handle)
        service.notifier = notifier
        opened: list[int] = []
        ctx.open_customer.connect(opened.append)

        ctx.clock.advance(timedelta(minutes=5, seconds=30))
        notifier.notify(ctx.db.read(reminder_rows, [first], ctx.lang))
        qtbot.waitUntil(lambda: _get(ctx, first).done_at is not None, timeout=5000)
        line = server.stdout.readline()
        assert line.startswith("NOTIFY 1 回访报价 | default")
        assert "done" in line and "snooze" in line and "open" in line
        assert not notifier.fallback.popup.isVisible()  # the desktop showed it, not us

        notifier.notify(ctx.db.read(reminder_rows, [second], ctx.lang))
        qtbot.waitUntil(lambda: opened == [cid], timeout=5000)
        assert _get(ctx, second).done_at is None
        if getattr(service, "last_dialog", None) is not None:
            service.last_dialog.reject()
        service.shutdown()
    finally:
        server.terminate()
        server.wait(5)


def test_no_server_falls_back(qtbot, ctx, make_window, private_bus):
    from PySide6.QtDBus import QDBusConnection

    from kamdesk.ui.reminders.dbus_notifier import pick_desktop_notifier

    bus = QDBusConnection.connectToBus(private_bus, "kamdesk-empty")
    notifier = pick_desktop_notifier(ctx, None, None, bus=bus)
    assert notifier.kind == "popup"
    ctx.settings.setValue("reminders/notifier", "popup")
    assert pick_desktop_notifier(ctx, None, None, bus=bus).kind == "popup"
