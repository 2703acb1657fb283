"""Lao romanisation, and the match of a Lao person's name with its English form.

laonlp's ``transliterate`` maps letter for letter (it leaves the preposed vowels ເ ແ ໂ ໄ before their
consonant and keeps tone marks), so names are read here with a table (``data/lexicons/romanize_lo.json``)
after the spelling of the English-language press: a syllable is a preposed vowel, an initial consonant
(a silent ຫ before a sonorant, ຼ after it), vowel signs and a final consonant ("ບໍ່ວຽງຄຳ ວົງດາລາ" ->
``boviengkham vongdala``, "ສອນໄຊ ສີພັນດອນ" -> ``sonxay siphandon``). The reading is an aid to matching
and to readable IRIs, not a standard transliteration.

:func:`same_person` compares a reading with a Latin-script name by consonant skeleton and similarity;
:func:`merge_people` is the linker's hook that unites a Lao person with the same person named in Latin
letters in other articles.
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

_LAO = re.compile("[\u0e80-\u0eff]")
_PREPOSED = "ເແໂໃໄ"
_SIGNS = "ະັາຳິີຶືຸູົຽໍ"
_TONES = "່້໊໋໌ໆ"
_CARRIERS = "ອວຍາ"
#: how alike a reading and a Latin name must be, beyond equal consonant skeletons of both parts
MIN_RATIO = 0.75


@dataclass(frozen=True)
class _Table:
    initial: dict[str, str]
    final: dict[str, str]
    silent_h: str
    vowels: dict[str, str]
    word_end: dict[str, str]


@functools.cache
def _table() -> _Table:
    raw = load_json("romanize_lo.json")
    return _Table(raw["initial"], raw["final"], raw["silent_h"], raw["vowels"], raw["word_end"])


def romanize_word(word: str) -> str:
    """One Lao word in Latin letters (``"ວົງດາລາ"`` -> ``"vongdala"``); other characters are dropped."""
    t = _table()
    w = unicodedata.normalize("NFC", word).replace("ໍາ", "ຳ")
    out: list[str] = []
    i = 0
    while i < len(w):
        pre = ""
        if w[i] in _PREPOSED:
            pre, i = w[i], i + 1
        if i >= len(w) or w[i] not in t.initial:
            if pre:
                out.append(t.vowels.get(pre + "|", ""))
            i += 1
            continue
        c = w[i]
        i += 1
        if c == "ຫ" and i < len(w) and w[i] in t.silent_h:  # "ຫວຽດ", "ຫຼວງ": the h only sets the tone
            c, i = w[i], i + 1
        onset = t.initial[c]
        if c == "ຫ" and i < len(w) and w[i] == "ຼ":  # "ເຫຼືອ": ຫ with ລ below, an l
            onset = ""
        if i < len(w) and w[i] == "ຼ":
            onset, i = onset + "l", i + 1
        marks = ""
        while i < len(w) and (w[i] in _SIGNS or w[i] in _TONES):
            marks += w[i] if w[i] in _SIGNS else ""
            i += 1
        key = f"{pre}|{marks}"
        for extra in (2, 1):  # a vowel written with ອ, ວ, ຍ or າ after the consonant: "ສອນ", "ເມືອງ", "ເຕົາ"
            tail = w[i : i + extra]
            if len(tail) == extra and all(ch in _CARRIERS or ch in _SIGNS for ch in tail) and f"{key}{tail}" in t.vowels:
                after = w[i + extra : i + extra + 1]
                if not after or (after not in _SIGNS and after != "ຼ"):
                    key, i = key + tail, i + extra
                    break
        vowel = t.vowels.get(key, t.vowels.get(f"{pre}|", "a"))
        final = ""
        if i < len(w) and w[i] in t.final:
            after = w[i + 1 : i + 2]
            if not after or (after not in _SIGNS and after not in _TONES and after != "ຼ"):
                final, i = t.final[w[i]], i + 1
        out.append(onset + vowel + final)
    text = "".join(out)
    for end, replacement in t.word_end.items():
        if text.endswith(end):
            text = text[: -len(end)] + replacement
    return text


def romanize(text: str) -> str | None:
    """Return Lao ``text`` in lower-case Latin letters, word by word; ``None`` when it has no Lao letters.

    >>> romanize("ບໍ່ວຽງຄຳ ວົງດາລາ")
    'boviengkham vongdala'
    """
    return romanize_words(text, _LAO, romanize_word)


# --- names across scripts --------------------------------------------------------------------
_DIGRAPHS = (("ch", "c"), ("kh", "k"), ("th", "t"), ("ph", "p"), ("nh", "n"), ("ng", "n"), ("ny", "n"), ("gn", "n"))
_SAME = str.maketrans({"j": "c", "g": "k", "q": "k", "d": "t", "b": "p", "w": "v", "z": "s", "x": "s", "f": "p", "r": "l"})


def skeleton(name: str) -> str:
    """The consonants of a romanised name, digraphs, voicing and r/l folded (``Vongdara`` -> ``vntl``)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if c.isascii() and c.isalpha())
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    head, rest = text[:1], text[1:]
    text = head.translate(_SAME) + re.sub("[aeiouyh]", "", rest.translate(_SAME))
    if head in "aeiouyh":
        text = text[1:]
    return re.sub(r"(.)\1+", r"\1", text)


def same_person(reading: str, latin: str) -> bool:
    """Whether a romanised Lao name and a Latin-script name are one person's.

    Both need two or more parts; the given names (first words) must have one consonant skeleton, the
    family names (the rest, joined) too, and the whole names must be alike (:data:`MIN_RATIO`).

    >>> same_person("boviengkham vongdala", "Boviengkham Vongdara")
    True
    """
    a, b = reading.split(), [w.casefold() for w in latin_words(latin)]
    if len(a) < 2 or len(b) < 2 or not skeleton(a[0]) or skeleton(a[0]) != skeleton(b[0]):
        return False
    family_a, family_b = skeleton("".join(a[1:])), skeleton("".join(b[1:]))
    if not family_a or family_a != family_b:
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
    """Unite a person named in Lao (two or more name parts) with a person named in Latin letters.

    Args:
        clusters: The linker's clusters (``mentions``, ``key``, ``cls``).
        union: Unites two clusters by index.
        surface: A mention's name without honorifics and titles.
    """
    lao: list[tuple[int, str]] = []
    latin: dict[str, list[tuple[int, str]]] = {}
    for i, c in enumerate(clusters):
        if c.cls != "Person":
            continue
        for m in c.mentions:
            name = surface(m)
            if len(name.split()) < 2:
                continue
            if m.lang == "lo" and _LAO.search(name):
                reading = romanize(name)
                if reading and len(reading.split()) >= 2:
                    lao.append((i, reading))
            elif re.fullmatch(r"[^\W\d_]+(?:[ \-'][^\W\d_]+)+", name) and all(ord(ch) < 0x0250 for ch in name):
                words = latin_words(name)
                if len(words) >= 2:
                    latin.setdefault(skeleton(words[0]), []).append((i, " ".join(words)))
    for i, reading in lao:
        for j, other in latin.get(skeleton(reading.split()[0]), []):
            if i != j and not (clusters[i].key and clusters[j].key) and same_person(reading, other):
                union(i, j)
