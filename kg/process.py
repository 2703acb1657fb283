"""The per-article stage: language pipeline, mentions and dependency matches, parse dropped.

Everything here depends on one article alone, so it runs in any order: in this
process, in worker processes (:mod:`kg.executors`) or on a Dask cluster, and its
result is cached by content hash (:mod:`kg.cache`). What it returns is small
and picklable: the spaCy ``Doc`` and the token list are dropped once mentions
and dependency matches have been read off them, so memory does not grow with
the parse of every article.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.ingest import THIN_COVERAGE
from kg.mentions import find_mentions
from kg.mentions.gazetteer_match import GazetteerMatcher
from kg.nlp import analyze
from kg.nlp.analysis import Analysis
from kg.records import Article, Mention
from kg.relations.dependency import match_dependencies


@dataclass
class ProcessedArticle:
    """What the per-article stage learnt about one article.

    Attributes:
        analysis: Sentences and text of the article, with ``dependency_matches``; no parse, no tokens.
        mentions: Every mention found (see :func:`kg.mentions.find_mentions`).
        notes: Remarks for the build report (``lo: no statistical model ...``).
    """

    analysis: Analysis
    mentions: list[Mention]
    notes: list[str] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        """The article's id."""
        return self.analysis.article.id


@functools.cache
def knowledge(kinds: frozenset[str] | None = None) -> tuple[Gazetteer, GazetteerMatcher]:
    """The gazetteer (restricted to ``kinds``) and its matcher, loaded once per process."""
    gazetteer = load_gazetteer(kinds=set(kinds) if kinds is not None else None)
    return gazetteer, GazetteerMatcher(gazetteer)


def process_articles(
    articles: Iterable[Article], *, gazetteer_kinds: frozenset[str] | None = None, batch_size: int = 32
) -> list[ProcessedArticle]:
    """Run the per-article stage over ``articles`` (in ``nlp.pipe`` batches); results in input order.

    Args:
        articles: Ingested articles.
        gazetteer_kinds: Restrict curated knowledge to these kinds (leave-out checks).
        batch_size: Texts per ``nlp.pipe`` batch.
    """
    _, matcher = knowledge(gazetteer_kinds)
    out = []
    for analysis in analyze(articles, batch_size=batch_size):
        mentions = find_mentions(analysis, matcher=matcher)
        analysis.dependency_matches = match_dependencies(analysis)
        notes = []
        if analysis.lang in THIN_COVERAGE:
            notes.append(f"{analysis.lang}: no statistical model; gazetteer and title rules only")
        out.append(ProcessedArticle(replace(analysis, doc=None, tokens=[]), mentions, notes))
    return out
