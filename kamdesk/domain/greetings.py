"""Draft greetings for key dates and festivals (个性化关怀).

The method differentiates care by tier: a tier-A (high-value) customer gets a warm
message in which the manager offers to call or visit with a small gift; tier B a
greeting with thanks and an open door; tier C a short greeting. The text is a draft
the manager edits before sending, so it stays plain and unsigned; ``suggested_action``
gives the manager the matching to-do.

``person_name`` is the form of address the manager actually uses ('王总', '李经理',
'Mr Wang'): Chinese business etiquette varies too much to derive a title from a name.
Without one, the message addresses the company's team.
"""

from __future__ import annotations

from typing import Literal

from kamdesk.domain.festivals import FESTIVALS
from kamdesk.domain.vocab import is_zh

GreetingKind = Literal["birthday", "anniversary", "founding", "festival", "custom"]
Tier = Literal["A", "B", "C"]
Lang = Literal["en", "zh_CN"]

_KINDS = ("birthday", "anniversary", "founding", "festival", "custom")

# Per festival: (headline, wish, short wish) — 清明 is a day of remembrance and 端午 is
# traditionally wished 安康, so neither gets a "happy …".
_FESTIVAL_ZH: dict[str, tuple[str, str, str]] = {
    "new_year": (
        "元旦快乐！",
        "新年新气象，祝您在新的一年里身体健康、事业顺遂。",
        "祝您新年顺遂！",
    ),
    "lunar_new_years_eve": (
        "除夕快乐！",
        "辞旧迎新之际，祝您和家人阖家团圆、新年大吉。",
        "祝您阖家团圆！",
    ),
    "spring_festival": (
        "新春快乐！",
        "祝您和家人新春大吉、阖家幸福，{company}新的一年蒸蒸日上！",
        "祝您新春大吉！",
    ),
    "lantern": ("元宵节快乐！", "祝您和家人团团圆圆、万事顺心。", "祝您团圆美满！"),
    "qingming": ("清明安康。", "春和景明，祝您和家人平安顺遂。", "祝您平安顺遂。"),
    "dragon_boat": ("端午安康！", "祝您和家人身体健康、诸事顺利。", "祝您诸事顺利！"),
    "mid_autumn": ("中秋快乐！", "花好月圆，祝您和家人团圆美满、幸福安康。", "祝您阖家团圆！"),
    "national_day": ("国庆快乐！", "祝您假期愉快、阖家欢乐。", "祝您假期愉快！"),
}
_FESTIVAL_EN: dict[str, tuple[str, str, str]] = {
    "new_year": (
        "Happy New Year!",
        "May the new year bring you good health and success.",
        "All the best for the new year.",
    ),
    "lunar_new_years_eve": (
        "Happy Lunar New Year's Eve!",
        "May you and your family enjoy a joyful reunion tonight and a prosperous new year.",
        "Wishing you a joyful reunion.",
    ),
    "spring_festival": (
        "Happy Spring Festival!",
        "Wishing you and your family health and happiness, and {company} a prosperous new year.",
        "Wishing you a prosperous new year.",
    ),
    "lantern": (
        "Happy Lantern Festival!",
        "Wishing you and your family a happy reunion and every success.",
        "Wishing you a happy reunion.",
    ),
    "qingming": (
        "Thinking of you at Qingming.",
        "Wishing you and your family peace and good health this spring.",
        "Wishing you peace and good health.",
    ),
    "dragon_boat": (
        "Best wishes for the Dragon Boat Festival!",
        "Wishing you and your family good health and every success.",
        "Wishing you good health.",
    ),
    "mid_autumn": (
        "Happy Mid-Autumn Festival!",
        "May the full moon bring you and your family reunion and happiness.",
        "Wishing you a happy reunion.",
    ),
    "national_day": (
        "Happy National Day!",
        "Enjoy the holiday with your family.",
        "Enjoy the holiday.",
    ),
}

# What the tier-A message offers; a gift only where the custom has one (月饼, 粽子, 年礼).
_FESTIVAL_GIFT_ZH: dict[str, str] = {
    "spring_festival": "我备了一份新春心意，想近期给您送过去，当面拜个年",
    "lunar_new_years_eve": "节后我想登门给您拜个年，当面送上一份新春心意",
    "mid_autumn": "我给您备了一盒月饼，想近期给您送过去，顺便当面问候",
    "dragon_boat": "我给您备了一些粽子，想近期给您送过去，顺便当面问候",
    "new_year": "我备了一份新年心意，想近期登门拜访，当面送上祝福",
}
_FESTIVAL_GIFT_EN: dict[str, str] = {
    "spring_festival": "I have a small New Year gift for you and would love to drop it off "
    "in person",
    "lunar_new_years_eve": "after the holiday I would love to visit and bring you a small "
    "New Year gift",
    "mid_autumn": "I have a box of mooncakes for you and would love to drop it off in person",
    "dragon_boat": "I have some zongzi for you and would love to drop them off in person",
    "new_year": "I have a small New Year gift for you and would love to drop it off in person",
}
_DEFAULT_VISIT_ZH = "节后我想登门拜访，当面问候"
_DEFAULT_VISIT_EN = "after the holiday I would love to visit you in person"

_ASK_ZH = "不知您哪天方便？"
_ASK_EN = "Would any day next week suit you?"
_THANKS_ZH = "感谢您一直以来对我们工作的信任与支持。"
_THANKS_EN = "Thank you for your trust and support."
_OPEN_DOOR_ZH = "如有任何需要，随时联系我。"
_OPEN_DOOR_EN = "If there is anything I can do for you, just let me know."


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _validate(kind: str, tier: str, lang: str, festival_key: str | None, years: int | None) -> None:
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}; got {kind!r}")
    if tier not in ("A", "B", "C"):
        raise ValueError(f"tier must be 'A', 'B' or 'C'; got {tier!r}")
    if not (is_zh(lang) or lang.lower().startswith("en")):
        raise ValueError(f"lang must be 'en' or 'zh_CN'; got {lang!r}")
    if kind == "festival":
        if festival_key is None:
            raise ValueError("a festival greeting needs festival_key")
        if festival_key not in FESTIVALS:
            raise ValueError(
                f"unknown festival_key {festival_key!r}; known: {', '.join(FESTIVALS)}"
            )
    if years is not None and years < 1:
        raise ValueError(f"years must be at least 1, got {years}")


def suggest_greeting(
    kind: GreetingKind,
    tier: Tier,
    lang: Lang,
    person_name: str | None,
    company: str,
    festival_key: str | None = None,
    years: int | None = None,
) -> str:
    """A draft message for the manager to send; see the module docstring for tiers."""
    _validate(kind, tier, lang, festival_key, years)
    name = (person_name or "").strip() or None
    company = company.strip()
    if is_zh(lang):
        return _zh(kind, tier, name, company, festival_key, years)
    return _en(kind, tier, name, company, festival_key, years)


def _zh(
    kind: str, tier: str, name: str | None, company: str, key: str | None, years: int | None
) -> str:
    if name:
        hello = f"{name}，"
    elif kind == "birthday" or not company:
        hello = "您好，"  # a birthday belongs to a person, never to "the team"
    else:
        hello = f"尊敬的{company}团队："
    if kind == "birthday":
        head = "生日快乐！"
        if tier == "A":
            return (
                f"{hello}{head}在这个特别的日子里，祝您身体健康、工作顺利、阖家幸福！"
                f"{_THANKS_ZH}我准备了一份小礼物，想近期登门当面送上祝福，{_ASK_ZH}"
            )
        if tier == "B":
            return f"{hello}{head}祝您身体健康、万事顺意！{_THANKS_ZH}{_OPEN_DOOR_ZH}"
        return f"{hello}{head}祝您万事顺意！"
    if kind == "anniversary":
        what = f"与{company}合作{years}周年" if years else f"与{company}的合作周年纪念日"
        since = f"{years}年来" if years else "一路走来"
        if tier == "A":
            return (
                f"{hello}今天是我们{what}。{since}承蒙您和{company}的信任与支持，"
                f"我们一起走过了许多重要的时刻。我们会继续全力做好服务，与{company}共同成长。"
                f"我想近期登门拜访，当面致谢，也听听您对下一步合作的想法，{_ASK_ZH}"
            )
        if tier == "B":
            return (
                f"{hello}今天是我们{what}。感谢一路以来的信任与支持，期待继续携手共进！"
                f"{_OPEN_DOOR_ZH}"
            )
        return f"{hello}今天是我们{what}，感谢您的信任与支持！"
    if kind == "founding":
        what = f"{company}成立{years}周年" if years else f"{company}司庆"
        if tier == "A":
            return (
                f"{hello}欣闻{what}，谨致以热烈的祝贺！祝{company}事业兴旺、再创佳绩。"
                f"我想近期登门当面道贺，并送上一份薄礼，{_ASK_ZH}"
            )
        if tier == "B":
            return f"{hello}热烈祝贺{what}！祝贵公司事业蒸蒸日上，期待与贵公司继续合作共赢。"
        return f"{hello}祝贺{what}，祝事业兴旺！"
    if kind == "festival":
        assert key is not None
        head, wish, short = (part.format(company=company or "贵公司") for part in _FESTIVAL_ZH[key])
        if tier == "A":
            offer = _FESTIVAL_GIFT_ZH.get(key, _DEFAULT_VISIT_ZH)
            return f"{hello}{head}{wish}{_THANKS_ZH}{offer}，{_ASK_ZH}"
        if tier == "B":
            return f"{hello}{head}{wish}{_THANKS_ZH}{_OPEN_DOOR_ZH}"
        return f"{hello}{head}{short}"
    # custom: a touch point without an occasion (维系关系)
    opening = hello + "您好！" if hello != "您好，" else "您好！"
    if tier == "A":
        target = company or "您"
        return (
            f"{opening}近来一切可好？{_THANKS_ZH}我想近期登门拜访，当面听听您的想法，"
            f"看看我们还能为{target}多做些什么，{_ASK_ZH}"
        )
    if tier == "B":
        return f"{opening}{_THANKS_ZH}{_OPEN_DOOR_ZH}"
    return f"{opening}祝您工作顺利。"


def _en(
    kind: str, tier: str, name: str | None, company: str, key: str | None, years: int | None
) -> str:
    if name:
        hello = f"Dear {name},"
    elif kind == "birthday" or not company:
        hello = "Hello,"
    else:
        hello = f"Dear {company} team,"
    if kind == "birthday":
        if tier == "A":
            return (
                f"{hello} happy birthday! On this special day I wish you good health, success "
                f"and happiness with your family. {_THANKS_EN} I have a small gift for you and "
                f"would love to bring it by in person. {_ASK_EN}"
            )
        if tier == "B":
            return (
                f"{hello} happy birthday! Wishing you good health and every success. "
                f"{_THANKS_EN} {_OPEN_DOOR_EN}"
            )
        return f"{hello} happy birthday and all the best!"
    if kind == "anniversary":
        what = (
            f"the {_ordinal(years)} anniversary of our partnership with {company}"
            if years
            else f"the anniversary of our partnership with {company}"
        )
        if tier == "A":
            since = f"Over these {years} years" if years and years > 1 else "This past year"
            return (
                f"{hello} today marks {what}. {since} your trust has carried us through many "
                f"milestones, and we will keep doing our best to grow together with {company}. "
                f"I would love to visit, thank you in person and hear your thoughts on our next "
                f"steps. {_ASK_EN}"
            )
        if tier == "B":
            return (
                f"{hello} today marks {what}. Thank you for your trust and support; we look "
                f"forward to many more years together. {_OPEN_DOOR_EN}"
            )
        return f"{hello} today marks {what}. Thank you for your trust!"
    if kind == "founding":
        what = (
            f"the {_ordinal(years)} anniversary of {company}'s founding"
            if years
            else f"{company}'s founding anniversary"
        )
        if tier == "A":
            return (
                f"{hello} warmest congratulations on {what}! Wishing {company} continued "
                f"growth and success. I would love to congratulate you in person and bring a "
                f"small gift. {_ASK_EN}"
            )
        if tier == "B":
            return (
                f"{hello} congratulations on {what}! Wishing {company} continued success; "
                f"we look forward to growing together."
            )
        return f"{hello} congratulations on {what}!"
    if kind == "festival":
        assert key is not None
        head, wish, short = (
            part.format(company=company or "your company") for part in _FESTIVAL_EN[key]
        )
        head = head[0].lower() + head[1:]  # it follows "Dear …,"
        if tier == "A":
            offer = _FESTIVAL_GIFT_EN.get(key, _DEFAULT_VISIT_EN)
            return f"{hello} {head} {wish} {_THANKS_EN} {offer[0].upper()}{offer[1:]}. {_ASK_EN}"
        if tier == "B":
            return f"{hello} {head} {wish} {_THANKS_EN} {_OPEN_DOOR_EN}"
        return f"{hello} {head} {short}"
    if tier == "A":
        target = company or "you"
        return (
            f"{hello} I hope all is well. {_THANKS_EN} I would love to visit you in person, hear "
            f"your thoughts and see what more we can do for {target}. {_ASK_EN}"
        )
    if tier == "B":
        return f"{hello} I hope all is well. {_THANKS_EN} {_OPEN_DOOR_EN}"
    return f"{hello} I hope all is well!"


_ACTIONS_ZH: dict[str, str] = {
    "A": "建议亲自致电或登门拜访，并准备一份得体的礼品（留意客户档案中的偏好与忌讳）。",
    "B": "建议发送个性化祝福消息，可附电子贺卡。",
    "C": "发送简短祝福消息即可。",
}
_ACTIONS_EN: dict[str, str] = {
    "A": "Call or visit in person and bring a suitable gift (check the profile's preferences "
    "and taboos).",
    "B": "Send a personalised message, perhaps with an e-card.",
    "C": "A short message is enough.",
}


def suggested_action(tier: Tier, lang: Lang) -> str:
    """The manager-facing to-do that goes with a greeting for this tier."""
    if tier not in ("A", "B", "C"):
        raise ValueError(f"tier must be 'A', 'B' or 'C'; got {tier!r}")
    return (_ACTIONS_ZH if is_zh(lang) else _ACTIONS_EN)[tier]
