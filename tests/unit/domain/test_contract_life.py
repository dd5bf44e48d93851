"""The allowed moves of a contract's life, as a pure table."""

from __future__ import annotations

import pytest

from kamdesk.domain import contract_life as life
from kamdesk.domain import vocab
from kamdesk.store.models.contract import CONTRACT_STATUSES


def test_every_state_has_a_row_and_words():
    assert set(life.TRANSITIONS) == set(life.STATES) == set(CONTRACT_STATUSES)
    for state, nxt in life.TRANSITIONS.items():
        assert set(nxt) <= set(life.STATES), state
        assert vocab.label("contract_status", state, "zh_CN") != state


def test_the_whole_life_is_a_path_of_allowed_moves():
    path = ["draft", "review", "signed", "active", "amended", "renewed", "archived"]
    for a, b in zip(path, path[1:], strict=False):
        assert life.can_move(a, b), (a, b)
    assert life.can_move("active", "terminated") and life.can_move("terminated", "archived")
    assert life.can_move("active", "expired") and life.can_move("expired", "renewed")


@pytest.mark.parametrize(("a", "b"), [
    ("draft", "active"), ("draft", "renewed"), ("signed", "draft"), ("active", "draft"),
    ("renewed", "active"), ("terminated", "active"), ("archived", "draft"),
    ("archived", "archived"), ("nonsense", "draft"),
])
def test_moves_that_are_refused(a, b):
    assert not life.can_move(a, b)


def test_live_renewable_and_deletable_states():
    assert {s for s in life.STATES if life.is_live(s)} == {"signed", "active", "amended"}
    assert set(life.RENEWABLE_STATES) == {"active", "amended", "expired"}
    assert [s for s in life.STATES if life.can_delete(s)] == ["draft"]
    assert set(life.INITIAL_STATES) <= set(life.STATES)
    assert life.next_states("archived") == () and life.next_states("x") == ()


def test_renewal_number_suggestion():
    assert life.renewal_number("HT-7") == "HT-7-R1"
    assert life.renewal_number("HT-7-R1") == "HT-7-R2"
    assert life.renewal_number("HT-7", {"HT-7-R1"}) == "HT-7-R2"
    assert life.renewal_number("A-R") == "A-R-R1"
