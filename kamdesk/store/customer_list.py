"""The customer list as pages of plain rows, sorted and filtered in SQL.

The Qt model asks for a count and then for the page under the viewport; nothing
here loads ORM objects, so 100k customers cost the same as 100.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, text

from kamdesk.store.search import matching_ids_sql

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
    sort: str = "name"
    descending: bool = False


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
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def months_of_cooperation(self, today: date) -> int | None:
        if self.cooperation_start is None:
            return None
        s = self.cooperation_start
        return max(0, (today.year - s.year) * 12 + today.month - s.month - (today.day < s.day))


_SELECT = (
    "SELECT c.id, c.code, c.name, c.industry, c.cooperation_start, m.revenue_12m_cents, "
    "m.value_tier, m.activity, m.key_contact_name, m.key_contact_phone, c.explicit_needs, "
    "m.last_interaction_at, m.health, m.r_score, m.f_score, m.m_score, m.segment, "
    "m.next_due_on, m.overdue_days, c.potential, c.owner, c.status "
    "FROM customers c JOIN customer_metrics m ON m.customer_id = c.id"
)


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
    if q.overdue_only:
        clauses.append("m.overdue_days > 0")
    if q.search.strip():
        sub, sub_params = matching_ids_sql(conn, q.search)
        if sub:
            clauses.append(f"c.id IN ({sub})")
            params.update(sub_params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(conn: Connection, q: CustomerQuery) -> int:
    where, params = _where(conn, q)
    sql = "SELECT count(*) FROM customers c JOIN customer_metrics m ON m.customer_id = c.id" + where
    return int(conn.execute(text(sql), params).scalar_one())


def _to_date(v: object) -> date | None:
    if v is None or isinstance(v, date):
        return v  # type: ignore[return-value]
    return date.fromisoformat(str(v)[:10])


def _to_datetime(v: object) -> datetime | None:
    if v is None or isinstance(v, datetime):
        return v  # type: ignore[return-value]
    return datetime.fromisoformat(str(v))


def fetch_page(conn: Connection, q: CustomerQuery, offset: int, limit: int) -> list[CustomerRow]:
    where, params = _where(conn, q)
    col = SORT_COLUMNS.get(q.sort, "c.name")
    direction = "DESC" if q.descending else "ASC"
    # Tie-break on the rowid of the sorted column's own table, so SQLite walks that
    # index in order (an index is ordered by (value, rowid)) instead of sorting 100k rows.
    tie = "m.customer_id" if col.startswith("m.") else "c.id"
    sql = (f"{_SELECT}{where} ORDER BY {col} {direction}, {tie} {direction} "
           f"LIMIT :limit OFFSET :offset")
    params.update(limit=limit, offset=offset)
    out: list[CustomerRow] = []
    for r in conn.execute(text(sql), params):
        out.append(CustomerRow(
            r[0], r[1], r[2], r[3], _to_date(r[4]), int(r[5] or 0), r[6], r[7], r[8], r[9],
            r[10], _to_datetime(r[11]), int(r[12]), int(r[13]), int(r[14]), int(r[15]), r[16],
            _to_date(r[17]), int(r[18] or 0), r[19], r[20], r[21],
        ))
    return out


def distinct_values(conn: Connection, column: str) -> list[str]:
    """Values for a filter combo (industry, owner)."""
    if column not in ("industry", "owner", "region"):
        raise ValueError(column)
    rows = conn.execute(text(
        f"SELECT DISTINCT {column} FROM customers WHERE {column} IS NOT NULL ORDER BY {column}"
    ))
    return [r[0] for r in rows]
