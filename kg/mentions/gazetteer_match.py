"""Find the names of curated entities (countries, ministries, technologies ...) in any script."""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from kg import profiling
from kg.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from kg.mentions.trie_regex import trie_regex

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")

#: texts whose hits a matcher remembers: the article being processed is matched once, however many
#: rules ask (mentions, then the Lao and Khmer rules), and so are the short names rules look up
_REMEMBERED = 256
#: longer texts are matched each time they are asked about (so memory stays within a few MB)
_REMEMBERED_CHARS = 100_000


def normalize_surface(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the key for comparing surface forms."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


@dataclass(frozen=True)
class GazetteerHit:
    """A gazetteer name found in text."""

    start: int
    end: int
    text: str
    entries: tuple[GazetteerEntry, ...]
    ambiguous: bool


class GazetteerMatcher:
    """Matches every surface form of a gazetteer in a text, longest match first."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._forms: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        self._acronyms: dict[str, list[GazetteerEntry]] = {}
        latin, other = set(), set()
        #: technology names per language (Thai rules let one close a name after a space)
        self.technology_labels: dict[str, set[str]] = {}
        #: every technology name and acronym of any language, case-folded ("cbdc", "blockchain")
        self.technology_words: set[str] = set()
        for surface, lang, entry, is_acronym, is_ambiguous in gazetteer.surface_forms():
            if entry.cls == "Technology":
                self.technology_words.add(surface.casefold())
            if entry.cls == "Technology" and not is_acronym and not is_ambiguous:
                self.technology_labels.setdefault(lang, set()).add(surface)
            if is_acronym:
                self._acronyms.setdefault(surface, []).append(entry)
                continue
            if surface[:4].casefold() == "the " and len(surface) > 7:
                # "the Mekong" would hide "Mekong region" (the regex takes the leftmost name): the bare
                # name is matched instead ("the Fed" stays whole: "fed" alone is a verb)
                surface = surface[4:]
            key = normalize_surface(surface)
            self._forms.setdefault(key, []).append((entry, is_ambiguous))
            (latin if _LATIN.search(surface) else other).add(surface)
        self._latin = trie_regex(latin, ignore_case=True, latin_bounds=True)
        self._other = trie_regex(other, ignore_case=True, latin_bounds=False)
        self._acronym = trie_regex(self._acronyms, ignore_case=False, latin_bounds=True)
        self._recent: dict[str, tuple[GazetteerHit, ...]] = {}

    def find(self, text: str) -> list[GazetteerHit]:
        """Return every gazetteer name in ``text``, overlapping hits resolved to the longest.

        The hits of the last few hundred texts (up to 100,000 characters) are remembered, so an article asked about by several
        rules is matched once."""
        hits = self._recent.get(text)
        if hits is None:
            with profiling.stage("gazetteer"):
                hits = tuple(self._find(text))
            if len(text) <= _REMEMBERED_CHARS:
                if len(self._recent) >= _REMEMBERED:
                    self._recent.clear()
                self._recent[text] = hits
        return list(hits)

    def _find(self, text: str) -> list[GazetteerHit]:
        hits: list[GazetteerHit] = []
        for pattern in (self._latin, self._other):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                found = self._forms.get(normalize_surface(m.group()))
                if not found:
                    continue
                entries = tuple(dict.fromkeys(e for e, _ in found))
                ambiguous = all(amb for _, amb in found) or len(entries) > 1
                hits.append(GazetteerHit(m.start(), m.end(), m.group(), entries, ambiguous))
        if self._acronym is not None:
            for m in self._acronym.finditer(text):
                entries = tuple(self._acronyms[m.group()])
                hits.append(GazetteerHit(m.start(), m.end(), m.group(), entries, len(entries) > 1))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[GazetteerHit] = []
        last_end = -1
        for hit in hits:
            if hit.start >= last_end:
                kept.append(hit)
                last_end = hit.end
        return kept


_ACTIVE: contextvars.ContextVar[GazetteerMatcher | None] = contextvars.ContextVar("kg_active_matcher", default=None)


@contextlib.contextmanager
def using(matcher: GazetteerMatcher) -> Iterator[GazetteerMatcher]:
    """Make ``matcher`` the one the language rules consult (``active_matcher``) while the block runs: a build
    with a reduced gazetteer (``kg build`` with ``gazetteer_kinds``) then reduces what the rules know too."""
    token = _ACTIVE.set(matcher)
    try:
        yield matcher
    finally:
        _ACTIVE.reset(token)


def active_matcher() -> GazetteerMatcher:
    """The matcher of the mentions being found (see :func:`using`), else the bundled gazetteer's."""
    return _ACTIVE.get() or default_matcher()


@functools.cache
def default_matcher(kinds: frozenset[str] | None = None) -> GazetteerMatcher:
    """The matcher over the bundled gazetteer (optionally only some kinds), built once."""
    return GazetteerMatcher(load_gazetteer(kinds=set(kinds) if kinds else None))
