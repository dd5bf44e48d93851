"""What the rules of :mod:`kamdesk.domain.scoring` need to know about each customer, read.

The bulk recompute reads these facts for the whole book (100,000 customers with
2,000,000 orders and 1,000,000 contacts is the size this is tuned for; see
benchmarks/batch.py) and a single write refreshes one customer with the same reads
narrowed to its id, so both see exactly the same figures. A handful of SQL reads, never
one query per customer from Python; the notes at :data:`_MAIN_SQL` say why they are
shaped as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

from kamdesk.domain.calendar_math import trailing_windows
from kamdesk.domain.scoring import CustomerFacts, new_facts

__all__ = ["GatheredFacts", "gather", "gather_facts", "raw_fetcher"]

#: Everything per customer, in one pass over ``customers``. Correlated subqueries
#: *seek* into the covering indexes (trades by customer, date and amount; interactions
#: by customer and time), so each reads only the orders inside its window; one GROUP BY
#: over all 2,000,000 trades comparing every order's date against the windows took two
#: and a half times as long (a CASE per row costs more than a seek per customer).
#:
#: Credit exposure is what the customer owes: every order and return up to the day
#: less every payment up to the day. The orders of the two revenue windows are already
#: summed, so only those before them are read again, and only for customers with a
#: credit limit (the health rule ignores exposure without one; CASE skips the seeks).
#: A return is stored as a negative amount: it lowers revenue but is not an order (the
#: count, and so the F of RFM, counts positive rows only; the index covers the amount).
#: The key contact is the first primary person, else the first one entered.
_MAIN_SQL = (
    "SELECT c.id, "
    "(SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :w_after AND t.occurred_on <= :w_through), "
    "(SELECT count(*) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :w_after AND t.occurred_on <= :w_through AND t.amount_cents > 0), "
    "(SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :p_after AND t.occurred_on <= :w_after), "
    "(SELECT max(t.occurred_on) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on <= :w_through), "
    "(SELECT max(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id), "
    "c.cooperation_start, c.potential, c.credit_limit_cents, "
    "CASE WHEN c.credit_limit_cents IS NOT NULL THEN "
    " coalesce((SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    "  AND t.occurred_on <= :p_after), 0) "
    " - coalesce((SELECT sum(pay.amount_cents) FROM payments pay "
    "  WHERE pay.customer_id = c.id AND pay.received_on <= :w_through), 0) END, "
    "kc.name, coalesce(kc.mobile, kc.phone), "
    "c.declared_contribution_cents, c.declared_last_contact_at, c.stated_value_tier, "
    "c.stated_activity, c.tier_source, substr(CAST(c.created_at AS TEXT), 1, 10) "
    "FROM customers c LEFT JOIN people kc ON kc.id = ("
    " SELECT q.id FROM people q WHERE q.customer_id = c.id AND q.archived = false "
    " ORDER BY q.is_primary DESC, q.id LIMIT 1) "
    "WHERE c.status != 'archived'{only} ORDER BY c.id"
)

#: Decision makers and economic buyers with their last contact and last visit or
#: meeting, in one pass over those people: one subquery gives both times (joined by
#: '|'), so each of their contacts is looked up once rather than once per figure.
_PEOPLE_SQL = (
    "SELECT p.customer_id, p.decision_role, p.archived, "
    "(SELECT CAST(max(i.occurred_at) AS TEXT) || '|' || "
    "  coalesce(CAST(max(CASE WHEN i.channel IN ('visit','meeting') THEN i.occurred_at END)"
    "   AS TEXT), '') "
    " FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id "
    " WHERE ip.person_id = p.id AND i.occurred_at <= :now) "
    "FROM people p WHERE p.decision_role IN ('decision_maker','economic_buyer'){only}"
)

Fetch = Callable[[str, dict[str, Any]], list[Any]]


def raw_fetcher(conn: Connection) -> Fetch:
    """Run a query and return all rows.

    On SQLite the rows are taken straight from the driver's cursor: SQLAlchemy's
    per-row result handling cost about a third of the reads on 100,000 customers.
    The driver connection is the same one, so the same transaction is read.
    """
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection

        def fetch(sql: str, params: dict[str, Any]) -> list[Any]:
            return raw.execute(sql, params).fetchall()  # type: ignore[union-attr]
        return fetch
    return lambda sql, params: list(conn.execute(text(sql), params).fetchall())


class _Days(dict[Any, date | None]):
    """ISO text (a day or a timestamp) -> date, parsed once per distinct text.

    A plain dict lookup where the cache hits; a recompute turns ~500,000 texts into
    dates and a few thousand distinct days cover most of them."""

    def __missing__(self, key: Any) -> date | None:
        if isinstance(key, datetime):
            value: date | None = key.date()
        elif isinstance(key, date):
            value = key
        else:
            value = date.fromisoformat(str(key)[:10])
        self[key] = value
        return value


def _side_reads(fetch: Fetch, p: dict[str, Any], only: str) -> dict[str, Any]:
    """The figures that come from people and contacts rather than from the customer row."""
    out: dict[str, Any] = {}
    out["people_180"] = dict(fetch(
        "SELECT i.customer_id, COUNT(DISTINCT ip.person_id) FROM interactions i "
        "JOIN interaction_people ip ON ip.interaction_id = i.id "
        "WHERE i.occurred_at >= :d180 AND i.occurred_at <= :now"
        f"{only.replace('customer_id', 'i.customer_id')} GROUP BY i.customer_id", p))
    has_dm: set[int] = set()
    dm_last: dict[int, str] = {}
    exec_visit: dict[int, str] = {}
    for cid, role, archived, last in fetch(
            _PEOPLE_SQL.format(only=only.replace("customer_id", "p.customer_id")), p):
        if role == "decision_maker" and not archived:
            has_dm.add(cid)
        if last is None:
            continue  # never contacted
        any_time, _, visit = last.partition("|")
        if role == "decision_maker" and any_time > dm_last.get(cid, ""):
            dm_last[cid] = any_time
        if visit and visit > exec_visit.get(cid, ""):
            exec_visit[cid] = visit
    out["has_dm"], out["dm_last"], out["exec_visit"] = has_dm, dm_last, exec_visit
    out["overdue"] = dict(fetch(
        "SELECT customer_id, COUNT(*) FROM complaints WHERE status IN ('open') "
        f"AND response_deadline < :now{only} GROUP BY customer_id", p))
    # The latest answer per customer: its scores are the last CSAT/NPS and its day the
    # last satisfaction check. Of two answers on that day the later entered wins.
    surveys: dict[int, tuple[Any, Any, Any]] = {}
    for cid, day, csat, nps in fetch(
        "SELECT s.customer_id, s.responded_on, s.csat, s.nps FROM survey_responses s JOIN ("
        " SELECT customer_id, MAX(responded_on) AS d FROM survey_responses "
        f" WHERE 1=1{only} GROUP BY customer_id) l "
        "ON l.customer_id = s.customer_id AND l.d = s.responded_on ORDER BY s.id", p):
        surveys[cid] = (csat, nps, day)
    out["surveys"] = surveys
    return out


class GatheredFacts:
    """The facts plus what the metrics row stores beside them, read in the same pass:
    per customer (in the order of ``facts``) the stored text of its last contact, and
    its key contact's name and phone."""

    __slots__ = ("contacts", "facts", "last_contact_at")

    def __init__(self, facts: list[CustomerFacts], last_contact_at: list[Any],
                 contacts: list[tuple[Any, Any]]) -> None:
        self.facts = facts
        self.last_contact_at = last_contact_at
        self.contacts = contacts


def gather_facts(conn: Connection, today: date, window_months: int,
                 customer_ids: Iterable[int] | None = None) -> list[CustomerFacts]:
    """The facts of every current customer (or of ``customer_ids``), ordered by id."""
    return gather(conn, today, window_months, customer_ids).facts


def gather(conn: Connection, today: date, window_months: int,
           customer_ids: Iterable[int] | None = None,
           book_tier_source: str | None = None) -> GatheredFacts:
    """The facts; a customer's last contact is the later of its contact log and the
    last contact its sheet declared (表1's 最近互动时间), and its stated classification is
    carried when it is in effect (its own ``tier_source``, else ``book_tier_source``,
    read from the tiering settings when not given)."""
    if book_tier_source is None:
        from kamdesk.store.queries.settings import tiering_settings

        book_tier_source = tiering_settings(conn).tier_source
    current, previous = trailing_windows(today, window_months)
    now = datetime.combine(today, datetime.max.time())
    only = ""
    if customer_ids is not None:
        ids = ",".join(str(int(i)) for i in customer_ids) or "NULL"
        only = f" AND customer_id IN ({ids})"
    p: dict[str, Any] = {
        "w_after": current.after.isoformat(), "w_through": current.through.isoformat(),
        "p_after": previous.after.isoformat(),
        "d180": date.fromordinal(today.toordinal() - 180).isoformat(),
        "now": now.isoformat(sep=" "),
    }
    # Reading the two halves on two connections in two threads was tried: no faster,
    # the sqlite3 module keeps the GIL for most of the work.
    fetch = raw_fetcher(conn)
    main = fetch(_MAIN_SQL.format(only=only.replace("customer_id", "c.id")), p)
    extra = _side_reads(fetch, p, only)

    # A contact logged ahead of today (allowed up to a day) does not count yet.
    now_text = p["now"]
    today_text = today.isoformat()
    ahead = [r[0] for r in main if r[5] is not None and str(r[5]) > now_text]
    counted: dict[int, Any] = {}
    if ahead:
        counted = dict.fromkeys(ahead)
        counted.update(fetch(
            "SELECT customer_id, MAX(occurred_at) FROM interactions WHERE occurred_at <= :now "
            f"AND customer_id IN ({','.join(map(str, ahead))}) GROUP BY customer_id", p))
    people_180, has_dm, dm_last = extra["people_180"], extra["has_dm"], extra["dm_last"]
    overdue, surveys, exec_visit = extra["overdue"], extra["surveys"], extra["exec_visit"]

    days = _Days()
    days[None] = None
    ordinal = today.toordinal()
    facts: list[CustomerFacts] = []
    append = facts.append
    no_survey = (None, None, None)
    people_180_get, dm_get, overdue_get = people_180.get, dm_last.get, overdue.get
    surveys_get, visit_get = surveys.get, exec_visit.get
    last_contact_at: list[Any] = []
    for (cid, rev, orders, prev, last_trade, last_at, start, potential, credit, before,
         _name, _phone, declared, declared_at, stated_tier, stated_activity, source,
         first_record) in main:
        if ahead and cid in counted:
            last_at = counted[cid]
        if declared_at is not None and str(declared_at) <= now_text and (
                last_at is None or str(declared_at) > str(last_at)):
            last_at = declared_at
        last_contact_at.append(last_at)
        if (stated_tier is None and stated_activity is None) or (
                source or book_tier_source) != "stated":
            stated_tier = stated_activity = None
        dm = dm_get(cid)
        csat, nps, surveyed = surveys_get(cid, no_survey)
        rev = rev or 0
        prev = prev or 0
        append(new_facts(
            cid, rev, prev, orders, days[last_trade], days[last_at], days[start], potential,
            people_180_get(cid, 0),
            (ordinal - days[dm].toordinal()) if dm else (  # type: ignore[union-attr]
                9999 if cid in has_dm else None),
            overdue_get(cid, 0),
            float(csat) if csat is not None else None,
            int(nps) if nps is not None else None,
            credit,
            0 if before is None else rev + prev + before,
            days[visit_get(cid)],
            days[surveyed],
            declared, stated_tier, stated_activity,
            # a record dated after the day asked for (a recompute "as of" a past
            # day) cannot start the clock in the future
            days[first_record] if first_record and first_record <= today_text else None,
        ))
    contacts = [(r[10], r[11]) if r[10] is not None else (None, None) for r in main]
    return GatheredFacts(facts, last_contact_at, contacts)
