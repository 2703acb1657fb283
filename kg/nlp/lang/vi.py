"""Vietnamese: spaCy's ``vi`` language with pyvi word segmentation, plus kg's rules."""

from __future__ import annotations

import spacy


def load() -> spacy.Language:
    """Return spaCy's Vietnamese tokenizer pipeline (pyvi segments multi-syllable words)."""
    return spacy.blank("vi")


def split_sentences(text: str, doc: spacy.tokens.Doc | None = None) -> list[tuple[int, int]]:
    """Vietnamese ends sentences with . ! ? like English."""
    from kg.nlp.sentences import split_punctuated

    return split_punctuated(text)
