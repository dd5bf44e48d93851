"""Bulk actions on the customer list's multi-selection: reassign the owner, put a tag on
or take it off, archive/restore, export the selection, export their plans as PDFs.

Every write goes through the ops runner; reassign, archive and tag edits keep what they
replaced, so the list's Undo (Ctrl+Z) puts it back. The asking (owner name, file name)
happens here; each action also takes its answer directly, for tests and scripting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.customer_bulk import (
    BulkEdit,
    reassign_owner,
    set_archived_many,
    undo_bulk_edit,
)
from kamdesk.store.ops.tags import TagEdit, set_tag, undo_tag_edit
from kamdesk.store.queries.customers import distinct_values
from kamdesk.store.queries.tags import TagRow, all_tags
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op


def _export_selection(conn: Any, path: str, codes: frozenset[str], today: Any,
                      lang: str) -> int:
    """Write the selected customers in the export's own layout (表1 columns)."""
    from kamdesk.io import export_tables as ex

    rows = (r for r in ex.customer_rows(conn, today, lang) if r[0] in codes)
    return ex.write_rows(path, ex.CUSTOMER_HEADERS[lang], rows)


class BulkActions(QObject):
    """The selection's actions and their undo stack (most recent last)."""

    undo_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget,
                 selection: Callable[[], list[int]],
                 codes: Callable[[], list[str]]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.selection = selection
        self.codes = codes
        self._undo: list[tuple[str, BulkEdit | TagEdit]] = []
        #: the last dialog opened (tests look at it)
        self.dialog: QWidget | None = None

    # -- undo -----------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _remember(self, label: str, changes: Changes | None) -> Changes | None:
        if changes is not None and changes.value is not None:
            self._undo.append((label, changes.value))
            self.undo_changed.emit(True)
        return changes

    def undo(self) -> bool:
        if not self._undo:
            return False
        label, edit = self._undo.pop()
        op: Callable[..., Changes] = undo_tag_edit if isinstance(edit, TagEdit) \
            else undo_bulk_edit
        done = run_op(self.ctx, op, edit, initiator=self.widget) is not None
        if done:
            self.ctx.status.emit(self.tr("Undone: %1").replace("%1", label))
        else:
            self._undo.append((label, edit))
        self.undo_changed.emit(bool(self._undo))
        return done

    # -- owner ----------------------------------------------------------------------
    def reassign(self, owner: str | None = None) -> Changes | None:
        ids = self.selection()
        if not ids:
            return None
        if owner is None:
            owners = self.ctx.db.read(distinct_values, "owner")
            owner, ok = QInputDialog.getItem(
                self.widget, self.tr("Reassign owner"),
                self.tr("New owner of %n customer(s):", "", len(ids)), owners, 0, True)
            if not ok:
                return None
        changes = run_op(self.ctx, reassign_owner, ids, owner, now=self.ctx.clock.now(),
                         initiator=self.widget)
        if changes is not None:
            self.ctx.status.emit(self.tr("Reassigned %n customer(s) to %1. Undo with Ctrl+Z.",
                                         "", len(ids)).replace("%1", owner.strip()))
        return self._remember(self.tr("reassign owner"), changes)

    # -- archive --------------------------------------------------------------------
    def archive(self, archived: bool = True) -> Changes | None:
        ids = self.selection()
        if not ids:
            return None
        changes = run_op(self.ctx, set_archived_many, ids, archived, now=self.ctx.clock.now(),
                         initiator=self.widget)
        if changes is not None:
            text = (self.tr("Archived %n customer(s). Undo with Ctrl+Z.", "", len(ids))
                    if archived else self.tr("Restored %n customer(s).", "", len(ids)))
            self.ctx.status.emit(text)
        return self._remember(self.tr("archive") if archived else self.tr("restore"), changes)

    # -- tags -----------------------------------------------------------------------
    def tags(self) -> list[TagRow]:
        return self.ctx.db.read(all_tags)

    def set_tag(self, tag_id: int, on: bool) -> Changes | None:
        ids = self.selection()
        if not ids:
            return None
        changes = run_op(self.ctx, set_tag, ids, tag_id, on, initiator=self.widget)
        if changes is not None:
            n = len(changes.value.customer_ids)
            self.ctx.status.emit(self.tr("Tagged %n customer(s).", "", n) if on
                                 else self.tr("Untagged %n customer(s).", "", n))
        return self._remember(self.tr("tag"), changes)

    def new_tag(self, on_selection: bool = True) -> int | None:
        """Ask for a new tag; put it on the selection when one is selected."""
        from kamdesk.ui.customers.tag_dialog import TagDialog

        dlg = TagDialog(self.ctx, self.widget)
        self.dialog = dlg
        if not dlg.exec() or dlg.saved_id is None:
            return None
        if on_selection and self.selection():
            self.set_tag(dlg.saved_id, True)
        return dlg.saved_id

    # -- export ---------------------------------------------------------------------
    def export(self, path: str | None = None) -> int | None:
        codes = frozenset(self.codes())
        if not codes:
            return None
        if path is None:
            from kamdesk.paths import app_paths

            path, _f = QFileDialog.getSaveFileName(
                self.widget, self.tr("Export selected customers"),
                str(Path(app_paths().export_dir) / "customers.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        n = self.ctx.db.read(_export_selection, path, codes, self.ctx.clock.today(),
                             self.ctx.lang)
        self.ctx.status.emit(self.tr("Exported %n customer(s) to %1", "", n)
                             .replace("%1", str(path)))
        return int(n)

    def export_plans(self) -> QWidget | None:
        """The batch PDF dialog, limited to the selected customers."""
        ids = self.selection()
        if not ids:
            return None
        from kamdesk.ui.customers.selection_plans import SelectionPlansDialog

        dlg = SelectionPlansDialog(self.ctx, ids, self.widget)
        self.dialog = dlg
        dlg.open()
        return dlg


def tag_state(tags_per_row: Sequence[Sequence[TagRow]], tag_id: int) -> str:
    """'all', 'some' or 'none' of the selected rows carry ``tag_id``."""
    have = sum(1 for tags in tags_per_row if any(t.id == tag_id for t in tags))
    return "all" if have and have == len(tags_per_row) else ("some" if have else "none")
