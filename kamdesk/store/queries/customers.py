"""Reading customers: the list as pages of plain rows (sorted and filtered in SQL), the
values its filters offer, the one customer picker query, and the facts a write checks.

The Qt model asks for a count and then for the page under the viewport; nothing here
loads ORM objects, so 100k customers cost the same as 100. The one customer picker
widget (every screen that asks "which customer?") calls :func:`pick_customers`, so
they all rank the same way; :func:`pick_customer` and :func:`customer_by_code` find one
customer by id or by the code a user types (the CLI's ``plan C012``, ``ical --customer``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from kamdesk.domain.receivables import CreditLevel, credit_level, usage_pct
from kamdesk.store.dialect import order_sql
from kamdesk.store.queries.newness import NEW_CUSTOMER_SQL, new_customer_sql, new_params
from kamdesk.store.queries.receivables import (
    credit_watch_sql,
)
from kamdesk.store.queries.tags import tag_filter_sql
from kamdesk.store.queries.today_cadence import OFF_CADENCE_SQL, off_cadence_params
from kamdesk.store.search import matching_ids_sql
from kamdesk.store.team.numbers import team_highest_code

__all__ = [
    "SORT_COLUMNS", "CustomerQuery", "CustomerRow", "CustomerPick", "PageKey", "count",
    "fetch_page", "page_keys",
    "distinct_values", "pick_customers", "history_counts", "fresh_codes", "suggested_code",
    "ids_by_code", "pick_customer", "customer_by_code",
]

# Sort keys the UI may ask for -> SQL expression (every one is indexed or cheap).
SORT_COLUMNS: dict[str, str] = {
    "code": "c.code",
    "name": "c.name",
    "industry": "c.industry",
    "months": "c.cooperation_start",
    "revenue": "m.revenue_12m_cents",
    "tier": "m.value_tier",
    "activity": "m.activity",
    "key_contact": "m.key_contact_name",
    "phone": "m.key_contact_phone",
    "need": "c.explicit_needs",
    "last_interaction": "m.last_interaction_at",
    "health": "m.health",
    "rfm": "m.r_score * 100 + m.f_score * 10 + m.m_score",
    "next_due": "m.next_due_on",
    "owner": "c.owner",
    "potential": "c.potential",
    # Credit used = what is owed (kept in the metrics row) ÷ limit. No limit sorts as
    # NULL; a zero limit as ÷ 1 fen.
    "credit": ("CASE WHEN c.credit_limit_cents IS NOT NULL THEN "
               "coalesce(m.outstanding_cents, 0) * 1.0 / "
               "CASE WHEN c.credit_limit_cents > 1 THEN c.credit_limit_cents ELSE 1 END END"),
}


@dataclass(frozen=True)
class CustomerQuery:
    search: str = ""
    industry: str | None = None
    value_tier: str | None = None
    activity: str | None = None
    potential: str | None = None
    owner: str | None = None
    include_archived: bool = False
    overdue_only: bool = False
    #: only customers near (≥ 80 %) or over their credit limit
    credit_watch: bool = False
    #: only customers carrying this tag (tags: :mod:`kamdesk.store.queries.tags`)
    tag_id: int | None = None
    #: only customers overdue for contact as Today counts them at this moment (its
    #: cadence card's "see all"); replaces ``overdue_only``'s stored-days test
    off_cadence_at: datetime | None = None
    sort: str = "name"
    descending: bool = False
    #: for one read only, set by :mod:`kamdesk.store.queries.customer_search` (never kept
    #: in a screen's query): the ids ``search`` matches, already looked up, so the
    #: read filters on them instead of asking the search index again
    search_hits: tuple[int, ...] | None = field(default=None, compare=False, repr=False)
    #: with ``search_hits``: many matches, so read the page walking the sort column's
    #: index and keeping the matching ids (the ``+`` keeps SQLite from driving the
    #: read from the id list and sorting every match)
    walk_sort_index: bool = field(default=False, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: int
    code: str
    name: str
    industry: str | None
    cooperation_start: date | None
    revenue_12m_cents: int
    value_tier: str
    activity: str
    key_contact_name: str | None
    key_contact_phone: str | None
    explicit_needs: str | None
    last_interaction_at: datetime | None
    health: int
    r_score: int
    f_score: int
    m_score: int
    segment: str | None
    next_due_on: date | None
    overdue_days: int
    potential: str
    owner: str | None
    status: str
    credit_limit_cents: int | None = None
    #: what the customer owes (orders incl. returns − payments), for "Credit used"
    outstanding_cents: int = 0
    credit_rating: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    #: 'red'/'amber' when a complaint is past/near its response deadline
    #: (filled by :func:`kamdesk.store.queries.complaint_flags.customer_page_with_complaints`)
    complaint_level: str | None = None
    #: too little history to judge (:mod:`kamdesk.domain.newness`): shown as "New",
    #: no tier, activity or health
    is_new: bool = False
    #: the value the list is sorted by, as stored: with ``id`` the row's page key
    sort_value: object = field(default=None, compare=False)
    #: what a delete from the list names as the version it read (ops.versions)
    version: int = field(default=1, compare=False)

    @property
    def credit_level(self) -> CreditLevel:
        return credit_level(self.outstanding_cents, self.credit_limit_cents)

    @property
    def credit_used_pct(self) -> int | None:
        return usage_pct(self.outstanding_cents, self.credit_limit_cents)

    def months_of_cooperation(self, today: date) -> int | None:
        if self.cooperation_start is None:
            return None
        s = self.cooperation_start
        return max(0, (today.year - s.year) * 12 + today.month - s.month - (today.day < s.day))


_SELECT = (
    "SELECT c.id, c.code, c.name, c.industry, c.cooperation_start, m.revenue_12m_cents, "
    "m.value_tier, m.activity, m.key_contact_name, m.key_contact_phone, c.explicit_needs, "
    "m.last_interaction_at, m.health, m.r_score, m.f_score, m.m_score, m.segment, "
    "m.next_due_on, m.overdue_days, c.potential, c.owner, c.status, c.credit_limit_cents, "
    f"c.credit_rating, m.outstanding_cents, {NEW_CUSTOMER_SQL}, c.version"
)
_FROM = " FROM customers c JOIN customer_metrics m ON m.customer_id = c.id"


#: on PostgreSQL, a search's known matches are sent as an array up to this many
ARRAY_HITS_UP_TO = 5000


def _where(conn: Connection, q: CustomerQuery) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    params: dict[str, object] = {}
    if not q.include_archived:
        clauses.append("c.status != 'archived'")
    for col, value, key in (
        ("c.industry", q.industry, "industry"), ("m.value_tier", q.value_tier, "tier"),
        ("m.activity", q.activity, "activity"), ("c.potential", q.potential, "potential"),
        ("c.owner", q.owner, "owner"),
    ):
        if value:
            clauses.append(f"{col} = :{key}")
            params[key] = value
    if q.off_cadence_at is not None:
        clauses.append(OFF_CADENCE_SQL)
        params.update(off_cadence_params(q.off_cadence_at))
    elif q.overdue_only:
        clauses.append("m.overdue_days > 0")
    if q.credit_watch:
        clauses.append(credit_watch_sql("c"))
    if q.tag_id is not None:
        tag_clause, tag_params = tag_filter_sql(q.tag_id)
        clauses.append(tag_clause)
        params.update(tag_params)
    if q.search.strip() and q.search_hits is not None and conn.dialect.name == "sqlite":
        probe = "c.id"
        if q.walk_sort_index:  # the rowid of the sorted column's table, see fetch_page
            probe = "+m.customer_id" if SORT_COLUMNS.get(q.sort, "c.name").startswith(
                "m.") else "+c.id"
        clauses.append(f"{probe} IN (SELECT value FROM json_each(:search_hits))")
        params["search_hits"] = _ids_json(q.search_hits)
    elif q.search.strip() and q.search_hits is not None and len(
            q.search_hits) <= ARRAY_HITS_UP_TO:
        # PostgreSQL guesses 1% for any LIKE and walked the sort index past tens of
        # thousands of rows for a word matching a few thousand (80–110 ms at 100k); the
        # known ids as an array give it the true number, and it reads the matches first.
        # Tens of thousands of ids cost more to send than the search costs again.
        clauses.append("c.id = ANY(:search_hits)")
        params["search_hits"] = list(q.search_hits)
    elif q.search.strip():
        sub, sub_params = matching_ids_sql(conn, q.search)
        if sub:
            clauses.append(f"c.id IN ({sub})")
            params.update(sub_params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(conn: Connection, q: CustomerQuery) -> int:
    where, params = _where(conn, q)
    sql = "SELECT count(*)" + _FROM + where
    return int(conn.execute(sql_text(sql), params).scalar_one())


def _to_date(v: object) -> date | None:
    if v is None or isinstance(v, date):
        return v  # type: ignore[return-value]
    return date.fromisoformat(str(v)[:10])


def _to_datetime(v: object) -> datetime | None:
    if v is None or isinstance(v, datetime):
        return v  # type: ignore[return-value]
    return datetime.fromisoformat(str(v))


def _may_be_null(sort_sql: str) -> bool:
    """Whether a sort expression of :data:`SORT_COLUMNS` can be NULL (a plain column
    declared NOT NULL cannot)."""
    from kamdesk.store.models import Customer, CustomerMetrics

    alias, _, name = sort_sql.partition(".")
    table = {"c": Customer.__table__, "m": CustomerMetrics.__table__}.get(alias)
    if table is None or name not in table.c:
        return True
    return bool(table.c[name].nullable)


def _order(q: CustomerQuery) -> tuple[str, str, str]:
    """(sort expression, tie-break column, direction) of the list's order."""
    col = SORT_COLUMNS.get(q.sort, "c.name")
    # Tie-break on the rowid of the sorted column's own table, so SQLite walks that
    # index in order (an index is ordered by (value, rowid)) instead of sorting 100k rows.
    tie = "m.customer_id" if col.startswith("m.") else "c.id"
    return col, tie, "DESC" if q.descending else "ASC"


#: Where a page starts: (sort value, id) of the row before it, as the database holds it
#: (see :func:`page_keys`).
PageKey = tuple[object, int]


def fetch_page(conn: Connection, q: CustomerQuery, offset: int, limit: int,
               after: PageKey | None = None) -> list[CustomerRow]:
    """``limit`` rows of the list from row ``offset``; with ``after`` (the key of a row)
    from ``offset`` rows after that row instead — the same rows, but the database
    seeks to the key in the sort column's index instead of counting ``offset`` rows
    from the top (a jump to the middle of 100k rows: ~0.2 ms instead of ~80 ms).

    SQLite puts NULLs first in ascending order and last in descending order; the list
    is two runs (the NULLs by id, the values by value and id), read run by run."""
    col, tie, direction = _order(q)
    if after is None:  # SQLite's NULL order on both engines (dialect.order_sql)
        order = order_sql(conn, col, direction, nullable=_may_be_null(col))
        return _rows(conn, q, "", {}, f"{order}, {tie} {direction}", offset, limit)
    value, last_id = after
    # The runs of the order from the key on: (extra condition, its ORDER BY).
    nulls_first = direction == "ASC"
    by_value = f"{col} {direction}, {tie} {direction}"
    by_id = f"{tie} {direction}"
    cmp = ">" if nulls_first else "<"
    if value is None:
        runs = [(f"{col} IS NULL AND {tie} {cmp} :after_id", by_id)]
        if nulls_first:
            runs.append((f"{col} IS NOT NULL", by_value))
    else:
        runs = [(f"{col} {cmp}= :after_value AND ({col} {cmp} :after_value "
                 f"OR {tie} {cmp} :after_id)", by_value)]
        if not nulls_first:
            runs.append((f"{col} IS NULL", by_id))
    params = {"after_value": value, "after_id": last_id}
    out: list[CustomerRow] = []
    for condition, order in runs:
        rows = _rows(conn, q, condition, params, order, offset, limit - len(out))
        if not rows and offset:  # the offset may run past this run: skip what it holds
            where, where_params = _where(conn, q)
            held = conn.execute(sql_text(
                f"SELECT count(*){_FROM}{where}{' AND ' if where else ' WHERE '}{condition}"),
                {**where_params, **params}).scalar_one()
            offset = max(0, offset - int(held))
            continue
        out += rows
        offset = 0
        if len(out) >= limit:
            break
    return out


def _rows(conn: Connection, q: CustomerQuery, condition: str, condition_params: dict[str, object],
          order: str, offset: int, limit: int) -> list[CustomerRow]:
    where, params = _where(conn, q)
    if condition:
        where += f"{' AND ' if where else ' WHERE '}{condition}"
    select_sql = _SELECT.replace(NEW_CUSTOMER_SQL, new_customer_sql(conn))
    sql = (f"{select_sql}, {_order(q)[0]} AS sort_value{_FROM}{where} ORDER BY {order} "
           "LIMIT :limit OFFSET :offset")
    params.update(condition_params, limit=limit, offset=offset, **new_params(conn))
    rows = conn.execute(sql_text(sql), params).all()
    out: list[CustomerRow] = []
    for r in rows:
        out.append(CustomerRow(
            r[0], r[1], r[2], r[3], _to_date(r[4]), int(r[5] or 0), r[6], r[7], r[8], r[9],
            r[10], _to_datetime(r[11]), int(r[12]), int(r[13]), int(r[14]), int(r[15]), r[16],
            _to_date(r[17]), int(r[18] or 0), r[19], r[20], r[21],
            None if r[22] is None else int(r[22]), int(r[24] or 0), r[23],
            is_new=bool(r[25]), version=int(r[26]), sort_value=r[27],
        ))
    return out


def page_keys(conn: Connection, q: CustomerQuery, page_size: int) -> list[PageKey]:
    """The key of the last row of every full page of the list, in order (the key of
    page ``n + 1`` is element ``n``): one walk of the sort column's index, numbering the
    rows in SQL, so a jump anywhere is one :func:`fetch_page` ``after`` a key. Build it
    once per order and filter; it is stale once the rows change."""
    where, params = _where(conn, q)
    col, tie, direction = _order(q)
    order = order_sql(conn, col, direction, nullable=_may_be_null(col))  # SQLite's NULLs
    sql = (f"SELECT k, id FROM (SELECT {col} AS k, {tie} AS id, row_number() OVER "
           f"(ORDER BY {order}, {tie} {direction}) AS n "
           f"{_FROM}{where}) AS numbered "
           f"WHERE n % :size = 0 ORDER BY n")
    params["size"] = page_size
    return [(r[0], int(r[1])) for r in conn.execute(sql_text(sql), params)]


def distinct_values(conn: Connection, column: str) -> list[str]:
    """Values for a filter combo (industry, owner)."""
    if column not in ("industry", "owner", "region"):
        raise ValueError(column)
    rows = conn.execute(sql_text(
        f"SELECT DISTINCT {column} FROM customers WHERE {column} IS NOT NULL ORDER BY {column}"
    ))
    return [r[0] for r in rows]


# -- the one customer picker -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CustomerPick:
    """One line of a customer type-ahead."""

    id: int
    code: str
    name: str
    key_contact_name: str | None
    status: str
    value_tier: str
    owner: str | None


_PICK_SELECT = (
    "SELECT c.id, c.code, c.name, m.key_contact_name, c.status, m.value_tier, c.owner "
    "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
)


def _pick(r) -> CustomerPick:  # type: ignore[no-untyped-def]
    return CustomerPick(r[0], r[1], r[2], r[3], r[4], r[5] or "C", r[6])


def pick_customers(conn: Connection, text: str, limit: int = 12,
                   include_archived: bool = False) -> list[CustomerPick]:
    """Customers for a type-ahead, best match first.

    Matching is the customer list's own search (the same index, the same rules: name,
    code, pinyin, people, phones). The list sorts its matches by name, which is right
    for browsing but wrong for Enter-takes-the-first: typing "sz" must offer 深圳…
    before 上海昌盛 (whose pinyin merely contains s…z). So here the matches are
    ordered by where the text hit: the code exactly, then the start of the name / its
    pinyin / initials, then the start of the code, then anywhere in the name, and last
    the customers found only through a person or a phone.

    Empty text lists the first ``limit`` customers by name (a picker opened before
    typing); text too unspecific to search (one Latin letter) finds nothing.
    """
    archived = "" if include_archived else "c.status != 'archived'"
    words = text.lower().split()
    if not words:
        where = f"WHERE {archived} " if archived else ""
        return [_pick(r) for r in conn.execute(sql_text(
            f"{_PICK_SELECT}{where}ORDER BY c.name, c.id LIMIT :limit"), {"limit": limit})]
    sub, params = matching_ids_sql(conn, text)
    if not sub:
        return []
    whole = "".join(words)
    esc = whole.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params.update(rq=whole, rp=esc + "%", rc="%" + esc + "%", limit=limit)
    own_name = ("lower(c.name) LIKE {p} ESCAPE '\\' OR c.name_initials LIKE {p} ESCAPE '\\' "
                "OR c.name_pinyin LIKE {p} ESCAPE '\\' "
                "OR lower(coalesce(c.short_name, '')) LIKE {p} ESCAPE '\\'")
    sql = (
        f"{_PICK_SELECT}WHERE c.id IN ({sub}){' AND ' + archived if archived else ''} "
        "ORDER BY CASE WHEN lower(c.code) = :rq THEN 0 "
        f"WHEN {own_name.format(p=':rp')} THEN 1 "
        "WHEN lower(c.code) LIKE :rp ESCAPE '\\' THEN 2 "
        f"WHEN {own_name.format(p=':rc')} THEN 3 ELSE 4 END, c.name, c.id "
        "LIMIT :limit"
    )
    return [_pick(r) for r in conn.execute(sql_text(sql), params)]


# -- facts the writes check --------------------------------------------------------------
_HISTORY = (("interactions", "interactions"), ("orders", "trades"), ("contracts", "contracts"),
            ("complaints", "complaints"), ("opportunities", "opportunities"),
            ("plans", "account_plans"))


def history_counts(conn: Connection, customer_id: int) -> dict[str, int]:
    """What a customer has on record (contact log, orders, contracts…), by kind; only
    kinds with rows. A customer with any history is archived, never deleted."""
    counts: dict[str, int] = {}
    for name, table in _HISTORY:
        n = conn.execute(sql_text(f"SELECT count(*) FROM {table} WHERE customer_id = :c"),
                         {"c": customer_id}).scalar_one()
        if n:
            counts[name] = int(n)
    n = conn.execute(sql_text(
        "SELECT (SELECT count(*) FROM survey_responses WHERE customer_id = :c) + "
        "(SELECT count(*) FROM event_attendance WHERE customer_id = :c)"), {"c": customer_id}
    ).scalar_one()
    if n:
        counts["surveys_events"] = int(n)
    return counts


_CODE = re.compile(r"C(\d+)")


def fresh_codes(conn: Connection, count_: int, also_taken: Iterable[str] = ()) -> list[str]:
    """``count_`` new codes C001, C002 … continuing from the highest numeric code (in the
    database or in ``also_taken``), keeping its width."""
    best, width = 0, 3
    taken = [r[0] for r in conn.execute(
        sql_text("SELECT code FROM customers WHERE code LIKE 'C%'"))]
    highest_in_team = team_highest_code(conn)  # a member sees only their own codes
    if highest_in_team:
        taken.append(highest_in_team)
    for code in (*taken, *also_taken):
        m = _CODE.fullmatch(code or "")
        if m and int(m.group(1)) >= best:
            best, width = int(m.group(1)), max(3, len(m.group(1)))
    return [f"C{best + i:0{width}d}" for i in range(1, count_ + 1)]


def suggested_code(conn: Connection) -> str:
    """The code a new customer gets when none is typed."""
    return fresh_codes(conn, 1)[0]


def ids_by_code(conn: Connection) -> dict[str, int]:
    """Every customer's id by code (an importer matches its rows by code)."""
    return {code: cid for cid, code in conn.execute(sql_text("SELECT id, code FROM customers"))}


def pick_customer(conn: Connection, customer_id: int) -> CustomerPick | None:
    """One customer as a picker shows it (to preset a picker), archived or not."""
    row = conn.execute(sql_text(f"{_PICK_SELECT}WHERE c.id = :id"), {"id": customer_id}).first()
    return None if row is None else _pick(row)


def customer_by_code(conn: Connection, code: str) -> CustomerPick | None:
    """The customer with exactly this code, case-insensitive (what a user types on the
    command line), archived or not."""
    row = conn.execute(sql_text(f"{_PICK_SELECT}WHERE upper(c.code) = :code"),
                       {"code": code.strip().upper()}).first()
    return None if row is None else _pick(row)


@lru_cache(maxsize=2)
def _ids_json(ids: tuple[int, ...]) -> str:
    """Ids as a JSON array (made once for a search keystroke's page and count)."""
    return "[" + ",".join(map(str, ids)) + "]"


__all__ += ["filter_sql"]


def filter_sql(conn: Connection, q: CustomerQuery) -> tuple[str, dict[str, object]]:
    """The list's `` WHERE ...`` clause for ``q`` (empty when nothing filters) and its
    parameters, over customers ``c`` joined with their metrics ``m``."""
    return _where(conn, q)
