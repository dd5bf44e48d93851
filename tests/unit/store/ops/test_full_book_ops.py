"""load_full_book declares every table it writes, keeps ids and refuses a non-empty book."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.full_book import BookRows, load_full_book

TODAY = date(2026, 11, 23)

BOOK = {
    "customers": BookRows(("id", "code", "name", "status", "potential"),
                          [[7, "C007", "远航物流", "active", "medium"],
                           [3, "C003", "-Minus 贸易", "active", "high"]]),
    "people": BookRows(("id", "customer_id", "name", "reports_to_id", "is_primary", "archived"),
                       [[1, 7, "张三", 2, True, False], [2, 7, "李四", None, False, False]]),
    "app_settings": BookRows(("key", "value"), [["product_lines", "[\"阀门\"]"],
                                                ["search_index_version", "1"]]),
}


def test_load_declares_what_it_writes_and_keeps_ids(db):
    with track_writes(db.engine) as written:
        changes = db.write(load_full_book, BOOK, TODAY)
    assert written <= changes.names
    assert {"customers", "people", "app_settings", "customer_metrics"} <= written
    assert changes.value == {"customers": 2, "people": 2, "app_settings": 2}
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT id, name_initials FROM customers ORDER BY id"
                                    ).all()[0][0] == 3
        assert conn.exec_driver_sql("SELECT reports_to_id FROM people WHERE id = 1"
                                    ).scalar() == 2
        assert conn.exec_driver_sql("SELECT count(*) FROM customer_metrics").scalar() == 2
        # the rebuild stamp is this build's, not the file's
        assert conn.exec_driver_sql("SELECT value FROM app_settings WHERE key = "
                                    "'search_index_version'").scalar() != "1"


def test_load_refuses_a_book_with_data_and_unknown_tables(db):
    db.write(load_full_book, BOOK, TODAY)
    with pytest.raises(ValidationError) as err:
        db.write(load_full_book, BOOK, TODAY)
    assert err.value.code == "book_not_empty"


def test_load_refuses_tables_this_schema_lacks(db):
    with pytest.raises(ValidationError) as err:
        db.write(load_full_book, {"gadgets": BookRows(("id",), [[1]])}, TODAY)
    assert err.value.code == "invalid_choice"
