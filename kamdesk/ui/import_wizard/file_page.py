"""Step 1: pick a file and see how it was read — encoding, delimiter, the header
row(s) found, the title/blank/total rows left out — and which kind of table it is
(overridable)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from kamdesk.io.sheets.mapping import MappingError, detect_kind, load_mappings, pick_mapping
from kamdesk.io.sheets.reader import SheetError, read_sheet
from kamdesk.ui.import_wizard.texts import KINDS

if TYPE_CHECKING:
    from kamdesk.ui.import_wizard.wizard import ImportWizard

#: files another flow imports: phone contacts, a full export
HANDED_OFF = (".vcf", ".vcard", ".zip")


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        words = wizard.words
        self.setTitle(self.tr("Pick a file"))
        self.setSubTitle(self.tr("A customers (表1), contact log (表2), events (表3) or "
                                 "orders table, as CSV, text or Excel (.xlsx)."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.encoding = QLabel("—")
        self.encoding.setObjectName("importEncoding")
        self.delimiter = QLabel("—")
        self.delimiter.setObjectName("importDelimiter")
        self.header = QLabel("—")
        self.header.setObjectName("importHeader")
        self.skipped = QLabel("—")
        self.skipped.setObjectName("importSkipped")
        self.skipped.setWordWrap(True)
        self.rows = QLabel("—")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("importKind")
        self.kind_combo.addItem(self.tr("— choose —"), "")
        for kind in KINDS:
            self.kind_combo.addItem(words.kind(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.tr("Delimiter:"), self.delimiter)
        form.addRow(self.tr("Header:"), self.header)
        form.addRow(self.tr("Rows left out:"), self.skipped)
        form.addRow(self.tr("Data rows:"), self.rows)
        form.addRow(self.tr("Kind of table:"), self.kind_combo)
        form.addRow("", self.kind_note)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addLayout(form)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a table"), str(Path(self.wiz.path).parent if self.wiz.path
                                                else Path.home()),
            self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;Phone contacts (*.vcf);;"
                    "Full export (*.zip);;All files (*)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        if path.lower().endswith(HANDED_OFF):
            self.wiz.handoff.emit(path)
            self.wiz.done(0)
            return
        self.wiz.path = path
        self.path_edit.setText(path)
        self.wiz.sheet = None
        self.wiz.mapping = None
        self.error.clear()
        try:
            sheet = read_sheet(path)
        except SheetError as exc:
            self.error.setText(self._refusal(exc.code))
            for label in (self.encoding, self.delimiter, self.header, self.skipped, self.rows):
                label.setText("—")
            self.completeChanged.emit()
            return
        self.wiz.sheet = sheet
        words = self.wiz.words
        self.encoding.setText(words.encoding(sheet.encoding))
        self.delimiter.setText(words.delimiter(sheet.delimiter))
        first, last = sheet.header_lines
        header = (self.tr("row %1").replace("%1", str(first)) if first == last else
                  self.tr("rows %1–%2, joined (a two-row or merged header)").replace(
                      "%1", str(first)).replace("%2", str(last)))
        self.header.setText(header)
        left_out = []
        if first > 1:
            left_out.append(self.tr("title rows above the header: %1").replace(
                "%1", str(first - 1)))
        for reason in ("blank", "total", "nul_removed"):
            lines = [s.line for s in sheet.skipped if s.reason == reason]
            if lines:
                left_out.append(f"{words.skip_reason(reason)}: "
                                + ", ".join(str(n) for n in lines[:12])
                                + ("…" if len(lines) > 12 else ""))
        self.skipped.setText("\n".join(left_out) or self.tr("none"))
        self.rows.setText(str(len(sheet.rows)))
        kind = None
        try:
            if self.wiz.mappings_file.exists():
                saved = pick_mapping(load_mappings(self.wiz.mappings_file), sheet.names)
                kind = saved.kind if saved is not None else None
        except MappingError:
            kind = None
        kind = kind or detect_kind(sheet.names)
        self.kind_note.setText(self.tr("Detected from the column headings; change it if "
                                       "it is wrong.") if kind else
                               self.tr("The headings do not say which table this is: "
                                       "choose its kind."))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind or "")))
        self._kind_chosen()

    def _refusal(self, code: str) -> str:
        return {
            "missing": self.tr("The file does not exist."),
            "encoding": self.tr("The file's text encoding is not UTF-8, GBK/GB18030 or "
                                "UTF-16: save it as CSV (UTF-8) or Excel .xlsx."),
            "empty": self.tr("The file holds no table."),
        }.get(code, self.tr("The file cannot be read: save it as CSV (UTF-8) or Excel .xlsx."))

    def _kind_chosen(self) -> None:
        self.wiz.kind = self.kind_combo.currentData() or None
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return self.wiz.sheet is not None and bool(self.wiz.kind)
