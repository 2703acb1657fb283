"""The one conversion from the RDF graph to networkx, used by the view and by analytics."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from kg.records import ENTITY_CLASSES, RELATION_PROPERTIES, class_ancestors
from kg.vocab import MK


def _most_specific(classes: set[str]) -> str:
    return max(classes, key=lambda c: len(class_ancestors(c)))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Convert a contract graph into a networkx multigraph of entities and relations.

    Nodes are entity IRIs (as strings) with attributes ``cls`` (contract class),
    ``label`` (``rdfs:label``), ``labels`` (``{lang: [labels]}`` from prefLabel and
    altLabel), ``wikidata``, ``articles`` (ids mentioning it) and ``country``
    (IRI of its ``mk:country``, if any).  Edges go subject → object, keyed by the
    property name, with attribute ``evidence``: a list of ``{article, sentence,
    extractor, confidence}`` sorted by article.  Articles and evidence records are not nodes.

    Args:
        graph: An rdflib graph following the contract.

    Returns:
        A ``networkx.MultiDiGraph``.

    Example:
        >>> from rdflib import Graph
        >>> to_networkx(Graph()).number_of_nodes()
        0
    """
    out = nx.MultiDiGraph()
    classes: dict[URIRef, set[str]] = defaultdict(set)
    for cls in ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, MK[cls]):
            classes[node].add(cls)
    for node, found in classes.items():
        labels: dict[str, list[str]] = defaultdict(list)
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for value in graph.objects(node, prop):
                if isinstance(value, Literal):
                    labels[value.language or ""].append(str(value))
        wikidata = next((str(o) for o in graph.objects(node, OWL.sameAs) if "wikidata.org" in str(o)), None)
        country = graph.value(node, MK.country)
        articles = sorted(str(a).rsplit("/", 1)[-1] for a in graph.objects(node, MK.mentionedIn))
        out.add_node(
            str(node),
            cls=_most_specific(found),
            label=str(graph.value(node, RDFS.label) or node),
            labels={lang: sorted(set(v)) for lang, v in sorted(labels.items())},
            wikidata=wikidata,
            articles=articles,
            country=str(country) if country is not None else None,
        )
    evidence: dict[tuple[URIRef, URIRef, URIRef], list[dict]] = defaultdict(list)
    for stmt in graph.subjects(RDF.type, MK.Evidence):
        key = (
            graph.value(stmt, RDF.subject),
            graph.value(stmt, RDF.predicate),
            graph.value(stmt, RDF.object),
        )
        article = graph.value(stmt, PROV.wasDerivedFrom)
        curated = article is not None and (article, RDF.type, MK.CuratedSource) in graph
        evidence[key].append(
            {
                "article": str(article).rsplit("/", 1)[-1] if article is not None and not curated else None,
                "source": str(graph.value(article, RDFS.label) or article) if curated else None,
                "sentence": str(graph.value(stmt, MK.sentence) or ""),
                "extractor": str(graph.value(stmt, MK.extractor) or ""),
                "confidence": float(graph.value(stmt, MK.confidence) or 0.0),
            }
        )
    for prop in RELATION_PROPERTIES:
        for s, o in graph.subject_objects(MK[prop]):
            if s in classes and o in classes:
                records = sorted(
                    evidence.get((s, MK[prop], o), []), key=lambda e: (e["article"] or "", e["sentence"], e["extractor"])
                )
                out.add_edge(str(s), str(o), key=prop, property=prop, evidence=records)
    return out
