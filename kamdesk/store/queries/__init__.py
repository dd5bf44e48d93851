"""Every read above the store, one module per concept: ``query(conn, ...)`` in, plain rows out.

Screens call them through :meth:`kamdesk.store.database.Database.read`, so no caller
ever holds a connection or an ORM object.
"""
