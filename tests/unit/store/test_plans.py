"""Account plans in the store: periods, pre-fill from data, versioning, rows, tasks."""

from datetime import date, datetime, timedelta

import pytest

import factories as customer_ops
import factories as people_ops
from kamdesk.domain.plan_periods import next_period, period_bounds, period_key, suggest_period
from kamdesk.domain.plan_text import coverage_gap, split_lines, suggest_strategies
from kamdesk.domain.plans import ActionItem, ObjectiveItem
from kamdesk.store.ops import plans as ops
from kamdesk.store.queries import plans as Q
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders
from kamdesk.store.errors import ValidationError
from kamdesk.domain.task_titles import render_notes
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.models import (
    AccountPlan, Complaint, Contract, PlanAction, PlanObjective, PlanRisk, Task, Transaction,
)

NOW = datetime(2026, 11, 23, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def account(db):
    """A high-exposure customer: one contact person only, an expiring contract, an
    overdue complaint, orders above the credit limit."""
    with db.session() as s:
        c = customer_ops.create_customer(
            s, name="华东精工机械", owner="王磊", industry="制造业",
            cooperation_start=date(2021, 5, 1), credit_limit_cents=100_000_00,
            explicit_needs="交付稳定；备件快速响应", latent_needs="数字化转型",
            share_of_wallet_pct=35)
        buyer = people_ops.create_person(s, c.id, name="刘海燕", decision_role="economic_buyer",
                                         attitude="supporter", relationship_strength=5)
        boss = people_ops.create_person(s, c.id, name="陈建国", decision_role="decision_maker",
                                        attitude="neutral")
        log_contact(s, customer_id=c.id, occurred_at=NOW - timedelta(days=5), channel="visit",
                    topic="季度回顾", person_ids=[buyer.id], now=NOW)
        for d, amount in ((date(2025, 3, 1), 500_000_00), (date(2026, 10, 1), 150_000_00),
                          (date(2026, 11, 1), 50_000_00)):
            s.add(Transaction(customer_id=c.id, occurred_on=d, amount_cents=amount))
        s.add(Contract(customer_id=c.id, number="HT-9", title="年度框架协议",
                       start_on=date(2026, 1, 1), end_on=TODAY + timedelta(days=40),
                       status="active"))
        s.add(Complaint(customer_id=c.id, received_at=NOW - timedelta(days=3),
                        response_deadline=NOW - timedelta(days=2), description="交货延迟",
                        category="交付", status="open"))
        s.commit()
        ids = {"customer": c.id, "buyer": buyer.id, "boss": boss.id}
    recompute_metrics(db, TODAY)
    return ids


def _create(db, customer_id, period="2027", lang="en"):
    with db.session() as s:
        plan_id = ops.create_plan(s, customer_id, period, "王磊", TODAY, lang).value
        s.commit()
        return plan_id


# -- periods ------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("2027", "2027"), (" 2027-h1 ", "2027-H1"), ("2027-Q4", "2027-Q4"), ("2027_q2", "2027-Q2"),
    ("2027/H2", "2027-H2"),
])
def test_period_formats_accepted(text, expected):
    assert ops.normalize_period(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "required"), ("27", "invalid_period"), ("2027-H3", "invalid_period"),
    ("2027-Q5", "invalid_period"), ("2027上半年", "invalid_period"), ("1800", "out_of_range"),
])
def test_period_formats_refused(text, code):
    with pytest.raises(ValidationError) as e:
        ops.normalize_period(text)
    assert (e.value.field, e.value.code) == ("period", code)


def test_period_bounds_next_and_order():
    assert period_bounds("2027") == (date(2027, 1, 1), date(2027, 12, 31))
    assert period_bounds("2027-H2") == (date(2027, 7, 1), date(2027, 12, 31))
    assert period_bounds("2027-Q1") == (date(2027, 1, 1), date(2027, 3, 31))
    assert period_bounds("2028-Q1") == (date(2028, 1, 1), date(2028, 3, 31))
    assert [next_period(p) for p in ("2027", "2027-H1", "2027-H2", "2027-Q3", "2027-Q4")] == \
        ["2028", "2027-H2", "2028-H1", "2027-Q4", "2028-Q1"]
    ordered = sorted(["2027-Q4", "2026", "2027-H1", "2027"], key=period_key)
    assert ordered == ["2026", "2027-H1", "2027", "2027-Q4"]
    assert suggest_period([], date(2026, 5, 1)) == "2026"
    assert suggest_period([], date(2026, 11, 1)) == "2027"  # Q4 plans next year
    assert suggest_period(["2026", "2027"], TODAY) == "2028"


def test_split_lines_drops_typed_bullets():
    assert split_lines("- one\n\n• two\n3. three\n  four  ") == ("one", "two", "three", "four")


# -- create: pre-filled from the data ------------------------------------------------


def test_create_plan_prefills_from_data(db, account):
    plan_id = _create(db, account["customer"], "2027", "en")
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
        facts = plan_facts(conn, account["customer"], TODAY)
    assert d.period == "2027" and d.status == "draft" and d.owner == "王磊"
    # strategies: the method's points for the customer's tier and activity
    expected = suggest_strategies(facts.value_tier, facts.activity, "en")
    assert split_lines(d.strategies) == expected and expected
    # situation summary in words, with the figures
    assert "华东精工机械" in d.situation_summary and "interactions" in d.situation_summary
    # objectives: revenue with today's baseline, due at the end of the period
    assert d.objectives[0].metric == "Revenue"
    assert d.objectives[0].due == date(2027, 12, 31)
    assert any(o.metric == "Share of wallet" and o.baseline == "35%" for o in d.objectives)
    # risks suggested from the data
    kinds = {r.kind for r in d.risks}
    assert {"credit", "contract", "single_contact"} <= kinds, d.risks
    assert any("HT-9" in r.risk for r in d.risks)
    assert any("past their response deadline" in r.risk for r in d.risks)
    assert all(r.mitigation for r in d.risks)
    # SWOT and needs
    assert "交付稳定" in d.swot_opportunities and "数字化转型" in d.swot_opportunities


def test_create_plan_in_chinese(db, account):
    plan_id = _create(db, account["customer"], "2027-H1", "zh_CN")
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
    assert "客户" in d.situation_summary and "近 12 个月营收" in d.situation_summary
    assert d.objectives[0].metric == "营收" and d.objectives[0].due == date(2027, 6, 30)
    assert any("信用" in r.risk for r in d.risks)


def test_existing_period_is_refused_not_overwritten(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.session() as s:
        ops.update_plan(s, plan_id, situation_summary="mine")
        s.commit()
    with db.session() as s, pytest.raises(ValidationError) as e:
        ops.create_plan(s, account["customer"], " 2027 ", None, TODAY)
    assert (e.value.field, e.value.code, e.value.detail) == ("period", "duplicate", "2027")
    with db.engine.connect() as conn:
        assert Q.plan_detail(conn, plan_id).situation_summary == "mine"
        assert len(Q.plan_periods(conn, account["customer"])) == 1


def test_unknown_customer_refused(db):
    with db.session() as s, pytest.raises(ValidationError) as e:
        ops.create_plan(s, 999, "2027", None, TODAY)
    assert e.value.field == "customer"


def test_draft_detail_writes_nothing(db, account):
    with db.engine.connect() as conn:
        d = Q.draft_detail(conn, account["customer"], "2026", TODAY, "en")
        assert d.id == 0 and d.period == "2026" and d.objectives and d.risks
        assert Q.plan_periods(conn, account["customer"]) == []


# -- copy -------------------------------------------------------------------------------


def test_copy_plan_carries_texts_objectives_open_actions(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.session() as s:
        ops.update_plan(s, plan_id, strengths="长期合作", resources_needed="工程师 2 人天")
        ops.add_objective(s, plan_id, "CSAT", "4.1", "4.5", date(2027, 6, 30), "achieved")
        done_id = ops.add_action(s, plan_id, "已完成的事", status="done").value
        open_id = ops.add_action(s, plan_id, "高层互访", owner="王磊", due=date(2027, 3, 1)).value
        ops.action_to_task(s, open_id, NOW)
        s.commit()
    with db.session() as s:
        new_id = ops.copy_plan(s, plan_id, "2028").value
        s.commit()
    with db.engine.connect() as conn:
        old = Q.plan_detail(conn, plan_id)
        d = Q.plan_detail(conn, new_id)
    assert d.period == "2028" and d.status == "draft"
    assert d.strengths == "长期合作" and d.resources_needed == "工程师 2 人天"
    assert [o.metric for o in d.objectives] == [o.metric for o in old.objectives]
    assert all(o.status == "open" for o in d.objectives)
    assert [a.action for a in d.actions] == ["高层互访"]
    assert d.actions[0].task_id == old.actions[1].task_id is not None
    assert len(d.risks) == len(old.risks)
    # the old period is untouched
    assert any(a.id == done_id for a in old.actions)
    with db.session() as s, pytest.raises(ValidationError) as e:
        ops.copy_plan(s, plan_id, "2028")
    assert e.value.code == "duplicate"


# -- rows ----------------------------------------------------------------------------------


def test_objective_action_risk_add_edit_delete_reorder(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.session() as s:
        before = len(s.get(AccountPlan, plan_id).objectives)
        o = s.get(PlanObjective,
                  ops.add_objective(s, plan_id, "  New lines  ", "0", "3", date(2027, 9, 30)).value)
        assert o.metric == "New lines" and o.position == before
        ops.update_objective(s, o.id, target="4", status="on_track")
        with pytest.raises(ValidationError) as e:
            ops.update_objective(s, o.id, metric=" ")
        assert e.value.field == "metric"
        with pytest.raises(ValidationError):
            ops.update_objective(s, o.id, status="nonsense")
        ops.move_objective(s, o.id, -100)
        a1 = s.get(PlanAction, ops.add_action(s, plan_id, "first").value)
        a2 = s.get(PlanAction, ops.add_action(s, plan_id, "second", due=date(2027, 1, 10)).value)
        ops.move_action(s, a2.id, -1)
        ops.update_action(s, a1.id, status="in_progress", owner="李工")
        with pytest.raises(ValidationError):
            ops.add_action(s, plan_id, "x", status="finished")
        r = s.get(PlanRisk,
                  ops.add_risk(s, plan_id, "price war", "market", "high", "value, not price").value)
        with pytest.raises(ValidationError):
            ops.update_risk(s, r.id, kind="weather")
        ops.delete_risk(s, r.id)
        s.commit()
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
    assert d.objectives[0].metric == "New lines" and d.objectives[0].target == "4"
    assert d.objectives[0].status == "on_track"
    assert [a.action for a in d.actions] == ["second", "first"]
    assert d.actions[1].owner == "李工" and d.actions[1].status == "in_progress"
    assert all(r.risk != "price war" for r in d.risks)


def test_save_plan_syncs_rows_and_reports_the_bad_row(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
    objectives = [d.objectives[0], ObjectiveItem(None, "Visits", "2", "6", date(2027, 12, 1))]
    actions = [ActionItem(None, f"action {i}", "me", None, "open") for i in range(3)]
    with db.session() as s:
        ops.save_plan(s, plan_id, {"owner": "新经理", "status": "final", "threats": "价格战"},
                    objectives, actions, [], now=NOW)
        s.commit()
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
    assert d.owner == "新经理" and d.status == "final" and d.threats == "价格战"
    assert [o.metric for o in d.objectives][1] == "Visits" and len(d.objectives) == 2
    assert [a.action for a in d.actions] == ["action 0", "action 1", "action 2"]
    assert d.risks == ()
    bad = list(d.actions) + [ActionItem(None, "   ")]
    with db.session() as s, pytest.raises(ValidationError) as e:
        ops.save_plan(s, plan_id, {}, d.objectives, bad, [])
    assert (e.value.field, e.value.code, e.value.detail) == ("action", "required", "actions:4")
    with db.session() as s, pytest.raises(ValidationError) as e:
        ops.save_plan(s, plan_id, {"status": "published"}, d.objectives, d.actions, [])
    assert e.value.field == "status"


def test_action_to_task_is_a_linked_reminder_made_once(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.session() as s:
        a = s.get(PlanAction, ops.add_action(s, plan_id, "Executive visit", owner="王磊",
                                             due=date(2026, 12, 10)).value)
        b = s.get(PlanAction, ops.add_action(s, plan_id, "Send the case study").value)
        t1 = s.get(Task, ops.action_to_task(s, a.id, NOW, "en").value.task_id)
        t2 = s.get(Task, ops.action_to_task(s, a.id, NOW, "en").value.task_id)
        tb = s.get(Task, ops.action_to_task(s, b.id, NOW, "zh_CN").value.task_id)
        s.commit()
        assert t1.id == t2.id
        assert t1.source == "plan" and t1.customer_id == account["customer"]
        assert t1.due_at == datetime(2026, 12, 10, 18) and t1.remind_at == datetime(2026, 12, 9, 9)
        assert t1.owner == "王磊" and t1.notes is None   # the plan note is rendered:
        assert render_notes(t1.title_code, t1.title_params, "zh_CN") == "客户经营计划 2027"
        assert render_notes(t1.title_code, t1.title_params, "en") == "Account plan 2027"
        assert tb.due_at is None and tb.remind_at == datetime(2026, 11, 24, 9)
        assert s.get(PlanAction, a.id).task_id == t1.id
        assert s.get(PlanAction, a.id).status == "in_progress"
        action_id, task_id = a.id, t1.id
    with db.engine.connect() as conn:
        d = Q.plan_detail(conn, plan_id)
    done = [ActionItem(x.id, x.action, x.owner, x.due,
                         "done" if x.id == action_id else x.status) for x in d.actions]
    with db.session() as s:
        ops.save_plan(s, plan_id, {}, d.objectives, done, d.risks, now=NOW)
        s.commit()
        assert s.get(Task, task_id).done_at == NOW  # ticking the action closes its task


def test_delete_plan_takes_its_rows(db, account):
    plan_id = _create(db, account["customer"], "2027")
    with db.session() as s:
        ops.delete_plan(s, plan_id)
        s.commit()
        assert s.query(PlanObjective).count() == 0 and s.query(PlanRisk).count() == 0


# -- reads ----------------------------------------------------------------------------------


def test_stakeholders_gaps(db, account):
    with db.engine.connect() as conn:
        people = stakeholders(conn, account["customer"], TODAY, "en")
    assert [p.name for p in people] == ["陈建国", "刘海燕"]  # decision maker first
    boss, buyer = people
    assert boss.gap == "decision maker never contacted" and boss.influence == "high"
    assert buyer.gap is None and buyer.last_contact == TODAY - timedelta(days=5)
    late = coverage_gap("decision_maker", "opponent", 3, TODAY - timedelta(days=70), TODAY, "en")
    assert late == "no contact with the decision maker in 70 days; " \
                   "opposed: plan how to answer their concerns"
    assert coverage_gap("user", "neutral", 3, TODAY - timedelta(days=100), TODAY, "en") is None
    zh = coverage_gap("decision_maker", "neutral", 3, None, TODAY, "zh_CN")
    assert zh == "从未与该决策者接触"


def test_list_plans_filters_and_orders(demo_db):
    with demo_db.session() as s:
        ops.create_plan(s, 1, "2026-H2", None, TODAY)
        ops.create_plan(s, 1, "2027", None, TODAY)
        s.commit()
    with demo_db.engine.connect() as conn:
        everything = Q.list_plans(conn)
        mine = Q.list_plans(conn, customer_id=1)
        tier_a = Q.list_plans(conn, value_tier="A")
        found = Q.list_plans(conn, search="C001")
        assert Q.latest_plan_id(conn, 1) == mine[0].id
    assert [p.period for p in mine] == ["2027", "2026-H2"]
    assert len(everything) == 7  # the demo's five and ours
    assert tier_a and all(p.value_tier == "A" for p in tier_a)
    assert {p.customer_code for p in found} >= {"C001"}
    row = next(p for p in everything if p.customer_id != 1)
    assert row.objectives == 3 and row.actions >= 4 and row.open_actions == row.actions


def test_find_customers_and_by_code(demo_db):
    # the plan screens and the CLI pick customers through the one picker query
    from kamdesk.store.queries.customers import customer_by_code, pick_customer, pick_customers

    with demo_db.engine.connect() as conn:
        assert customer_by_code(conn, "c002").id == 2
        assert customer_by_code(conn, "nope") is None
        assert pick_customer(conn, 2).code == "C002"
        found = [c.code for c in pick_customers(conn, "C00", limit=3)]
        assert len(found) == 3 and all(code.startswith("C00") for code in found)
