"""Team mode (issue #17): one book on a PostgreSQL server shared by a sales team, each
person connecting as their own role; who sees what is decided by the database's row-level
security (:mod:`~kamdesk.store.team.policies`), set up and staffed by the administrator
(:mod:`~kamdesk.store.team.admin`); passwords stay in the system keyring
(:mod:`~kamdesk.store.team.credentials`). No Qt here.
"""
