"""The top of a profile: who the customer is, where they stand and what is due.

This is what a manager reads before picking up the phone, so the tiers are coloured
badges, the next touch says how late it is, and the health score carries its reasons
in words next to it instead of a bare number. The credit flag says how much of the
credit limit is used (amber from 80 %, red over the limit) next to the credit rating.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.cadence import action_label
from kamdesk.domain.health import describe
from kamdesk.domain.rfm import segment_label
from kamdesk.store.queries.profile import ProfileHeader
from kamdesk.store.queries.receivables import CreditStanding
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.icons import icon
from kamdesk.ui.profile.base import (
    ACTIVITY_COLOURS,
    POTENTIAL_COLOURS,
    TIER_COLOURS,
    badge,
    health_colour,
    set_badge,
)


def due_action_text(code: str | None, lang: str) -> str:
    if not code:
        return ""
    try:
        return action_label(code, lang)  # type: ignore[arg-type]
    except KeyError:
        return code


def segment_text(key: str | None, lang: str) -> str:
    if not key:
        return ""
    try:
        return segment_label(key, lang)  # type: ignore[arg-type]
    except KeyError:
        return key


class ProfileHeaderWidget(QFrame):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("profileHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.name_label = QLabel()
        self.name_label.setObjectName("profileName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.code_label = QLabel()
        self.code_label.setObjectName("profileCode")
        self.code_label.setStyleSheet("color: #757575;")
        self.status_badge = badge("", "#9e9e9e")

        self.back_button = QPushButton(icon("customers"), self.tr("Back to list"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Back to the customer list (Alt+Left)"))
        self.log_button = QPushButton(icon("log"), self.tr("Log contact"))
        self.log_button.setObjectName("logContactButton")
        self.plan_button = QPushButton(icon("plan"), self.tr("Account plan…"))
        self.plan_button.setObjectName("planButton")
        self.plan_button.setToolTip(self.tr("Open this customer's account plan, or start one"))
        self.brief_button = QPushButton(icon("pdf"), self.tr("Brief"))
        self.brief_button.setObjectName("briefButton")
        self.brief_button.setToolTip(self.tr("One-page pre-visit brief (PDF)"))
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_button.setObjectName("editCustomerButton")
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("archiveButton")

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.code_label)
        top.addWidget(self.status_badge)
        top.addSpacing(16)
        for b in (self.back_button, self.log_button, self.plan_button, self.brief_button,
                  self.edit_button, self.archive_button):
            top.addWidget(b)

        self.tier_badge = badge("", "#607d8b")
        self.tier_badge.setObjectName("tierBadge")
        self.activity_badge = badge("", "#2e7d32")
        self.activity_badge.setObjectName("activityBadge")
        self.potential_badge = badge("", "#1565c0")
        self.potential_badge.setObjectName("potentialBadge")
        self.segment_badge = QLabel()
        self.segment_badge.setObjectName("segmentBadge")
        self.segment_badge.setStyleSheet(
            "QLabel { border: 1px solid #90a4ae; border-radius: 9px; padding: 1px 8px; }")
        self.facts_label = QLabel()
        self.facts_label.setObjectName("profileFacts")
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        # Wrap rather than widen: a long owner name or action must never push the
        # window past a 1366-pixel screen.
        self.facts_label.setWordWrap(True)
        self.facts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        badges = QHBoxLayout()
        badges.setSpacing(6)
        for b in (self.tier_badge, self.activity_badge, self.potential_badge,
                  self.segment_badge):
            badges.addWidget(b)
        badges.addSpacing(12)
        badges.addWidget(self.facts_label, 1)

        self.health_score = QLabel()
        self.health_score.setObjectName("healthScore")
        hfont = self.health_score.font()
        hfont.setPointSizeF(hfont.pointSizeF() * 1.4)
        hfont.setBold(True)
        self.health_score.setFont(hfont)
        self.health_reasons = QLabel()
        self.health_reasons.setObjectName("healthReasons")
        self.health_reasons.setWordWrap(True)
        self.health_reasons.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Preferred)
        health = QHBoxLayout()
        health.setSpacing(8)
        caption = QLabel(self.tr("Health"))
        caption.setStyleSheet("color: #757575;")
        health.addWidget(caption)
        health.addWidget(self.health_score)
        health.addWidget(self.health_reasons, 1)
        self.credit_label = QLabel()
        self.credit_label.setObjectName("creditFlag")
        self.credit_label.setTextFormat(Qt.TextFormat.RichText)
        self.credit_label.hide()
        health.addWidget(self.credit_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(badges)
        layout.addLayout(health)

    def show_header(self, h: ProfileHeader, today: date) -> None:
        lang = self.lang
        self.name_label.setText(h.name)
        self.name_label.setToolTip(h.name)
        self.code_label.setText(h.code + (f" · {h.short_name}" if h.short_name else ""))
        if h.status == "active":
            self.status_badge.hide()
        else:
            set_badge(self.status_badge, labels.status(h.status), "#9e9e9e")
        archived = h.status == "archived"
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_button.setToolTip(
            self.tr("Bring the customer back into the lists") if archived else
            self.tr("Hide the customer from lists and reminders; the history is kept"))

        if h.is_new:
            # No tier or activity judgement without history: one "New" badge.
            set_badge(self.tier_badge, self.tr("New"), "#00796b")
            self.tier_badge.setToolTip(self.tr("Not enough history to judge value or activity"))
            self.activity_badge.hide()
        else:
            self.tier_badge.setToolTip("")
            set_badge(self.tier_badge, labels.value_tier(h.value_tier),
                      TIER_COLOURS.get(h.value_tier, "#607d8b"))
            set_badge(self.activity_badge, labels.activity(h.activity),
                      ACTIVITY_COLOURS.get(h.activity, "#607d8b"),
                      "#3e2723" if h.activity == "silent" else "#ffffff")
            self.activity_badge.show()
        set_badge(self.potential_badge, labels.potential(h.potential),
                  POTENTIAL_COLOURS.get(h.potential, "#607d8b"))
        seg = segment_text(h.segment, lang)
        self.segment_badge.setText(
            f"RFM {h.r_score}{h.f_score}{h.m_score} · {seg}" if h.r_score and seg else seg)
        self.segment_badge.setVisible(bool(seg))
        self.segment_badge.setToolTip(self.tr("Recency %1 · Frequency %2 · Monetary %3 (1–5)")
                                      .replace("%1", str(h.r_score))
                                      .replace("%2", str(h.f_score))
                                      .replace("%3", str(h.m_score)))

        parts = []
        if h.owner:
            parts.append(self.tr("Owner: %1").replace("%1", _esc(h.owner)))
        if h.last_contact_at is None:
            parts.append(self.tr("Never contacted"))
        else:
            days = (today - h.last_contact_at.date()).days
            ago = self.tr("today") if days <= 0 else self.tr("%n day(s) ago", "", days)
            parts.append(self.tr("Last contact: %1 (%2)").replace(
                "%1", fmt.day(h.last_contact_at)).replace("%2", ago))
        if h.next_due_on is not None:
            action = due_action_text(h.due_action, lang) or self.tr("Contact")
            text = self.tr("Next: %1 by %2").replace("%1", _esc(action)).replace(
                "%2", fmt.day(h.next_due_on))
            if h.extra_state == "not_yet_done":
                # A duty never done since tracking began is not "N days overdue".
                text = self.tr("Next: %1 — not yet done (due with the next contact, %2)").replace(
                    "%1", _esc(action)).replace("%2", fmt.day(h.next_due_on))
            elif h.overdue_days > 0:
                late = self.tr("%n day(s) overdue", "", h.overdue_days)
                text += f' <span style="color:#c62828; font-weight:bold">({late})</span>'
            parts.append(text)
        self.facts_label.setText(" &nbsp;·&nbsp; ".join(parts))

        colour = health_colour(h.health)
        self.health_score.setText(str(h.health))
        self.health_score.setStyleSheet(f"color: {colour};")
        if h.is_new:
            # Nothing to judge yet: no score, and say why rather than "no warning signs".
            self.health_score.setText("—")
            self.health_score.setStyleSheet("color: #757575;")
            self.health_reasons.setText(self.tr("not enough history yet"))
            self.health_reasons.setToolTip(self.tr(
                "A new customer: no orders, contacts or declared figures yet. Tier, "
                "activity and health are judged once there is some history."))
        elif h.health_reasons:
            words = [(r.penalty, describe(r, lang)) for r in h.health_reasons]  # type: ignore[arg-type]
            self.health_reasons.setText(" · ".join(text for _p, text in words))
            self.health_reasons.setToolTip("\n".join(f"−{p}  {text}" for p, text in words))
        else:
            self.health_reasons.setText(self.tr("no warning signs"))
            self.health_reasons.setToolTip("")

    def show_credit(self, standing: CreditStanding | None) -> None:
        """The credit flag: rating and use of the limit, coloured by level."""
        if standing is None or (standing.credit_limit_cents is None
                                and not standing.credit_rating):
            self.credit_label.hide()
            return
        parts = []
        if standing.credit_rating:
            parts.append(self.tr("Credit %1").replace("%1", standing.credit_rating))
        level, pct = standing.level, standing.usage_pct
        colour = CREDIT_COLOURS.get(level, "#757575")
        if level == "red":
            parts.append(self.tr("over limit") if pct is None else
                         self.tr("over limit (%1 %)").replace("%1", str(pct)))
        elif pct is not None:
            parts.append(self.tr("credit %1 % used").replace("%1", str(pct)))
        weight = "bold" if level in ("amber", "red") else "normal"
        self.credit_label.setText(f'<span style="color:{colour}; font-weight:{weight}">'
                                  f'{_esc(" · ".join(parts))}</span>')
        lang = self.lang
        tip = self.tr("Outstanding %1").replace(
            "%1", fmt.money(standing.outstanding_cents, lang))
        if standing.credit_limit_cents is not None:
            tip += " / " + self.tr("limit %1").replace(
                "%1", fmt.money(standing.credit_limit_cents, lang))
        if standing.credit_review_on is not None:
            tip += "\n" + self.tr("Credit reviewed %1").replace(
                "%1", fmt.day(standing.credit_review_on))
        self.credit_label.setToolTip(tip)
        self.credit_label.setProperty("level", level)
        self.credit_label.show()


CREDIT_COLOURS = {"amber": "#ef6c00", "red": "#c62828"}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
