"""Translated names for the stored codes (channels, roles, tiers…).

The database keeps stable English codes; the screen shows words in the user's
language. Kept in one QObject so lupdate finds every string under one context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def channel(code: str | None) -> str:
    return {
        "visit": _t("Visit"), "phone": _t("Phone"), "email": _t("Email"),
        "wechat": _t("WeChat"), "video": _t("Video call"), "meeting": _t("Meeting"),
        "event": _t("Event"),
    }.get(code or "", code or "")


def decision_role(code: str | None) -> str:
    return {
        "decision_maker": _t("Decision maker"), "economic_buyer": _t("Economic buyer"),
        "technical_evaluator": _t("Technical evaluator"), "user": _t("User"),
        "influencer": _t("Influencer"), "gatekeeper": _t("Gatekeeper"), "coach": _t("Coach"),
    }.get(code or "", code or "")


def attitude(code: str | None) -> str:
    return {"supporter": _t("Supporter"), "neutral": _t("Neutral"),
            "opponent": _t("Opponent")}.get(code or "", code or "")


def value_tier(code: str | None) -> str:
    return {"A": _t("High value"), "B": _t("Middle value"), "C": _t("Low value")}.get(
        code or "", code or "")


def activity(code: str | None) -> str:
    return {"active": _t("Active"), "silent": _t("Silent"), "churned": _t("Churned")}.get(
        code or "", code or "")


def potential(code: str | None) -> str:
    return {"high": _t("High potential"), "medium": _t("Medium potential"),
            "low": _t("Low potential")}.get(code or "", code or "")


def status(code: str | None) -> str:
    return {"prospect": _t("Prospect"), "active": _t("Active customer"),
            "archived": _t("Archived")}.get(code or "", code or "")


def priority(value: int | None) -> str:
    return {1: _t("High"), 2: _t("Normal"), 3: _t("Low")}.get(value or 2, "")


def task_kind(code: str | None) -> str:
    return {"task": _t("Task"), "call": _t("Call"), "visit": _t("Visit")}.get(code or "", code or "")


def stage(code: str | None) -> str:
    return {"lead": _t("Lead"), "first_contact": _t("First contact"), "demo": _t("Demo"),
            "trial": _t("Trial"), "won": _t("Contract won"), "lost": _t("Lost")}.get(
        code or "", code or "")


def key_date_kind(code: str | None) -> str:
    return {"birthday": _t("Birthday"), "anniversary": _t("Cooperation anniversary"),
            "founding": _t("Founding day"), "custom": _t("Custom")}.get(code or "", code or "")


def validation(code: str) -> str:
    return {
        "required": _t("This field is required."),
        "duplicate": _t("This value is already used by another record."),
        "invalid_date": _t("This is not a valid date."),
        "out_of_range": _t("This value is out of the allowed range."),
        "too_long": _t("This text is too long."),
        "invalid_choice": _t("This value is not allowed here."),
    }.get(code, code)


def field_name(field: str) -> str:
    return {
        "name": _t("Name"), "code": _t("Code"), "customer": _t("Customer"),
        "topic": _t("Topic"), "channel": _t("Channel"), "occurred_at": _t("Date and time"),
        "deadline": _t("Deadline"), "satisfaction": _t("Satisfaction"), "email": _t("Email"),
        "relationship_strength": _t("Relationship strength"), "title": _t("Title"),
        "credit_limit_cents": _t("Credit limit"), "cooperation_start": _t("Cooperation since"),
        "potential": _t("Potential"), "reports_to_id": _t("Reports to"),
        "decision_role": _t("Decision role"), "attitude": _t("Attitude"),
    }.get(field, field)
