"""The schema revision this build expects, readable without importing Alembic.

Start-up compares it with ``alembic_version`` in one cheap query and imports
Alembic (≈0.5 s) only when an upgrade is pending. A test keeps it equal to the
head of ``migrations/versions``.
"""

HEAD_REVISION = "0016_server_sort_indexes"
