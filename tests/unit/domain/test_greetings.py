"""Greeting drafts: tiering of care, both languages, festival etiquette."""

from __future__ import annotations

import itertools

import pytest

from kamdesk.domain.festivals import FESTIVALS
from kamdesk.domain.greetings import suggest_greeting, suggested_action

KINDS = ("birthday", "anniversary", "founding", "festival", "custom")


def _greet(kind: str, tier: str, lang: str, **kw: object) -> str:
    args: dict[str, object] = {
        "person_name": "王总" if lang == "zh_CN" else "Mr Wang",
        "company": "华星科技" if lang == "zh_CN" else "Huaxing Tech",
        "festival_key": "mid_autumn" if kind == "festival" else None,
        "years": 5 if kind in ("anniversary", "founding") else None,
    }
    args.update(kw)
    return suggest_greeting(kind, tier, lang, **args)  # type: ignore[arg-type]


def test_mid_autumn_zh() -> None:
    text = _greet("festival", "B", "zh_CN")
    assert text.startswith("王总，中秋快乐！")
    assert "随时联系我" in text


@pytest.mark.parametrize(("kind", "lang"), list(itertools.product(KINDS, ("zh_CN", "en"))))
def test_tier_a_offers_personal_contact_and_c_is_shortest(kind: str, lang: str) -> None:
    a, b, c = (_greet(kind, tier, lang) for tier in "ABC")
    assert len(a) > len(b) > len(c)
    if lang == "zh_CN":
        assert "登门" in a or "送过去" in a
        assert "登门" not in c
    else:
        assert "in person" in a
        assert "in person" not in c


@pytest.mark.parametrize(("key", "lang"), list(itertools.product(FESTIVALS, ("zh_CN", "en"))))
def test_every_festival_has_text(key: str, lang: str) -> None:
    for tier in "ABC":
        text = _greet("festival", tier, lang, festival_key=key)
        assert "{" not in text and "}" not in text


def test_festival_etiquette() -> None:
    assert "清明快乐" not in _greet("festival", "C", "zh_CN", festival_key="qingming")
    assert "端午安康" in _greet("festival", "C", "zh_CN", festival_key="dragon_boat")
    assert "月饼" in _greet("festival", "A", "zh_CN", festival_key="mid_autumn")
    assert "华星科技新的一年蒸蒸日上" in _greet(
        "festival", "B", "zh_CN", festival_key="spring_festival"
    )


def test_years_and_ordinals() -> None:
    assert "合作5周年" in _greet("anniversary", "C", "zh_CN")
    assert "成立5周年" in _greet("founding", "C", "zh_CN")
    assert "1st anniversary" in _greet("anniversary", "C", "en", years=1)
    assert "12th anniversary" in _greet("anniversary", "C", "en", years=12)
    assert "23rd anniversary" in _greet("founding", "C", "en", years=23)
    no_years = _greet("anniversary", "B", "zh_CN", years=None)
    assert "None" not in no_years and "合作周年" in no_years


def test_without_person_name() -> None:
    assert _greet("festival", "C", "zh_CN", person_name=None).startswith("尊敬的华星科技团队：")
    assert _greet("festival", "C", "en", person_name=None).startswith("Dear Huaxing Tech team,")
    assert _greet("birthday", "C", "zh_CN", person_name=None).startswith("您好，生日快乐")
    assert _greet("custom", "C", "zh_CN", person_name=None, company="") == "您好！祝您工作顺利。"


def test_english_is_english() -> None:
    text = _greet("birthday", "A", "en")
    assert text.startswith("Dear Mr Wang, happy birthday!")
    assert all(ord(ch) < 128 for ch in text)


@pytest.mark.parametrize(
    "kw",
    [
        {"kind": "festival", "festival_key": None},
        {"kind": "festival", "festival_key": "halloween"},
        {"kind": "wedding"},
        {"tier": "D"},
        {"lang": "fr"},
        {"kind": "anniversary", "years": 0},
    ],
)
def test_rejects_bad_arguments(kw: dict[str, object]) -> None:
    args: dict[str, object] = {
        "kind": "birthday",
        "tier": "A",
        "lang": "zh_CN",
        "person_name": "王总",
        "company": "华星科技",
        "festival_key": None,
        "years": None,
    }
    args.update(kw)
    with pytest.raises(ValueError):
        suggest_greeting(**args)  # type: ignore[arg-type]


def test_suggested_action() -> None:
    assert "登门拜访" in suggested_action("A", "zh_CN")
    assert "in person" in suggested_action("A", "en")
    assert suggested_action("C", "zh_CN") != suggested_action("A", "zh_CN")
    with pytest.raises(ValueError):
        suggested_action("X", "en")  # type: ignore[arg-type]
