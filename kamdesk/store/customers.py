"""Writing customers: create, edit, archive/restore, delete (only without history).

Each function takes a Session, leaves committing to the caller's ``with`` block,
and keeps the derived rows (metrics row, search text) in step with the customer.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kamdesk.store import search
from kamdesk.store.errors import HasHistory, ValidationError
from kamdesk.store.models import (
    AccountPlan, Complaint, Contract, Customer, CustomerMetrics, Interaction, Opportunity,
    Transaction,
)
from kamdesk.store.models.customer import POTENTIALS
from kamdesk.store.pinyin import pinyin_forms

EDITABLE = (
    "code", "name", "short_name", "industry", "scale", "region", "address", "website",
    "cooperation_start", "founded_on", "source", "status", "potential", "strategy_notes",
    "decision_process", "explicit_needs", "latent_needs", "credit_limit_cents",
    "share_of_wallet_pct", "owner",
)


def next_code(session: Session) -> str:
    """C001, C002 … continuing from the highest numeric code, keeping its width."""
    best, width = 0, 3
    for (code,) in session.execute(select(Customer.code).where(Customer.code.like("C%"))):
        m = re.fullmatch(r"C(\d+)", code)
        if m and int(m.group(1)) >= best:
            best, width = int(m.group(1)), max(3, len(m.group(1)))
    return f"C{best + 1:0{width}d}"


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    if "name" in out and not out["name"]:
        raise ValidationError("name", "required")
    if "potential" in out and out["potential"] not in POTENTIALS:
        raise ValidationError("potential", "invalid_choice")
    if out.get("credit_limit_cents") is not None and out["credit_limit_cents"] < 0:
        raise ValidationError("credit_limit_cents", "out_of_range")
    for key in ("cooperation_start", "founded_on"):
        v = out.get(key)
        if v is not None and not isinstance(v, date):
            raise ValidationError(key, "invalid_date")
        if isinstance(v, date) and v > date.today().replace(year=date.today().year + 1):
            raise ValidationError(key, "invalid_date")
    return out


def _check_code(session: Session, code: str, customer_id: int | None) -> None:
    clash = session.scalar(select(Customer.id).where(Customer.code == code))
    if clash is not None and clash != customer_id:
        raise ValidationError("code", "duplicate", code)


def create_customer(session: Session, **fields: Any) -> Customer:
    data = _clean(fields)
    data.setdefault("potential", "medium")
    data.setdefault("status", "active")
    if not data.get("code"):
        data["code"] = next_code(session)
    _check_code(session, data["code"], None)
    customer = Customer(**data)
    customer.name_pinyin, customer.name_initials = pinyin_forms(customer.name)
    session.add(customer)
    session.flush()
    session.add(CustomerMetrics(customer_id=customer.id))
    session.flush()
    search.reindex(session.connection(), [customer.id])
    return customer


def update_customer(session: Session, customer_id: int, **fields: Any) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "required")
    data = _clean(fields)
    if "code" in data:
        if not data["code"]:
            raise ValidationError("code", "required")
        _check_code(session, data["code"], customer_id)
    for key, value in data.items():
        setattr(customer, key, value)
    if "name" in data:
        customer.name_pinyin, customer.name_initials = pinyin_forms(customer.name)
    session.flush()
    search.reindex(session.connection(), [customer.id])
    return customer


def set_archived(session: Session, customer_id: int, archived: bool) -> None:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "required")
    customer.status = "archived" if archived else "active"
    session.flush()


def history_counts(session: Session, customer_id: int) -> dict[str, int]:
    counts = {}
    for name, model in (("interactions", Interaction), ("orders", Transaction),
                        ("contracts", Contract), ("complaints", Complaint),
                        ("opportunities", Opportunity), ("plans", AccountPlan)):
        n = session.scalar(select(func.count()).select_from(model).where(
            model.customer_id == customer_id)) or 0
        if n:
            counts[name] = n
    n = session.execute(text(
        "SELECT (SELECT count(*) FROM survey_responses WHERE customer_id = :c) + "
        "(SELECT count(*) FROM event_attendance WHERE customer_id = :c)"), {"c": customer_id}
    ).scalar_one()
    if n:
        counts["surveys_events"] = int(n)
    return counts


def delete_customer(session: Session, customer_id: int) -> None:
    """Only a customer without history can be deleted; otherwise :class:`HasHistory`."""
    counts = history_counts(session, customer_id)
    if counts:
        raise HasHistory(customer_id, counts)
    customer = session.get(Customer, customer_id)
    if customer is None:
        return
    if session.connection().dialect.name == "sqlite":
        session.execute(text("DELETE FROM customer_fts WHERE rowid = :c"), {"c": customer_id})
    session.delete(customer)
    session.flush()
