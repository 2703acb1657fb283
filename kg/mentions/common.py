"""Helpers shared by the per-language mention rules: typing by head words, titles, spans."""

from __future__ import annotations

import re

from kg.mentions.lexicons import head_table, honorifics, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

#: class used for a name whose type no rule could decide; linking decides or drops it
UNTYPED = "Name"
#: class used for anaphors ("the conference", "Hội nghị", "รัฐบาล"); never an entity itself
REFERENCE = "Ref"

_NUMBERISH = re.compile(r"^(?:No\.?|\d[\d.,\-–/]*|[IVX]+)$")


def mention(
    analysis: Analysis,
    start: int,
    end: int,
    cls: str,
    extractor: str,
    *,
    key: str | None = None,
    confidence: float = 0.8,
    lang: str | None = None,
    **attrs: object,
) -> Mention:
    """Create a Mention over ``analysis.text[start:end]`` with its sentence index filled in."""
    text = analysis.text[start:end]
    return Mention(
        article_id=analysis.article.id,
        text=text,
        start=start,
        end=end,
        cls=cls,
        lang=lang or analysis.lang,
        extractor=extractor,
        sentence=analysis.sentence_at(start).index,
        key=key,
        confidence=confidence,
        attrs=dict(attrs),
    )


def class_by_head(name: str, lang: str) -> str | None:
    """Type a name by its head word (``Ministry of ...`` -> Ministry, ``... Committee`` -> PublicBody).

    English names are read at their head: the last word before the first ``of``/``on``/``for``
    (or the last word, skipping numbers); prefix heads (``Bank of``) are tried first.
    """
    for head, cls in head_table(lang, "prefix"):
        if name.startswith(head + " ") or name == head:
            return _refine(name, cls, lang)
    if lang != "en":
        return None
    words = name.split()
    for i, word in enumerate(words):
        if i > 0 and word in {"of", "on", "for"}:
            words = words[:i]
            break
    while words and _NUMBERISH.match(words[-1]):
        words = words[:-1]
    if not words:
        return None
    tail = " ".join(words)
    for head, cls in head_table(lang, "suffix"):
        if tail == head or tail.endswith(" " + head):
            return _refine(name, cls, lang)
    return None


def _refine(name: str, cls: str, lang: str) -> str:
    if lang != "en":
        return cls
    if cls == "Company" and re.search(r"\b(?:Central|National|State|Reserve|People's) Bank\b", name):
        return "PublicBody"
    if cls == "Company" and re.search(r"\bData Exchange$", name):
        return "Product"  # "Lao Government Data Exchange": a platform, not a stock exchange
    if cls == "Company" and _LENDING_AGENCY.search(name):
        return "Organization"  # "Asian Development Bank", "World Bank": lenders owned by states
    if cls == "Program" and name.startswith(("United Nations ", "UN ")):
        return "Organization"  # "United Nations Development Programme": an agency, not a plan
    if cls == "Place" and _WORKING_CENTRE.search(name):
        return "Organization"  # "Techo Startup Center": a body that works, not a venue
    return cls


_LENDING_AGENCY = re.compile(
    r"\b(?:World Bank|(?:Asian|African|European|Islamic|Inter-American|New) Development Bank|"
    r"Asian Infrastructure Investment Bank|European Investment Bank)\b"
)
#: centres that are organisations rather than venues
_WORKING_CENTRE = re.compile(
    r"\b(?:Startup|Start-up|Innovation|Research|Training|Incubation|Development|Excellence|Data|Information|"
    r"Response|Coordination|Technology|Digital|Cyber(?:security)?|Security|Operations) Cent(?:er|re)\b"
)


def split_title(text: str, lang: str) -> tuple[str, str, str]:
    """Split ``text`` into (honorific, title, rest) where it opens with them.

    >>> split_title("Prime Minister Sonexay Siphandone", "en")
    ('', 'Prime Minister', 'Sonexay Siphandone')
    """
    honorific = ""
    for word in honorifics(lang):
        if text.startswith(word + " "):
            honorific, text = word, text[len(word) + 1 :]
            break
    for title, _org in title_table(lang):
        if text.startswith(title + " "):
            return honorific, title, text[len(title) + 1 :].lstrip()
    return honorific, "", text


def title_org_class(title: str, lang: str) -> str | None:
    """Return the kind of organisation an office belongs to (``Prime Minister`` -> Government)."""
    return dict(title_table(lang)).get(title)
