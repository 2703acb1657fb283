"""Khmer romanisation, and the match of a Khmer person's name with its English form.

No offline package romanises Khmer (khmer-nltk segments words, no more), so the letters are read
with a table after the UNGEGN system (``data/lexicons/romanize_km.json``): a syllable is an onset
consonant (with its subscripts), a vowel sign or the consonant's inherent vowel, and a final
consonant. The result is a reading aid, close to how Cambodian names are spelt in English news
("ជា វ៉ាន់ដេត" -> ``chea vandet``, "ហ៊ុន ម៉ាណែត" -> ``hun manaet``), not a standard transliteration.

:func:`same_person` compares such a reading with a Latin-script name by consonant skeleton and
similarity; :func:`merge_people` is the linker's hook that unites a Khmer (or Lao) person with the
same person named in Latin letters in other articles.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Protocol

from kg.linking.romanize import latin_words, romanize_words
from kg.mentions.lexicons import load_json

_COENG = "\u17d2"
_TO_FIRST, _TO_SECOND = "\u17c9", "\u17ca"  # ៉ and ៊: register shifters
_SIGNS = re.compile("[\u17b6-\u17c5\u17c6-\u17c8\u17cb-\u17d1\u17d3\u17dd]")
_KHMER = re.compile("[\u1780-\u17ff]")
#: a romanised name's similarity to the Latin form, beyond an equal consonant skeleton
MIN_RATIO = 0.7


@dataclass(frozen=True)
class _Table:
    consonants: dict[str, tuple[str, int]]
    final: dict[str, str]
    inherent: tuple[str, str]
    vowels: tuple[tuple[str, tuple[str, str]], ...]  # longest first
    independent: dict[str, str]


@functools.cache
def _table() -> _Table:
    raw = load_json("romanize_km.json")
    return _Table(
        consonants={k: (v[0], int(v[1])) for k, v in raw["consonants"].items()},
        final=dict(raw["final"]),
        inherent=(raw["inherent"][0], raw["inherent"][1]),
        vowels=tuple(sorted(((k, (v[0], v[1])) for k, v in raw["vowels"].items()), key=lambda p: -len(p[0]))),
        independent=dict(raw["independent"]),
    )


def _syllables(word: str, table: _Table) -> list[tuple[str, int, str, str]]:
    """Read a word as (onset letters, series, vowel sign, final consonant) syllables."""
    out: list[list] = []  # [onset, series, vowel, final]
    i = 0
    while i < len(word):
        ch = word[i]
        if ch in table.independent:
            out.append(["", 1, "=" + table.independent[ch], ""])
            i += 1
            continue
        if ch not in table.consonants:
            i += 1
            continue
        onset, series = table.consonants[ch]
        j = i + 1
        while j + 1 < len(word) and word[j] == _COENG and word[j + 1] in table.consonants:
            sub, sub_series = table.consonants[word[j + 1]]
            onset += sub
            if not table.consonants[ch][0]:
                series = sub_series
            j += 2
        marks = ""
        while j < len(word) and (_SIGNS.match(word, j) or word[j] in (_TO_FIRST, _TO_SECOND)):
            if word[j] == _TO_FIRST:
                series = 1
            elif word[j] == _TO_SECOND:
                series = 2
            else:
                marks += word[j]
            j += 1
        vowel = "".join(c for c in marks if c not in "\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17d3\u17dd")
        last = out[-1] if out else None
        next_has_vowel = j < len(word) and word[j] in table.consonants and _has_vowel(word, j, table)
        at_end = j >= len(word)
        if not vowel and last is not None and not last[3] and last[2] and (at_end or next_has_vowel or "\u17cb" in marks):
            last[3] = table.final.get(ch, onset)  # a final consonant of the syllable before ("សុខ": so-k)
        elif not vowel and last is not None and not last[3] and not last[2] and at_end:
            last[3] = table.final.get(ch, onset)  # "សម": sam, the last consonant after an inherent vowel
        else:
            out.append([onset, series, vowel, ""])
        i = j
    return [(o, s, v, f) for o, s, v, f in out]


def _has_vowel(word: str, i: int, table: _Table) -> bool:
    j = i + 1
    while j + 1 < len(word) and word[j] == _COENG:
        j += 2
    while j < len(word) and word[j] in (_TO_FIRST, _TO_SECOND):
        j += 1
    return j < len(word) and bool(_SIGNS.match(word, j)) and word[j] not in "\u17cb\u17cd"


def _vowel(sign: str, series: int, table: _Table) -> str:
    if not sign:
        return table.inherent[series - 1]
    out = ""
    k = 0
    while k < len(sign):
        for key, values in table.vowels:
            if sign.startswith(key, k):
                out += values[series - 1]
                k += len(key)
                break
        else:
            k += 1
    return out


def romanize_word(word: str) -> str:
    """One Khmer word in Latin letters (lower case)."""
    table = _table()
    parts = []
    for onset, series, vowel, final in _syllables(unicodedata.normalize("NFC", word), table):
        if vowel.startswith("="):
            parts.append(vowel[1:] + final)
            continue
        parts.append(onset + _vowel(vowel, series, table) + final)
    return "".join(parts)


def romanize(text: str) -> str | None:
    """Return Khmer ``text`` in lower-case Latin letters, word by word; ``None`` when it holds no Khmer.

    >>> romanize("ជា វ៉ាន់ដេត")
    'chea vandet'
    """
    return romanize_words(text, _KHMER, romanize_word)


# --- names across scripts --------------------------------------------------------------------
_DIGRAPHS = (("chh", "c"), ("ch", "c"), ("kh", "k"), ("th", "t"), ("ph", "p"), ("nh", "n"), ("ng", "n"), ("sh", "s"))
_SAME = str.maketrans({"j": "c", "g": "k", "q": "k", "d": "t", "b": "p", "w": "v", "z": "s", "x": "s", "f": "p"})


def skeleton(name: str) -> str:
    """The consonants of a romanised name: doubled letters, digraphs and voicing folded, vowels and a
    final ``v`` after a vowel dropped (``Vandeth`` and ``vandet`` -> ``vntt``, ``Keo`` and ``kaev`` -> ``k``)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if c.isascii() and c.isalpha())
    text = re.sub(r"(.)\1+", r"\1", text)
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = re.sub("(?<=[aeiouy])v$", "", text.translate(_SAME))
    return text[:1].strip("aeiouy") + re.sub("[aeiouyh]", "", text[1:])


def same_person(romanized: str, latin: str) -> bool:
    """Whether a romanised Khmer (or Lao) name and a Latin-script name are one person's.

    Both must have two or more parts; the family names (first words) must have one consonant
    skeleton, the given names (the rest, joined: "Iv Tek" ~ "ivtek") too, and the whole readings
    must be alike (:data:`MIN_RATIO`).
    """
    a, b = romanized.split(), [w.casefold() for w in latin_words(latin)]
    if len(a) < 2 or len(b) < 2:
        return False
    if skeleton(a[0]) != skeleton(b[0]) or not skeleton(a[0]):
        return False
    given_a, given_b = "".join(a[1:]), "".join(b[1:])
    if skeleton(given_a) != skeleton(given_b) or len(skeleton(given_a)) < 1:
        return False
    return SequenceMatcher(None, "".join(a), "".join(b)).ratio() >= MIN_RATIO


class _Cluster(Protocol):
    mentions: list
    key: str | None
    cls: str


def merge_people(
    clusters: Sequence[_Cluster],
    union: Callable[[int, int], None],
    surface: Callable[[object], str],
) -> None:
    """Unite person clusters whose names are one name in two scripts.

    A person named in Khmer (or Lao, where a romaniser exists) with two or more name parts is united
    with a person named in Latin letters (English, Vietnamese, or Latin text inside any article) whose
    name :func:`same_person` matches the romanised one; two native-script spellings of one name
    ("ត្រាំ អ៉ីវតឹក", "ត្រាំ អ៉ឺវតឹក") meet the same way, through their readings.

    Args:
        clusters: The linker's clusters (``mentions``, ``key``, ``cls``).
        union: Unites two clusters by index.
        surface: A mention's name without honorifics and titles.
    """
    from kg.linking.romanize import romanize as romanize_any

    native: list[tuple[int, str]] = []
    latin: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(clusters):
        if c.cls != "Person" or c.key:
            continue
        for m in c.mentions:
            name = surface(m)
            if len(name.split()) < 2:
                continue
            reading = romanize_any(name, m.lang) if not name.isascii() else None
            if reading:
                native.append((i, reading))
                latin.setdefault(skeleton(reading.split()[0]), []).append((i, reading))
            elif (
                re.fullmatch(r"[^\W\d_]+(?:[ \-][^\W\d_]+)+", name)
                and latin_words(name)
                and all(ord(ch) < 0x0370 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)
            ):
                words = latin_words(name)
                latin.setdefault(skeleton(words[0]), []).append((i, " ".join(words)))
    for i, reading in native:
        for j, other in latin.get(skeleton(reading.split()[0]), []):
            if i != j and same_person(reading, other):
                union(i, j)
