"""File ▸ Restore…: what the chosen backup holds, before anything is replaced.

The preview (when it was taken, its schema revision, how many customers, people and
contact log entries) is read from the backup read-only by
:func:`kamdesk.io.backup_catalog.check_restorable`, so the user sees what they will get
back and a damaged, foreign or newer file is refused before the dialog opens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from kamdesk.domain.file_size import readable_size
from kamdesk.io.backup_catalog import BackupPreview
from kamdesk.store.schema_version import HEAD_REVISION


class RestoreDialog(QDialog):
    def __init__(self, preview: BackupPreview, book: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setObjectName("restoreDialog")
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label, value in (
            ("taken", self.tr("Backup taken"), f"{preview.taken_at:%Y-%m-%d %H:%M:%S}"),
            ("revision", self.tr("Schema revision"), preview.revision or "-"),
            ("customers", self.tr("Customers"), str(preview.customers)),
            ("people", self.tr("Contacts"), str(preview.people)),
            ("contacts", self.tr("Contact log entries"), str(preview.contacts)),
            ("size", self.tr("Size"), readable_size(preview.size)),
            ("file", self.tr("File"), str(preview.path)),
        ):
            field = QLabel(value)
            field.setObjectName(f"preview_{key}")
            field.setWordWrap(key == "file")
            self.fields[key] = field
            form.addRow(label, field)
        note = self.tr("Your current book (%1) is backed up first, then replaced by this "
                       "backup.").replace("%1", book)
        if preview.revision != HEAD_REVISION:
            note += " " + self.tr("The backup is from an older KAMDesk; it is upgraded after "
                                  "the restore.")
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
