"""Key people (关键人): the list, how to work with the selected person, an org chart
built from "reports to", and a stakeholder grid of decision role × attitude.

The grid answers the question the method asks of every key account — where are the
decision makers and which side are they on — at a glance: an opponent in the
decision-maker row is the first risk to work on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.store.ops.people import ATTITUDES, DECISION_ROLES, set_person_archived
from kamdesk.store.queries.profile import PersonRow, key_dates, people
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.contrast import tone
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import ProfileTab, section_title, select_row_with_id
from kamdesk.ui.profile.overview_tab import key_date_when
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row

ATTITUDE_COLOURS = {"supporter": "#2e7d32", "neutral": "#546e7a", "opponent": "#c62828"}
ATTITUDE_CELLS = {"supporter": "#e8f5e9", "neutral": "#eceff1", "opponent": "#ffebee"}
# the same roles on the dark palette: light text on deep cells (pastels glare there and
# the light-mode greys are unreadable on #1e1f22)
ATTITUDE_COLOURS_DARK = {"supporter": "#a5d6a7", "neutral": "#cfd8dc", "opponent": "#ef9a9a"}
ATTITUDE_CELLS_DARK = {"supporter": "#1f3a27", "neutral": "#2e363b", "opponent": "#4a2226"}
MUTED_TEXT = ("#757575", "#a8adb3")  # light, dark


def attitude_colour(att: str | None) -> str:
    return tone(ATTITUDE_COLOURS.get(att or "", "#546e7a"),
                ATTITUDE_COLOURS_DARK.get(att or "", "#cfd8dc"))


def attitude_cell(att: str) -> str:
    return tone(ATTITUDE_CELLS[att], ATTITUDE_CELLS_DARK[att])


def stars(n: int) -> str:
    n = max(0, min(5, n))
    return "★" * n + "☆" * (5 - n)


class PeopleTab(ProfileTab):
    TABLES = frozenset({"people", "key_dates"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("peopleTab")
        self._birthdays: dict[int, str] = {}
        self._rows: list[PersonRow] = []
        grey = "#9e9e9e"

        def dim(p: PersonRow) -> str | None:
            return grey if p.archived else None

        self.model = RowsModel([
            Column(self.tr("Name"), lambda p: ("★ " if p.is_primary else "") + p.name
                   + (" " + self.tr("(archived)") if p.archived else ""),
                   sort_key=lambda p: p.name, colour=dim, width=100,
                   tooltip=lambda p: self.tr("Primary contact") if p.is_primary else None),
            Column(self.tr("Title"), lambda p: p.title or "", colour=dim, width=95),
            Column(self.tr("Decision role"), lambda p: labels.decision_role(p.decision_role),
                   colour=dim, width=115),
            Column(self.tr("Attitude"), lambda p: labels.attitude(p.attitude),
                   colour=lambda p: grey if p.archived else ATTITUDE_COLOURS.get(p.attitude),
                   width=75),
            Column(self.tr("Relationship"), lambda p: stars(p.relationship_strength),
                   sort_key=lambda p: p.relationship_strength, colour=dim, width=88,
                   tooltip=lambda p: self.tr("Relationship strength %1 of 5").replace(
                       "%1", str(p.relationship_strength))),
            Column(self.tr("Mobile"), lambda p: p.mobile or p.phone or "", colour=dim,
                   width=105),
            Column(self.tr("Birthday"), lambda p: self._birthdays.get(p.id, ""), colour=dim,
                   width=95),
            Column(self.tr("Department"), lambda p: p.department or "", colour=dim, width=85),
            Column(self.tr("Reports to"), lambda p: p.reports_to_name or "", colour=dim,
                   width=80),
            Column(self.tr("WeChat"), lambda p: p.wechat or "", colour=dim, width=90),
            Column(self.tr("Email"), lambda p: p.email or "", colour=dim),
        ], self)
        self.table = make_table("profilePeopleTable", self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        self.table.activated.connect(lambda _i: self.edit_person())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(icon("customer-add"), self.tr("Add person…"))
        self.add_button.setObjectName("addPersonButton")
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editPersonButton")
        self.edit_button.clicked.connect(self.edit_person)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("archivePersonButton")
        self.archive_button.setToolTip(
            self.tr("A person who left: kept in the history, hidden from the charts"))
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived = QCheckBox(self.tr("Show people who left"))
        self.show_archived.setObjectName("showArchivedPeople")
        self.show_archived.toggled.connect(lambda _on: self._fill_table())
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        bar.addWidget(self.show_archived)

        self.details = QTextBrowser()
        self.details.setObjectName("personDetails")
        self.details.setAccessibleName(self.tr("Person details"))
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(220)

        self.org_chart = QTreeWidget()
        self.org_chart.setObjectName("orgChart")
        self.org_chart.setHeaderLabels([self.tr("Org chart (reports to)"), self.tr("Role")])
        self.org_chart.header().setStretchLastSection(True)
        self.org_chart.header().resizeSection(0, 220)
        self.org_chart.itemDoubleClicked.connect(self._org_double_clicked)

        self.grid = QTableWidget(len(DECISION_ROLES) + 1, len(ATTITUDES))
        self.grid.setObjectName("stakeholderGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setHorizontalHeaderLabels([labels.attitude(a) for a in ATTITUDES])
        self.grid.setVerticalHeaderLabels([labels.decision_role(r) for r in DECISION_ROLES]
                                          + [self.tr("Role not known")])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setWordWrap(True)

        top = QSplitter(Qt.Orientation.Horizontal)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table)
        top.addWidget(table_box)
        top.addWidget(self.details)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setSizes([800, 300])

        grid_box = QWidget()
        gl = QVBoxLayout(grid_box)
        gl.setContentsMargins(0, 0, 0, 0)
        gl.addWidget(section_title(self.tr("Stakeholders: decision role × attitude")))
        gl.addWidget(self.grid)
        org_box = QWidget()
        ol = QVBoxLayout(org_box)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(section_title(self.tr("Decision chain")))
        ol.addWidget(self.org_chart)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(org_box)
        bottom.addWidget(grid_box)
        bottom.setSizes([450, 650])

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("peopleSplitter")
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        # Reading order: the actions bar, then the list and what hangs off it.
        order = [self.add_button, self.edit_button, self.archive_button, self.show_archived,
                 self.table, self.details, self.org_chart, self.grid]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._rows = []
        self.model.set_rows([])
        self.details.clear()

    def refresh(self) -> None:
        assert self.customer_id is not None
        today = self.today()
        self._rows = self.ctx.db.read(people, self.customer_id)
        dates = self.ctx.db.read(key_dates, self.customer_id, today)
        self._birthdays = {k.person_id: key_date_when(k, self.ctx.lang) for k in dates
                           if k.kind == "birthday" and k.person_id is not None}
        self._fill_table()
        self._fill_org_chart()
        self._fill_grid()

    def _fill_table(self) -> None:
        current = selected_row(self.table)
        rows = self._rows if self.show_archived.isChecked() else [
            p for p in self._rows if not p.archived]
        self.model.set_rows(rows)
        active = sum(1 for p in self._rows if not p.archived)
        self.count_label.setText(self.tr("%n key person(s)", "", active))
        if current is not None:
            self.select_person(current.id)
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()
        self._show_details(selected_row(self.table))

    def _fill_org_chart(self) -> None:
        self.org_chart.clear()
        active = [p for p in self._rows if not p.archived]
        ids = {p.id for p in active}
        children: dict[int | None, list[PersonRow]] = {}
        for p in active:
            boss = p.reports_to_id if p.reports_to_id in ids else None
            children.setdefault(boss, []).append(p)
        placed: set[int] = set()

        def add(parent: QTreeWidget | QTreeWidgetItem, boss: int | None) -> None:
            for p in children.get(boss, []):
                if p.id in placed:  # a loop in "reports to" must not hang the screen
                    continue
                placed.add(p.id)
                item = QTreeWidgetItem([p.name + (f" · {p.title}" if p.title else ""),
                                        labels.decision_role(p.decision_role)])
                item.setData(0, Qt.ItemDataRole.UserRole, p.id)
                item.setForeground(0, QBrush(QColor(attitude_colour(p.attitude))))
                item.setToolTip(0, labels.attitude(p.attitude))
                if isinstance(parent, QTreeWidget):
                    parent.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                add(item, p.id)

        add(self.org_chart, None)
        for p in active:  # people in a loop have no root: show them at the top level
            if p.id not in placed:
                placed.add(p.id)
                item = QTreeWidgetItem([p.name, labels.decision_role(p.decision_role)])
                item.setData(0, Qt.ItemDataRole.UserRole, p.id)
                self.org_chart.addTopLevelItem(item)
        self.org_chart.expandAll()

    def _fill_grid(self) -> None:
        roles = list(DECISION_ROLES) + [None]
        cells: dict[tuple[int, int], list[str]] = {}
        for p in self._rows:
            if p.archived:
                continue
            r = roles.index(p.decision_role) if p.decision_role in roles else len(roles) - 1
            c = ATTITUDES.index(p.attitude) if p.attitude in ATTITUDES else 1
            cells.setdefault((r, c), []).append(p.name)
        for r in range(len(roles)):
            for c, att in enumerate(ATTITUDES):
                names = cells.get((r, c), [])
                item = QTableWidgetItem("、".join(names) if self.ctx.lang.startswith("zh")
                                        else ", ".join(names))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if names:
                    item.setBackground(QBrush(QColor(attitude_cell(att))))
                    item.setForeground(QBrush(QColor(attitude_colour(att))))
                self.grid.setItem(r, c, item)

    # -- selection and details -------------------------------------------------------
    def select_person(self, person_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), person_id)

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self._show_details(selected_row(self.table))

    def _update_buttons(self) -> None:
        p = selected_row(self.table)
        self.edit_button.setEnabled(p is not None)
        self.archive_button.setEnabled(p is not None)
        self.archive_button.setText(self.tr("Restore") if p is not None and p.archived
                                    else self.tr("Archive"))
        self.add_button.setEnabled(self.customer_id is not None)

    def _show_details(self, p: PersonRow | None) -> None:
        if p is None:
            self.details.setHtml(f"<p style='color:{tone(*MUTED_TEXT)}'>"
                                 f"{self.tr('Select a person.')}</p>")
            return

        def e(t: str | None) -> str:
            return (t or "").replace("&", "&amp;").replace("<", "&lt;").replace(
                ">", "&gt;").replace("\n", "<br>")

        best = ", ".join(x for x in (p.preferred_contact_time,
                                     labels.channel(p.preferred_channel)) if x)
        parts = [f"<h3 style='margin:0'>{e(p.name)}</h3>",
                 f"<p style='color:{tone(*MUTED_TEXT)}; margin-top:2px'>"
                 f"{e(' · '.join(x for x in (p.title, p.department) if x))}</p>"]
        reach = " · ".join(x for x in (p.mobile, p.phone, p.email,
                                       self.tr("WeChat %1").replace("%1", p.wechat) if p.wechat else None)
                         if x)
        for title, text in (
            (self.tr("Reach"), reach),
            (self.tr("Birthday"), self._birthdays.get(p.id)),
            (self.tr("Best time / channel"), best),
            (self.tr("Communication style"), p.communication_style),
            (self.tr("Concerns"), p.concerns),
            (self.tr("Interests"), p.interests),
            (self.tr("Taboos"), p.taboos),
            (self.tr("Career goals"), p.career_goals),
            (self.tr("Notes"), p.notes),
        ):
            if text:
                parts.append(f"<p style='margin:4px 0'><b>{e(title)}</b><br>{e(text)}</p>")
        self.details.setHtml("".join(parts))

    def _org_double_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        pid = item.data(0, Qt.ItemDataRole.UserRole)
        if pid:
            self.select_person(int(pid))
            self.edit_person()

    # -- actions ---------------------------------------------------------------------
    def add_person(self) -> None:
        if self.customer_id is None:
            return
        from kamdesk.ui.dialogs.person_dialog import PersonDialog

        dlg = PersonDialog(self.ctx, self.customer_id, None, self)
        dlg.accepted.connect(lambda: dlg.saved_id and self.select_person(dlg.saved_id))
        dlg.open()
        self.dialog = dlg

    def edit_person(self) -> None:
        p = selected_row(self.table)
        if p is None or self.customer_id is None:
            return
        from kamdesk.ui.dialogs.person_dialog import PersonDialog

        dlg = PersonDialog(self.ctx, self.customer_id, p.id, self)
        dlg.open()
        self.dialog = dlg

    def toggle_archived(self) -> None:
        p = selected_row(self.table)
        if p is None:
            return
        if run_op(self.ctx, set_person_archived, p.id, not p.archived, initiator=self) is None:
            return
        self.ctx.status.emit(
            (self.tr("Restored %1") if p.archived else self.tr("Archived %1")).replace(
                "%1", p.name))
