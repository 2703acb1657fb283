"""Entity linking: one canonical entity per real-world thing across articles and languages.

``link_mentions(analyses, mentions)`` clusters mentions (short forms and
acronyms within an article, then equal names, curated ids and cross-lingual
signatures across articles), decides each cluster's class, resolves anaphors
("the conference", "Hội nghị", "รัฐบาล") and returns :class:`LinkedCorpus`.
"""

from kg.linking.linker import LinkedCorpus, link_mentions

__all__ = ["LinkedCorpus", "link_mentions"]
