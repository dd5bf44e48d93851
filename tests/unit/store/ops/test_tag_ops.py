"""Tag, bulk-edit and saved-view operations declare what they write; undo restores."""

from __future__ import annotations

import pytest

from kamdesk.domain.list_views import SavedView
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customer_bulk import reassign_owner, set_archived_many, undo_bulk_edit
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.list_views import delete_view, save_view
from kamdesk.store.ops.tags import (
    create_tag,
    delete_tag,
    restore_tag,
    set_tag,
    undo_tag_edit,
    update_tag,
)
from kamdesk.store.queries.customers import CustomerQuery, count
from kamdesk.store.queries.list_views import saved_views
from kamdesk.store.queries.tags import all_tags, tags_of_customer, tags_of_customers


def _customers(db, n=3, **kw) -> list[int]:
    return [db.write(create_customer, name=f"客户{i}", **kw).value for i in range(n)]


def test_tag_lifecycle_declares_writes_and_undoes(db):
    a, b, c = _customers(db)
    with track_writes(db.engine) as written:
        changes = db.write(create_tag, " 战略  客户 ", "#2E7D6B")
    assert written <= changes.names
    tag = changes.value
    assert [(t.name, t.colour) for t in db.read(all_tags)] == [("战略 客户", "#2e7d6b")]
    with track_writes(db.engine) as written:
        changes = db.write(set_tag, [a, b], tag, True)
    assert written <= changes.names and changes.value.customer_ids == (a, b)
    # b already has it: only c changes, and the undo takes it off c only
    edit = db.write(set_tag, [b, c], tag, True).value
    assert edit.customer_ids == (c,)
    with track_writes(db.engine) as written:
        changes = db.write(undo_tag_edit, edit)
    assert written <= changes.names
    assert set(db.read(tags_of_customers, [a, b, c])) == {a, b}
    assert db.read(count, CustomerQuery(tag_id=tag)) == 2
    with track_writes(db.engine) as written:
        changes = db.write(update_tag, tag, name="重点", colour="#5c6bc0")
    assert written <= changes.names
    assert db.read(tags_of_customer, a)[0].name == "重点"
    with track_writes(db.engine) as written:
        changes = db.write(delete_tag, tag)
    assert written <= changes.names and db.read(all_tags) == []
    with track_writes(db.engine) as written:
        restored = db.write(restore_tag, changes.value)
    assert written <= restored.names
    assert db.read(all_tags)[0].customers == 2


@pytest.mark.parametrize("name,colour,code", [("", "#123456", "required"),
                                              ("x" * 41, "#123456", "too_long"),
                                              ("ok", "red", "invalid_choice")])
def test_tag_validation(db, name, colour, code):
    with pytest.raises(ValidationError) as exc:
        db.write(create_tag, name, colour)
    assert exc.value.code == code


def test_duplicate_tag_name_is_refused(db):
    db.write(create_tag, "VIP", "#123456")
    with pytest.raises(ValidationError) as exc:
        db.write(create_tag, " VIP ", "#654321")
    assert exc.value.code == "duplicate"


def test_bulk_reassign_and_archive_with_undo(db):
    a, b = _customers(db, 2, owner="王芳")
    c = db.write(create_customer, name="客户c", owner="李明", status="prospect").value
    with track_writes(db.engine) as written:
        changes = db.write(reassign_owner, [a, b, c], "李明")
    assert written <= changes.names
    assert changes.value.customer_ids == (a, b)
    assert db.read(count, CustomerQuery(owner="李明")) == 3
    with track_writes(db.engine) as written:
        undo = db.write(undo_bulk_edit, changes.value)
    assert written <= undo.names
    assert db.read(count, CustomerQuery(owner="王芳")) == 2
    with track_writes(db.engine) as written:
        changes = db.write(set_archived_many, [a, c], True)
    assert written <= changes.names
    assert db.read(count, CustomerQuery()) == 1
    db.write(undo_bulk_edit, changes.value)
    assert db.read(count, CustomerQuery(potential=None)) == 3
    with pytest.raises(ValidationError):
        db.write(reassign_owner, [a], "  ")


def test_saved_views_round_trip(db):
    view = SavedView("A 级逾期", {"value_tier": "A", "overdue_only": True, "bogus": 1},
                     "next_due", False, ("code", "name", "next_due"))
    with track_writes(db.engine) as written:
        changes = db.write(save_view, view)
    assert written <= changes.names
    db.write(save_view, SavedView("其他"))
    db.write(save_view, SavedView("A 级逾期", {"owner": "李明"}))  # replaced in place
    views = db.read(saved_views)
    assert [v.name for v in views] == ["A 级逾期", "其他"]
    assert views[0].filters == {"owner": "李明"}
    gone = db.write(delete_view, "其他").value
    assert gone.name == "其他" and [v.name for v in db.read(saved_views)] == ["A 级逾期"]
    with pytest.raises(ValidationError):
        db.write(save_view, SavedView(" "))
