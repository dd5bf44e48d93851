"""A phone contact as read from a vCard, before it meets the book: the plain shape the
vCard reader (:mod:`kamdesk.io.vcard_read`) fills and the people import
(:mod:`kamdesk.store.ops.people_import`) matches and writes — so neither layer needs
the other's details."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CardBirthday", "CardProblem", "VCardContact"]


@dataclass(frozen=True, slots=True)
class CardBirthday:
    calendar: str  # 'solar' | 'lunar'
    month: int
    day: int
    year: int | None = None
    leap_month: bool = False


@dataclass(frozen=True, slots=True)
class CardProblem:
    card: int       # 1-based number of the card in the file
    prop: str       # the vCard property (TEL, BDAY …) or "" for the card as a whole
    code: str       # required | invalid_date | invalid_choice | unreadable …
    value: str = ""


@dataclass
class VCardContact:
    card: int
    name: str = ""
    org: str | None = None
    department: str | None = None
    title: str | None = None
    mobiles: list[tuple[str, str]] = field(default_factory=list)  # (number, label)
    phones: list[tuple[str, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    wechat: str | None = None
    note: str | None = None
    birthday: CardBirthday | None = None
    has_photo: bool = False
