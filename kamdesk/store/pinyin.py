"""Pinyin forms of Chinese names for search (typing ``zgyd`` or ``zhongguo`` finds 中国移动).

pypinyin's own API costs ~0.5 ms a name, which would make importing 100k customers
take almost a minute. Names need no sentence segmentation, so we read pypinyin's two
dictionaries directly: greedy longest match against its phrase dictionary (so
重庆 is chongqing and 银行 is yinhang) and the first reading of single characters
otherwise — about 10 µs a name. The dictionaries (~0.3 s to load) are loaded on
first use, never on the start-up path.
"""

from __future__ import annotations

from functools import lru_cache

_TONES = str.maketrans({
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ü": "v", "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m", "ê": "e",
})
_MAX_PHRASE = 4


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]], frozenset[str]]:
    """(first reading of each character, phrases whose reading differs from their
    characters' first readings, the two-character starts of those phrases).

    Keeping only the phrases that change something makes the common case — a
    character pair that starts no such phrase — a single set lookup.
    """
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    first = {chr(code): _plain(readings.split(",", 1)[0])
             for code, readings in pinyin_dict.items()}
    polyphonic = {chr(code) for code, readings in pinyin_dict.items() if "," in readings}
    special: dict[str, tuple[str, ...]] = {}
    for phrase, readings in phrases_dict.items():
        if not 2 <= len(phrase) <= _MAX_PHRASE or len(readings) != len(phrase):
            continue
        if polyphonic.isdisjoint(phrase):  # every character has one reading: nothing to fix
            continue
        plain = tuple(_plain(r[0]) for r in readings)
        if plain != tuple(first.get(ch, "") for ch in phrase):
            special[phrase] = plain
    return first, special, frozenset(p[:2] for p in special)


def _plain(syllable: str) -> str:
    return syllable.translate(_TONES)


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002fa1f" for ch in text)


def syllables(text: str) -> tuple[str, ...]:
    """Toneless syllables for the Chinese characters in ``text``; other runs
    (Latin words, digits) are kept as single lower-case items."""
    first, special, starts = _tables()
    out: list[str] = []
    i, n = 0, len(text)
    latin = ""
    while i < n:
        ch = text[i]
        reading = first.get(ch)
        if reading is None:
            if ch.isalnum():
                latin += ch.lower()
            elif latin:
                out.append(latin)
                latin = ""
            i += 1
            continue
        if latin:
            out.append(latin)
            latin = ""
        if text[i:i + 2] in starts:
            for size in range(min(_MAX_PHRASE, n - i), 1, -1):
                phrase = special.get(text[i:i + size])
                if phrase is not None:
                    out.extend(phrase)
                    i += size
                    break
            else:
                out.append(reading)
                i += 1
        else:
            out.append(reading)
            i += 1
    if latin:
        out.append(latin)
    return tuple(out)


def pinyin_forms(text: str | None) -> tuple[str, str]:
    """(full pinyin without spaces, initials), both lower case; empty for non-Chinese."""
    if not text or not has_han(text):
        return "", ""
    parts = syllables(text)
    return "".join(parts), "".join(p[0] for p in parts if p)
