"""The app's own queries and operations on a team book, connected as a member (issue
#17): the customer list shows only their accounts; a new customer is theirs; giving an
account away is refused with a validation message (only a lead reassigns), and a lead's
reassignment moves the account out of the member's list."""

from __future__ import annotations

import pytest
from team_support import TeamBook, team_book

from kamdesk.store.database import Database
from kamdesk.store.engine import make_session_factory
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.customer_bulk import reassign_owner
from kamdesk.store.ops.customers import create_customer, update_customer
from kamdesk.store.queries.customers import CustomerQuery, count, ids_by_code
from kamdesk.store.queries.team import signed_in_role

pytestmark = pytest.mark.postgres


@pytest.fixture
def book():
    with team_book() as b:
        yield b


def _db(book: TeamBook, role: str) -> Database:
    engine = book.engine_as(role)
    return Database(book.url_as(role), engine, make_session_factory(engine))


def _codes(db: Database) -> set[str]:
    # the list's page query (fetch_page) is still SQLite-flavoured; the codes query and
    # the list's count go through the same row security
    return set(db.read(ids_by_code))


def test_a_member_works_on_their_own_accounts_only(book: TeamBook) -> None:
    alice, lead = _db(book, book.alice), _db(book, book.lead)
    try:
        assert alice.read(signed_in_role) == book.alice
        assert alice.read(count, CustomerQuery()) == 1
        assert _codes(alice) == {"C001"}
        assert _codes(lead) == {"C001", "C002"}
        new_id = alice.write(create_customer, name="Alice's new account").value
        assert new_id in alice.read(ids_by_code).values() and len(_codes(alice)) == 2
        assert lead.read(count, CustomerQuery(owner=book.alice)) == 2
        # a member may not create an account in someone else's name …
        with pytest.raises(ValidationError) as refused:
            alice.write(create_customer, name="For Bob", owner=book.bob)
        assert (refused.value.field, refused.value.code) == ("owner", "not_yours")
        # … nor touch another's account, nor give one to someone outside the team
        with pytest.raises(ValidationError):
            alice.write(update_customer, book.customers[book.bob], name="taken")
        with pytest.raises(ValidationError) as refused:
            alice.write(reassign_owner, [new_id], "not_in_the_team")
        assert refused.value.code == "not_yours"
        assert alice.read(count, CustomerQuery()) == 2
        # she hands her own account to Bob (holiday cover): it leaves her list for his,
        # and its history says who handed it over
        alice.write(reassign_owner, [new_id], book.bob)
        assert alice.read(count, CustomerQuery()) == 1
        bob = _db(book, book.bob)
        try:
            assert new_id in bob.read(ids_by_code).values()
            assert bob.read(lambda c: c.exec_driver_sql(
                "SELECT old_value, new_value FROM change_history WHERE "
                "customer_id = %(c)s AND field = 'owner'", {"c": new_id}).all()) == [
                (book.alice, book.bob)]
            with pytest.raises(ValidationError):  # Bob cannot hand back what is not his …
                bob.write(reassign_owner, [book.customers[book.alice]], book.bob)
        finally:
            bob.dispose()
        # … the lead reassigns any account: it comes back to Alice
        lead.write(reassign_owner, [new_id], book.alice)
        assert alice.read(count, CustomerQuery()) == 2
    finally:
        alice.dispose()
        lead.dispose()
