"""How one recorded change reads in the UI language: kind of record, field, old → new.

The change history stores codes and ISO text (:mod:`kamdesk.store.history`); the History
tab words them here, through the one vocabulary, so a code reads as on every other screen
(``silent`` → 沉默) and an amount in fen reads as yuan. Pure: no Qt, no SQL.
"""

from __future__ import annotations

import json

from kamdesk.domain import vocab
from kamdesk.domain.money import yuan_text
from kamdesk.domain.vocab_history import VALUE_KINDS

__all__ = ["record_kind", "action_word", "field_word", "value_text", "row_summary"]

#: columns that name the record's owner (the customer or plan the tab is about) or its
#: place in a list: left out of a row's one-line summary
_OWNING = frozenset({"customer_id", "plan_id", "position"})


def record_kind(table: str, lang: str | None) -> str:
    return vocab.label("history_record", table, lang)


def action_word(action: str, lang: str | None) -> str:
    return vocab.label("history_action", action, lang)


def field_word(field: str | None, lang: str | None) -> str:
    return vocab.label("history_field", field, lang) if field else ""


def value_text(table: str, field: str | None, value: str | None, lang: str | None) -> str:
    """A recorded value as the user reads it; '' for an empty value."""
    if value is None or field is None:
        return value or ""
    kind = VALUE_KINDS.get((table, field))
    if kind is not None:
        return vocab.label(kind, value, lang)
    if field.endswith("_cents"):
        try:
            return yuan_text(int(value))
        except ValueError:
            return value
    if field in ("archived", "is_primary"):
        return vocab.pick(lang, "yes", "是") if value == "1" else vocab.pick(lang, "no", "否")
    return value


def row_summary(table: str, values_json: str | None, batch_id: int | None,
                lang: str | None) -> str:
    """What a whole inserted or deleted row held, in a line (or which import made it)."""
    if values_json is None:
        if batch_id is not None:
            return vocab.pick(lang, f"by import #{batch_id}", f"由第 {batch_id} 次导入")
        return ""
    try:
        values = json.loads(values_json)
    except ValueError:
        return values_json
    parts = [f"{field_word(k, lang)}: {value_text(table, k, v, lang)}"
             for k, v in values.items() if v not in (None, "") and k not in _OWNING]
    return vocab.pick(lang, "; ", "；").join(parts)
