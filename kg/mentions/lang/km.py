"""Khmer mention rules: for now the Latin-script names of the generic rules (to be widened)."""

from __future__ import annotations

from kg.mentions.lang import generic
from kg.nlp.analysis import Analysis
from kg.records import Mention


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find the names in a Khmer article that the gazetteer does not hold."""
    return generic.find_mentions(analysis)
