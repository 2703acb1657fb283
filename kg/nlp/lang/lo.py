"""Lao: spaCy has no Lao pipeline; laonlp segments words, the gazetteer and title rules do the rest."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

THIN_COVERAGE = "Lao has no statistical model here: gazetteer and title rules only"


class LaoTokenizer:
    """A spaCy tokenizer backed by laonlp's word segmentation."""

    def __init__(self, vocab: spacy.Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from laonlp.tokenize import word_tokenize

        words = [w for w in word_tokenize(text) if w]
        if "".join(words) != text:  # keep offsets exact whatever the segmenter did
            words = text.split(" ")
            spaces = [True] * (len(words) - 1) + [False]
            return Doc(self.vocab, words=words, spaces=spaces)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def load() -> spacy.Language:
    """Return a blank multi-language pipeline with the laonlp tokenizer."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = LaoTokenizer(nlp.vocab)
    return nlp


def split_sentences(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Lao, like Thai, has no sentence punctuation: paragraphs, cut when long."""
    from kg.nlp.sentences import paragraphs, split_long

    return split_long(text, list(paragraphs(text)))
