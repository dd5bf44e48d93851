"""Settings and the bulk recompute declare exactly the tables they write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from kamdesk.domain.tiering_settings import TieringSettings
import factories as customer_ops
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import RECOMPUTED_KEY, metrics_stale
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.metrics import recompute_all_metrics
from kamdesk.store.ops.settings import (
    put_setting, save_book_settings, save_reminder_lead_times, save_tiering_settings,
)
from kamdesk.store.queries.settings import get_json, reminder_settings, tiering_settings

TODAY = date(2026, 11, 23)


def test_saving_tiering_settings_writes_app_settings_only(db):
    wanted = replace(TieringSettings(), cadence_c_days=365, method="cumulative")
    with track_writes(db.engine) as written:
        changes = db.write(save_tiering_settings, wanted)
    assert written == {"app_settings"} and written <= changes.names
    assert db.read(tiering_settings) == wanted
    with pytest.raises(ValidationError):
        db.write(save_tiering_settings, {"cadence_c_days": 365})


def test_reminder_lead_times_keep_the_other_reminder_settings(db):
    db.write(put_setting, "reminders", {"days_before": {"birthday": 7}, "horizon_days": 2})
    with track_writes(db.engine) as written:
        changes = db.write(save_reminder_lead_times, {"birthday": 5, "festival": 1})
    assert written == {"app_settings"} and written <= changes.names
    assert db.read(reminder_settings) == {
        "days_before": {"birthday": 5, "festival": 1}, "horizon_days": 2,
        "birthday": 5, "festival": 1}
    for bad in (-1, 400, "3", True):
        with pytest.raises(ValidationError) as err:
            db.write(save_reminder_lead_times, {"birthday": bad})
        assert err.value.field == "birthday"
    assert db.read(reminder_settings)["birthday"] == 5


def test_book_settings_in_one_go(db):
    with track_writes(db.engine) as written:
        changes = db.write(save_book_settings, tiering=TieringSettings(),
                           reminder_days={"anniversary": 10})
    assert written == {"app_settings"} and written <= changes.names
    with track_writes(db.engine) as written:
        nothing = db.write(save_book_settings)
    assert not written and not nothing


def test_put_setting(db):
    with track_writes(db.engine) as written:
        changes = db.write(put_setting, "app_last_seen", {"at": "2026-11-23 09:00"})
    assert written == {"app_settings"} and written <= changes.names
    db.write(put_setting, "app_last_seen", {"at": "2026-11-23 10:00"})
    assert db.read(get_json, "app_last_seen") == {"at": "2026-11-23 10:00"}
    with pytest.raises(ValidationError):
        db.write(put_setting, " ", 1)


def test_the_bulk_recompute_declares_metrics_tier_changes_and_its_stamp(db):
    with db.session() as s:
        cid = customer_ops.create_customer(s, name="远航物流",
                                           cooperation_start=date(2020, 1, 1)).id
        s.commit()
    assert db.read(metrics_stale, TODAY)
    with track_writes(db.engine) as written:
        changes = db.write(recompute_all_metrics, TODAY)
    assert changes.value == 1
    assert {"customer_metrics", "app_settings"} <= written <= changes.names
    assert changes.names == {"customer_metrics", "tier_changes", "app_settings"}
    assert db.read(get_json, RECOMPUTED_KEY)["day"] == TODAY.isoformat()
    assert not db.read(metrics_stale, TODAY)
    # A later run that moves a customer's activity also writes tier_changes.
    db.write(log_contact, customer_id=cid, occurred_at=datetime(2026, 11, 23, 9),
             channel="phone", topic="回访", now=datetime(2026, 11, 23, 9))
    later = date(2027, 11, 23)
    with track_writes(db.engine) as written:
        changes = db.write(recompute_all_metrics, later, datetime(2027, 11, 23, 9))
    assert "tier_changes" in written and written <= changes.names
