"""Overview: the company facts and the account thinking (strategy, decision chain,
explicit and latent needs), read-only; the header's "Edit…" opens the customer dialog,
so there is one place where a customer is edited and one set of checks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.lunar import lunar_label_zh
from kamdesk.store.queries.profile import CustomerOverview, KeyDateRow, header, key_dates, overview
from kamdesk.store.queries.stated_facts import stated_facts
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.profile.classification_box import ClassificationBox


def _value(text: str | None) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def key_date_when(k: KeyDateRow, lang: str) -> str:
    """'03-15' for a solar date, '八月十五 (lunar)' for a lunar one."""
    if k.calendar == "lunar":
        try:
            text = lunar_label_zh(k.month, k.day, k.leap_month)
        except ValueError:
            text = f"{k.month:02d}-{k.day:02d}"
        return text + " " + labels.calendar_kind("lunar") if lang == "en" else "农历" + text
    return f"{k.month:02d}-{k.day:02d}"


class OverviewTab(ProfileTab):
    TABLES = frozenset({"customers", "key_dates", "people", "customer_metrics", "trades",
                        "app_settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("overviewTab")
        self.company_box = QGroupBox(self.tr("Company"))
        self.company_form = QFormLayout(self.company_box)
        self.company_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.company_form.setHorizontalSpacing(12)
        self.business_box = QGroupBox(self.tr("Business"))
        self.business_form = QFormLayout(self.business_box)
        self.business_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.business_form.setHorizontalSpacing(12)
        self.classification_box = ClassificationBox(ctx)
        self.dates_box = QGroupBox(self.tr("Key dates"))
        self.dates_layout = QVBoxLayout(self.dates_box)

        self.strategy_box = QGroupBox(self.tr("Strategy and needs"))
        self.strategy_grid = QGridLayout(self.strategy_box)
        self.strategy_grid.setColumnStretch(0, 1)
        self.strategy_grid.setColumnStretch(1, 1)
        self.strategy_grid.setVerticalSpacing(4)
        self.strategy_grid.setHorizontalSpacing(18)

        left = QVBoxLayout()
        left.addWidget(self.company_box)
        left.addWidget(self.business_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.strategy_box)
        right.addWidget(self.classification_box)
        right.addWidget(self.dates_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 4)
        columns.addLayout(right, 7)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(scroll, 1)
        self.record: CustomerOverview | None = None

    def clear(self) -> None:
        self.record = None

    def refresh(self) -> None:
        assert self.customer_id is not None
        today = self.today()
        read = self.ctx.db.read
        record = read(overview, self.customer_id)
        head = read(header, self.customer_id)
        dates = read(key_dates, self.customer_id, today)
        stated = read(stated_facts, self.customer_id)
        self.record = record
        self.classification_box.show_facts(stated)
        if record is None or head is None:
            return
        lang = self.ctx.lang
        _clear_form(self.company_form)
        months = record.months_of_cooperation(today)
        since = fmt.day(record.cooperation_start)
        if months is not None:
            since += "  " + self.tr("(%n month(s))", "", months)
        for label, value in (
            (self.tr("Industry"), record.industry),
            (self.tr("Scale"), record.scale),
            (self.tr("Region"), record.region),
            (self.tr("Address"), record.address),
            (self.tr("Website"), record.website),
            (self.tr("Source"), record.source),
            (self.tr("Cooperation since"), since if record.cooperation_start else None),
            (self.tr("Founded on"), fmt.day(record.founded_on) or None),
            (self.tr("Status"), labels.status(record.status)),
        ):
            self.company_form.addRow(label, _value(value))

        _clear_form(self.business_form)
        change = ""
        # Without orders in the window the stored revenue is the declared contribution
        # (what tiering uses): say so instead of a year-on-year change from nothing.
        declared_only = (head.orders_12m == 0 and stated is not None
                         and stated.declared_contribution_cents is not None)
        revenue = fmt.money(head.revenue_12m_cents, lang)
        if declared_only:
            revenue = self.tr("no orders yet; tiered on the declared contribution")
        elif head.revenue_prev_12m_cents > 0:
            pct = round(100 * (head.revenue_12m_cents - head.revenue_prev_12m_cents)
                        / head.revenue_prev_12m_cents)
            change = "  " + self.tr("(%1 % on the year before)").replace(
                "%1", f"{pct:+d}")
        wallet = (None if record.share_of_wallet_pct is None
                  else format(record.share_of_wallet_pct.normalize(), "f") + " %")
        for label, value in (
            (self.tr("12-month revenue"), revenue + change),
            (self.tr("Orders in 12 months"), str(head.orders_12m)),
            (self.tr("Last order"), fmt.day(head.last_trade_on) or None),
            (self.tr("Credit limit"), fmt.money(record.credit_limit_cents, lang) or None),
            (self.tr("Share of wallet"), wallet),
            (self.tr("Owner"), record.owner),
        ):
            self.business_form.addRow(label, _value(value))
        if stated is not None and stated.declared_contribution_cents is not None:
            self.business_form.addRow(
                self.tr("Annual contribution (declared in the sheet)"),
                _value(fmt.money(stated.declared_contribution_cents, lang)))
        if stated is not None and stated.declared_last_contact_at is not None:
            self.business_form.addRow(
                self.tr("Last contact (declared in the sheet)"),
                _value(fmt.day(stated.declared_last_contact_at)))

        _clear_grid(self.strategy_grid)
        cells = (
            (self.tr("Strategy"), record.strategy_notes),
            (self.tr("Decision process (decision chain)"), record.decision_process),
            (self.tr("Explicit needs"), record.explicit_needs),
            (self.tr("Latent needs"), record.latent_needs),
        )
        for i, (title, text) in enumerate(cells):
            cap = QLabel(title)
            cap.setStyleSheet("color: #757575; font-weight: bold;")
            row, col = (i // 2) * 2, i % 2
            self.strategy_grid.addWidget(cap, row, col)
            value = _value(text)
            value.setMinimumHeight(44)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.strategy_grid.addWidget(value, row + 1, col)

        while self.dates_layout.count():
            item = self.dates_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not dates:
            self.dates_layout.addWidget(_value(self.tr("No key dates yet — add a birthday in "
                                                       "Key people.")))
        for k in dates:
            who = k.title or (k.person_name or "")
            kind = labels.key_date_kind(k.kind)
            nxt = ""
            if k.next_on is not None:
                days = (k.next_on - today).days
                nxt = self.tr("next %1, in %n day(s)", "", days).replace("%1",
                                                                          fmt.day(k.next_on))
            line = QLabel(f"<b>{_esc(key_date_when(k, lang))}</b> &nbsp; {_esc(kind)}"
                          f"{' · ' + _esc(who) if who else ''}"
                          f"<span style='color:#757575'> &nbsp; {_esc(nxt)}</span>")
            line.setObjectName("keyDateLine")
            self.dates_layout.addWidget(line)


def _clear_form(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)


def _clear_grid(grid: QGridLayout) -> None:
    while grid.count():
        item = grid.takeAt(0)
        if item.widget():
            item.widget().deleteLater()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
