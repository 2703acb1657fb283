"""English dependency patterns (spaCy ``DependencyMatcher``) run where the parse exists.

The parse (``analysis.doc``) only lives in the per-article stage (possibly in a
worker process); the corpus-level relation stage sees character spans only.
So this module turns dependency matches into :class:`DependencyMatch` records
(predicate, subject span, object span, sentence) that
:func:`kg.relations.extract.extract_relations` resolves to linked entities.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.nlp.analysis import Analysis


@dataclass(frozen=True)
class DependencyMatch:
    """A relation read off the dependency parse, as character spans into ``analysis.text``.

    Attributes:
        predicate: Contract property name (``organizer``, ``party``, ``partner`` ...).
        subject: (start, end) of the subject phrase.
        object: (start, end) of the object phrase.
        sentence: Index of the sentence in ``analysis.sentences``.
        pattern: Name of the dependency pattern that matched (recorded as the extractor).
    """

    predicate: str
    subject: tuple[int, int]
    object: tuple[int, int]
    sentence: int
    pattern: str


def match_dependencies(analysis: Analysis) -> list[DependencyMatch]:
    """Return the relations the English dependency patterns find in ``analysis.doc`` (none for other languages)."""
    return []
