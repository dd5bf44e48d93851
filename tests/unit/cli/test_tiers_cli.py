"""`kamdesk tiers`, and the method's own example (表1 客户分层信息表) end to end.

The seed table says, on 2024-03-20:
C001 A公司 制造业, 24 months, 150万 a year, last contact 2024-03-15 → 高价值/活跃;
C002 B公司 零售业, 6 months, 30万 a year, last contact 2023-12-20 → 中价值/沉默.
Three more customers (80万, 20万, 5万) make the head-count shares work as the method
states them: of five, the top 20 % is one customer (A), the middle 60 % three (B).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from sqlalchemy import text

from kamdesk.cli import main
import factories as customer_ops
import factories as people_ops
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import Transaction
from kamdesk.store.ops.interactions import log_contact

TODAY = date(2024, 3, 20)
NOW = datetime(2024, 3, 20, 9, 0)
WAN = 10_000 * 100  # one 万元 in fen

# code, name, industry, cooperation start, yearly contribution (万), trade days, last contact
SEED = [
    ("C001", "A公司", "制造业", date(2022, 3, 20), 150, ("2023-06-10", "2023-11-20", "2024-03-01"),
     datetime(2024, 3, 15, 10, 0), "*经理", None),
    ("C002", "B公司", "零售业", date(2023, 9, 20), 30, ("2023-10-10", "2023-12-20"),
     datetime(2023, 12, 20, 15, 0), "*总监", "1395678"),
    ("C003", "C公司", "物流运输", date(2021, 5, 1), 80, ("2023-08-01", "2024-02-01"),
     datetime(2024, 3, 1, 10, 0), "*总", None),
    ("C004", "D公司", "医药健康", date(2020, 1, 1), 20, ("2023-09-09", "2024-02-20"),
     datetime(2024, 2, 28, 10, 0), "*主任", None),
    ("C005", "E公司", "食品饮料", date(2019, 7, 1), 5, ("2024-01-15",),
     datetime(2024, 1, 20, 10, 0), "*经理", None),
]


def _seed(db) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.session() as s:
        for code, name, industry, start, wan, days, last, contact, phone in SEED:
            cid = customer_ops.create_customer(s, code=code, name=name, industry=industry,
                                               cooperation_start=start).id
            ids[code] = cid
            person = people_ops.create_person(s, cid, name=contact, mobile=phone,
                                              decision_role="decision_maker", is_primary=True)
            total = wan * WAN
            share = total // len(days)
            for i, day in enumerate(days):
                amount = share if i < len(days) - 1 else total - share * (len(days) - 1)
                s.add(Transaction(customer_id=cid, occurred_on=date.fromisoformat(day),
                                  amount_cents=amount))
            s.flush()
            log_contact(s, customer_id=cid, occurred_at=last, channel="visit", topic="季度回顾",
                        person_ids=[person.id], now=NOW)
        s.commit()
    return ids


def _tiers(db, code: str) -> tuple[str, str, int]:
    with db.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT m.value_tier, m.activity, m.revenue_12m_cents FROM customer_metrics m "
            "JOIN customers c ON c.id = m.customer_id WHERE c.code = :c"), {"c": code}).one()
    return row[0], row[1], int(row[2])


def test_the_methods_example_through_the_store(db):
    _seed(db)
    assert recompute_metrics(db, TODAY) == 5
    assert _tiers(db, "C001") == ("A", "active", 150 * WAN)
    assert _tiers(db, "C002") == ("B", "silent", 30 * WAN)
    assert [_tiers(db, c)[:2] for c in ("C003", "C004", "C005")] == [
        ("B", "active"), ("B", "active"), ("C", "active")]


def test_the_silent_customer_shows_up_to_win_back(db):
    from kamdesk.store.queries.today import silent_customers

    ids = _seed(db)
    recompute_metrics(db, TODAY)
    with db.engine.connect() as conn:
        listing = silent_customers(conn)
    assert [s.customer_id for s in listing.rows] == [ids["C002"]]
    row = listing.rows[0]
    assert (row.key_contact_name, row.key_contact_phone) == ("*总监", "1395678")


def test_tiers_command_prints_one_customer_per_line(db, capsys):
    from kamdesk.store.metrics import recompute_and_stamp

    _seed(db)
    recompute_and_stamp(db, TODAY)
    assert main(["--db", db.location, "tiers", "--today", TODAY.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # current figures: nothing recomputed
    lines = [line.split("\t") for line in out.splitlines()]
    assert [line[0] for line in lines] == ["C001", "C002", "C003", "C004", "C005"]
    c001, c002 = lines[0], lines[1]
    assert c001[:5] == ["C001", "A公司", "A", "active", "medium"]
    assert c002[:4] == ["C002", "B公司", "B", "silent"]
    assert c002[11] == "win_back"  # a silent customer's next touch is a win-back call
    assert all(len(line) == 14 for line in lines)  # … overdue_days, revenue_12m
    assert all(line[5] in "12345" and line[5] for line in lines)  # R scores 1..5


def test_tiers_csv_for_one_customer(db, capsys):
    _seed(db)
    recompute_metrics(db, TODAY)
    assert main(["--db", db.location, "tiers", "--customer", "C002", "--csv",
                 "--today", TODAY.isoformat()]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["code"], row["name"], row["value_tier"], row["activity"]) == (
        "C002", "B公司", "B", "silent")
    assert row["next_due"] and int(row["health"]) < 100


def test_stale_figures_are_recomputed_first(db, capsys):
    _seed(db)  # logged contacts only refreshed single rows; tiers were never ranked
    assert main(["--db", db.location, "tiers", "--today", TODAY.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert "recomputed figures for 5 customers" in err
    assert out.splitlines()[0].split("\t")[2:4] == ["A", "active"]
    # Current now: no second recompute, unless asked for.
    main(["--db", db.location, "tiers", "--today", TODAY.isoformat()])
    assert capsys.readouterr().err == ""
    main(["--db", db.location, "tiers", "--recompute", "--today", TODAY.isoformat()])
    assert "recomputed" in capsys.readouterr().err
    # A day later the figures are a day old again.
    main(["--db", db.location, "tiers", "--today", "2024-03-21"])
    assert "recomputed" in capsys.readouterr().err


def test_unknown_customer_is_an_error(db, capsys):
    _seed(db)
    assert main(["--db", db.location, "tiers", "--customer", "C999",
                 "--today", TODAY.isoformat()]) == 1
    assert "C999" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["tiers", "--today", "2024-13-01"]])
def test_bad_date_is_a_usage_error(db, argv):
    with pytest.raises(SystemExit) as exc:
        main(["--db", db.location, *argv])
    assert exc.value.code == 2


def test_tiers_print_revenue_12m_in_yuan(db, capsys):
    from kamdesk.store.metrics import recompute_and_stamp

    _seed(db)
    recompute_and_stamp(db, TODAY)
    assert main(["--db", db.location, "tiers", "--csv", "--today", TODAY.isoformat()]) == 0
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["C001"]["revenue_12m"] == "1500000.00"
    assert rows["C005"]["revenue_12m"] == "50000.00"


def test_tiers_as_of_a_past_day_compute_without_storing(db, capsys):
    from kamdesk.store.metrics import recompute_and_stamp

    _seed(db)
    recompute_and_stamp(db, TODAY)
    before = [_tiers(db, c) for c in ("C001", "C002", "C003", "C004", "C005")]
    # On 2023-09-01 only the trades before it counted: C003 (2023-08-01) and C001
    # (2023-06-10) had bought, C002 had not started yet.
    assert main(["--db", db.location, "tiers", "--csv", "--as-of", "2023-09-01",
                 "--today", TODAY.isoformat()]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["C001"]["revenue_12m"] == f"{150 * WAN // 3 / 100:.2f}"
    assert rows["C003"]["revenue_12m"] == "400000.00"
    assert rows["C002"]["revenue_12m"] == "0.00" and rows["C002"]["r"] == ""
    assert [_tiers(db, c) for c in ("C001", "C002", "C003", "C004", "C005")] == before
    # Today's answer, computed in memory, agrees with the stored figures.
    main(["--db", db.location, "tiers", "--csv", "--as-of", TODAY.isoformat()])
    as_of_today = {r["code"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    main(["--db", db.location, "tiers", "--csv", "--today", TODAY.isoformat()])
    stored = {r["code"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert as_of_today == stored


def test_orders_command(db, capsys):
    from kamdesk.store.ops.orders import add_order

    ids = _seed(db)
    db.write(add_order, customer_id=ids["C002"], occurred_on=date(2024, 3, 1),
             amount_cents=1234_50, kind="return", product_line="冷链", quantity=2,
             invoice_no="HZ-7", today=TODAY)
    assert main(["--db", db.location, "orders", "c002"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == ["2024-03-01", "return", "冷链", "2", "-1234.50", "HZ-7", ""]
    assert lines[1] == ["2023-12-20", "order", "", "", "150000.00", "", ""]
    assert len(lines) == 3
    assert main(["--db", db.location, "orders", "C002", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["date", "kind", "product_line", "quantity", "amount",
                             "invoice_no", "contract"]
    assert rows[2]["amount"] == "150000.00"
    assert main(["--db", db.location, "orders", "C999"]) == 1
    assert "C999" in capsys.readouterr().err
