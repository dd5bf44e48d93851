"""Every read above the store, one module per concept: ``query(conn, ...)`` in, plain rows
out (frozen dataclasses, named tuples), never ORM objects.

Screens call them through :meth:`kamdesk.store.database.Database.read`, so no caller ever
holds a connection, and no session outlives a call.
"""
