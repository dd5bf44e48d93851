"""Writing contracts (合同) through their whole life: create, edit, delete a draft (with
undo), move between states with a dated note, and renew into the next contract.

Every move is kept as a :class:`~kamdesk.store.models.ContractEvent` row, so the history
survives the current ``status``; creation writes the first one. Which moves are allowed
is the pure table in :mod:`kamdesk.domain.contract_life`, checked here because the
database does not check the states (see :mod:`kamdesk.store.models.contract`).

A contract's renewal reminder follows it at once: each operation brings that contract's
"prepare renewal" task in step (:func:`kamdesk.store.ops.key_date_reminders.sync_renewal_task`),
so a new contract inside its notice period has its task now, and a renewed, terminated
or archived one loses its open task without waiting for the daily sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.domain.contract_life import (
    INITIAL_STATES,
    RENEWABLE_STATES,
    STATES,
    can_delete,
    can_move,
)
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Contract, ContractEvent, Customer, Document, Transaction
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.key_date_reminders import sync_renewal_task
from kamdesk.store.ops.versions import check_loaded, stale_guard

__all__ = ["EDITABLE", "RenewedContract", "create_contract", "update_contract",
           "delete_contract", "restore_contract", "move_contract", "renew_contract"]

#: the fields :func:`update_contract` edits (the state moves only by :func:`move_contract`)
EDITABLE = ("number", "title", "parties", "start_on", "end_on", "value_cents",
            "payment_terms", "renewal_notice_days", "notes")
#: longest renewal notice accepted (two years)
MAX_NOTICE_DAYS = 730
#: how far ahead a move may be dated: a date beyond that is a typing slip
MAX_DAYS_AHEAD = 366
LIMITS = {"number": 64, "title": 300}


def _clean(value: Any) -> Any:
    return (value.strip() or None) if isinstance(value, str) else value


def _validate(session: Session, data: dict[str, Any], contract_id: int | None) -> None:
    """The rules every contract obeys; ``data`` holds cleaned values of :data:`EDITABLE`."""
    for name in ("number", "title"):
        if not data.get(name):
            raise ValidationError(name, "required")
        if len(data[name]) > LIMITS[name]:
            raise ValidationError(name, "too_long")
    for name in ("start_on", "end_on"):
        if data.get(name) is not None and not isinstance(data[name], date):
            raise ValidationError(name, "invalid_date")
    if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
        raise ValidationError("end_on", "end_before_start")
    value = data.get("value_cents")
    if value is not None and (not isinstance(value, int) or value <= 0):
        raise ValidationError("value_cents", "out_of_range")
    notice = data.get("renewal_notice_days")
    if not isinstance(notice, int) or not 0 <= notice <= MAX_NOTICE_DAYS:
        raise ValidationError("renewal_notice_days", "out_of_range")
    clash = select(Contract.id).where(Contract.number == data["number"])
    if contract_id is not None:
        clash = clash.where(Contract.id != contract_id)
    if session.execute(clash.limit(1)).first() is not None:
        raise ValidationError("number", "duplicate", data["number"])


def _check_customer(session: Session, customer_id: int | None) -> None:
    customer = session.get(Customer, customer_id) if customer_id else None
    if customer is None:
        raise ValidationError("customer", "required")
    if customer.status == "archived":
        raise ValidationError("customer", "customer_archived")


def _check_day(field: str, on: Any, today: date) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise ValidationError(field, "invalid_date")
    if on > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValidationError(field, "out_of_range")
    return on


def _event(session: Session, contract_id: int, on: date, from_status: str | None,
           to_status: str, note: str | None, now: datetime) -> Changes:
    event = ContractEvent(contract_id=contract_id, changed_on=on, from_status=from_status,
                          to_status=to_status, note=_clean(note), created_at=now)
    session.add(event)
    session.flush()
    return Changes.of("contract_events", event.id)  # contract_events


def _renewal_task(session: Session, contract_id: int, today: date) -> Changes:
    """Bring the contract's renewal task in step; only the table, never the result."""
    return Changes(sync_renewal_task(session, contract_id, today).tables)  # tasks


def create_contract(
    session: Session, customer_id: int, *, number: str, title: str,
    parties: str | None = None, start_on: date | None = None, end_on: date | None = None,
    value_cents: int | None = None, payment_terms: str | None = None,
    renewal_notice_days: int = 60, notes: str | None = None, status: str = "draft",
    on: date | None = None, note: str | None = None, today: date | None = None,
    previous_contract_id: int | None = None, now: datetime | None = None,
) -> Changes:
    """Record a contract and its first history entry (``status`` on ``on``, default
    today); ``value`` is the new contract's id."""
    now = now or datetime.now()
    today = today or now.date()
    _check_customer(session, customer_id)
    data = {"number": _clean(number), "title": _clean(title), "parties": _clean(parties),
            "start_on": start_on, "end_on": end_on, "value_cents": value_cents,
            "payment_terms": _clean(payment_terms), "renewal_notice_days": renewal_notice_days,
            "notes": _clean(notes)}
    _validate(session, data, None)
    if status not in INITIAL_STATES:
        raise ValidationError("status", "invalid_choice")
    on = _check_day("changed_on", on or today, today)
    contract = Contract(customer_id=customer_id, status=status,
                        previous_contract_id=previous_contract_id, **data)
    session.add(contract)
    session.flush()  # contracts
    changes = (Changes.of("contracts", contract.id)
               | _event(session, contract.id, on, None, status, note, now)
               | _renewal_task(session, contract.id, today))
    return changes.with_value(contract.id)


def _get(session: Session, contract_id: int) -> Contract:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise ValidationError("contract", "required")
    return contract


def update_contract(session: Session, contract_id: int, today: date | None = None, *,
                    expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit the terms of a contract (not its state: see :func:`move_contract`). With
    ``expected_version``, a contract saved by someone else since raises ConflictError."""
    contract = _get(session, contract_id)
    for key in fields:
        if key not in EDITABLE:
            raise ValidationError(key, "invalid_choice")
    mine = {key: _clean(value) for key, value in fields.items()}
    check_loaded(contract, expected_version, mine)
    data = {key: getattr(contract, key) for key in EDITABLE}
    data.update(mine)
    _validate(session, data, contract_id)
    with stale_guard(session, Contract, contract_id, expected_version, mine):
        for key, value in data.items():
            setattr(contract, key, value)
        session.flush()  # contracts
    return (Changes.of("contracts", contract_id)
            | _renewal_task(session, contract_id, today or date.today())
            ).with_value(contract_id)


def delete_contract(session: Session, contract_id: int, *,
                    expected_version: int | None = None) -> Changes:
    """Delete a draft (anything further is history: archive it instead); ``value`` is
    the snapshot :func:`restore_contract` puts back (undo). ``expected_version``: as
    for :func:`update_contract` (a conflict is ``deleting``)."""
    contract = _get(session, contract_id)
    check_loaded(contract, expected_version, {}, deleting=True)
    if not can_delete(contract.status):
        raise ValidationError("status", "not_draft")
    # Orders or files kept with the draft would silently lose their link.
    for model in (Transaction, Document):
        if session.execute(select(func.count()).select_from(model).where(
                model.contract_id == contract_id)).scalar_one():
            raise ValidationError("contract", "in_use")
    events = list(session.scalars(select(ContractEvent).where(
        ContractEvent.contract_id == contract_id)))
    snap = {"contract": {c.key: getattr(contract, c.key) for c in Contract.__table__.columns},
            "events": [{c.key: getattr(e, c.key) for c in ContractEvent.__table__.columns}
                       for e in events]}
    changes = Changes.of("contracts", contract_id)
    for e in events:
        session.delete(e)  # contract_events
        changes = changes.also("contract_events", e.id)
    session.flush()
    session.delete(contract)  # contracts
    session.flush()
    return changes.with_value(snap)


def restore_contract(session: Session, snap: dict[str, Any]) -> Changes:
    """Put a deleted draft back exactly as it was, history included (undo)."""
    data = dict(snap["contract"])
    session.add(Contract(**data))
    session.flush()  # contracts
    changes = Changes.of("contracts", data["id"])
    for e in snap["events"]:
        session.add(ContractEvent(**e))  # contract_events
        changes = changes.also("contract_events", e["id"])
    session.flush()
    return changes.with_value(data["id"])


def _last_move_day(session: Session, contract_id: int) -> date | None:
    return session.execute(select(func.max(ContractEvent.changed_on)).where(
        ContractEvent.contract_id == contract_id)).scalar()


def move_contract(session: Session, contract_id: int, to_status: str, on: date,
                  note: str | None = None, today: date | None = None,
                  now: datetime | None = None) -> Changes:
    """Move a contract to its next state on ``on`` with a note (kept in its history).
    The move must be allowed from the current state and dated no earlier than the last
    one. ``value`` is the new event's id."""
    now = now or datetime.now()
    today = today or now.date()
    contract = _get(session, contract_id)
    if to_status not in STATES or not can_move(contract.status, to_status):
        raise ValidationError("to_status", "invalid_transition")
    on = _check_day("changed_on", on, today)
    last = _last_move_day(session, contract_id)
    if last is not None and on < last:
        raise ValidationError("changed_on", "before_last_move")
    from_status, contract.status = contract.status, to_status
    session.flush()  # contracts
    event = _event(session, contract_id, on, from_status, to_status, note, now)
    changes = (Changes.of("contracts", contract_id) | event
               | _renewal_task(session, contract_id, today))
    return changes.with_value(next(iter(event.ids("contract_events") or ())))


@dataclass(frozen=True)
class RenewedContract:
    previous_id: int
    new_id: int


def renew_contract(
    session: Session, contract_id: int, new_number: str, start_on: date | None,
    end_on: date | None, value_cents: int | None, *, title: str | None = None,
    notes: str | None = None, parties: str | None = None, payment_terms: str | None = None,
    renewal_notice_days: int | None = None, on: date | None = None, note: str | None = None,
    status: str = "signed", today: date | None = None, now: datetime | None = None,
) -> Changes:
    """Renew a contract: the next contract (same customer; title, parties, payment terms
    and notice days copied unless given; linked by ``previous_contract_id``) is created in
    ``status``, and the old one moves to "renewed" on ``on`` (default today). ``value``
    is a :class:`RenewedContract`."""
    now = now or datetime.now()
    today = today or now.date()
    old = _get(session, contract_id)
    if old.status not in RENEWABLE_STATES:
        raise ValidationError("to_status", "invalid_transition")
    on = on or today
    created = create_contract(
        session, old.customer_id, number=new_number, title=title or old.title,
        parties=old.parties if parties is None else parties, start_on=start_on, end_on=end_on,
        value_cents=value_cents,
        payment_terms=old.payment_terms if payment_terms is None else payment_terms,
        renewal_notice_days=(old.renewal_notice_days if renewal_notice_days is None
                             else renewal_notice_days),
        notes=notes, status=status, on=on, note=note, today=today,
        previous_contract_id=old.id, now=now)
    moved = move_contract(session, contract_id, "renewed", on, note, today=today, now=now)
    return (created | moved).with_value(RenewedContract(contract_id, created.value))
