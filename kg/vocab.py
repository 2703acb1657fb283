"""Closed namespaces for the ontology terms: a misspelt term is an error, not a wrong IRI.

The term list mirrors ``ontology/mekong-kg.ttl``; ``tests/test_ontology.py`` checks
that the two still agree, both ways (add a term to both when the ontology grows).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

MK_IRI = "https://w3id.org/mekong-kg/ontology#"
MKR_IRI = "https://w3id.org/mekong-kg/resource/"

#: Entities, articles and evidence records (an open namespace: resource IRIs are minted).
MKR = Namespace(MKR_IRI)


class MK(DefinedNamespace):
    """The ``mk:`` ontology namespace."""

    _NS = Namespace(MK_IRI)
    _fail = True

    # classes
    Country: URIRef
    Place: URIRef
    Organization: URIRef
    PublicBody: URIRef
    Government: URIRef
    Ministry: URIRef
    Company: URIRef
    Person: URIRef
    Program: URIRef
    Event: URIRef
    Technology: URIRef
    Agreement: URIRef
    Product: URIRef
    Article: URIRef
    Evidence: URIRef
    CuratedSource: URIRef
    # properties between entities
    country: URIRef
    subOrganizationOf: URIRef
    holdsPositionIn: URIRef
    implements: URIRef
    issuedBy: URIRef
    organizer: URIRef
    supporter: URIRef
    chair: URIRef
    participant: URIRef
    location: URIRef
    party: URIRef
    signedAt: URIRef
    partner: URIRef
    cooperatesWith: URIRef
    concerns: URIRef
    partOf: URIRef
    developedBy: URIRef
    # literal properties
    title: URIRef
    startYear: URIRef
    endYear: URIRef
    date: URIRef
    mentionedIn: URIRef
    publisher: URIRef
    # evidence records
    sentence: URIRef
    extractor: URIRef
    confidence: URIRef
