"""The KPIs that need orders: lifetime value, average order value (客单价) and its growth.

The figures are the worked example of docs/kpis.md, computed by hand:
X ordered ¥100.00 in the previous year, ¥300.00 this year and returned ¥50.00;
Y ordered ¥200.00 this year. LTV = (350 + 200) / 2 = ¥275.00; AOV = (300 + 200) / 2 =
¥250.00; AOV the year before = ¥100.00; growth = +150.0 %.
"""

from __future__ import annotations

from datetime import date

import factories as customer_ops
from kamdesk.domain.kpis import KpiInputs, compute_kpis, fen_mean, growth
from kamdesk.store.models import Transaction

TODAY = date(2026, 11, 23)


def test_fen_mean_rounds_halves_away_from_zero_in_whole_fen():
    assert fen_mean(1, 2) == 1 and fen_mean(-1, 2) == -1
    assert fen_mean(10, 3) == 3 and fen_mean(11, 3) == 4
    assert fen_mean(0, 5) == 0 and fen_mean(5, 0) is None
    assert fen_mean(10**15 + 1, 2) == 5 * 10**14 + 1  # no float drift on big books


def test_growth_against_the_previous_period():
    assert growth(250_00, 100_00) == 150.0
    assert growth(90, 100) == -10.0
    assert growth(1, 3) == -66.7
    assert growth(100, None) is None and growth(None, 100) is None
    assert growth(100, 0) is None


def test_compute_order_kpis_from_hand_counted_inputs():
    k = compute_kpis(KpiInputs(
        lifetime_customers=2, lifetime_revenue_cents=550_00,
        orders_window=2, order_revenue_window_cents=500_00,
        orders_prev_window=1, order_revenue_prev_window_cents=100_00))
    assert (k.ltv_cents, k.ltv_customers) == (275_00, 2)
    assert (k.aov_cents, k.aov_orders) == (250_00, 2)
    assert (k.aov_prev_cents, k.aov_prev_orders) == (100_00, 1)
    assert k.aov_growth == 150.0


def test_no_orders_means_no_data_not_zero():
    k = compute_kpis(KpiInputs())
    assert k.ltv_cents is None and k.aov_cents is None and k.aov_growth is None
    k = compute_kpis(KpiInputs(orders_window=4, order_revenue_window_cents=400_00))
    assert k.aov_cents == 100_00 and k.aov_prev_cents is None and k.aov_growth is None


def _book(db) -> None:
    with db.session() as s:
        x = customer_ops.create_customer(s, name="X公司")
        y = customer_ops.create_customer(s, name="Y公司")
        gone = customer_ops.create_customer(s, name="Z公司", status="archived")
        s.add_all([
            Transaction(customer_id=x.id, occurred_on=date(2024, 12, 1), amount_cents=100_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 5, 1), amount_cents=300_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 6, 1), amount_cents=-50_00,
                        kind="return"),
            Transaction(customer_id=y.id, occurred_on=date(2026, 10, 1), amount_cents=200_00),
            # after the review day, and an archived customer's: neither counts
            Transaction(customer_id=y.id, occurred_on=date(2026, 12, 1), amount_cents=999_00),
            Transaction(customer_id=gone.id, occurred_on=date(2026, 10, 1),
                        amount_cents=777_00),
            # two years and a day back: in the lifetime, in neither AOV window
            Transaction(customer_id=y.id, occurred_on=date(2024, 11, 23), amount_cents=0),
        ])
        s.commit()


def test_order_kpis_from_the_book(db):
    from kamdesk.store.queries.kpis import kpi_report, order_figures

    _book(db)
    f = db.read(order_figures, TODAY)
    assert (f.lifetime_customers, f.lifetime_revenue_cents) == (2, 550_00)
    assert (f.orders_window, f.order_revenue_window_cents) == (2, 500_00)
    assert (f.orders_prev_window, f.order_revenue_prev_window_cents) == (1, 100_00)
    k = db.read(kpi_report, TODAY)
    assert (k.ltv_cents, k.aov_cents, k.aov_prev_cents, k.aov_growth) == \
        (275_00, 250_00, 100_00, 150.0)
