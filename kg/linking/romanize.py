"""Romanisation of Lao and Khmer names, so that a name in those scripts can meet its English form.

``romanize(text, lang)`` dispatches to one module per script (``romanize_lo``, ``romanize_km``);
each returns plain lower-case ASCII words or ``None`` when it cannot read the text.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable


def romanize(text: str, lang: str) -> str | None:
    """Return ``text`` (Lao or Khmer script) in Latin letters, or ``None`` for other languages."""
    if lang not in {"lo", "km"}:
        return None
    try:
        module = importlib.import_module(f"kg.linking.romanize_{lang}")
    except ModuleNotFoundError:
        return None
    return module.romanize(text)


def romanize_words(text: str, script: re.Pattern[str], romanize_word: Callable[[str], str]) -> str | None:
    """``text`` word by word in Latin letters: words of ``script`` through ``romanize_word``, the others
    case-folded; ``None`` when the text holds none of the script (the per-script modules' ``romanize``)."""
    if not script.search(text):
        return None
    words = [romanize_word(w) if script.search(w) else w.casefold() for w in text.split()]
    return " ".join(w for w in words if w) or None


def latin_words(name: str) -> list[str]:
    """The Latin-letter words of a name, diacritics and the Vietnamese đ folded ("Trần Hồng Hà" -> Tran Hong Ha)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    return re.findall(r"[A-Za-z]+", folded)
