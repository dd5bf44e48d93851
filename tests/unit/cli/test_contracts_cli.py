"""`kamdesk contracts`: contracts the user entered, by customer and by end date."""

from __future__ import annotations

import argparse
from datetime import date, datetime

import pytest

from kamdesk.cli import main
from kamdesk.cli.contracts import span_days, yuan
from kamdesk.store.ops.contracts import create_contract, move_contract
from kamdesk.store.ops.customers import create_customer

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10)


def test_span_and_money_words():
    assert [span_days(t) for t in ("90d", "90", "12w", "3m", "1y")] == [90, 90, 84, 90, 365]
    with pytest.raises(argparse.ArgumentTypeError):
        span_days("soon")
    assert (yuan(123_456), yuan(5), yuan(None), yuan(-250)) == ("1234.56", "0.05", "", "-2.50")


@pytest.fixture
def book(db):
    a = db.write(create_customer, name="远航物流", code="C001").value
    b = db.write(create_customer, name="华为技术", code="C002").value
    for cid, number, end, status in ((a, "HT-1", date(2027, 1, 20), "active"),
                                     (a, "HT-2", date(2027, 9, 1), "active"),
                                     (b, "HT-3", date(2027, 1, 10), "draft")):
        kid = db.write(create_contract, cid, number=number, title=f"合同 {number}",
                       start_on=date(2026, 1, 1), end_on=end, value_cents=1_234_567_89,
                       status="signed" if status == "active" else status, today=TODAY,
                       now=NOW).value
        if status == "active":
            db.write(move_contract, kid, "active", TODAY, today=TODAY, now=NOW)
    return db


def test_all_one_customer_and_expiring(book, capsys):
    assert main(["--db", book.location, "contracts", "--today", "2026-11-23"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == ["HT-3", "HT-1", "HT-2"]
    assert lines[1].split("\t") == ["HT-1", "C001", "合同 HT-1", "active", "2026-01-01",
                                    "2027-01-20", "1234567.89", "58"]
    assert main(["--db", book.location, "contracts", "C001", "--today", "2026-11-23"]) == 0
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == ["HT-1", "HT-2"]
    # the draft ends sooner but binds nobody: only live contracts are "expiring"
    assert main(["--db", book.location, "contracts", "--expiring", "90d",
                 "--today", "2026-11-23"]) == 0
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == ["HT-1"]
    assert main(["--db", book.location, "contracts", "--csv", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "number,customer,title,status,start,end,value_yuan,days_to_end")


def test_unknown_customer_is_an_error(book, capsys):
    assert main(["--db", book.location, "contracts", "C999"]) == 1
    assert "C999" in capsys.readouterr().err
