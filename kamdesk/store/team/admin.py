"""Setting up a team on a PostgreSQL book and adding or removing its people.

Run by the administrator (a superuser, or the book's owner with CREATEROLE) through
``kamdesk team …``; each function takes a connection in a transaction and leaves the
commit to the caller, so a refusal half-way changes nothing. Everything is idempotent:
running ``team init`` again after an upgrade secures the tables the upgrade added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kamdesk.store.team.policies import (
    DEFAULT_GROUP,
    DEFAULT_LEADS,
    BadRoleName,
    checked_role,
    function_statements,
    grant_statements,
    ident,
    policy_statements,
    role_statements,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: where ``team init`` records the two group roles (``app_settings``, JSON values)
GROUP_KEY, LEADS_KEY = "team/group", "team/leads"


class TeamError(Exception):
    """A refusal the administrator must read: ``code`` says which (``not_postgres``,
    ``no_book``, ``not_team``, ``may_not_create_roles``, ``not_owner``, ``bad_role``,
    ``no_such_role``, ``refused``), ``detail`` names the thing."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Member:
    role: str
    lead: bool
    can_log_in: bool
    customers: int


@dataclass(frozen=True)
class TeamSetup:
    group: str
    leads: str
    tables_secured: int


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def current_role(conn: Connection) -> str | None:
    """The role this connection acts as on PostgreSQL (a customer's owner in team mode),
    None on SQLite."""
    if not is_postgres(conn):
        return None
    return str(conn.exec_driver_sql("SELECT current_user").scalar())


def is_team_book(conn: Connection) -> bool:
    """Whether ``team init`` has secured this book (customers under row security)."""
    if not is_postgres(conn):
        return False
    return bool(conn.exec_driver_sql(
        "SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('customers')").scalar())


def team_roles(conn: Connection) -> tuple[str, str]:
    """The (group, leads) roles ``team init`` recorded; TeamError 'not_team' before it."""
    if not is_team_book(conn):
        raise TeamError("not_team")
    stored: dict[str, str] = {str(k): str(v) for k, v in conn.exec_driver_sql(
        "SELECT key, value FROM app_settings WHERE key IN (%(g)s, %(l)s)",
        {"g": GROUP_KEY, "l": LEADS_KEY})}
    return (json.loads(stored.get(GROUP_KEY) or json.dumps(DEFAULT_GROUP)),
            json.loads(stored.get(LEADS_KEY) or json.dumps(DEFAULT_LEADS)))


def _require_postgres(conn: Connection) -> None:
    if not is_postgres(conn):
        raise TeamError("not_postgres")


def _may_create_roles(conn: Connection) -> bool:
    row = conn.exec_driver_sql(
        "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user").first()
    return bool(row and (row[0] or row[1]))


def _is_superuser(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar())


def _tables(conn: Connection) -> tuple[set[str], set[str]]:
    """The book's tables in the schema ``public``, and those with a customer_id column."""
    names = {str(r[0]) for r in conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    with_customer = {str(r[0]) for r in conn.exec_driver_sql(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'customer_id'")}
    return names, with_customer


def _run(conn: Connection, statements: list[str]) -> None:
    from sqlalchemy.exc import DBAPIError

    for statement in statements:
        try:
            conn.exec_driver_sql(statement)
        except DBAPIError as exc:
            raise TeamError("refused", first_line(exc)) from exc


def first_line(exc: BaseException) -> str:
    """The server's own sentence, without SQL or traceback."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(exc).__name__])[0]


def _set_setting(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO app_settings (key, value) VALUES (%(k)s, %(v)s) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        {"k": key, "v": json.dumps(value)})


def init_team(conn: Connection, group: str = DEFAULT_GROUP,
              leads: str = DEFAULT_LEADS) -> TeamSetup:
    """Create the group roles, grant them the tables and put every customer-dependent
    table under row security (:mod:`kamdesk.store.team.policies`). The administrator
    running it becomes a lead, so FORCE ROW LEVEL SECURITY hides nothing from them."""
    _require_postgres(conn)
    try:
        checked_role(group), checked_role(leads)
    except BadRoleName as exc:
        raise TeamError("bad_role", str(exc)) from None
    existing, with_customer = _tables(conn)
    if "customers" not in existing:
        raise TeamError("no_book")
    if not _may_create_roles(conn):
        raise TeamError("may_not_create_roles", current_role(conn) or "")
    owner = conn.exec_driver_sql(
        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename = 'customers'").scalar()
    me = current_role(conn) or ""
    if owner != me and not _is_superuser(conn):
        raise TeamError("not_owner", str(owner))
    statements = role_statements(group, leads)
    if not _is_superuser(conn):
        statements.append(f"GRANT {ident(leads)} TO CURRENT_USER")
    statements += grant_statements(group, existing)
    statements += function_statements(group)  # before the policies that call them
    statements += policy_statements(leads, existing, with_customer)
    _run(conn, statements)
    _set_setting(conn, GROUP_KEY, group)
    _set_setting(conn, LEADS_KEY, leads)
    secured = sum(1 for s in statements if s.endswith("FORCE ROW LEVEL SECURITY"))
    return TeamSetup(group, leads, secured)


def _role_exists(conn: Connection, role: str) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s",
                                {"r": role}).first() is not None


def add_member(conn: Connection, role: str, lead: bool = False) -> bool:
    """Let ``role`` into the team (and, with ``lead``, make it a lead); the LOGIN role is
    created when missing. Returns whether it was created (it then has no password yet)."""
    _require_postgres(conn)
    try:
        checked_role(role)
    except BadRoleName as exc:
        raise TeamError("bad_role", str(exc)) from None
    group, leads = team_roles(conn)
    if not _may_create_roles(conn):
        raise TeamError("may_not_create_roles", current_role(conn) or "")
    created = not _role_exists(conn, role)
    statements = [f"CREATE ROLE {ident(role)} LOGIN"] if created else []
    statements.append(f"GRANT {ident(group)} TO {ident(role)}")
    if lead:
        statements.append(f"GRANT {ident(leads)} TO {ident(role)}")
    _run(conn, statements)
    return created


def remove_member(conn: Connection, role: str) -> int:
    """Take ``role`` out of the team (and the leads); the role itself is kept (the
    administrator may drop it). Returns how many customers it still owns — they stay
    invisible to everyone but the leads until reassigned."""
    _require_postgres(conn)
    try:
        checked_role(role)
    except BadRoleName as exc:
        raise TeamError("bad_role", str(exc)) from None
    group, leads = team_roles(conn)
    if not _role_exists(conn, role):
        raise TeamError("no_such_role", role)
    if not _may_create_roles(conn):
        raise TeamError("may_not_create_roles", current_role(conn) or "")
    _run(conn, [f"REVOKE {ident(leads)} FROM {ident(role)}",
                f"REVOKE {ident(group)} FROM {ident(role)}"])
    return int(conn.exec_driver_sql("SELECT count(*) FROM customers WHERE owner = %(r)s",
                                    {"r": role}).scalar() or 0)


def list_members(conn: Connection) -> list[Member]:
    """Every role in the team (directly or as a lead), by name, with the customers it
    owns (as far as the role running this may see them)."""
    _require_postgres(conn)
    group, leads = team_roles(conn)
    rows = conn.exec_driver_sql(
        "SELECT r.rolname, pg_has_role(r.oid, %(l)s, 'MEMBER'), r.rolcanlogin, "
        "(SELECT count(*) FROM customers c WHERE c.owner = r.rolname) "
        "FROM pg_roles r WHERE pg_has_role(r.oid, %(g)s, 'MEMBER') "
        "AND NOT r.rolsuper AND r.rolname NOT IN (%(g)s, %(l)s) ORDER BY r.rolname",
        {"g": group, "l": leads}).all()
    return [Member(str(r[0]), bool(r[1]), bool(r[2]), int(r[3])) for r in rows]
