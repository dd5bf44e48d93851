"""Every control on every screen and in every dialog has a name a screen reader can
say (Qt's own accessibility layer is asked, so button text and buddy labels count)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from kamdesk.ui import accessibility


def _first(ctx, sql):
    with ctx.db.session() as s:
        return s.execute(text(sql)).scalar()


def _unnamed(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    return [accessibility.describe(w) for w in accessibility.unnamed_controls(widget)
            if w.isVisibleTo(widget)]


def _check(qtbot, widget):
    unnamed = _unnamed(qtbot, widget)
    assert unnamed == [], "\n".join(unnamed)


@pytest.fixture
def window(qtbot, demo_ctx, make_window):
    accessibility.install()
    return make_window(demo_ctx)


def test_every_screen_names_its_controls(qtbot, window, demo_ctx):
    unnamed = set()
    for key in window.nav_keys():
        window.show_screen(key)
        unnamed.update(_unnamed(qtbot, window))
    window.show_customer(_first(demo_ctx, "SELECT id FROM customers ORDER BY id LIMIT 1"))
    profile = window.screen("profile")
    for i in range(profile.tabs.count()):
        profile.tabs.setCurrentIndex(i)
        unnamed.update(_unnamed(qtbot, window))
    assert sorted(unnamed) == [], "\n".join(sorted(unnamed))


def _dialogs(ctx):
    from kamdesk.store.queries.events import list_events
    from kamdesk.ui.calendar.date_picker import DatePickerDialog
    from kamdesk.ui.calendar.task_dialog import TaskDialog
    from kamdesk.ui.complaints.screen import ComplaintCustomerDialog
    from kamdesk.ui.dialogs import (
        complaint_dialog, contract_dialog, contract_status_dialog, customer_dialog,
        event_dialog, invite_dialog, log_contact, order_dialog, payment_dialog,
        person_dialog, survey_dialog,
    )
    from kamdesk.ui.dialogs.complaint_entry import ChooseCustomerDialog
    from kamdesk.ui.import_wizard.wizard import ImportWizard
    from kamdesk.ui.pipeline.dialog import OpportunityDialog
    from kamdesk.ui.plan.batch_dialog import BatchExportDialog
    from kamdesk.ui.plans.new_plan import NewPlanDialog
    from kamdesk.ui.reminders.notifier import CustomSnoozeDialog
    from kamdesk.ui.reports.target_dialog import KpiTargetDialog
    from kamdesk.ui.settings_dialog import SettingsDialog
    from kamdesk.ui.vcard_import import VCardPreviewDialog, VCardTargetDialog

    cid = _first(ctx, "SELECT customer_id FROM complaints ORDER BY id LIMIT 1")
    complaint = _first(ctx, "SELECT id FROM complaints ORDER BY id LIMIT 1")
    contract = _first(ctx, "SELECT id FROM contracts ORDER BY id LIMIT 1")
    person = _first(ctx, f"SELECT id FROM people WHERE customer_id = {cid} LIMIT 1")
    event = ctx.db.read(list_events)[0]
    yield "customer", lambda: customer_dialog.CustomerDialog(ctx, None)
    yield "customer edit", lambda: customer_dialog.CustomerDialog(ctx, cid)
    yield "person", lambda: person_dialog.PersonDialog(ctx, cid, person)
    yield "log contact", lambda: log_contact.LogContactDialog(ctx, cid)
    yield "order", lambda: order_dialog.OrderDialog(ctx, cid)
    yield "payment", lambda: payment_dialog.PaymentDialog(ctx, cid)
    yield "contract", lambda: contract_dialog.ContractDialog(ctx, cid, contract)
    yield "contract status", lambda: contract_status_dialog.ContractStatusDialog(
        ctx, contract, "C-1", "draft")
    yield "complaint", lambda: complaint_dialog.ComplaintDialog(ctx, cid, complaint)
    yield "resolve", lambda: complaint_dialog.ResolveDialog(ctx, complaint)
    yield "follow up", lambda: complaint_dialog.FollowUpDialog(ctx, complaint)
    yield "hand over", lambda: complaint_dialog.HandOverDialog(ctx, complaint)
    yield "choose customer", lambda: ChooseCustomerDialog(ctx)
    yield "complaint customer", lambda: ComplaintCustomerDialog(ctx)
    yield "survey", lambda: survey_dialog.SurveyDialog(ctx, cid)
    yield "event", lambda: event_dialog.EventDialog(ctx, event)
    yield "invite", lambda: invite_dialog.InviteDialog(ctx, event.id)
    yield "task", lambda: TaskDialog(ctx, day=dt.date(2026, 11, 23), customer_id=cid)
    yield "date picker", lambda: DatePickerDialog(dt.date(2026, 11, 23), "Move to")
    yield "opportunity", lambda: OpportunityDialog(ctx)
    yield "new plan", lambda: NewPlanDialog(ctx)
    yield "batch export", lambda: BatchExportDialog(ctx)
    yield "kpi target", lambda: KpiTargetDialog(ctx, "nps", None)
    yield "settings", lambda: SettingsDialog(ctx)
    yield "snooze", lambda: CustomSnoozeDialog(dt.datetime(2026, 11, 23, 10, 0))
    yield "vcard target", lambda: VCardTargetDialog(ctx, 3)
    yield "vcard preview", lambda: VCardPreviewDialog("3 contacts", "details", True)
    yield "import wizard", lambda: ImportWizard(ctx)


def test_every_dialog_names_its_controls(qtbot, demo_ctx):
    accessibility.install()
    failures = []
    for name, make in _dialogs(demo_ctx):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        unnamed = [accessibility.describe(w) for w in accessibility.unnamed_controls(dialog)
                   if w.isVisibleTo(dialog)]
        if unnamed:
            failures.append(f"{name}: " + "; ".join(unnamed))
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
    assert failures == [], "\n".join(failures)


def test_shortcut_sheet_names_its_controls(qtbot, window):
    from kamdesk.ui.shortcuts_dialog import ShortcutsDialog

    sheet = ShortcutsDialog(window)
    qtbot.addWidget(sheet)
    _check(qtbot, sheet)
