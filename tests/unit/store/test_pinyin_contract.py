"""pypinyin's dictionaries as kamdesk.store.pinyin reads them (not through its API).

If one of these fails after a pypinyin upgrade, the dictionary layout changed: adapt
``kamdesk.store.pinyin._tables`` and the version range in pyproject.toml together.
"""

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict


def test_pinyin_dict_maps_code_points_to_comma_separated_toned_readings():
    assert isinstance(pinyin_dict, dict) and len(pinyin_dict) > 20_000, \
        "pypinyin.pinyin_dict.pinyin_dict is no longer a large dict"
    code, readings = next(iter(pinyin_dict.items()))
    assert isinstance(code, int) and isinstance(readings, str), \
        f"pinyin_dict entries are no longer int -> str: {code!r}: {readings!r}"
    assert pinyin_dict[ord("单")].split(",")[:3] == ["dān", "chán", "shàn"], \
        "pinyin_dict readings are no longer 'toned,toned' with the common reading first"
    assert pinyin_dict[ord("中")].split(",")[0] == "zhōng"


def test_phrases_dict_maps_phrases_to_one_reading_list_per_character():
    assert isinstance(phrases_dict, dict) and len(phrases_dict) > 10_000, \
        "pypinyin.phrases_dict.phrases_dict is no longer a large dict"
    assert phrases_dict["重庆"] == [["chóng"], ["qìng"]], \
        "phrases_dict values are no longer [[toned reading], …] one list per character"
    assert all(isinstance(r, list) and r and isinstance(r[0], str)
               for r in phrases_dict["银行"])
