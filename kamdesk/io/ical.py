"""Export tasks, visits and key dates as an iCalendar (.ics) file.

The manager lives in a phone or Outlook calendar as much as in KAMDesk, so the export
has to import cleanly there and import *again* without duplicates: every item carries
a UID chosen by the caller from its database identity (e.g. 'task-42@kamdesk'), and
calendars replace an entry with the same UID. The app's own reminders remain the
source of truth: some calendars (Google) drop VALARM on import.

Works on plain ``CalendarItem`` values, so it needs no database; ``icalendar`` is
imported only when an export runs, keeping it off the start-up path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, cast

from kamdesk.privacy import private_file

if TYPE_CHECKING:
    from icalendar import Calendar

ItemKind = Literal["task", "visit", "key_date", "renewal", "complaint", "event"]
ITEM_KINDS: tuple[str, ...] = ("task", "visit", "key_date", "renewal", "complaint", "event")

DEFAULT_TZ = "Asia/Shanghai"
DEFAULT_PRODID = "-//KAMDesk//KAMDesk Calendar Export//ZH"


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One entry of the export.

    ``start`` is the due time for a task, the start otherwise. ``end`` of an all-day
    item is its *last* day (inclusive, as people say "3–4 March"); the file gets the
    exclusive end iCalendar wants. Naive datetimes are local wall-clock time (what the
    database stores). A ``date`` start is always all-day, whatever ``all_day`` says.
    """

    uid: str
    kind: ItemKind
    title: str
    description: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    all_day: bool
    alarm_before: dt.timedelta | None
    customer: str | None
    done: bool = False
    updated: dt.datetime | None = None
    #: an RFC 5545 RECUR value ('FREQ=YEARLY') for an event that repeats; ``start`` is
    #: then its first occurrence
    rrule: str | None = None


def _zone_key_is_valid(key: str) -> bool:
    from zoneinfo import ZoneInfo

    if not key or key.startswith("/") or ".." in key:
        return False
    try:
        ZoneInfo(key)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def detect_local_tz_name() -> str | None:
    """IANA name of the machine's zone, without tzlocal; None when it cannot be told.

    ``datetime.now().astimezone()`` only yields a fixed offset and an abbreviation such
    as 'CST' (which is also US Central), so the name comes from the TZ variable,
    /etc/timezone or the /etc/localtime link.
    """
    env = os.environ.get("TZ", "").strip().lstrip(":")
    if _zone_key_is_valid(env):
        return env
    try:
        text = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    if _zone_key_is_valid(text):
        return text
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    marker = "zoneinfo/"
    if marker in target:
        key = target.split(marker, 1)[1]
        if _zone_key_is_valid(key):
            return key
    return None


def _resolve_zone(tz_name: str | None) -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    if tz_name is not None:
        if not _zone_key_is_valid(tz_name):
            raise ValueError(f"unknown time zone {tz_name!r}")
        return ZoneInfo(tz_name)
    detected = detect_local_tz_name()
    if detected is not None:
        return ZoneInfo(detected)
    # Unknown name: a customer base in China makes Shanghai the likely zone, but only
    # claim it when the clock agrees; otherwise UTC times are at least never wrong.
    local_offset = dt.datetime.now().astimezone().utcoffset()
    if local_offset == dt.timedelta(hours=8) and _zone_key_is_valid(DEFAULT_TZ):
        return ZoneInfo(DEFAULT_TZ)
    return dt.UTC


def _to_zone(value: dt.datetime, zone: dt.tzinfo, naive_is_zone: bool) -> dt.datetime:
    if value.tzinfo is None:
        if naive_is_zone:
            return value.replace(tzinfo=zone)
        return value.astimezone(zone)  # naive = the system's local time
    return value.astimezone(zone)


def _to_utc(value: dt.datetime) -> dt.datetime:
    # A naive timestamp is local time, as stored by the app.
    return value.astimezone(dt.UTC)


#: C0 controls and DEL, except tab, LF and CR (which become an escaped line break):
#: RFC 5545 TEXT may not hold them, and one NUL or form feed makes some readers drop
#: the whole file.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Text as a calendar can hold it: line breaks kept (as one ``\\n`` each, whether
    they were CRLF, LF or a lone CR), every other control character dropped."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _validate(items: list[CalendarItem]) -> None:
    seen: set[str] = set()
    for item in items:
        if not item.uid.strip():
            raise ValueError(f"calendar item {item.title!r} has an empty UID")
        if item.uid in seen:
            raise ValueError(f"duplicate UID {item.uid!r}: each item must have its own")
        seen.add(item.uid)
        if item.kind not in ITEM_KINDS:
            raise ValueError(f"unknown kind {item.kind!r} for {item.uid!r}")
        if item.alarm_before is not None and item.alarm_before < dt.timedelta(0):
            raise ValueError(f"alarm_before must not be negative for {item.uid!r}")
        if item.rrule is not None and item.kind == "task":
            raise ValueError(f"a task cannot repeat: {item.uid!r}")


def build_calendar(
    items: Iterable[CalendarItem],
    tz_name: str | None = None,
    prodid: str = DEFAULT_PRODID,
    *,
    now: dt.datetime | None = None,
    calendar_name: str = "KAMDesk",
) -> Calendar:
    """The ``icalendar.Calendar`` for the items (exposed for callers that post-process).

    ``now`` (default: the current time) stamps items without ``updated``; pass it to
    make the output reproducible.
    """
    from icalendar import Alarm, Calendar, Event, Todo, vRecur

    item_list = list(items)
    _validate(item_list)
    zone = _resolve_zone(tz_name)
    naive_is_zone = tz_name is not None or zone is not dt.UTC
    stamp_now = _to_utc(now) if now is not None else dt.datetime.now(dt.UTC)

    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if calendar_name:
        cal.add("x-wr-calname", calendar_name)

    for item in item_list:
        is_task = item.kind == "task"
        comp = Todo() if is_task else Event()
        comp.add("uid", item.uid)
        updated_utc = _to_utc(item.updated) if item.updated is not None else None
        comp.add("dtstamp", updated_utc or stamp_now)
        if updated_utc is not None:
            comp.add("last-modified", updated_utc)
        comp.add("summary", clean_text(item.title))
        if item.description:
            comp.add("description", clean_text(item.description))
        if item.customer:
            # CONTACT is RFC 5545's field for "who this is about"; calendars show it.
            comp.add("contact", clean_text(item.customer))
        comp.add("categories", [item.kind])

        all_day = item.all_day or not isinstance(item.start, dt.datetime)
        start: dt.date | dt.datetime
        end: dt.date | dt.datetime | None
        if all_day:
            start = item.start.date() if isinstance(item.start, dt.datetime) else item.start
            end = None
            if item.end is not None:
                last = item.end.date() if isinstance(item.end, dt.datetime) else item.end
                if last < start:
                    raise ValueError(f"end before start for {item.uid!r}")
                end = last + dt.timedelta(days=1)
        else:
            assert isinstance(item.start, dt.datetime)
            start = _to_zone(item.start, zone, naive_is_zone)
            end = None
            if item.end is not None:
                raw_end = (
                    item.end
                    if isinstance(item.end, dt.datetime)
                    else dt.datetime.combine(item.end, dt.time(23, 59))
                )
                end = _to_zone(raw_end, zone, naive_is_zone)
                if end < start:
                    raise ValueError(f"end before start for {item.uid!r}")

        if is_task:
            comp.add("due", start)
            if item.done:
                comp.add("status", "COMPLETED")
                comp.add("percent-complete", 100)
                if updated_utc is not None:
                    comp.add("completed", updated_utc)
            else:
                comp.add("status", "NEEDS-ACTION")
        else:
            comp.add("dtstart", start)
            if item.rrule is not None:
                comp.add("rrule", vRecur.from_ical(item.rrule))
            if end is not None:
                comp.add("dtend", end)
            elif all_day:
                comp.add("dtend", start + dt.timedelta(days=1))
            if all_day:
                # A birthday or renewal date must not block the day as busy.
                comp.add("transp", "TRANSPARENT")

        if item.alarm_before is not None and not (is_task and item.done):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", clean_text(item.title))
            if is_task:
                # A VTODO without DTSTART may only have an alarm relative to DUE (RFC 5545).
                alarm.add("trigger", -item.alarm_before, parameters={"RELATED": "END"})
            else:
                alarm.add("trigger", -item.alarm_before)
            comp.add_component(alarm)
        cal.add_component(comp)

    if zone is not dt.UTC:
        cal.add_missing_timezones()
    return cal


def write_ical(
    items: Iterable[CalendarItem],
    path_or_stream: str | os.PathLike[str] | IO[bytes] | IO[str],
    tz_name: str | None = None,
    prodid: str = DEFAULT_PRODID,
    *,
    now: dt.datetime | None = None,
    calendar_name: str = "KAMDesk",
) -> bytes:
    """Write the .ics (UTF-8, CRLF, folded lines) and return its bytes.

    ``tz_name`` overrides the detected local zone for timed items. A text stream gets
    ``str``; open it with ``newline=''`` so the CRLF line ends are kept.
    """
    data: bytes = build_calendar(
        items, tz_name, prodid, now=now, calendar_name=calendar_name
    ).to_ical()
    if isinstance(path_or_stream, (str, os.PathLike)):
        write_atomically(Path(path_or_stream), data)
    elif isinstance(path_or_stream, io.TextIOBase):
        path_or_stream.write(data.decode("utf-8"))
    else:
        cast("IO[bytes]", path_or_stream).write(data)
    return data


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a failed or interrupted export
    never leaves half a file that a calendar would import as a truncated list, and a
    reader never sees the old file half overwritten."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        private_file(Path(tmp_name))  # user-only whatever the umask (kamdesk.privacy)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
