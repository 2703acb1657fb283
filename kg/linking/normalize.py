"""Name normalisation and language-independent signatures for matching names across languages."""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.mentions.lexicons import honorifics, title_table

_FOLD = str.maketrans({"đ": "d", "Đ": "D"})
#: Khmer digits as ASCII ones ("២០២២" is the year 2022 of an English name)
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "eleventh": "11", "twelfth": "12",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10",
}  # fmt: skip
#: words that carry no identity in a name
STOPWORDS = {
    "the", "of", "and", "for", "on", "in", "to", "a", "an", "at", "by", "with", "from", "its", "&", "no", "no.",
    "development", "developing", "national", "level", "phase", "period", "year", "years", "giai", "đoạn", "about",
    "จํากัด", "จำกัด", "มหาชน",  # Thai "limited", "public (company)": every registered company's name has them
}  # fmt: skip


def fold(text: str) -> str:
    """NFKC, case-folded, diacritics removed (``Tô Lâm`` -> ``to lam``), whitespace collapsed."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or (not ch.isascii() and ord(ch) > 0x0E00))
    text = unicodedata.normalize("NFC", text)
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip(" \t\"'“”‘’.,;:()").casefold()


@functools.lru_cache(maxsize=65536)
def strip_person_name(name: str, lang: str) -> str:
    """Remove honorifics and office titles from a person's name."""
    changed = True
    while changed:
        changed = False
        for word in honorifics(lang) + honorifics("en"):
            if name.startswith(word + " "):
                name, changed = name[len(word) + 1 :], True
        for title, _ in title_table(lang) + title_table("en"):
            if name.startswith(title + " "):
                name, changed = name[len(title) + 1 :], True
    return name.strip()


def name_key(name: str) -> str:
    """The key two surface forms of one name share: folded, leading ``the`` dropped."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _glossary(lang: str) -> list[tuple[str, str]]:
    from kg.gazetteer import load_glossary

    try:
        table = load_glossary(lang)
    except Exception:
        return []
    return sorted(((k.casefold(), v.casefold()) for k, v in table.items()), key=lambda p: -len(p[0]))


def translate_words(name: str, lang: str) -> str:
    """Translate a Vietnamese, Thai or Lao name word by word into English with kg's glossary."""
    if lang in {"en", "und"}:
        return name
    text = name.casefold()
    out: list[str] = []
    pending = ""  # untranslated Thai or Lao letters: one word of the name, not letters to drop ("สิริกิติ์")
    i = 0
    glossary = _glossary(lang)
    while i < len(text):
        if text[i].isspace() or (text[i] == "-" and lang != "vi"):  # "ເສດຖະກິດ-ສັງຄົມ": two words
            out.append(pending)
            pending = ""
            i += 1
            continue
        for source, target in glossary:
            if text.startswith(source, i):
                end = i + len(source)
                if lang == "vi" and end < len(text) and text[end].isalnum():
                    continue
                out += [pending, target]
                pending = ""
                i = end
                break
        else:
            j = i + 1
            if lang == "vi" or text[i].isascii():
                while j < len(text) and not text[j].isspace():
                    j += 1
                out += [pending, text[i:j]]
                pending = ""
            else:
                pending += text[i:j]
            i = j
    out.append(pending)
    return " ".join(w for w in out if w)


def signature(name: str, lang: str) -> frozenset[str]:
    """The content words of a name, in English, folded: what cross-lingual matching compares.

    >>> sorted(signature("Ministry of Technology and Communications", "en"))
    ['commun', 'minist', 'techno']
    """
    english = fold(translate_words(name, lang)).translate(_KHMER_DIGITS)
    words = re.findall(r"[a-z0-9]+(?:\.[0-9]+)?|[\u0e00-\u0eff\u1780-\u17ff]+", english)  # Thai, Lao and Khmer letters
    out = set()
    for word in words:
        word = _ORDINALS.get(word, word)
        if re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
            word = re.sub(r"\D", "", word)
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        if not word.isascii():
            out.add(word)  # an untranslated Thai or Lao word is a proper name: kept whole
            continue
        out.add(word if word[0].isdigit() else word[:6])  # a 6-letter stem: economy ~ economic
    return frozenset(out)


def years(name: str) -> tuple[int, ...]:
    """Four-digit years in a name (Thai Buddhist-era years converted), in order."""
    found = []
    for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", name):
        value = int(y)
        if 2400 <= value <= 2700:
            value -= 543
        if 1900 <= value <= 2200:
            found.append(value)
    return tuple(found)
