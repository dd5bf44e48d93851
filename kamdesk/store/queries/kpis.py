"""Counts for the monthly review panel; :mod:`kamdesk.domain.kpis` turns them into rates.

A handful of grouped aggregates over the whole book, each using an index on its date
column, so the Reports screen opens in milliseconds on 10k customers. Archived
customers are left out everywhere: they are no longer part of the book under review.

The order KPIs (lifetime value, average order value and its growth) read the orders
book itself: lifetime value needs every order up to the day, which no stored metric
holds, and the average order value needs order counts per window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, text

from kamdesk.domain.calendar_math import trailing_windows
from kamdesk.domain.kpis import KpiInputs, KpiReport, compute_kpis

__all__ = ["ORDER_WINDOW_MONTHS", "WINDOW_DAYS", "OrderFigures", "kpi_inputs", "kpi_report",
           "order_figures"]

WINDOW_DAYS = 365
#: the average order value compares these trailing months with the same length before
ORDER_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class OrderFigures:
    """Sums over the orders book for the order KPIs (fen)."""

    lifetime_customers: int
    lifetime_revenue_cents: int
    orders_window: int
    order_revenue_window_cents: int
    orders_prev_window: int
    order_revenue_prev_window_cents: int


def order_figures(conn: Connection, today: date) -> OrderFigures:
    """Lifetime revenue of the customers with orders, and the orders of the last
    :data:`ORDER_WINDOW_MONTHS` months and of the same span before, up to ``today``.

    Returns (``kind = 'return'``) lower a customer's lifetime revenue but are neither
    orders nor part of an order's value. Archived customers are left out.
    """
    current, previous = trailing_windows(today, ORDER_WINDOW_MONTHS)
    p = {"today": today.isoformat(), "a12": current.after.isoformat(),
         "a24": previous.after.isoformat()}
    lifetime = conn.execute(text(
        "SELECT COUNT(*), coalesce(SUM(total), 0) FROM ("
        " SELECT SUM(t.amount_cents) AS total, "
        "  MAX(CASE WHEN coalesce(t.kind, 'order') = 'order' THEN 1 ELSE 0 END) AS ordered "
        " FROM trades t JOIN customers c ON c.id = t.customer_id "
        " WHERE c.status != 'archived' AND t.occurred_on <= :today "
        " GROUP BY t.customer_id) WHERE ordered = 1"), p).one()
    windows = conn.execute(text(
        "SELECT "
        " coalesce(SUM(CASE WHEN t.occurred_on > :a12 THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN t.occurred_on > :a12 THEN t.amount_cents ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN t.occurred_on <= :a12 THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN t.occurred_on <= :a12 THEN t.amount_cents ELSE 0 END), 0) "
        "FROM trades t JOIN customers c ON c.id = t.customer_id "
        "WHERE c.status != 'archived' AND coalesce(t.kind, 'order') = 'order' "
        "AND t.occurred_on > :a24 AND t.occurred_on <= :today"), p).one()
    return OrderFigures(int(lifetime[0]), int(lifetime[1]), int(windows[0]), int(windows[1]),
                        int(windows[2]), int(windows[3]))


def kpi_inputs(conn: Connection, today: date) -> KpiInputs:
    """Counts for the 12 months up to and including ``today``."""
    since = today - timedelta(days=WINDOW_DAYS)
    now = datetime.combine(today, time.max)
    p = {
        "since": since.isoformat(), "today": today.isoformat(),
        "since_dt": datetime.combine(since, time()).isoformat(sep=" "),
        "now": now.isoformat(sep=" "),
        "month": today.replace(day=1).isoformat(),
    }
    q = conn.execute
    tier_activity = {(r[0], r[1]): int(r[2]) for r in q(text(
        "SELECT coalesce(m.value_tier, 'C'), coalesce(m.activity, 'silent'), COUNT(*) "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
        "WHERE c.status != 'archived' GROUP BY 1, 2"))}
    # The recompute's orders_12m (the tiering window) rather than a scan of a year of
    # trades: the same figure the customer list shows, at a fraction of the cost.
    orders = q(text(
        "SELECT coalesce(SUM(CASE WHEN m.orders_12m >= 1 THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN m.orders_12m >= 2 THEN 1 ELSE 0 END), 0) "
        "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        "WHERE c.status != 'archived'")).one()
    new_month = q(text(
        "SELECT COUNT(*) FROM customers WHERE status != 'archived' AND "
        "coalesce(cooperation_start, date(created_at)) >= :month AND "
        "coalesce(cooperation_start, date(created_at)) <= :today"), p).scalar_one()
    surveys = q(text(
        "SELECT coalesce(SUM(csat), 0), COUNT(csat), "
        " coalesce(SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN nps BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END), 0) "
        "FROM survey_responses WHERE responded_on > :since AND responded_on <= :today"),
        p).one()
    complaints = q(text(
        "SELECT "
        " coalesce(SUM(CASE WHEN response_deadline IS NOT NULL AND responded_at IS NOT NULL "
        "   AND responded_at <= response_deadline THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN response_deadline IS NOT NULL AND ("
        "   (responded_at IS NOT NULL AND responded_at > response_deadline) OR "
        "   (responded_at IS NULL AND response_deadline < :now)) THEN 1 ELSE 0 END), 0), "
        " COUNT(*), "
        " coalesce(SUM(CASE WHEN status IN ('resolved', 'closed') THEN 1 ELSE 0 END), 0) "
        "FROM complaints WHERE received_at >= :since_dt AND received_at <= :now"), p).one()
    events = q(text(
        "SELECT coalesce(SUM(CASE WHEN a.invited THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN a.invited AND a.attended THEN 1 ELSE 0 END), 0) "
        "FROM event_attendance a JOIN events e ON e.id = a.event_id "
        "WHERE e.held_on > :since AND e.held_on <= :today"), p).one()
    book = order_figures(conn, today)
    return KpiInputs(
        tier_activity=tier_activity,
        customers_with_orders=int(orders[0]), customers_with_repeat_orders=int(orders[1]),
        new_customers_month=int(new_month),
        csat_sum=float(surveys[0]), csat_count=int(surveys[1]),
        nps_promoters=int(surveys[2]), nps_passives=int(surveys[3]),
        nps_detractors=int(surveys[4]),
        complaints_on_time=int(complaints[0]), complaints_late=int(complaints[1]),
        complaints_received=int(complaints[2]), complaints_resolved=int(complaints[3]),
        event_invited=int(events[0]), event_attended=int(events[1]),
        lifetime_customers=book.lifetime_customers,
        lifetime_revenue_cents=book.lifetime_revenue_cents,
        orders_window=book.orders_window,
        order_revenue_window_cents=book.order_revenue_window_cents,
        orders_prev_window=book.orders_prev_window,
        order_revenue_prev_window_cents=book.order_revenue_prev_window_cents,
    )


def kpi_report(conn: Connection, today: date) -> KpiReport:
    return compute_kpis(kpi_inputs(conn, today))
