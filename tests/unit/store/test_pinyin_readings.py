"""Names read right: surnames, place names and business words, other readings."""

import random
import time

import pytest

from kamdesk.domain.name_readings import COMPOUND_SURNAMES, PHRASE_READINGS, SINGLE_SURNAMES
from kamdesk.store.pinyin import other_forms, person_name_forms, pinyin_forms

SURNAMES = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
            "翟": "zhai", "覃": "qin", "阚": "kan", "乐": "yue", "朴": "piao", "盖": "ge",
            "尉迟": "yuchi", "万俟": "moqi", "缪": "miao", "句": "gou", "召": "shao",
            "员": "yun", "黑": "he", "种": "chong", "繁": "po", "隗": "wei", "秘": "bi",
            "折": "she", "欧阳": "ouyang", "长孙": "zhangsun", "单于": "chanyu"}

WORDS = {"朝阳": "chaoyang", "长治": "changzhi", "长沙": "changsha", "单县": "shanxian",
         "支行": "zhihang", "银行": "yinhang", "重庆": "chongqing", "厦门": "xiamen",
         "蚌埠": "bengbu", "六安": "luan", "番禺": "panyu", "乐清": "yueqing",
         "行业": "hangye", "总行": "zonghang", "长宁": "changning", "六合": "luhe",
         "涡阳": "guoyang", "朝阳区建设银行长治支行": "chaoyangqujiansheyinhangchangzhizhihang",
         "电器行": "dianqihang", "车行道": "chexingdao", "长春": "changchun"}


@pytest.mark.parametrize("surname,reading", SURNAMES.items())
def test_a_person_reads_the_surname_as_a_surname(surname, reading):
    full, initials = person_name_forms(surname + "文华")
    assert full == reading + "wenhua"
    assert initials == "".join(  # compound surnames give two initials
        s[0] for s in (COMPOUND_SURNAMES.get(surname) or (reading,))) + "wh"


def test_a_company_name_is_not_read_as_a_surname():
    assert pinyin_forms("曾记食品")[0].startswith("ceng")  # read as 曾 in 曾经, not zeng
    assert pinyin_forms("单文华")[0] == "danwenhua"
    assert person_name_forms("  单文华 ")[0] == "shanwenhua"
    assert person_name_forms("John Smith") == ("", "")


@pytest.mark.parametrize("word,reading", WORDS.items())
def test_place_names_and_business_words(word, reading):
    assert pinyin_forms(word)[0] == reading


def test_the_tables_hold_one_syllable_per_character():
    for word, reading in [*PHRASE_READINGS.items(), *COMPOUND_SURNAMES.items()]:
        assert len(word) == len(reading), word
    assert all(len(s) == 1 and r.isascii() and r.isalpha() for s, r in SINGLE_SURNAMES.items())


def test_other_readings_are_bounded_and_hold_the_common_reading():
    assert ("danwenhua", "dwh") in other_forms("单文华", person=True)
    assert ("cengguofan", "cgf") in other_forms("曾国藩", person=True)
    assert ("shanwenhua", "swh") in other_forms("单文华")  # the company reading's other
    assert other_forms("李明") == () == other_forms("王伟")  # no other reading in use
    assert other_forms("黑旋风", person=True) == (("heixuanfeng", "hxf"),)
    many = other_forms("长乐重庆朝阳单县银行行长", limit=4)
    assert len(many) == 4 and len(set(many)) == 4
    assert pinyin_forms("长乐重庆朝阳单县银行行长") not in many


def _names(count, seed):
    r = random.Random(seed)
    surnames = [*"王李张刘陈杨黄赵吴周曾单解仇区查翟覃阚乐朴", "欧阳", "尉迟", "诸葛"]
    given = "伟芳娜敏静丽强磊军洋勇艳杰长行乐重朝华文明"
    return [r.choice(surnames) + "".join(r.choice(given) for _ in range(r.randint(1, 2)))
            for _ in range(count)]


def test_the_reader_stays_fast():
    names = _names(20_000, 3)
    person_name_forms(names[0])
    start = time.perf_counter()
    for name in names:
        person_name_forms(name)
        other_forms(name, person=True)
    per_name = (time.perf_counter() - start) / len(names)
    assert per_name < 100e-6, f"{per_name * 1e6:.1f} µs a name"  # ~10 µs on a laptop


def test_a_company_is_indexed_by_its_naive_reading_in_full_and_other_initials():
    from kamdesk.store.pinyin import name_readings, other_search_terms

    terms = other_search_terms("单县食品厂")
    assert terms[0] == "danxianshipinchang"  # every character by its common reading
    assert {"dxspc", "sxspc", "cxspc"} <= set(terms)
    assert "shanxiansipinchang" not in terms  # other full variants: initials only
    # a person's other readings stay whole (names are short and typed in full)
    assert other_search_terms("单文华", person=True)[:2] == ("danwenhua", "dwh")
    # one reading of the name gives both what is stored and what is indexed
    assert name_readings("单县食品厂") == (pinyin_forms("单县食品厂"), terms)
    assert name_readings("李明", person=True) == (person_name_forms("李明"), ())
