"""Writing customers: create, edit, archive/restore, delete (only without history), and
the bulk upsert the importer uses.

Every customer invariant lives here once, and the single-row operations and the bulk
one go through the same code:

- :func:`clean_customer_fields` validates and trims what may be stored;
- codes are unique (:func:`_codes_in_use`) and new ones continue the numbering
  (:func:`kamdesk.store.queries.customers.fresh_codes`);
- :func:`_insert_customers` writes new rows with their pinyin forms, their metrics row
  and (through :func:`kamdesk.store.search.reindex`) their search row;
- :func:`_update_customers` keeps pinyin and the search row in step with an edit.

They use Core statements with many rows a statement, so importing 100k customers is
one ``executemany`` per table rather than 100k ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from kamdesk.domain import vocab
from kamdesk.domain.text_clean import clean_line
from kamdesk.store import history, search
from kamdesk.store.errors import HasHistory, ValidationError
from kamdesk.store.models import Customer, CustomerMetrics, Person
from kamdesk.store.models.customer import CUSTOMER_STATUSES, POTENTIALS
from kamdesk.store.ops.bulk import indexes_set_aside, insert_rows
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.metrics import refresh_customer_metrics
from kamdesk.store.ops.people import (
    KEY_CONTACT_COLUMNS,
    KeyContact,
    key_contact_of,
    key_contact_rows,
    reindex_customers,
)
from kamdesk.store.ops.versions import bumped, check_stored, raise_conflict
from kamdesk.store.pinyin import name_readings, pinyin_forms
from kamdesk.store.queries.customers import fresh_codes, history_counts, suggested_code
from kamdesk.store.team.numbers import team_customer_ids
from kamdesk.store.team.refusals import refusal_as_validation

__all__ = [
    "EDITABLE", "CustomerUpsert", "UpsertResult", "KeyContact", "clean_customer_fields",
    "next_code", "create_customer", "update_customer", "set_archived", "archive_customer",
    "unarchive_customer", "delete_customer", "upsert_customers",
]

EDITABLE = (
    "code", "name", "short_name", "industry", "scale", "region", "address", "website",
    "cooperation_start", "founded_on", "source", "status", "potential", "strategy_notes",
    "decision_process", "explicit_needs", "latent_needs", "credit_limit_cents",
    "share_of_wallet_pct", "owner", "credit_rating", "credit_review_on",
    # what a sheet states (表1): kept as stated, see migration 0011_faithful_import
    "declared_contribution_cents", "stated_value_tier", "stated_activity", "tier_source",
    "declared_last_contact_at",
)
DEFAULTS = {"potential": "medium", "status": "active"}

_customers = cast(Table, Customer.__table__)
_metrics = cast(Table, CustomerMetrics.__table__)
_people_table = cast(Table, Person.__table__)
#: new customers' search rows are written this many a statement (see _insert_customers)
_SEARCH_SLICE = 10_000


_EDITABLE_SET = frozenset(EDITABLE)


# -- the invariants --------------------------------------------------------------------
@lru_cache(maxsize=32)
def _codes(kind: str) -> frozenset[str]:
    """The stored codes of a vocabulary kind (asked once per row of a 100k import)."""
    return frozenset(vocab.codes(kind))


@lru_cache(maxsize=8)
def _a_year_after(today: date) -> date:
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def clean_customer_fields(fields: Mapping[str, Any], today: date | None = None
                          ) -> dict[str, Any]:
    """Trimmed values (empty text -> None); ValidationError naming the first bad field."""
    today = today or date.today()
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in _EDITABLE_SET:
            raise ValidationError(key, "invalid_choice")
        if isinstance(value, str):
            # a name is one line without control characters, whoever typed it
            value = (clean_line(value) if key in ("name", "short_name") else value.strip()) or None
        out[key] = value
    if "name" in out and not out["name"]:
        raise ValidationError("name", "required")
    if "potential" in out and out["potential"] not in POTENTIALS:
        raise ValidationError("potential", "invalid_choice")
    if "status" in out and out["status"] not in CUSTOMER_STATUSES:
        raise ValidationError("status", "invalid_choice")
    if out.get("credit_limit_cents") is not None and out["credit_limit_cents"] < 0:
        raise ValidationError("credit_limit_cents", "out_of_range")
    if out.get("credit_rating") is not None:
        out["credit_rating"] = str(out["credit_rating"]).upper()
        if out["credit_rating"] not in _codes("credit_rating"):
            raise ValidationError("credit_rating", "invalid_choice")
    for key, kind in (("stated_value_tier", "value_tier"), ("stated_activity", "activity"),
                      ("tier_source", "tier_source")):
        if out.get(key) is not None and out[key] not in _codes(kind):
            raise ValidationError(key, "invalid_choice")
    if out.get("declared_contribution_cents") is not None and not isinstance(
            out["declared_contribution_cents"], int):
        raise ValidationError("declared_contribution_cents", "invalid_number")
    declared_at = out.get("declared_last_contact_at")
    if declared_at is not None and (not isinstance(declared_at, datetime)
                                    or declared_at.date() > today):
        raise ValidationError("declared_last_contact_at", "invalid_date")
    review = out.get("credit_review_on")
    if review is not None and not isinstance(review, date):
        raise ValidationError("credit_review_on", "invalid_date")
    latest = _a_year_after(today)
    for key in ("cooperation_start", "founded_on"):
        v = out.get(key)
        if v is not None and not isinstance(v, date):
            raise ValidationError(key, "invalid_date")
        if isinstance(v, date) and v > latest:
            raise ValidationError(key, "invalid_date")
    return out


def _derived(name: str) -> dict[str, str]:
    """The columns computed from the name (search by pinyin and initials)."""
    full, initials = pinyin_forms(name)
    return {"name_pinyin": full, "name_initials": initials}


def _codes_in_use(session: Session, codes: Iterable[str]) -> dict[str, int]:
    """The id of the customer holding each of ``codes`` that is taken."""
    wanted = sorted(set(codes))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update((code, cid) for cid, code in session.execute(
            select(_customers.c.id, _customers.c.code).where(_customers.c.code.in_(chunk))))
    return found


def next_code(session: Session) -> str:
    """The code a new customer gets when none is typed."""
    return suggested_code(session.connection())


def _insert_customers(session: Session, rows: Sequence[dict[str, Any]],
                      contacts: Sequence[KeyContact | None], now: datetime) -> list[int]:
    """Insert clean rows (codes set and free); with each its pinyin, metrics row, key
    contact (as primary person) and search row. Returns the new ids in row order."""
    if not rows:
        return []
    # Ids given here, after the highest, so the rows that hang off a new customer can
    # name it without RETURNING (which SQLite would answer one row at a time).
    # On a team book the ids come from the book's sequence (a member sees only their rows).
    ids = team_customer_ids(session.connection(), len(rows)) or []
    if not ids:
        first = int(session.execute(select(func.max(_customers.c.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
    contiguous = ids[-1] - ids[0] + 1 == len(ids)
    with_contact = [(cid, c) for cid, c in zip(ids, contacts, strict=True) if c is not None]
    people = key_contact_rows(with_contact, now)  # checked before anything is written
    # The search rows first, from the values about to be written (what reindex would
    # read back): a big batch is tokenised on another thread while this one builds the
    # rows below; nothing else touches the connection until it is waited for.
    person_of = {r[0]: (r[1], None, r[2], (r[7], r[8])) for r in people}
    readings = [name_readings(str(row.get("name"))) for row in rows]
    conn = session.connection()
    wait_for_search: Callable[[], None] = lambda: None  # noqa: E731
    # On a server the search rows go in after their customers (row security checks
    # that a search row's customer is visible); SQLite's have no such check.
    written_later: list[tuple[int, str]] | None = None if conn.dialect.name == "sqlite" else []
    try:
        # In slices: while one slice is tokenised, the next one's text is built.
        for start in range(0, len(ids), _SEARCH_SLICE):
            bodies = [
                (cid, search.body_for(str(row["code"]), str(row["name"]), row.get("short_name"),
                                      [person_of[cid]] if cid in person_of else (),
                                      name_forms=forms, name_others=others))
                for cid, row, (forms, others) in zip(
                    ids[start:start + _SEARCH_SLICE], rows[start:start + _SEARCH_SLICE],
                    readings[start:start + _SEARCH_SLICE], strict=True)]
            if written_later is not None:
                written_later += bodies
                continue
            wait_for_search()
            wait_for_search = search.start_writing_bodies(conn, bodies)
    except BaseException:
        wait_for_search()
        raise
    columns = ("id", *EDITABLE, "name_pinyin", "name_initials", "created_at", "updated_at")
    row_of = itemgetter(*columns)  # the row's values in column order, at C speed
    try:
        values = []
        for cid, row, (forms, _others) in zip(ids, rows, readings, strict=True):
            v = {key: row.get(key) for key in EDITABLE}
            for key, default in DEFAULTS.items():
                if v[key] is None:
                    v[key] = default
            v.update(name_pinyin=forms[0], name_initials=forms[1], id=cid, created_at=now,
                     updated_at=now)
            values.append(row_of(v))
    finally:
        wait_for_search()
    with indexes_set_aside(session, "customers", len(values)):
        insert_rows(session, _customers, columns, values)
    with indexes_set_aside(session, "people", len(people)):
        insert_rows(session, _people_table, KEY_CONTACT_COLUMNS, people)
    # The metrics rows, born with their key contact (the people exist now, their
    # indexes too): one INSERT … SELECT instead of a row each and an UPDATE each.
    name, phone = key_contact_of(_customers.c.id)
    with indexes_set_aside(session, "customer_metrics", len(ids)):
        session.execute(insert(_metrics).from_select(
            ["customer_id", "key_contact_name", "key_contact_phone"],
            select(_customers.c.id, name, phone).where(
                _customers.c.id.between(ids[0], ids[-1]) if contiguous
                else _customers.c.id.in_(ids))))
    if written_later:
        search.write_bodies(conn, written_later)
    return ids


def _update_customers(session: Session, updates: Sequence[tuple[int, dict[str, Any]]],
                      now: datetime, expected_version: int | None = None) -> int:
    """Apply clean partial rows to existing customers; pinyin follows a new name and the
    search row follows any edit. Rows setting the same columns share one statement.
    Every row's version is bumped (an edit); with ``expected_version`` (one row) only a
    row still at that version is written. Returns the number of rows written."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for customer_id, data in updates:
        v = dict(data)
        if v.get("name"):
            v.update(_derived(v["name"]))
        v["updated_at"] = now
        groups.setdefault(tuple(sorted(v)), []).append(
            {f"new_{k}": value for k, value in v.items()} | {"target_id": customer_id})
    written = 0
    for keys, params in groups.items():
        stmt = (update(_customers).where(_customers.c.id == bindparam("target_id"))
                .values({k: bindparam(f"new_{k}") for k in keys} | bumped(_customers)))
        if expected_version is not None:  # one row: a single execute counts it exactly
            stmt = stmt.where(_customers.c.version == expected_version)
            written += session.connection().execute(stmt, params[0]).rowcount
            continue
        written += session.connection().execute(stmt, params).rowcount
    reindex_customers(session, [cid for cid, _d in updates])
    return written


# -- single customers ------------------------------------------------------------------
def create_customer(session: Session, *, now: datetime | None = None,
                    **fields: Any) -> Changes:
    """Create one customer; ``value`` is the new id."""
    data = clean_customer_fields(fields)
    if not data.get("name"):
        raise ValidationError("name", "required")
    session.flush()
    if not data.get("code"):
        data["code"] = next_code(session)
    elif _codes_in_use(session, [data["code"]]):
        raise ValidationError("code", "duplicate", data["code"])
    with refusal_as_validation("owner"):  # team book: a member creates in their own name
        (cid,) = _insert_customers(session, [data], [None], now or datetime.now())
    history.record_rows(session, "customers", "insert", [(cid, cid, data)])
    return (Changes.of("customers", cid) | Changes.of("customer_metrics", cid)).with_value(cid)


def update_customer(session: Session, customer_id: int, *, now: datetime | None = None,
                    expected_version: int | None = None, **fields: Any) -> Changes:
    """Edit one customer; ``value`` is its id. With ``expected_version`` (what the dialog
    loaded), a customer saved by someone else since raises :class:`ConflictError`."""
    session.flush()
    if session.execute(select(_customers.c.id).where(_customers.c.id == customer_id)
                       ).first() is None:
        if expected_version is not None:
            check_stored(session, _customers, customer_id, expected_version, fields)
        raise ValidationError("customer", "required")
    data = clean_customer_fields(fields)
    write_over = check_stored(session, _customers, customer_id, expected_version, data)
    if "code" in data:
        if not data["code"]:
            raise ValidationError("code", "required")
        clash = _codes_in_use(session, [data["code"]]).get(data["code"])
        if clash is not None and clash != customer_id:
            raise ValidationError("code", "duplicate", data["code"])
    before = history.snapshot(session, _customers, [customer_id])
    with refusal_as_validation("owner"):  # team book: the account is not theirs to move
        if not _update_customers(session, [(customer_id, data)], now or datetime.now(),
                                 write_over):
            # saved by another client between the check and the UPDATE (a server book)
            raise_conflict(session, _customers, customer_id, expected_version, data)
    history.record_update(session, "customers", before,
                          history.snapshot(session, _customers, [customer_id]))
    session.expire_all()  # ORM copies loaded before the Core update are stale now
    changes = Changes.of("customers", customer_id)
    if "credit_limit_cents" in data:
        # A new limit changes the credit flag and health at once (what is owed is kept
        # in the metrics row only for customers with a limit).
        changes = changes | refresh_customer_metrics(session, customer_id,
                                                     (now or datetime.now()).date())
    return changes.with_value(customer_id)


def set_archived(session: Session, customer_id: int, archived: bool) -> Changes:
    """Archive (hide from lists, keep everything) or restore a customer."""
    return update_customer(session, customer_id,
                           status="archived" if archived else "active")


def archive_customer(session: Session, customer_id: int) -> Changes:
    return set_archived(session, customer_id, True)


def unarchive_customer(session: Session, customer_id: int) -> Changes:
    return set_archived(session, customer_id, False)


def delete_customer(session: Session, customer_id: int, *,
                    expected_version: int | None = None) -> Changes:
    """Delete a customer without history; otherwise :class:`HasHistory` (archive instead).
    Their people, key dates, tasks, metrics and tier history go with them (ON DELETE
    CASCADE), so those tables change too. With ``expected_version``, a customer someone
    else changed since it was read raises :class:`ConflictError` (``deleting``)."""
    session.flush()
    check_stored(session, _customers, customer_id, expected_version, {}, deleting=True)
    counts = history_counts(session.connection(), customer_id)
    if counts:
        raise HasHistory(customer_id, counts)
    from kamdesk.store import search

    search.forget(session.connection(), [customer_id])
    gone = history.snapshot(session, _customers, [customer_id])
    session.execute(delete(_customers).where(_customers.c.id == customer_id))
    history.record_rows(session, "customers", "delete",
                        [(customer_id, customer_id, row) for row in gone.values()])
    session.expire_all()
    changes = Changes.of("customers", customer_id) | Changes.of("customer_metrics", customer_id)
    for cascaded in ("people", "key_dates", "tasks", "tier_changes"):
        changes = changes.also(cascaded)
    return changes


# -- many customers at once (the importer) ---------------------------------------------
@dataclass(frozen=True)
class CustomerUpsert:
    """One row for :func:`upsert_customers`: the fields to store (a partial row for an
    existing code; defaults fill a new one) and, for a new customer, its key contact."""

    fields: Mapping[str, Any]
    key_contact: KeyContact | None = None
    #: the fields are already what :func:`clean_customer_fields` returned for the same
    #: ``today`` (the importer checks every row before writing; cleaning twice cost an
    #: import of 100k rows half a second)
    cleaned: bool = False


@dataclass(frozen=True)
class UpsertResult:
    ids: tuple[int, ...]  # one per row, in row order
    created: frozenset[int]
    updated: frozenset[int]


def upsert_customers(session: Session, rows: Sequence[CustomerUpsert],
                     now: datetime | None = None, today: date | None = None) -> Changes:
    """Create the rows whose code is new (or empty: a fresh code is given) and update the
    customers whose code exists, with exactly the invariants of :func:`create_customer`
    and :func:`update_customer`. ``value`` is an :class:`UpsertResult`."""
    stamp = now or datetime.now()
    today = today or stamp.date()
    cleaned = [dict(r.fields) if r.cleaned else clean_customer_fields(r.fields, today)
               for r in rows]
    codes = [d.get("code") for d in cleaned]
    seen: set[str] = set()
    for code in codes:
        if code and code in seen:
            raise ValidationError("code", "duplicate", code)
        if code:
            seen.add(code)
    session.flush()
    existing = _codes_in_use(session, seen)
    new_rows = [i for i, code in enumerate(codes) if not code or code not in existing]
    for i in new_rows:
        if not cleaned[i].get("name"):
            raise ValidationError("name", "required")
    fresh = iter(fresh_codes(session.connection(), sum(1 for i in new_rows if not codes[i]), seen))
    for i in new_rows:
        if not codes[i]:
            cleaned[i]["code"] = next(fresh)
    new_ids = _insert_customers(session, [cleaned[i] for i in new_rows],
                                [rows[i].key_contact for i in new_rows], stamp)
    ids: list[int] = [0] * len(rows)
    for i, cid in zip(new_rows, new_ids, strict=True):
        ids[i] = cid
    updates = [(existing[str(codes[i])], cleaned[i]) for i in range(len(rows))
               if codes[i] and codes[i] in existing]
    for i, code in enumerate(codes):
        if code and code in existing:
            ids[i] = existing[code]
    _update_customers(session, [(cid, d) for cid, d in updates if d], stamp)
    session.expire_all()
    created, updated = frozenset(new_ids), frozenset(cid for cid, _d in updates)
    changes = Changes.of("customers", *created, *updated)
    if created:
        changes = changes | Changes.of("customer_metrics", *created)
    if any(rows[i].key_contact for i in new_rows):
        changes = changes | Changes.of("people")
    return changes.with_value(UpsertResult(tuple(ids), created, updated))
