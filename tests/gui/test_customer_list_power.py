"""The list a power user expects: multi-selection bulk edits with undo, tags, saved views,
the remembered column chooser, the row menu's dialogs, calm tier colours, 1366 px fit."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.tags import create_tag
from kamdesk.ui.customers.columns import SETTINGS_KEY
from kamdesk.ui.customers.model import COL, TIER_COLOURS


def _add(ctx, name, **kw):
    return ctx.db.write(create_customer, name=name, **kw).value


def _select(screen, rows):
    sel = screen.table.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        sel.select(screen.model.index(r, 0), flags)


def _action(menu, name):
    for action in menu.findChildren(type(menu.menuAction())):
        if action.objectName() == name:
            return action
    raise AssertionError(f"no action {name}")


def _owners(screen):
    return {screen.model.row_at(i).name: screen.model.row_at(i).owner
            for i in range(screen.model.rowCount())}


def test_bulk_reassign_and_tag_of_a_selection_with_undo(qtbot, ctx, make_window):
    for name, owner in (("甲公司", "王芳"), ("乙公司", "王芳"), ("丙公司", "赵强")):
        _add(ctx, name, owner=owner)
    w = make_window(ctx)
    screen = w.customers
    assert screen.model.rowCount() == 3
    _select(screen, [0, 1])
    picked = {r.name for r in screen.selected_rows()}
    assert len(picked) == 2
    assert "2 selected" in screen.count_label.text()

    screen.bulk.reassign("李明")
    owners = _owners(screen)
    assert {owners[n] for n in picked} == {"李明"}
    assert screen.undo()
    assert _owners(screen) == {"甲公司": "王芳", "乙公司": "王芳", "丙公司": "赵强"}

    tag = ctx.db.write(create_tag, "战略客户", "#2e7d6b").value
    _select(screen, [0, 1])
    menu = screen.row_menu_for([0, 1])
    _action(menu, f"rowTag_{tag}").trigger()
    tagged = {screen.model.row_at(i).name for i in range(3) if screen.model.tags_at(i)}
    assert tagged == picked
    assert screen.tag.findData(tag) > 0     # the filter offers the new tag
    screen.tag.setCurrentIndex(screen.tag.findData(tag))
    assert screen.model.rowCount() == 2
    cell = screen.model.index(0, COL["tags"])
    assert screen.model.data(cell) == "战略客户"
    screen.tag.setCurrentIndex(0)
    assert screen.undo()
    assert not any(screen.model.tags_at(i) for i in range(3))

    _select(screen, [0, 1])
    screen.bulk.archive(True)
    assert screen.model.rowCount() == 1
    assert screen.undo()
    assert screen.model.rowCount() == 3


def test_saving_and_reapplying_a_view(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    screen = w.customers
    total = screen.model.rowCount()
    screen.tier.setCurrentIndex(screen.tier.findData("A"))
    screen.overdue.setChecked(True)
    screen.table.sortByColumn(COL["next_due"], Qt.SortOrder.AscendingOrder)
    screen.columns.set_visible(["code", "name", "tier", "next_due"])
    filtered = screen.model.rowCount()
    assert 0 < filtered < total
    assert screen.views.save("A overdue") == "A overdue"

    # back to everything, then the view brings it all back
    screen.tier.setCurrentIndex(0)
    screen.overdue.setChecked(False)
    screen.table.sortByColumn(COL["revenue"], Qt.SortOrder.DescendingOrder)
    screen.columns.reset()
    assert screen.model.rowCount() == total
    view = screen.views.apply("A overdue")
    assert view is not None
    assert screen.tier.currentData() == "A" and screen.overdue.isChecked()
    assert screen.model.rowCount() == filtered
    assert (screen.model.query.sort, screen.model.query.descending) == ("next_due", False)
    assert screen.columns.visible() == ("code", "name", "tier", "next_due")
    # the view is kept with the data: another window offers it
    w2 = make_window(demo_ctx)
    assert w2.customers.views.combo.findData("A overdue") > 0
    # delete, and Ctrl+Z brings it back
    screen.views.combo.setCurrentIndex(screen.views.combo.findData("A overdue"))
    assert screen.views.delete() is not None
    assert screen.views.combo.findData("A overdue") < 0
    assert screen.undo()
    assert screen.views.combo.findData("A overdue") > 0


def test_column_chooser_is_remembered(qtbot, ctx, make_window):
    _add(ctx, "甲公司")
    w = make_window(ctx)
    chooser = w.customers.columns
    assert "phone" not in chooser.visible()
    menu = chooser.build_menu()
    _action(menu, "column_phone").trigger()
    _action(chooser.build_menu(), "column_health").trigger()
    assert "phone" in chooser.visible() and "health" not in chooser.visible()
    assert "phone" in ctx.settings.value(SETTINGS_KEY)
    assert not _action(chooser.build_menu(), "column_name").isEnabled()  # always shown
    w.close()
    w2 = make_window(ctx)
    header = w2.customers.table.horizontalHeader()
    assert not header.isSectionHidden(COL["phone"])
    assert header.isSectionHidden(COL["health"])


def test_row_menu_actions_open_the_right_dialogs(qtbot, ctx, make_window):
    from kamdesk.ui.calendar.task_dialog import TaskDialog
    from kamdesk.ui.dialogs.log_contact import LogContactDialog
    from kamdesk.ui.plan.editor import PlanEditor

    cid = _add(ctx, "甲公司")
    _add(ctx, "乙公司")
    w = make_window(ctx)
    screen = w.customers
    row = next(i for i in range(2) if screen.model.row_at(i).id == cid)
    opened = []
    ctx.open_customer.connect(opened.append)
    for name, kind in (("rowLogContact", LogContactDialog), ("rowNewTask", TaskDialog),
                       ("rowPlan", PlanEditor)):
        _action(screen.row_menu_for([row]), name).trigger()
        dialog = screen.row_actions.dialog
        assert isinstance(dialog, kind), name
        dialog.close()
    _action(screen.row_menu_for([row]), "rowOpen").trigger()
    assert opened == [cid]
    # two rows: the one-customer actions give way to the selection's
    many = screen.row_menu_for([0, 1])
    names = {a.objectName() for a in many.findChildren(type(many.menuAction()))}
    assert "rowLogContact" not in names
    assert {"rowReassign", "rowExport", "rowExportPlans", "rowArchive"} <= names
    _select(screen, [0, 1])
    _action(many, "rowExportPlans").trigger()
    assert screen.bulk.dialog.objectName() == "selectionPlansDialog"
    screen.bulk.dialog.close()


def test_export_selection_writes_only_the_selected(qtbot, ctx, make_window, tmp_path):
    for name in ("甲公司", "乙公司", "丙公司"):
        _add(ctx, name)
    w = make_window(ctx)
    screen = w.customers
    _select(screen, [0, 2])
    assert screen.bulk.export(str(tmp_path / "sel.csv")) == 2


def test_tiers_are_calm_and_defaults_fit_1366(qtbot, demo_ctx, make_window):
    for colour in TIER_COLOURS.values():
        c = QColor(colour)
        assert not (c.red() > 150 and c.green() < 100), colour   # no alarm red
    w = make_window(demo_ctx)
    w.resize(1366, 768)
    w.show_screen("customers")
    qtbot.waitUntil(lambda: w.customers.table.viewport().width() > 800)
    table = w.customers.table
    header = table.horizontalHeader()
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    last = max(shown, key=header.visualIndex)
    used = sum(header.sectionSize(i) for i in shown if i != last)
    # every column but the stretched last one fits, and the last keeps room to read
    assert used + 100 <= table.viewport().width()


def test_profile_header_shows_and_edits_tags(qtbot, ctx, make_window):
    cid = _add(ctx, "甲公司")
    vip = ctx.db.write(create_tag, "VIP", "#5c6bc0").value
    w = make_window(ctx)
    w.show_customer(cid)
    strip = w.screen("profile").tag_strip
    assert strip.tags == ()
    _action(strip.build_menu(), f"profileTag_{vip}").trigger()
    assert [t.name for t in strip.tags] == ["VIP"] and "VIP" in strip.chips.text()
    # the list sees it at once
    screen = w.customers
    screen.tag.setCurrentIndex(screen.tag.findData(vip))
    assert screen.model.rowCount() == 1
    _action(strip.build_menu(), f"profileTag_{vip}").trigger()
    assert strip.tags == ()
