"""set_kpi_target: validated per unit, stored in app_settings, read by the review."""

from __future__ import annotations

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.kpi_targets import set_kpi_target
from kamdesk.store.queries.kpi_review import kpi_targets


def test_set_and_clear_declare_what_they_write(db):
    with track_writes(db.engine) as written:
        changes = db.write(set_kpi_target, "churn_rate", 8)
    assert written <= changes.names and changes.names == {"app_settings"}
    assert changes.value == 8.0
    db.write(set_kpi_target, "ltv", 250_000_00)
    assert db.read(kpi_targets) == {"churn_rate": 8.0, "ltv": 250_000_00}
    with track_writes(db.engine) as written:
        changes = db.write(set_kpi_target, "churn_rate", None)
    assert written <= changes.names and changes.value is None
    assert db.read(kpi_targets) == {"ltv": 250_000_00}


@pytest.mark.parametrize("code, value, error", [
    ("churn_rate", 150, "out_of_range"), ("csat_avg", 6, "out_of_range"),
    ("new_customers", 2.5, "invalid_choice"), ("nope", 1, "unknown_kpi"),
])
def test_bad_targets_are_refused(db, code, value, error):
    with pytest.raises(ValidationError) as exc:
        db.write(set_kpi_target, code, value)
    assert (exc.value.field, exc.value.code) == ("target", error)
    assert db.read(kpi_targets) == {}
