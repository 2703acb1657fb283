"""Lao: spaCy has no Lao pipeline; laonlp segments words, the gazetteer and title rules do the rest."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

THIN_COVERAGE = "Lao has no statistical model here: gazetteer and title rules only"


class LaoTokenizer:
    """A spaCy tokenizer backed by laonlp's word segmentation."""

    def __init__(self, vocab: spacy.Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from laonlp.tokenize import word_tokenize
        from spacy.util import get_words_and_spaces

        words, spaces = get_words_and_spaces(aligned_words(text, word_tokenize(text)), text)
        return Doc(self.vocab, words=words, spaces=spaces)


def aligned_words(text: str, words: list[str]) -> list[str]:
    """The segmenter's words in ``text`` order, with whatever it dropped or changed ("/", double spaces)
    put back as words of their own, so that the words cover every non-space character of ``text``."""
    out: list[str] = []
    pos = 0
    for word in (w.strip() for w in words):
        at = text.find(word, pos) if word else -1
        if at < 0 or len(re.sub(r"\s", "", text[pos:at])) > 3:
            continue  # a word the segmenter changed; a later copy of it is not this one
        out += re.findall(r"\S+", text[pos:at])
        out.append(word)
        pos = at + len(word)
    out += re.findall(r"\S+", text[pos:])
    return out


def load() -> spacy.Language:
    """Return a blank multi-language pipeline with the laonlp tokenizer."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = LaoTokenizer(nlp.vocab)
    return nlp


def split_sentences(text: str, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Lao, like Thai, has no sentence punctuation: paragraphs, cut when long."""
    from kg.nlp.sentences import paragraphs, split_long

    return split_long(text, list(paragraphs(text)))
