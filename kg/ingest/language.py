"""Language identification by script, dependency-free and fast.

The corpus languages are told apart mostly by their scripts: Thai, Lao and
Khmer each have their own Unicode block, and Vietnamese is Latin with letters
no other corpus language uses (ơ ư ă đ and the stacked tone marks).  English
is the Latin text in which common English function words are frequent; other
Latin-script text is ``"und"``.  Chinese, Japanese and Korean are recognised
so that they can be reported, not processed.  Mixed text goes to the script
with the most letters, with one bias: Latin names and terms are common in
Thai, Lao and Khmer news, while those scripts are rare in English or
Vietnamese text, so a text in which one of them has at least
:data:`SEA_SCRIPT_SHARE` of the letters is in that language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: Lower-case letters that mark Latin text as Vietnamese (NFC forms).
VIETNAMESE_LETTERS: frozenset[str] = frozenset("ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

#: Very common English words; their share of the words tells English from other Latin text.
ENGLISH_WORDS: frozenset[str] = frozenset(
    {
        "the", "of", "and", "to", "in", "is", "for", "on", "that", "with", "as", "by", "at", "from", "are",
        "was", "be", "it", "this", "an", "has", "have", "will", "its", "or", "were", "which", "said",
        "their", "not", "but", "been", "also", "after", "more", "than", "other", "into", "over",
    }
)  # fmt: skip

#: Share of Vietnamese-specific letters above which Latin text is Vietnamese whatever its words
#: (running Vietnamese text has about 0.2).
VI_THRESHOLD = 0.08
#: A lower share that still makes non-English Latin text Vietnamese (short or name-heavy text).
VI_WEAK_THRESHOLD = 0.02
#: Share of words that must be English function words for the text to be English.
EN_THRESHOLD = 0.1

#: Share of letters in the Thai, Lao or Khmer script that makes a mostly Latin text that language.
SEA_SCRIPT_SHARE = 0.25

#: Only the start of a long text is looked at; that is plenty to tell its script.
SAMPLE_CHARS = 50_000

_MARKED_SCRIPTS = frozenset({"th", "lo", "km"})
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x250 or 0x1E00 <= cp <= 0x1EFF:
        return "latin"
    if 0x0E00 <= cp <= 0x0E7F:
        return "th"
    if 0x0E80 <= cp <= 0x0EFF:
        return "lo"
    if 0x1780 <= cp <= 0x17FF or 0x19E0 <= cp <= 0x19FF:
        return "km"
    if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F:
        return "kana"
    if 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFF:
        return "han"
    return "other"


def script_counts(text: str) -> Counter[str]:
    """Count the letters of each script in a text.

    Args:
        text: Any text.

    Returns:
        Letters per script name (``latin``, ``th``, ``lo``, ``km``, ``han``,
        ``kana``, ``hangul``, ``other``).  Digits are not counted; combining
        marks are, for the scripts whose vowels are marks (Thai, Lao, Khmer).
    """
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[_script(ch)] += 1
        elif unicodedata.category(ch) == "Mn" and (script := _script(ch)) in _MARKED_SCRIPTS:
            counts[script] += 1
    return counts


def _latin_language(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    letters = [ch for ch in text if ch.isalpha() and _script(ch) == "latin"]
    if not letters:
        return "und"
    vi_share = sum(ch in VIETNAMESE_LETTERS for ch in letters) / len(letters)
    if vi_share >= VI_THRESHOLD:
        return "vi"
    words = [w for w in _LATIN_WORD.findall(text) if _script(w[0]) == "latin"]
    en_share = sum(w in ENGLISH_WORDS for w in words) / len(words) if words else 0.0
    if en_share >= EN_THRESHOLD:
        return "en"  # English text naming Vietnamese places ("Đà Nẵng") stays English
    if vi_share >= VI_WEAK_THRESHOLD or (vi_share > 0 and en_share == 0):
        return "vi"
    return "und"


def detect_language(text: str) -> str:
    """Return the language of a text from its script (and, for Latin, its letters and words).

    Args:
        text: The text, best with its title.

    Returns:
        ``en``, ``vi``, ``th``, ``lo``, ``km``, ``zh``, ``ja``, ``ko``, or ``und``
        when the language is not recognised.

    Example:
        >>> detect_language("Hội nghị cấp bộ trưởng về kinh tế số")
        'vi'
    """
    text = text[:SAMPLE_CHARS]
    counts = script_counts(text)
    if not counts:
        return "und"
    cjk = counts["han"] + counts["kana"]
    groups = {
        "latin": counts["latin"],
        "th": counts["th"],
        "lo": counts["lo"],
        "km": counts["km"],
        "cjk": cjk,
        "ko": counts["hangul"],
        "other": counts["other"],
    }
    top = max(groups, key=lambda k: groups[k])
    total = sum(groups.values())
    sea = max(("th", "lo", "km"), key=lambda k: groups[k])
    if top == "latin" and groups[sea] >= SEA_SCRIPT_SHARE * total:
        top = sea
    if top == "latin":
        return _latin_language(text)
    if top == "cjk":
        return "ja" if counts["kana"] >= 0.1 * cjk else "zh"
    return "und" if top == "other" else top
