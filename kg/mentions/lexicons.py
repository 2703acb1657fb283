"""Load kg's head-word and title lexicons from ``data/lexicons`` (cached)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from kg.errors import ConfigError
from kg.resources import data_dir


def load_json(name: str) -> dict:
    """Read ``data/lexicons/<name>``; a missing or broken file is a :class:`ConfigError` naming it."""
    path = Path(data_dir()) / "lexicons" / name
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from e


@functools.cache
def heads() -> dict:
    """Return ``{lang: {"prefix"|"suffix": {class: [head words]}}}``."""
    return {k: v for k, v in load_json("heads.json").items() if not k.startswith("_")}


@functools.cache
def titles() -> dict:
    """Return ``{lang: {"honorifics": [...], "titles": {title: org_class|None}}}``."""
    return {k: v for k, v in load_json("titles.json").items() if not k.startswith("_")}


@functools.cache
def head_table(lang: str, kind: str) -> tuple[tuple[str, str], ...]:
    """Return ``(head, class)`` pairs for a language, longest head first."""
    table = heads().get(lang, {}).get(kind, {})
    pairs = [(word, cls) for cls, words in table.items() for word in words]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@functools.cache
def title_table(lang: str) -> tuple[tuple[str, str | None], ...]:
    """Return ``(title, org_class)`` pairs for a language, longest first."""
    table = titles().get(lang, {}).get("titles", {})
    return tuple(sorted(table.items(), key=lambda p: (-len(p[0]), p[0])))


@functools.cache
def honorifics(lang: str) -> tuple[str, ...]:
    """Return the honorifics of a language, longest first."""
    return tuple(sorted(titles().get(lang, {}).get("honorifics", []), key=len, reverse=True))


@functools.cache
def not_names() -> frozenset[str]:
    """Return the case-folded words and phrases that never name an entity (``MoU``, ``PoC``, ``GDP``)."""
    return frozenset(t.casefold() for t in load_json("not_names.json").get("terms", []))


@functools.cache
def not_name_phrases() -> tuple[str, ...]:
    """The terms of :func:`not_names` that are phrases ("proof of concept"), longest first."""
    return tuple(sorted((t for t in not_names() if " " in t), key=len, reverse=True))
