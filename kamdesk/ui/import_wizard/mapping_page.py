"""Step 2: which column means what. Each of the file's columns (its heading as
written and a few of its values) gets a meaning (guessed from the heading, or the
mapping saved for this file shape) or "ignore"; a money column gets its unit (元 or
万元). Required meanings must be mapped, each meaning once. Going on saves the mapping
for the file's shape (reused the next time a file with these headings is opened);
"Save mapping as…" writes it for ``kamdesk import --mapping``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from kamdesk.io.import_tables import REQUIRED
from kamdesk.io.sheets.columns import KIND_COLUMNS, meaning_label
from kamdesk.io.sheets.mapping import (
    Mapping,
    MappingError,
    guess_mapping,
    load_mappings,
    pick_mapping,
    save_mapping,
    shape_of,
)
from kamdesk.io.tabular import cell_text
from kamdesk.ui.import_wizard.texts import MONEY_MEANINGS, MONEY_UNITS

if TYPE_CHECKING:
    from kamdesk.ui.import_wizard.wizard import ImportWizard

HEADING, SAMPLE, MEANING, UNIT = range(4)
SAMPLES = 3


def missing_meanings(kind: str, columns: dict[str, int]) -> list[str]:
    """The meanings a table of ``kind`` needs that ``columns`` does not map."""
    if kind == "orders":
        need = [m for m in ("date", "amount") if m not in columns]
        if "code" not in columns and "customer" not in columns:
            need.insert(0, "code")
        return need
    return [m for m in REQUIRED.get(kind, ()) if m not in columns]


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr("Say what each column holds. The guess comes from the "
                                 "headings; columns set to “ignore” are not imported."))
        self.source = QLabel()
        self.source.setObjectName("mappingSource")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"),
                                              self.tr("Values (first rows)"),
                                              self.tr("Meaning"), self.tr("Unit")])
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(HEADING, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(MEANING, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(UNIT, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        save_as = QPushButton(self.tr("Save mapping as…"))
        save_as.setObjectName("saveMappingAs")
        save_as.clicked.connect(self.save_as)
        reset = QPushButton(self.tr("Guess again"))
        reset.setObjectName("guessAgain")
        reset.clicked.connect(lambda: self._fill(self._guess()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(reset)
        buttons.addWidget(save_as)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.meaning_boxes: list[QComboBox] = []
        self.unit_boxes: list[QComboBox] = []

    # -- filling ----------------------------------------------------------------------
    def _guess(self) -> Mapping:
        sheet, kind = self.wiz.sheet, self.wiz.kind or "customers"
        assert sheet is not None
        return guess_mapping(sheet.names, kind) or Mapping(
            kind, shape_of(sheet.names), {}, {}, list(range(len(sheet.names))))

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        sheet, kind = self.wiz.sheet, self.wiz.kind
        assert sheet is not None and kind is not None
        saved = None
        try:
            if self.wiz.mappings_file.exists():
                saved = pick_mapping(load_mappings(self.wiz.mappings_file), sheet.names, kind)
        except MappingError:
            saved = None
        if saved is not None and saved.shape:
            self.source.setText(self.tr("Using the mapping you saved for files with these "
                                        "columns."))
            self._fill(saved)
        else:
            self.source.setText(self.tr("Guessed from the headings — check it."))
            self._fill(self._guess())

    def _fill(self, mapping: Mapping) -> None:
        sheet, kind = self.wiz.sheet, self.wiz.kind
        assert sheet is not None and kind is not None
        lang = self.wiz.ctx.lang
        by_column = {i: m for m, i in mapping.columns.items()}
        self.table.setRowCount(len(sheet.names))
        self.meaning_boxes, self.unit_boxes = [], []
        for i, name in enumerate(sheet.names):
            heading = name.text or self.tr("(no heading, column %1)").replace("%1", str(i + 1))
            self.table.setItem(i, HEADING, QTableWidgetItem(heading))
            values = [cell_text(cells[i]) for _line, cells in sheet.rows if i < len(cells)]
            sample = " · ".join([v for v in values if v][:SAMPLES])
            self.table.setItem(i, SAMPLE, QTableWidgetItem(sample))
            meaning = QComboBox()
            meaning.setObjectName(f"meaning{i}")
            meaning.addItem(self.tr("— ignore —"), "")
            for m in KIND_COLUMNS[kind]:
                meaning.addItem(meaning_label(m, lang), m)
            meaning.setCurrentIndex(max(0, meaning.findData(by_column.get(i, ""))))
            unit = QComboBox()
            unit.setObjectName(f"unit{i}")
            for u in MONEY_UNITS:
                unit.addItem(u, u)
            written = mapping.units.get(i) or name.unit or "元"
            unit.setCurrentIndex(max(0, unit.findData("万元" if written in ("万", "万元")
                                                      else "元")))
            meaning.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(i, MEANING, meaning)
            self.table.setCellWidget(i, UNIT, unit)
            self.meaning_boxes.append(meaning)
            self.unit_boxes.append(unit)
        self._changed()

    # -- reading back ---------------------------------------------------------------------
    def current_mapping(self) -> Mapping:
        sheet, kind = self.wiz.sheet, self.wiz.kind
        assert sheet is not None and kind is not None
        columns: dict[str, int] = {}
        units: dict[int, str] = {i: n.unit for i, n in enumerate(sheet.names) if n.unit}
        for i, box in enumerate(self.meaning_boxes):
            meaning = box.currentData()
            if meaning and meaning not in columns:
                columns[meaning] = i
            if meaning in MONEY_MEANINGS:
                units[i] = self.unit_boxes[i].currentData()
        used = set(columns.values())
        return Mapping(kind, shape_of(sheet.names), columns, units,
                       [i for i in range(len(sheet.names)) if i not in used])

    def problems(self) -> list[str]:
        kind = self.wiz.kind or ""
        lang = self.wiz.ctx.lang
        chosen = [b.currentData() for b in self.meaning_boxes if b.currentData()]
        out = []
        twice = sorted({m for m in chosen if chosen.count(m) > 1})
        if twice:
            out.append(self.tr("Each meaning may be given to one column only: %1.").replace(
                "%1", ", ".join(meaning_label(m, lang) for m in twice)))
        missing = missing_meanings(kind, {m: 0 for m in chosen})
        if missing:
            out.append(self.tr("Choose the column that holds: %1.").replace(
                "%1", ", ".join(meaning_label(m, lang) for m in missing)))
        return out

    def _changed(self) -> None:
        for box, unit in zip(self.meaning_boxes, self.unit_boxes, strict=True):
            unit.setVisible(box.currentData() in MONEY_MEANINGS)
        problems = self.problems()
        self.status.setStyleSheet("color: #b3261e" if problems else "")
        self.status.setText("\n".join(problems) or self.tr("All required columns are mapped."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return bool(self.meaning_boxes) and not self.problems()

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        self.wiz.mapping = self.current_mapping()
        try:  # reused the next time a file of this shape is opened
            self.wiz.mappings_file.parent.mkdir(parents=True, exist_ok=True)
            save_mapping(self.wiz.mappings_file, self.wiz.mapping)
        except (OSError, MappingError):
            pass  # the import does not depend on remembering the mapping
        return True

    def save_as(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save mapping as"), "mapping.json",
                self.tr("Column mapping (*.json)"))
            if not path:
                return
        try:
            save_mapping(path, self.current_mapping())
        except (OSError, MappingError) as exc:
            QMessageBox.warning(self, self.tr("Save mapping as"), self.tr(
                "The mapping could not be saved: %1").replace("%1", str(exc)))
