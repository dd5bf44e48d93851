"""The words around the review's KPIs cover every KPI and every drill-down standing."""

from __future__ import annotations

import re

from kamdesk.domain.kpi_texts import (
    DRILL_WHAT,
    KPI_BASIS,
    KPI_GROUPS,
    KPI_TEXTS,
    basis_text,
    drill_value_header,
    drill_what,
    group_name,
    kpi_definition_text,
)
from kamdesk.domain.review_kpis import KPI_CODES, KPI_DEFINITIONS
from kamdesk.store.queries.kpi_drill_down import DrillRow


def test_groups_hold_every_kpi_once_in_order():
    assert tuple(c for g in KPI_GROUPS for c in g[3]) == KPI_CODES


def test_every_kpi_has_a_definition_in_both_languages():
    assert set(KPI_TEXTS) == set(KPI_CODES)
    for code in KPI_CODES:
        en, zh = KPI_TEXTS[code]
        assert en and zh and en != zh
        assert kpi_definition_text(code, "en") == en
        assert kpi_definition_text(code, "zh_CN") == zh


def test_every_rate_and_average_names_its_basis():
    counted = {d.code for d in KPI_DEFINITIONS if d.unit != "count"}
    assert set(KPI_BASIS) == counted
    assert basis_text("nps", 12, "en") == "12 answers"
    assert basis_text("nps", 12, "zh_CN") == "12份答卷"
    assert basis_text("new_customers", None, "en") == ""


def test_every_drill_down_standing_has_words():
    # every standing the drill-down documents (DrillRow's docstring) is worded
    documented = set(re.findall(r"``([a-z_]+)``", DrillRow.__doc__ or ""))
    standings = documented - {"what", "value", "on", "ref_table", "ref_id"}
    assert {"detractor", "late", "churned", "behind", "absent", "unresolved",
            "first_time"} <= standings
    assert standings <= set(DRILL_WHAT)
    assert drill_what("detractor", "zh_CN") == "贬损者"
    assert drill_what("late", "en") == "Late"
    assert drill_what("mystery", "en") == "mystery"
    assert group_name("money", "zh_CN") == "金额"
    assert drill_value_header("a_on_cadence", "en") == "Contacts in the period"
    assert drill_value_header("churn_rate", "en") == ""
