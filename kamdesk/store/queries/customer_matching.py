"""What an import compares its rows with: every customer as stored and as shown, and
the keys it is recognised by (code, normalised name, phone and email of its people);
plus the pairs of customers that look like the same company (``kamdesk duplicates``).

Plain rows only; the rules of what counts as the same name or phone are in
:mod:`kamdesk.domain.customer_match`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from kamdesk.domain.customer_match import match_name, match_phone
from kamdesk.store.queries.settings import get_json

__all__ = ["BookCustomer", "DuplicatePair", "MatchIndex", "MergeSide", "duplicate_pairs",
           "NOT_DUPLICATES_KEY", "match_index", "merge_sides", "not_duplicates"]

#: the stored columns an import of 表1 may set, compared before writing
STORED = ("code", "name", "short_name", "industry", "region", "owner", "potential",
          "cooperation_start", "explicit_needs", "declared_contribution_cents",
          "stated_value_tier", "stated_activity", "declared_last_contact_at")


@dataclass(frozen=True)
class BookCustomer:
    id: int
    stored: dict[str, Any]   # STORED column -> value (dates as date/datetime)
    value_tier: str | None   # as shown (customer_metrics)
    activity: str | None
    revenue_12m_cents: int | None
    last_interaction_at: datetime | None
    people: int


@dataclass
class MatchIndex:
    by_id: dict[int, BookCustomer]
    by_code: dict[str, int]
    by_name: dict[str, list[int]]
    by_phone: dict[str, list[int]]
    by_email: dict[str, list[int]]


def _day(v: Any) -> date | None:
    return None if v is None else date.fromisoformat(str(v)[:10])


def _moment(v: Any) -> datetime | None:
    return None if v is None else datetime.fromisoformat(str(v))


def match_index(conn: Connection) -> MatchIndex:
    """Every customer (archived too: a re-import must not create it again)."""
    index = MatchIndex({}, {}, {}, {}, {})
    for r in conn.execute(sql_text(
        f"SELECT c.id, {', '.join('c.' + c for c in STORED)}, m.value_tier, m.activity, "
        "m.revenue_12m_cents, m.last_interaction_at, "
        "(SELECT count(*) FROM people p WHERE p.customer_id = c.id) "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id ORDER BY c.id")):
        stored = dict(zip(STORED, r[1:1 + len(STORED)], strict=True))
        stored["cooperation_start"] = _day(stored["cooperation_start"])
        stored["declared_last_contact_at"] = _moment(stored["declared_last_contact_at"])
        rest = r[1 + len(STORED):]
        c = BookCustomer(r[0], stored, rest[0], rest[1], rest[2], _moment(rest[3]), rest[4])
        index.by_id[c.id] = c
        index.by_code[stored["code"]] = c.id
        key = match_name(stored["name"])
        if key:
            index.by_name.setdefault(key, []).append(c.id)
    for cid, phone, mobile, email in conn.execute(sql_text(
            "SELECT customer_id, phone, mobile, email FROM people ORDER BY id")):
        for number in (phone, mobile):
            key = match_phone(number)
            if key and cid not in index.by_phone.get(key, []):
                index.by_phone.setdefault(key, []).append(cid)
        if email and email.strip():
            e = email.strip().casefold()
            if cid not in index.by_email.get(e, []):
                index.by_email.setdefault(e, []).append(cid)
    return index


@dataclass(frozen=True)
class DuplicatePair:
    """Two customers that look like one company, and why (name, phone or email)."""

    first_id: int
    first_code: str
    first_name: str
    second_id: int
    second_code: str
    second_name: str
    reason: str


def duplicate_pairs(conn: Connection) -> list[DuplicatePair]:
    """Pairs of current customers sharing a normalised name or a person's phone or email,
    each pair once (the older record first), ordered by its codes."""
    index = match_index(conn)
    archived = {r[0] for r in conn.execute(sql_text(
        "SELECT id FROM customers WHERE status = 'archived'"))}
    found: dict[tuple[int, int], str] = {}
    for reason, groups in (("name", index.by_name), ("phone", index.by_phone),
                           ("email", index.by_email)):
        for ids in groups.values():
            live = sorted(i for i in ids if i not in archived)
            for a_pos, a in enumerate(live):
                for b in live[a_pos + 1:]:
                    found.setdefault((a, b), reason)
    out = []
    for (a, b), reason in found.items():
        ca, cb = index.by_id[a].stored, index.by_id[b].stored
        out.append(DuplicatePair(a, ca["code"], ca["name"], b, cb["code"], cb["name"], reason))
    out.sort(key=lambda p: (p.first_code, p.second_code))
    return out


@dataclass(frozen=True)
class MergeSide:
    """The key facts of one record of a duplicate pair, shown side by side before a merge:
    who owns it, how it is reached, and how much history would move with it."""

    id: int
    code: str
    name: str
    owner: str | None
    status: str
    contacts: tuple[str, ...]      # "name  phone  email" of its key people
    people: int
    interactions: int
    orders: int
    other_history: int             # contracts, complaints, opportunities, plans, tasks…
    last_contact_at: datetime | None
    created_at: datetime | None


_OTHER_HISTORY = ("contracts", "complaints", "opportunities", "account_plans", "tasks",
                  "payments", "survey_responses", "event_attendance", "documents", "key_dates")


def merge_sides(conn: Connection, ids: list[int], contacts_shown: int = 3
                ) -> dict[int, MergeSide]:
    """The facts of each customer in ``ids`` (unknown ids are left out)."""
    out: dict[int, MergeSide] = {}
    others = " + ".join(f"(SELECT count(*) FROM {t} WHERE customer_id = c.id)"
                        for t in _OTHER_HISTORY)
    for cid in ids:
        r = conn.execute(sql_text(
            "SELECT c.id, c.code, c.name, c.owner, c.status, c.created_at, "
            "(SELECT count(*) FROM people p WHERE p.customer_id = c.id), "
            "(SELECT count(*) FROM interactions i WHERE i.customer_id = c.id), "
            "(SELECT count(*) FROM trades t WHERE t.customer_id = c.id), "
            f"{others}, "
            "(SELECT max(occurred_at) FROM interactions i WHERE i.customer_id = c.id), "
            "c.declared_last_contact_at FROM customers c WHERE c.id = :c"), {"c": cid}).first()
        if r is None:
            continue
        moments = [m for m in (_moment(r[10]), _moment(r[11])) if m is not None]
        last = max(moments, default=None)
        contacts = tuple(
            "  ".join(part for part in (name, phone or mobile or "", email or "") if part)
            for name, phone, mobile, email in conn.execute(sql_text(
                "SELECT name, phone, mobile, email FROM people WHERE customer_id = :c "
                "ORDER BY is_primary DESC, id LIMIT :n"), {"c": cid, "n": contacts_shown}))
        out[cid] = MergeSide(r[0], r[1], r[2], r[3], r[4], contacts, r[6], r[7], r[8], r[9],
                             last, _moment(r[5]))
    return out


#: app_settings key: [[first id, second id], …] the user said are not the same company
NOT_DUPLICATES_KEY = "not_duplicates"


def not_duplicates(conn: Connection) -> frozenset[tuple[int, int]]:
    """The pairs (smaller id first) the user marked "Not a duplicate"."""
    stored = get_json(conn, NOT_DUPLICATES_KEY, []) or []
    out = set()
    for pair in stored:
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(i, int) for i in pair):
            out.add((min(pair), max(pair)))
    return frozenset(out)
