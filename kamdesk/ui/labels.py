"""Translated names for the stored codes (channels, roles, tiers…).

The database keeps stable English codes; the screen shows words in the user's
language. Kept in one QObject so lupdate finds every string under one context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


_tr = QCoreApplication.translate


def _t(text: str) -> str:
    # lupdate only sees literal translate("Labels", ...) calls; this helper is for
    # strings already marked that way (see the functions below).
    return _tr("Labels", text)


def channel(code: str | None) -> str:
    return {
        "visit": QCoreApplication.translate("Labels", "Visit"), "phone": QCoreApplication.translate("Labels", "Phone"), "email": QCoreApplication.translate("Labels", "Email"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"), "video": QCoreApplication.translate("Labels", "Video call"), "meeting": QCoreApplication.translate("Labels", "Meeting"),
        "event": QCoreApplication.translate("Labels", "Event"),
    }.get(code or "", code or "")


def decision_role(code: str | None) -> str:
    return {
        "decision_maker": QCoreApplication.translate("Labels", "Decision maker"), "economic_buyer": QCoreApplication.translate("Labels", "Economic buyer"),
        "technical_evaluator": QCoreApplication.translate("Labels", "Technical evaluator"), "user": QCoreApplication.translate("Labels", "User"),
        "influencer": QCoreApplication.translate("Labels", "Influencer"), "gatekeeper": QCoreApplication.translate("Labels", "Gatekeeper"), "coach": QCoreApplication.translate("Labels", "Coach"),
    }.get(code or "", code or "")


def attitude(code: str | None) -> str:
    return {"supporter": QCoreApplication.translate("Labels", "Supporter"), "neutral": QCoreApplication.translate("Labels", "Neutral"),
            "opponent": QCoreApplication.translate("Labels", "Opponent")}.get(code or "", code or "")


def value_tier(code: str | None) -> str:
    return {"A": QCoreApplication.translate("Labels", "High value"), "B": QCoreApplication.translate("Labels", "Middle value"), "C": QCoreApplication.translate("Labels", "Low value")}.get(
        code or "", code or "")


def activity(code: str | None) -> str:
    return {"active": QCoreApplication.translate("Labels", "Active"), "silent": QCoreApplication.translate("Labels", "Silent"), "churned": QCoreApplication.translate("Labels", "Churned")}.get(
        code or "", code or "")


def potential(code: str | None) -> str:
    return {"high": QCoreApplication.translate("Labels", "High potential"), "medium": QCoreApplication.translate("Labels", "Medium potential"),
            "low": QCoreApplication.translate("Labels", "Low potential")}.get(code or "", code or "")


def status(code: str | None) -> str:
    return {"prospect": QCoreApplication.translate("Labels", "Prospect"), "active": QCoreApplication.translate("Labels", "Active customer"),
            "archived": QCoreApplication.translate("Labels", "Archived")}.get(code or "", code or "")


def priority(value: int | None) -> str:
    return {1: QCoreApplication.translate("Labels", "High"), 2: QCoreApplication.translate("Labels", "Normal"), 3: QCoreApplication.translate("Labels", "Low")}.get(value or 2, "")


def task_kind(code: str | None) -> str:
    return {"task": QCoreApplication.translate("Labels", "Task"), "call": QCoreApplication.translate("Labels", "Call"), "visit": QCoreApplication.translate("Labels", "Visit")}.get(code or "", code or "")


def stage(code: str | None) -> str:
    return {"lead": QCoreApplication.translate("Labels", "Lead"), "first_contact": QCoreApplication.translate("Labels", "First contact"), "demo": QCoreApplication.translate("Labels", "Demo"),
            "trial": QCoreApplication.translate("Labels", "Trial"), "won": QCoreApplication.translate("Labels", "Contract won"), "lost": QCoreApplication.translate("Labels", "Lost")}.get(
        code or "", code or "")


def key_date_kind(code: str | None) -> str:
    return {"birthday": QCoreApplication.translate("Labels", "Birthday"), "anniversary": QCoreApplication.translate("Labels", "Cooperation anniversary"),
            "founding": QCoreApplication.translate("Labels", "Founding day"), "custom": QCoreApplication.translate("Labels", "Custom")}.get(code or "", code or "")


def field_error(field_label: str, message: str) -> str:
    """'Field: message' with the colon the language uses (Chinese: full-width)."""
    return QCoreApplication.translate("Labels", "%1: %2").replace("%1", field_label).replace(
        "%2", message)


def validation(code: str) -> str:
    return {
        "required": QCoreApplication.translate("Labels", "This field is required."),
        "duplicate": QCoreApplication.translate("Labels", "This value is already used by another record."),
        "invalid_date": QCoreApplication.translate("Labels", "This is not a valid date."),
        "out_of_range": QCoreApplication.translate("Labels", "This value is out of the allowed range."),
        "too_long": QCoreApplication.translate("Labels", "This text is too long."),
        "invalid_choice": QCoreApplication.translate("Labels", "This value is not allowed here."),
        "invalid_number": QCoreApplication.translate("Labels", "This is not a valid number or amount."),
    }.get(code, code)


def field_name(field: str) -> str:
    return {
        "name": QCoreApplication.translate("Labels", "Name"), "code": QCoreApplication.translate("Labels", "Code"), "customer": QCoreApplication.translate("Labels", "Customer"),
        "topic": QCoreApplication.translate("Labels", "Topic"), "channel": QCoreApplication.translate("Labels", "Channel"), "occurred_at": QCoreApplication.translate("Labels", "Date and time"),
        "deadline": QCoreApplication.translate("Labels", "Deadline"), "satisfaction": QCoreApplication.translate("Labels", "Satisfaction"), "email": QCoreApplication.translate("Labels", "Email"),
        "relationship_strength": QCoreApplication.translate("Labels", "Relationship strength"), "title": QCoreApplication.translate("Labels", "Title"),
        "credit_limit_cents": QCoreApplication.translate("Labels", "Credit limit"), "cooperation_start": QCoreApplication.translate("Labels", "Cooperation since"),
        "potential": QCoreApplication.translate("Labels", "Potential"), "reports_to_id": QCoreApplication.translate("Labels", "Reports to"),
        "decision_role": QCoreApplication.translate("Labels", "Decision role"), "attitude": QCoreApplication.translate("Labels", "Attitude"),
        "short_name": QCoreApplication.translate("Labels", "Short name"), "industry": QCoreApplication.translate("Labels", "Industry"),
        "founded_on": QCoreApplication.translate("Labels", "Founded on"), "share_of_wallet_pct": QCoreApplication.translate("Labels", "Share of wallet"),
        "birthday": QCoreApplication.translate("Labels", "Birthday"), "owner": QCoreApplication.translate("Labels", "Owner"), "website": QCoreApplication.translate("Labels", "Website"),
    }.get(field, field)


def satisfaction(value: int | None) -> str:
    """The 1–5 scale a manager asks at the end of a call (满意度)."""
    return {1: QCoreApplication.translate("Labels", "Very dissatisfied"), 2: QCoreApplication.translate("Labels", "Dissatisfied"), 3: QCoreApplication.translate("Labels", "Neutral", "satisfaction"),
            4: QCoreApplication.translate("Labels", "Satisfied"), 5: QCoreApplication.translate("Labels", "Very satisfied")}.get(value or 0, "")


def contract_status(code: str | None) -> str:
    return {"draft": QCoreApplication.translate("Labels", "Draft"), "review": QCoreApplication.translate("Labels", "In review"), "signed": QCoreApplication.translate("Labels", "Signed"),
            "active": QCoreApplication.translate("Labels", "In force"), "expired": QCoreApplication.translate("Labels", "Expired"), "terminated": QCoreApplication.translate("Labels", "Terminated"),
            "renewed": QCoreApplication.translate("Labels", "Renewed")}.get(code or "", code or "")


def task_source(code: str | None) -> str:
    return {"manual": QCoreApplication.translate("Labels", "Manual"), "interaction": QCoreApplication.translate("Labels", "From a contact"),
            "cadence": QCoreApplication.translate("Labels", "Contact rhythm"), "key_date": QCoreApplication.translate("Labels", "Key date"),
            "contract": QCoreApplication.translate("Labels", "Contract"), "complaint": QCoreApplication.translate("Labels", "Complaint"),
            "plan": QCoreApplication.translate("Labels", "Account plan")}.get(code or "", code or "")


def calendar_kind(code: str | None) -> str:
    return {"solar": QCoreApplication.translate("Labels", "Solar calendar"), "lunar": QCoreApplication.translate("Labels", "Lunar calendar")}.get(
        code or "", code or "")


def severity(code: str | None) -> str:
    return {"low": QCoreApplication.translate("Labels", "Low"), "medium": QCoreApplication.translate("Labels", "Medium"), "high": QCoreApplication.translate("Labels", "High"),
            "critical": QCoreApplication.translate("Labels", "Critical")}.get(code or "", code or "")


def tiering_method(code: str | None) -> str:
    return {"share": QCoreApplication.translate("Labels", "By share of customers"),
            "cumulative": QCoreApplication.translate("Labels", "By share of revenue (ABC analysis)")}.get(code or "", code or "")


def calendar_entry_kind(code: str | None) -> str:
    """What the Calendar screen's kind filter and legend call each kind of entry."""
    return {"task": QCoreApplication.translate("Labels", "Tasks"),
            "visit": QCoreApplication.translate("Labels", "Visits"),
            "call": QCoreApplication.translate("Labels", "Calls"),
            "key_date": QCoreApplication.translate("Labels", "Key dates"),
            "festival": QCoreApplication.translate("Labels", "Festivals"),
            "event": QCoreApplication.translate("Labels", "Events"),
            "renewal": QCoreApplication.translate("Labels", "Renewals"),
            "complaint": QCoreApplication.translate("Labels", "Complaints")}.get(
        code or "", code or "")


# -- account plans --------------------------------------------------------------
def plan_status(code: str | None) -> str:
    return {"draft": QCoreApplication.translate("Labels", "Draft"),
            "final": QCoreApplication.translate("Labels", "Final")}.get(code or "", code or "")


def objective_status(code: str | None) -> str:
    return {"open": QCoreApplication.translate("Labels", "Not started"),
            "on_track": QCoreApplication.translate("Labels", "On track"),
            "at_risk": QCoreApplication.translate("Labels", "At risk"),
            "achieved": QCoreApplication.translate("Labels", "Achieved"),
            "missed": QCoreApplication.translate("Labels", "Missed")}.get(code or "", code or "")


def plan_action_status(code: str | None) -> str:
    return {"open": QCoreApplication.translate("Labels", "Not started"),
            "in_progress": QCoreApplication.translate("Labels", "In progress"),
            "done": QCoreApplication.translate("Labels", "Done"),
            "dropped": QCoreApplication.translate("Labels", "Dropped")}.get(code or "", code or "")


def risk_kind(code: str | None) -> str:
    return {"credit": QCoreApplication.translate("Labels", "Credit"),
            "market": QCoreApplication.translate("Labels", "Market"),
            "single_contact": QCoreApplication.translate("Labels", "Single point of contact"),
            "contract": QCoreApplication.translate("Labels", "Contract"),
            "other": QCoreApplication.translate("Labels", "Other")}.get(code or "", code or "")


def level(code: str | None) -> str:
    """Risk level and a person's influence (高/中/低)."""
    return {"low": QCoreApplication.translate("Labels", "Low"),
            "medium": QCoreApplication.translate("Labels", "Medium"),
            "high": QCoreApplication.translate("Labels", "High")}.get(code or "", code or "")


def plan_field_name(field: str) -> str:
    """Field names of the account plan editor's messages; others as in :func:`field_name`."""
    return {"period": QCoreApplication.translate("Labels", "Period"),
            "metric": QCoreApplication.translate("Labels", "Metric"),
            "baseline": QCoreApplication.translate("Labels", "Baseline"),
            "target": QCoreApplication.translate("Labels", "Target"),
            "due": QCoreApplication.translate("Labels", "Due"),
            "action": QCoreApplication.translate("Labels", "Action"),
            "risk": QCoreApplication.translate("Labels", "Risk"),
            "mitigation": QCoreApplication.translate("Labels", "Mitigation"),
            "objective_status": QCoreApplication.translate("Labels", "Status"),
            "action_status": QCoreApplication.translate("Labels", "Status"),
            "status": QCoreApplication.translate("Labels", "Status"),
            "risk_kind": QCoreApplication.translate("Labels", "Type"),
            "risk_level": QCoreApplication.translate("Labels", "Level"),
            "plan": QCoreApplication.translate("Labels", "Account plan")}.get(field) or \
        field_name(field)


def plan_validation(code: str) -> str:
    if code == "invalid_period":
        return QCoreApplication.translate(
            "Labels", "Use a year (2027), a half-year (2027-H1, 2027-H2) or a quarter "
            "(2027-Q1 … 2027-Q4).")
    return validation(code)
