"""Run articles through their language's pipeline into :class:`Analysis` records."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.nlp.pipelines import get_pipeline, language_module
from kg.records import Article, Sentence


@dataclass(frozen=True, slots=True)
class Token:
    """A word token with character offsets into the analysed text."""

    start: int
    end: int
    text: str


@dataclass
class Analysis:
    """An article with its sentences, tokens and (English) spaCy parse.

    Offsets everywhere are into ``text``, which is ``article.full_text``.
    """

    article: Article
    text: str
    sentences: list[Sentence]
    tokens: list[Token]
    doc: Any = None
    #: relations read off the parse (:class:`kg.relations.dependency.DependencyMatch`), kept when ``doc`` is dropped
    dependency_matches: list = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    @property
    def lang(self) -> str:
        """The article's language."""
        return self.article.lang

    def sentence_at(self, offset: int) -> Sentence:
        """Return the sentence containing character ``offset`` (the nearest one before it)."""
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self.sentences[index]


def _analysis(article: Article, text: str, doc: Any) -> Analysis:
    module = language_module(article.lang)
    spans = module.split_sentences(text, doc)
    sentences = [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
    if not sentences:
        sentences = [Sentence(0, 0, len(text), text)]
    tokens = [Token(t.idx, t.idx + len(t.text), t.text) for t in doc if not t.is_space] if doc is not None else []
    return Analysis(article, text, sentences, tokens, doc)


def analyze_one(article: Article) -> Analysis:
    """Analyse one article with its language's pipeline."""
    text = article.full_text
    return _analysis(article, text, get_pipeline(article.lang)(text))


def analyze(articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse articles, batching each language through ``nlp.pipe``; yields in input order.

    Args:
        articles: Articles from ingest.
        batch_size: Texts per ``nlp.pipe`` batch.
    """
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _analyze_batch(pending, batch_size)
            pending = []
    if pending:
        yield from _analyze_batch(pending, batch_size)


def _analyze_batch(articles: list[Article], batch_size: int) -> Iterator[Analysis]:
    by_lang: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_lang.setdefault(article.lang, []).append(i)
    docs: dict[int, Any] = {}
    for lang, indexes in by_lang.items():
        nlp = get_pipeline(lang)
        texts = [articles[i].full_text for i in indexes]
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=batch_size), strict=True):
            docs[i] = doc
    for i, article in enumerate(articles):
        yield _analysis(article, article.full_text, docs[i])
