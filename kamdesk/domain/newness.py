"""When a customer is "New" (新客户): too little history to judge.

A customer with no order ever, no contact ever, no declared annual contribution and no
stated classification, whose first record in this book is younger than the tiering
window, is New. Its value tier and activity state would only be artefacts of having
nothing (every such customer ranks "Low value", and "never contacted" reads as
"Silent"), and a health of 100 with "no warning signs" would claim a judgement no one
made. So the screens show a "New" badge instead of a tier and activity, and health as
"not enough history". It stops being New with its first order, contact or declared
fact, or when it has been in the book for a whole tiering window.

New is computed on read, not stored: no migration, nothing to keep in step (the first
contact logged ends it at once), and every input is already a stored column
(:data:`kamdesk.store.queries.newness.NEW_CUSTOMER_SQL` is the same rule in SQL, for
the list at 100,000 rows).
"""

from __future__ import annotations

from datetime import date


def is_new_customer(*, last_trade: date | None, last_contact: date | None,
                    declared_contribution: int | None, stated_tier: str | None,
                    stated_activity: str | None, first_record: date | None,
                    today: date, window_months: int) -> bool:
    if any(x is not None for x in (last_trade, last_contact, declared_contribution,
                                   stated_tier, stated_activity)):
        return False
    if first_record is None:
        return True
    return first_record >= new_since(today, window_months)


def new_since(today: date, window_months: int) -> date:
    """The first day a record may have to still be New: ``window_months`` before today
    (the day of month clamped, as SQLite's ``date(d, '-N months')`` would not)."""
    months = today.year * 12 + today.month - 1 - window_months
    year, month = divmod(months, 12)
    day = today.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:
            day -= 1
