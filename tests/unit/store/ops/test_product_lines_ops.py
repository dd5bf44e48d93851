"""Saving the product lines the user sells: cleaned, validated, declared."""

from __future__ import annotations

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.settings import save_book_settings, save_product_lines
from kamdesk.store.queries.settings import PRODUCT_LINES_KEY, get_json, stored_product_lines


def test_saving_product_lines_writes_app_settings_only(db):
    with track_writes(db.engine) as written:
        changes = db.write(save_product_lines, [" 耗材", "定制件", "", "耗材 ", "Service"])
    assert written == {"app_settings"} and written <= changes.names
    assert db.read(stored_product_lines) == ("耗材", "定制件", "Service")
    assert db.read(get_json, PRODUCT_LINES_KEY) == ["耗材", "定制件", "Service"]


def test_the_settings_dialog_save_carries_the_product_lines(db):
    with track_writes(db.engine) as written:
        changes = db.write(save_book_settings, product_lines=["A", "B"])
    assert written <= changes.names
    assert db.read(stored_product_lines) == ("A", "B")
    db.write(save_book_settings, reminder_days={"birthday": 3})  # None: lines unchanged
    assert db.read(stored_product_lines) == ("A", "B")


@pytest.mark.parametrize("bad, code", [
    ("耗材", "invalid_choice"),  # a string is not a list of lines
    ([1, 2], "invalid_choice"),
    (["x" * 101], "too_long"),
    ([f"line {i}" for i in range(201)], "out_of_range"),
])
def test_bad_lists_are_refused_and_nothing_is_saved(db, bad, code):
    with pytest.raises(ValidationError) as err:
        db.write(save_product_lines, bad)
    assert err.value.field == "product_lines" and err.value.code == code
    assert db.read(stored_product_lines) == ()
