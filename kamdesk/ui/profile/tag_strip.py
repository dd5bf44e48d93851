"""The customer's tags on the profile header: coloured chips, and a Tags button whose
menu puts a tag on or takes it off this customer (or makes a new one). Refreshes
itself when tags change anywhere (the list's bulk edits included)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.tags import set_tag
from kamdesk.store.queries.tags import TagRow, all_tags, tags_of_customer
from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.tag_dialog import TagDialog, swatch
from kamdesk.ui.ops import run_op

TABLES = frozenset({"tags", "customer_tags", "customers"})


def chip_html(tag: TagRow) -> str:
    return (f'<span style="background-color:{tag.colour}; color:#ffffff">'
            f"&nbsp;{escape(tag.name)}&nbsp;</span>")


class TagStrip(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.tags: tuple[TagRow, ...] = ()
        self.setObjectName("profileTags")
        self.chips = QLabel()
        self.chips.setObjectName("profileTagChips")
        self.chips.setAccessibleName(self.tr("Tags"))
        self.button = QPushButton(self.tr("Tags…"))
        self.button.setObjectName("profileTagsButton")
        self.button.setToolTip(self.tr("Add or remove this customer's tags"))
        self.button.setFlat(True)
        self.button.clicked.connect(self._show_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button)
        layout.addWidget(self.chips, 1)
        self.menu: QMenu | None = None
        ctx.changed.connect(self._on_changed)

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.refresh()

    def refresh(self) -> None:
        if self.customer_id is None:
            self.tags = ()
        else:
            self.tags = self.ctx.db.read(tags_of_customer, self.customer_id)
        none = escape(self.tr("No tags"))
        self.chips.setText(" ".join(chip_html(t) for t in self.tags)
                           or f'<span style="color:#757575">{none}</span>')

    def build_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("profileTagsMenu")
        mine = {t.id for t in self.tags}
        for tag in self.ctx.db.read(all_tags):
            action = menu.addAction(swatch(tag.colour), tag.name)
            action.setObjectName(f"profileTag_{tag.id}")
            action.setCheckable(True)
            action.setChecked(tag.id in mine)
            action.toggled.connect(lambda on, t=tag.id: self.set_tag(t, on))
        if menu.actions():
            menu.addSeparator()
        new = menu.addAction(self.tr("New tag…"))
        new.setObjectName("profileNewTag")
        new.triggered.connect(lambda _c=False: self.new_tag())
        self.menu = menu
        return menu

    def _show_menu(self) -> None:
        self.build_menu().popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def set_tag(self, tag_id: int, on: bool) -> Changes | None:
        if self.customer_id is None:
            return None
        changes = run_op(self.ctx, set_tag, [self.customer_id], tag_id, on, initiator=self)
        self.refresh()
        return changes

    def new_tag(self) -> None:
        dlg = TagDialog(self.ctx, self)
        if dlg.exec() and dlg.saved_id is not None:
            self.set_tag(dlg.saved_id, True)

    def _on_changed(self, changes: Changes) -> None:
        if self.customer_id is not None and getattr(changes, "initiator", None) is not self \
                and set(changes) & TABLES:
            self.refresh()
