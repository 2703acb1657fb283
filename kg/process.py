"""The per-article stage: language pipeline, mentions and dependency matches, parse dropped.

Everything here depends on one article alone, so it runs in any order: in this
process, in worker processes (:mod:`kg.executors`) or on a Dask cluster, and its
result is cached by content hash (:mod:`kg.cache`). What it returns is small
and picklable: the spaCy ``Doc`` and the token list are dropped once mentions
and dependency matches have been read off them, so memory does not grow with
the parse of every article.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from kg import profiling
from kg.gazetteer import Gazetteer
from kg.ingest import THIN_COVERAGE
from kg.mentions import find_mentions
from kg.mentions.gazetteer_match import GazetteerMatcher, default_matcher
from kg.nlp import analyze
from kg.nlp.analysis import Analysis
from kg.nlp.pipelines import get_pipeline
from kg.records import Article, Mention
from kg.relations.dependency import match_dependencies

log = logging.getLogger(__name__)


def _default_timeout() -> float:
    try:
        return float(os.environ.get("KG_ARTICLE_TIMEOUT", "120"))
    except ValueError:
        return 120.0


#: Seconds the per-article stage may spend on one article (parse, mentions, dependency matches) before
#: the article is given up and reported as failed; ``KG_ARTICLE_TIMEOUT`` sets it, 0 means no limit.
ARTICLE_TIMEOUT: float = _default_timeout()
#: what each character of an article adds to its budget: the language models take time in proportion to
#: the length (about 10,000 characters a second here), so a policy document of 1.5M characters is parsed,
#: while work that grows faster than the text (the pathological input the budget is for) is still cut off
SECONDS_PER_CHARACTER = 1 / 5000


class ArticleTimeout(BaseException):
    """Raised inside the per-article stage when an article's time is up (a BaseException, so that no
    ``except Exception`` on the way swallows it)."""


@dataclass
class ProcessedArticle:
    """What the per-article stage learnt about one article.

    Attributes:
        analysis: Sentences and text of the article, with ``dependency_matches``; no parse, no tokens.
        mentions: Every mention found (see :func:`kg.mentions.find_mentions`).
        notes: Remarks for the build report (``lo: no statistical model ...``).
        failure: Why the article was given up (``timed out after 120 s ...``), else None.
    """

    analysis: Analysis
    mentions: list[Mention]
    notes: list[str] = field(default_factory=list)
    #: why the article could not be processed (its time was up), else None; such a result has no mentions
    failure: str | None = None

    @property
    def article_id(self) -> str:
        """The article's id."""
        return self.analysis.article.id


@functools.cache
def knowledge(kinds: frozenset[str] | None = None) -> tuple[Gazetteer, GazetteerMatcher]:
    """The gazetteer (restricted to ``kinds``) and its matcher, loaded once per process (the same
    matcher the rules use when no kinds are left out, so each process builds one)."""
    matcher = default_matcher(kinds) if kinds else default_matcher()  # the cache tells () from (None,)
    return matcher.gazetteer, matcher


def process_articles(
    articles: Iterable[Article],
    *,
    gazetteer_kinds: frozenset[str] | None = None,
    batch_size: int = 32,
    timeout: float | None = None,
) -> list[ProcessedArticle]:
    """Run the per-article stage over ``articles``; results in input order.

    With a time budget each article is parsed alone under a timer (``SIGALRM``, in the main thread
    of this process or of a worker process); an article whose time runs out gets a result with
    ``failure`` set and no mentions, and the next one starts. Without one (``timeout=0``, or in a
    thread, as on Dask workers), articles go through ``nlp.pipe`` in batches.

    Args:
        articles: Ingested articles.
        gazetteer_kinds: Restrict curated knowledge to these kinds (leave-out checks).
        batch_size: Texts per ``nlp.pipe`` batch when there is no time budget.
        timeout: Seconds per article (``None``: :data:`ARTICLE_TIMEOUT`; 0: no limit).
    """
    articles = list(articles)
    with profiling.profiled_chunk(len(articles)) as clock:  # sub-stage timings when KG_PROFILE_DIR is set
        if clock is not None:  # models and gazetteer, loaded once per process: not part of any article's parse
            with clock.stage("load"):
                knowledge(gazetteer_kinds)
                for lang in dict.fromkeys(a.lang for a in articles):
                    get_pipeline(lang)
        out = _process_articles(articles, gazetteer_kinds, batch_size, timeout)
        profiling.time_serialisation(clock, out)
    return out


def _process_articles(
    articles: list[Article], gazetteer_kinds: frozenset[str] | None, batch_size: int, timeout: float | None
) -> list[ProcessedArticle]:
    _, matcher = knowledge(gazetteer_kinds)
    seconds = ARTICLE_TIMEOUT if timeout is None else timeout
    if not seconds or not _can_time():
        return [_finish(analysis, matcher) for analysis in _parsed(analyze(articles, batch_size=batch_size))]
    out = []
    for article in articles:
        get_pipeline(article.lang)  # loading a language's models is no part of an article's time
        started = time.monotonic()
        result = None
        allowed = seconds + len(article.full_text) * SECONDS_PER_CHARACTER  # a long document may take longer
        with contextlib.suppress(ArticleTimeout), _budget(allowed):
            (analysis,) = _parsed(analyze([article], batch_size=1))
            result = _finish(analysis, matcher)
        if result is None:
            why = f"timed out after {time.monotonic() - started:.0f} s in the per-article stage (limit {allowed:.0f} s)"
            log.warning("%s: %s", article.id, why)
            result = ProcessedArticle(Analysis(article, article.full_text, [], []), [], [], failure=why)
        out.append(result)
    return out


def _parsed(analyses: Iterator[Analysis]) -> Iterator[Analysis]:
    """The analyses, the time spent making each one counted as the ``parse`` sub-stage."""
    while True:
        with profiling.stage("parse"):
            analysis = next(analyses, None)
        if analysis is None:
            return
        yield analysis


def _finish(analysis: Analysis, matcher: GazetteerMatcher) -> ProcessedArticle:
    with profiling.stage("mentions"):
        mentions = find_mentions(analysis, matcher=matcher)
    with profiling.stage("dependency"):
        analysis.dependency_matches = match_dependencies(analysis)
    notes = []
    if analysis.lang in THIN_COVERAGE:
        notes.append(f"{analysis.lang}: no statistical model; gazetteer and title rules only")
    return ProcessedArticle(replace(analysis, doc=None, tokens=[]), mentions, notes)


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this (main) thread when ``seconds`` have passed inside the block."""

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        with contextlib.suppress(ArticleTimeout):  # the time ran out just as the block ended
            signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
