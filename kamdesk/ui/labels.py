"""Words for the stored codes (channels, roles, tiers…) and for validation messages.

The database keeps stable codes; the screen shows words in the user's language. The
words come from the one vocabulary (:mod:`kamdesk.domain.vocab`) — the same ones the
exports, PDFs and CLI print — in the language the UI was started in
(:func:`kamdesk.ui.i18n.ui_language`). This module only keeps the names screens call.
"""

from __future__ import annotations

from kamdesk.domain import vocab
from kamdesk.ui.i18n import ui_language


def word(kind: str, code: str | int | None) -> str:
    """The vocabulary word for ``code`` of ``kind`` in the UI language ('' for None)."""
    return vocab.label(kind, code, ui_language())


def choices(kind: str) -> dict[str, str]:
    """code -> word of every code of ``kind``, in display order, for pick lists."""
    return vocab.labels(kind, ui_language())


def channel(code: str | None) -> str:
    return word("channel", code)


def decision_role(code: str | None) -> str:
    return word("decision_role", code)


def attitude(code: str | None) -> str:
    return word("attitude", code)


def value_tier(code: str | None) -> str:
    return word("value_tier", code)


def activity(code: str | None) -> str:
    return word("activity", code)


def potential(code: str | None) -> str:
    return word("potential", code)


def status(code: str | None) -> str:
    """A customer's status (prospect, active, archived)."""
    return word("customer_status", code)


def priority(value: int | None) -> str:
    # No priority means the default, Normal; an out-of-range number shows nothing.
    text = word("priority", value or 2)
    return text if text != str(value or 2) else ""


def task_kind(code: str | None) -> str:
    return word("task_kind", code)


def stage(code: str | None) -> str:
    return word("stage", code)


def key_date_kind(code: str | None) -> str:
    return word("key_date_kind", code)


def field_error(field_label: str, message: str) -> str:
    """'Field: message' with the colon the language uses (Chinese: full-width)."""
    return vocab.pick(ui_language(), f"{field_label}: {message}", f"{field_label}：{message}")


def validation(code: str) -> str:
    return word("validation", code)


def field_name(field: str) -> str:
    return word("field", field)


def satisfaction(value: int | None) -> str:
    """The 1–5 scale a manager asks at the end of a call (满意度); '' when not asked."""
    if not value:
        return ""
    text = word("satisfaction", value)
    return text if text != str(value) else ""


def contract_status(code: str | None) -> str:
    return word("contract_status", code)


def task_source(code: str | None) -> str:
    return word("task_source", code)


def calendar_kind(code: str | None) -> str:
    return word("calendar_kind", code)


def severity(code: str | None) -> str:
    return word("severity", code)


def complaint_status(code: str | None) -> str:
    return word("complaint_status", code)


def event_kind(code: str | None) -> str:
    return word("event_kind", code)


def tiering_method(code: str | None) -> str:
    return word("tiering_method", code)


def calendar_entry_kind(code: str | None) -> str:
    """What the Calendar screen's kind filter and legend call each kind of entry."""
    return word("calendar_entry", code)


# -- account plans --------------------------------------------------------------
def plan_status(code: str | None) -> str:
    return word("plan_status", code)


def objective_status(code: str | None) -> str:
    return word("objective_status", code)


def plan_action_status(code: str | None) -> str:
    return word("plan_action_status", code)


def risk_kind(code: str | None) -> str:
    return word("risk_kind", code)


def level(code: str | None) -> str:
    """Risk level and a person's influence (高/中/低)."""
    return word("level", code)


def plan_field_name(field: str) -> str:
    """Field names of the account plan editor's messages (the one field vocabulary)."""
    return field_name(field)


def plan_validation(code: str) -> str:
    return validation(code)
