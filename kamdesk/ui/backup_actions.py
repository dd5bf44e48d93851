"""Backups in the window: File ▸ Back up now… (to a chosen folder, e.g. a USB stick),
File ▸ Restore…, and the automatic daily backup.

The automatic backup (:func:`kamdesk.io.backup_catalog.make_automatic_backup`: at most
one a day, rotated) is asked for a while after start, every hour the window stays open,
after an import (the runner announces ``import_batches``) and at quit; whichever comes
first that day makes it. It runs on a worker thread (a big book takes a second or two
and the window stays responsive); only at quit does the window wait for it. A failure
is logged and told in the status bar, never a dialog in the user's way: tomorrow's try
is as good.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kamdesk.domain.backup_texts import backup_problem_text
from kamdesk.io.backup import BackupError, backup_file
from kamdesk.io.backup_catalog import check_restorable, make_automatic_backup, table_names
from kamdesk.io.restore import restore_into_database
from kamdesk.paths import backup_dir_for
from kamdesk.ui.context import AppContext

log = logging.getLogger(__name__)

START_DELAY_MS = 60_000
RECHECK_MS = 3_600_000
AFTER_IMPORT_MS = 2_000


class BackupActions(QObject):
    """The File menu's backup and restore, for one window."""

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window

    @property
    def backup_dir(self) -> Path:
        return backup_dir_for(self.ctx.db.location)

    def _problem(self, title: str, exc: BackupError) -> None:
        QMessageBox.warning(self.window, title,
                            backup_problem_text(exc.kind, exc.detail, self.ctx.lang))

    def back_up_now(self, folder: str | None = None) -> Path | None:
        title = self.tr("Back up now")
        if not self.ctx.db.is_sqlite:
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.tr("Choose the folder for the backup (e.g. a USB stick)"),
                str(self.backup_dir))
            if not folder:
                return None
        try:
            target = backup_file(self.ctx.db.file_path, folder, self.ctx.clock.now(),
                                 passphrase=self.ctx.db.passphrase)
        except BackupError as exc:
            self._problem(title, exc)
            return None
        QMessageBox.information(self.window, title,
                                self.tr("Backup saved to %1").replace("%1", str(target)))
        return target

    def restore(self, path: str | None = None) -> bool:
        from kamdesk.ui.dialogs.restore_dialog import RestoreDialog

        title = self.tr("Restore")
        if not self.ctx.db.is_sqlite:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Choose a backup to restore"), str(self.backup_dir),
                self.tr("KAMDesk backups (*.sqlite3)"))
            if not path:
                return False
        try:
            preview = check_restorable(path, check=False)  # fast; the restore checks
        except BackupError as exc:
            self._problem(title, exc)
            return False
        dialog = RestoreDialog(preview, self.ctx.db.location, self.window)
        self.last_dialog = dialog  # tests look at it
        if dialog.exec() != RestoreDialog.DialogCode.Accepted:
            return False
        try:
            result = restore_into_database(self.ctx.db, path, self.backup_dir,
                                           self.ctx.clock.now())
        except BackupError as exc:
            self._problem(title, exc)
            return False
        self.ctx.announce(table_names(self.ctx.db.file_path))
        text = self.tr("Restored the backup of %1.").replace(
            "%1", f"{preview.taken_at:%Y-%m-%d %H:%M}")
        if result.previous_copy is not None:
            text += "\n" + self.tr("The book it replaced was kept as %1").replace(
                "%1", str(result.previous_copy))
        QMessageBox.information(self.window, title, text)
        return True


class AutoBackup(QObject):
    """The automatic daily backup of the window's book (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker: threading.Thread | None = None
        self.last_made: Path | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start_if_due)
        ctx.changed.connect(self._changed)

    def install(self, start_delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(start_delay_ms, self.start_if_due)
        self.timer.start(RECHECK_MS)

    def _changed(self, changes) -> None:  # type: ignore[no-untyped-def]
        if "import_batches" in changes:
            QTimer.singleShot(AFTER_IMPORT_MS, self.start_if_due)

    def run_if_due(self) -> Path | None:
        """Make today's backup now (on this thread) if it is due."""
        if not self.ctx.db.is_sqlite:
            return None
        book = self.ctx.db.file_path
        try:
            made = make_automatic_backup(book, backup_dir_for(self.ctx.db.location),
                                         self.ctx.clock.now(),
                                         passphrase=self.ctx.db.passphrase)
        except BackupError as exc:
            log.warning("automatic backup failed: %s", exc.kind)
            return None
        if made is not None:
            self.last_made = made
        return made

    def start_if_due(self) -> None:
        """Make today's backup on a worker thread, unless one is running."""
        if self.worker is not None and self.worker.is_alive():
            return
        self.worker = threading.Thread(target=self.run_if_due, name="auto-backup", daemon=True)
        self.worker.start()

    def at_quit(self) -> None:
        self.timer.stop()
        if self.worker is not None:
            self.worker.join()
        self.run_if_due()


def install_auto_backup(ctx: AppContext, parent: QObject) -> AutoBackup:
    auto = AutoBackup(ctx, parent)
    auto.install()
    return auto
