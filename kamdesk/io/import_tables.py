"""Importing the method's working tables (表1 customers, 表2 contact log, 表3 events).

A batch import is all-or-nothing by default: every row is validated first and, if any
row is bad, nothing is written and the report lists each bad row with its line number,
column and reason. With ``skip_invalid`` the good rows are written and the report says
exactly which rows were skipped and why. Either way one transaction does the writing,
so an interruption (full disk, locked file) leaves the database as it was.

Re-importing a customers table updates the customers whose code already exists rather
than duplicating them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import Connection, text

from kamdesk.io.tabular import Table, cell_text, parse_day, parse_moment, read_table
from kamdesk.store import search, search_sqlite
from kamdesk.store.pinyin import pinyin_forms

IMPORT_TAG = "表格导入"
_DT = "%Y-%m-%d %H:%M:%S.000000"  # the ORM's own SQLite format, so text comparisons line up


def _dt(value: datetime) -> str:
    return value.strftime(_DT)  # marks rows the import had to create (contribution, last contact)


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    code: str  # required, invalid_date, invalid_number, unknown_customer, duplicate, invalid_choice
    value: str = ""


@dataclass
class ImportReport:
    kind: str
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    written: bool = False
    missing_columns: list[str] = field(default_factory=list)
    touched_customers: set[int] = field(default_factory=set)

    @property
    def skipped_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})


def _norm(header: str) -> str:
    h = header.strip().lower().replace("（", "(").replace("）", ")").replace(" ", "")
    return h


CUSTOMER_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("客户id", "客户编号", "编号", "code", "customerid", "id"),
    "name": ("客户名称", "公司名称", "名称", "name", "customername", "company"),
    "short_name": ("简称", "客户简称", "shortname"),
    "industry": ("行业属性", "行业", "industry"),
    "months": ("合作时长(月)", "合作时长", "months", "monthsofcooperation"),
    "cooperation_start": ("合作开始", "合作开始日期", "cooperationstart", "since"),
    "contribution_wan": ("年度贡献值(万元)", "年度贡献(万元)",),
    "contribution": ("年度贡献值", "年度贡献值(元)", "annualcontribution", "revenue"),
    "type": ("客户类型(价值/活跃度)", "客户类型", "type", "tier"),
    "contact": ("关键联系人", "联系人", "keycontact", "contact"),
    "phone": ("联系方式", "电话", "手机", "phone", "mobile"),
    "need": ("核心需求", "需求", "coreneed", "needs"),
    "last_interaction": ("最近互动时间", "最近互动", "lastcontact", "lastinteraction"),
    "owner": ("负责人", "客户经理", "owner", "accountmanager"),
    "region": ("区域", "地区", "region"),
    "potential": ("潜力", "potential"),
}
CONTACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("客户id", "客户编号", "code", "customerid"),
    "when": ("沟通时间", "时间", "日期", "when", "date", "datetime"),
    "channel": ("沟通方式(电话/拜访/邮件)", "沟通方式", "方式", "channel"),
    "topic": ("沟通主题", "主题", "topic"),
    "feedback": ("客户反馈", "反馈", "feedback"),
    "issue": ("问题记录", "问题", "issue"),
    "next_action": ("后续行动", "下一步", "nextaction"),
    "owner": ("负责人", "owner"),
    "deadline": ("完成时限", "截止日期", "deadline"),
}
EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("活动名称", "名称", "name", "event"),
    "date": ("活动时间", "日期", "date"),
    "participants": ("参与客户数量", "参与人数", "participants"),
    "target_reached": ("目标达成情况(如参与率≥80%)", "目标达成情况", "targetreached"),
    "satisfaction": ("客户反馈(满意度1-5分)", "满意度", "satisfaction"),
    "improvements": ("改进方向", "improvements"),
    "follow_up": ("后续跟进计划", "跟进计划", "followup", "followupplan"),
}
REQUIRED = {"customers": ("name",), "contacts": ("code", "when", "topic"),
            "events": ("name", "date")}

CHANNEL_WORDS = (
    ("拜访", "visit"), ("上门", "visit"), ("visit", "visit"), ("电话", "phone"),
    ("phone", "phone"), ("call", "phone"), ("邮件", "email"), ("mail", "email"),
    ("微信", "wechat"), ("wechat", "wechat"), ("视频", "video"), ("video", "video"),
    ("会议", "meeting"), ("meeting", "meeting"), ("活动", "event"), ("event", "event"),
)
POTENTIAL_WORDS = {"高": "high", "高潜力": "high", "high": "high", "中": "medium",
                   "中潜力": "medium", "medium": "medium", "低": "low", "低潜力": "low",
                   "low": "low", "中低": "low", "中低潜力": "low"}


def detect_kind(table: Table) -> str | None:
    heads = {_norm(h) for h in table.headers}
    scores = {}
    for kind, cols in (("customers", CUSTOMER_COLUMNS), ("contacts", CONTACT_COLUMNS),
                       ("events", EVENT_COLUMNS)):
        scores[kind] = sum(1 for aliases in cols.values() if heads & set(aliases))
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else None


def _columns(table: Table, spec: dict[str, tuple[str, ...]]) -> dict[str, int]:
    index = {_norm(h): i for i, h in enumerate(table.headers)}
    out: dict[str, int] = {}
    for fieldname, aliases in spec.items():
        for alias in aliases:
            if alias in index:
                out[fieldname] = index[alias]
                break
    return out


def _getter(cols: dict[str, int]) -> Callable[[list[object], str], str]:
    def get(cells: list[object], name: str) -> str:
        i = cols.get(name)
        return cell_text(cells[i]) if i is not None and i < len(cells) else ""
    return get


def _money_cents(text_value: str, factor: int) -> int:
    t = text_value.replace(",", "").replace("¥", "").replace("￥", "").strip()
    if t.endswith("万"):
        t, factor = t[:-1], 100 * 10_000
    value = Decimal(t) * factor
    if value < 0:
        raise InvalidOperation
    return int(value)


def import_file(conn: Connection, path: str | Path, kind: str | None = None,
                skip_invalid: bool = False, today: date | None = None,
                dry_run: bool = False) -> ImportReport:
    table = read_table(path)
    kind = kind or detect_kind(table)
    if kind is None:
        report = ImportReport("unknown", total_rows=len(table.rows))
        report.missing_columns = ["name"]
        return report
    fn = {"customers": import_customers, "contacts": import_contacts,
          "events": import_events}[kind]
    return fn(conn, table, skip_invalid=skip_invalid, today=today or date.today(),
              dry_run=dry_run)


def _missing(cols: dict[str, int], kind: str) -> list[str]:
    return [c for c in REQUIRED[kind] if c not in cols]


# -- customers (表1) ---------------------------------------------------------------
def import_customers(conn: Connection, table: Table, *, skip_invalid: bool, today: date,
                     dry_run: bool = False) -> ImportReport:
    report = ImportReport("customers", total_rows=len(table.rows))
    cols = _columns(table, CUSTOMER_COLUMNS)
    report.missing_columns = _missing(cols, "customers")
    if report.missing_columns:
        return report
    get = _getter(cols)
    existing = {code: cid for cid, code in conn.execute(text("SELECT id, code FROM customers"))}
    seen_codes: dict[str, int] = {}
    good: list[dict[str, object]] = []
    for line, cells in table.rows:
        row_problems: list[RowProblem] = []
        rec: dict[str, object] = {"line": line}
        name = get(cells, "name")
        if not name:
            row_problems.append(RowProblem(line, "name", "required"))
        rec["name"] = name
        code = get(cells, "code")
        if code:
            if code in seen_codes:
                row_problems.append(RowProblem(line, "code", "duplicate", code))
            seen_codes[code] = line
        rec["code"] = code
        start = None
        months_text = get(cells, "months")
        if get(cells, "cooperation_start"):
            try:
                start = parse_day(get(cells, "cooperation_start"))
            except ValueError:
                row_problems.append(RowProblem(line, "cooperation_start", "invalid_date",
                                               get(cells, "cooperation_start")))
        elif months_text:
            try:
                months = int(Decimal(months_text.replace("个月", "").replace("月", "")))
                if not 0 <= months <= 1200:
                    raise InvalidOperation
                from kamdesk.domain.calendar_math import add_months

                start = add_months(today, -months)
            except (InvalidOperation, ValueError):
                row_problems.append(RowProblem(line, "months", "invalid_number", months_text))
        rec["cooperation_start"] = start
        contribution = None
        for col, factor in (("contribution_wan", 100 * 10_000), ("contribution", 100)):
            value = get(cells, col)
            if value:
                try:
                    contribution = _money_cents(value, factor)
                except (InvalidOperation, ValueError):
                    row_problems.append(RowProblem(line, col, "invalid_number", value))
                break
        rec["contribution"] = contribution
        last = get(cells, "last_interaction")
        rec["last_interaction"] = None
        if last:
            try:
                moment = parse_moment(last)
                if moment and moment.date() > today:
                    row_problems.append(RowProblem(line, "last_interaction", "out_of_range", last))
                rec["last_interaction"] = moment
            except ValueError:
                row_problems.append(RowProblem(line, "last_interaction", "invalid_date", last))
        potential = get(cells, "potential")
        rec["potential"] = POTENTIAL_WORDS.get(potential.lower(), None) if potential else None
        if potential and rec["potential"] is None:
            row_problems.append(RowProblem(line, "potential", "invalid_choice", potential))
        for key in ("short_name", "industry", "contact", "phone", "need", "owner", "region"):
            rec[key] = get(cells, key) or None
        if row_problems:
            report.problems.extend(row_problems)
        else:
            good.append(rec)
    if (report.problems and not skip_invalid) or dry_run:
        report.created = sum(1 for r in good if r["code"] not in existing)
        report.updated = len(good) - report.created
        return report
    _write_customers(conn, good, existing, today, report)
    report.written = True
    return report


def _write_customers(conn: Connection, good: list[dict[str, object]],
                     existing: dict[str, int], today: date, report: ImportReport) -> None:
    now = datetime.combine(today, time(9)).strftime("%Y-%m-%d %H:%M:%S.000000")
    next_id = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM customers")).scalar_one())
    next_person = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM people")).scalar_one())
    numeric = [int(m.group(1)) for c in existing if (m := re.fullmatch(r"C(\d+)", c))]
    next_code = max(numeric, default=0)
    width = max([3] + [len(c) - 1 for c in existing if re.fullmatch(r"C\d+", c)])
    new_c, new_p, new_t, new_i, fts, updates = [], [], [], [], [], []
    trade_day = (today - timedelta(days=1)).isoformat()
    for rec in good:
        code = str(rec["code"] or "")
        start = rec["cooperation_start"]
        if code and code in existing:
            updates.append(rec | {"id": existing[code]})
            continue
        if not code:
            next_code += 1
            code = f"C{next_code:0{width}d}"
        next_id += 1
        cid = next_id
        existing[code] = cid
        name = str(rec["name"])
        full, initials = pinyin_forms(name)
        new_c.append((cid, code, name, rec["short_name"], rec["industry"], rec["region"],
                      start.isoformat() if isinstance(start, date) else None, "active",
                      rec["potential"] or "medium", rec["need"], rec["owner"], full, initials,
                      now, now))
        people = []
        if rec["contact"]:
            next_person += 1
            new_p.append((next_person, cid, rec["contact"], rec["phone"], 1, now, now))
            people.append((str(rec["contact"]), rec["phone"], None))
        if rec["contribution"]:
            new_t.append((cid, trade_day, rec["contribution"], IMPORT_TAG))
        if rec["last_interaction"]:
            li: datetime = rec["last_interaction"]  # type: ignore[assignment]
            new_i.append((cid, li.strftime("%Y-%m-%d %H:%M:%S.000000"), "phone",
                          f"最近互动（{IMPORT_TAG}）", now, now))
        fts.append((cid, search.body_for(code, name, rec["short_name"], people,  # type: ignore[arg-type]
                                         name_forms=(full, initials))))
        report.touched_customers.add(cid)
    ex = conn.exec_driver_sql
    if new_c:
        ex("INSERT INTO customers (id, code, name, short_name, industry, region, cooperation_start,"
           " status, potential, explicit_needs, owner, name_pinyin, name_initials, created_at, "
           "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new_c)
        ex("INSERT INTO customer_metrics (customer_id) VALUES (?)", [(r[0],) for r in new_c])
    if new_p:
        ex("INSERT INTO people (id, customer_id, name, mobile, is_primary, created_at, updated_at, "
           "attitude, relationship_strength, archived) VALUES (?,?,?,?,?,?,?,'neutral',3,0)", new_p)
    if new_t:
        ex("INSERT INTO trades (customer_id, occurred_on, amount_cents, notes) VALUES (?,?,?,?)",
           new_t)
    if new_i:
        ex("INSERT INTO interactions (customer_id, occurred_at, channel, topic, created_at, "
           "updated_at) VALUES (?,?,?,?,?,?)", new_i)
    if fts and conn.dialect.name == "sqlite":
        search_sqlite.replace_rows(conn, fts)
    for rec in updates:
        fields = {k: rec[k] for k in ("name", "short_name", "industry", "region", "owner")
                  if rec[k]}
        if rec["need"]:
            fields["explicit_needs"] = rec["need"]
        if rec["potential"]:
            fields["potential"] = rec["potential"]
        if isinstance(rec["cooperation_start"], date):
            fields["cooperation_start"] = rec["cooperation_start"]
        if "name" in fields:
            fields["name_pinyin"], fields["name_initials"] = pinyin_forms(str(fields["name"]))
        if fields:
            sets = ", ".join(f"{k} = :{k}" for k in fields)
            params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in fields.items()}
            conn.execute(text(f"UPDATE customers SET {sets} WHERE id = :id"),
                         params | {"id": rec["id"]})
        report.touched_customers.add(int(rec["id"]))  # type: ignore[arg-type]
    if updates:
        search.reindex(conn, [int(r["id"]) for r in updates])  # type: ignore[arg-type]
    report.created = len(new_c)
    report.updated = len(updates)


# -- contact log (表2) ----------------------------------------------------------------
def channel_code(word: str) -> str | None:
    w = word.strip().lower()
    for needle, code in CHANNEL_WORDS:
        if needle in w:
            return code
    return None


def import_contacts(conn: Connection, table: Table, *, skip_invalid: bool, today: date,
                    dry_run: bool = False) -> ImportReport:
    report = ImportReport("contacts", total_rows=len(table.rows))
    cols = _columns(table, CONTACT_COLUMNS)
    report.missing_columns = _missing(cols, "contacts")
    if report.missing_columns:
        return report
    get = _getter(cols)
    codes = {code: cid for cid, code in conn.execute(text("SELECT id, code FROM customers"))}
    good = []
    for line, cells in table.rows:
        problems = []
        code = get(cells, "code")
        cid = codes.get(code)
        if not code:
            problems.append(RowProblem(line, "code", "required"))
        elif cid is None:
            problems.append(RowProblem(line, "code", "unknown_customer", code))
        when = None
        try:
            when = parse_moment(get(cells, "when"))
            if when is None:
                problems.append(RowProblem(line, "when", "required"))
        except ValueError:
            problems.append(RowProblem(line, "when", "invalid_date", get(cells, "when")))
        channel = channel_code(get(cells, "channel")) if get(cells, "channel") else "phone"
        if channel is None:
            problems.append(RowProblem(line, "channel", "invalid_choice", get(cells, "channel")))
        topic = get(cells, "topic")
        if not topic:
            problems.append(RowProblem(line, "topic", "required"))
        deadline = None
        if get(cells, "deadline"):
            try:
                deadline = parse_day(get(cells, "deadline"))
            except ValueError:
                problems.append(RowProblem(line, "deadline", "invalid_date", get(cells, "deadline")))
        if problems:
            report.problems.extend(problems)
            continue
        good.append((cid, when, channel, topic, get(cells, "feedback") or None,
                     get(cells, "issue") or None, get(cells, "next_action") or None,
                     get(cells, "owner") or None, deadline))
    if (report.problems and not skip_invalid) or dry_run:
        report.created = len(good)
        return report
    from kamdesk.domain.reminders import reminder_for_deadline

    now = datetime.combine(today, datetime.now().time()).replace(microsecond=0)
    for cid, when, channel, topic, feedback, issue, nxt, owner, deadline in good:
        res = conn.execute(text(
            "INSERT INTO interactions (customer_id, occurred_at, channel, topic, feedback, issue, "
            "next_action, owner, deadline, created_at, updated_at) VALUES (:c, :w, :ch, :t, :f, "
            ":i, :n, :o, :d, :now, :now)"),
            {"c": cid, "w": _dt(when), "ch": channel, "t": topic, "f": feedback, "i": issue,
             "n": nxt, "o": owner, "d": deadline.isoformat() if deadline else None,
             "now": _dt(now)})
        # Only promises still open become tasks; a past deadline in an old sheet is history.
        if nxt and deadline and deadline >= today:
            conn.execute(text(
                "INSERT INTO tasks (title, kind, customer_id, interaction_id, owner, due_at, "
                "remind_at, priority, source, created_at, updated_at) VALUES (:t, 'task', :c, "
                ":i, :o, :due, :rem, 2, 'interaction', :now, :now)"),
                {"t": nxt, "c": cid, "i": res.lastrowid, "o": owner,
                 "due": _dt(datetime.combine(deadline, time(18))),
                 "rem": _dt(reminder_for_deadline(deadline, now)), "now": _dt(now)})
        report.touched_customers.add(cid)
    report.created = len(good)
    report.written = True
    return report


# -- events (表3) ----------------------------------------------------------------------
_INT = re.compile(r"(\d+)")
_NUM = re.compile(r"(\d+(?:\.\d+)?)")


def _event_kind(name: str) -> str:
    for word, kind in (("沙龙", "salon"), ("培训", "training"), ("答谢", "appreciation"),
                       ("用户日", "user_day"), ("研讨", "webinar"), ("salon", "salon"),
                       ("training", "training")):
        if word in name.lower():
            return kind
    return "other"


def import_events(conn: Connection, table: Table, *, skip_invalid: bool, today: date,
                  dry_run: bool = False) -> ImportReport:
    report = ImportReport("events", total_rows=len(table.rows))
    cols = _columns(table, EVENT_COLUMNS)
    report.missing_columns = _missing(cols, "events")
    if report.missing_columns:
        return report
    get = _getter(cols)
    good = []
    for line, cells in table.rows:
        problems = []
        name = get(cells, "name")
        if not name:
            problems.append(RowProblem(line, "name", "required"))
        held = None
        try:
            held = parse_day(get(cells, "date"))
            if held is None:
                problems.append(RowProblem(line, "date", "required"))
        except ValueError:
            problems.append(RowProblem(line, "date", "invalid_date", get(cells, "date")))
        participants = get(cells, "participants")
        numbers = [int(x) for x in _INT.findall(participants)]
        actual = numbers[0] if numbers else None
        target = numbers[1] if len(numbers) > 1 else None
        sat_text = get(cells, "satisfaction")
        satisfaction = None
        if sat_text:
            m = _NUM.search(sat_text)
            if not m or not 1 <= float(m.group(1)) <= 5:
                problems.append(RowProblem(line, "satisfaction", "out_of_range", sat_text))
            else:
                satisfaction = Decimal(m.group(1)).quantize(Decimal("0.1"))
        if problems:
            report.problems.extend(problems)
            continue
        good.append((name, held, _event_kind(name), target, actual, satisfaction,
                     get(cells, "improvements") or None, get(cells, "follow_up") or None))
    if (report.problems and not skip_invalid) or dry_run:
        report.created = len(good)
        return report
    now = datetime.now().replace(microsecond=0)
    for name, held, kind, target, actual, sat, improvements, follow in good:
        conn.execute(text(
            "INSERT INTO events (name, held_on, kind, target_participants, actual_participants, "
            "satisfaction, improvements, follow_up_plan, created_at, updated_at) VALUES "
            "(:n, :h, :k, :t, :a, :s, :i, :f, :now, :now)"),
            {"n": name, "h": held.isoformat(), "k": kind, "t": target, "a": actual,
             "s": str(sat) if sat is not None else None, "i": improvements, "f": follow,
             "now": _dt(now)})
    report.created = len(good)
    report.written = True
    return report
