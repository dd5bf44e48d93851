"""The context menu on the customer list's rows: what a user does with one customer
(open, log a contact, new task, account plan, pre-visit brief) and with the selection
(tags, owner, export, plan PDFs, archive). The one-customer actions open the same
dialogs the rest of the app uses; the selection's actions are :class:`BulkActions`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from kamdesk.store.queries.customers import CustomerRow
from kamdesk.store.queries.tags import TagRow
from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.bulk import BulkActions, tag_state
from kamdesk.ui.customers.tag_dialog import swatch
from kamdesk.ui.icons import icon

translate = QCoreApplication.translate


class RowActions(QObject):
    """One customer's actions; ``dialog`` is the last dialog opened (tests look at it)."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.dialog: QObject | None = None

    def selected_title(self, count: int) -> str:
        return self.tr("%n customer(s) selected", "", count)

    def open(self, customer_id: int) -> None:
        self.ctx.open_customer.emit(customer_id)

    def log_contact(self, customer_id: int) -> QObject:
        from kamdesk.ui.dialogs.log_contact import LogContactDialog

        dlg = LogContactDialog(self.ctx, customer_id, self.widget)
        self.dialog = dlg
        dlg.open()
        return dlg

    def new_task(self, customer_id: int) -> QObject:
        from kamdesk.ui.calendar.task_dialog import TaskDialog

        dlg = TaskDialog(self.ctx, self.widget, day=self.ctx.clock.today(),
                         customer_id=customer_id)
        self.dialog = dlg
        dlg.open()
        return dlg

    def plan(self, customer_id: int) -> QObject:
        from kamdesk.ui.plan.editor import open_plan_editor

        self.dialog = open_plan_editor(self.ctx, customer_id, self.widget)
        return self.dialog

    def brief(self, customer_id: int) -> object:
        from kamdesk.ui.pdf_export import export_brief_pdf

        return export_brief_pdf(self.ctx, customer_id, self.widget)


def _add(menu: QMenu, name: str, text: str, slot: Callable[[], object],
         icon_name: str | None = None, enabled: bool = True) -> QAction:
    action = menu.addAction(icon(icon_name), text) if icon_name else menu.addAction(text)
    action.setObjectName(name)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_row_menu(parent: QWidget, single: RowActions, bulk: BulkActions,
                   rows: list[CustomerRow], tags_per_row: list[tuple[TagRow, ...]]) -> QMenu:
    """The menu for the selected ``rows`` (the row under the cursor is among them)."""
    menu = QMenu(parent)
    menu.setObjectName("customerRowMenu")
    one = rows[0] if len(rows) == 1 else None
    if one is not None:
        cid = one.id
        _add(menu, "rowOpen", translate("CustomerRowMenu", "Open"), lambda: single.open(cid))
        menu.setDefaultAction(menu.actions()[0])
        _add(menu, "rowLogContact", translate("CustomerRowMenu", "Log contact…"), lambda: single.log_contact(cid))
        _add(menu, "rowNewTask", translate("CustomerRowMenu", "New task…"), lambda: single.new_task(cid))
        _add(menu, "rowPlan", translate("CustomerRowMenu", "Account plan…"), lambda: single.plan(cid), "plan")
        _add(menu, "rowBrief", translate("CustomerRowMenu", "Pre-visit brief (PDF)…"), lambda: single.brief(cid))
        menu.addSeparator()
    else:
        title = menu.addAction(single.selected_title(len(rows)))
        title.setEnabled(False)
        menu.addSeparator()

    tag_menu = menu.addMenu(translate("CustomerRowMenu", "Tags"))
    tag_menu.setObjectName("rowTagsMenu")
    for tag in bulk.tags():
        state = tag_state(tags_per_row, tag.id)
        action = tag_menu.addAction(swatch(tag.colour), tag.name)
        action.setObjectName(f"rowTag_{tag.id}")
        action.setCheckable(True)
        action.setChecked(state == "all")
        if state == "some":
            action.setText(tag.name + " " + translate("CustomerRowMenu", "(some)"))
        # A click on a tag all selected rows carry takes it off; otherwise puts it on.
        action.triggered.connect(lambda _c=False, t=tag.id, s=state: bulk.set_tag(t, s != "all"))
    if tag_menu.actions():
        tag_menu.addSeparator()
    _add(tag_menu, "rowNewTag", translate("CustomerRowMenu", "New tag…"), bulk.new_tag)
    _add(menu, "rowReassign", translate("CustomerRowMenu", "Reassign owner…"), bulk.reassign)
    menu.addSeparator()
    _add(menu, "rowExport", translate("CustomerRowMenu", "Export selection…"), bulk.export, "export")
    _add(menu, "rowExportPlans", translate("CustomerRowMenu", "Export plans as PDF…"), bulk.export_plans)
    menu.addSeparator()
    archived = all(r.status == "archived" for r in rows)
    _add(menu, "rowArchive", translate("CustomerRowMenu", "Restore") if archived else translate("CustomerRowMenu", "Archive"),
         lambda: bulk.archive(not archived))
    return menu
