"""Writing checked 表1 rows so that a re-import changes nothing and a change is listed.

Each row is matched to a customer already in the book — by code, else (a row without a
code) by its exact normalised name — and only the fields whose value differs from what
is stored are written, each listed in the report (customer, field, old → new). A row
that names a new code but shares a name, phone or email with a customer in the book is
a *likely duplicate*: ``on_duplicate`` says whether to skip it (the default, listed in
the report), update that customer or create a new one.

What a sheet states is compared with what the book *shows*, so an export read back is
no change: a 年度贡献值 equal (to the 0.01 万元 an export writes) to the declared
contribution or, without one, to the figure shown; a 客户类型 equal to the stated type
or, without one, to the tier shown; a 最近互动时间 no later than the last contact known.
Every insert and every overwritten value goes into ``report.batch_rows`` so the import
can be undone (:mod:`kamdesk.store.ops.import_batches`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from kamdesk.domain.customer_match import match_name, match_phone
from kamdesk.io.import_rows import DuplicateHit, FieldChange, ImportReport
from kamdesk.store.ops.customers import (
    CustomerUpsert,
    KeyContact,
    clean_customer_fields,
    upsert_customers,
)
from kamdesk.store.pinyin import Readings, known_readings
from kamdesk.store.queries.customer_matching import BookCustomer, MatchIndex, match_index

__all__ = ["ON_DUPLICATE", "customer_fields", "write_customers"]

ON_DUPLICATE = ("skip", "update", "create")
#: an export writes 年度贡献值 in 万元 with two decimals: 100 yuan
_EXPORT_STEP_FEN = 10_000


def customer_fields(rec: dict[str, object]) -> dict[str, object]:
    """The customer fields a row sets: only the cells that hold something, so
    re-importing a sparser table never blanks what is already known."""
    fields: dict[str, object] = {k: rec[k] for k in (
        "code", "name", "short_name", "industry", "region", "owner", "potential",
        "cooperation_start") if rec.get(k)}
    if rec.get("need"):
        fields["explicit_needs"] = rec["need"]
    if rec.get("contribution") is not None:
        fields["declared_contribution_cents"] = rec["contribution"]
    stated = rec.get("type")
    if isinstance(stated, tuple):
        if stated[0]:
            fields["stated_value_tier"] = stated[0]
        if stated[1]:
            fields["stated_activity"] = stated[1]
    if rec.get("last_interaction") is not None:
        fields["declared_last_contact_at"] = rec["last_interaction"]
    return fields


def owner_text(name: str) -> str | None:
    """The default owner as a stored owner field (trimmed like a typed one)."""
    return clean_customer_fields({"owner": name}).get("owner")


def _months_between(start: date, today: date) -> int:
    return max(0, (today.year - start.year) * 12 + today.month - start.month
               - (today.day < start.day))


def _same(key: str, new: Any, c: BookCustomer, rec: dict[str, object], today: date) -> bool:
    """Whether ``new`` for ``key`` says nothing the book does not already show."""
    old = c.stored.get(key)
    if key == "declared_contribution_cents":
        shown = old if old is not None else c.revenue_12m_cents
        return shown is not None and round(shown / _EXPORT_STEP_FEN) == round(
            int(new) / _EXPORT_STEP_FEN)
    if key == "stated_value_tier":
        return new == (old or c.value_tier)
    if key == "stated_activity":
        return new == (old or c.activity)
    if key == "declared_last_contact_at":
        known = max((t for t in (old, c.last_interaction_at) if t is not None), default=None)
        return known is not None and new <= known
    if key == "name":  # only width, spacing or case apart: the same name
        return match_name(str(new)) == match_name(str(old or ""))
    if key == "cooperation_start" and rec.get("start_from_months") and old is not None:
        return _months_between(old, today) == _months_between(new, today)
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    return bool(old == new)


def _find(rec: dict[str, object], index: MatchIndex) -> tuple[int | None, str | None]:
    """(customer id, None) for a match; (candidate id, reason) for a likely duplicate;
    (None, None) for a new customer."""
    code = rec.get("code")
    if code and code in index.by_code:
        return index.by_code[str(code)], None
    by_name = index.by_name.get(match_name(str(rec.get("name") or "")), [])
    if not code and len(by_name) == 1:
        return by_name[0], None
    if by_name:
        return by_name[0], "name"
    by_phone = index.by_phone.get(match_phone(str(rec.get("phone") or "")), [])
    if by_phone:
        return by_phone[0], "phone"
    return None, None


def write_customers(session: Session, good: list[dict[str, object]], today: date,
                    report: ImportReport, on_duplicate: str = "skip",
                    default_owner: str | None = None,
                    readings: Callable[[], Mapping[tuple[str, bool], Readings]] | None = None
                    ) -> None:
    """Match, compare and write the rows; fills the report's counts, changes, field
    changes, duplicates and batch rows. A customer the import creates without an owner
    in the sheet is owned by ``default_owner`` (the user importing); an existing
    customer's owner is never changed by it, so a re-import stays a no-op."""
    now = datetime.combine(today, time(9))
    index = match_index(session.connection())
    new_rows: list[CustomerUpsert] = []
    updates: list[CustomerUpsert] = []
    befores: list[tuple[int, dict[str, Any]]] = []
    touched: list[int] = []
    for rec in good:
        cid, reason = _find(rec, index)
        if reason is not None and cid is not None:
            book = index.by_id[cid]
            report.duplicates.append(DuplicateHit(
                int(rec["line"]), str(rec.get("name") or ""),  # type: ignore[call-overload]
                str(book.stored["code"]), reason, on_duplicate))
            if on_duplicate == "skip":
                continue
            if on_duplicate == "create":
                cid = None
        if cid is None:
            # what the row check already cleaned is stored as it is (not cleaned again)
            ready: dict[str, Any] | None = rec.get("cleaned")  # type: ignore[assignment]
            fields = dict(ready) if ready is not None else customer_fields(rec)
            if default_owner and not fields.get("owner"):
                fields["owner"] = owner_text(default_owner)
            contact = (KeyContact(str(rec["contact"]), rec.get("phone"))  # type: ignore[arg-type]
                       if rec.get("contact") else None)
            new_rows.append(CustomerUpsert(fields, contact, cleaned=ready is not None))
            continue
        fields = customer_fields(rec)
        book = index.by_id[cid]
        touched.append(cid)
        changed = {k: v for k, v in fields.items()
                   if k != "code" and not _same(k, v, book, rec, today)}
        if not changed:
            report.unchanged += 1
            continue
        code = str(book.stored["code"])
        for key, value in changed.items():
            report.updated_fields.append(FieldChange(code, key, book.stored.get(key), value))
        befores.append((cid, {k: book.stored.get(k) for k in changed}))
        updates.append(CustomerUpsert({"code": code, **changed}))
    report.touched_customers.update(touched)
    if not new_rows and not updates:
        return
    # names read ahead (kamdesk.store.readings_pool), asked for only when rows are new
    known = readings() if readings is not None and new_rows else {}
    with known_readings(known):
        changes = upsert_customers(session, [*new_rows, *updates], now=now, today=today)
    result = changes.value
    report.changes = changes.with_value(None)
    report.touched_customers.update(result.ids)
    report.created = len(result.created)
    report.updated = len(updates)
    report.batch_rows.extend(("customers", cid, "insert", None) for cid in sorted(result.created))
    report.batch_rows.extend(("customers", cid, "update", before) for cid, before in befores)
