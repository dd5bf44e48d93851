"""How Chinese names are read aloud where a dictionary's first reading is wrong.

Two small tables of facts, used by :mod:`kamdesk.store.pinyin` when it builds the pinyin
a user types to search:

- :data:`SURNAME_READINGS`: a surname's reading differs from the character's common
  one (曾 is zeng as a surname, ceng in 曾经; 单 is shan, not dan). Only a person's name
  starts with a surname, so only people's names are read with this table, never
  company names (单县食品厂 is not Mr Shan's factory — although 单县 reads shan too,
  see below). Compound surnames are looked up first (尉迟 yuchi before 尉 wei).
- :data:`PHRASE_READINGS`: place names and business words pypinyin's phrase dictionary
  reads wrongly or lacks (长治 changzhi, 支行 zhihang, 朝阳 chaoyang), and a few it
  gets right whose wrong reading would be costly (银行, 重庆), which pins them against a
  change of dictionary. ``tests/unit/store/test_pinyin_readings.py`` checks them all.

Readings are toneless, lower case, one syllable per character.
"""

from __future__ import annotations

#: compound (two-character) surnames; each reads as written here
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"),
    "令狐": ("ling", "hu"), "慕容": ("mu", "rong"), "宇文": ("yu", "wen"),
    "公孙": ("gong", "sun"), "夏侯": ("xia", "hou"), "司徒": ("si", "tu"),
    "司空": ("si", "kong"), "独孤": ("du", "gu"), "澹台": ("tan", "tai"),
    "公冶": ("gong", "ye"), "宗政": ("zong", "zheng"), "濮阳": ("pu", "yang"),
    "淳于": ("chun", "yu"), "单于": ("chan", "yu"), "太叔": ("tai", "shu"),
    "申屠": ("shen", "tu"), "轩辕": ("xuan", "yuan"), "钟离": ("zhong", "li"),
    "闻人": ("wen", "ren"), "赫连": ("he", "lian"), "呼延": ("hu", "yan"),
    "端木": ("duan", "mu"), "南宫": ("nan", "gong"), "西门": ("xi", "men"),
    "百里": ("bai", "li"), "东郭": ("dong", "guo"), "拓跋": ("tuo", "ba"),
    "乐正": ("yue", "zheng"), "仲孙": ("zhong", "sun"), "亓官": ("qi", "guan"),
    "羊舌": ("yang", "she"), "公羊": ("gong", "yang"), "梁丘": ("liang", "qiu"),
    "左丘": ("zuo", "qiu"), "第五": ("di", "wu"), "谷梁": ("gu", "liang"),
    "段干": ("duan", "gan"), "巫马": ("wu", "ma"), "漆雕": ("qi", "diao"),
    "哥舒": ("ge", "shu"),
}

#: single-character surnames whose surname reading is not the character's first reading
SINGLE_SURNAMES: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha",
    "査": "zha", "翟": "zhai", "覃": "qin", "阚": "kan", "乐": "yue", "朴": "piao",
    "盖": "ge", "蓋": "ge", "缪": "miao", "句": "gou", "召": "shao", "员": "yun",
    # 黑 as a surname is given as he in the lists of surname readings; the common hei
    # stays searchable as one of the other readings the search index keeps.
    "黑": "he", "种": "chong", "繁": "po", "隗": "wei", "秘": "bi", "折": "she",
    "长": "chang", "重": "chong", "藏": "zang", "薄": "bo", "燕": "yan", "殷": "yin",
    "逄": "pang", "叶": "ye", "石": "shi", "都": "du", "能": "nai", "佴": "nai",
    "祭": "zhai", "么": "yao", "粘": "nian", "那": "na", "尉": "wei", "沈": "shen",
    "任": "ren", "訾": "zi", "宿": "su", "车": "che", "贾": "jia", "褚": "chu",
}

#: words pypinyin's phrase dictionary reads wrongly or lacks (checked against 0.5x)
PHRASE_READINGS: dict[str, tuple[str, ...]] = {
    # places
    "朝阳": ("chao", "yang"), "长治": ("chang", "zhi"), "单县": ("shan", "xian"),
    "长宁": ("chang", "ning"), "涡阳": ("guo", "yang"), "六合": ("lu", "he"),
    "长沙": ("chang", "sha"), "长春": ("chang", "chun"), "长安": ("chang", "an"),
    "长兴": ("chang", "xing"), "长乐": ("chang", "le"), "长汀": ("chang", "ting"),
    "乐清": ("yue", "qing"), "乐亭": ("lao", "ting"), "六安": ("lu", "an"),
    "番禺": ("pan", "yu"), "蚌埠": ("beng", "bu"), "厦门": ("xia", "men"),
    "重庆": ("chong", "qing"), "东莞": ("dong", "guan"), "莘县": ("shen", "xian"),
    "铅山": ("yan", "shan"), "歙县": ("she", "xian"), "丽水": ("li", "shui"),
    "台州": ("tai", "zhou"), "蔚县": ("yu", "xian"), "大厦": ("da", "sha"),
    # banking and business words
    "支行": ("zhi", "hang"), "总行": ("zong", "hang"), "分行": ("fen", "hang"),
    "银行": ("yin", "hang"), "行业": ("hang", "ye"), "行长": ("hang", "zhang"),
    "车行道": ("che", "xing", "dao"), "电器行": ("dian", "qi", "hang"),
    "商行": ("shang", "hang"), "车行": ("che", "hang"), "琴行": ("qin", "hang"),
    "重工": ("zhong", "gong"), "会计": ("kuai", "ji"), "调研": ("diao", "yan"),
}


def surname_reading(name: str) -> tuple[int, tuple[str, ...]]:
    """(characters the surname takes, its reading) when ``name`` starts with a surname
    whose reading the tables know; (0, ()) otherwise. Compound surnames first."""
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound is not None:
        return 2, compound
    single = SINGLE_SURNAMES.get(name[:1])
    if single is not None:
        return 1, (single,)
    return 0, ()
