"""Thai: spaCy's ``th`` language with pythainlp word segmentation, plus kg's rules.

Thai writes no sentence-final punctuation; paragraphs are the reliable unit, and
a space marks a clause.  Sentences are paragraphs, cut at a space when long.
"""

from __future__ import annotations

import spacy


def load() -> spacy.Language:
    """Return spaCy's Thai tokenizer pipeline (pythainlp ``newmm`` segmentation)."""
    return spacy.blank("th")


def split_sentences(text: str, doc: spacy.tokens.Doc | None = None) -> list[tuple[int, int]]:
    """Paragraphs, cut near the middle at a space when longer than 500 characters."""
    from kg.nlp.sentences import paragraphs, split_long

    return split_long(text, list(paragraphs(text)))
