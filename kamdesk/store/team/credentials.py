"""A team member's password lives in the system keyring, nowhere else.

The app remembers the team database as a URL *without* password
(``postgresql+psycopg://role@host:port/db``); settings files, logs and messages only ever
see that. When SQLAlchemy opens a connection to a PostgreSQL server without a password,
:func:`use_keyring_passwords` looks it up in the keyring under service ``KAMDesk`` and the
entry ``role@host:port/db`` and hands it to the driver, in memory. So ``--db`` with such a
URL works from the command line too, once the password has been saved (Settings ▸ Connect
to a team database…, or :func:`save_password`).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "KAMDesk"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
#: seconds a connection attempt may take before the server counts as unreachable
CONNECT_TIMEOUT_S = 8

_installed = False


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgresql:", "postgresql+", "postgres:"))


def team_url(host: str, port: int, database: str, role: str) -> str:
    """The URL the app remembers: no password in it, ever."""
    from sqlalchemy.engine import URL

    return URL.create(DRIVER, username=role, host=host, port=port,
                      database=database).render_as_string(hide_password=False)


def without_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=None).render_as_string(hide_password=False)


def entry_name(role: str, host: str | None, port: int | None, database: str) -> str:
    """The keyring entry of a connection: ``role@host:port/db``."""
    return f"{role}@{host or 'localhost'}:{port or DEFAULT_PORT}/{database}"


def entry_of(url: str) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return entry_name(u.username or "", u.host, u.port, u.database or "")


def save_password(url: str, password: str) -> None:
    """Keep ``password`` for the connection of ``url`` in the system keyring."""
    import keyring

    keyring.set_password(SERVICE, entry_of(url), password)


def stored_password(entry: str) -> str | None:
    """The keyring's password for ``entry``, or None (none saved, or no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICE, entry)
        except KeyringError:
            log.debug("the system keyring could not be read")
            return None
    except ImportError:
        return None


def fill_password(dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
    """The do_connect hook: a PostgreSQL login without password takes the keyring's."""
    if dialect.name != "postgresql" or cparams.get("password"):
        return
    user = cparams.get("user")
    database = cparams.get("dbname") or cparams.get("database")
    if not user or not database:
        return
    port = cparams.get("port")
    password = stored_password(entry_name(str(user), cparams.get("host"),
                                          int(port) if port else None, str(database)))
    if password:
        cparams["password"] = password


def use_keyring_passwords() -> None:
    """From now on, every PostgreSQL connection opened without a password takes the one
    saved in the keyring (idempotent; costs nothing for SQLite books)."""
    global _installed
    if _installed:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "do_connect", fill_password)
    _installed = True


def connection_problem(exc: BaseException) -> str:
    """What a failed connection means for the user: ``wrong_password``, ``no_role``,
    ``no_database``, ``unreachable`` or ``other``."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return "wrong_password"
    if "role" in text and "does not exist" in text:
        return "no_role"
    if "database" in text and "does not exist" in text:
        return "no_database"
    if any(s in text for s in ("connection refused", "could not translate host",
                               "timeout", "timed out", "could not connect",
                               "name or service not known", "no route to host",
                               "connection failed")):
        return "unreachable"
    return "other"


def check_connection(url: str, password: str | None) -> str | None:
    """Try to log in to the team database at ``url`` with ``password`` (else the
    keyring's); None when it works, else the problem (:func:`connection_problem`, or
    ``not_a_book`` when the database has no KAMDesk book in it yet — the administrator
    opens it once to create it)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    use_keyring_passwords()
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if password:
        args["password"] = password
    engine = create_engine(without_password(url), connect_args=args)
    try:
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT to_regclass('customers')").scalar()
            return None if found else "not_a_book"
    except DBAPIError as exc:
        return connection_problem(exc)
    finally:
        engine.dispose()


def url_parts(url: str) -> tuple[str, int, str, str]:
    """(host, port, database, role) of a team URL, for the connect dialog."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return u.host or "", u.port or DEFAULT_PORT, u.database or "", u.username or ""
