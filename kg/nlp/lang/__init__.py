"""Per-language modules: each has ``load()`` (a spaCy pipeline) and ``split_sentences(text)``."""
