"""Which column means what: one synonym table per kind of sheet, and header names
normalised so the many ways real sheets head a column find the same meaning.

A heading is compared after NFKC (full-width letters and brackets become ASCII),
lower case, no spaces; a unit in it (``年度贡献值（万元）``, ``销售额/万元``,
``合作时长(月)``) is split off and kept as the column's unit, and a bracketed
explanation (``客户类型(价值/活跃度)``) does not stop a match. A joined two-row header
(``联系方式/手机``, see :mod:`kamdesk.io.sheets.header`) is matched by its lower part
only, so the group name of a merged header never claims a column of its own.

The meanings keep the field names the importers already use (``name``, ``phone``,
``contribution`` …); they are internal and never shown — :data:`MEANING_LABELS` has
the words for users.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kamdesk.domain.money import FEN_PER_WAN, FEN_PER_YUAN

__all__ = ["AMOUNT_NAMES", "CONTACT_COLUMNS", "CUSTOMER_COLUMNS", "EVENT_COLUMNS", "KIND_COLUMNS",
           "MEANING_LABELS", "ORDER_COLUMNS", "HeaderName", "header_name", "kind_scores",
           "match_meanings", "meaning_label", "meaning_of", "normal_key"]

CUSTOMER_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("客户id", "客户编号", "客户代码", "编号", "code", "customerid", "customercode", "id"),
    "name": ("客户名称", "公司名称", "企业名称", "客户全称", "名称", "name", "customername",
             "company", "companyname", "customer"),
    "short_name": ("简称", "客户简称", "shortname"),
    "industry": ("行业属性", "行业", "所属行业", "industry"),
    "months": ("合作时长", "合作月数", "months", "monthsofcooperation"),
    "cooperation_start": ("合作开始", "合作开始日期", "合作开始时间", "首次合作",
                          "cooperationstart", "since"),
    "contribution": ("年度贡献值", "年度贡献", "贡献值", "年贡献", "annualcontribution",
                     "contribution", "revenue"),
    "type": ("客户类型", "客户分类", "类型", "type", "tier", "customertype"),
    "contact": ("关键联系人", "联系人", "keycontact", "contact", "contactperson"),
    "phone": ("联系方式", "电话", "手机", "手机号", "联系电话", "phone", "mobile", "tel"),
    "need": ("核心需求", "需求", "coreneed", "needs"),
    "last_interaction": ("最近互动时间", "最近互动", "最近联系", "最近联系时间", "lastcontact",
                         "lastinteraction"),
    "owner": ("负责人", "客户经理", "owner", "accountmanager"),
    "region": ("区域", "地区", "region"),
    "potential": ("潜力", "potential"),
}
CONTACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("客户id", "客户编号", "客户代码", "code", "customerid", "customercode"),
    "when": ("沟通时间", "时间", "日期", "沟通日期", "when", "date", "datetime"),
    "channel": ("沟通方式", "方式", "渠道", "channel"),
    "topic": ("沟通主题", "主题", "topic", "subject"),
    "feedback": ("客户反馈", "反馈", "feedback"),
    "issue": ("问题记录", "问题", "issue"),
    "next_action": ("后续行动", "下一步", "nextaction"),
    "owner": ("负责人", "owner"),
    "deadline": ("完成时限", "截止日期", "deadline", "due"),
}
EVENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("活动名称", "名称", "name", "event", "eventname"),
    "date": ("活动时间", "活动日期", "日期", "date"),
    "participants": ("参与客户数量", "参与人数", "参与客户数", "participants"),
    "target_reached": ("目标达成情况", "targetreached"),
    "satisfaction": ("客户反馈", "满意度", "satisfaction"),
    "improvements": ("改进方向", "improvements"),
    "follow_up": ("后续跟进计划", "跟进计划", "followup", "followupplan"),
}
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("客户id", "客户编号", "客户代码", "code", "customercode", "customerid"),
    "customer": ("客户名称", "客户", "公司名称", "customer", "customername"),
    "date": ("日期", "下单日期", "订单日期", "交易日期", "成交日期", "销售日期", "date",
             "orderdate"),
    "product_line": ("产品线", "产品", "产品类别", "productline", "product"),
    "quantity": ("数量", "quantity", "qty"),
    "invoice_no": ("发票号", "发票号码", "发票编号", "invoice", "invoiceno", "invoicenumber"),
    "order_no": ("订单号", "订单编号", "orderno", "ordernumber"),
    "kind": ("类型", "单据类型", "订单类型", "kind", "type"),
    "notes": ("备注", "notes", "note", "remarks"),
}
#: headings of an orders sheet's amount column, before the unit
AMOUNT_NAMES = ("金额", "订单金额", "销售额", "销售金额", "交易金额", "成交金额", "含税金额",
                "amount", "orderamount", "sales", "value")

KIND_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "customers": CUSTOMER_COLUMNS, "contacts": CONTACT_COLUMNS, "events": EVENT_COLUMNS,
    "orders": {**ORDER_COLUMNS, "amount": AMOUNT_NAMES},
}

#: meaning -> (English, Chinese) words for users; meanings absent here use the first alias
MEANING_LABELS: dict[str, tuple[str, str]] = {
    "code": ("Customer ID", "客户ID"), "name": ("Name", "名称"),
    "short_name": ("Short name", "简称"), "industry": ("Industry", "行业"),
    "months": ("Months of cooperation", "合作时长"),
    "cooperation_start": ("Cooperation start", "合作开始日期"),
    "contribution": ("Annual contribution", "年度贡献值"), "type": ("Customer type", "客户类型"),
    "contact": ("Key contact", "关键联系人"), "phone": ("Phone", "联系方式"),
    "need": ("Core need", "核心需求"), "last_interaction": ("Last contact", "最近互动时间"),
    "owner": ("Owner", "负责人"), "region": ("Region", "区域"), "potential": ("Potential", "潜力"),
    "when": ("Time", "沟通时间"), "channel": ("Channel", "沟通方式"),
    "topic": ("Topic", "沟通主题"),
    "feedback": ("Feedback", "客户反馈"), "issue": ("Issue", "问题记录"),
    "next_action": ("Next action", "后续行动"), "deadline": ("Deadline", "完成时限"),
    "date": ("Date", "日期"), "participants": ("Participants", "参与客户数量"),
    "target_reached": ("Target reached", "目标达成情况"),
    "satisfaction": ("Satisfaction", "满意度"),
    "improvements": ("Improvements", "改进方向"), "follow_up": ("Follow-up plan", "后续跟进计划"),
    "customer": ("Customer", "客户名称"), "product_line": ("Product line", "产品线"),
    "quantity": ("Quantity", "数量"), "invoice_no": ("Invoice no.", "发票号"),
    "order_no": ("Order no.", "订单号"), "kind": ("Kind", "类型"), "notes": ("Notes", "备注"),
    "amount": ("Amount", "金额"),
}

_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})
#: a unit at the end of a heading: in brackets, after a slash, or glued on
_UNIT = re.compile(r"^(?P<base>.+?)(?:\((?P<b>[^()]*)\)"
                   r"|[/\\_-](?P<s>万元|元|万|千元|k|yuan|rmb|cny|月|个月|%))$")
_MONEY_UNITS = {"万元": FEN_PER_WAN, "万": FEN_PER_WAN, "元": FEN_PER_YUAN, "yuan": FEN_PER_YUAN,
                "rmb": FEN_PER_YUAN, "cny": FEN_PER_YUAN, "¥": FEN_PER_YUAN, "人民币": FEN_PER_YUAN,
                "千元": 1000 * FEN_PER_YUAN, "k": 1000 * FEN_PER_YUAN,
                # English headings for 万元 (KAMDesk's own English export writes the first)
                "10kcny": FEN_PER_WAN, "10kyuan": FEN_PER_WAN, "10krmb": FEN_PER_WAN,
                "万人民币": FEN_PER_WAN}
_OTHER_UNITS = {"月", "个月", "%", "天", "人", "次", "分"}


def normal_key(text: str) -> str:
    """A heading as compared: NFKC, lower case, ASCII brackets, no spaces."""
    t = unicodedata.normalize("NFKC", str(text or "")).translate(_BRACKETS)
    return _SPACES.sub("", t).strip().lower()


@dataclass(frozen=True)
class HeaderName:
    """One column's heading: as written, its comparable forms and its unit."""

    text: str                      # as the file heads it ("联系方式/手机" when joined)
    key: str                       # normal_key(text)
    base: str                      # key without its unit / bracketed explanation
    unit: str | None = None        # '万元', '元', '月', … as written in the heading
    parts: tuple[str, ...] = ()    # the rows of a joined header, top first

    @property
    def unit_fen(self) -> int | None:
        """What one unit of a bare number in this column is worth in fen (money units)."""
        return _MONEY_UNITS.get(self.unit or "")


def header_name(text: object, parts: tuple[str, ...] = ()) -> HeaderName:
    raw = "" if text is None else str(text).strip()
    key = normal_key(raw)
    if key.startswith("(") and key.endswith(")") and key.count("(") == 1:
        key = key[1:-1]  # 【联系电话】
    base, unit = key, None
    m = _UNIT.match(key)
    if m:
        inner = m.group("b")
        if inner is not None:
            base = m.group("base")
            unit = inner if inner in _MONEY_UNITS or inner in _OTHER_UNITS else None
        else:
            base, unit = m.group("base"), m.group("s")
    else:
        for suffix in ("万元", "(元)"):
            if key.endswith(suffix) and len(key) > len(suffix):
                base, unit = key[: -len(suffix)], suffix.strip("()")
                break
    return HeaderName(raw, key, base.strip("/-_"), unit, tuple(parts))


def _alias_rank(spec: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    ranks: dict[str, tuple[str, int]] = {}
    for meaning, aliases in spec.items():
        for rank, alias in enumerate(aliases):
            ranks.setdefault(header_name(alias).base, (meaning, rank))
            ranks.setdefault(normal_key(alias), (meaning, rank))
    return ranks


_RANKS = {id(spec): _alias_rank(spec) for spec in KIND_COLUMNS.values()}


def _ranks(spec: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    found = _RANKS.get(id(spec))
    if found is None:
        found = _RANKS[id(spec)] = _alias_rank(spec)
    return found


def meaning_of(name: HeaderName | str, spec: dict[str, tuple[str, ...]]
               ) -> tuple[str, int] | None:
    """(meaning, alias rank) of one heading under ``spec``; None when it means nothing.
    A joined header is read by its lowest part; a one-cell "a/b" heading by its parts."""
    h = name if isinstance(name, HeaderName) else header_name(name)
    ranks = _ranks(spec)
    if len(h.parts) > 1:
        return meaning_of(header_name(h.parts[-1]), spec)
    for candidate in (h.key, h.base):
        if candidate in ranks:
            return ranks[candidate]
    if "/" in h.base:
        for piece in (h.base.rsplit("/", 1)[-1], h.base.split("/", 1)[0]):
            if piece in ranks:
                return ranks[piece]
    return None


def match_meanings(names: list[HeaderName], spec: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """meaning -> column index: for each meaning the column whose heading is its
    earliest alias (leftmost on a tie); a column serves one meaning only."""
    best: dict[str, tuple[int, int]] = {}
    for index, name in enumerate(names):
        found = meaning_of(name, spec)
        if found is None:
            continue
        meaning, rank = found
        if meaning not in best or (rank, index) < best[meaning]:
            best[meaning] = (rank, index)
    return {m: i for m, (_rank, i) in sorted(best.items(), key=lambda kv: kv[1][1])}


def kind_scores(names: list[HeaderName]) -> dict[str, int]:
    """How many meanings of each kind the headings carry."""
    return {kind: len(match_meanings(names, spec)) for kind, spec in KIND_COLUMNS.items()}


def meaning_label(meaning: str, lang: str = "zh_CN") -> str:
    en, zh = MEANING_LABELS.get(meaning, (meaning, meaning))
    return zh if lang.startswith("zh") else en
