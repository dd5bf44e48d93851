"""A fake freedesktop notification server for tests, run as its own process.

    python fake_notifications.py BUS_ADDRESS KEY[,KEY...]

Registers ``org.freedesktop.Notifications`` on the given bus; ``Notify`` must arrive
with the real signature (``susssasa{sv}i``, so a uint32 replaces_id). For the n-th
notification it answers id n, prints ``NOTIFY <id> <summary> | <actions>`` and, a moment
later, "clicks" the n-th KEY by emitting ``ActionInvoked(id, KEY)``, as a desktop does
when the user presses that button.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


class FakeServer(QObject):
    def __init__(self, bus: QDBusConnection, keys: list[str]) -> None:
        super().__init__()
        self.bus = bus
        self.keys = keys
        self.count = 0

    @Slot(str, "quint32", str, str, str, "QStringList", "QVariantMap", int, result="quint32")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):  # noqa: N802
        self.count += 1
        nid = self.count
        print(f"NOTIFY {nid} {summary} | {' '.join(actions)}", flush=True)
        if nid <= len(self.keys) and self.keys[nid - 1]:
            QTimer.singleShot(50, lambda: self._invoke(nid, self.keys[nid - 1]))
        return nid

    @Slot("quint32")
    def CloseNotification(self, nid):  # noqa: N802
        print(f"CLOSE {nid}", flush=True)

    def _invoke(self, nid: int, key: str) -> None:
        signal = QDBusMessage.createSignal(PATH, NAME, "ActionInvoked")
        signal.setArguments([nid, key])
        self.bus.send(signal)


def main() -> None:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-notifications")
    server = FakeServer(bus, sys.argv[2].split(","))
    bus.registerObject(PATH, NAME, server, QDBusConnection.RegisterOption.ExportAllSlots)
    if not bus.registerService(NAME):
        sys.exit("could not register the service")
    print("READY", flush=True)
    QTimer.singleShot(30_000, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
