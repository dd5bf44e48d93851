"""Generated task titles are rendered from a code and facts, in the language asked for."""

from __future__ import annotations

from kamdesk.domain.key_date_text import occurrence_title
from kamdesk.domain.task_titles import (
    CADENCE, KEY_DATE, RENEWAL, plain_title, render_notes, render_title,
)

BIRTHDAY = {"kind": "birthday", "typed_title": None, "person": "王总", "company": "华星",
            "years": None, "tier": "A"}
RENEWAL_FACTS = {"contract": "供货合同", "number": "HT-1", "company": "华星",
                 "end": "2026-12-31", "notice_days": 30}


def test_key_date_titles_in_both_languages():
    assert render_title(KEY_DATE, BIRTHDAY, "en") == "Birthday: 王总 · 华星"
    assert render_title(KEY_DATE, BIRTHDAY, "zh_CN") == "王总生日 · 华星"
    coop = {**BIRTHDAY, "kind": "anniversary", "person": None, "years": 3}
    assert render_title(KEY_DATE, coop, "en") == "3rd cooperation anniversary · 华星"
    assert render_title(KEY_DATE, coop, "zh-Hans") == "合作3周年 · 华星"
    typed = {**BIRTHDAY, "kind": "custom", "typed_title": "华星新厂投产"}
    assert render_title(KEY_DATE, typed, "en") == "华星新厂投产"  # the company is in it


def test_key_date_notes_carry_the_tier_greeting():
    en, zh = render_notes(KEY_DATE, BIRTHDAY, "en"), render_notes(KEY_DATE, BIRTHDAY, "zh_CN")
    assert en and "Suggested greeting:" in en and "gift" in en
    assert zh and "建议祝福语：" in zh and "王总，生日快乐！" in zh
    tier_c = render_notes(KEY_DATE, {**BIRTHDAY, "tier": None}, "en")
    assert tier_c and "A short message is enough." in tier_c


def test_renewal_and_cadence():
    assert render_title(RENEWAL, RENEWAL_FACTS, "en") == "Prepare renewal: 供货合同 (HT-1) · 华星"
    assert render_title(RENEWAL, RENEWAL_FACTS, "zh_CN") == "准备续签：供货合同（HT-1） · 华星"
    assert "2026-12-31" in (render_notes(RENEWAL, RENEWAL_FACTS, "zh_CN") or "")
    touch = {"action": "win_back", "company": "远航物流"}
    assert render_title(CADENCE, touch, "en") == "Win-back call: 远航物流"
    assert render_title(CADENCE, touch, "zh_CN") == "沉默客户回访: 远航物流"
    assert render_title(CADENCE, {"action": None, "company": "远航物流"}, "en") == "远航物流"
    assert render_notes(CADENCE, touch, "en", "typed note") == "typed note"


def test_typed_titles_and_unknown_codes_are_returned_as_stored():
    assert render_title(None, None, "zh_CN", "Send the quote") == "Send the quote"
    assert render_notes(None, None, "zh_CN", "my notes") == "my notes"
    assert render_title("from_a_newer_build", {"x": 1}, "en", "stored") == "stored"
    assert render_title(RENEWAL, {"contract": object()}, "en", "stored").startswith("Prepare")


def test_plain_title_holds_facts_in_no_language():
    assert plain_title(KEY_DATE, BIRTHDAY) == "王总 · 华星"
    assert plain_title(RENEWAL, RENEWAL_FACTS) == "供货合同 (HT-1) · 华星"
    assert plain_title(CADENCE, {"action": "contact", "company": "远航物流"}) == "远航物流"


def test_occurrence_titles_without_a_person():
    assert occurrence_title("founding", "en", who="华星", years=None) == "Founding day"
    assert occurrence_title("founding", "zh_CN", who="华星", years=25) == "成立25周年"
    assert occurrence_title("custom", "zh_CN", who="华星", years=None) == "重要日期"
