"""Lazily loaded spaCy pipelines, one per language, cached for the process."""

from __future__ import annotations

import functools
import importlib
import logging
from types import ModuleType

from kg.errors import ConfigError

log = logging.getLogger(__name__)

#: language -> module under kg.nlp.lang holding its rules and loader
LANGUAGE_MODULES: dict[str, str] = {"en": "en", "vi": "vi", "th": "th", "lo": "lo", "km": "km"}


def supported_languages() -> list[str]:
    """Languages with a pipeline of their own; others fall back to English rules."""
    return sorted(LANGUAGE_MODULES)


def language_module(lang: str) -> ModuleType:
    """Return the ``kg.nlp.lang`` module for ``lang`` (English for unknown languages)."""
    return importlib.import_module(f"kg.nlp.lang.{LANGUAGE_MODULES.get(lang, 'en')}")


@functools.cache
def get_pipeline(lang: str):
    """Load (once) and return the spaCy pipeline for ``lang``.

    Raises:
        ConfigError: When the model or segmenter a language needs is not installed.
    """
    module = language_module(lang)
    try:
        nlp = module.load()
    except (OSError, ImportError) as e:
        raise ConfigError(f"cannot load the {lang} pipeline: {e} (run `make venv`)") from e
    log.info("loaded %s pipeline: %s", lang, ", ".join(nlp.pipe_names) or "tokenizer only")
    return nlp
