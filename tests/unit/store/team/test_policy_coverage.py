"""Every table of the models has its place in the team's visibility rules (issue #17):
a new model cannot ship without deciding who sees its rows."""

from __future__ import annotations

from kamdesk.store.models import Base
from kamdesk.store.team.policies import (
    BOOK_WIDE_TABLES,
    CHILD_TABLES,
    CUSTOMER_TABLES,
    SPECIAL_TABLES,
    BadRoleName,
    checked_role,
    policy_statements,
)


def test_every_model_table_is_placed_exactly_once() -> None:
    places = [*CUSTOMER_TABLES, *CHILD_TABLES, *BOOK_WIDE_TABLES, *SPECIAL_TABLES]
    assert len(places) == len(set(places))
    assert set(Base.metadata.tables) == set(places)


def test_customer_tables_have_a_customer_and_children_their_parent() -> None:
    tables = Base.metadata.tables
    for name in CUSTOMER_TABLES:
        assert "customer_id" in tables[name].c, name
    for name, (parent, column) in CHILD_TABLES.items():
        fks = {(fk.parent.name, fk.column.table.name) for fk in tables[name].foreign_keys}
        assert (column, parent) in fks, name
        assert parent in CUSTOMER_TABLES


def test_every_secured_table_is_forced_and_checked() -> None:
    existing = set(Base.metadata.tables) | {"a_later_table"}
    sql = policy_statements("kamdesk_leads", existing, {"a_later_table", "people"})
    for name in (*CUSTOMER_TABLES, *CHILD_TABLES, "customers", "tasks", "a_later_table"):
        assert f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY" in sql, name
        create = [s for s in sql if s.startswith(f"CREATE POLICY kamdesk_rows ON {name} ")]
        assert len(create) == 1 and "WITH CHECK" in create[0], name
    for name in BOOK_WIDE_TABLES:
        if name != "app_settings":
            assert f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY" not in sql


def test_role_names_are_checked_before_they_reach_sql() -> None:
    assert checked_role("wang.fang-2") == "wang.fang-2"
    assert checked_role("王芳") == "王芳"
    for bad in ("", "x; DROP TABLE customers", 'a"b', "1abc", "a" * 64, "王" * 22, "a'b"):
        try:
            checked_role(bad)
        except BadRoleName:
            continue
        raise AssertionError(bad)
