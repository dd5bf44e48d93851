"""A realistic, deterministic book of business for demos, tests and benchmarks.

Same ``seed`` and ``today`` give byte-for-byte the same rows. Revenue follows a Pareto
(long-tail) distribution, as real account books do: a fifth of the customers bring most
of the money. Rows are written with plain ``executemany`` (:func:`run_qmark`, on SQLite
or PostgreSQL) in one transaction: 100k customers / 1M interactions in under 2 minutes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from kamdesk.store import search
from kamdesk.store.dialect import after_bulk_load, run_qmark
from kamdesk.store.pinyin import person_name_forms, pinyin_forms

REGIONS = ["北京", "上海", "深圳", "杭州", "苏州", "成都", "武汉", "广州", "南京", "天津",
           "重庆", "西安", "青岛", "宁波", "厦门", "长沙", "郑州", "合肥", "佛山", "东莞"]
CORES = ["华信", "恒泰", "宏达", "盛世", "鑫源", "博远", "中科", "金桥", "瑞丰", "天成",
         "永安", "新锐", "远航", "卓越", "汇通", "嘉禾", "东方", "众诚", "明珠", "安泰",
         "海纳", "启明", "长风", "云帆", "德润", "致远", "华晟", "凯旋", "同创", "正和",
         "立信", "锦程", "宇通", "联合", "星辰", "光华", "万达", "昌盛", "和谐", "丰源"]
INDUSTRIES = [
    ("制造业", "制造"), ("零售业", "商贸"), ("医药健康", "医药"), ("物流运输", "物流"),
    ("信息技术", "科技"), ("能源化工", "化工"), ("食品饮料", "食品"), ("汽车", "汽车配件"),
    ("建筑建材", "建材"), ("金融服务", "投资"),
]
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
EN_FIRST = ["Apex", "Blue River", "Northstar", "Summit", "Evergreen", "Harbor", "Pioneer",
            "Silverline", "Crescent", "Golden Gate"]
EN_LAST = ["Industries", "Trading", "Logistics", "Systems", "Foods", "Materials", "Health"]
EN_SUFFIX = ["Ltd.", "Co., Ltd.", "Group", "Inc."]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "韩"]
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
         "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东", "志强",
         "海燕", "喆", "堃", "玥", "昇", "子涵", "浩然", "雨桐", "思远"]
EN_PEOPLE = ["David Miller", "Emma Wilson", "James Brown", "Olivia Taylor", "Michael Lee"]
OWNERS = ["张伟", "李娜", "王强", "刘洋", "Chris Chen"]
TITLES = [("总经理", "decision_maker"), ("采购总监", "economic_buyer"),
          ("技术经理", "technical_evaluator"), ("生产主管", "user"), ("副总裁", "influencer"),
          ("总经理助理", "gatekeeper"), ("采购专员", "coach"), ("财务总监", "economic_buyer"),
          ("运营经理", "user"), ("IT负责人", "technical_evaluator")]
DEPARTMENTS = ["总经办", "采购部", "技术部", "生产部", "财务部", "运营部", "信息部"]
INTERESTS = ["高尔夫", "茶艺", "摄影", "马拉松", "书法", "钓鱼", "红酒", "围棋", "徒步"]
TABOOS = ["不喜欢饭局劝酒", "周一上午不接电话", "忌讳迟到", "不收贵重礼品", "不谈政治"]
STYLES = ["数据导向，喜欢看方案细节", "直接高效，先说结论", "重关系，喜欢面谈",
          "谨慎稳重，需要多次确认", "开放健谈，乐于分享行业信息"]
CONCERNS = ["供应链稳定", "交货速度", "成本控制", "产品质量", "售后响应", "促销支持",
            "付款账期", "技术支持", "定制化方案"]
LATENT = ["数字化转型", "降低库存", "拓展海外市场", "提升品牌形象", "人员培训"]
CHANNELS = ["visit", "phone", "phone", "phone", "email", "wechat", "wechat", "video", "meeting"]
TOPICS = ["季度供货回顾", "新品推介", "价格谈判", "交付问题沟通", "年度合作规划",
          "满意度回访", "技术交流", "合同续签沟通", "沉默客户回访", "投诉处理跟进",
          "节日问候", "需求调研", "方案演示", "付款进度确认"]
FEEDBACK = ["对交货速度满意，希望增加新品折扣", "表示对新品不知晓，近期忙于门店装修",
            "认可方案，需要内部评审", "价格偏高，希望给出阶梯报价", "对售后响应速度表示满意",
            "提出包装破损问题", "希望加强技术培训", "暂时没有新需求", "计划扩大采购规模",
            "对竞争对手的报价感兴趣"]
ISSUES = ["", "", "", "交货延迟两天", "发票信息有误", "部分批次质量波动", "培训资料不足"]
NEXT = ["整理折扣方案，一周内反馈", "邮寄新品手册，跟进促销时间", "安排技术人员上门交流",
        "发送正式报价单", "预约高层拜访", "提交试用申请", "准备续签合同草案", ""]
PRODUCTS = ["标准件", "定制件", "耗材", "服务包", "软件许可", "备品备件"]
COMPLAINT_CATS = ["交付", "质量", "服务", "账务", "物流"]
EVENT_NAMES = [("制造业客户沙龙", "salon"), ("零售业促销培训", "training"),
               ("年度客户答谢会", "appreciation"), ("新品发布用户日", "user_day"),
               ("数字化转型线上研讨会", "webinar")]

DT_FMT = "%Y-%m-%d %H:%M:%S.000000"
CHUNK = 5000  # customers generated between writes: keeps memory flat at 100k
BUFFERS = ("customers", "metrics", "people", "fts", "interactions", "interaction_people", "trades",
           "tasks", "key_dates", "contracts", "complaints", "surveys", "opportunities",
           "stage_changes")


@dataclass(frozen=True)
class DemoStats:
    customers: int
    people: int
    interactions: int
    trades: int
    tasks: int
    seconds: float = 0.0


def _dt(d: datetime) -> str:
    return d.strftime(DT_FMT)


class _Generator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.now = datetime.combine(today, datetime.min.time()).replace(hour=9)
        self._forms: dict[str, tuple[str, str]] = {}
        self._person_forms: dict[str, tuple[str, str]] = {}

    def forms(self, part: str) -> tuple[str, str]:
        f = self._forms.get(part)
        if f is None:
            f = self._forms[part] = pinyin_forms(part)
        return f

    def person_forms(self, name: str) -> tuple[str, str]:
        f = self._person_forms.get(name)
        if f is None:
            f = self._person_forms[name] = person_name_forms(name)
        return f

    def company(self, i: int) -> tuple[str, str, str, str, str]:
        """name, short name, industry, full pinyin, initials."""
        r = self.rng
        ind, word = INDUSTRIES[r.randrange(len(INDUSTRIES))]
        if r.random() < 0.08:
            name = f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)} {r.choice(EN_SUFFIX)}"
            return name, name.split()[0], ind, "", ""
        region, core, suffix = r.choice(REGIONS), r.choice(CORES), r.choice(SUFFIXES)
        name = f"{region}{core}{word}{suffix}"
        parts = [self.forms(x) for x in (region, core, word, suffix)]
        return (name, core + word, ind, "".join(p[0] for p in parts),
                "".join(p[1] for p in parts))

    def person_name(self) -> str:
        r = self.rng
        if r.random() < 0.05:
            return r.choice(EN_PEOPLE)
        return r.choice(SURNAMES) + r.choice(GIVEN)

    def phone(self) -> str:
        r = self.rng
        return f"1{r.choice('3578')}{r.randrange(10)}{r.randrange(10_000_000, 99_999_999)}"

    def when(self, days_ago_max: int, days_ago_min: int = 0) -> datetime:
        r = self.rng
        d = self.now - timedelta(days=r.randint(days_ago_min, max(days_ago_min, days_ago_max)))
        return d.replace(hour=r.randint(8, 18), minute=r.choice((0, 15, 30, 45)))


_WALK = ("lead", "first_contact", "demo", "trial", "won")


def _stage_walk(opp_id: int, stage: str, began: datetime, today: date
                ) -> list[tuple[int, str | None, str, str, None]]:
    """The stage history of a demo deal: it walked the pipeline one stage at a time (a
    lost deal from a random stage), spending days to weeks in each, so the Pipeline's
    conversion rates and days per stage read like a real book's. Its own generator, so
    the rest of the demo book is the same whatever the walk draws."""
    rng = random.Random(opp_id * 7919)
    path = list(_WALK[: _WALK.index(stage) + 1]) if stage != "lost" else (
        list(_WALK[: rng.randint(1, 4)]) + ["lost"])
    end = datetime.combine(today, datetime.min.time()).replace(hour=17)
    step = (end - began) / max(1, len(path))
    rows: list[tuple[int, str | None, str, str, None]] = []
    at, prev = began, None
    for to in path:
        moment = min(at, end).replace(second=0, microsecond=0)
        rows.append((opp_id, prev, to, _dt(moment), None))
        at += step * rng.uniform(0.4, 1.0)
        prev = to
    return rows


def generate_demo(
    engine: Engine,
    customers: int = 200,
    seed: int = 1,
    today: date | None = None,
    interactions_per_customer: float = 10.0,
    trades_per_customer: float = 20.0,
) -> DemoStats:
    """Fill an empty (freshly created) database. Refuses a database that has customers."""
    import time

    t0 = time.perf_counter()
    today = today or date.today()
    g = _Generator(seed, today)
    r = g.rng
    horizon = 3 * 365

    buffers: dict[str, list] = {k: [] for k in BUFFERS}  # type: ignore[type-arg]
    (cust_rows, metric_ids, people_rows, fts_rows, inter_rows, ip_rows, trade_rows, task_rows,
     keydate_rows, contract_rows, complaint_rows, survey_rows, opp_rows, stage_rows) = (
        buffers[k] for k in BUFFERS)
    totals = {"people": 0, "interactions": 0, "trades": 0, "tasks": 0}
    cadence_step = max(1, customers // 40)
    person_id = inter_id = opp_id = 0
    people_of: dict[int, list[tuple[int, str]]] = {}
    weights: list[float] = []
    created = _dt(g.now)

    with engine.begin() as conn:
        if run_qmark(conn, "SELECT count(*) FROM customers").scalar_one():
            raise ValueError("the database already has customers; demo data needs an empty one")
        for cid in range(1, customers + 1):
            name, short, industry, full, initials = g.company(cid)
            weight = min(r.paretovariate(1.16), 400.0)
            weights.append(weight)
            months = r.randint(1, 120)
            start = today - timedelta(days=months * 30)
            # Activity profile: most active, some cooling, some gone quiet.
            roll = r.random()
            quiet_days = 0 if roll < 0.7 else (r.randint(95, 175) if roll < 0.87 else r.randint(190, 700))
            status = "prospect" if r.random() < 0.04 else "active"
            potential = r.choices(("high", "medium", "low"), (2, 5, 3))[0]
            credit = r.choice((None, 50_000_00, 100_000_00, 500_000_00, 2_000_000_00))
            cust_rows.append((
                cid, f"C{cid:06d}" if customers >= 1000 else f"C{cid:03d}", name, short, industry,
                r.choice(("大型", "中型", "小型", "集团")), r.choice(REGIONS), f"{r.choice(REGIONS)}市高新区{r.randint(1, 999)}号",
                None, start.isoformat(), (start - timedelta(days=r.randint(365, 7000))).isoformat(),
                r.choice(("展会", "转介绍", "行业报告", "官网咨询", "老客户")), status, potential,
                r.choice(("深化合作，争取成为首选供应商", "稳定份额，推动新品试用", "维持关系，控制服务成本")),
                r.choice(("采购部提需求，技术部评估，总经理拍板", "集团集中采购，年度招标", "老板一人决策")),
                r.choice(CONCERNS), r.choice(LATENT), credit, r.choice(OWNERS), full, initials,
                # The demo book has been kept since the cooperation began: that is the
                # customer's first record (the cadence clock starts there).
                _dt(datetime.combine(start, datetime.min.time())), created,
            ))
            metric_ids.append((cid,))
            # People: 1-5 per customer, the first one is the primary contact.
            plist: list[tuple[int, str]] = []
            boss_id = None
            for k in range(r.choices((1, 2, 3, 4, 5), (3, 4, 4, 2, 1))[0]):
                person_id += 1
                pname = g.person_name()
                title, role = TITLES[0] if k == 0 else r.choice(TITLES)
                mobile = g.phone()
                people_rows.append((
                    person_id, cid, pname, title, r.choice(DEPARTMENTS), role,
                    r.choices(("supporter", "neutral", "opponent"), (5, 4, 1))[0], r.randint(1, 5),
                    None, mobile, f"p{person_id}@example.cn", f"wx_{person_id}",
                    r.choice(("上午10点后", "下午2-4点", "工作日晚上", "周末不打扰")),
                    r.choice(("phone", "wechat", "visit", "email")), r.choice(STYLES),
                    r.choice(CONCERNS), r.choice(INTERESTS), r.choice(TABOOS),
                    boss_id if k else None, k == 0, created, created,
                ))
                if k == 0:
                    boss_id = person_id
                plist.append((person_id, pname))
                if r.random() < 0.35:
                    lunar = r.random() < 0.3
                    keydate_rows.append((
                        # No title: a birthday's words are rendered when shown, in the
                        # language in use (a stored "王总生日" would stay Chinese).
                        cid, person_id, "birthday", None, "lunar" if lunar else "solar",
                        r.randint(1, 12), r.randint(1, 28), False, None, "yearly", created, created,
                    ))
            people_of[cid] = plist
            if r.random() < 0.2:
                keydate_rows.append((cid, None, "founding", "公司成立纪念日", "solar",
                                     r.randint(1, 12), r.randint(1, 28), False, None, "yearly",
                                     created, created))
            # Search text with pinyin of company and people (components cached).
            # The same terms as kamdesk.store.search.body_for (names read as there).
            body = [cust_rows[-1][1], name, short, full, initials,
                    *search.other_terms(name, person=False)]
            for _pid, pname in plist:
                body += [pname, *g.person_forms(pname), *search.other_terms(pname, person=True)]
            body += [people_rows[-len(plist)][9]]
            fts_rows.append((cid, search.searchable_text(body)))

            # Interactions: average interactions_per_customer, more for big accounts.
            active_days = min(horizon, max(30, months * 30))
            n_inter = max(1, round(r.expovariate(1 / interactions_per_customer)))
            last_touch = quiet_days
            for k in range(n_inter):
                inter_id += 1
                # An account that is not cooling off was contacted recently: its newest
                # contact falls in the last six weeks, the rest anywhere in its history.
                when = (g.when(min(active_days, 45), 0) if k == 0 and quiet_days == 0
                        else g.when(active_days, last_touch))
                nxt = r.choice(NEXT)
                deadline = (when.date() + timedelta(days=r.randint(3, 14))).isoformat() if nxt else None
                inter_rows.append((
                    inter_id, cid, _dt(when), r.choice(CHANNELS), r.choice(TOPICS), r.choice(FEEDBACK),
                    r.choice(ISSUES) or None, nxt or None, r.choice(OWNERS), deadline,
                    r.choice((None, None, 3, 4, 4, 5, 5, 2)), created, created,
                ))
                ip_rows.append((inter_id, r.choice(plist)[0]))
                if nxt and when >= g.now - timedelta(days=21):
                    due = datetime.combine(date.fromisoformat(str(deadline)),
                                           datetime.min.time()).replace(hour=9)
                    task_rows.append((
                        nxt, None, "task", cid, None, inter_id, r.choice(OWNERS), _dt(due),
                        _dt(due - timedelta(days=1)), None, None,
                        _dt(g.now) if due < g.now and r.random() < 0.5 else None,
                        2, "interaction", None, created, created,
                    ))
            # Trades: count proportional to weight, Pareto amounts.
            if status != "prospect":
                n_trades = max(1, round(r.expovariate(1 / trades_per_customer)))
                trade_quiet = quiet_days if quiet_days < 190 else quiet_days + r.randint(0, 30)
                base = int(weight * 20_000_00)
                for _ in range(n_trades):
                    d = g.when(active_days, trade_quiet).date()
                    amount = max(100_00, int(base * r.uniform(0.05, 0.5) / max(1, n_trades / 12)))
                    trade_rows.append((cid, d.isoformat(), amount, r.choice(PRODUCTS),
                                       r.randint(1, 500), None))
            if r.random() < 0.5:
                cstart = today - timedelta(days=r.randint(30, 700))
                cend = cstart + timedelta(days=365 * r.choice((1, 1, 2, 3)))
                contract_rows.append((
                    cid, f"HT-{today.year}-{cid:06d}", f"{short}年度供货合同", cstart.isoformat(),
                    cend.isoformat(), int(weight * 100_000_00), "active" if cend >= today else "expired",
                    60, None, created, created,
                ))
            if r.random() < 0.03:
                received = g.when(60)
                respond_by = received + timedelta(hours=24)
                done = received < g.now - timedelta(days=10) and r.random() < 0.7
                complaint_rows.append((
                    cid, plist[0][0], _dt(received), r.choice(("phone", "email", "wechat")),
                    r.choice(COMPLAINT_CATS), r.choice(("low", "medium", "high", "critical")),
                    r.choice(("到货包装破损", "发票开具延迟", "质量批次异常", "售后响应慢")),
                    _dt(respond_by), _dt(received + timedelta(hours=6)) if done else None,
                    r.choice(OWNERS), "resolved" if done else "open",
                    "更换货品并补偿运费" if done else None,
                    _dt(received + timedelta(days=3)) if done else None,
                    _dt(received + timedelta(days=10)) if done else None,
                    r.choice((3, 4, 5)) if done else None, created, created,
                ))
            if r.random() < 0.3:
                survey_rows.append((cid, plist[0][0], g.when(300).date().isoformat(),
                                    r.choice((3, 4, 4, 5, 5)), r.choice((6, 7, 8, 9, 9, 10, 10, 4)),
                                    r.choice(("整体满意", "希望响应更快", "价格有竞争力", None))))
            if status == "prospect" or r.random() < 0.06:
                stage = r.choice(("lead", "first_contact", "demo", "trial", "won", "lost"))
                opp_id += 1
                opp_rows.append((opp_id, cid, f"{short}新业务机会", stage, r.choice(OWNERS),
                                 (today + timedelta(days=r.randint(-10, 60))).isoformat(),
                                 int(weight * 50_000_00), {"lead": 10, "first_contact": 20, "demo": 40,
                                                           "trial": 60, "won": 100, "lost": 0}[stage],
                                 None, None, created, created))
                began = g.when(120, 60)
                if stage != "lead":
                    g.when(50)  # drawn as before, so the rest of the book stays the same
                stage_rows.extend(_stage_walk(opp_id, stage, began, today))

            if (cid - 1) % cadence_step == 0:
                # A few open tasks due now, so Today has something to show.
                task_rows.append((f"回访 {short}", None, r.choice(("call", "visit")),
                                  cid, None, None, cust_rows[-1][19], _dt(g.when(3)),
                                  _dt(g.when(3)), None, None, None, r.randint(1, 3), "manual",
                                  None, created, created))
            if cid % CHUNK == 0 or cid == customers:
                _flush(conn, buffers, totals, today)
        _events(conn, g, customers, people_of, created)
        _plans(conn, g, weights, created)
        after_bulk_load(conn)  # it wrote ids itself
    return DemoStats(customers, totals["people"], totals["interactions"], totals["trades"],
                     totals["tasks"], time.perf_counter() - t0)


def _flush(conn, b: dict[str, list], totals: dict[str, int],  # type: ignore[type-arg,no-untyped-def]
           today: date) -> None:
    """Write the buffered rows and empty the buffers (the lists are reused in place)."""
    (cust_rows, metric_ids, people_rows, fts_rows, inter_rows, ip_rows, trade_rows, task_rows,
     keydate_rows, contract_rows, complaint_rows, survey_rows, opp_rows, stage_rows) = (
        b[k] for k in BUFFERS)

    def ex(sql: str, rows: list) -> None:  # type: ignore[type-arg]
        _ = run_qmark(conn, sql, rows) if rows else None
    ex("INSERT INTO customers (id, code, name, short_name, industry, scale, region, address, "
       "website, cooperation_start, founded_on, source, status, potential, strategy_notes, "
       "decision_process, explicit_needs, latent_needs, credit_limit_cents, owner, name_pinyin, "
       "name_initials, created_at, updated_at) VALUES "
       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", cust_rows)
    ex("INSERT INTO customer_metrics (customer_id) VALUES (?)", metric_ids)
    ex("INSERT INTO people (id, customer_id, name, title, department, decision_role, attitude, "
       "relationship_strength, phone, mobile, email, wechat, preferred_contact_time, "
       "preferred_channel, communication_style, concerns, interests, taboos, reports_to_id, "
       "is_primary, created_at, updated_at, archived) VALUES "
       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,false)", people_rows)
    ex("INSERT INTO key_dates (customer_id, person_id, kind, title, calendar, month, day, "
       "leap_month, year, recurrence, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
       keydate_rows)
    for start in range(0, len(inter_rows), 100_000):
        ex("INSERT INTO interactions (id, customer_id, occurred_at, channel, topic, feedback, "
           "issue, next_action, owner, deadline, satisfaction, created_at, updated_at) VALUES "
           "(?,?,?,?,?,?,?,?,?,?,?,?,?)", inter_rows[start:start + 100_000])
    ex("INSERT INTO interaction_people (interaction_id, person_id) VALUES (?,?)", ip_rows)
    for start in range(0, len(trade_rows), 200_000):
        ex("INSERT INTO trades (customer_id, occurred_on, amount_cents, product_line, quantity, "
           "order_no) VALUES (?,?,?,?,?,?)", trade_rows[start:start + 200_000])
    # Payments (回款): most orders are paid about a month after delivery; the last six
    # weeks are still open, and every tenth older order is late, so the receivables have
    # an age profile (deterministic: derived from the rows, no random draw).
    paid_before = (today - timedelta(days=45)).isoformat()
    orders = run_qmark(conn,
        "SELECT id, customer_id, occurred_on, amount_cents FROM trades "
        "WHERE customer_id BETWEEN ? AND ? AND occurred_on <= ? AND amount_cents > 0",
        (cust_rows[0][0], cust_rows[-1][0], paid_before)).fetchall()
    payment_rows = []
    for trade_id, cid, day, amount in orders:
        if trade_id % 10 == 0:
            continue
        paid = (date.fromisoformat(str(day)) + timedelta(days=30)).isoformat()
        payment_rows.append((cid, trade_id, paid, amount, "bank_transfer", paid, paid))
    if payment_rows:
        ex("INSERT INTO payments (customer_id, trade_id, received_on, amount_cents, method, "
           "created_at, updated_at) VALUES (?,?,?,?,?,?,?)", payment_rows)
    ex("INSERT INTO tasks (title, notes, kind, customer_id, person_id, interaction_id, owner, "
       "due_at, remind_at, snoozed_until, notified_at, done_at, priority, source, source_key, "
       "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", task_rows)
    if contract_rows:
        ex("INSERT INTO contracts (customer_id, number, title, start_on, end_on, value_cents, "
           "status, renewal_notice_days, file_path, created_at, updated_at) VALUES "
           "(?,?,?,?,?,?,?,?,?,?,?)", contract_rows)
        # Each contract's history starts with its signing, as the app records it.
        run_qmark(conn,
            "INSERT INTO contract_events (contract_id, changed_on, from_status, to_status, "
            "created_at) SELECT id, start_on, NULL, 'active', created_at FROM contracts "
            "WHERE number IN (" + ",".join("?" * len(contract_rows)) + ")",
            tuple(row[1] for row in contract_rows))
    if complaint_rows:
        ex("INSERT INTO complaints (customer_id, person_id, received_at, channel, category, "
           "severity, description, response_deadline, responded_at, owner, status, resolution, "
           "resolved_at, follow_up_at, satisfaction_after, created_at, updated_at) VALUES "
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", complaint_rows)
    if survey_rows:
        ex("INSERT INTO survey_responses (customer_id, person_id, responded_on, csat, nps, "
           "comment) VALUES (?,?,?,?,?,?)", survey_rows)
    if opp_rows:
        ex("INSERT INTO opportunities (id, customer_id, title, stage, owner, stage_target_date, "
           "expected_value_cents, probability, lost_reason, notes, created_at, updated_at) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", opp_rows)
        ex("INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, "
           "changed_at, note) VALUES (?,?,?,?,?)", stage_rows)
    search.backend(conn).replace_rows(conn, fts_rows)  # nothing when there are none
    totals["people"] += len(people_rows)
    totals["interactions"] += len(inter_rows)
    totals["trades"] += len(trade_rows)
    totals["tasks"] += len(task_rows)
    for rows in b.values():
        rows.clear()


def _events(conn, g: _Generator, customers: int, people_of, created: str) -> None:  # type: ignore[no-untyped-def]
    r = g.rng
    n_events = min(12, max(2, customers // 20))
    for eid in range(1, n_events + 1):
        name, kind = EVENT_NAMES[(eid - 1) % len(EVENT_NAMES)]
        held = g.when(400, 5).date() if eid % 4 else g.today + timedelta(days=r.randint(3, 40))
        invited = r.sample(range(1, customers + 1), min(customers, r.randint(10, 30)))
        past = held < g.today
        rows = []
        for cid in invited:
            attended = past and r.random() < 0.8
            rows.append((eid, cid, people_of[cid][0][0], True, attended,
                         r.choice((3, 4, 4, 5, 5)) if attended else None, None))
        att = [x for x in rows if x[4]]
        sat = round(sum(int(x[5] or 0) for x in att) / len(att), 1) if att else None
        run_qmark(conn,
            "INSERT INTO events (id, name, held_on, kind, location, target_participants, "
            "actual_participants, satisfaction, improvements, follow_up_plan, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (eid, f"{held.year}{name}", held.isoformat(), kind, r.choice(REGIONS) + "会展中心",
             int(len(invited) * 1.1), len(att) if past else None, sat,
             "增加互动环节时长" if past else None,
             "收集客户需求，针对性推送解决方案" if past else None, created, created))
        run_qmark(conn,
            "INSERT INTO event_attendance (event_id, customer_id, person_id, invited, attended, "
            "satisfaction, feedback) VALUES (?,?,?,?,?,?,?)", rows)


def _plans(conn, g: _Generator, weights: list[float], created: str) -> None:  # type: ignore[no-untyped-def]
    r = g.rng
    top = sorted(range(len(weights)), key=lambda i: (-weights[i], i))[: min(5, len(weights))]
    period = str(g.today.year + 1)
    for rank, idx in enumerate(top, start=1):
        cid = idx + 1
        run_qmark(conn,
            "INSERT INTO account_plans (id, customer_id, period, owner, status, situation_summary, "
            "strengths, weaknesses, swot_opportunities, threats, strategies, opportunities, "
            "resources_needed, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rank, cid, period, OWNERS[rank % len(OWNERS)], "draft", "合作稳定，份额有提升空间",
             "交付稳定\n技术支持响应快", "价格竞争力一般", "客户扩产带来新需求", "竞争对手低价进入",
             "专属客户经理\n季度高层互访\n定制化解决方案", "新产线配套\n年度框架协议",
             "技术支持工程师 2 人天/月", created, created))
        for pos, (metric, base, target) in enumerate((
            ("年度销售额（万元）", "120", "150"), ("客户满意度（CSAT）", "4.1", "4.5"),
            ("新品试用线数", "0", "2"))):
            run_qmark(conn,
                "INSERT INTO plan_objectives (plan_id, position, metric, baseline, target, due, status)"
                " VALUES (?,?,?,?,?,?,?)",
                (rank, pos, metric, base, target, date(g.today.year + 1, 12, 31).isoformat(), "open"))
        for pos in range(r.randint(4, 8)):
            run_qmark(conn,
                "INSERT INTO plan_actions (plan_id, position, action, owner, due, status) "
                "VALUES (?,?,?,?,?,?)",
                (rank, pos, r.choice(NEXT[:-1]), r.choice(OWNERS),
                 (g.today + timedelta(days=30 * (pos + 1))).isoformat(), "open"))
        run_qmark(conn,
            "INSERT INTO plan_risks (plan_id, position, risk, kind, level, mitigation) "
            "VALUES (?,?,?,?,?,?)",
            (rank, 0, "仅与采购总监单线联系", "single_contact", "medium", "建立与技术部、总经理的多线联系"))
