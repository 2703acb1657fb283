"""Entity recognition: gazetteer names, per-language rules and statistical NER, as Mentions.

``find_mentions(analysis)`` returns every mention in an article, overlaps
resolved (the longer span wins; curated knowledge breaks ties), plus
anaphors (class ``Ref``) that the linker resolves within the article.
"""

from __future__ import annotations

from kg.gazetteer import GazetteerEntry
from kg.mentions.common import REFERENCE, UNTYPED, mention
from kg.mentions.gazetteer_match import GazetteerMatcher, default_matcher, using
from kg.mentions.lexicons import not_name_phrases, not_names
from kg.nlp.analysis import Analysis
from kg.records import Mention

__all__ = ["REFERENCE", "UNTYPED", "find_mentions"]


def _rules(analysis: Analysis, matcher: GazetteerMatcher) -> list[Mention]:
    lang = analysis.lang
    if lang == "en":
        from kg.mentions.lang.en import find_mentions as rules
    elif lang == "vi":
        from kg.mentions.lang.vi import find_mentions as rules
    elif lang == "th":
        from kg.mentions.lang import th

        return th.find_mentions(analysis, tech_words=matcher.technology_labels.get("th", set()))
    elif lang == "lo":
        from kg.mentions.lang.lo import find_mentions as rules
    elif lang == "km":
        from kg.mentions.lang.km import find_mentions as rules
    else:
        from kg.mentions.lang.generic import find_mentions as rules
    return rules(analysis)


def _amounts(analysis: Analysis) -> list[tuple[int, int]]:
    """Character spans of the amounts spaCy found (``50 million US dollars``): no country is named inside one."""
    if analysis.doc is None:
        return []
    return [(e.start_char, e.end_char) for e in analysis.doc.ents if e.label_ in {"MONEY", "QUANTITY", "PERCENT"}]


def _gazetteer_mentions(analysis: Analysis, matcher: GazetteerMatcher) -> list[Mention]:
    out = []
    amounts = _amounts(analysis)
    for hit in matcher.find(analysis.text):
        entry: GazetteerEntry = hit.entries[0]
        if entry.cls in {"Country", "Place"} and any(s <= hit.start and hit.end <= e for s, e in amounts):
            continue
        attrs: dict[str, object] = {}
        if hit.ambiguous:
            attrs["candidates"] = [e.id for e in hit.entries]
        out.append(
            mention(
                analysis,
                hit.start,
                hit.end,
                entry.cls,
                "gazetteer",
                key=None if hit.ambiguous else entry.id,
                confidence=0.7 if hit.ambiguous else 0.95,
                **attrs,
            )
        )
    return out


def _only_common_terms(m: Mention, matcher: GazetteerMatcher) -> bool:
    """A rule-found name made only of words that name no entity ("MoU", "Proof of Concept") and
    technology words ("CBDC PoC"): a document or a stage, not a body, product or event."""
    if m.extractor == "gazetteer" or m.key:
        return False
    terms = not_names()
    text = m.text.casefold()
    if text in terms:
        return True
    rest = text
    for phrase in not_name_phrases():
        rest = rest.replace(phrase, " \0 ")  # a placeholder word for the phrase: "proof of concept"
    words = rest.split()
    common = [w for w in words if w == "\0" or w in terms]
    return bool(common) and all(w == "\0" or w in terms or w in matcher.technology_words for w in words)


def _without_redefined_acronyms(analysis: Analysis, candidates: list[Mention]) -> list[Mention]:
    """A curated acronym that the article defines for a name the gazetteer does not hold ("the Bank of
    Kitramo (BoK)", where the gazetteer's BoK is the Bank of Korea) stands for the article's name there:
    the curated reading goes, and the rules' acronym takes its place."""
    ending: dict[int, list[Mention]] = {}
    for m in candidates:
        ending.setdefault(m.end, []).append(m)
    out = []
    for m in candidates:
        before = ending.get(m.start - 2, []) if analysis.text[m.start - 2 : m.start] == " (" else []
        redefined = (
            m.extractor == "gazetteer"
            and " " not in m.text
            and any(b.cls != UNTYPED for b in before)
            and not any(b.extractor == "gazetteer" for b in before)
        )
        if not redefined:
            out.append(m)
    return out


def _resolved_by_acronym(analysis: Analysis, candidates: list[Mention]) -> list[Mention]:
    """An ambiguous curated name followed by the curated acronym of one of its readings ("Ministry of Post and
    Telecommunications (MPTC)": Cambodia's, not Laos's of the same name) is that reading, and so is every
    other mention of that name in the article."""
    at = {m.start: m for m in candidates if m.extractor == "gazetteer" and m.key}
    chosen: dict[str, str] = {}
    for m in candidates:
        options = m.attrs.get("candidates")
        if not options or analysis.text[m.end : m.end + 2] != " (":
            continue
        acronym = at.get(m.end + 2)
        if acronym is not None and acronym.key in options and analysis.text[acronym.end : acronym.end + 1] == ")":
            chosen[m.text] = str(acronym.key)
    for m in candidates:
        if m.attrs.get("candidates") and m.text in chosen:
            m.key = chosen[m.text]
            m.attrs.pop("candidates")
            m.confidence = 0.9
    return candidates


def _priority(m: Mention) -> tuple:
    """Longest span first; at equal length: an unambiguous curated name, then an acronym the
    article defines (it beats an ambiguous curated one: "MFA"), then other curated, typed, confident."""
    ranks = {"gazetteer": 0, "rule:acronym": 1, "ambiguous-gazetteer": 2}
    source = ranks.get("ambiguous-gazetteer" if m.attrs.get("candidates") else m.extractor, 3)
    return (-(m.end - m.start), source, m.cls == UNTYPED, -m.confidence)


def find_mentions(analysis: Analysis, *, matcher: GazetteerMatcher | None = None) -> list[Mention]:
    """Find all entity mentions and anaphors in one analysed article.

    Args:
        analysis: The article after :func:`kg.nlp.analyze`.
        matcher: The gazetteer matcher (default: the bundled gazetteer).

    Returns:
        Mentions sorted by position.  Technology names nested inside a longer name
        (``Conference on Blockchain ...``) are kept, marked ``attrs["nested"]``.
    """
    matcher = matcher or default_matcher()
    refs, candidates = [], []
    with using(matcher):  # the rules consult this matcher, not the whole bundled gazetteer
        found = _gazetteer_mentions(analysis, matcher) + _rules(analysis, matcher)
    for m in found:
        if m.cls == REFERENCE:
            refs.append(m)
        elif not _only_common_terms(m, matcher):
            candidates.append(m)
    candidates = _resolved_by_acronym(analysis, _without_redefined_acronyms(analysis, candidates))
    candidates.sort(key=_priority)
    kept = _KeptSpans()
    for m in candidates:
        overlapping = kept.overlapping(m.start, m.end)
        if not overlapping:
            kept.add(m)
        elif (
            m.cls == "Technology"
            and m.extractor == "gazetteer"
            and all(k.start <= m.start and m.end <= k.end and k.cls not in {"Technology", "Product"} for k in overlapping)
        ):
            m.attrs["nested"] = True
            kept.add(m)
    return sorted(kept.mentions + refs, key=lambda m: (m.start, m.end))


class _KeptSpans:
    """The mentions kept so far, in buckets of their start position: finding those that overlap a span looks
    only at the buckets from the longest kept length before it (a scan of every kept mention made long
    documents take time growing with the square of their mentions)."""

    BUCKET = 256

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self._buckets: dict[int, list[Mention]] = {}
        self._longest = 0

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self._buckets.setdefault(m.start // self.BUCKET, []).append(m)
        self._longest = max(self._longest, m.end - m.start)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        first, last = (start - self._longest) // self.BUCKET, (end - 1) // self.BUCKET
        found = (k for b in range(first, last + 1) for k in self._buckets.get(b, ()))
        return [k for k in found if start < k.end and k.start < end]
