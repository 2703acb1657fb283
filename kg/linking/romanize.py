"""Romanisation of Lao and Khmer names, so that a name in those scripts can meet its English form.

``romanize(text, lang)`` dispatches to one module per script (``romanize_lo``, ``romanize_km``);
each returns plain lower-case ASCII words or ``None`` when it cannot read the text.
"""

from __future__ import annotations

import importlib


def romanize(text: str, lang: str) -> str | None:
    """Return ``text`` (Lao or Khmer script) in Latin letters, or ``None`` for other languages."""
    if lang not in {"lo", "km"}:
        return None
    try:
        module = importlib.import_module(f"kg.linking.romanize_{lang}")
    except ModuleNotFoundError:
        return None
    return module.romanize(text)
