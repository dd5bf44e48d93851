"""The life of a contract (合同全流程) as a table of allowed moves, kept pure.

draft → review → signed → active ("in force") → amended → renewed → terminated →
archived, plus expired (an in-force contract that reached its end without a renewal).
The table is data, not code spread over screens, so the operation that moves a
contract (:func:`kamdesk.store.ops.contracts.move_contract`), the "Change status…"
dialog (which offers only the allowed next states) and the tests read the same rules.

A few moves back are allowed on purpose: a contract in review can go back to draft
(the customer asked for changes), and an amended contract is still in force, so it can
be amended again. Nothing leaves ``archived``: it is the end of the record.
"""

from __future__ import annotations

from typing import Final

#: every state, in the order of a contract's life (the order pick lists use)
STATES: Final = ("draft", "review", "signed", "active", "amended", "renewed", "expired",
                 "terminated", "archived")

#: the states a contract may be created in: a user entering a contract signed on paper
#: long ago need not walk it through draft and review
INITIAL_STATES: Final = ("draft", "review", "signed", "active")

#: states in which a contract binds both sides and runs towards its end: the ones a
#: renewal reminder is raised for (signed: not yet started, but it will end)
LIVE_STATES: Final = ("signed", "active", "amended")

#: from-state -> the states it may move to next
TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "draft": ("review", "signed", "terminated", "archived"),
    "review": ("draft", "signed", "terminated", "archived"),
    "signed": ("active", "amended", "terminated"),
    "active": ("amended", "renewed", "expired", "terminated"),
    "amended": ("amended", "renewed", "expired", "terminated"),
    "renewed": ("archived",),
    "expired": ("renewed", "archived"),
    "terminated": ("archived",),
    "archived": (),
}

#: the states a contract may be renewed from (the renewal op moves it to "renewed")
RENEWABLE_STATES: Final = tuple(s for s, nxt in TRANSITIONS.items() if "renewed" in nxt)


def next_states(status: str) -> tuple[str, ...]:
    """Where a contract in ``status`` may go next (empty for an unknown state)."""
    return TRANSITIONS.get(status, ())


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in next_states(from_status)


def is_live(status: str) -> bool:
    """Does a contract in this state call for a renewal reminder before its end?"""
    return status in LIVE_STATES


def can_delete(status: str) -> bool:
    """Only a draft may be deleted: anything further has happened and is history."""
    return status == "draft"


def renewal_number(number: str, taken: frozenset[str] | set[str] = frozenset()) -> str:
    """A suggested number for the contract that renews ``number``: ``HT-7`` → ``HT-7-R1``,
    ``HT-7-R1`` → ``HT-7-R2``; the first one not in ``taken``."""
    base, count = number, 0
    head, sep, tail = number.rpartition("-R")
    if sep and head and tail.isdigit():
        base, count = head, int(tail)
    while True:
        count += 1
        candidate = f"{base}-R{count}"
        if candidate not in taken:
            return candidate
