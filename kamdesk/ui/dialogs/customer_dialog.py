"""Create or edit a customer (客户档案): company facts on the left, strategy and
needs (显性/潜在需求, 决策流程) on the right, so the whole record fits on one page
at 1366×768 without tabs hiding half of it. The credit assessment (信用评估: limit,
rating A–D and when it was last reviewed) sits with the company facts.

What a sheet stated (表1's 年度贡献值 and 客户类型) is editable too, as optional fields
under "Stated in the sheet", so the GUI can write every fact the import stores; a
change there recomputes the tiers in the background."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.customers import create_customer, update_customer
from kamdesk.store.queries.customers import distinct_values, suggested_code
from kamdesk.store.queries.profile import overview
from kamdesk.store.queries.receivables import credit_standing
from kamdesk.store.queries.stated_facts import stated_facts
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


def _pct_text(v: Decimal | None) -> str:
    if v is None:
        return ""
    return format(v.normalize(), "f")


class CustomerDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("customerDialog")
        self.customer_id = customer_id
        self.saved_id: int | None = None
        self.loaded_version: int | None = None  # the version a save names (see _load)
        self.setWindowTitle(self.tr("New customer") if customer_id is None
                            else self.tr("Edit customer"))

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("Full registered name"))
        self.short_name_edit = QLineEdit()
        self.industry_combo = self._editable_combo("industryCombo")
        self.scale_edit = QLineEdit()
        self.scale_edit.setPlaceholderText(self.tr("e.g. group, 500+ staff"))
        self.region_combo = self._editable_combo("regionCombo")
        self.address_edit = QLineEdit()
        self.website_edit = QLineEdit()
        self.cooperation_start = DateField()
        self.cooperation_start.setObjectName("cooperationStart")
        self.founded_on = DateField()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("fair, referral, industry report…"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        for code in ("active", "prospect", "archived"):
            self.status_combo.addItem(labels.status(code), code)
        self.potential_combo = QComboBox()
        self.potential_combo.setObjectName("potentialCombo")
        for code in ("high", "medium", "low"):
            self.potential_combo.addItem(labels.potential(code), code)
        self.owner_combo = self._editable_combo("ownerCombo")
        self.credit_edit = QLineEdit()
        self.credit_edit.setObjectName("creditEdit")
        self.credit_edit.setPlaceholderText(self.tr("e.g. 500000 or 50万"))
        self.rating_combo = QComboBox()
        self.rating_combo.setObjectName("creditRatingCombo")
        self.rating_combo.addItem("", None)
        for code, word in labels.choices("credit_rating").items():
            self.rating_combo.addItem(word, code)
        self.review_on = DateField()
        self.review_on.setObjectName("creditReviewOn")
        self.wallet_edit = QLineEdit()
        self.wallet_edit.setObjectName("walletEdit")
        self.wallet_edit.setPlaceholderText(self.tr("0–100"))
        self.strategy_edit = text_edit()
        self.strategy_edit.setObjectName("strategyEdit")
        self.decision_edit = text_edit()
        self.decision_edit.setPlaceholderText(
            self.tr("Who raises the need, who evaluates, who signs"))
        self.explicit_edit = text_edit()
        self.explicit_edit.setPlaceholderText(self.tr("What the customer asks for"))
        self.latent_edit = text_edit()
        self.latent_edit.setPlaceholderText(
            self.tr("What they will need but have not said: response speed, supply "
                    "stability, custom solutions…"))

        self.contribution_edit = QLineEdit()
        self.contribution_edit.setObjectName("declaredContributionEdit")
        self.contribution_edit.setPlaceholderText(self.tr("e.g. 1200000 or 120万"))
        self.stated_tier_combo = QComboBox()
        self.stated_tier_combo.setObjectName("statedValueTierCombo")
        self.stated_activity_combo = QComboBox()
        self.stated_activity_combo.setObjectName("statedActivityCombo")
        for combo, codes, word_of in ((self.stated_tier_combo, ("A", "B", "C"), labels.value_tier),
                                   (self.stated_activity_combo, ("active", "silent", "churned"),
                                    labels.activity)):
            combo.addItem(self.tr("(not stated)"), None)
            for code in codes:
                combo.addItem(word_of(code), code)

        company = QGroupBox(self.tr("Company"))
        form = QFormLayout(company)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo, 1)
        pot_label = QLabel(self.tr("&Potential:"))
        pot_label.setBuddy(self.potential_combo)
        status_row.addWidget(pot_label)
        status_row.addWidget(self.potential_combo, 1)
        credit_row = QHBoxLayout()
        credit_row.addWidget(self.credit_edit, 2)
        wallet_label = QLabel(self.tr("Share of &wallet %:"))
        wallet_label.setBuddy(self.wallet_edit)
        credit_row.addWidget(wallet_label)
        credit_row.addWidget(self.wallet_edit, 1)
        rating_row = QHBoxLayout()
        rating_row.addWidget(self.rating_combo, 1)
        review_label = QLabel(self.tr("Re&viewed on:"))
        review_label.setBuddy(self.review_on)
        rating_row.addWidget(review_label)
        rating_row.addWidget(self.review_on, 1)
        rows: list[tuple[str, str, QWidget | QHBoxLayout]] = [
            ("code", self.tr("C&ode:"), self.code_edit),
            ("name", self.tr("&Name *:"), self.name_edit),
            ("short_name", self.tr("S&hort name:"), self.short_name_edit),
            ("industry", self.tr("&Industry:"), self.industry_combo),
            ("scale", self.tr("Sc&ale:"), self.scale_edit),
            ("region", self.tr("&Region:"), self.region_combo),
            ("address", self.tr("A&ddress:"), self.address_edit),
            ("website", self.tr("&Website:"), self.website_edit),
            ("cooperation_start", self.tr("Cooperation &since:"), self.cooperation_start),
            ("founded_on", self.tr("&Founded on:"), self.founded_on),
            ("source", self.tr("So&urce:"), self.source_edit),
            ("status", self.tr("S&tatus:"), status_row),
            ("owner", self.tr("Own&er:"), self.owner_combo),
            ("credit_limit_cents", self.tr("&Credit limit ¥:"), credit_row),
            ("credit_rating", self.tr("Credit ratin&g:"), rating_row),
        ]
        for field, text, widget in rows:
            label = QLabel(text)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
                form.addRow(label, widget)
                self.register(field, widget, text)
            else:
                label.setBuddy({"status": self.status_combo, "credit_rating": self.rating_combo
                                }.get(field, self.credit_edit))
                form.addRow(label, widget)
        self.register("status", self.status_combo, self.tr("S&tatus:"))
        self.register("potential", self.potential_combo, self.tr("&Potential:"))
        self.register("credit_limit_cents", self.credit_edit, self.tr("&Credit limit ¥:"))
        self.register("share_of_wallet_pct", self.wallet_edit, self.tr("Share of &wallet %:"))
        self.register("credit_rating", self.rating_combo, self.tr("Credit ratin&g:"))
        self.register("credit_review_on", self.review_on, self.tr("Re&viewed on:"))

        strategy = QGroupBox(self.tr("Strategy and needs"))
        right = QVBoxLayout(strategy)
        for text, edit, field in (
            (self.tr("Strate&gy notes"), self.strategy_edit, "strategy_notes"),
            (self.tr("Decision &process (决策链条)"), self.decision_edit, "decision_process"),
            (self.tr("E&xplicit needs"), self.explicit_edit, "explicit_needs"),
            (self.tr("&Latent needs"), self.latent_edit, "latent_needs"),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            right.addWidget(label)
            right.addWidget(edit, 1)
            self.register(field, edit, text)

        sheet = QGroupBox(self.tr("Stated in the sheet (optional)"))
        sheet.setObjectName("statedBox")
        sheet_form = QFormLayout(sheet)
        stated_type = QHBoxLayout()
        stated_type.addWidget(self.stated_tier_combo, 1)
        stated_type.addWidget(self.stated_activity_combo, 1)
        for field, text, widget in (
            ("declared_contribution_cents", self.tr("Declared annual contri&bution ¥:"),
             self.contribution_edit),
            ("stated_value_tier", self.tr("Stated customer t&ype:"), self.stated_tier_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            sheet_form.addRow(label, widget if widget is self.contribution_edit else stated_type)
            self.register(field, widget, text)
        self.register("stated_activity", self.stated_activity_combo,
                      self.tr("Stated customer t&ype:"))
        right.addWidget(sheet)

        columns = QHBoxLayout()
        columns.addWidget(company, 5)
        columns.addWidget(strategy, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        order = [self.code_edit, self.name_edit, self.short_name_edit, self.industry_combo,
                 self.scale_edit, self.region_combo, self.address_edit, self.website_edit,
                 self.cooperation_start.edit, self.founded_on.edit, self.source_edit,
                 self.status_combo, self.potential_combo, self.owner_combo, self.credit_edit,
                 self.wallet_edit, self.rating_combo, self.review_on.edit, self.strategy_edit, self.decision_edit, self.explicit_edit,
                 self.latent_edit, self.contribution_edit, self.stated_tier_combo,
                 self.stated_activity_combo]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self._load()
        self.loaded_stated = self.stated_values()
        self.resize(940, 640)
        self.mark_clean()
        self.name_edit.setFocus()

    def _editable_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    # -- loading -------------------------------------------------------------------
    def _load(self) -> None:
        read = self.ctx.db.read
        industries = read(distinct_values, "industry")
        regions = read(distinct_values, "region")
        owners = read(distinct_values, "owner")
        record = read(overview, self.customer_id) if self.customer_id is not None else None
        self.loaded_version = record.version if record is not None else None
        self.industry_combo.addItems(industries)
        self.region_combo.addItems(regions)
        me = self.ctx.owner_name
        self.owner_combo.addItems(sorted(set(owners) | ({me} if me else set())))
        if record is None:
            self.code_edit.setText(read(suggested_code))
            self.industry_combo.setEditText("")
            self.region_combo.setEditText("")
            self.owner_combo.setEditText(me)
            self.potential_combo.setCurrentIndex(self.potential_combo.findData("medium"))
            return
        self.code_edit.setText(record.code)
        self.name_edit.setText(record.name)
        self.short_name_edit.setText(record.short_name or "")
        self.industry_combo.setEditText(record.industry or "")
        self.scale_edit.setText(record.scale or "")
        self.region_combo.setEditText(record.region or "")
        self.address_edit.setText(record.address or "")
        self.website_edit.setText(record.website or "")
        self.cooperation_start.set_date(record.cooperation_start)
        self.founded_on.set_date(record.founded_on)
        self.source_edit.setText(record.source or "")
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(record.status)))
        self.potential_combo.setCurrentIndex(
            max(0, self.potential_combo.findData(record.potential)))
        self.owner_combo.setEditText(record.owner or "")
        self.credit_edit.setText("" if record.credit_limit_cents is None
                                 else fmt.money(record.credit_limit_cents))
        self.wallet_edit.setText(_pct_text(record.share_of_wallet_pct))
        credit = read(credit_standing, record.id)
        if credit is not None:
            self.rating_combo.setCurrentIndex(
                max(0, self.rating_combo.findData(credit.credit_rating)))
            self.review_on.set_date(credit.credit_review_on)
        self.strategy_edit.setPlainText(record.strategy_notes or "")
        self.decision_edit.setPlainText(record.decision_process or "")
        self.explicit_edit.setPlainText(record.explicit_needs or "")
        self.latent_edit.setPlainText(record.latent_needs or "")
        stated = read(stated_facts, record.id)
        if stated is not None:
            self.contribution_edit.setText(
                "" if stated.declared_contribution_cents is None
                else fmt.money(stated.declared_contribution_cents))
            for combo, code in ((self.stated_tier_combo, stated.stated_value_tier),
                                (self.stated_activity_combo, stated.stated_activity)):
                combo.setCurrentIndex(max(0, combo.findData(code)))

    # -- saving --------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (
            self.code_edit.text(), self.name_edit.text(), self.short_name_edit.text(),
            self.industry_combo.currentText(), self.scale_edit.text(),
            self.region_combo.currentText(), self.address_edit.text(),
            self.website_edit.text(), self.cooperation_start.text(), self.founded_on.text(),
            self.source_edit.text(), self.status_combo.currentData(),
            self.potential_combo.currentData(), self.owner_combo.currentText(),
            self.credit_edit.text(), self.wallet_edit.text(),
            self.rating_combo.currentData(), self.review_on.text(),
            self.strategy_edit.toPlainText(), self.decision_edit.toPlainText(),
            self.explicit_edit.toPlainText(), self.latent_edit.toPlainText(),
            *self.stated_values(),
        )

    def stated_values(self) -> tuple[Any, ...]:
        return (self.contribution_edit.text(), self.stated_tier_combo.currentData(),
                self.stated_activity_combo.currentData())

    def fields(self) -> dict[str, Any]:
        """The typed values to store; raises ValidationError naming the field."""
        if not self.name_edit.text().strip():
            raise ValidationError("name", "required")
        if not self.code_edit.text().strip():
            raise ValidationError("code", "required")
        dates = {}
        for key, widget in (("cooperation_start", self.cooperation_start),
                            ("founded_on", self.founded_on),
                            ("credit_review_on", self.review_on)):
            try:
                dates[key] = widget.date()
            except ValueError:
                raise ValidationError(key, "invalid_date") from None
        try:
            credit = fmt.parse_money(self.credit_edit.text())
        except ValueError:
            raise ValidationError("credit_limit_cents", "invalid_number") from None
        try:
            contribution = fmt.parse_money(self.contribution_edit.text())
        except ValueError:
            raise ValidationError("declared_contribution_cents", "invalid_number") from None
        wallet_text = self.wallet_edit.text().strip().rstrip("%").strip()
        wallet: Decimal | None = None
        if wallet_text:
            try:
                wallet = Decimal(wallet_text)
            except InvalidOperation:
                raise ValidationError("share_of_wallet_pct", "invalid_number") from None
            if not Decimal(0) <= wallet <= Decimal(100):
                raise ValidationError("share_of_wallet_pct", "out_of_range")
            wallet = wallet.quantize(Decimal("0.01"))
        return {
            "code": self.code_edit.text(), "name": self.name_edit.text(),
            "short_name": self.short_name_edit.text(),
            "industry": self.industry_combo.currentText(), "scale": self.scale_edit.text(),
            "region": self.region_combo.currentText(), "address": self.address_edit.text(),
            "website": self.website_edit.text(), **dates, "source": self.source_edit.text(),
            "status": self.status_combo.currentData(),
            "potential": self.potential_combo.currentData(),
            "owner": self.owner_combo.currentText(), "credit_limit_cents": credit,
            "share_of_wallet_pct": wallet, "credit_rating": self.rating_combo.currentData(),
            "strategy_notes": self.strategy_edit.toPlainText(),
            "decision_process": self.decision_edit.toPlainText(),
            "explicit_needs": self.explicit_edit.toPlainText(),
            "latent_needs": self.latent_edit.toPlainText(),
            "declared_contribution_cents": contribution,
            "stated_value_tier": self.stated_tier_combo.currentData(),
            "stated_activity": self.stated_activity_combo.currentData(),
        }

    def save(self) -> bool:
        data = self.fields()
        changes = (self.write(create_customer, **data) if self.customer_id is None
                   else self.write(update_customer, self.customer_id,
                                   expected_version=self.loaded_version, **data))
        if changes is None:
            return False
        self.saved_id = changes.value
        if self.stated_values() != self.loaded_stated:
            # the stated type and declared contribution feed the tiers of the whole book
            from kamdesk.ui.recompute import schedule_recompute

            schedule_recompute(self.ctx, self.ctx, force=True)
        self.ctx.status.emit(self.tr("Saved %1").replace("%1", data["name"].strip()))
        return True
