"""File menu actions: import the spreadsheets people keep, export for phone and Excel,
back up. Each action runs the same io functions as the command line: reads through
``ctx.db.read``, the import through the one runner, off the UI thread
(:func:`kamdesk.ui.ops.run_op_in_background`), which announces what the import wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kamdesk.store.ops import Changes
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op_in_background


def _export_dir() -> str:
    from kamdesk.paths import app_paths

    folder = app_paths().export_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return str(Path.home())
    return str(folder)


def _export_customers(conn: Any, path: str, today: date, lang: str) -> int:
    """Write the customers table (rows stream from the connection while it is open)."""
    from kamdesk.io import export_tables as ex

    return ex.write_rows(path, ex.CUSTOMER_HEADERS[lang], ex.customer_rows(conn, today, lang))


def _export_contacts(conn: Any, path: str, lang: str) -> int:
    from kamdesk.io import export_tables as ex

    return ex.write_rows(path, ex.CONTACT_HEADERS[lang], ex.contact_rows(conn, lang))


class IoActions(QObject):
    """Owns the file dialogs and messages; the work is done by kamdesk.io."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        #: the running (or last) import, for tests and a clean shutdown
        self.import_thread: QThread | None = None
        #: the last import wizard opened (tests drive it)
        self.wizard: Any = None

    # -- import -------------------------------------------------------------------
    def import_table(self, path: str | None = None):  # type: ignore[no-untyped-def]
        """File ▸ Import…: the import wizard (:mod:`kamdesk.ui.import_wizard`) for
        tables; a .vcf or .zip (picked here or in the wizard) goes to its own flow.
        Returns the wizard (None when the file went elsewhere)."""
        from kamdesk.ui.import_wizard import ImportWizard

        if path is not None and self._handed_off(path):
            return None
        wizard = ImportWizard(self.ctx, self.window)
        wizard.handoff.connect(self._handed_off)
        self.wizard = wizard
        if path is not None:
            wizard.file_page.set_path(path)
        wizard.open()
        return wizard

    def _handed_off(self, path: str) -> bool:
        """Phone contacts and full exports keep their own flows."""
        if path.lower().endswith((".vcf", ".vcard")):
            from kamdesk.ui.vcard_import import import_vcard_file

            self.import_thread = import_vcard_file(self.ctx, path, self.window, self)
            return True
        if path.lower().endswith(".zip"):
            self.import_everything(path)
            return True
        return False

    def undo_last_import(self) -> None:
        """File ▸ Undo last import…: asks, then takes the newest import back whole."""
        from kamdesk.store.ops.import_batches import UndoRefused, undo_import
        from kamdesk.store.queries.import_batches import last_undoable_batch
        from kamdesk.ui.ops import run_op

        batch = self.ctx.db.read(last_undoable_batch)
        if batch is None:
            QMessageBox.information(self.window, self.tr("Undo last import"),
                                    self.tr("There is no import to undo."))
            return
        answer = QMessageBox.question(self.window, self.tr("Undo last import"), self.tr(
            "Undo the import of %1 (%2 new, %3 updated rows)?").replace(
            "%1", batch.file_name).replace("%2", str(batch.inserted)).replace(
            "%3", str(batch.updated)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            run_op(self.ctx, undo_import, batch.id, self.ctx.clock.now(), initiator=self,
                   reraise=(UndoRefused,))
        except UndoRefused as exc:
            QMessageBox.warning(self.window, self.tr("Undo last import"),
                                self.undo_refusal_text(exc.code))

    def undo_refusal_text(self, code: str) -> str:
        return {
            "unknown_batch": self.tr("There is no such import."),
            "already_undone": self.tr("This import was already undone."),
            "edited_since": self.tr("The import cannot be undone: a record it wrote was "
                                    "edited or deleted since."),
            "has_dependents": self.tr("The import cannot be undone: records were added "
                                      "since to what it imported."),
        }.get(code, code)

    # -- export -------------------------------------------------------------------
    def export_table(self, what: str) -> None:

        default = "customers.xlsx" if what == "customers" else "contact-log.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), str(Path(_export_dir()) / default),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        lang = self.ctx.lang
        try:
            if what == "customers":
                n = self.ctx.db.read(_export_customers, path, self.ctx.clock.today(), lang)
            else:
                n = self.ctx.db.read(_export_contacts, path, lang)
        except OSError as exc:
            self._write_failed(path, exc)
            return
        self.ctx.status.emit(self.tr("%1 rows exported to %2").replace("%1", str(n)).replace(
            "%2", path))

    def export_vcards(self) -> None:
        from kamdesk.io.vcard import write_vcards

        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export contacts"), str(Path(_export_dir()) / "contacts.vcf"),
            self.tr("vCard (*.vcf)"))
        if not path:
            return
        try:
            n = self.ctx.db.read(write_vcards, path, None, self.ctx.clock.today())
        except OSError as exc:
            self._write_failed(path, exc)
            return
        self.ctx.status.emit(self.tr("%1 contacts exported to %2").replace("%1", str(n)).replace(
            "%2", path))

    # -- the whole book ---------------------------------------------------------------
    def export_everything(self, path: str | None = None) -> None:
        """Every table and attached file as one ZIP (:mod:`kamdesk.io.full_export`)."""
        from kamdesk.io.document_store import store_for_database
        from kamdesk.io.full_export import export_full

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export everything"),
                str(Path(_export_dir()) / "kamdesk-full.zip"), self.tr("ZIP archive (*.zip)"))
            if not path:
                return
        try:
            summary = self.ctx.db.read(export_full, path, store_for_database(self.ctx.db.location))
        except OSError as exc:
            self._write_failed(path, exc)
            return
        self.ctx.status.emit(self.tr("%1 rows and %2 files exported to %3").replace(
            "%1", str(sum(summary.counts.values()))).replace("%2", str(summary.files)).replace(
            "%3", path))

    def import_everything(self, path: str | None = None) -> None:
        """A full export into this database, which must be empty; ids are kept, then the
        figures and the search index are rebuilt (all in one transaction)."""
        from kamdesk.io.document_store import store_for_database
        from kamdesk.io.full_export import FullExportError, load_export
        from kamdesk.store.queries.full_book import non_empty_tables

        title = self.tr("Import everything")
        if self.ctx.db.read(non_empty_tables):
            QMessageBox.warning(self.window, title, self.tr(
                "This database already holds data. A full export is imported only into an "
                "empty database: open a new database (or start KAMDesk with --db NEW.sqlite3) "
                "and import it there."))
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, title, str(Path.home()), self.tr("ZIP archive (*.zip)"))
            if not path:
                return

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, FullExportError):
                return False
            reason = {
                "not_full_export": self.tr("This is not a KAMDesk full export."),
                "format_too_new": self.tr("This export is from a newer KAMDesk; update "
                                          "KAMDesk to import it."),
                "schema_unknown": self.tr("This export is from a newer KAMDesk; update "
                                          "KAMDesk to import it."),
            }.get(exc.code, self.tr("The file is damaged: %1").replace("%1", exc.detail))
            QMessageBox.warning(self.window, title, reason)
            return True

        def done(changes: Changes | None) -> None:
            if changes is not None:
                QMessageBox.information(self.window, title, self.tr(
                    "Imported %1 rows; figures and search rebuilt.").replace(
                    "%1", str(sum(changes.value.values()))))

        self.import_thread = run_op_in_background(
            self.ctx, load_export, path, store_for_database(self.ctx.db.location),
            self.ctx.clock.today(), on_done=done, on_error=refused, initiator=self,
            parent=self.window)

    def backup_now(self) -> None:
        from kamdesk.io.backup import BackupError, backup_file
        from kamdesk.paths import backup_dir_for

        if not self.ctx.db.is_sqlite:
            return
        folder = backup_dir_for(self.ctx.db.location)
        try:
            target = backup_file(self.ctx.db.file_path, folder,
                                 passphrase=self.ctx.db.passphrase)
        except (BackupError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Backup"), self.tr(
                "The backup could not be written: %1\nYour database is unchanged.").replace(
                "%1", str(exc)))
            return
        QMessageBox.information(self.window, self.tr("Backup"),
                                self.tr("Backup saved to %1").replace("%1", str(target)))

    def _write_failed(self, path: str, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        QMessageBox.warning(self.window, self.tr("Export"), self.tr(
            "Could not write %1: %2\n(Is the disk full or the file open in another program?)"
        ).replace("%1", path).replace("%2", reason))
