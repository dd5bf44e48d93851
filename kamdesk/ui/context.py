"""What every screen gets: the database, the clock, the language and the change bus.

Screens never talk to each other directly. A write goes through a store function,
then :meth:`AppContext.announce` tells everyone which tables changed; each screen
refreshes only if it shows one of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal

from kamdesk.clock import Clock
from kamdesk.store.database import Database


class AppContext(QObject):
    #: frozenset of table names that changed, e.g. {"interactions", "tasks"}
    changed = Signal(object)
    #: ask the main window to show a customer profile (customer id)
    open_customer = Signal(int)
    #: ask the main window to open the log-contact dialog (customer id or 0)
    log_contact = Signal(int)
    #: status bar message
    status = Signal(str)

    def __init__(self, db: Database, clock: Clock, lang: str, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.lang = lang
        self.settings = settings

    def announce(self, tables: Iterable[str]) -> None:
        self.changed.emit(frozenset(tables))

    @property
    def owner_name(self) -> str:
        """The signed-in account manager, default owner of what they log."""
        return str(self.settings.value("user/name", "") or "")
