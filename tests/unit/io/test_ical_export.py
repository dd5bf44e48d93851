"""The .ics export of a real book (issue #13 item 7): repeated exports are the same
bytes, an edit restamps only what it touches, solar yearly dates repeat by RRULE and
lunar ones are written year by year, titles follow today's names, and the file is
valid for two maintained parsers (icalendar and vobject)."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from itertools import islice
from pathlib import Path

import factories
import icalendar
import pytest
import vobject
from dateutil.rrule import rrulestr

from kamdesk.domain.lunar import lunar_to_solar
from kamdesk.io import ical
from kamdesk.io.ical import write_ical
from kamdesk.io.ical_feed import LUNAR_YEARS, iter_calendar_items_for_ical
from kamdesk.store.models import CustomerMetrics, KeyDate, Person
from kamdesk.store.ops import customers as customer_ops
from kamdesk.store.ops import people as people_ops
from kamdesk.store.ops import tasks as task_ops

START, END = dt.date(2026, 11, 1), dt.date(2027, 11, 30)
SURNAMES = "王李张刘陈杨赵黄周吴欧阳司马"
GIVEN = "伟芳娜敏静丽强磊军洋"
NAME_CHARS = "华星科技中国移动长城制造股份有限公司"
STAMPED = "2026-10-01 10:00:00.000000"
NOTE_CONTROLS = "第一行\r第二行\r\n第三行\x00\x07\x1b；逗号,分号;反斜杠\\"


def _random_book(s, rng: random.Random, customers: int = 6) -> dict[str, int]:
    """Customers of several shapes: people with solar, lunar, 29 February and one-off
    dates, long Chinese names, tier A with derived anniversaries, tasks with control
    characters in their notes."""
    ids: dict[str, int] = {}
    for n in range(customers):
        name = "".join(rng.choice(NAME_CHARS) for _ in range(rng.randint(4, 40)))
        founded = dt.date(1988 + 4 * (n % 6), 2, 29 if n % 3 == 0 else 15)
        c = factories.create_customer(
            s, name=f"{name}{n}", short_name=name[:4] if n % 2 else None,
            cooperation_start=dt.date(2015 + n, rng.randint(1, 12), rng.randint(1, 28)),
            founded_on=founded if n % 2 == 0 else None)
        s.flush()
        s.get(CustomerMetrics, c.id).value_tier = "A" if n % 2 == 0 else "C"
        for p in range(rng.randint(1, 3)):
            person = Person(customer_id=c.id,
                            name=rng.choice(SURNAMES) + "".join(
                                rng.choice(GIVEN) for _ in range(rng.randint(1, 2))))
            s.add(person)
            s.flush()
            ids.setdefault("person", person.id)
            lunar = rng.random() < 0.4
            s.add(KeyDate(customer_id=c.id, person_id=person.id, kind="birthday",
                          calendar="lunar" if lunar else "solar",
                          month=rng.randint(1, 12), day=rng.randint(1, 30 if lunar else 28),
                          year=rng.choice([None, 1970 + p])))
        task_ops.create_task(s, title=f"回访{name[:6]}", customer_id=c.id,
                             due_at=dt.datetime(2026, 11, 20 + n % 8, 9, 30),
                             notes=NOTE_CONTROLS if n == 0 else None)
    return ids


@pytest.fixture
def book(db):
    """A fixed core (named dates the tests look at) plus a generated rest."""
    with db.session() as s:
        core = factories.create_customer(s, name="华星科技有限公司", short_name="华星")
        s.flush()
        wang = Person(customer_id=core.id, name="王伟")
        li = Person(customer_id=core.id, name="李娜")
        gone = Person(customer_id=core.id, name="赵离", archived=True)
        s.add_all([wang, li, gone])
        s.flush()
        rows = {
            "wang": KeyDate(customer_id=core.id, person_id=wang.id, kind="birthday",
                            calendar="solar", month=12, day=5),
            "li": KeyDate(customer_id=core.id, person_id=li.id, kind="birthday",
                          calendar="solar", month=2, day=29, year=1980),
            # 八月十五: 中秋 birthday, lunar
            "lunar": KeyDate(customer_id=core.id, person_id=wang.id, kind="custom",
                             title="王伟农历生日", calendar="lunar", month=8, day=15),
            "once": KeyDate(customer_id=core.id, kind="custom", title="签约十周年庆典",
                            calendar="solar", month=3, day=8, year=2027, recurrence="once"),
            "gone": KeyDate(customer_id=core.id, person_id=gone.id, kind="birthday",
                            calendar="solar", month=12, day=6),
        }
        s.add_all(rows.values())
        s.flush()
        ids = {k: v.id for k, v in rows.items()}
        ids |= {"core": core.id, "wang_person": wang.id, "li_person": li.id}
        _random_book(s, random.Random(13))
        s.commit()
    # Stamps to the second (as iCalendar has them) from a fixed past, so an edit made by
    # a test is always a later second whatever the wall clock says.
    with db.engine.begin() as conn:
        for table in ("customers", "people", "key_dates", "tasks"):
            conn.exec_driver_sql(f"UPDATE {table} SET updated_at = ?", (STAMPED,))
    return db, ids


def _export(db, path: Path, lang: str = "zh_CN") -> bytes:
    items = db.read(iter_calendar_items_for_ical, START, END, None, lang)
    return write_ical(items, path, tz_name="Asia/Shanghai")


def _events(data: bytes) -> dict[str, str]:
    """Each component's text by UID (the unfolded file, split at BEGIN)."""
    text = data.decode("utf-8").replace("\r\n ", "")
    out = {}
    for block in re.findall(r"BEGIN:(?:VEVENT|VTODO)\r\n.*?END:(?:VEVENT|VTODO)", text, re.S):
        uid = re.search(r"^UID:(.*)$", block, re.M)
        assert uid is not None
        out[uid.group(1).strip()] = block
    return out


def _parsed(data: bytes) -> dict[str, icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(c["UID"]): c for c in cal.walk() if c.name in ("VEVENT", "VTODO")}


def test_repeated_exports_are_the_same_bytes(book, tmp_path):
    db, _ids = book
    first = _export(db, tmp_path / "a.ics")
    second = _export(db, tmp_path / "b.ics")
    assert first == second
    assert (tmp_path / "a.ics").read_bytes() == first
    # no stamp of the export itself: the calendar has no DTSTAMP of its own
    head = first.split(b"BEGIN:V", 2)[1]
    assert b"DTSTAMP" not in head
    comps = _parsed(first)
    assert all("DTSTAMP" in c and "LAST-MODIFIED" in c for c in comps.values())


def test_editing_one_person_restamps_only_their_events(book, tmp_path):
    db, ids = book
    before_zh = _events(_export(db, tmp_path / "a.ics"))
    before_en = _events(_export(db, tmp_path / "a_en.ics", "en"))
    db.write(people_ops.update_person, ids["wang_person"], name="王大伟")
    after_zh = _events(_export(db, tmp_path / "b.ics"))
    after_en = _events(_export(db, tmp_path / "b_en.ics", "en"))
    assert set(before_zh) == set(after_zh)
    changed = {uid for uid in before_zh if before_zh[uid] != after_zh[uid]}
    lunar_uids = {f"keydate-{ids['lunar']}-{y}@kamdesk" for y in range(2027, 2027 + LUNAR_YEARS)}
    assert changed == {f"keydate-{ids['wang']}@kamdesk"} | lunar_uids
    bday = f"keydate-{ids['wang']}@kamdesk"
    assert "SUMMARY:王大伟生日 · 华星" in after_zh[bday]
    assert "SUMMARY:王伟生日 · 华星" in before_zh[bday]
    assert "SUMMARY:Birthday: 王大伟 · 华星" in after_en[bday]
    assert "SUMMARY:Birthday: 王伟 · 华星" in before_en[bday]
    stamp = re.compile(r"^(DTSTAMP|LAST-MODIFIED):(.*)$", re.M)
    old_stamps, new_stamps = stamp.findall(before_zh[bday]), stamp.findall(after_zh[bday])
    assert [k for k, _v in old_stamps] == ["DTSTAMP", "LAST-MODIFIED"]
    assert new_stamps[0][1] == new_stamps[1][1] > old_stamps[0][1]
    # the typed title of the lunar date is kept; only its stamp moved
    lunar = next(iter(sorted(lunar_uids)))
    assert "SUMMARY:王伟农历生日 · 华星" in after_zh[lunar]
    li = f"keydate-{ids['li']}@kamdesk"
    assert before_zh[li] == after_zh[li]


def test_solar_dates_repeat_yearly_and_lunar_ones_are_written_year_by_year(book, tmp_path):
    db, ids = book
    data = _export(db, tmp_path / "a.ics")
    comps = _parsed(data)
    wang = comps[f"keydate-{ids['wang']}@kamdesk"]
    assert wang["RRULE"].to_ical() == b"FREQ=YEARLY"
    assert wang.decoded("DTSTART") == dt.date(2026, 12, 5)
    assert wang.decoded("DTEND") == dt.date(2026, 12, 6)
    assert not any(u.startswith(f"keydate-{ids['wang']}-") for u in comps)
    # 29 February: kept on February's last day, as the app does
    li = comps[f"keydate-{ids['li']}@kamdesk"]
    assert dict(li["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]}
    assert li.decoded("DTSTART") == dt.date(2027, 2, 28)
    days = list(islice(rrulestr(li["RRULE"].to_ical().decode(),
                                dtstart=dt.datetime(2027, 2, 28)), 3))
    assert [d.date() for d in days] == [dt.date(2027, 2, 28), dt.date(2028, 2, 29),
                                        dt.date(2029, 2, 28)]
    # lunar: ten events, one per lunar year, on the solar day of each
    lunar = sorted(u for u in comps if u.startswith(f"keydate-{ids['lunar']}-"))
    assert lunar == [f"keydate-{ids['lunar']}-{y}@kamdesk" for y in range(2027, 2037)]
    for uid in lunar:
        year = int(uid.split("-")[2].split("@")[0])
        assert comps[uid].decoded("DTSTART") == lunar_to_solar(year, 8, 15)
        assert "RRULE" not in comps[uid]
        assert comps[uid]["DESCRIPTION"] == "农历八月十五"
    # one-off: one event, no rule; an archived person's birthday: nowhere
    once = comps[f"keydate-{ids['once']}-2027@kamdesk"]
    assert "RRULE" not in once and once.decoded("DTSTART") == dt.date(2027, 3, 8)
    assert not any(u.startswith(f"keydate-{ids['gone']}") for u in comps)
    # derived anniversaries of tier A customers repeat too, with a UID per customer
    derived = [c for u, c in comps.items() if re.match(r"(coop|founded)-\d+@kamdesk$", u)]
    assert derived and all("RRULE" in c for c in derived)


def test_file_is_valid_folded_crlf_and_utf8_safe(book, tmp_path):
    db, _ids = book
    data = _export(db, tmp_path / "a.ics")
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # never a multi-byte character split across lines
    assert any(line.startswith(b" ") for line in lines)  # long names were folded
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)
    # both maintained parsers read it; the notes come back with their line breaks
    comps = _parsed(data)
    cal = next(vobject.readComponents(data.decode("utf-8")))
    vuids = {c.uid.value for c in list(cal.vevent_list) + list(cal.vtodo_list)}
    assert vuids == set(comps)
    noted = [c for c in comps.values() if "第一行" in str(c.get("DESCRIPTION", ""))]
    assert [str(c["DESCRIPTION"]) for c in noted] == [
        "第一行\n第二行\n第三行；逗号,分号;反斜杠\\"]


def test_a_failed_write_keeps_the_old_file(book, tmp_path, monkeypatch):
    db, _ids = book
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "cal.ics"
    target.write_bytes(b"old")
    items = db.read(iter_calendar_items_for_ical, START, END, None, "zh_CN")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(ical.os, "replace", broken)
    with pytest.raises(OSError):
        write_ical(items, target, tz_name="Asia/Shanghai")
    assert target.read_bytes() == b"old"
    assert os.listdir(folder) == ["cal.ics"]
    monkeypatch.undo()
    write_ical(items, target, tz_name="Asia/Shanghai")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert os.listdir(folder) == ["cal.ics"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_books_export_stably(db, tmp_path, seed):
    with db.session() as s:
        _random_book(s, random.Random(seed), customers=12)
        s.commit()
    first = _export(db, tmp_path / "a.ics")
    assert _export(db, tmp_path / "b.ics") == first
    comps = _parsed(first)
    for uid, comp in comps.items():
        if uid.startswith("keydate-") and uid.count("-") == 1:
            assert "RRULE" in comp  # a repeating solar birthday
    assert all(len(line) <= 75 for line in first.split(b"\r\n"))


def test_renaming_a_customer_restamps_only_that_customers_entries(book, tmp_path):
    db, ids = book
    before = _events(_export(db, tmp_path / "a.ics"))
    db.write(customer_ops.update_customer, ids["core"], short_name="华星集团")
    after = _events(_export(db, tmp_path / "b.ics"))
    changed = {uid for uid in before if before[uid] != after[uid]}
    core = {uid for uid, text in before.items() if "华星科技有限公司" in text}
    assert changed == core and core  # every entry showing the customer, nothing else
    bday = f"keydate-{ids['wang']}@kamdesk"
    assert "SUMMARY:王伟生日 · 华星集团" in after[bday]
