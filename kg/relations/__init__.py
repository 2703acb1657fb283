"""Relation extraction: every contract property, with the sentence that states it.

``extract_relations(analyses, corpus, gazetteer)`` reads each sentence's linked
mentions (anaphors resolved) and trigger words from ``data/lexicons/triggers.json``
and returns :class:`~kg.records.Relation` records; agreements found on the way
are added to the corpus as entities of their own.  For English it also resolves
the spans of :mod:`kg.relations.dependency` (spaCy ``DependencyMatcher`` patterns
read while the parse exists) to linked entities: their evidence says
``dep:<pattern>:en``, and where the parse read a property in a sentence the
trigger rule's nearest-name guess for it gives way.
"""

from kg.relations.extract import extract_relations

__all__ = ["extract_relations"]
