"""How a logged contact becomes the first draft of a complaint (客户投诉受理).

When a manager ticks "Issue raised" on a contact, the complaint starts from what
was just typed: the problem raised (or, without one, the topic and what the customer
said) is the description, the contact's channel is the complaint's channel when the
complaint vocabulary knows it, and the contact's time is when it was received. Pure
text, no storage and no Qt, so the rule is tested on its own.
"""

from __future__ import annotations

from collections.abc import Collection


def complaint_description(topic: str | None, feedback: str | None, issue: str | None) -> str:
    """The issue raised when there is one, else the topic and the feedback."""
    issue = (issue or "").strip()
    if issue:
        return issue
    parts = [p.strip() for p in (topic, feedback) if p and p.strip()]
    return "\n".join(parts)


def complaint_channel(contact_channel: str | None, known: Collection[str]) -> str | None:
    """The contact's channel when complaints use the same code, else none."""
    return contact_channel if contact_channel in known else None
