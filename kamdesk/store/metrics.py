"""Recomputing tiers, RFM, health and cadence for the whole book in one pass.

The facts are read by :mod:`kamdesk.store.queries.metric_facts` (a handful of SQL
reads, never one query per customer from Python) and fed to the pure rules in
:mod:`kamdesk.domain.scoring`; every ``customer_metrics`` row whose figures changed is
written in one transaction, and every change of value tier or activity state goes to
``tier_changes`` so the profile can say "moved from active to silent on …".

100,000 customers with 2,000,000 orders and 1,000,000 contacts is the size this is
tuned for (benchmarks/batch.py ``recompute``); :func:`_write_rows` says why only
changed rows are written and when the whole table is rewritten instead.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from functools import partial
from typing import Any, cast

from sqlalchemy import Connection, text

from kamdesk.domain.health import HealthReason
from kamdesk.domain.scoring import CustomerMetrics, metric_parts, tiering_revenue
from kamdesk.gc_pause import gc_paused
from kamdesk.store.dialect import run_qmark
from kamdesk.store.ops.settings import put_json
from kamdesk.store.queries.metric_facts import gather, gather_facts, raw_fetcher
from kamdesk.store.queries.settings import get_json, tiering_settings

__all__ = [
    "COMPUTED_TIERS_KEY", "RECOMPUTED_KEY", "gather_facts", "metrics_stale", "reasons_json",
    "reasons_text",
    "recompute_and_stamp", "recompute_and_stamp_on", "recompute_metrics", "refresh_customer",
]


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


def reasons_text(reasons: tuple[HealthReason, ...]) -> str:
    """The reasons as the JSON ``customer_metrics.health_reasons`` stores.

    Written for 100,000 rows per recompute, where json.dumps (a new encoder per call
    with ensure_ascii=False) was a sixth of the time: codes and keys are the domain's
    own ASCII identifiers and values plain numbers, so the text is put together
    directly; anything else goes through the encoder."""
    if not reasons:
        return "[]"
    texts = []
    for r in reasons:
        one = _reason_text(r.code, r.penalty, r.params)
        if one is None:
            return _REASONS_JSON([{"code": x.code, "penalty": x.penalty, "params": x.params}
                                  for x in reasons])
        texts.append(one)
    return "[" + ", ".join(texts) + "]"


def reasons_json(m: CustomerMetrics) -> str:
    return reasons_text(m.health_reasons)


def recompute_metrics(db_or_conn, today: date | None = None) -> int:  # type: ignore[no-untyped-def]
    """Recompute every customer's metrics; returns the number of customers."""
    today = today or date.today()
    with gc_paused():
        if isinstance(db_or_conn, Connection):
            return _recompute(db_or_conn, today)
        with db_or_conn.engine.begin() as conn:
            return _recompute(conn, today)


#: The columns of ``customer_metrics`` in the order rows are built and compared.
_COLUMNS = (
    "customer_id", "revenue_12m_cents", "revenue_prev_12m_cents", "orders_12m",
    "last_trade_on", "last_interaction_at", "value_tier", "activity", "r_score", "f_score",
    "m_score", "segment", "health", "health_reasons", "next_due_on", "overdue_days",
    "due_action", "key_contact_name", "key_contact_phone", "outstanding_cents", "computed_on",
)
_SELECT_METRICS = f"SELECT {', '.join(_COLUMNS)} FROM customer_metrics"
_INSERT_METRICS = (f"INSERT INTO customer_metrics ({', '.join(_COLUMNS)}) "
                   f"VALUES ({','.join('?' * len(_COLUMNS))})")
_UPDATE_METRICS = ("UPDATE customer_metrics SET "
                   + ", ".join(f"{c} = ?" for c in _COLUMNS[1:]) + " WHERE customer_id = ?")
#: What an archived customer's row holds: the table's defaults (its figures dropped).
_BARE = (0, 0, 0, None, None, "C", "silent", 0, 0, 0, None, 100, None, None, 0, None, None,
         None, None, None)
_NEXT_DUE, _TIER, _ACTIVITY = (_COLUMNS.index(c) for c in ("next_due_on", "value_tier",
                                                            "activity"))


_DATE_COLUMNS = tuple(_COLUMNS.index(c) for c in ("last_trade_on", "next_due_on",
                                                   "computed_on"))


def _as_written(conn: Connection, stored: Any) -> Any:
    """The stored rows in the form the recompute builds them (dates as ISO text).

    SQLite hands dates back as the text written; PostgreSQL as ``date`` objects, which
    never equal the text, so every row looked changed and each recompute of a server
    book rewrote the whole table (7 of 14 s at 100k)."""
    if conn.dialect.name == "sqlite":
        return stored
    out = []
    for r in stored:
        values = list(r)
        for i in _DATE_COLUMNS:
            if isinstance(values[i], date):
                values[i] = values[i].isoformat()
        out.append(tuple(values))
    return out


def _recompute(conn: Connection, today: date) -> int:
    settings = tiering_settings(conn)
    gathered = gather(conn, today, settings.window_months)
    facts = gathered.facts
    computed_aside: dict[int, tuple[str, str]] = {}
    parts = metric_parts(facts, settings, today, computed_aside)
    fetch = raw_fetcher(conn)
    old = {r[0]: r for r in _as_written(conn, fetch(_SELECT_METRICS, {}))}
    iso = today.isoformat()
    changes: list[tuple[Any, ...]] = []
    rows: list[tuple[Any, ...]] = []
    added: list[tuple[Any, ...]] = []     # customers without a stored row
    changed: list[tuple[Any, ...]] = []   # rows whose figures differ from the stored ones
    restamp: list[tuple[str, int]] = []   # same figures, computed on an earlier day
    old_get = old.get
    for f, (tier, activity, r, fs, m, segment, health, reasons, next_due, overdue, action), \
            last_at, (name, phone) in zip(facts, parts, gathered.last_contact_at,
                                          gathered.contacts, strict=True):
        cid = f.customer_id
        last_trade = f.last_trade
        row = (
            cid, tiering_revenue(f), f.revenue_prev_window, f.order_count_window,
            last_trade.isoformat() if last_trade else None, last_at, tier, activity,
            r, fs, m, segment, health, reasons_text(reasons) if reasons else "[]",
            next_due.isoformat(), overdue, action, name, phone,
            f.credit_exposure if f.credit_limit is not None else None, iso,
        )
        rows.append(row)
        prev = old_get(cid)
        if prev is None:
            added.append(row)
            continue
        if prev[_NEXT_DUE] is not None:  # a row never computed records no change
            if prev[_TIER] != tier:
                changes.append((cid, iso, "value_tier", prev[_TIER], tier))
            if prev[_ACTIVITY] != activity:
                changes.append((cid, iso, "activity", prev[_ACTIVITY], activity))
        if prev[:-1] != row[:-1]:
            changed.append(row)
        elif prev[-1] != iso:
            restamp.append((iso, cid))
    # Archived customers keep a row (the list joins on it) with their old figures
    # dropped; a row left by a customer that no longer exists goes.
    computed = {row[0] for row in rows}
    archived = {r[0] for r in fetch("SELECT id FROM customers WHERE status = 'archived'", {})}
    bare = [cid for cid in sorted(archived)
            if (prev := old_get(cid)) is None or prev[1:] != _BARE]
    if rewrite_everything(len(added) + len(changed) + len(bare), len(old)):
        _rewrite_all(conn, rows, sorted(archived))
    else:
        gone = [cid for cid in old if cid not in computed and cid not in archived]
        _write_changed(conn, added, changed, restamp, bare, gone)
    if changes:
        run_qmark(conn,
            "INSERT INTO tier_changes (customer_id, changed_on, dimension, old_value, new_value) "
            "VALUES (?,?,?,?,?)", changes)
    _store_computed_aside(conn, computed_aside)
    return len(rows)


#: app_settings key: {customer id: [value tier, activity]} as computed, for the customers
#: whose stated classification is in effect and differs (``customer_metrics`` holds the
#: effective one); the profile shows it beside the stated one. Kept out of the schema:
#: only customers with a stated type that disagrees are listed.
COMPUTED_TIERS_KEY = "computed_tiers"


def _store_computed_aside(conn: Connection, computed: dict[int, tuple[str, str]]) -> None:
    """Write the computed classifications beside the stated ones, only when they moved
    (a recompute that changes nothing writes nothing)."""
    value = {str(cid): list(pair) for cid, pair in sorted(computed.items())}
    stored = get_json(conn, COMPUTED_TIERS_KEY)
    if (stored or {}) != value:
        put_json(conn, COMPUTED_TIERS_KEY, value)


def rewrite_everything(to_write: int, stored: int) -> bool:
    """Whether writing ``to_write`` of ``stored`` rows is cheaper as a whole rewrite
    (:func:`_rewrite_all`) than row by row (:func:`_write_changed`): more than a
    quarter of them, and more than a thousand."""
    return to_write > 1000 and to_write > stored // 4


def _write_changed(conn: Connection, added: list[tuple[Any, ...]],
                   changed: list[tuple[Any, ...]], restamp: list[tuple[str, int]],
                   bare: list[int], gone: list[int]) -> None:
    """Write only what differs from the stored rows.

    Most recomputes change few rows (a rerun the same day, after an import of a few
    customers, after settings that move a handful of tiers), and with ten indexes on
    ``customer_metrics`` every row written is costly: rewriting all 100,000 took most
    of a second. A row whose figures are unchanged but dated an earlier day gets only
    its new day (``computed_on`` is in no index).
    """
    ex = partial(run_qmark, conn)
    if changed:
        ex(_UPDATE_METRICS, [(*row[1:], row[0]) for row in changed])
    if added:
        ex(_INSERT_METRICS, added)
    if restamp:
        ex("UPDATE customer_metrics SET computed_on = ? WHERE customer_id = ?", restamp)
    dropped = [(cid,) for cid in (*gone, *bare)]
    if dropped:
        ex("DELETE FROM customer_metrics WHERE customer_id = ?", dropped)
    if bare:
        ex("INSERT INTO customer_metrics (customer_id) VALUES (?)", [(cid,) for cid in bare])


#: a whole rewrite of more rows than this builds the indexes again after the load
REBUILD_INDEXES_ABOVE = 1000


def _rewrite_all(conn: Connection, rows: list[tuple[Any, ...]], archived: list[int]) -> None:
    """Replace every row, when more than a quarter of them changed (a new day moves
    every overdue count).

    On SQLite the secondary indexes are dropped for the load and built again after it,
    from their own stored definitions: building an index from 100,000 keys at once is
    several times cheaper than updating ten indexes row by row. All of it runs in the
    caller's transaction, so a failure leaves the old rows and indexes in place.
    """
    ex = partial(run_qmark, conn)
    # First the DELETE: it opens the transaction. Python's sqlite3 opens one before a
    # DELETE/INSERT/UPDATE but not before DDL, so a DROP INDEX issued first was
    # committed at once, and a rewrite that then failed or was rolled back left the
    # table without its indexes for good (every sort of the list scanned the table).
    ex("DELETE FROM customer_metrics")  # no WHERE: SQLite empties table and indexes whole
    indexes: list[tuple[str, str]] = []
    if conn.dialect.name == "sqlite" and len(rows) > REBUILD_INDEXES_ABOVE and bool(
            getattr(conn.connection.dbapi_connection, "in_transaction", False)):
        indexes = [(r[0], r[1]) for r in ex(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'customer_metrics' AND sql IS NOT NULL").fetchall()]
        for name, _sql in indexes:
            ex(f'DROP INDEX "{name}"')
    if rows:  # an empty book (or one emptied by an import that skipped every row)
        ex(_INSERT_METRICS, rows)
    if archived:
        ex("INSERT INTO customer_metrics (customer_id) VALUES (?)", [(c,) for c in archived])
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
    from kamdesk.domain.activity import Activity, activity_state
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
    activity = cast("Activity", f.stated_activity) or activity_state(
        last_interaction=f.last_interaction, last_trade=f.last_trade,
        cooperation_start=f.cooperation_start, today=today, settings=settings)
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
                       last_satisfaction_check=f.last_satisfaction_check,
                       tracking_start=f.first_record, slot=f.customer_id)
    last_at = conn.execute(text(
        "SELECT MAX(occurred_at) FROM interactions WHERE customer_id = :c"), {"c": customer_id}
    ).scalar()
    declared_at = conn.execute(text(
        "SELECT declared_last_contact_at FROM customers WHERE id = :c"), {"c": customer_id}
    ).scalar()
    if declared_at is not None and (last_at is None or str(declared_at) > str(last_at)):
        last_at = declared_at
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
        "due_action = :da, outstanding_cents = :owed, "
        "computed_on = coalesce(computed_on, :today) WHERE customer_id = :c"),
        {"rev": tiering_revenue(f), "prev": f.revenue_prev_window, "orders": f.order_count_window,
         "lt": f.last_trade.isoformat() if f.last_trade else None, "li": last_at,
         "act": activity, "h": health.score, "hr": reasons_json(fake),
         "nd": touch.next_due.isoformat(), "od": touch.overdue_days, "da": touch.action,
         "owed": f.credit_exposure if f.credit_limit is not None else None,
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
