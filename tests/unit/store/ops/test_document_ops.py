"""Document operations declare exactly the tables they write and validate their links."""

from __future__ import annotations

from datetime import datetime

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Contract
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.documents import (
    MAX_DOCUMENT_BYTES,
    attach_document,
    remove_document,
    restore_document,
    update_document,
)
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.queries.documents import (
    documents_for,
    documents_of_contract,
    documents_of_customer,
    documents_of_interaction,
    used_blobs,
)

import factories as customer_ops

NOW = datetime(2026, 11, 23, 10)
SHA = "ab" * 32


def _customers(db) -> tuple[int, int, int]:
    with db.session() as s:
        a = customer_ops.create_customer(s, name="远航物流").id
        b = customer_ops.create_customer(s, name="华东精密").id
        contract = Contract(customer_id=a, number="HT-2026-001", title="年度框架协议")
        s.add(contract)
        s.commit()
        return a, b, contract.id


def test_every_document_op_declares_what_it_writes(db):
    cid, _, contract_id = _customers(db)
    with track_writes(db.engine) as written:
        changes = db.write(attach_document, customer_id=cid, contract_id=contract_id,
                           name=" 合同扫描件.pdf ", sha256=SHA, size_bytes=1200, now=NOW)
    doc_id = changes.value
    assert written == {"documents"} and written <= changes.names
    assert changes.ids("documents") == {doc_id}
    for kwargs in ({"name": "签字版.pdf"}, {"notes": "盖章页"}):
        with track_writes(db.engine) as written:
            changes = db.write(update_document, doc_id, **kwargs)
        assert written <= changes.names
    row = db.read(documents_of_customer, cid)[0]
    assert (row.name, row.notes, row.contract_number, row.added_at) == (
        "签字版.pdf", "盖章页", "HT-2026-001", NOW)
    with track_writes(db.engine) as written:
        removed = db.write(remove_document, doc_id)
    assert written <= removed.names and removed.value.last_use
    assert db.read(documents_of_customer, cid) == []
    with track_writes(db.engine) as written:
        restored = db.write(restore_document, removed.value.snapshot)
    assert written <= restored.names and restored.value == doc_id
    assert db.read(documents_of_customer, cid)[0] == row


def test_links_must_belong_to_the_same_customer(db):
    cid, other, contract_id = _customers(db)
    inter = db.write(log_contact, customer_id=other, occurred_at=NOW, channel="phone",
                     topic="回访", now=NOW).value.interaction_id
    cases = [
        (dict(customer_id=other, contract_id=contract_id), ("contract", "invalid_choice")),
        (dict(customer_id=cid, interaction_id=inter), ("interaction", "invalid_choice")),
        (dict(customer_id=999), ("customer", "required")),
        (dict(customer_id=cid, name="  "), ("name", "required")),
        (dict(customer_id=cid, name="x" * 301), ("name", "too_long")),
        (dict(customer_id=cid, sha256="nope"), ("file", "invalid_choice")),
        (dict(customer_id=cid, size_bytes=MAX_DOCUMENT_BYTES + 1), ("file", "too_large")),
    ]
    for kwargs, expected in cases:
        args = dict(name="a.pdf", sha256=SHA, size_bytes=10) | kwargs
        with pytest.raises(ValidationError) as err:
            db.write(attach_document, **args)
        assert (err.value.field, err.value.code) == expected
    assert db.read(used_blobs) == set()


def test_lists_by_customer_contract_and_contact(db):
    cid, _, contract_id = _customers(db)
    inter = db.write(log_contact, customer_id=cid, occurred_at=NOW, channel="visit",
                     topic="拜访", now=NOW).value.interaction_id
    plain = db.write(attach_document, customer_id=cid, name="名片.jpg", sha256=SHA,
                     size_bytes=5, now=NOW).value
    on_contract = db.write(attach_document, customer_id=cid, contract_id=contract_id,
                           name="合同.pdf", sha256="cd" * 32, size_bytes=5, now=NOW).value
    on_contact = db.write(attach_document, customer_id=cid, interaction_id=inter,
                          name="纪要.docx", sha256="ef" * 32, size_bytes=5, now=NOW).value
    assert {r.id for r in db.read(documents_of_customer, cid)} == {plain, on_contract,
                                                                   on_contact}
    assert [r.id for r in db.read(documents_of_contract, contract_id)] == [on_contract]
    assert [r.id for r in db.read(documents_of_interaction, inter)] == [on_contact]
    assert db.read(documents_of_interaction, inter)[0].interaction_topic == "拜访"
    assert [r.id for r in db.read(documents_for, cid, contract_id)] == [on_contract]
    assert len(db.read(documents_for, cid)) == 3


def test_document_content_ops_declare_what_they_write(db):
    from kamdesk.store.ops.documents import drop_unused_document_content, store_document_content
    from kamdesk.store.queries.documents import document_content, has_document_content

    cid, _other, _contract = _customers(db)
    with track_writes(db.engine) as written:
        changes = db.write(store_document_content, SHA, b"bytes")
    assert changes.value is True and written == {"document_contents"} <= changes.names
    assert db.write(store_document_content, SHA, b"bytes").value is False  # once per content
    assert db.read(document_content, SHA) == b"bytes"
    doc = db.write(attach_document, customer_id=cid, name="a.pdf", sha256=SHA, size_bytes=5,
                   now=NOW).value
    assert db.write(drop_unused_document_content, SHA).value is False  # still used
    db.write(remove_document, doc)
    with track_writes(db.engine) as written:
        changes = db.write(drop_unused_document_content, SHA)
    assert changes.value is True and written <= changes.names
    assert not db.read(has_document_content, SHA)
    with pytest.raises(ValidationError):
        db.write(store_document_content, "not-a-sha", b"x")
