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
#: ``postgresql`` runs the ``db``/``demo_db`` fixtures (and the whole suite) on PostgreSQL
ENGINE_ENV = "KAMDESK_TEST_ENGINE"
#: the prefix of every database this run creates (helpers sharing one server differ)
PREFIX_ENV = "KAMDESK_TEST_PG_PREFIX"


def suite_engine() -> str:
    """The engine the suite runs on: ``sqlite`` (default) or ``postgresql``."""
    engine = (os.environ.get(ENGINE_ENV) or "sqlite").lower()
    if engine not in ("sqlite", "postgresql"):
        raise RuntimeError(f"{ENGINE_ENV} must be sqlite or postgresql, not {engine!r}")
    if engine == "postgresql" and admin_url() is None:
        raise RuntimeError(f"{ENGINE_ENV}=postgresql needs {ADMIN_ENV}")
    return engine


def on_postgresql() -> bool:
    return suite_engine() == "postgresql"


def database_prefix(kind: str = "t") -> str:
    return f"{os.environ.get(PREFIX_ENV) or 'kd_test'}_{kind}"


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
    """A new empty database (or a copy of the database ``template``, a name or a URL);
    returns its superuser URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    if template and "://" in template:
        from sqlalchemy.engine import make_url

        template = make_url(template).database
    suffix = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
    _admin_execute(f'CREATE DATABASE "{name}"{suffix}')
    return _with_database(require_pg(), name)


def drop_database(url: str, force: bool = True) -> bool:
    """Drop the database; without ``force`` only if nobody is connected (returns
    whether it is gone)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    name = make_url(url).database
    try:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}"' + (" WITH (FORCE)" if force else ""))
    except OperationalError:  # still in use (a window's background read finishing)
        return False
    return True


@contextmanager
def fresh_database(prefix: str = "kd_test") -> Iterator[str]:
    """A throwaway database for the duration of the block (dropped afterwards)."""
    url = create_database(prefix)
    try:
        yield url
    finally:
        drop_database(url)


def accept_qmark(engine) -> None:  # type: ignore[no-untyped-def]
    """Let the tests' own raw SQL, written with SQLite's ``?`` placeholders through
    ``exec_driver_sql``, run on psycopg too (the product's raw SQL goes through
    :func:`kamdesk.store.dialect.run_qmark`; SQL that SQLAlchemy compiled is untouched)."""
    from sqlalchemy import event

    from kamdesk.store.dialect import driver_sql

    def rewrite(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if context is not None and context.compiled is None and "?" in statement:
            statement = driver_sql(conn, statement)
        return statement, parameters

    event.listen(engine, "before_cursor_execute", rewrite, retval=True)


def search_rows(conn) -> str:  # type: ignore[no-untyped-def]
    """A sub-select ``(id, body)`` of the stored search text, on either engine."""
    if conn.dialect.name == "sqlite":
        return "(SELECT rowid AS id, body FROM customer_fts)"
    return "(SELECT customer_id AS id, body FROM customer_search)"


def search_table(conn) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The search table and its customer id column, on either engine."""
    if conn.dialect.name == "sqlite":
        return "customer_fts", "rowid"
    return "customer_search", "customer_id"
