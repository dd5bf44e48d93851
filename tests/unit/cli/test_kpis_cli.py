"""`kamdesk kpis`: every KPI of the monthly review, headless, as of a day."""

from __future__ import annotations

import csv
import io
from datetime import date

from sqlalchemy import text

import factories as customer_ops
from kamdesk.cli import COMMANDS, main
from kamdesk.cli.kpis import kpi_rows, yuan
from kamdesk.domain.kpis import KpiInputs, compute_kpis
from kamdesk.store.models import Transaction

AS_OF = date(2026, 11, 23)


def _book(db) -> None:
    # docs/kpis.md's worked example: LTV ¥275.00, AOV ¥250.00 against ¥100.00, +150 %
    with db.session() as s:
        x = customer_ops.create_customer(s, name="X公司")
        y = customer_ops.create_customer(s, name="Y公司")
        s.add_all([
            Transaction(customer_id=x.id, occurred_on=date(2024, 12, 1), amount_cents=100_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 5, 1), amount_cents=300_00),
            Transaction(customer_id=x.id, occurred_on=date(2026, 6, 1), amount_cents=-50_00,
                        kind="return"),
            Transaction(customer_id=y.id, occurred_on=date(2026, 10, 1), amount_cents=200_00),
        ])
        s.commit()


def test_kpis_is_a_registered_command():
    assert "kpis" in [c.name for c in COMMANDS]


def test_yuan_is_exact():
    assert yuan(275_00) == "275.00" and yuan(-5) == "-0.05" and yuan(None) == ""
    assert yuan(123_456_789_01) == "123456789.01"


def test_every_kpi_has_a_line():
    names = [r[0] for r in kpi_rows(compute_kpis(KpiInputs()))]
    for kpi in ("customers", "churn_rate", "repurchase_rate", "new_customers_month", "csat_avg",
                "nps", "response_timeliness", "resolution_rate", "participation_rate", "ltv",
                "aov", "aov_previous", "aov_growth", "tier_A", "activity_churned",
                "tier_B_silent"):
        assert kpi in names
    assert len(names) == len(set(names))


def test_kpis_as_of_a_day_prints_the_order_kpis_and_stores_nothing(db, capsys):
    _book(db)
    assert main(["--db", db.location, "kpis", "--as-of", AS_OF.isoformat()]) == 0
    out = capsys.readouterr().out
    got = {line.split("\t")[0]: line.split("\t")[1:] for line in out.splitlines()}
    assert got["ltv"] == ["275.00", "yuan", "2"]
    assert got["aov"] == ["250.00", "yuan", "2"]
    assert got["aov_previous"] == ["100.00", "yuan", "1"]
    assert got["aov_growth"] == ["150.0", "percent", ""]
    assert got["customers"] == ["2", "count", ""]
    # tiers were recomputed for that day, in a transaction rolled back
    assert sum(int(got[f"tier_{t}"][0]) for t in "ABC") == 2
    assert got["csat_avg"] == ["", "score_1_5", "0"]  # no survey: no data, not 0
    with db.engine.connect() as conn:
        assert conn.execute(text(
            "SELECT COUNT(*) FROM customer_metrics WHERE value_tier IS NOT NULL "
            "AND revenue_12m_cents > 0")).scalar_one() == 0


def test_kpis_csv(db, capsys):
    _book(db)
    assert main(["--db", db.location, "kpis", "--as-of", AS_OF.isoformat(), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["kpi", "value", "unit", "basis"]
    by_kpi = {r["kpi"]: r for r in rows}
    assert by_kpi["ltv"]["value"] == "275.00"
    assert by_kpi["aov_growth"]["value"] == "150.0"


def test_kpis_for_a_period_print_target_previous_and_change(db, capsys):
    _book(db)
    assert main(["--db", db.location, "kpis", "--set-target", "aov", "300"]) == 0
    assert capsys.readouterr().out == "aov\t300.00\n"
    assert main(["--db", db.location, "kpis", "--period", "2026-Q4", "--as-of",
                 AS_OF.isoformat()]) == 0
    got = {line.split("\t")[0]: line.split("\t")[1:] for line in
           capsys.readouterr().out.splitlines()}
    from kamdesk.domain.review_kpis import KPI_CODES

    assert list(got) == list(KPI_CODES)
    # Y's October order in Q4, X's May order in Q2 → Q3 had none
    assert got["aov"] == ["200.00", "yuan", "1", "300.00", "", ""]
    assert got["ltv"] == ["275.00", "yuan", "2", "", "350.00", "-75.00"]
    assert got["csat_avg"] == ["", "score_1_5", "0", "", "", ""]


def test_kpis_period_csv_and_month(db, capsys):
    _book(db)
    assert main(["--db", db.location, "kpis", "--period", "2026-10", "--as-of",
                 AS_OF.isoformat(), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["kpi", "value", "unit", "basis", "target", "previous", "change"]
    by_kpi = {r["kpi"]: r for r in rows}
    assert by_kpi["new_customers"]["value"] == "1"  # Y: no start date, first order in October
    assert by_kpi["aov"]["value"] == "200.00"


def test_kpis_bad_period_and_target(db, capsys):
    assert main(["--db", db.location, "kpis", "--period", "2026-Q7"]) == 2
    assert "invalid_period" in capsys.readouterr().err
    assert main(["--db", db.location, "kpis", "--set-target", "nps", "200"]) == 1
    assert "out_of_range" in capsys.readouterr().err
    assert main(["--db", db.location, "kpis", "--set-target", "bogus", "1"]) == 2
    assert main(["--db", db.location, "kpis", "--set-target", "nps", "none"]) == 0
    assert capsys.readouterr().out.endswith("nps\tnone\n")


def test_kpis_pdf_writes_the_review_and_keeps_stdout_parseable(db, capsys, tmp_path):
    _book(db)
    out = tmp_path / "review.pdf"
    assert main(["--db", db.location, "--lang", "zh_CN", "kpis", "--as-of", AS_OF.isoformat(),
                 "--pdf", str(out)]) == 0
    captured = capsys.readouterr()
    assert out.stat().st_size > 1000 and out.read_bytes().startswith(b"%PDF")
    lines = [line.split("\t") for line in captured.out.splitlines()]
    assert [line[0] for line in lines][:2] == ["csat_avg", "nps"]
    assert all(len(line) == 7 for line in lines)
    assert "2026-11" in captured.err and str(out) in captured.err


def test_kpis_pdf_with_a_bad_period_or_folder_says_so(db, capsys, tmp_path):
    assert main(["--db", db.location, "kpis", "--period", "2026-Q5", "--pdf",
                 str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert "2026-Q5" in err and "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()
    assert main(["--db", db.location, "kpis", "--period", "2026-11", "--pdf",
                 str(tmp_path / "missing" / "r.pdf")]) == 2
    assert "no such folder" in capsys.readouterr().err
