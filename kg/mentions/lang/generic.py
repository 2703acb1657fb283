"""Rules for languages without a module of their own (Lao, Khmer, others): Latin-script names.

Curated names come from the gazetteer as for every language; this adds the
Latin-script names (companies, people, products) that such articles quote.
"""

from __future__ import annotations

from kg.mentions.common import UNTYPED, mention
from kg.mentions.lang.th import LATIN_NAME
from kg.nlp.analysis import Analysis
from kg.records import Mention


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find Latin-script capitalised names in a non-Latin-script article."""
    return [
        mention(analysis, m.start(), m.end(), UNTYPED, "rule:latin-name", confidence=0.5)
        for m in LATIN_NAME.finditer(analysis.text)
        if m.group()[0].isupper() and len(m.group()) > 2
    ]
