"""Every write KAMDesk makes, one module per concept.

An operation takes a SQLAlchemy ``Session`` first, validates its input (raising
:class:`kamdesk.store.errors.ValidationError` with a field and a code), writes, flushes,
and returns a :class:`Changes` naming what it wrote. It never commits: the caller decides
the transaction (the GUI runner :mod:`kamdesk.ui.ops`, the CLI, an importer batching many
rows). So the same function serves all three, and a failed save leaves nothing behind.
"""

from kamdesk.store.ops.changes import NOTHING, Changes, tables

__all__ = ["NOTHING", "Changes", "tables"]
