"""The account plan editor (客户经营计划): one customer, one period at a time.

A plan is a record of what was intended for a period, so the editor never overwrites
one period with another: the period list switches between existing plans, "New
period" starts a fresh plan from the data, and "Copy to new period" carries the
current one forward. Everything on screen is plain values loaded from the store; Save
writes the whole plan in one transaction and reloads it, so new rows get their ids
(needed for "Make task") and what is shown is what is stored.

The situation figures and the stakeholder map are read live from the data rather
than kept in the plan: they would otherwise be out of date the day after saving.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QDialog, QFileDialog, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
    QWidget,
)

from kamdesk.store import plans as P
from kamdesk.store.errors import ValidationError
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import parse_date
from kamdesk.ui.icons import icon

__all__ = ["PlanEditor", "RowTable", "export_brief_pdf", "export_plan_pdf",
           "open_plan_editor", "print_plan"]

PLAN_TABLES = frozenset({"account_plans", "plan_objectives", "plan_actions", "plan_risks"})
LIVE_TABLES = frozenset({"people", "interactions", "customer_metrics", "customers", "trades",
                         "complaints", "survey_responses", "contracts"})
GAP_COLOUR = "#c62828"
WARN_COLOUR = "#b26a00"
GOOD_COLOUR = "#2e7d32"
_open_editors: set[QDialog] = set()


# --------------------------------------------------------------------------- PDF helpers


def _default_dir(ctx: AppContext) -> str:
    saved = str(ctx.settings.value("reports/last_dir", "") or "")
    if saved and Path(saved).is_dir():
        return saved
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs or str(Path.home())


def _ask_pdf_path(ctx: AppContext, parent: QWidget | None, title: str, name: str) -> Path | None:
    pdf_filter = QCoreApplication.translate("PlanEditor", "PDF documents (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(_default_dir(ctx)) / name),
                                          pdf_filter)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    ctx.settings.setValue("reports/last_dir", str(target.parent))
    return target


def _pagesize(ctx: AppContext) -> str:
    return "Letter" if str(ctx.settings.value("reports/paper", "A4")) == "Letter" else "A4"


def _render(parent: QWidget | None, work: Callable[[], Any]) -> Any:
    """Run a render with a busy cursor; a disk error is shown, not raised."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    except OSError as exc:
        QMessageBox.warning(parent,
                            QCoreApplication.translate("PlanEditor", "Could not write the PDF"),
                            QCoreApplication.translate("PlanEditor",
                                                       "The file could not be written:\n%1")
                            .replace("%1", exc.strerror or str(exc)))
        return None
    finally:
        QApplication.restoreOverrideCursor()


def _write_plan(ctx: AppContext, plan_id: int | None, customer_id: int, target: Path) -> int:
    from kamdesk.reports.from_store import plan_document
    from kamdesk.reports.plan_pdf import render_plan_pdf

    with ctx.db.engine.connect() as conn:
        doc = plan_document(conn, plan_id, customer_id, ctx.lang, ctx.clock.today())
    return render_plan_pdf(doc, target, pagesize=_pagesize(ctx))  # type: ignore[arg-type]


def export_plan_pdf(ctx: AppContext, plan_id: int | None, customer_id: int,
                    parent: QWidget | None = None) -> Path | None:
    """Save as…, write the plan in the UI language, open it in the system viewer."""
    from kamdesk.reports.batch import plan_file_name

    with ctx.db.engine.connect() as conn:
        detail = P.plan_detail(conn, plan_id) if plan_id else None
        who = _customer_label(conn, customer_id)
    period = detail.period if detail else str(ctx.clock.today().year)
    title = QCoreApplication.translate("PlanEditor", "Export account plan")
    target = _ask_pdf_path(ctx, parent, title,
                           plan_file_name(who[0], who[1], period))
    if target is None:
        return None
    pages = _render(parent, lambda: _write_plan(ctx, plan_id, customer_id, target))
    if pages is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(QCoreApplication.translate("PlanEditor", "Saved %1 (%2 pages)")
                    .replace("%1", str(target))
                    .replace("%2", str(pages)))
    return target


def print_plan(ctx: AppContext, plan_id: int | None, customer_id: int,
               parent: QWidget | None = None) -> Path | None:
    """Printing goes through the system PDF viewer: it knows the user's printers,
    duplex and paper trays far better than a home-made print dialog would."""
    from kamdesk.reports.batch import plan_file_name

    with ctx.db.engine.connect() as conn:
        detail = P.plan_detail(conn, plan_id) if plan_id else None
        who = _customer_label(conn, customer_id)
    folder = Path(tempfile.gettempdir()) / "kamdesk-print"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / plan_file_name(who[0], who[1],
                                     detail.period if detail else str(ctx.clock.today().year))
    pages = _render(parent, lambda: _write_plan(ctx, plan_id, customer_id, target))
    if pages is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(QCoreApplication.translate(
        "PlanEditor", "Opened the plan in your PDF viewer: print it from there."))
    return target


def export_brief_pdf(ctx: AppContext, customer_id: int, parent: QWidget | None = None
                     ) -> Path | None:
    """The one-page pre-visit brief: Save as…, then open it."""
    from kamdesk.reports.batch import sanitize

    with ctx.db.engine.connect() as conn:
        code, name = _customer_label(conn, customer_id)
    today = ctx.clock.today()
    title = QCoreApplication.translate("PlanEditor", "Export pre-visit brief")
    target = _ask_pdf_path(ctx, parent, title,
                           f"{sanitize(code, 32)}-{sanitize(name)}-brief-{today.isoformat()}.pdf")
    if target is None:
        return None

    def work() -> int:
        from kamdesk.reports.brief_pdf import render_brief_pdf
        from kamdesk.reports.from_store import brief_document

        with ctx.db.engine.connect() as conn:
            doc = brief_document(conn, customer_id, ctx.lang, today)
        return render_brief_pdf(doc, target, pagesize=_pagesize(ctx))  # type: ignore[arg-type]

    if _render(parent, work) is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(QCoreApplication.translate("PlanEditor", "Saved %1").replace("%1", str(target)))
    return target


def _customer_label(conn: Any, customer_id: int) -> tuple[str, str]:
    c = P.customer_by_id(conn, customer_id)
    return (c.code, c.name) if c is not None else ("?", "?")


# --------------------------------------------------------------------------- row tables


CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for coded columns (status, risk type, level): the cell shows the
    word, the stored code rides in CODE_ROLE."""

    def __init__(self, choices: Sequence[tuple[str, str]], colours: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.colours = list(colours)

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for code, text in self.choices:
            combo.addItem(text, code)
        # One click picks: the value is committed as soon as it changes.
        combo.activated.connect(lambda _i: (self.commitData.emit(combo),
                                            self.closeEditor.emit(combo)))
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))
            editor.showPopup()

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            code = editor.currentData()
            model.setData(index, code, CODE_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
            colour = dict(self.colours).get(code)
            model.setData(index, QBrush(QColor(colour)) if colour else None,
                          Qt.ItemDataRole.ForegroundRole)


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text | date | choice | readonly
    choices: tuple[tuple[str, str], ...] = ()  # (code, label)
    width: int = 120
    stretch: bool = False
    colours: tuple[tuple[str, str], ...] = ()  # (code, colour) for coded columns


class RowTable(QWidget):
    """An editable table with Add / Remove / Move up / Move down.

    Rows are plain dicts: the columns' keys plus whatever else the caller put in
    (``id``, ``task_id`` …), which rides along untouched in the first cell's data.
    """

    changed = Signal()

    def __init__(self, columns: Sequence[Col], name: str, add_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        # Rows grow with wrapped text, re-measured whenever the columns change width: a
        # table on a hidden tab is first laid out far narrower than it will be shown.
        self.table.verticalHeader().setMinimumSectionSize(28)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.table.resizeRowsToContents)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda *_a: self._fit_timer.start())
        for i, c in enumerate(self.columns):
            if c.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, c.width)
            if c.kind == "choice":
                self.table.setItemDelegateForColumn(i, _ChoiceDelegate(c.choices, c.colours,
                                                                       self.table))
        self.table.itemChanged.connect(lambda _item: (self.changed.emit(),
                                                      self._fit_timer.start()))

        self.add_button = QPushButton(icon("edit"), add_text)
        self.add_button.setObjectName(name + "Add")
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"))
        self.remove_button.setObjectName(name + "Remove")
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(lambda: self.add_row(edit=True))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- rows in and out -----------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self.table.blockSignals(False)
        self._fit_timer.start()
        self._update_buttons()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def _append(self, row: dict[str, Any]) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        extra = {k: v for k, v in row.items() if k not in {c.key for c in self.columns}}
        for i, c in enumerate(self.columns):
            value = row.get(c.key)
            if c.kind == "choice":
                item = QTableWidgetItem(dict(c.choices).get(value, str(value or "")))
                item.setData(CODE_ROLE, value)
                self._colour(item, c, value)
            else:
                text = value.isoformat() if isinstance(value, date) else str(value or "")
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 20 else "")
                if c.kind == "readonly":
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if c.kind == "date":
                    item.setToolTip(self.tr("YYYY-MM-DD, empty if none"))
            if i == 0:
                item.setData(Qt.ItemDataRole.UserRole, extra)
            self.table.setItem(r, i, item)
        return r

    @staticmethod
    def _colour(item: QTableWidgetItem, c: Col, value: Any) -> None:
        colour = dict(c.colours).get(value)
        item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            row: dict[str, Any] = dict(first.data(Qt.ItemDataRole.UserRole) or {}) if first else {}
            for i, c in enumerate(self.columns):
                if c.kind == "choice":
                    item = self.table.item(r, i)
                    row[c.key] = item.data(CODE_ROLE) if item else None
                else:
                    item = self.table.item(r, i)
                    row[c.key] = item.text().strip() if item else ""
            out.append(row)
        return out

    def snapshot(self) -> tuple[Any, ...]:
        return tuple(tuple(sorted((k, str(v)) for k, v in row.items())) for row in self.rows())

    def set_value(self, r: int, key: str, value: Any) -> None:
        """Set one cell as if typed or picked (a code for coded columns)."""
        i = [c.key for c in self.columns].index(key)
        c = self.columns[i]
        item = self.table.item(r, i)
        if item is None:
            return
        if c.kind == "choice":
            item.setData(CODE_ROLE, value)
            item.setText(dict(c.choices).get(value, str(value)))
            self._colour(item, c, value)
        else:
            item.setText(value.isoformat() if isinstance(value, date) else str(value or ""))

    # -- editing -------------------------------------------------------------------
    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else self.table.currentRow()

    def add_row(self, values: dict[str, Any] | None = None, edit: bool = False) -> int:
        row = {"id": None}
        for c in self.columns:
            if c.kind == "choice" and c.choices:
                row[c.key] = c.choices[0][0]
        row.update(values or {})
        self.table.blockSignals(True)
        r = self._append(row)
        self.table.blockSignals(False)
        self.table.selectRow(r)
        self.table.setCurrentCell(r, 0)
        if edit:
            self.table.setFocus()
            self.table.editItem(self.table.item(r, 0))
        self.changed.emit()
        self._update_buttons()
        return r

    def remove_selected(self) -> None:
        r = self.current_row()
        if r < 0:
            return
        self.table.removeRow(r)
        if self.table.rowCount():
            self.table.selectRow(min(r, self.table.rowCount() - 1))
        self.changed.emit()
        self._update_buttons()

    def move_selected(self, delta: int) -> None:
        r = self.current_row()
        rows = self.rows()
        j = r + delta
        if r < 0 or not 0 <= j < len(rows):
            return
        rows.insert(j, rows.pop(r))
        self.set_rows(rows)
        self.table.selectRow(j)
        self.changed.emit()

    def select(self, r: int, column: int = 0) -> None:
        if 0 <= r < self.table.rowCount():
            self.table.selectRow(r)
            self.table.setCurrentCell(r, column)

    def _update_buttons(self) -> None:
        r = self.current_row()
        has = 0 <= r < self.table.rowCount()
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and r > 0)
        self.down_button.setEnabled(has and r < self.table.rowCount() - 1)


def _text_box(name: str, placeholder: str, height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(height)
    return edit


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lab = QLabel(f"<b>{title}</b>")
    lab.setBuddy(widget)
    lay.addWidget(lab)
    lay.addWidget(widget, 1)
    return box


# --------------------------------------------------------------------------- the editor


class PlanEditor(QDialog):
    """``PlanEditor(ctx, customer_id, plan_id | None, parent)``.

    With ``plan_id`` None the customer's latest plan opens; a customer with no plan
    yet gets a banner offering to create one for the suggested period.
    """

    saved = Signal(int)  # plan id

    def __init__(self, ctx: AppContext, customer_id: int, plan_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.plan_id: int | None = None
        self.detail: P.PlanDetail | None = None
        self.facts: P.PlanFacts | None = None
        self._clean: Any = None
        self._loading = False
        self.setObjectName("planEditor")
        self.setWindowTitle(self.tr("Account plan"))
        self.setSizeGripEnabled(True)
        self.resize(1060, 740)

        self._build()
        ctx.changed.connect(self._on_changed)
        self._load_periods(select=plan_id)

    # -- construction ----------------------------------------------------------------
    def _build(self) -> None:
        self.customer_label = QLabel()
        self.customer_label.setObjectName("planCustomer")
        f = self.customer_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.customer_label.setFont(f)

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setMinimumWidth(110)
        self.period_combo.currentIndexChanged.connect(self._period_picked)
        self.new_period_button = QPushButton(icon("plan"), self.tr("New period…"))
        self.new_period_button.setObjectName("newPeriodButton")
        self.new_period_button.setToolTip(
            self.tr("Start a plan for another period, pre-filled from the data"))
        self.new_period_button.clicked.connect(lambda: self.new_period())
        self.copy_button = QPushButton(self.tr("Copy to new period…"))
        self.copy_button.setObjectName("copyPeriodButton")
        self.copy_button.setToolTip(
            self.tr("Carry this plan forward: texts, objectives, open actions and risks"))
        self.copy_button.clicked.connect(lambda: self.new_period(copy=True))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("planStatus")
        for code in P.PLAN_STATUSES:
            self.status_combo.addItem(labels.plan_status(code), code)
        self.owner_edit = QLineEdit()
        self.owner_edit.setObjectName("planOwner")
        self.owner_edit.setMaxLength(100)
        self.owner_edit.setMaximumWidth(160)

        top = QHBoxLayout()
        top.addWidget(self.customer_label, 1)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_combo)
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        top.addWidget(self.new_period_button)
        top.addWidget(self.copy_button)
        status_label = QLabel(self.tr("Status:"))
        status_label.setBuddy(self.status_combo)
        top.addSpacing(12)
        top.addWidget(status_label)
        top.addWidget(self.status_combo)
        owner_label = QLabel(self.tr("&Owner:"))
        owner_label.setBuddy(self.owner_edit)
        top.addWidget(owner_label)
        top.addWidget(self.owner_edit)

        # Shown instead of the tabs while the customer has no plan at all.
        self.banner = QFrame()
        self.banner.setObjectName("noPlanBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.tr(
            "This customer has no account plan yet. A new plan is pre-filled from the data: "
            "the situation, the method's strategies for the customer's tier, objectives with "
            "today's baselines and the risks the figures show."))
        self.banner_text.setWordWrap(True)
        self.banner_period = QLineEdit()
        self.banner_period.setObjectName("bannerPeriod")
        self.banner_period.setMaximumWidth(120)
        self.banner_period.setPlaceholderText("2027 / 2027-H1 / 2027-Q1")
        self.create_button = QPushButton(icon("plan"), self.tr("Create plan"))
        self.create_button.setObjectName("createPlanButton")
        self.create_button.clicked.connect(
            lambda: self.create_period(self.banner_period.text()))
        self.banner_period.returnPressed.connect(self.create_button.click)
        b = QVBoxLayout(self.banner)
        b.addWidget(self.banner_text)
        row = QHBoxLayout()
        lab = QLabel(self.tr("Period:"))
        lab.setBuddy(self.banner_period)
        row.addWidget(lab)
        row.addWidget(self.banner_period)
        row.addWidget(self.create_button)
        row.addStretch(1)
        b.addLayout(row)
        b.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setObjectName("planError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {GAP_COLOUR}; font-weight: bold;")
        self.error_label.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("planTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._situation_tab(), self.tr("Situation"))
        self.tabs.addTab(self._swot_tab(), self.tr("SWOT"))
        self.tabs.addTab(self._objectives_tab(), self.tr("Objectives"))
        self.tabs.addTab(self._strategies_tab(), self.tr("Strategies"))
        self.tabs.addTab(self._actions_tab(), self.tr("Action plan"))
        self.tabs.addTab(self._stakeholders_tab(), self.tr("Stakeholders"))
        self.tabs.addTab(self._opportunities_tab(), self.tr("Opportunities && resources"))
        self.tabs.addTab(self._risks_tab(), self.tr("Risks"))

        self.export_button = QPushButton(icon("pdf"), self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPdfButton")
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Opens the plan in your PDF viewer to print"))
        self.print_button.clicked.connect(self.print_pdf)
        self.brief_button = QPushButton(icon("visit"), self.tr("Brief PDF…"))
        self.brief_button.setObjectName("briefPdfButton")
        self.brief_button.setToolTip(self.tr("One-page pre-visit brief of this customer"))
        self.brief_button.clicked.connect(self.brief_pdf)
        self.save_button = QPushButton(icon("done"), self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.brief_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        for w in (self.owner_edit,):
            w.textChanged.connect(self._touched)
        self.status_combo.currentIndexChanged.connect(self._touched)
        self.setTabOrder(self.period_combo, self.owner_edit)
        self.setTabOrder(self.owner_edit, self.tabs)

    def _situation_tab(self) -> QWidget:
        w = QWidget()
        self.facts_grid = QGridLayout()
        self.facts_grid.setHorizontalSpacing(18)
        self.fact_labels: dict[str, QLabel] = {}
        names = (("tier", self.tr("Value tier")), ("activity", self.tr("Activity")),
                 ("health", self.tr("Health")), ("revenue", self.tr("Revenue, 12 months")),
                 ("trend", self.tr("Trend vs prior 12 months")),
                 ("wallet", self.tr("Share of wallet")),
                 ("interactions", self.tr("Interactions, 12 months")),
                 ("complaints", self.tr("Open complaints")),
                 ("nps", self.tr("Latest NPS")), ("csat", self.tr("Latest CSAT")))
        for i, (key, caption) in enumerate(names):
            cap = QLabel(caption)
            cap.setStyleSheet("color: palette(mid);")
            val = QLabel()
            val.setObjectName(f"fact_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            vf = val.font()
            vf.setBold(True)
            val.setFont(vf)
            self.fact_labels[key] = val
            row, col = divmod(i, 5)
            self.facts_grid.addWidget(cap, row * 2, col)
            self.facts_grid.addWidget(val, row * 2 + 1, col)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("healthReasons")
        self.reasons_label.setWordWrap(True)
        self.summary_edit = _text_box("summaryEdit", self.tr("The situation in a few sentences"),
                                      140)
        self.refill_button = QPushButton(self.tr("Write from the data"))
        self.refill_button.setObjectName("refillSummaryButton")
        self.refill_button.setToolTip(
            self.tr("Replace the summary with one written from today's figures"))
        self.refill_button.clicked.connect(self.refill_summary)
        lay = QVBoxLayout(w)
        lay.addLayout(self.facts_grid)
        lay.addWidget(self.reasons_label)
        head = QHBoxLayout()
        lab = QLabel("<b>" + self.tr("Situation summary") + "</b>")
        lab.setBuddy(self.summary_edit)
        head.addWidget(lab)
        head.addStretch(1)
        head.addWidget(self.refill_button)
        lay.addLayout(head)
        lay.addWidget(self.summary_edit, 1)
        self.summary_edit.textChanged.connect(self._touched)
        return w

    def _swot_tab(self) -> QWidget:
        w = QWidget()
        hint = self.tr("One item a line")
        self.strengths_edit = _text_box("strengthsEdit", hint)
        self.weaknesses_edit = _text_box("weaknessesEdit", hint)
        self.swot_opps_edit = _text_box("swotOpportunitiesEdit", hint)
        self.threats_edit = _text_box("threatsEdit", hint)
        grid = QGridLayout(w)
        grid.addWidget(_titled(self.tr("Strengths"), self.strengths_edit), 0, 0)
        grid.addWidget(_titled(self.tr("Weaknesses"), self.weaknesses_edit), 0, 1)
        grid.addWidget(_titled(self.tr("Opportunities"), self.swot_opps_edit), 1, 0)
        grid.addWidget(_titled(self.tr("Threats"), self.threats_edit), 1, 1)
        for e in (self.strengths_edit, self.weaknesses_edit, self.swot_opps_edit,
                  self.threats_edit):
            e.textChanged.connect(self._touched)
        return w

    def _objectives_tab(self) -> QWidget:
        statuses = tuple((c, labels.objective_status(c)) for c in P.OBJECTIVE_STATUSES)
        self.objectives = RowTable([
            Col("metric", self.tr("Metric"), stretch=True),
            Col("baseline", self.tr("Baseline"), width=130),
            Col("target", self.tr("Target"), width=130),
            Col("due", self.tr("Due"), "date", width=100),
            Col("status", self.tr("Status"), "choice", statuses, width=110,
                colours=(("on_track", GOOD_COLOUR), ("achieved", GOOD_COLOUR),
                         ("at_risk", WARN_COLOUR), ("missed", GAP_COLOUR))),
        ], "objectivesTable", self.tr("Add objective"))
        self.objectives.changed.connect(self._touched)
        w = QWidget()
        lay = QVBoxLayout(w)
        hint = QLabel(self.tr("Objectives are measurable: a metric, where it stands today, "
                              "where it should be and by when."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.objectives, 1)
        return w

    def _strategies_tab(self) -> QWidget:
        w = QWidget()
        self.strategies_edit = _text_box("strategiesEdit", self.tr("One strategy a line"), 200)
        self.strategies_edit.textChanged.connect(self._touched)
        self.reset_strategies_button = QPushButton(self.tr("Use the method's strategies"))
        self.reset_strategies_button.setObjectName("resetStrategiesButton")
        self.reset_strategies_button.clicked.connect(self.reset_strategies)
        self.strategy_hint = QLabel()
        self.strategy_hint.setWordWrap(True)
        lay = QVBoxLayout(w)
        head = QHBoxLayout()
        head.addWidget(self.strategy_hint, 1)
        head.addWidget(self.reset_strategies_button)
        lay.addLayout(head)
        lay.addWidget(self.strategies_edit, 1)
        return w

    def _actions_tab(self) -> QWidget:
        statuses = tuple((c, labels.plan_action_status(c)) for c in P.ACTION_STATUSES)
        self.actions = RowTable([
            Col("action", self.tr("Action"), stretch=True),
            Col("owner", self.tr("Owner"), width=110),
            Col("due", self.tr("Due"), "date", width=100),
            Col("status", self.tr("Status"), "choice", statuses, width=110,
                colours=(("done", GOOD_COLOUR), ("dropped", "#8c8f94"))),
            Col("task", self.tr("Reminder"), "readonly", width=110),
        ], "actionsTable", self.tr("Add action"))
        self.actions.changed.connect(self._touched)
        self.make_task_button = QPushButton(icon("bell"), self.tr("Make task"))
        self.make_task_button.setObjectName("makeTaskButton")
        self.make_task_button.setToolTip(
            self.tr("Put the selected action on the task list with a reminder"))
        self.make_task_button.clicked.connect(self.make_task)
        self.actions.buttons.insertWidget(4, self.make_task_button)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.actions, 1)
        return w

    def _stakeholders_tab(self) -> QWidget:
        self.people_table = QTableWidget(0, 8)
        self.people_table.setObjectName("stakeholdersTable")
        self.people_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Title"), self.tr("Decision role"), self.tr("Attitude"),
            self.tr("Influence"), self.tr("Relationship"), self.tr("Last contact"),
            self.tr("Coverage gap")])
        self.people_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.verticalHeader().setVisible(False)
        self.people_table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate((90, 110, 110, 80, 70, 90, 95)):
            self.people_table.setColumnWidth(i, width)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverageSummary")
        self.coverage_label.setWordWrap(True)
        self.people_notes = _text_box("stakeholderNotesEdit",
                                      self.tr("Notes on the decision chain for this period"), 70)
        self.people_notes.textChanged.connect(self._touched)
        profile = QPushButton(icon("profile"), self.tr("Edit key people in the profile"))
        profile.clicked.connect(lambda: self.ctx.open_customer.emit(self.customer_id))
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.coverage_label)
        lay.addWidget(self.people_table, 2)
        lay.addWidget(_titled(self.tr("Stakeholder notes"), self.people_notes), 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(profile)
        lay.addLayout(row)
        return w

    def _opportunities_tab(self) -> QWidget:
        w = QWidget()
        self.opportunities_edit = _text_box("opportunitiesEdit",
                                            self.tr("One opportunity a line"), 120)
        self.resources_edit = _text_box("resourcesEdit",
                                        self.tr("People, budget, support needed — one a line"),
                                        120)
        for e in (self.opportunities_edit, self.resources_edit):
            e.textChanged.connect(self._touched)
        lay = QVBoxLayout(w)
        lay.addWidget(_titled(self.tr("Business opportunities"), self.opportunities_edit), 1)
        lay.addWidget(_titled(self.tr("Resources needed"), self.resources_edit), 1)
        return w

    def _risks_tab(self) -> QWidget:
        kinds = tuple((c, labels.risk_kind(c)) for c in P.RISK_KINDS)
        levels = tuple((c, labels.level(c)) for c in ("high", "medium", "low"))
        self.risks = RowTable([
            Col("risk", self.tr("Risk"), width=300),
            Col("kind", self.tr("Type"), "choice", kinds, width=150),
            Col("level", self.tr("Level"), "choice", levels, width=90,
                colours=(("high", GAP_COLOUR), ("medium", WARN_COLOUR))),
            Col("mitigation", self.tr("Mitigation"), stretch=True),
        ], "risksTable", self.tr("Add risk"))
        self.risks.changed.connect(self._touched)
        self.suggest_risks_button = QPushButton(icon("warning"), self.tr("Suggest from data"))
        self.suggest_risks_button.setObjectName("suggestRisksButton")
        self.suggest_risks_button.setToolTip(
            self.tr("Add the risks today's figures show (credit, contacts, contracts …) "
                    "that are not listed yet"))
        self.suggest_risks_button.clicked.connect(self.suggest_risks)
        self.risks.buttons.insertWidget(4, self.suggest_risks_button)
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(self.risks, 1)
        return w

    # -- loading ---------------------------------------------------------------------
    def _load_periods(self, select: int | None = None) -> None:
        today = self.ctx.clock.today()
        with self.ctx.db.engine.connect() as conn:
            periods = P.plan_periods(conn, self.customer_id)
            self.facts = P.plan_facts(conn, self.customer_id, today)
        if self.facts is not None:
            self.customer_label.setText(f"{self.facts.code}  {self.facts.name}")
            self.setWindowTitle(self.tr("Account plan — %1").replace("%1", self.facts.name))
        self._loading = True
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for pid, period in periods:
            self.period_combo.addItem(period, pid)
        self.period_combo.blockSignals(False)
        self._loading = False
        has = bool(periods)
        self.banner.setVisible(not has)
        self.tabs.setVisible(has)
        for w in (self.period_combo, self.copy_button, self.status_combo, self.owner_edit,
                  self.export_button, self.print_button, self.save_button):
            w.setEnabled(has)
        if not has:
            self.plan_id = None
            self.detail = None
            self.banner_period.setText(P.suggest_period([], today))
            self._clean = None
            return
        ids = [pid for pid, _ in periods]
        target = select if select in ids else ids[0]
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(ids.index(target))
        self.period_combo.blockSignals(False)
        self.load_plan(target)

    def load_plan(self, plan_id: int) -> None:
        today = self.ctx.clock.today()
        with self.ctx.db.engine.connect() as conn:
            detail = P.plan_detail(conn, plan_id)
            self.facts = P.plan_facts(conn, self.customer_id, today)
            people = P.stakeholders(conn, self.customer_id, today, self.ctx.lang)
        if detail is None:
            self._load_periods()
            return
        self.plan_id = plan_id
        self.detail = detail
        self._loading = True
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(detail.status)))
        self.owner_edit.setText(detail.owner)
        self.summary_edit.setPlainText(detail.situation_summary)
        self.strengths_edit.setPlainText(detail.strengths)
        self.weaknesses_edit.setPlainText(detail.weaknesses)
        self.swot_opps_edit.setPlainText(detail.swot_opportunities)
        self.threats_edit.setPlainText(detail.threats)
        self.strategies_edit.setPlainText(detail.strategies)
        self.opportunities_edit.setPlainText(detail.opportunities)
        self.resources_edit.setPlainText(detail.resources_needed)
        self.people_notes.setPlainText(detail.stakeholder_notes)
        self.objectives.set_rows([
            {"id": o.id, "metric": o.metric, "baseline": o.baseline, "target": o.target,
             "due": o.due, "status": o.status} for o in detail.objectives])
        self.actions.set_rows([
            {"id": a.id, "task_id": a.task_id, "action": a.action, "owner": a.owner,
             "due": a.due, "status": a.status, "task": self._task_text(a)}
            for a in detail.actions])
        self.risks.set_rows([
            {"id": r.id, "risk": r.risk, "kind": r.kind, "level": r.level,
             "mitigation": r.mitigation} for r in detail.risks])
        self._show_facts()
        self._show_people(people)
        self._loading = False
        self._mark_clean()

    def _task_text(self, a: P.ActionItem) -> str:
        if a.task_id is None:
            return ""
        return self.tr("Task done") if a.task_done else self.tr("Task open")

    def _show_facts(self) -> None:
        f = self.facts
        if f is None:
            return
        lang = self.ctx.lang
        trend = f.revenue_trend_pct
        na = self.tr("n/a")
        values = {
            "tier": labels.value_tier(f.value_tier), "activity": labels.activity(f.activity),
            "health": f"{f.health} / 100", "revenue": fmt.money(f.revenue_12m, lang, short=True),
            "trend": na if trend is None else f"{trend:+.1f}%",
            "wallet": na if f.share_of_wallet_pct is None else f"{f.share_of_wallet_pct:.0f}%",
            "interactions": str(f.interactions_12m), "complaints": str(f.open_complaints),
            "nps": na if f.last_nps is None else str(f.last_nps),
            "csat": na if f.last_csat is None else f"{f.last_csat:g} / 5",
        }
        for key, text in values.items():
            self.fact_labels[key].setText(text)
        colour = GOOD_COLOUR if f.health >= 70 else GAP_COLOUR if f.health < 40 else WARN_COLOUR
        self.fact_labels["health"].setStyleSheet(f"color: {colour};")
        reasons = [P.describe_reason(r, lang) for r in f.health_reasons]
        self.reasons_label.setText(
            (self.tr("Health deductions: %1").replace(
                "%1", ("；" if lang.startswith("zh") else "; ").join(reasons)))
            if reasons else self.tr("Nothing is deducted from the health score."))
        points = P.suggest_strategies(f.value_tier, f.activity, lang)
        self.strategy_hint.setText(
            self.tr("The method's strategy for a %1, %2 customer has %3 points.")
            .replace("%1", labels.value_tier(f.value_tier))
            .replace("%2", labels.activity(f.activity)).replace("%3", str(len(points))))

    def _show_people(self, people: Sequence[P.Stakeholder]) -> None:
        t = self.people_table
        t.setRowCount(0)
        for s in people:
            r = t.rowCount()
            t.insertRow(r)
            cells = (s.name, s.title, labels.decision_role(s.decision_role),
                     labels.attitude(s.attitude), labels.level(s.influence),
                     "●" * s.strength + "○" * (5 - s.strength),
                     fmt.day(s.last_contact) or self.tr("never"), s.gap or "")
            for i, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if i == 7 and s.gap:
                    item.setForeground(QBrush(QColor(GAP_COLOUR)))
                    item.setToolTip(s.gap)
                t.setItem(r, i, item)
        gaps = sum(1 for s in people if s.gap)
        notes = []
        if not any(s.decision_role == "decision_maker" for s in people):
            notes.append(self.tr("No decision maker is on record."))
        if not people:
            notes.append(self.tr("No key people are recorded for this customer."))
        elif gaps:
            notes.append(self.tr("%1 of %2 key people have a coverage gap.")
                         .replace("%1", str(gaps)).replace("%2", str(len(people))))
        else:
            notes.append(self.tr("Every key person is covered."))
        self.coverage_label.setText(" ".join(notes))

    # -- dirty tracking --------------------------------------------------------------
    def snapshot(self) -> Any:
        if self.plan_id is None:
            return None
        return (
            self.status_combo.currentData(), self.owner_edit.text().strip(),
            *(e.toPlainText() for e in self._text_edits().values()),
            self.objectives.snapshot(), self.actions.snapshot(), self.risks.snapshot(),
        )

    def _text_edits(self) -> dict[str, QPlainTextEdit]:
        return {
            "situation_summary": self.summary_edit, "strengths": self.strengths_edit,
            "weaknesses": self.weaknesses_edit, "swot_opportunities": self.swot_opps_edit,
            "threats": self.threats_edit, "strategies": self.strategies_edit,
            "opportunities": self.opportunities_edit, "resources_needed": self.resources_edit,
            "stakeholder_notes": self.people_notes,
        }

    def _mark_clean(self) -> None:
        self._clean = self.snapshot()
        self._update_title()

    def is_dirty(self) -> bool:
        return self.plan_id is not None and self.snapshot() != self._clean

    def _touched(self, *_args: Any) -> None:
        if not self._loading:
            self._update_title()

    def _update_title(self) -> None:
        name = self.facts.name if self.facts else ""
        title = self.tr("Account plan — %1").replace("%1", name)
        self.setWindowTitle(("* " if self.is_dirty() else "") + title)

    # -- saving ----------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def _dates(self, table: RowTable, tab: int) -> list[dict[str, Any]] | None:
        rows = table.rows()
        for i, row in enumerate(rows):
            try:
                row["due"] = parse_date(row.get("due") or "")
            except ValueError:
                self.tabs.setCurrentIndex(tab)
                table.select(i, [c.key for c in table.columns].index("due"))
                self._error(self.tr("Row %1: ").replace("%1", str(i + 1))
                            + labels.field_error(labels.plan_field_name("due"),
                                                 labels.validation("invalid_date")))
                return None
        return rows

    def save(self) -> bool:
        """Write the plan; False (with the reason shown) when something is invalid."""
        if self.plan_id is None:
            return False
        self._clear_error()
        objectives = self._dates(self.objectives, 2)
        actions = self._dates(self.actions, 4) if objectives is not None else None
        if objectives is None or actions is None:
            return False
        fields = {k: e.toPlainText() for k, e in self._text_edits().items()}
        fields["owner"] = self.owner_edit.text()
        fields["status"] = self.status_combo.currentData()
        try:
            with self.ctx.db.session() as s:
                P.save_plan(
                    s, self.plan_id, fields,
                    [P.ObjectiveItem(r["id"], r["metric"], r["baseline"], r["target"], r["due"],
                                     r["status"]) for r in objectives],
                    [P.ActionItem(r["id"], r["action"], r["owner"], r["due"], r["status"])
                     for r in actions],
                    [P.RiskItem(r["id"], r["risk"], r["kind"], r["level"], r["mitigation"])
                     for r in self.risks.rows()],
                    now=self.ctx.clock.now())
                s.commit()
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        self.ctx.announce(PLAN_TABLES | {"tasks"})
        self.ctx.status.emit(self.tr("Account plan %1 saved").replace("%1", self._period()))
        self.load_plan(self.plan_id)
        self.saved.emit(self.plan_id)
        return True

    def _show_validation(self, exc: ValidationError) -> None:
        where = ""
        if ":" in exc.detail:
            part, _, number = exc.detail.partition(":")
            tab = {"objectives": (2, self.objectives), "actions": (4, self.actions),
                   "risks": (7, self.risks)}.get(part)
            if tab is not None and number.isdigit():
                self.tabs.setCurrentIndex(tab[0])
                tab[1].select(int(number) - 1)
                where = self.tr("Row %1: ").replace("%1", number)
        self._error(where + labels.field_error(labels.plan_field_name(exc.field),
                                               labels.plan_validation(exc.code)))

    def _period(self) -> str:
        return self.detail.period if self.detail else ""

    # -- periods ---------------------------------------------------------------------
    def _period_picked(self, index: int) -> None:
        if self._loading or index < 0:
            return
        pid = self.period_combo.itemData(index)
        if pid == self.plan_id:
            return
        if not self._settle():
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(self.plan_id)))
            self.period_combo.blockSignals(False)
            return
        self.load_plan(int(pid))

    def _settle(self) -> bool:
        """Before leaving the current plan: save, discard or stay. True to go on."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Save changes?"),
            self.tr("The plan for %1 has unsaved changes.").replace("%1", self._period()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def existing_periods(self) -> list[str]:
        return [self.period_combo.itemText(i) for i in range(self.period_combo.count())]

    def new_period(self, copy: bool = False) -> bool:
        """Ask for a period, then create it (from the data, or as a copy of this plan)."""
        if copy and self.plan_id is None:
            return False
        if not self._settle():
            return False
        suggestion = P.suggest_period(self.existing_periods(), self.ctx.clock.today())
        title = self.tr("Copy to new period") if copy else self.tr("New plan period")
        prompt = (self.tr("Copy the %1 plan to period (2027, 2027-H1, 2027-Q1):")
                  .replace("%1", self._period()) if copy
                  else self.tr("Period of the new plan (2027, 2027-H1, 2027-Q1):"))
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal,
                                        suggestion)
        if not ok:
            return False
        return self.create_period(text, copy=copy)

    def create_period(self, period: str, copy: bool = False) -> bool:
        """Create the plan for ``period``; refuses (with a message) an existing one."""
        self._clear_error()
        try:
            normal = P.normalize_period(period)
            with self.ctx.db.session() as s:
                if copy and self.plan_id is not None:
                    plan = P.copy_plan(s, self.plan_id, normal)
                else:
                    plan = P.create_plan(s, self.customer_id, normal,
                                         self.ctx.owner_name or None, self.ctx.clock.today(),
                                         self.ctx.lang)
                s.commit()
                new_id = plan.id
        except ValidationError as exc:
            if exc.code == "duplicate":
                text = self.tr("There is already a plan for %1. Plans are kept per period "
                               "and never overwritten: pick %1 in the Period list to edit it, "
                               "or choose another period.").replace("%1", exc.detail)
            else:
                text = labels.field_error(labels.plan_field_name(exc.field),
                                          labels.plan_validation(exc.code))
            QMessageBox.warning(self, self.tr("Cannot create the plan"), text)
            self._error(text)
            return False
        self.ctx.announce(PLAN_TABLES)
        self.ctx.status.emit(self.tr("Account plan %1 created").replace("%1", normal))
        self._load_periods(select=new_id)
        self.saved.emit(new_id)
        return True

    # -- actions ---------------------------------------------------------------------
    def refill_summary(self) -> None:
        if self.facts is None:
            return
        with self.ctx.db.engine.connect() as conn:
            facts = P.plan_facts(conn, self.customer_id, self.ctx.clock.today())
        if facts is not None:
            self.summary_edit.setPlainText(
                P.situation_text(facts, self.ctx.clock.today(), self.ctx.lang))

    def reset_strategies(self) -> None:
        if self.facts is None:
            return
        current = self.strategies_edit.toPlainText().strip()
        points = P.suggest_strategies(self.facts.value_tier, self.facts.activity, self.ctx.lang)
        if current and current != "\n".join(points):
            answer = QMessageBox.question(
                self, self.tr("Replace strategies?"),
                self.tr("Replace the strategies typed here with the method's strategies for "
                        "this tier?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.strategies_edit.setPlainText("\n".join(points))

    def suggest_risks(self) -> int:
        """Append the data's risks that are not in the table yet; returns how many."""
        with self.ctx.db.engine.connect() as conn:
            facts = P.plan_facts(conn, self.customer_id, self.ctx.clock.today())
        if facts is None:
            return 0
        have = {r["risk"] for r in self.risks.rows()}
        added = 0
        for r in P.suggest_risks(facts, self.ctx.clock.today(), self.ctx.lang):
            if r.risk not in have:
                self.risks.add_row({"risk": r.risk, "kind": r.kind, "level": r.level,
                                    "mitigation": r.mitigation})
                added += 1
        self.ctx.status.emit(self.tr("%1 risk(s) added from the data").replace("%1", str(added)))
        return added

    def make_task(self) -> int | None:
        """The selected action onto the task list, with a reminder. Saves first, since
        the task must point at a stored action."""
        r = self.actions.current_row()
        if r < 0 or self.plan_id is None:
            QMessageBox.information(self, self.tr("Make task"),
                                    self.tr("Select an action first."))
            return None
        if self.is_dirty() or self.actions.rows()[r].get("id") is None:
            if not self.save():
                return None
        rows = self.actions.rows()
        if r >= len(rows) or rows[r].get("id") is None:
            return None
        with self.ctx.db.session() as s:
            task = P.action_to_task(s, int(rows[r]["id"]), self.ctx.clock.now(), self.ctx.lang)
            s.commit()
            task_id, remind = task.id, task.remind_at
        self.ctx.announce({"tasks", "plan_actions"})
        self.load_plan(self.plan_id)
        self.tabs.setCurrentIndex(4)
        self.actions.select(r)
        self.ctx.status.emit(self.tr("Task created, reminder %1")
                             .replace("%1", fmt.moment(remind)))
        return task_id

    def _saved_for_export(self) -> bool:
        return not self.is_dirty() or self.save()

    def export_pdf(self) -> Path | None:
        if self.plan_id is None or not self._saved_for_export():
            return None
        return export_plan_pdf(self.ctx, self.plan_id, self.customer_id, self)

    def print_pdf(self) -> Path | None:
        if self.plan_id is None or not self._saved_for_export():
            return None
        return print_plan(self.ctx, self.plan_id, self.customer_id, self)

    def brief_pdf(self) -> Path | None:
        return export_brief_pdf(self.ctx, self.customer_id, self)

    # -- refresh and closing ---------------------------------------------------------
    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.plan_id is None or not (tables & LIVE_TABLES):
            return
        today = self.ctx.clock.today()
        with self.ctx.db.engine.connect() as conn:
            self.facts = P.plan_facts(conn, self.customer_id, today)
            people = P.stakeholders(conn, self.customer_id, today, self.ctx.lang)
        self._show_facts()
        self._show_people(people)

    def reject(self) -> None:
        """Esc, Close and the title bar's close button."""
        if not self._settle():
            return
        self._clean = self.snapshot()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._settle():
            event.ignore()
            return
        self._clean = self.snapshot()
        super().closeEvent(event)


def open_plan_editor(ctx: AppContext, customer_id: int, parent: QWidget | None = None,
                     plan_id: int | None = None) -> PlanEditor:
    """Open the plan editor for a customer (its latest plan, or the create banner).

    Non-modal, so the manager can look things up in the profile while planning; the
    editor is kept alive until it closes.
    """
    editor = PlanEditor(ctx, customer_id, plan_id, parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_editors.add(editor)
    editor.finished.connect(lambda _r: _open_editors.discard(editor))
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor
