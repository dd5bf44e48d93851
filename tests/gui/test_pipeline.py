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


# -- issue #12 item 4: follow-through ------------------------------------------------------
def _popup_ids(service):
    popup = service.notifier.popup
    return [r.task_id for r in popup.rows] if popup.isVisible() else []


def test_passing_the_stage_target_date_fires_a_reminder_and_flags_the_card(
        qtbot, ctx, make_window):
    from datetime import timedelta

    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from kamdesk.store.models import Task
    from kamdesk.ui.pipeline.dialog import OpportunityDialog
    from kamdesk.ui.reminders import install_reminders

    with ctx.db.session() as s:
        cid = customer_ops.create_customer(s, name="星辰物流", status="prospect").id
        s.commit()
    # a new deal with its stage target date two days out, through the dialog
    dlg = OpportunityDialog(ctx, None)
    qtbot.addWidget(dlg)
    dlg.customer.set_customer_id(cid)
    dlg.title.setText("仓储系统")
    dlg.target.setDate(QDate(2026, 11, 25))
    dlg.save()
    oid = dlg.saved_id
    assert oid

    w = make_window(ctx)
    service = install_reminders(w, ctx)
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    card = screen.columns["lead"].card(0)
    assert card.state == "open" and not card.late
    assert _popup_ids(service) == []

    # the target day comes: the reminder fires through the scheduler and the pop-up
    ctx.clock.set(datetime(2026, 11, 25, 9, 30))
    service.scheduler.check_now()
    [tid] = _popup_ids(service)
    row = service.center.row(tid)
    assert "仓储系统" in row.title and "Stage target date" in row.title

    # the day after, the card is flagged: its date in red, the late legend colour
    ctx.clock.advance(timedelta(days=1))
    screen.reload()
    card = screen.columns["lead"].card(0)
    assert card.late and card.date_label is not None
    assert "c62828" in card.date_label.styleSheet()
    assert "2026-11-25" in card.text()

    # dismissed, it stays dismissed across a restart (no duplicate task)
    service.done(tid)
    service.shutdown()
    service = install_reminders(w, ctx)
    assert _popup_ids(service) == []
    with ctx.db.session() as s:
        keys = list(s.scalars(select(Task.source_key).where(Task.source_key.like("pipeline:%"))))
    assert keys == [f"pipeline:{oid}:lead:2026-11-25"]

    # advancing the deal with a new date gives a new reminder for the new stage
    screen.select_card(oid)
    screen.advance_selected()
    with ctx.db.session() as s:
        assert s.scalar(select(Task.source_key).where(
            Task.source_key.like(f"pipeline:{oid}:first_contact:%"))) is not None
    service.shutdown()


def test_moving_to_lost_asks_why_and_the_reason_stays_editable(qtbot, ctx):
    from kamdesk.store.queries.pipeline import opportunity_detail
    from kamdesk.ui.pipeline.dialog import OpportunityDialog

    cid, oid = _deal(ctx, stage="demo")
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    screen.ask_lost_reason = lambda: None  # cancelled: nothing moves
    screen.move(oid, "lost")
    assert screen.columns["demo"].count() == 1
    screen.ask_lost_reason = lambda: "预算取消"
    screen.move(oid, "lost")
    assert screen.columns["lost"].count() == 1
    assert "预算取消" in screen.columns["lost"].card(0).text()

    dlg = OpportunityDialog(ctx, oid)
    qtbot.addWidget(dlg)
    assert dlg.lost_reason.text() == "预算取消" and not dlg.lost_reason.isHidden()
    dlg.lost_reason.setText("选择了竞争对手")
    dlg.save()
    assert ctx.db.read(opportunity_detail, oid).lost_reason == "选择了竞争对手"
    assert "选择了竞争对手" in screen.columns["lost"].card(0).text()


def test_headers_show_conversion_and_days_with_their_definition(qtbot, ctx):
    from datetime import timedelta

    from kamdesk.store.ops.opportunities import move_stage

    _cid, oid = _deal(ctx)  # entered lead on 2026-11-01
    ctx.db.write(move_stage, oid, "first_contact", datetime(2026, 11, 11))
    _cid2, oid2 = _deal(ctx)
    ctx.db.write(move_stage, oid2, "lost", datetime(2026, 11, 1) + timedelta(days=4),
                 lost_reason="x")
    screen = PipelineScreen(ctx)
    qtbot.addWidget(screen)
    header = screen.headers["lead"]
    assert "50%" in header.text() and "7.0" in header.text()  # 1 of 2; (10 + 4) / 2 days
    assert "reached this stage" in header.toolTip()
    # one scroll area for the board, no per-column scroll bars
    from PySide6.QtWidgets import QAbstractScrollArea

    assert len(screen.findChildren(QAbstractScrollArea)) == 1
