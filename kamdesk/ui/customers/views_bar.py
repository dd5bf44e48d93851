"""Saved views on the customer list: a combo to apply one, Save… to store the current
filters, sort and visible columns under a name, and Delete (undone with Ctrl+Z on the
list). The views live with the data (app_settings) through the ops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QPushButton, QWidget

from kamdesk.domain.list_views import SavedView
from kamdesk.store.ops.list_views import delete_view, save_view
from kamdesk.store.queries.list_views import saved_views
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op


class ViewsBar(QWidget):
    """``apply_requested(SavedView)`` when the user picks a view."""

    apply_requested = Signal(object)

    def __init__(self, ctx: AppContext, current: Callable[[str], SavedView],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = current
        self.deleted: list[SavedView] = []
        self.combo = QComboBox()
        self.combo.setObjectName("savedViews")
        self.combo.setAccessibleName(self.tr("Saved view"))
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.save_btn = QPushButton(self.tr("Save view…"))
        self.save_btn.setObjectName("saveView")
        self.save_btn.setToolTip(self.tr("Save the filters, sort and columns under a name"))
        self.delete_btn = QPushButton(self.tr("Delete view"))
        self.delete_btn.setObjectName("deleteView")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.combo)
        layout.addWidget(self.save_btn)
        layout.addWidget(self.delete_btn)
        self.save_btn.clicked.connect(lambda: self.save())
        self.delete_btn.clicked.connect(lambda: self.delete())
        self.combo.activated.connect(self._picked)
        self.reload()

    def views(self) -> list[SavedView]:
        return self.ctx.db.read(saved_views)

    def reload(self, select: str | None = None) -> None:
        current = select if select is not None else self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Views…"), None)
        for view in self.views():
            self.combo.addItem(view.name, view.name)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        self.delete_btn.setEnabled(self.combo.currentData() is not None)

    def _picked(self, index: int) -> None:
        self.apply(self.combo.itemData(index))

    def apply(self, name: str | None) -> SavedView | None:
        """Apply the view called ``name`` (None: nothing)."""
        view = next((v for v in self.views() if v.name == name), None)
        self.delete_btn.setEnabled(view is not None)
        if view is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(view.name)))
            self.apply_requested.emit(view)
        return view

    def save(self, name: str | None = None) -> str | None:
        """Save the list as it is now; asks for a name unless one is given."""
        if name is None:
            suggested = self.combo.currentData() or ""
            name, ok = QInputDialog.getText(self, self.tr("Save view"),
                                            self.tr("Name of this view:"), text=suggested)
            if not ok:
                return None
        changes = run_op(self.ctx, save_view, self.current(name), initiator=self)
        if changes is None:
            return None
        self.reload(select=changes.value)
        self.ctx.status.emit(self.tr("Saved view %1").replace("%1", changes.value))
        return str(changes.value)

    def delete(self) -> SavedView | None:
        name = self.combo.currentData()
        if name is None:
            return None
        changes = run_op(self.ctx, delete_view, name, initiator=self)
        if changes is None or changes.value is None:
            return None
        self.deleted.append(changes.value)
        self.reload(select="")
        self.ctx.status.emit(self.tr("Deleted view %1. Undo with Ctrl+Z.").replace("%1", name))
        return changes.value

    def undo_delete(self) -> bool:
        if not self.deleted:
            return False
        view = self.deleted.pop()
        if run_op(self.ctx, save_view, view, initiator=self) is None:
            return False
        self.reload(select=view.name)
        return True
