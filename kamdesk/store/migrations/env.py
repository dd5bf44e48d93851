"""Alembic environment, run on the application's own connection.

No alembic.ini: :mod:`kamdesk.store.migrate` builds the Config in code and passes
the open connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from kamdesk.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs plain `alembic`
    raise RuntimeError("KAMDesk migrations run through kamdesk.store.migrate")



def _include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    # The FTS5 index (and its shadow tables) is SQLite-only and managed by hand.
    return not (type_ == "table" and name and name.startswith("customer_fts"))


context.configure(
    connection=connection,
    include_name=_include_name,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: rebuild tables in batch mode.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
