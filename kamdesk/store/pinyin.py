"""Pinyin forms of Chinese names for search (typing ``zgyd`` or ``zhongguo`` finds 中国移动).

pypinyin's own API costs ~0.5 ms a name, which would make importing 100k customers
take almost a minute. Names need no sentence segmentation, so we read pypinyin's two
dictionaries directly: greedy longest match against its phrase dictionary (so
重庆 is chongqing and 银行 is yinhang), corrected by our own small phrase table
(:data:`kamdesk.domain.name_readings.PHRASE_READINGS`: 长治, 支行, 朝阳…), and the
first reading of single characters otherwise — about 10 µs a name. A person's name
reads its surname with the surname reading (曾 zeng, 单 shan: :func:`person_syllables`).
:func:`other_forms` gives a bounded few other readings of polyphonic characters, so
the search index finds 单文华 typed as dwh as well as swh.

The dictionaries (~0.3 s to load) are loaded on first use, never on the start-up path.
Their layout is what this module relies on (``pinyin_dict``: code point -> "tóng,tòng";
``phrases_dict``: phrase -> [[reading], …]); pyproject.toml pins the pypinyin versions
checked and ``tests/unit/store/test_pinyin_contract.py`` fails clearly if it changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from typing import NamedTuple

from kamdesk.domain.name_readings import (
    COMPOUND_SURNAMES,
    PHRASE_READINGS,
    SINGLE_SURNAMES,
    surname_reading,
)

_TONES = str.maketrans({
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ü": "v", "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m", "ê": "e",
})
_MAX_PHRASE = 4


#: the most other readings of one character the search index keeps (in dictionary order)
MAX_READINGS_PER_CHAR = 3
#: the most other (full, initials) forms one name adds to the search index
MAX_OTHER_FORMS = 4


class Tables(NamedTuple):
    """What the reader needs from the dictionaries, shaped for speed."""

    first: dict[str, str]  #: each character's first (most common) reading
    special: dict[str, tuple[str, ...]]  #: phrases not read by their first readings
    starts: frozenset[str]  #: the two-character starts of ``special``
    readings: dict[str, tuple[str, ...]]  #: polyphonic characters' distinct readings


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """Read pypinyin's dictionaries once.

    Keeping only the phrases that change something makes the common case — a
    character pair that starts no such phrase — a single set lookup.
    """
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    first: dict[str, str] = {}
    listed: dict[str, tuple[str, ...]] = {}
    for code, toned in pinyin_dict.items():
        distinct = tuple(dict.fromkeys(_plain(r) for r in toned.split(",")))
        first[chr(code)] = distinct[0]
        if len(distinct) > 1:
            listed[chr(code)] = distinct
    # A character's other reading counts only where some word uses it (单 shan in
    # 单县, 曾 zeng in 曾祖): the character dictionary also lists archaic readings
    # (明 meng, 王 yu) nobody types, which would only make searches find more noise.
    used: set[tuple[str, str]] = set()
    special: dict[str, tuple[str, ...]] = {}
    for phrase, phrase_readings in phrases_dict.items():
        if len(phrase_readings) != len(phrase) or listed.keys().isdisjoint(phrase):
            continue  # every character has one reading: nothing to fix or learn
        plain = tuple(_plain(r[0]) for r in phrase_readings)
        used.update(zip(phrase, plain, strict=True))
        if 2 <= len(phrase) <= _MAX_PHRASE and plain != tuple(first.get(ch, "") for ch in phrase):
            special[phrase] = plain
    special.update(PHRASE_READINGS)  # ours win, whether the dictionary lacks or misreads
    for word, reading in [*PHRASE_READINGS.items(), *COMPOUND_SURNAMES.items(),
                          *SINGLE_SURNAMES.items()]:
        used.update(zip(word, reading if isinstance(reading, tuple) else (reading,), strict=True))
    readings: dict[str, tuple[str, ...]] = {}
    for ch, distinct in listed.items():
        attested = tuple(r for i, r in enumerate(distinct) if not i or (ch, r) in used)
        if len(attested) > 1:
            readings[ch] = attested[:MAX_READINGS_PER_CHAR]
    return Tables(first, special, frozenset(p[:2] for p in special), readings)


def _plain(syllable: str) -> str:
    return syllable.translate(_TONES)


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002fa1f" for ch in text)


def _scan(text: str, sources: list[str] | None = None) -> list[str]:
    """Toneless syllables of ``text``; with ``sources``, also the character each
    syllable reads ("" for a Latin or digit run, which is kept as one lower-case item)."""
    first, special, starts, _ = _tables()
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
                if sources is not None:
                    sources.append("")
            i += 1
            continue
        if latin:
            out.append(latin)
            latin = ""
            if sources is not None:
                sources.append("")
        if text[i:i + 2] in starts:
            for size in range(min(_MAX_PHRASE, n - i), 1, -1):
                phrase = special.get(text[i:i + size])
                if phrase is not None:
                    out.extend(phrase)
                    if sources is not None:
                        sources.extend(text[i:i + size])
                    i += size
                    break
            else:
                out.append(reading)
                if sources is not None:
                    sources.append(ch)
                i += 1
        else:
            out.append(reading)
            if sources is not None:
                sources.append(ch)
            i += 1
    if latin:
        out.append(latin)
        if sources is not None:
            sources.append("")
    return out


def syllables(text: str) -> tuple[str, ...]:
    """Toneless syllables for the Chinese characters in ``text``; other runs
    (Latin words, digits) are kept as single lower-case items."""
    return tuple(_scan(text))


def _person_scan(name: str, sources: list[str] | None = None) -> list[str]:
    name = name.strip()
    size, surname = surname_reading(name)
    if not size:
        return _scan(name, sources)
    if sources is not None:
        sources.extend(name[:size])
    return [*surname, *_scan(name[size:], sources)]


def person_syllables(name: str) -> tuple[str, ...]:
    """Like :func:`syllables`, reading a leading surname as a surname (单 shan)."""
    return tuple(_person_scan(name))


def _forms(parts: list[str] | tuple[str, ...]) -> tuple[str, str]:
    return "".join(parts), "".join(p[0] for p in parts if p)


#: (stored forms: full pinyin and initials, the other readings a search finds it by)
Readings = tuple[tuple[str, str], tuple[str, ...]]


#: readings worked out ahead, by (text, read as a person's name): see known_readings
_known: dict[tuple[str, bool], Readings] = {}


@contextmanager
def known_readings(readings: Mapping[tuple[str, bool], Readings]) -> Iterator[None]:
    """Within the block, names in ``readings`` are not read again: the importer has them
    read in a second process (:mod:`kamdesk.store.readings_pool`) while it checks the
    rows. A reading depends on the text alone, so a hit is exactly what reading the
    name here would give; the entries are dropped when the block ends."""
    _known.update(readings)
    try:
        yield
    finally:
        for key in readings:
            _known.pop(key, None)


def pinyin_forms(text: str | None) -> tuple[str, str]:
    """(full pinyin without spaces, initials), both lower case; empty for non-Chinese.
    For any text but a person's name (companies, short names)."""
    if not text or not has_han(text):
        return "", ""
    hit = _known.get((text, False))
    return hit[0] if hit is not None else _forms(_scan(text))


def person_name_forms(name: str | None) -> tuple[str, str]:
    """:func:`pinyin_forms` of a person's name, its surname read as a surname."""
    if not name or not has_han(name):
        return "", ""
    hit = _known.get((name, True))
    return hit[0] if hit is not None else _forms(_person_scan(name))


def other_forms(text: str | None, person: bool = False,
                limit: int = MAX_OTHER_FORMS) -> tuple[tuple[str, str], ...]:
    """Up to ``limit`` other (full, initials) forms a user may type for ``text``: first
    every character by its most common reading (单文华 as danwenhua, what a naive
    reader types), then each polyphonic character in turn by its other readings
    (earlier characters first: a search is typed from the start). The form
    :func:`pinyin_forms` / :func:`person_name_forms` gives is never repeated."""
    if not text or not has_han(text):
        return ()
    sources: list[str] = []
    primary = _person_scan(text, sources) if person else _scan(text, sources)
    return _others(primary, sources, limit)[0]


def name_readings(text: str | None, person: bool = False) -> Readings:
    """(:func:`pinyin_forms` or :func:`person_name_forms`, :func:`other_search_terms`)
    of ``text`` from one reading of it: what the importer stores and indexes for each
    of 100k names, where reading every name twice was a tenth of the import."""
    if not text or not has_han(text):
        return ("", ""), ()
    hit = _known.get((text, person))
    if hit is not None:
        return hit
    sources: list[str] = []
    primary = _person_scan(text, sources) if person else _scan(text, sources)
    forms, naive_first = _others(primary, sources, MAX_OTHER_FORMS)
    return _forms(primary), _terms(forms, naive_first, person)


def other_search_terms(text: str | None, person: bool = False) -> tuple[str, ...]:
    """The other readings of ``text`` a search finds it by (see :func:`_terms`)."""
    return name_readings(text, person)[1]


def _terms(forms: tuple[tuple[str, str], ...], naive_first: bool,
           person: bool) -> tuple[str, ...]:
    """A person's other readings in full and as initials (单文华: danwenhua, dwh — names
    are short and typed whole); a company's other readings as initials only, except
    the naive one (every character by its most common reading), which is also kept in
    full: the full variants of a long company name were over a third of its search
    text, and the naive reading is the one a user who guesses types."""
    if person:
        return tuple(term for pair in forms for term in pair)
    out: dict[str, None] = {}
    for i, (full, initials) in enumerate(forms):
        if i == 0 and naive_first:
            out[full] = None
        out[initials] = None
    return tuple(out)


def _others(primary: list[str], sources: list[str], limit: int
            ) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The other forms (see :func:`other_forms`), and whether the first is the naive
    reading. Candidates are made one at a time and only until ``limit`` are found."""
    t = _tables()
    naive = [t.first[c] if c else s for s, c in zip(primary, sources, strict=True)]
    if naive == primary and t.readings.keys().isdisjoint(sources):
        return (), False  # the common case: one reading, already indexed

    def candidates() -> Iterator[list[str]]:
        yield naive
        for i, ch in enumerate(sources):
            for reading in t.readings.get(ch, ()):
                if reading != primary[i]:
                    yield [*primary[:i], reading, *primary[i + 1:]]

    seen = {"".join(primary)}
    out: list[tuple[str, str]] = []
    for parts in candidates():
        forms = _forms(parts)
        if forms[0] not in seen:
            seen.add(forms[0])
            out.append(forms)
            if len(out) >= limit:
                break
    return tuple(out), bool(out) and out[0][0] == "".join(naive)
