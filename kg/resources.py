"""Where kg finds its bundled data (corpus, gazetteer, lexicons) and ontology."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import ConfigError

_REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Return the data folder: ``$KG_DATA_DIR`` when set, else the repository's ``data/``."""
    path = Path(os.environ.get("KG_DATA_DIR") or _REPO / "data")
    if not path.is_dir():
        raise ConfigError(f"{path}: kg's data folder is missing (set KG_DATA_DIR)")
    return path


def ontology_dir() -> Path:
    """Return the folder holding the OWL ontology, the SHACL shapes and the named queries."""
    path = Path(os.environ.get("KG_ONTOLOGY_DIR") or _REPO / "ontology")
    if not path.is_dir():
        raise ConfigError(f"{path}: kg's ontology folder is missing (set KG_ONTOLOGY_DIR)")
    return path


def default_corpus_dir() -> Path:
    """Return the bundled corpus that ``kg build`` reads when given no folder."""
    return data_dir() / "corpus"


def default_cache_dir() -> Path:
    """Where incremental builds keep per-article results: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg`` (``~/.cache/kg``)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"
