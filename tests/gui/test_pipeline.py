from datetime import datetime

import factories as customer_ops
from kamdesk.store.ops.opportunities import create_opportunity
from kamdesk.store.models import Customer, Opportunity
from kamdesk.ui.pipeline.screen import PipelineScreen


def _deal(ctx, stage="lead"):
    with ctx.db.session() as s:
        c = customer_ops.create_customer(s, name="星辰物流", status="prospect")
        s.commit()
        cid = c.id
    oid = ctx.db.write(create_opportunity, cid, datetime(2026, 11, 1), stage=stage,
                       title="仓储系统", expected_value_cents=50_000_000).value
    return cid, oid


def test_cards_by_stage_and_advance(qtbot, ctx):
    cid, oid = _deal(ctx)
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.columns["lead"].count() == 1
    assert "星辰物流" in screen.columns["lead"].card(0).text()
    screen.select_card(oid)
    screen.advance_selected()
    assert screen.columns["lead"].count() == 0 and screen.columns["first_contact"].count() == 1
    with ctx.db.session() as s:
        opp = s.get(Opportunity, oid)
        assert [(h.from_stage, h.to_stage) for h in opp.stage_history] == [
            (None, "lead"), ("lead", "first_contact")]


def test_winning_activates_prospect(qtbot, ctx):
    cid, oid = _deal(ctx, stage="trial")
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    screen.move(oid, "won")
    assert screen.columns["won"].count() == 1
    with ctx.db.session() as s:
        customer = s.get(Customer, cid)
        assert customer.status == "active" and customer.cooperation_start is not None


def test_weighted_header(qtbot, ctx):
    _deal(ctx, stage="demo")  # 500,000 at 40 %
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    assert "200,000" in screen.headers["demo"].text()
