"""Run articles through their language's pipeline into :class:`Analysis` records."""

from __future__ import annotations

import bisect
import re
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


#: Texts longer than this are parsed in chunks of whole paragraphs (or sentences) and the chunks'
#: parses joined into one doc: spaCy refuses texts over ``nlp.max_length`` (E088, 1,000,000
#: characters) and its parser needs about 1 GB of memory per 100,000 characters parsed at once.
#: Articles up to this size are parsed whole, exactly as before.
CHUNK_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。។])[\"”’)]?\s+")
_SPACE = re.compile(r"\s+")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive (start, end) spans of at most ``limit`` characters that cover it.

    Each cut falls after the last paragraph break of the window, else after its last sentence
    end, else after its last space; only text with none of these is cut mid-word. The spans
    join back into ``text`` exactly (whitespace stays with the span before the cut).

    Example:
        >>> chunk_spans("One. Two.\\nThree.", limit=12)
        [(0, 10), (10, 16)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = 0
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, _SPACE):
            ends = [m.end() for m in pattern.finditer(text, start + limit // 4, window_end) if m.end() <= window_end]
            if ends:
                cut = ends[-1]
                break
        if cut <= start:
            cut = window_end
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def parse(nlp: Any, text: str, *, limit: int = CHUNK_CHARS) -> Any:
    """Run ``nlp`` over ``text``; a text over ``limit`` characters is parsed chunk by chunk (see
    :func:`chunk_spans`) and the parses joined with ``Doc.from_docs``, so offsets, entities,
    sentence starts and dependency arcs all refer to the whole text."""
    if len(text) <= limit:
        return nlp(text)
    import numpy
    from spacy.tokens import Doc

    chunks = [text[s:e] for s, e in chunk_spans(text, limit)]
    docs = []
    for chunk_doc in nlp.pipe(chunks, batch_size=1):
        # the tok2vec tensor (4 bytes x width per token) is not used after the pipeline: dropping it
        # keeps a 5 MB article's joined parse in a few hundred MB
        chunk_doc.tensor = numpy.zeros((0,), dtype="float32")
        docs.append(chunk_doc)
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    del docs
    assert doc.text == text
    return doc


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
    return _analysis(article, text, parse(get_pipeline(article.lang), text))


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
        short = [i for i in indexes if len(articles[i].full_text) <= CHUNK_CHARS]
        texts = [articles[i].full_text for i in short]
        for i, doc in zip(short, nlp.pipe(texts, batch_size=batch_size), strict=True):
            docs[i] = doc
        for i in indexes:
            if i not in docs:
                docs[i] = parse(nlp, articles[i].full_text)
    for i, article in enumerate(articles):
        yield _analysis(article, article.full_text, docs[i])
