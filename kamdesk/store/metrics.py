"""Recomputing tiers, RFM, health and cadence for the whole book in one pass.

A handful of grouped SQL aggregates (never one query per customer) feed the pure
rules in :mod:`kamdesk.domain.scoring`; the results replace ``customer_metrics`` in
one transaction, and every change of value tier or activity state is written to
``tier_changes`` so the profile can say "moved from active to silent on …".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, text

from kamdesk.domain.calendar_math import trailing_windows
from kamdesk.domain.scoring import CustomerFacts, CustomerMetrics, compute_metrics
from kamdesk.store.settings import tiering_settings

EXPOSURE_DAYS = 90  # orders of the last quarter count as open credit exposure


def _d(v: object) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def gather_facts(conn: Connection, today: date, window_months: int,
                 customer_ids: Iterable[int] | None = None) -> list[CustomerFacts]:
    current, previous = trailing_windows(today, window_months)
    now = datetime.combine(today, datetime.max.time())
    only = ""
    if customer_ids is not None:
        ids = ",".join(str(int(i)) for i in customer_ids) or "NULL"
        only = f" AND customer_id IN ({ids})"
    p = {
        "w_after": current.after.isoformat(), "w_through": current.through.isoformat(),
        "p_after": previous.after.isoformat(),
        "exp_after": (today - timedelta(days=EXPOSURE_DAYS)).isoformat(),
        "d180": (today - timedelta(days=180)).isoformat(),
        "now": now.isoformat(sep=" "),
    }
    trades: dict[int, tuple] = {}
    for row in conn.execute(text(
        "SELECT customer_id, "
        " SUM(CASE WHEN occurred_on > :w_after AND occurred_on <= :w_through THEN amount_cents ELSE 0 END),"
        " SUM(CASE WHEN occurred_on > :p_after AND occurred_on <= :w_after THEN amount_cents ELSE 0 END),"
        " SUM(CASE WHEN occurred_on > :w_after AND occurred_on <= :w_through THEN 1 ELSE 0 END),"
        " MAX(CASE WHEN occurred_on <= :w_through THEN occurred_on END),"
        " SUM(CASE WHEN occurred_on > :exp_after AND occurred_on <= :w_through THEN amount_cents ELSE 0 END)"
        f" FROM trades WHERE 1=1{only} GROUP BY customer_id"
    ), p):
        trades[row[0]] = row[1:]
    last_inter = {r[0]: r[1] for r in conn.execute(text(
        f"SELECT customer_id, MAX(occurred_at) FROM interactions WHERE occurred_at <= :now{only} "
        "GROUP BY customer_id"), p)}
    people_180 = {r[0]: r[1] for r in conn.execute(text(
        "SELECT i.customer_id, COUNT(DISTINCT ip.person_id) FROM interactions i "
        "JOIN interaction_people ip ON ip.interaction_id = i.id "
        f"WHERE i.occurred_at >= :d180 AND i.occurred_at <= :now{only.replace('customer_id', 'i.customer_id')} "
        "GROUP BY i.customer_id"), p)}
    has_dm = {r[0] for r in conn.execute(text(
        "SELECT DISTINCT customer_id FROM people WHERE decision_role = 'decision_maker' "
        f"AND archived = 0{only}"))}
    dm_last = {r[0]: r[1] for r in conn.execute(text(
        "SELECT p.customer_id, MAX(i.occurred_at) FROM people p "
        "JOIN interaction_people ip ON ip.person_id = p.id "
        "JOIN interactions i ON i.id = ip.interaction_id "
        "WHERE p.decision_role = 'decision_maker' AND i.occurred_at <= :now"
        f"{only.replace('customer_id', 'p.customer_id')} GROUP BY p.customer_id"), p)}
    overdue = {r[0]: r[1] for r in conn.execute(text(
        "SELECT customer_id, COUNT(*) FROM complaints WHERE status IN ('open') "
        f"AND response_deadline < :now{only} GROUP BY customer_id"), p)}
    surveys: dict[int, tuple] = {}
    for cid, csat, nps in conn.execute(text(
        "SELECT s.customer_id, s.csat, s.nps FROM survey_responses s JOIN ("
        " SELECT customer_id, MAX(responded_on) AS d FROM survey_responses "
        f" WHERE 1=1{only} GROUP BY customer_id) l "
        "ON l.customer_id = s.customer_id AND l.d = s.responded_on ORDER BY s.id")):
        surveys[cid] = (csat, nps)
    exec_visit = {r[0]: r[1] for r in conn.execute(text(
        "SELECT i.customer_id, MAX(i.occurred_at) FROM interactions i "
        "JOIN interaction_people ip ON ip.interaction_id = i.id "
        "JOIN people p ON p.id = ip.person_id "
        "WHERE i.channel IN ('visit','meeting') AND p.decision_role IN ('decision_maker','economic_buyer') "
        f"AND i.occurred_at <= :now{only.replace('customer_id', 'i.customer_id')} GROUP BY i.customer_id"), p)}
    sat_check = {r[0]: r[1] for r in conn.execute(text(
        f"SELECT customer_id, MAX(responded_on) FROM survey_responses WHERE 1=1{only} "
        "GROUP BY customer_id"))}

    facts: list[CustomerFacts] = []
    for cid, start, potential, credit in conn.execute(text(
        "SELECT id, cooperation_start, potential, credit_limit_cents FROM customers "
        f"WHERE status != 'archived'{only.replace('customer_id', 'id')} ORDER BY id"
    )):
        t = trades.get(cid)
        li = _d(last_inter.get(cid))
        dm = _d(dm_last.get(cid))
        s = surveys.get(cid, (None, None))
        facts.append(CustomerFacts(
            customer_id=cid,
            revenue_window=int(t[0] or 0) if t else 0,
            revenue_prev_window=int(t[1] or 0) if t else 0,
            order_count_window=int(t[2] or 0) if t else 0,
            last_trade=_d(t[3]) if t else None,
            last_interaction=li,
            cooperation_start=_d(start),
            potential=potential,
            people_contacted_180d=int(people_180.get(cid, 0)),
            days_since_decision_maker_contact=(
                (today - dm).days if dm else (9999 if cid in has_dm else None)),
            overdue_complaints=int(overdue.get(cid, 0)),
            last_csat=float(s[0]) if s[0] is not None else None,
            last_nps=int(s[1]) if s[1] is not None else None,
            credit_limit=int(credit) if credit is not None else None,
            credit_exposure=int(t[4] or 0) if t else 0,
            last_executive_visit=_d(exec_visit.get(cid)),
            last_satisfaction_check=_d(sat_check.get(cid)),
        ))
    return facts


def reasons_json(m: CustomerMetrics) -> str:
    return json.dumps([{"code": r.code, "penalty": r.penalty, "params": r.params}
                       for r in m.health_reasons], ensure_ascii=False)


def recompute_metrics(db_or_conn, today: date | None = None) -> int:  # type: ignore[no-untyped-def]
    """Recompute every customer's metrics; returns the number of customers."""
    today = today or date.today()
    if isinstance(db_or_conn, Connection):
        return _recompute(db_or_conn, today)
    with db_or_conn.engine.begin() as conn:
        return _recompute(conn, today)


def _recompute(conn: Connection, today: date) -> int:
    settings = tiering_settings(conn)
    facts = gather_facts(conn, today, settings.window_months)
    metrics = compute_metrics(facts, settings, today)
    by_id = {f.customer_id: f for f in facts}
    old = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(text(
        "SELECT customer_id, value_tier, activity, computed_on FROM customer_metrics"))}
    contacts: dict[int, tuple[str, str | None]] = {}
    for cid, name, phone in conn.execute(text(
        "SELECT customer_id, name, coalesce(mobile, phone) FROM people WHERE archived = 0 "
        "ORDER BY customer_id, is_primary, id DESC"
    )):
        contacts[cid] = (name, phone)  # rows end with the primary / oldest person: it wins
    changes: list[tuple] = []
    rows: list[tuple] = []
    iso = today.isoformat()
    for m in metrics:
        f = by_id[m.customer_id]
        prev = old.get(m.customer_id)
        if prev and prev[2] is not None:
            if prev[0] != m.value_tier:
                changes.append((m.customer_id, iso, "value_tier", prev[0], m.value_tier))
            if prev[1] != m.activity:
                changes.append((m.customer_id, iso, "activity", prev[1], m.activity))
        name, phone = contacts.get(m.customer_id, (None, None))
        rows.append((
            m.customer_id, f.revenue_window, f.revenue_prev_window, f.order_count_window,
            f.last_trade.isoformat() if f.last_trade else None,
            m.value_tier, m.activity, m.r, m.f, m.m, m.segment, m.health, reasons_json(m),
            m.next_due.isoformat() if m.next_due else None, m.overdue_days, m.due_action,
            name, phone, iso,
        ))
    last_inter = {r[0]: r[1] for r in conn.execute(text(
        "SELECT customer_id, MAX(occurred_at) FROM interactions GROUP BY customer_id"))}
    rows = [r[:5] + (last_inter.get(r[0]),) + r[5:] for r in rows]
    ex = conn.exec_driver_sql
    computed = {r[0] for r in rows}
    ex("DELETE FROM customer_metrics")
    ex("INSERT INTO customer_metrics (customer_id, revenue_12m_cents, revenue_prev_12m_cents, "
       "orders_12m, last_trade_on, last_interaction_at, value_tier, activity, r_score, f_score, "
       "m_score, segment, health, health_reasons, next_due_on, overdue_days, due_action, "
       "key_contact_name, key_contact_phone, computed_on) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    # Archived customers keep a row (the list joins on it) with their old figures dropped.
    archived = [(cid,) for cid in old if cid not in computed]
    archived += [(r[0],) for r in conn.execute(text(
        "SELECT id FROM customers WHERE status = 'archived'")) if r[0] not in old]
    if archived:
        ex("INSERT OR IGNORE INTO customer_metrics (customer_id) "
           "SELECT id FROM customers WHERE id = ?", archived)
    if changes:
        ex("INSERT INTO tier_changes (customer_id, changed_on, dimension, old_value, new_value) "
           "VALUES (?,?,?,?,?)", changes)
    return len(rows)


def refresh_customer(conn: Connection, customer_id: int, today: date) -> None:
    """Bring one customer's row up to date after a contact or order is logged.

    Value tier and RFM are relative to the whole base, so they keep their last bulk
    values; activity, cadence and health depend only on this customer and change at
    once (logging a contact clears "overdue" on Today immediately).
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
        return
    f = facts[0]
    tier = row[0]
    activity = activity_state(last_interaction=f.last_interaction, last_trade=f.last_trade,
                              cooperation_start=f.cooperation_start, today=today,
                              settings=settings)
    rule = cadence_rule(tier, activity, settings)
    health = health_score(
        days_since_contact=None if f.last_interaction is None else (today - f.last_interaction).days,
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
    if row[2] is not None and row[1] != activity:
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
