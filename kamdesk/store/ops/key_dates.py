"""Writing a person's birthday (solar or lunar) as their one ``KeyDate(kind='birthday')``.

The person dialog edits the birthday together with the person, so it needs an
"upsert or clear" rather than separate create/update/delete calls; the rule is checked
by the domain's :class:`KeyDateRule` so an impossible day (lunar 31, solar 30 February)
never reaches the reminder code.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.key_dates import KeyDateRule
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import KeyDate, Person
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import check_loaded

__all__ = ["Birthday", "set_birthday", "clear_birthday"]


@dataclass(frozen=True, slots=True)
class Birthday:
    calendar: str  # 'solar' | 'lunar'
    month: int
    day: int
    leap_month: bool = False
    year: int | None = None  # birth year if known (lunar year for a lunar birthday)

    def rule(self) -> KeyDateRule:
        return KeyDateRule(self.calendar, self.month, self.day,  # type: ignore[arg-type]
                           self.leap_month, self.year, "yearly")


def _existing(session: Session, person_id: int) -> list[KeyDate]:
    return list(session.scalars(select(KeyDate).where(
        KeyDate.person_id == person_id, KeyDate.kind == "birthday").order_by(KeyDate.id)))


def set_birthday(session: Session, person_id: int, birthday: Birthday,
                 title: str | None = None, *, expected_version: int | None = None) -> Changes:
    """Create or replace the person's birthday; ``value`` is the key date's id.

    ``title`` is what calendars and reminders show (the UI passes e.g. "王总生日" in
    the user's language); an existing title is kept when none is given.
    ``expected_version``: the stored birthday's version the dialog read (a birthday
    someone else changed since raises :class:`ConflictError`).
    """
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError("person", "required")
    try:
        birthday.rule()
    except ValueError:
        raise ValidationError("birthday", "invalid_date") from None
    if birthday.year is not None and not 1900 <= birthday.year <= 2100:
        raise ValidationError("birthday", "out_of_range")
    rows = _existing(session, person_id)
    kd = rows[0] if rows else None
    if kd is not None:
        check_loaded(kd, expected_version, {
            "calendar": birthday.calendar, "month": birthday.month, "day": birthday.day,
            "leap_month": birthday.leap_month if birthday.calendar == "lunar" else False,
            "year": birthday.year})
    changed: list[int] = []
    for extra in rows[1:]:  # older versions could leave duplicates; keep exactly one
        changed.append(extra.id)
        session.delete(extra)
    if kd is None:
        kd = KeyDate(customer_id=person.customer_id, person_id=person_id, kind="birthday")
        session.add(kd)
    kd.customer_id = person.customer_id
    kd.calendar = birthday.calendar
    kd.month = birthday.month
    kd.day = birthday.day
    kd.leap_month = birthday.leap_month if birthday.calendar == "lunar" else False
    kd.year = birthday.year
    kd.recurrence = "yearly"
    if title is not None or kd.title is None:
        kd.title = (title or "").strip() or None
    session.flush()
    return Changes.of("key_dates", kd.id, *changed).with_value(kd.id)


def clear_birthday(session: Session, person_id: int) -> Changes:
    """Remove the person's birthday; ``value`` is True if there was one."""
    rows = _existing(session, person_id)
    ids = [kd.id for kd in rows]
    for kd in rows:
        session.delete(kd)
    session.flush()
    return Changes.of("key_dates", *ids).with_value(bool(rows))
