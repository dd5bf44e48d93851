"""What every screen gets: the database, the clock, the language and the change bus.

Screens never talk to each other directly. A write goes through the runner
(:func:`kamdesk.ui.ops.run_op`), which announces the :class:`~kamdesk.store.ops.Changes`
the operation returned; each screen refreshes only if it shows one of the tables (and
may skip the refresh when ``changes.initiator`` is itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal

from kamdesk.clock import Clock
from kamdesk.store.database import Database
from kamdesk.store.ops import Changes, tables
from kamdesk.store.queries.team import signed_in_role


class AppContext(QObject):
    #: a :class:`Changes` (set-like over table names, e.g. {"interactions", "tasks"})
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

    def announce(self, changes: Changes | Iterable[str],
                 initiator: QObject | None = None) -> None:
        """Tell every screen what changed. Writes call this through the runner; a bare
        set of table names is accepted for changes made outside this process."""
        if not isinstance(changes, Changes):
            changes = tables(*changes)
        if changes:
            self.changed.emit(changes.announced_by(initiator))

    @property
    def owner_name(self) -> str:
        """The signed-in account manager, default owner of what they log: on a team book
        their PostgreSQL role (a customer's owner is the owning role's name, and row
        security lets a member create only their own), else the name in the settings."""
        return self.team_role or str(self.settings.value("user/name", "") or "")

    @property
    def team_role(self) -> str | None:
        """The role this window is signed in as on a PostgreSQL book (None on SQLite);
        asked once, it does not change while the book is open."""
        if not hasattr(self, "_team_role"):
            self._team_role = None if self.db.is_sqlite else self.db.read(signed_in_role)
        return self._team_role
