"""The team's rule, enforced by PostgreSQL (issue #17 item 2): with raw SQL, connected as
their own role, a manager can neither read, change, delete nor add to another manager's
customers, people, contacts (interactions) or orders (trades); a lead sees everything; and
after a reassignment visibility follows the new owner."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from team_support import TeamBook, add_account, team_book

pytestmark = pytest.mark.postgres

TABLES = {"customers": "customers", "people": "people", "interactions": "interactions",
          "trades": "trades"}


@pytest.fixture(scope="module")
def book():
    with team_book() as b:
        yield b


def _ids(conn, table: str) -> set[int]:
    return {int(r[0]) for r in conn.execute(text(f"SELECT id FROM {table}"))}


def _of(book: TeamBook, role: str) -> dict[str, int]:
    return {"customers": book.customers[role], "people": book.people[role],
            "interactions": book.interactions[role], "trades": book.trades[role]}


def test_a_manager_reads_only_their_own_accounts(book: TeamBook) -> None:
    engine = book.engine_as(book.alice)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == book.alice
            for key, table in TABLES.items():
                assert _ids(conn, table) == {_of(book, book.alice)[key]}, table
            # not even by id, nor through a join
            bob = _of(book, book.bob)
            assert conn.execute(text("SELECT count(*) FROM customers WHERE id = :i"),
                                {"i": bob["customers"]}).scalar() == 0
            assert conn.execute(text(
                "SELECT count(*) FROM interaction_people ip JOIN people p ON p.id = "
                "ip.person_id")).scalar() == 1
    finally:
        engine.dispose()


def test_a_manager_cannot_change_or_delete_anothers_rows(book: TeamBook) -> None:
    bob = _of(book, book.bob)
    engine = book.engine_as(book.alice)
    try:
        with engine.begin() as conn:
            assert conn.execute(text("UPDATE customers SET name = 'mine' WHERE id = :i"),
                                {"i": bob["customers"]}).rowcount == 0
            assert conn.execute(text("UPDATE people SET name = 'x' WHERE id = :i"),
                                {"i": bob["people"]}).rowcount == 0
            assert conn.execute(text("UPDATE trades SET amount_cents = 1")).rowcount == 1
            for key, table in TABLES.items():
                if table == "customers":
                    continue
                assert conn.execute(text(f"DELETE FROM {table} WHERE id = :i"),
                                    {"i": bob[key]}).rowcount == 0, table
            conn.execute(text("UPDATE trades SET amount_cents = 10000"))
    finally:
        engine.dispose()
    admin = book.engine_as(book.lead)
    try:
        with admin.connect() as conn:
            assert conn.execute(text("SELECT name FROM customers WHERE id = :i"),
                                {"i": bob["customers"]}).scalar() == "Account C002"
            assert conn.execute(text("SELECT count(*) FROM trades")).scalar() == 2
    finally:
        admin.dispose()


@pytest.mark.parametrize("statement", [
    "INSERT INTO people (customer_id, name) VALUES (:bob, 'spy')",
    "INSERT INTO interactions (customer_id, occurred_at, channel, topic) "
    "VALUES (:bob, now(), 'phone', 'x')",
    "INSERT INTO trades (customer_id, occurred_on, amount_cents, kind) "
    "VALUES (:bob, current_date, 1, 'order')",
    "UPDATE trades SET customer_id = :bob WHERE customer_id = :alice",
    "UPDATE people SET customer_id = :bob WHERE customer_id = :alice",
    "INSERT INTO customers (code, name, owner) VALUES ('Z9', 'theirs', :bob_role)",
    "UPDATE customers SET owner = :bob_role WHERE id = :alice",
    "INSERT INTO interaction_people (interaction_id, person_id) "
    "VALUES (:alice_contact, :bob_person)",
])
def test_a_manager_cannot_put_rows_under_anothers_customer(book: TeamBook,
                                                           statement: str) -> None:
    engine = book.engine_as(book.alice)
    params = {"bob": book.customers[book.bob], "alice": book.customers[book.alice],
              "bob_role": book.bob, "alice_contact": book.interactions[book.alice],
              "bob_person": book.people[book.bob]}
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as refused:
            conn.execute(text(statement), params)
        assert "row-level security" in str(refused.value)
    finally:
        engine.dispose()


def test_a_lead_sees_and_edits_everything(book: TeamBook) -> None:
    engine = book.engine_as(book.lead)
    try:
        with engine.begin() as conn:
            for table in TABLES.values():
                assert len(_ids(conn, table)) == 2, table
            assert conn.execute(text("UPDATE people SET title = 'checked'")).rowcount == 2
    finally:
        engine.dispose()


def test_a_member_creates_customers_in_their_own_name(book: TeamBook) -> None:
    engine = book.engine_as(book.bob)
    try:
        with engine.begin() as conn:
            ids = add_account(conn, None, "B100")  # a blank owner becomes the creator
            assert conn.execute(text("SELECT owner FROM customers WHERE id = :i"),
                                {"i": ids["customer"]}).scalar() == book.bob
            conn.execute(text("DELETE FROM interaction_people WHERE interaction_id = :i"),
                         {"i": ids["interaction"]})
            for table in ("trades", "interactions", "people"):
                conn.execute(text(f"DELETE FROM {table} WHERE customer_id = :i"),
                             {"i": ids["customer"]})
            assert conn.execute(text("DELETE FROM customers WHERE id = :i"),
                                {"i": ids["customer"]}).rowcount == 1
    finally:
        engine.dispose()


def test_visibility_follows_a_reassignment(book: TeamBook) -> None:
    lead = book.engine_as(book.lead)
    alice, bob = book.engine_as(book.alice), book.engine_as(book.bob)
    try:
        with lead.begin() as conn:
            ids = add_account(conn, book.alice, "R001")
        with alice.connect() as conn:
            assert ids["customer"] in _ids(conn, "customers")
            assert ids["trade"] in _ids(conn, "trades")
        with lead.begin() as conn:  # the lead gives the account to Bob
            conn.execute(text("UPDATE customers SET owner = :o WHERE id = :i"),
                         {"o": book.bob, "i": ids["customer"]})
        with alice.connect() as conn:
            assert ids["customer"] not in _ids(conn, "customers")
            assert ids["person"] not in _ids(conn, "people")
            assert ids["trade"] not in _ids(conn, "trades")
        with bob.connect() as conn:
            assert ids["customer"] in _ids(conn, "customers")
            assert ids["interaction"] in _ids(conn, "interactions")
            assert ids["trade"] in _ids(conn, "trades")
    finally:
        for e in (lead, alice, bob):
            e.dispose()


def test_payments_and_history_follow_the_customer(book: TeamBook) -> None:
    lead = book.engine_as(book.lead)
    alice = book.engine_as(book.alice)
    try:
        with lead.begin() as conn:
            conn.execute(text(
                "INSERT INTO payments (customer_id, received_on, amount_cents) "
                "VALUES (:c, :d, 5)"), {"c": book.customers[book.bob], "d": date(2026, 11, 1)})
            conn.execute(text(
                "INSERT INTO change_history (changed_at, table_name, row_id, customer_id, "
                "action) VALUES (now(), 'customers', :c, :c, 'update')"),
                {"c": book.customers[book.bob]})
        with alice.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM payments")).scalar() == 0
            assert conn.execute(text(
                "SELECT count(*) FROM change_history WHERE customer_id = :c"),
                {"c": book.customers[book.bob]}).scalar() == 0
        with alice.connect() as conn, pytest.raises(DBAPIError):
            conn.execute(text("DELETE FROM change_history"))
    finally:
        lead.dispose()
        alice.dispose()


def _store_as_admin(book: TeamBook, contents: dict[str, bytes],
                    documents: list[tuple[str, str, str]]) -> None:
    """File bytes (sha256 -> content) and documents naming them (owner's role, file
    name, sha256), written by the administrator, whom row security does not limit."""
    from sqlalchemy import create_engine

    admin = create_engine(book.admin_url)
    try:
        with admin.begin() as conn:
            for sha, content in contents.items():
                conn.execute(text("INSERT INTO document_contents (sha256, content) "
                                  "VALUES (:s, :c)"), {"s": sha, "c": content})
            for role, name, sha in documents:
                conn.execute(text(
                    "INSERT INTO documents (customer_id, name, sha256, size_bytes, added_at) "
                    "VALUES (:c, :n, :s, :b, now())"),
                    {"c": book.customers[role], "n": name, "s": sha, "b": len(contents[sha])})
    finally:
        admin.dispose()


def test_attached_file_bytes_follow_their_documents(book: TeamBook) -> None:
    # document_contents (migration 0014) has no customer: its bytes are readable with a
    # visible document naming them, and a member may not delete bytes a colleague's
    # document still uses (kamdesk_content_in_use sees every document).
    shared, mine = "a" * 64, "b" * 64
    _store_as_admin(book, {shared: b"%PDF", mine: b"%PDF"}, [(book.bob, "bob.pdf", shared)])
    engine = book.engine_as(book.alice)
    try:
        with engine.begin() as conn:
            seen = {r[0] for r in conn.execute(text("SELECT sha256 FROM document_contents"))}
            assert shared not in seen
            assert conn.execute(text("DELETE FROM document_contents WHERE sha256 = :s"),
                                {"s": shared}).rowcount == 0
            # bytes no document names are not a member's to see, nor to drop (a lead
            # or the administrator cleans those up)
            assert conn.execute(text("DELETE FROM document_contents WHERE sha256 = :s"),
                                {"s": mine}).rowcount == 0
    finally:
        engine.dispose()
    bob = book.engine_as(book.bob)
    try:
        with bob.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM document_contents WHERE "
                                     "sha256 = :s"), {"s": shared}).scalar() == 1
    finally:
        bob.dispose()


def test_a_member_cannot_drop_bytes_a_colleagues_document_still_uses(book: TeamBook) -> None:
    both = "c" * 64
    _store_as_admin(book, {both: b"\x01"},  # the same file attached by both
                    [(role, "same.pdf", both) for role in (book.alice, book.bob)])
    engine = book.engine_as(book.alice)
    try:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM documents WHERE sha256 = :s"), {"s": both})
            # her document is gone; Bob's (which she cannot see) still names the bytes
            assert conn.execute(text("DELETE FROM document_contents WHERE sha256 = :s"),
                                {"s": both}).rowcount == 0
    finally:
        engine.dispose()
    bob = book.engine_as(book.bob)
    try:
        with bob.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM document_contents WHERE "
                                     "sha256 = :s"), {"s": both}).scalar() == 1
            conn.execute(text("DELETE FROM documents WHERE sha256 = :s"), {"s": both})
            # now unused: but no longer visible to Bob either (no document names it)
    finally:
        bob.dispose()
