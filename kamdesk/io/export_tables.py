"""Exporting in the shapes people already use: the method's 表1 customers, 表2
contact log and 表3 events, as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX.

Free text that starts with = + - @ (or a tab/CR) would be run as a formula by Excel;
such cells are written as plain text (OWASP CSV injection), without mangling phone
numbers like "+86 138…" in XLSX, where the cell type can be forced to text.

The Chinese tables word tiers, activity and channels with the one vocabulary
(:mod:`kamdesk.domain.vocab`), as the screen does; the English tables keep the codes
(``A/active``, ``visit``). The importer recognises both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, text

from kamdesk.domain import vocab
from kamdesk.privacy import private_file
from kamdesk.store.queries.events import list_events

CUSTOMER_HEADERS = {
    "zh_CN": ["客户ID", "客户名称", "行业属性", "合作时长(月)", "年度贡献值(万元)",
              "客户类型(价值/活跃度)", "关键联系人", "联系方式", "核心需求", "最近互动时间"],
    "en": ["Customer ID", "Customer name", "Industry", "Months of cooperation",
           "Annual contribution (10k CNY)", "Type (value/activity)", "Key contact", "Phone",
           "Core need", "Last interaction"],
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
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\0")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def _months(start: object, today: date) -> int | str:
    if not start:
        return ""
    s = date.fromisoformat(str(start)[:10])
    return max(0, (today.year - s.year) * 12 + today.month - s.month - (today.day < s.day))


def customer_rows(conn: Connection, today: date, lang: str) -> Iterable[list[object]]:
    for r in conn.execute(text(
        "SELECT c.code, c.name, c.industry, c.cooperation_start, m.revenue_12m_cents, "
        "m.value_tier, m.activity, m.key_contact_name, m.key_contact_phone, c.explicit_needs, "
        "m.last_interaction_at FROM customers c JOIN customer_metrics m ON m.customer_id = c.id "
        "WHERE c.status != 'archived' ORDER BY c.code"
    )):
        tier = (f"{vocab.label('value_tier', r[5], lang)}/{vocab.label('activity', r[6], lang)}"
                if vocab.is_zh(lang) else f"{r[5]}/{r[6]}")
        yield [r[0], r[1], r[2] or "", _months(r[3], today),
               float(f"{(r[4] or 0) / 1_000_000:.2f}"), tier, r[7] or "", r[8] or "",
               r[9] or "", str(r[10])[:10] if r[10] else ""]


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
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet()
            ws.append(list(headers))
            for row in rows:
                ws.append([neutralise(v) for v in row])
                count += 1
            wb.save(tmp)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow([neutralise(v) for v in row])
                    count += 1
        private_file(tmp)  # user-only whatever the umask (kamdesk.privacy)
        tmp.replace(target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count
