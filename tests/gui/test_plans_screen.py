"""Account plans where a user looks for them: the Plans entry in the sidebar (with a
helpful empty state on a new book) and the Plans tab of a customer's profile, where a
customer's plans are listed, opened and started."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from kamdesk.store.ops.customers import create_customer
from kamdesk.ui.plan.editor import PlanEditor
from kamdesk.ui.plans import new_plan as new_plan_module
from kamdesk.ui.plans.screen import PlansScreen
from kamdesk.ui.profile.plans_tab import PlansTab


@pytest.fixture
def close_editors(qtbot):
    editors: list[PlanEditor] = []
    yield editors
    for ed in editors:
        if shiboken6.isValid(ed):
            ed.close()


def _plans_tab(profile) -> PlansTab:
    tab = profile.findChild(PlansTab, "profilePlansTab")
    profile.tabs.setCurrentWidget(tab)
    return tab


def test_plans_is_in_the_sidebar_and_reports_no_longer_lists_plans(qtbot, ctx, make_window):
    w = make_window(ctx)
    assert "plans" in w._nav_keys
    assert w._nav_keys.index("plans") < w._nav_keys.index("reports")
    w.show_screen("plans")
    assert isinstance(w.screen("plans"), PlansScreen)
    reports = w.screen("reports")
    assert reports.findChild(object, "plansTable") is None


def test_an_empty_book_explains_plans_and_offers_new_plan(qtbot, ctx):
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.model.rowCount() == 0
    assert screen.empty_label.isVisible() and not screen.table.isVisible()
    assert "No account plans yet" in screen.empty_label.text()
    assert "New plan" in screen.empty_label.text()
    assert screen.new_button.isEnabled() and not screen.open_button.isEnabled()
    assert screen.count_label.text() == "0 plans"

    screen.search.setText("nothing like this")
    screen.refresh_plans()
    assert screen.empty_label.text() == "No plan matches this search or tier."


def test_new_plan_from_the_plans_screen(qtbot, ctx, monkeypatch, close_editors):
    cid = ctx.db.write(create_customer, name="远航物流").value

    class Picked:
        def __init__(self, *_a, **_k) -> None:
            pass

        def exec(self) -> bool:
            return True

        def customer_id(self) -> int:
            return cid

    monkeypatch.setattr(new_plan_module, "NewPlanDialog", Picked)
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    editor = screen.new_plan()
    close_editors.append(editor)
    assert isinstance(editor, PlanEditor) and editor.customer_id == cid
    assert editor.plan_id is None and editor.banner.isVisible()
    editor.banner_period.clear()
    qtbot.keyClicks(editor.banner_period, "2027")
    qtbot.mouseClick(editor.create_button, Qt.MouseButton.LeftButton)
    assert editor.plan_id is not None
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)   # the list follows the change
    assert screen.table.isVisible() and not screen.empty_label.isVisible()
    assert screen.model.row(0).customer_name == "远航物流"


def test_profile_plans_tab_starts_lists_and_opens_plans(qtbot, ctx, make_window, monkeypatch,
                                                         close_editors):
    cid = ctx.db.write(create_customer, name="远航物流").value
    w = make_window(ctx)
    w.show_customer(cid)
    profile = w.screen("profile")
    tab = _plans_tab(profile)
    assert profile.tabs.tabText(profile.tabs.currentIndex()) == "Plans"
    assert tab.empty_label.isVisible() and not tab.table.isVisible()
    assert "No account plan for this customer yet" in tab.empty_label.text()
    assert tab.new_button.text() == "Start a plan…"
    assert not tab.open_button.isEnabled()

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    editor = next(e for e in tab.findChildren(PlanEditor))
    close_editors.append(editor)
    assert editor.customer_id == cid and editor.banner.isVisible()
    editor.banner_period.clear()
    qtbot.keyClicks(editor.banner_period, "2027")
    qtbot.mouseClick(editor.create_button, Qt.MouseButton.LeftButton)
    first = editor.plan_id
    assert first is not None
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.table.isVisible() and not tab.empty_label.isVisible()
    assert tab.model.row(0).period == "2027" and tab.new_button.text() == "New plan…"
    assert tab.count_label.text() == "1 plan"
    editor.close()

    # A second period: "New plan…" goes straight to asking for it.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2028", True))
    second = tab.new_plan()
    close_editors.append(second)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert {tab.model.row(i).period for i in range(2)} == {"2027", "2028"}
    second.close()

    # Open the selected period in the editor.
    i = next(i for i in range(2) if tab.model.row(i).period == "2027")
    tab.table.selectRow(i)
    opened = tab.open_selected()
    close_editors.append(opened)
    assert opened.plan_id == first and opened.isVisible()
