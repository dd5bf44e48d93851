"""The .ics export, read back with a second, independent parser (vobject)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import vobject

from kamdesk.io import ical
from kamdesk.io.ical import CalendarItem, write_ical

NOW = dt.datetime(2025, 9, 1, 8, 0, tzinfo=dt.UTC)
LONG_ZH = "与王总确认中秋礼品的数量与配送地址，并同步采购部李经理。" * 6


def _items() -> list[CalendarItem]:
    return [
        CalendarItem(
            uid="task-42@kamdesk",
            kind="task",
            title="回访王总：确认中秋礼品",
            description=LONG_ZH,
            start=dt.datetime(2025, 10, 3, 10, 0),
            end=None,
            all_day=False,
            alarm_before=dt.timedelta(minutes=30),
            customer="华星科技",
            updated=dt.datetime(2025, 9, 1, 12, 0, tzinfo=dt.UTC),
        ),
        CalendarItem(
            uid="visit-7@kamdesk",
            kind="visit",
            title="拜访华星科技（季度回访）",
            description="",
            start=dt.datetime(2025, 10, 9, 14, 0),
            end=dt.datetime(2025, 10, 9, 15, 30),
            all_day=False,
            alarm_before=dt.timedelta(hours=1),
            customer="华星科技",
        ),
        CalendarItem(
            uid="keydate-5-2025@kamdesk",
            kind="key_date",
            title="王总生日（八月十五）",
            description="农历生日",
            start=dt.date(2025, 10, 6),
            end=None,
            all_day=True,
            alarm_before=dt.timedelta(days=3),
            customer="华星科技",
        ),
        CalendarItem(
            uid="renewal-3@kamdesk",
            kind="renewal",
            title="Contract renewal window",
            description="",
            start=dt.date(2025, 11, 3),
            end=dt.date(2025, 11, 4),
            all_day=True,
            alarm_before=None,
            customer=None,
        ),
        CalendarItem(
            uid="task-43@kamdesk",
            kind="task",
            title="寄送白皮书",
            description="",
            start=dt.datetime(2025, 9, 20, 9, 0),
            end=None,
            all_day=False,
            alarm_before=dt.timedelta(minutes=10),
            customer=None,
            done=True,
        ),
    ]


def _export(tz_name: str | None = "Asia/Shanghai") -> bytes:
    return write_ical(_items(), io.BytesIO(), tz_name=tz_name, now=NOW)


def _parse(data: bytes) -> Any:
    components = list(vobject.readComponents(data.decode("utf-8")))
    assert len(components) == 1
    return components[0]


def _by_uid(cal: Any) -> dict[str, Any]:
    comps = list(getattr(cal, "vevent_list", [])) + list(getattr(cal, "vtodo_list", []))
    return {c.uid.value: c for c in comps}


def test_uids_and_component_types() -> None:
    comps = _by_uid(_parse(_export()))
    assert set(comps) == {item.uid for item in _items()}
    assert comps["task-42@kamdesk"].name == "VTODO"
    assert comps["visit-7@kamdesk"].name == "VEVENT"
    assert comps["keydate-5-2025@kamdesk"].name == "VEVENT"


def test_chinese_text_survives_folding() -> None:
    data = _export()
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines must be folded"
    comps = _by_uid(_parse(data))
    assert comps["task-42@kamdesk"].summary.value == "回访王总：确认中秋礼品"
    assert comps["task-42@kamdesk"].description.value == LONG_ZH
    assert comps["keydate-5-2025@kamdesk"].summary.value == "王总生日（八月十五）"
    assert comps["visit-7@kamdesk"].contact.value == "华星科技"


def test_timed_items_carry_tzid_and_vtimezone() -> None:
    data = _export()
    assert b"DTSTART;TZID=Asia/Shanghai:20251009T140000" in data
    assert b"DUE;TZID=Asia/Shanghai:20251003T100000" in data
    cal = _parse(data)
    assert cal.vtimezone.tzid.value == "Asia/Shanghai"
    visit = _by_uid(cal)["visit-7@kamdesk"]
    assert visit.dtstart.value.utcoffset() == dt.timedelta(hours=8)
    assert visit.dtend.value - visit.dtstart.value == dt.timedelta(minutes=90)
    expected = dt.datetime(2025, 10, 9, 6, 0, tzinfo=dt.UTC)
    assert visit.dtstart.value.astimezone(dt.UTC) == expected


def test_aware_datetimes_are_converted_to_the_zone() -> None:
    item = CalendarItem(
        uid="event-1@kamdesk",
        kind="event",
        title="客户日",
        description="",
        start=dt.datetime(2025, 10, 9, 6, 0, tzinfo=dt.UTC),
        end=None,
        all_day=False,
        alarm_before=None,
        customer=None,
    )
    data = write_ical([item], io.BytesIO(), tz_name="Asia/Shanghai", now=NOW)
    assert b"DTSTART;TZID=Asia/Shanghai:20251009T140000" in data


def test_all_day_items_are_dates() -> None:
    data = _export()
    assert b"DTSTART;VALUE=DATE:20251006" in data
    comps = _by_uid(_parse(data))
    birthday = comps["keydate-5-2025@kamdesk"]
    assert birthday.dtstart.value == dt.date(2025, 10, 6)
    assert birthday.dtend.value == dt.date(2025, 10, 7)
    assert birthday.transp.value == "TRANSPARENT"
    renewal = comps["renewal-3@kamdesk"]
    assert renewal.dtend.value == dt.date(2025, 11, 5)  # inclusive end 4 Nov → exclusive 5 Nov


def test_alarms() -> None:
    comps = _by_uid(_parse(_export()))
    visit_alarm = comps["visit-7@kamdesk"].valarm
    assert visit_alarm.action.value == "DISPLAY"
    assert visit_alarm.trigger.value == -dt.timedelta(hours=1)
    assert comps["keydate-5-2025@kamdesk"].valarm.trigger.value == -dt.timedelta(days=3)
    task_alarm = comps["task-42@kamdesk"].valarm
    assert task_alarm.trigger.value == -dt.timedelta(minutes=30)
    assert task_alarm.trigger.params["RELATED"] == ["END"]  # relative to DUE
    assert not hasattr(comps["renewal-3@kamdesk"], "valarm")
    assert not hasattr(comps["task-43@kamdesk"], "valarm")  # done: no alarm


def test_task_status_categories_and_stamps() -> None:
    comps = _by_uid(_parse(_export()))
    open_task, done_task = comps["task-42@kamdesk"], comps["task-43@kamdesk"]
    assert open_task.status.value == "NEEDS-ACTION"
    assert done_task.status.value == "COMPLETED"
    assert open_task.categories.value == ["task"]
    assert comps["visit-7@kamdesk"].categories.value == ["visit"]
    assert open_task.dtstamp.value == dt.datetime(2025, 9, 1, 12, 0, tzinfo=dt.UTC)
    assert comps["visit-7@kamdesk"].dtstamp.value == NOW


def test_writing_twice_is_stable() -> None:
    first, second = _export(), _export()
    assert first == second
    assert set(_by_uid(_parse(first))) == set(_by_uid(_parse(second)))
    # Even without a fixed clock the identities stay the same, so calendars update.
    a = write_ical(_items(), io.BytesIO(), tz_name="Asia/Shanghai")
    b = write_ical(_items(), io.BytesIO(), tz_name="Asia/Shanghai")
    assert set(_by_uid(_parse(a))) == set(_by_uid(_parse(b))) == {i.uid for i in _items()}


def test_write_to_path_and_text_stream(tmp_path: Path) -> None:
    target = tmp_path / "导出.ics"
    data = write_ical(_items(), target, tz_name="Asia/Shanghai", now=NOW)
    assert target.read_bytes() == data
    assert not list(tmp_path.glob("*.tmp"))
    text = io.StringIO(newline="")
    write_ical(_items(), text, tz_name="Asia/Shanghai", now=NOW)
    assert text.getvalue().encode("utf-8") == data


def test_local_zone_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert ical.detect_local_tz_name() == "Europe/Berlin"
    data = write_ical(_items()[1:2], io.BytesIO(), now=NOW)
    assert b"TZID=Europe/Berlin" in data
    assert _parse(data).vtimezone.tzid.value == "Europe/Berlin"


def test_unknown_zone_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ical, "detect_local_tz_name", lambda: None)
    data = write_ical(_items()[1:2], io.BytesIO(), now=NOW)
    visit = _by_uid(_parse(data))["visit-7@kamdesk"]
    local_offset = dt.datetime.now().astimezone().utcoffset()
    if local_offset == dt.timedelta(hours=8):
        assert b"TZID=Asia/Shanghai" in data
    else:  # UTC is never wrong: the naive local time is converted through the system zone
        assert b"DTSTART:" in data and b"Z\r\n" in data
    expected = dt.datetime(2025, 10, 9, 14, 0).astimezone(dt.UTC)
    assert visit.dtstart.value.astimezone(dt.UTC) == expected


@pytest.mark.parametrize(
    "change",
    [
        {"uid": ""},
        {"kind": "meeting"},
        {"alarm_before": -dt.timedelta(minutes=5)},
        {"end": dt.datetime(2025, 10, 9, 13, 0)},
    ],
)
def test_rejects_bad_items(change: dict[str, object]) -> None:
    import dataclasses

    bad = dataclasses.replace(_items()[1], **change)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        write_ical([bad], io.BytesIO(), tz_name="Asia/Shanghai", now=NOW)


def test_duplicate_uids_rejected() -> None:
    item = _items()[1]
    with pytest.raises(ValueError, match="duplicate UID"):
        write_ical([item, item], io.BytesIO(), tz_name="Asia/Shanghai", now=NOW)
    with pytest.raises(ValueError, match="unknown time zone"):
        write_ical([item], io.BytesIO(), tz_name="Mars/Olympus", now=NOW)
