"""Splitting a person's name into family and given name, as address books want it.

A phone's contacts sort and greet by the family name (vCard ``N``), so putting the
whole name there (what the old export did) files every contact under its full name.
Chinese names carry the surname first — one character, or one of the compound
surnames (欧阳, 司马, 诸葛 …) when the name is long enough to leave a given name;
transliterated names (约翰·史密斯) and Western names (John Smith) carry it last.
Pure text, no I/O: the vCard writer and reader share it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["COMPOUND_SURNAMES", "has_cjk", "split_name", "join_name", "normalize_name"]

#: Two-character surnames (复姓) still in use; checked before the single-character rule.
COMPOUND_SURNAMES = frozenset("""
欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 西门 南宫 独孤
端木 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 仲孙 闻人 万俟 呼延 赫连 钟离 闾丘 东郭 百里
梁丘 左丘 第五 司空 司寇 拓跋 完颜 乐正 壤驷 公良 漆雕 巫马 公西 颛孙 羊舌 微生 亓官
鲜于 段干 呼衍 谷梁 宰父 夹谷 公羊 东门 哥舒 叱干 纳兰 爱新
""".split())

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_SPACE_BETWEEN_CJK = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a display name; a one-part name is all family."""
    name = " ".join(name.split())
    if not name:
        return "", ""
    for dot in ("·", "•", "・"):  # 约翰·史密斯, 阿里木·买买提: the family name comes last
        if dot in name:
            given, _, family = name.rpartition(dot)
            return family.strip(), given.strip()
    if has_cjk(name):
        if " " in name:  # "王 小明" was typed with the split already
            family, _, given = name.partition(" ")
            return family, given
        if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
            return name[:2], name[2:]
        if len(name) == 1:
            return name, ""
        return name[0], name[1:]
    if "," in name:  # "Smith, John" (a directory's order)
        family, _, given = name.partition(",")
        return family.strip(), given.strip()
    parts = name.split(" ")
    if len(parts) == 1:
        return name, ""
    return parts[-1], " ".join(parts[:-1])


def join_name(family: str, given: str, middle: str = "") -> str:
    """The display name from vCard ``N`` parts: Chinese order without spaces when
    the name is Chinese, "given middle family" otherwise."""
    family, given, middle = family.strip(), given.strip(), middle.strip()
    if has_cjk(family + given + middle):
        return normalize_name(family + middle + given)
    return " ".join(p for p in (given, middle, family) if p)


def normalize_name(name: str) -> str:
    """One spelling of a name for comparing: full-width folded, spaces collapsed and
    dropped between Chinese characters ("张 三" is 张三)."""
    text = unicodedata.normalize("NFKC", name)
    text = " ".join(text.split())
    return _SPACE_BETWEEN_CJK.sub("", text)
