"""Key people from phone contacts (vCard): each card becomes a person of a customer —
the chosen one, or the customer whose name matches the card's company (ORG).

Importing must never double a person, and importing the same file again must change
nothing. So a card first looks for its person: by phone or e-mail anywhere in the
book, then by name within the customer. A found person only gets the fields that
were empty filled; fields that differ are listed, never overwritten (the book is the
manager's, the phone's copy may be old). Numbers and addresses beyond the person's
one mobile, phone and e-mail go, one line each, into the notes. Cards whose company
matches no customer are reported, not turned into customers: a phone book's ORG is
often a parent company, a branch or a spelling of the moment, and an invented
customer would join tiering, reminders and reports unasked.

All of it is one operation (one transaction): people and birthdays added as a batch,
then each touched customer's search text and key contact refreshed once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.company_names import company_core, company_key
from kamdesk.domain.contact_cards import CardBirthday, CardProblem, VCardContact
from kamdesk.domain.person_names import normalize_name
from kamdesk.domain.text_clean import clean_line, clean_text
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Customer, KeyDate, Person
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.people import refresh_key_contacts, reindex_customers
from kamdesk.store.pinyin import pinyin_forms

__all__ = ["CardOutcome", "ContactImportReport", "import_contacts", "phone_key",
           "person_fields"]

_FIELDS = ("name", "title", "department", "mobile", "phone", "email", "wechat", "notes")


@dataclass(frozen=True, slots=True)
class CardOutcome:
    card: int
    name: str
    customer_code: str
    action: str  # created | updated | unchanged
    person_id: int | None = None
    filled: tuple[str, ...] = ()
    #: (field, value in the book, value on the card) for fields left as they were
    differences: tuple[tuple[str, str, str], ...] = ()


@dataclass
class ContactImportReport:
    total: int = 0
    outcomes: list[CardOutcome] = field(default_factory=list)
    problems: list[CardProblem] = field(default_factory=list)
    skipped_cards: list[int] = field(default_factory=list)
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)


def phone_key(number: str | None) -> str | None:
    """Digits of a number without the country prefix, for matching (None if too short)."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 5 else None


def person_fields(contact: VCardContact) -> dict[str, Any]:
    """The person's fields from a card: the first mobile, the first office phone (a
    work one if there is one; fax numbers never), the first e-mail; the others as
    note lines ("TEL home: …")."""
    mobiles = list(contact.mobiles)
    phones = [p for p in contact.phones if "fax" not in p[1]]
    phones.sort(key=lambda p: "work" not in p[1])
    extras: list[str] = []
    mobile = mobiles.pop(0)[0] if mobiles else None
    phone = phones.pop(0)[0] if phones else None
    email = contact.emails[0][0] if contact.emails else None
    used = {phone_key(mobile), phone_key(phone)}
    faxes = [p for p in contact.phones if "fax" in p[1]]
    for number, label in [*((n, lbl or "cell") for n, lbl in mobiles), *phones, *faxes]:
        if phone_key(number) not in used:
            used.add(phone_key(number))
            extras.append(f"TEL {label}: {number}" if label else f"TEL: {number}")
    for address, label in contact.emails[1:]:
        if address.casefold() != (email or "").casefold():
            extras.append(f"EMAIL {label}: {address}" if label else f"EMAIL: {address}")
    notes = "\n".join(t for t in (contact.note, "\n".join(extras)) if t) or None
    # a card's name may carry NUL, CR, escapes or bidi controls: never stored (text_clean)
    return {"name": clean_line(contact.name or ""),
            "title": clean_line(contact.title or "") or None,
            "department": clean_line(contact.department or "") or None,
            "mobile": mobile, "phone": phone, "email": email, "wechat": contact.wechat,
            "notes": clean_text(notes) if notes else None}


@dataclass
class _Known:
    """A person of the book (or one this import adds) as the matching sees them."""

    id: int | None
    customer_id: int
    values: dict[str, Any]
    birthday: CardBirthday | None
    new_index: int | None = None  # place in the list of people to create


class _Book:
    """Indexes of people by phone, e-mail and (customer, name)."""

    def __init__(self) -> None:
        self.by_phone: dict[str, _Known] = {}
        self.by_email: dict[str, _Known] = {}
        self.by_name: dict[tuple[int, str], _Known] = {}

    def add(self, known: _Known) -> None:
        v = known.values
        for number in (v.get("mobile"), v.get("phone")):
            if key := phone_key(number):
                self.by_phone.setdefault(key, known)
        if v.get("email"):
            self.by_email.setdefault(v["email"].casefold(), known)
        if v.get("name"):
            self.by_name.setdefault((known.customer_id, normalize_name(v["name"])), known)

    def find(self, customer_id: int, fields: dict[str, Any],
             contact: VCardContact) -> _Known | None:
        for number, _ in [*contact.mobiles, *contact.phones]:
            if (key := phone_key(number)) and key in self.by_phone:
                return self.by_phone[key]
        for address, _ in contact.emails:
            if address.casefold() in self.by_email:
                return self.by_email[address.casefold()]
        return self.by_name.get((customer_id, normalize_name(fields["name"])))


def _customers(session: Session) -> tuple[dict[int, str], dict[str, set[int]],
                                          dict[str, set[int]]]:
    codes: dict[int, str] = {}
    exact: dict[str, set[int]] = {}
    core: dict[str, set[int]] = {}
    for cid, code, name, short in session.execute(select(
            Customer.id, Customer.code, Customer.name, Customer.short_name)):
        codes[cid] = code
        for text in (name, short):
            if text and company_key(text):
                exact.setdefault(company_key(text), set()).add(cid)
                core.setdefault(company_core(text), set()).add(cid)
    return codes, exact, core


def _load_book(session: Session) -> _Book:
    book = _Book()
    birthdays = {pid: CardBirthday(cal, m, d, y, bool(leap)) for pid, cal, m, d, y, leap in
                 session.execute(select(KeyDate.person_id, KeyDate.calendar, KeyDate.month,
                                        KeyDate.day, KeyDate.year, KeyDate.leap_month)
                                 .where(KeyDate.kind == "birthday",
                                        KeyDate.person_id.is_not(None))
                                 .order_by(KeyDate.id.desc()))}
    cols = [getattr(Person, f) for f in _FIELDS]
    for row in session.execute(select(Person.id, Person.customer_id, *cols)
                               .order_by(Person.archived, Person.id)):
        book.add(_Known(row[0], row[1], dict(zip(_FIELDS, row[2:], strict=True)),
                        birthdays.get(row[0])))
    return book


def _merge(known: _Known, fields: dict[str, Any], birthday: CardBirthday | None
           ) -> tuple[dict[str, Any], list[tuple[str, str, str]], CardBirthday | None]:
    """What to fill (empty fields), what differs, and a birthday to set (if any)."""
    fill: dict[str, Any] = {}
    differs: list[tuple[str, str, str]] = []
    have = known.values
    numbers = {phone_key(have.get("mobile")), phone_key(have.get("phone"))} - {None}
    for name in _FIELDS:
        new = fields.get(name)
        old = have.get(name)
        if name == "notes" and old:  # a vCard knows one line break; the book may hold CRs
            old = old.replace("\r\n", "\n").replace("\r", "\n")
        if not new:
            continue
        if name in ("mobile", "phone") and phone_key(new) in numbers:
            continue  # the number is there, perhaps in the other field
        if name == "notes" and old and new in old:
            continue
        same = (normalize_name(old) == normalize_name(new) if name == "name" and old
                else (old or "").casefold() == new.casefold() if name == "email"
                else old == new)
        if not old:
            fill[name] = new
            if name in ("mobile", "phone"):
                numbers.add(phone_key(new))
        elif not same:
            differs.append((name, str(old), str(new)))
    set_birthday: CardBirthday | None = None
    old_bd = known.birthday
    if birthday is not None:
        if old_bd is None:
            set_birthday = birthday
        elif (old_bd.calendar, old_bd.month, old_bd.day, old_bd.leap_month) == (
                birthday.calendar, birthday.month, birthday.day, birthday.leap_month):
            if old_bd.year is None and birthday.year is not None:
                set_birthday = birthday
            elif birthday.year is not None and old_bd.year != birthday.year:
                differs.append(("birthday", _bd_text(old_bd), _bd_text(birthday)))
        else:
            differs.append(("birthday", _bd_text(old_bd), _bd_text(birthday)))
    return fill, differs, set_birthday


def _bd_text(b: CardBirthday) -> str:
    day = f"{'leap ' if b.leap_month else ''}{b.month:02d}-{b.day:02d}"
    return (f"{'lunar ' if b.calendar == 'lunar' else ''}"
            + (f"{b.year:04d}-{day}" if b.year else f"--{day}"))


def import_contacts(session: Session, contacts: Sequence[VCardContact],
                    customer_code: str | None = None, *, dry_run: bool = False,
                    read_problems: Sequence[CardProblem] = ()) -> Changes:
    """Import parsed vCard contacts as key people; ``value`` is a
    :class:`ContactImportReport`. ``customer_code`` puts every card at that customer;
    without it each card goes to the customer its ORG names. ``dry_run`` decides and
    reports everything but writes nothing."""
    codes, exact, core = _customers(session)
    chosen: int | None = None
    if customer_code:
        ids = [cid for cid, code in codes.items() if code == customer_code.strip()]
        if not ids:
            raise ValidationError("customer", "unknown_customer")
        chosen = ids[0]
    report = ContactImportReport(total=len(contacts), dry_run=dry_run,
                                 problems=list(read_problems))
    book = _load_book(session)
    creates: list[tuple[int, dict[str, Any], CardBirthday | None]] = []
    updates: dict[int, tuple[dict[str, Any], CardBirthday | None]] = {}
    for contact in contacts:
        if not contact.name:
            report.skipped_cards.append(contact.card)
            continue
        cid = chosen
        if cid is None:
            cid = _match_customer(contact, exact, core, report)
            if cid is None:
                report.skipped_cards.append(contact.card)
                continue
        fields = person_fields(contact)
        known = book.find(cid, fields, contact)
        if known is not None and known.customer_id != cid:
            report.problems.append(CardProblem(contact.card, "TEL/EMAIL", "other_customer",
                                               codes.get(known.customer_id, "")))
            report.skipped_cards.append(contact.card)
            continue
        if known is None:
            known = _Known(None, cid, dict(fields), contact.birthday, new_index=len(creates))
            creates.append((cid, fields, contact.birthday))
            book.add(known)
            report.outcomes.append(CardOutcome(contact.card, contact.name, codes[cid],
                                               "created"))
            continue
        fill, differs, birthday = _merge(known, fields, contact.birthday)
        if known.new_index is not None:  # a second card of a person this file adds
            creates[known.new_index][1].update(fill)
            if birthday:
                creates[known.new_index] = (*creates[known.new_index][:2], birthday)
        elif fill or birthday:
            prev_fill, prev_bd = updates.get(known.id or 0, ({}, None))
            updates[known.id or 0] = ({**prev_fill, **fill}, birthday or prev_bd)
        known.values.update(fill)
        known.birthday = birthday or known.birthday
        action = "updated" if fill or birthday else "unchanged"
        report.outcomes.append(CardOutcome(
            contact.card, contact.name, codes[cid], action, known.id,
            tuple(fill) + (("birthday",) if birthday else ()), tuple(differs)))
    if dry_run:
        return Changes().with_value(report)
    return _write(session, creates, updates).with_value(report)


def _match_customer(contact: VCardContact, exact: dict[str, set[int]],
                    core: dict[str, set[int]], report: ContactImportReport) -> int | None:
    if not contact.org:
        report.problems.append(CardProblem(contact.card, "ORG", "required"))
        return None
    ids = exact.get(company_key(contact.org)) or core.get(company_core(contact.org)) or set()
    if len(ids) == 1:
        return next(iter(ids))
    code = "ambiguous_customer" if ids else "unknown_customer"
    report.problems.append(CardProblem(contact.card, "ORG", code, contact.org))
    return None


def _write(session: Session, creates: list[tuple[int, dict[str, Any], CardBirthday | None]],
           updates: dict[int, tuple[dict[str, Any], CardBirthday | None]]) -> Changes:
    touched: set[int] = set()
    new_people: list[tuple[Person, CardBirthday | None]] = []
    for cid, fields, birthday in creates:
        values = {k: v for k, v in fields.items() if v}
        full, initials = pinyin_forms(values["name"])
        person = Person(customer_id=cid, attitude="neutral", relationship_strength=3,
                        is_primary=False, archived=False, name_pinyin=full,
                        name_initials=initials, **values)
        session.add(person)
        new_people.append((person, birthday))
        touched.add(cid)
    changed_people: list[int] = []
    dated: list[tuple[Person, CardBirthday]] = []
    for pid, (fill, birthday) in updates.items():
        found = session.get(Person, pid)
        if found is None:
            continue
        for key, value in fill.items():
            setattr(found, key, value)
        if "name" in fill:
            found.name_pinyin, found.name_initials = pinyin_forms(found.name)
        if birthday is not None:
            dated.append((found, birthday))
        changed_people.append(pid)
        touched.add(found.customer_id)
    session.flush()
    dated.extend((p, b) for p, b in new_people if b is not None)
    key_dates: list[KeyDate] = []
    for person, birthday in dated:
        kd = session.scalars(select(KeyDate).where(
            KeyDate.person_id == person.id, KeyDate.kind == "birthday")
            .order_by(KeyDate.id)).first() if person.id in updates else None
        if kd is None:
            kd = KeyDate(customer_id=person.customer_id, person_id=person.id,
                         kind="birthday", recurrence="yearly")
            session.add(kd)
        kd.calendar, kd.month, kd.day = birthday.calendar, birthday.month, birthday.day
        kd.leap_month, kd.year = birthday.leap_month, birthday.year
        key_dates.append(kd)
    session.flush()
    changes = (Changes.of("people", *(p.id for p, _ in new_people), *changed_people)
               if new_people or changed_people else Changes())
    if key_dates:
        changes |= Changes.of("key_dates", *(kd.id for kd in key_dates))
    if touched:
        changes |= reindex_customers(session, touched) | refresh_key_contacts(session, touched)
    return changes
