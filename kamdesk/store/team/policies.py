"""Who sees which rows of a team book: the row-level security policies, as SQL text.

A team book lives on PostgreSQL and every person connects as their own role. The rule is
one sentence: *a manager sees and edits the customers they own (``customers.owner`` equals
their role name) and everything hanging off those customers; a team lead sees all.* It is
enforced by PostgreSQL itself (``ENABLE`` + ``FORCE ROW LEVEL SECURITY``), so raw SQL, a
script or another client obeys it just as the window does.

Every table of :mod:`kamdesk.store.models` is placed in exactly one of the lists below
(a test checks none is forgotten when a model is added):

- :data:`CUSTOMER_TABLES`: rows that carry ``customer_id``; visible through a visible
  customer (``EXISTS`` on ``customers``, which applies the customers policy in turn).
- :data:`CHILD_TABLES`: rows that hang off one of those (an interaction's people, a
  contract's events, a plan's objectives…); visible through their parent row.
- :data:`BOOK_WIDE_TABLES`: what a team shares — settings (tiering thresholds, cadences:
  the team's rules), products' tags vocabulary, events themselves (a customer conference is
  the team's), import batches (who imported what; the rows an import wrote stay protected
  by their own tables' policies). ``team/…`` settings may be changed by a lead only.
- ``change_history``: readable through its customer (rows of no customer — settings,
  events — by all); anyone may append (every write records itself, also the delete of a
  customer, after which the customer no longer exists to check against); nobody may
  rewrite or delete history (no UPDATE/DELETE grant).
- ``tasks``: through their customer; a task of no customer belongs to its ``owner``
  (unassigned ones are shared).

``WITH CHECK`` uses the same condition as ``USING``, so nobody can insert a row under a
customer they cannot see or move a row there; a member can create customers only in
their own name (a blank owner becomes theirs, :data:`OWNER_DEFAULT_TRIGGER`); a lead may
create them for anyone. PostgreSQL also checks an updated row against the read policy, so
a member cannot hand an account to someone else — a lead reassigns (the app says so).
"""

from __future__ import annotations

import re

#: the default group role of every member, and the one of team leads
DEFAULT_GROUP = "kamdesk_team"
DEFAULT_LEADS = "kamdesk_leads"

#: tables with a ``customer_id`` column: visible through their customer
CUSTOMER_TABLES: tuple[str, ...] = (
    "people", "interactions", "trades", "payments", "contracts", "complaints",
    "opportunities", "key_dates", "account_plans", "documents", "survey_responses",
    "event_attendance", "customer_metrics", "tier_changes", "customer_tags",
)

#: table -> (parent table, the column pointing at it): visible through the parent row
CHILD_TABLES: dict[str, tuple[str, str]] = {
    "interaction_people": ("interactions", "interaction_id"),
    "contract_events": ("contracts", "contract_id"),
    "complaint_handovers": ("complaints", "complaint_id"),
    "opportunity_stage_changes": ("opportunities", "opportunity_id"),
    "plan_objectives": ("account_plans", "plan_id"),
    "plan_risks": ("account_plans", "plan_id"),
    "plan_actions": ("account_plans", "plan_id"),
}

#: shared by the whole team (no row security; see the module text for why)
BOOK_WIDE_TABLES: tuple[str, ...] = (
    "app_settings", "tags", "events", "import_batches", "import_batch_rows",
)

#: tables with their own rule (below)
SPECIAL_TABLES: tuple[str, ...] = ("customers", "change_history", "tasks",
                                   "document_contents")

#: read by everybody, written by the administrator's upgrades only
READ_ONLY_TABLES: tuple[str, ...] = ("alembic_version",)

POLICY_PREFIX = "kamdesk_"

#: a letter (any script: 王芳 is a fine role name) or _, then letters, digits, _ . -
_ROLE_NAME = re.compile(r"^[^\W\d][\w.\-]*$")


class BadRoleName(ValueError):
    """A role name this tool will not quote into SQL (letters, digits, _ . - only; at
    most 63 bytes, PostgreSQL's limit)."""


def checked_role(name: str) -> str:
    """``name`` if it is a plain role name (what ``current_user`` will return and what
    customers' ``owner`` will hold), else :class:`BadRoleName`."""
    if not _ROLE_NAME.match(name or "") or len(name.encode("utf-8")) > 63:
        raise BadRoleName(name)
    return name


def ident(name: str) -> str:
    """``name`` quoted as an SQL identifier (after :func:`checked_role`)."""
    return '"' + checked_role(name).replace('"', '""') + '"'


def literal(name: str) -> str:
    """``name`` quoted as an SQL string literal (after :func:`checked_role`)."""
    return "'" + checked_role(name).replace("'", "''") + "'"


def is_lead_sql(leads: str) -> str:
    """True for a member of the leads role (also through another role)."""
    return f"pg_has_role(current_user, {literal(leads)}, 'MEMBER')"


def visible_customer_sql(column: str = "customer_id") -> str:
    """A visible customer: ``customers`` is itself row-secured, so EXISTS sees only
    the customers the current role may see."""
    return f"EXISTS (SELECT 1 FROM customers c WHERE c.id = {column})"


def visible_parent_sql(parent: str, column: str) -> str:
    return f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column})"


def _policy(table: str, name: str, command: str, using: str | None,
            check: str | None) -> list[str]:
    """Drop and create one permissive policy (CREATE POLICY has no IF NOT EXISTS)."""
    full = POLICY_PREFIX + name
    text = f"CREATE POLICY {full} ON {table} FOR {command}"
    if using is not None:
        text += f" USING ({using})"
    if check is not None:
        text += f" WITH CHECK ({check})"
    return [f"DROP POLICY IF EXISTS {full} ON {table}", text]


def _secure(table: str) -> list[str]:
    return [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"]


def _same_rule(table: str, rule: str) -> list[str]:
    return _secure(table) + _policy(table, "rows", "ALL", rule, rule)


def policy_statements(leads: str, existing: set[str],
                      with_customer_id: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Every ``ALTER TABLE`` and ``CREATE POLICY`` of a team book, for the tables in
    ``existing`` (a table a later version adds is secured when ``team init`` runs again).
    A table not named here that has a ``customer_id`` column (``with_customer_id``) is
    secured through its customer too: an unknown table never leaks customers."""
    lead = is_lead_sql(leads)
    known = set(CUSTOMER_TABLES) | set(CHILD_TABLES) | set(BOOK_WIDE_TABLES) | set(
        SPECIAL_TABLES) | set(READ_ONLY_TABLES)
    customer_tables = [t for t in CUSTOMER_TABLES if t in existing] + sorted(
        t for t in with_customer_id & existing if t not in known)
    out: list[str] = []
    if "customers" in existing:
        out += _secure("customers")
        out += _policy("customers", "rows", "ALL", f"{lead} OR owner = current_user",
                       f"{lead} OR owner = current_user")
        out += [OWNER_DEFAULT_FUNCTION,
                "DROP TRIGGER IF EXISTS kamdesk_owner_default ON customers",
                OWNER_DEFAULT_TRIGGER]
    for table in customer_tables:
        out += _same_rule(table, f"{lead} OR {visible_customer_sql()}")
    for table, (parent, column) in CHILD_TABLES.items():
        if table in existing:
            rule = f"{lead} OR {visible_parent_sql(parent, column)}"
            if table == "interaction_people":  # nor may a member link another's person
                rule += (" AND EXISTS (SELECT 1 FROM people pp WHERE pp.id = person_id)")
            out += _same_rule(table, rule)
    if "tasks" in existing:
        out += _same_rule("tasks", f"{lead} OR CASE WHEN customer_id IS NULL THEN "
                                   "coalesce(owner, '') IN ('', current_user) "
                                   f"ELSE {visible_customer_sql()} END")
    if "change_history" in existing:
        out += _secure("change_history")
        out += _policy("change_history", "read", "SELECT",
                       f"{lead} OR customer_id IS NULL OR {visible_customer_sql()}", None)
        out += _policy("change_history", "append", "INSERT", None, "true")
    if "document_contents" in existing:
        # An attached file's bytes (migration 0014): readable with a visible document
        # that names them; anyone may add bytes (content-addressed, stored before the
        # document row); removed only when no document of anyone's names them (checked
        # by a SECURITY DEFINER function: a member sees only their own documents).
        out += _secure("document_contents")
        out += _policy("document_contents", "read", "SELECT",
                       f"{lead} OR EXISTS (SELECT 1 FROM documents d "
                       "WHERE d.sha256 = document_contents.sha256)", None)
        out += _policy("document_contents", "add", "INSERT", None, "true")
        out += _policy("document_contents", "drop", "DELETE",
                       f"{lead} OR NOT kamdesk_content_in_use(sha256)", None)
    if "app_settings" in existing:
        out += _secure("app_settings")
        out += _policy("app_settings", "read", "SELECT", "true", None)
        out += _policy("app_settings", "write", "ALL",
                       f"{lead} OR left(key, 5) <> 'team/'", f"{lead} OR left(key, 5) <> 'team/'")
    return out


#: a member's new customer with no owner becomes theirs (BEFORE triggers run before the
#: policies' WITH CHECK, so the insert then passes it)
OWNER_DEFAULT_FUNCTION = """
CREATE OR REPLACE FUNCTION kamdesk_owner_default() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.owner IS NULL OR btrim(NEW.owner) = '' THEN
        NEW.owner := current_user;
    END IF;
    RETURN NEW;
END
$$
""".strip()

OWNER_DEFAULT_TRIGGER = ("CREATE TRIGGER kamdesk_owner_default BEFORE INSERT ON customers "
                         "FOR EACH ROW EXECUTE FUNCTION kamdesk_owner_default()")


def grant_statements(group: str, existing: set[str]) -> list[str]:
    """The group's rights: read and write every table (the policies decide which rows),
    history append-only, the schema's version read-only, every sequence."""
    g = ident(group)
    out = [f"GRANT USAGE ON SCHEMA public TO {g}"]
    for table in sorted(existing):
        if table in READ_ONLY_TABLES:
            out.append(f"GRANT SELECT ON {table} TO {g}")
        elif table == "change_history":
            out += [f"REVOKE UPDATE, DELETE ON {table} FROM {g}",
                    f"GRANT SELECT, INSERT ON {table} TO {g}"]
        else:
            out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {g}")
    out += [f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {g}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES "
            f"TO {g}"]
    return out


def role_statements(group: str, leads: str) -> list[str]:
    """Create the two group roles if missing (NOLOGIN: people log in as themselves),
    make every lead a member of the team, and let leads create the tables a book move
    keeps while it runs."""
    out = []
    for role in (group, leads):
        out.append(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                   f"{literal(role)}) THEN CREATE ROLE {ident(role)} NOLOGIN; END IF; END $$")
    out.append(f"GRANT {ident(group)} TO {ident(leads)}")
    # A lead moves colleagues' personal books in (``migrate-to --join``); the move keeps
    # its bookkeeping tables in the book while it runs (kamdesk.io.book_transfer.ledger).
    out.append(f"GRANT CREATE ON SCHEMA public TO {ident(leads)}")
    return out


#: Book-wide facts a member needs but may not see: new customers' ids and the highest
#: customer code (a member sees only their own rows, so max(id)+1 or "the next code"
#: computed from them would collide with a colleague's). SECURITY DEFINER: they run as
#: the administrator who created them (a lead), and hand out nothing but numbers/codes.
TEAM_FUNCTIONS: tuple[str, ...] = (
    """
CREATE OR REPLACE FUNCTION kamdesk_new_customer_ids(how_many integer) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE seq text := pg_get_serial_sequence('customers', 'id');
BEGIN
    -- rows inserted with explicit ids (imports, copies) leave the sequence behind
    PERFORM setval(seq, greatest((SELECT coalesce(max(id), 0) FROM customers),
                                 coalesce(pg_sequence_last_value(seq::regclass), 0), 1), true);
    RETURN QUERY SELECT nextval(seq) FROM generate_series(1, how_many);
END
$$
""".strip(),
    """
CREATE OR REPLACE FUNCTION kamdesk_highest_customer_code() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT code FROM customers WHERE code ~ '^C[0-9]+$'
    ORDER BY length(code) DESC, code DESC LIMIT 1
$$
""".strip(),
)

TEAM_FUNCTIONS += (
    """
CREATE OR REPLACE FUNCTION kamdesk_content_in_use(digest text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = digest)
$$
""".strip(),
)

TEAM_FUNCTION_NAMES = ("kamdesk_new_customer_ids(integer)", "kamdesk_highest_customer_code()",
                       "kamdesk_content_in_use(text)")


def hand_over_function(group: str) -> str:
    """``kamdesk_hand_over(customer, new_owner)``: a member gives one of their own
    accounts to a colleague (holiday cover, a changed territory). Row security checks an
    updated row against the read rule, so a member's own UPDATE of ``owner`` to someone
    else is refused; this function does it for them, only for an account the calling
    login owns and only to a member of the team. False when either is not so."""
    return f"""
CREATE OR REPLACE FUNCTION kamdesk_hand_over(customer bigint, new_owner text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = new_owner)
       OR NOT pg_has_role(new_owner, {literal(group)}, 'MEMBER') THEN
        RETURN false;
    END IF;
    UPDATE customers SET owner = new_owner, version = version + 1
     WHERE id = customer AND owner = session_user;
    RETURN FOUND;
END
$$
""".strip()


HAND_OVER_NAME = "kamdesk_hand_over(bigint, text)"


def function_statements(group: str) -> list[str]:
    out = [*TEAM_FUNCTIONS, hand_over_function(group)]
    for name in (*TEAM_FUNCTION_NAMES, HAND_OVER_NAME):
        out += [f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC",
                f"GRANT EXECUTE ON FUNCTION {name} TO {ident(group)}"]
    return out
