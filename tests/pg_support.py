"""PostgreSQL for tests (issue #17): a throwaway database per test on the server named by
``KAMDESK_TEST_PG_ADMIN`` (a superuser URL such as
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``; `.ci/run` starts a loopback-only
cluster and sets it). Without that variable, tests marked ``postgres`` are skipped with the
reason; CI always sets it, so there they run and can fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ADMIN_ENV = "KAMDESK_TEST_PG_ADMIN"


def admin_url() -> str | None:
    return os.environ.get(ADMIN_ENV) or None


def require_pg() -> str:
    """The admin URL, or skip the calling test with the reason."""
    url = admin_url()
    if url is None:
        pytest.skip(f"PostgreSQL not configured ({ADMIN_ENV} unset)")
    return url


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin_execute(*statements: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(require_pg(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def create_database(prefix: str = "kd_test", template: str | None = None) -> str:
    """A new empty database (or a copy of ``template``); returns its superuser URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    suffix = f" TEMPLATE {template}" if template else ""
    _admin_execute(f'CREATE DATABASE "{name}"{suffix}')
    return _with_database(require_pg(), name)


def drop_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def fresh_database(prefix: str = "kd_test") -> Iterator[str]:
    """A throwaway database for the duration of the block (dropped afterwards)."""
    url = create_database(prefix)
    try:
        yield url
    finally:
        drop_database(url)
