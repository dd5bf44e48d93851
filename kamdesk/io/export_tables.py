"""Exporting in the shapes people already use: the method's 表1 customers, 表2
contact log and 表3 events, as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX.

Free text that starts with = + - @ (or a tab/CR) would be run as a formula by Excel
(OWASP CSV injection). In XLSX every string is written as a text cell, so the cell holds
exactly the value ("+86 138…", "-Minus Trading", "007") and is never a formula; numbers
and dates keep their types. A CSV has no types: there such cells get a guard apostrophe
that KAMDesk takes off again when it re-imports its own CSV (:mod:`kamdesk.io.csv_guard`),
and every CSV data cell is quoted, so no reader can take the apostrophe for a quote character.

The Chinese tables word tiers, activity and channels with the one vocabulary
(:mod:`kamdesk.domain.vocab`), as the screen does; the English tables keep the codes
(``A/active``, ``visit``). The importer recognises both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, text

from kamdesk.domain import vocab
from kamdesk.io.csv_guard import neutralise
from kamdesk.privacy import private_file
from kamdesk.store.queries.events import list_events

CUSTOMER_HEADERS = {
    "zh_CN": ["客户ID", "客户名称", "行业属性", "合作时长(月)", "年度贡献值(万元)",
              "客户类型(价值/活跃度)", "关键联系人", "联系方式", "核心需求", "最近互动时间",
              "合作开始日期"],
    "en": ["Customer ID", "Customer name", "Industry", "Months of cooperation",
           "Annual contribution (10k CNY)", "Type (value/activity)", "Key contact", "Phone",
           "Core need", "Last interaction", "Cooperation start"],
}
CONTACT_HEADERS = {
    "zh_CN": ["客户ID", "沟通时间", "沟通方式(电话/拜访/邮件)", "沟通主题", "客户反馈", "问题记录",
              "后续行动", "负责人", "完成时限"],
    "en": ["Customer ID", "When", "Channel", "Topic", "Customer feedback", "Issue",
           "Next action", "Owner", "Deadline"],
}
EVENT_HEADERS = {
    "zh_CN": ["活动名称", "活动时间", "参与客户数量", "目标达成情况", "客户反馈(满意度1-5分)",
              "改进方向", "后续跟进计划"],
    "en": ["Name", "Date", "Participants", "Target reached", "Satisfaction", "Improvements",
           "Follow-up plan"],
}
#: 表3's bar for a well-attended event (参与率≥80%)
EVENT_TARGET_SHARE = 0.8
__all__ = ["CONTACT_HEADERS", "CUSTOMER_HEADERS", "EVENT_HEADERS", "contact_rows",
           "customer_rows", "event_rows", "neutralise", "write_rows"]


def _months(start: object, today: date) -> int | str:
    if not start:
        return ""
    s = date.fromisoformat(str(start)[:10])
    return max(0, (today.year - s.year) * 12 + today.month - s.month - (today.day < s.day))


def customer_rows(conn: Connection, today: date, lang: str) -> Iterable[list[object]]:
    """表1 rows. 年度贡献值 and 客户类型 are what the user declared and stated when they
    did (else the figure and tier shown), and the real cooperation start is written
    beside the months, so reading the file back changes nothing."""
    for r in conn.execute(text(
        "SELECT c.code, c.name, c.industry, c.cooperation_start, "
        "coalesce(c.declared_contribution_cents, m.revenue_12m_cents), "
        "coalesce(c.stated_value_tier, m.value_tier), coalesce(c.stated_activity, m.activity), "
        "m.key_contact_name, m.key_contact_phone, c.explicit_needs, "
        "m.last_interaction_at FROM customers c JOIN customer_metrics m ON m.customer_id = c.id "
        "WHERE c.status != 'archived' ORDER BY c.code"
    )):
        tier = (f"{vocab.label('value_tier', r[5], lang)}/{vocab.label('activity', r[6], lang)}"
                if vocab.is_zh(lang) else f"{r[5]}/{r[6]}")
        yield [r[0], r[1], r[2] or "", _months(r[3], today),
               float(f"{(r[4] or 0) / 1_000_000:.2f}"), tier, r[7] or "", r[8] or "",
               r[9] or "", str(r[10])[:10] if r[10] else "", str(r[3])[:10] if r[3] else ""]


def contact_rows(conn: Connection, lang: str, customer_code: str | None = None
                 ) -> Iterable[list[object]]:
    where, params = "", {}
    if customer_code:
        where, params = "WHERE c.code = :code", {"code": customer_code}
    for r in conn.execute(text(
        "SELECT c.code, i.occurred_at, i.channel, i.topic, i.feedback, i.issue, i.next_action, "
        f"i.owner, i.deadline FROM interactions i JOIN customers c ON c.id = i.customer_id {where} "
        "ORDER BY i.occurred_at"), params):
        channel = vocab.label("channel", r[2], lang) if vocab.is_zh(lang) else r[2]
        yield [r[0], str(r[1])[:16], channel, r[3], r[4] or "", r[5] or "", r[6] or "",
               r[7] or "", str(r[8] or "")]


def _participants(actual: int, target: int | None, zh: bool) -> str:
    if zh:
        return f"{actual}人(目标{target}人)" if target else f"{actual}人"
    return f"{actual} (target {target})" if target else str(actual)


def _target_reached(actual: int, target: int | None, zh: bool) -> str:
    if not target:
        return ""
    share = actual / target
    met = share >= EVENT_TARGET_SHARE
    word = ("达标" if met else "未达标") if zh else ("met" if met else "missed")
    return f"{share * 100:.0f}%({word})"


def event_rows(conn: Connection, lang: str) -> Iterable[list[object]]:
    """表3 rows, oldest first: "25人(目标30人)", "83%(达标)", "4.2分" — the shapes the
    表3 import reads back. Attended is the event's ``actual_participants`` (kept equal
    to the attended invitations), else the attended invitations counted."""
    zh = vocab.is_zh(lang)
    for e in reversed(list_events(conn)):
        actual = e.actual_participants if e.actual_participants is not None else e.attended
        sat = "" if e.satisfaction is None else f"{float(e.satisfaction):.1f}"
        yield [e.name, e.held_on.isoformat(), _participants(actual, e.target_participants, zh),
               _target_reached(actual, e.target_participants, zh),
               f"{sat}分" if sat and zh else sat, e.improvements or "", e.follow_up_plan or ""]


def write_rows(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """CSV or XLSX by extension; written to a temporary file and renamed, so a full disk
    never leaves a half-written export in place of a good one."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    count = 0
    try:
        if target.suffix.lower() == ".xlsx":
            count = _write_xlsx(tmp, headers, rows)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh).writerow(headers)  # the plain header row marks our file
                writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
                for row in rows:
                    writer.writerow([neutralise(_csv_text(v)) for v in row])
                    count += 1
        private_file(tmp)  # user-only whatever the umask (kamdesk.privacy)
        tmp.replace(target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count


def _csv_text(value: object) -> object:
    """Dates as ISO text (a datetime to the minute, as 表2 writes times)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Every string as a text cell (``data_type 's'``: never a formula, never a number,
    no guard character), numbers as numbers, dates as dates."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()

    def cell(value: object) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"
        elif isinstance(value, datetime):
            c.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, date):
            c.number_format = "yyyy-mm-dd"
        return c

    ws.append([cell(h) for h in headers])
    count = 0
    for row in rows:
        ws.append([cell(v) for v in row])
        count += 1
    wb.save(path)
    return count
