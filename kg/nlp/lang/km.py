"""Khmer: spaCy has no Khmer pipeline; khmer-nltk segments words, the gazetteer and rules do the rest."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

THIN_COVERAGE = "Khmer has no statistical model here: gazetteer and title rules only"


class KhmerTokenizer:
    """A spaCy tokenizer backed by khmer-nltk's word segmentation."""

    def __init__(self, vocab: spacy.Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        import logging

        logging.getLogger("khmer-nltk").setLevel(logging.WARNING)
        from khmernltk import word_tokenize

        words = [w for w in word_tokenize(text) if w]
        if "".join(words) != text:
            return _whitespace_doc(self.vocab, text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def _whitespace_doc(vocab: spacy.Vocab, text: str) -> Doc:
    """The text's runs of non-space characters as tokens, one following space as the token's space and
    further spaces as tokens of their own (double, leading and trailing spaces: never an empty token)."""
    words: list[str] = []
    spaces: list[bool] = []
    for match in re.finditer(r"\S+|\s+", text):
        token = match.group()
        if token.isspace() and words and not spaces[-1] and token[0] == " ":
            spaces[-1] = True
            token = token[1:]
        if token:
            words.append(token)
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


def load() -> spacy.Language:
    """Return a blank multi-language pipeline with the khmer-nltk tokenizer."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = KhmerTokenizer(nlp.vocab)
    return nlp


def split_sentences(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Khmer ends sentences with ។ (khan); paragraphs otherwise."""
    from kg.nlp.sentences import paragraphs

    spans = []
    for start, end in paragraphs(text):
        pos = start
        for match in re.finditer("[។៕]", text[start:end]):
            spans.append((pos, start + match.end()))
            pos = start + match.end()
            while pos < end and text[pos].isspace():
                pos += 1
        if pos < end:
            spans.append((pos, end))
    return spans
