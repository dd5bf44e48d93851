"""Recomputing tiers, RFM, health and cadence for the whole book in one pass.

A handful of SQL reads (never one query per customer from Python) feed the pure rules
in :mod:`kamdesk.domain.scoring`; the results replace ``customer_metrics`` in one
transaction, and every change of value tier or activity state is written to
``tier_changes`` so the profile can say "moved from active to silent on …".

100,000 customers with 2,000,000 orders and 1,000,000 contacts is the size this is
tuned for (benchmarks/bench_tiers.py); the notes at :data:`_MAIN_SQL`,
:func:`_gather` and :func:`_rewrite_metrics` say where the time went and why.
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from kamdesk.domain.calendar_math import trailing_windows
from kamdesk.domain.scoring import CustomerFacts, CustomerMetrics, compute_metrics
from kamdesk.store.ops.settings import put_json
from kamdesk.store.queries.settings import get_json, tiering_settings

EXPOSURE_DAYS = 90  # orders of the last quarter count as open credit exposure


@lru_cache(maxsize=8192)
def _iso_day(text_: str) -> date:
    return date.fromisoformat(text_)


def _d(v: object) -> date | None:
    # Dates come back from SQLite as text; a few thousand distinct days cover every
    # timestamp of a book, so the parse is cached (600,000 calls in a recompute).
    if v is None:
        return None
    if isinstance(v, str):
        return _iso_day(v[:10])
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return _iso_day(str(v)[:10])


def gather_facts(conn: Connection, today: date, window_months: int,
                 customer_ids: Iterable[int] | None = None) -> list[CustomerFacts]:
    return _gather(conn, today, window_months, customer_ids).facts


class _Gathered:
    """The facts plus what the metrics row stores beside them, read in the same pass."""

    __slots__ = ("contacts", "facts", "last_contact_at")

    def __init__(self, facts: list[CustomerFacts], last_contact_at: dict[int, object],
                 contacts: dict[int, tuple[str, str | None]]) -> None:
        self.facts = facts
        self.last_contact_at = last_contact_at
        self.contacts = contacts


#: Everything per customer, in one pass over ``customers``. Correlated subqueries
#: *seek* into the covering indexes (trades by customer and date, interactions by
#: customer and time), so each reads only the orders inside its window; one GROUP BY
#: over all 2,000,000 trades comparing every order's date against five windows took
#: two and a half times as long. The key contact (primary person, else the first one
#: entered) is a seek into the people of that customer as well.
_MAIN_SQL = (
    "SELECT c.id, c.cooperation_start, c.potential, c.credit_limit_cents, "
    "(SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :w_after AND t.occurred_on <= :w_through), "
    "(SELECT count(*) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :w_after AND t.occurred_on <= :w_through), "
    "(SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :p_after AND t.occurred_on <= :w_after), "
    "(SELECT max(t.occurred_on) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on <= :w_through), "
    "(SELECT sum(t.amount_cents) FROM trades t WHERE t.customer_id = c.id "
    " AND t.occurred_on > :exp_after AND t.occurred_on <= :w_through), "
    "(SELECT max(i.occurred_at) FROM interactions i WHERE i.customer_id = c.id), "
    "kc.name, coalesce(kc.mobile, kc.phone) "
    "FROM customers c LEFT JOIN people kc ON kc.id = ("
    " SELECT q.id FROM people q WHERE q.customer_id = c.id AND q.archived = 0 "
    " ORDER BY q.is_primary DESC, q.id LIMIT 1) "
    "WHERE c.status != 'archived'{only} ORDER BY c.id"
)

#: Decision makers and economic buyers with their last contact and last visit or
#: meeting, in one pass over those people: one subquery gives both times (joined by
#: '|'), so each of their contacts is looked up once rather than once per figure.
_PEOPLE_SQL = (
    "SELECT p.customer_id, p.decision_role, p.archived, "
    "(SELECT max(i.occurred_at) || '|' || "
    "  coalesce(max(CASE WHEN i.channel IN ('visit','meeting') THEN i.occurred_at END), '') "
    " FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id "
    " WHERE ip.person_id = p.id AND i.occurred_at <= :now) "
    "FROM people p WHERE p.decision_role IN ('decision_maker','economic_buyer'){only}"
)

Fetch = Callable[[str, dict[str, Any]], list[Any]]


def _fetcher(conn: Connection) -> Fetch:
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


def _gather(conn: Connection, today: date, window_months: int,
            customer_ids: Iterable[int] | None = None) -> _Gathered:
    current, previous = trailing_windows(today, window_months)
    now = datetime.combine(today, datetime.max.time())
    only = ""
    if customer_ids is not None:
        ids = ",".join(str(int(i)) for i in customer_ids) or "NULL"
        only = f" AND customer_id IN ({ids})"
    p: dict[str, Any] = {
        "w_after": current.after.isoformat(), "w_through": current.through.isoformat(),
        "p_after": previous.after.isoformat(),
        "exp_after": (today - timedelta(days=EXPOSURE_DAYS)).isoformat(),
        "d180": (today - timedelta(days=180)).isoformat(),
        "now": now.isoformat(sep=" "),
    }
    # Reading the two halves on two connections in two threads was tried: no faster,
    # the sqlite3 module keeps the GIL for most of the work.
    fetch = _fetcher(conn)
    main = fetch(_MAIN_SQL.format(only=only.replace("customer_id", "c.id")), p)
    extra = _side_reads(fetch, p, only)

    # A contact logged ahead of today (allowed up to a day) does not count yet.
    last_inter: dict[int, Any] = {r[0]: r[9] for r in main}
    ahead = [r[0] for r in main if r[9] is not None and str(r[9]) > p["now"]]
    if ahead:
        for cid in ahead:
            last_inter[cid] = None
        last_inter.update(fetch(
            "SELECT customer_id, MAX(occurred_at) FROM interactions WHERE occurred_at <= :now "
            f"AND customer_id IN ({','.join(map(str, ahead))}) GROUP BY customer_id", p))
    people_180, has_dm, dm_last = extra["people_180"], extra["has_dm"], extra["dm_last"]
    overdue, surveys, exec_visit = extra["overdue"], extra["surveys"], extra["exec_visit"]

    facts: list[CustomerFacts] = []
    append = facts.append
    no_survey = (None, None, None)
    for cid, start, potential, credit, rev, orders, prev, last_trade, exposure, *_ in main:
        dm = dm_last.get(cid)
        s = surveys.get(cid, no_survey)
        append(CustomerFacts(
            cid, int(rev or 0), int(prev or 0), int(orders or 0), _d(last_trade),
            _d(last_inter[cid]), _d(start), potential, int(people_180.get(cid, 0)),
            (today - _d(dm)).days if dm else (9999 if cid in has_dm else None),  # type: ignore[operator]
            int(overdue.get(cid, 0)),
            float(s[0]) if s[0] is not None else None,
            int(s[1]) if s[1] is not None else None,
            int(credit) if credit is not None else None,
            int(exposure or 0),
            _d(exec_visit.get(cid)),
            _d(s[2]),
        ))
    contacts = {r[0]: (r[10], r[11]) for r in main if r[10] is not None}
    return _Gathered(facts, {r[0]: r[9] for r in main}, contacts)


_REASONS_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _reason_text(code: str, penalty: int, params: dict[str, Any]) -> str | None:
    """One reason in exactly json.dumps's layout, or None when a value needs the real
    encoder (anything but a plain int or a finite float)."""
    parts = []
    for key, value in params.items():
        kind = type(value)
        if kind is int:
            parts.append(f'"{key}": {value}')
        elif kind is float and math.isfinite(value):
            parts.append(f'"{key}": {value!r}')
        else:
            return None
    return f'{{"code": "{code}", "penalty": {penalty}, "params": {{{", ".join(parts)}}}}}'


def reasons_json(m: CustomerMetrics) -> str:
    # Written for 100,000 rows per recompute, where json.dumps (a new encoder per call
    # with ensure_ascii=False) was a sixth of the time: codes and keys are the domain's
    # own ASCII identifiers and values plain numbers, so the text is put together
    # directly; anything else goes through the encoder.
    texts = []
    for r in m.health_reasons:
        one = _reason_text(r.code, r.penalty, r.params)
        if one is None:
            return _REASONS_JSON([{"code": x.code, "penalty": x.penalty, "params": x.params}
                                  for x in m.health_reasons])
        texts.append(one)
    return "[" + ", ".join(texts) + "]"


def recompute_metrics(db_or_conn, today: date | None = None) -> int:  # type: ignore[no-untyped-def]
    """Recompute every customer's metrics; returns the number of customers."""
    today = today or date.today()
    with _gc_paused():
        if isinstance(db_or_conn, Connection):
            return _recompute(db_or_conn, today)
        with db_or_conn.engine.begin() as conn:
            return _recompute(conn, today)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector for the run.

    A recompute keeps a few million small objects alive (rows, facts, metrics), none
    of them in a cycle; each full collection walks all of them, and reading the
    100,000 old tiers after building the facts took six times as long with it on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _recompute(conn: Connection, today: date) -> int:
    settings = tiering_settings(conn)
    gathered = _gather(conn, today, settings.window_months)
    facts = gathered.facts
    metrics = compute_metrics(facts, settings, today)
    fetch = _fetcher(conn)
    # The tier index holds (value_tier, activity, customer_id): read it, not the wide rows.
    # A row never computed (or reset when archived) has no next due date.
    old = {r[0]: (r[1], r[2]) for r in fetch(
        "SELECT customer_id, value_tier, activity FROM customer_metrics", {})}
    uncomputed = {r[0] for r in fetch(
        "SELECT customer_id FROM customer_metrics WHERE next_due_on IS NULL", {})}
    contacts = gathered.contacts
    last_contact_at = gathered.last_contact_at
    changes: list[tuple[Any, ...]] = []
    rows: list[tuple[Any, ...]] = []
    iso = today.isoformat()
    no_contact = (None, None)
    for m, f in zip(metrics, facts, strict=True):
        cid = m.customer_id
        prev = old.get(cid)
        if prev is not None and cid not in uncomputed:
            if prev[0] != m.value_tier:
                changes.append((cid, iso, "value_tier", prev[0], m.value_tier))
            if prev[1] != m.activity:
                changes.append((cid, iso, "activity", prev[1], m.activity))
        name, phone = contacts.get(cid, no_contact)
        rows.append((
            cid, f.revenue_window, f.revenue_prev_window, f.order_count_window,
            f.last_trade.isoformat() if f.last_trade else None, last_contact_at.get(cid),
            m.value_tier, m.activity, m.r, m.f, m.m, m.segment, m.health, reasons_json(m),
            m.next_due.isoformat() if m.next_due else None, m.overdue_days, m.due_action,
            name, phone, iso,
        ))
    ex = conn.exec_driver_sql
    computed = {r[0] for r in rows}
    _rewrite_metrics(conn, rows)
    # Archived customers keep a row (the list joins on it) with their old figures dropped.
    archived = [(cid,) for cid in old if cid not in computed]
    archived += [(r[0],) for r in fetch(
        "SELECT id FROM customers WHERE status = 'archived'", {}) if r[0] not in old]
    if archived:
        ex("INSERT OR IGNORE INTO customer_metrics (customer_id) "
           "SELECT id FROM customers WHERE id = ?", archived)
    if changes:
        ex("INSERT INTO tier_changes (customer_id, changed_on, dimension, old_value, new_value) "
           "VALUES (?,?,?,?,?)", changes)
    return len(rows)


_INSERT_METRICS = (
    "INSERT INTO customer_metrics (customer_id, revenue_12m_cents, revenue_prev_12m_cents, "
    "orders_12m, last_trade_on, last_interaction_at, value_tier, activity, r_score, f_score, "
    "m_score, segment, health, health_reasons, next_due_on, overdue_days, due_action, "
    "key_contact_name, key_contact_phone, computed_on) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _rewrite_metrics(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Replace every metrics row.

    On SQLite the secondary indexes are dropped for the load and built again after it,
    from their own stored definitions: building an index from 100,000 keys at once is
    several times cheaper than updating six indexes row by row. All of it runs in the
    caller's transaction, so a failure leaves the old rows and indexes in place.
    """
    ex = conn.exec_driver_sql
    indexes: list[tuple[str, str]] = []
    if conn.dialect.name == "sqlite" and len(rows) > 1000:
        indexes = [(r[0], r[1]) for r in ex(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'customer_metrics' AND sql IS NOT NULL").fetchall()]
        for name, _sql in indexes:
            ex(f'DROP INDEX "{name}"')
    ex("DELETE FROM customer_metrics")
    if rows:  # an empty book (or one emptied by an import that skipped every row)
        ex(_INSERT_METRICS, rows)
    for _name, sql in indexes:
        ex(sql)


def refresh_customer(conn: Connection, customer_id: int, today: date) -> bool:
    """Bring one customer's row up to date after a contact or order is logged.

    Value tier and RFM are relative to the whole base, so they keep their last bulk
    values; activity, cadence and health depend only on this customer and change at
    once (logging a contact clears "overdue" on Today immediately).

    Returns True if the activity state moved and a ``tier_changes`` row was written
    (the caller declares it among the tables it changed).
    """
    from kamdesk.domain.activity import activity_state
    from kamdesk.domain.cadence import cadence_rule, next_touch
    from kamdesk.domain.health import health_score

    settings = tiering_settings(conn)
    facts = gather_facts(conn, today, settings.window_months, [customer_id])
    row = conn.execute(text(
        "SELECT value_tier, activity, computed_on FROM customer_metrics WHERE customer_id = :c"),
        {"c": customer_id}).first()
    if not facts or row is None:
        return False
    f = facts[0]
    tier = row[0]
    activity = activity_state(last_interaction=f.last_interaction, last_trade=f.last_trade,
                              cooperation_start=f.cooperation_start, today=today,
                              settings=settings)
    rule = cadence_rule(tier, activity, settings)
    health = health_score(
        days_since_contact=(None if f.last_interaction is None
                            else (today - f.last_interaction).days),
        cadence_days=rule.contact_days, overdue_complaints=f.overdue_complaints,
        revenue_window=f.revenue_window, revenue_prev_window=f.revenue_prev_window,
        people_contacted_180d=f.people_contacted_180d,
        days_since_decision_maker_contact=f.days_since_decision_maker_contact,
        last_csat=f.last_csat, last_nps=f.last_nps, credit_limit=f.credit_limit,
        credit_exposure=f.credit_exposure,
    )
    touch = next_touch(value_tier=tier, activity=activity, last_contact=f.last_interaction,
                       today=today, settings=settings,
                       last_executive_visit=f.last_executive_visit,
                       last_satisfaction_check=f.last_satisfaction_check)
    last_at = conn.execute(text(
        "SELECT MAX(occurred_at) FROM interactions WHERE customer_id = :c"), {"c": customer_id}
    ).scalar()
    moved = row[2] is not None and row[1] != activity
    if moved:
        conn.execute(text(
            "INSERT INTO tier_changes (customer_id, changed_on, dimension, old_value, new_value) "
            "VALUES (:c, :d, 'activity', :o, :n)"),
            {"c": customer_id, "d": today.isoformat(), "o": row[1], "n": activity})
    fake = CustomerMetrics(customer_id, tier, activity, 0, 0, 0, None, health.score,
                           health.reasons, touch.next_due, touch.overdue_days, touch.action)
    conn.execute(text(
        "UPDATE customer_metrics SET revenue_12m_cents = :rev, revenue_prev_12m_cents = :prev, "
        "orders_12m = :orders, last_trade_on = :lt, last_interaction_at = :li, activity = :act, "
        "health = :h, health_reasons = :hr, next_due_on = :nd, overdue_days = :od, "
        "due_action = :da, computed_on = coalesce(computed_on, :today) WHERE customer_id = :c"),
        {"rev": f.revenue_window, "prev": f.revenue_prev_window, "orders": f.order_count_window,
         "lt": f.last_trade.isoformat() if f.last_trade else None, "li": last_at,
         "act": activity, "h": health.score, "hr": reasons_json(fake),
         "nd": touch.next_due.isoformat(), "od": touch.overdue_days, "da": touch.action,
         "today": today.isoformat(), "c": customer_id})
    return moved


# -- freshness of the derived figures ---------------------------------------------------
#: app_settings key: when the last bulk recompute ran ({"day": …, "at": …}).
RECOMPUTED_KEY = "metrics_recomputed"


def recompute_and_stamp(db, today: date, now: datetime | None = None) -> int:  # type: ignore[no-untyped-def]
    """Bulk recompute and note when, in one transaction; returns the customers done.

    For the CLI and start-up; the GUI runs the same work as the operation
    :func:`kamdesk.store.ops.metrics.recompute_all_metrics`, which says what it changed.
    """
    with db.engine.begin() as conn:
        return recompute_and_stamp_on(conn, today, now)


def recompute_and_stamp_on(conn: Connection, today: date, now: datetime | None = None) -> int:
    """Bulk recompute on ``conn`` (in the caller's transaction) and note when.

    Writes ``customer_metrics``, ``tier_changes`` and the :data:`RECOMPUTED_KEY` row of
    ``app_settings``. The note is what :func:`metrics_stale` trusts: a metrics row alone
    cannot tell a customer ranked this morning from one only refreshed by a contact
    logged today (that refresh dates the row today but leaves its tier at the default).
    """
    count = recompute_metrics(conn, today)
    put_json(conn, RECOMPUTED_KEY, {
        "day": today.isoformat(),
        # Wall time, like customers.created_at, to spot customers added after it.
        "at": (now or datetime.now()).isoformat(sep=" "),
    })
    return count


def metrics_stale(conn: Connection, today: date) -> bool:
    """True when ``customer_metrics`` needs a bulk recompute before it can be trusted today.

    Tiers, RFM quintiles and overdue days are relative to the day and the whole book,
    so they are stale when the last recompute (as noted by :func:`recompute_and_stamp_on`)
    ran on an earlier day or never, when a customer was added after it, or when a
    current customer has never been computed at all.
    """
    if conn.execute(text(
            "SELECT 1 FROM customers WHERE status != 'archived' LIMIT 1")).first() is None:
        return False
    stamp = get_json(conn, RECOMPUTED_KEY) or {}
    day, at = (stamp.get("day"), stamp.get("at")) if isinstance(stamp, dict) else (None, None)
    if not day or not at or str(day) < today.isoformat():
        return True
    if conn.execute(text(
            "SELECT 1 FROM customers WHERE created_at > :at LIMIT 1"), {"at": str(at)}).first():
        return True
    return conn.execute(text(
        "SELECT 1 FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        "WHERE m.next_due_on IS NULL AND c.status != 'archived' LIMIT 1")).first() is not None
