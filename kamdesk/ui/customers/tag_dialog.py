"""A small dialog to create a tag (name and colour) or edit one, used by the customer
list's bulk menu and the profile header. Validation messages come back in the user's
language through the runner."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QWidget,
)

from kamdesk.domain.tags import TAG_NAME_MAX, TAG_PALETTE, next_colour
from kamdesk.store.ops.tags import create_tag, update_tag
from kamdesk.store.queries.tags import TagRow, all_tags
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op


def swatch(colour: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


class TagDialog(QDialog):
    """New tag (``tag`` None) or rename/recolour ``tag``; ``saved_id`` after saving."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 tag: TagRow | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tag = tag
        self.saved_id: int | None = None
        self.setObjectName("tagDialog")
        self.setWindowTitle(self.tr("Edit tag") if tag else self.tr("New tag"))
        self.name_edit = QLineEdit(tag.name if tag else "")
        self.name_edit.setObjectName("tagName")
        self.name_edit.setMaxLength(TAG_NAME_MAX)
        self.name_edit.setAccessibleName(self.tr("Tag name"))
        self.colour_combo = QComboBox()
        self.colour_combo.setObjectName("tagColour")
        self.colour_combo.setAccessibleName(self.tr("Tag colour"))
        for i, colour in enumerate(TAG_PALETTE, start=1):
            self.colour_combo.addItem(swatch(colour), self.tr("Colour %1").replace("%1", str(i)),
                                      colour)
        used = [t.colour for t in ctx.db.read(all_tags)]
        current = tag.colour if tag else next_colour(used)
        if self.colour_combo.findData(current) < 0:
            self.colour_combo.addItem(swatch(current), current, current)
        self.colour_combo.setCurrentIndex(self.colour_combo.findData(current))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Colour"), self.colour_combo)
        form.addRow(buttons)
        self.setMinimumWidth(320)

    def save(self) -> bool:
        name, colour = self.name_edit.text(), str(self.colour_combo.currentData())
        if self.tag is None:
            changes = run_op(self.ctx, create_tag, name, colour, initiator=self)
        else:
            changes = run_op(self.ctx, update_tag, self.tag.id, name=name, colour=colour,
                             initiator=self)
        if changes is None:
            return False
        self.saved_id = int(changes.value)
        self.accept()
        return True

    def reject(self) -> None:
        edited = self.name_edit.text() != (self.tag.name if self.tag else "")
        if edited and self.isVisible():
            answer = QMessageBox.question(self, self.windowTitle(),
                                          self.tr("Discard this tag?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
