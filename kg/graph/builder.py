"""Turn articles, linked entities and relations into a contract-conformant rdflib graph."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph.store import GraphLike, OxigraphGraph, open_disk_store
from kg.iri import article_iri, entity_iri, evidence_iri, source_iri
from kg.records import Article, Entity, Relation
from kg.vocab import MK, MKR

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "mk": Namespace(str(MK._NS)),
    "mkr": MKR,
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "prov": Namespace(str(PROV)),
    "org": ORG,
    "schema": SCHEMA,
    "wd": WIKIDATA,
}

#: Where a built graph is held: rdflib's memory store, or an in-memory Oxigraph store
#: (``oxigraph:DIR``: an Oxigraph store on disk, in folder DIR; see :func:`store_folder`).
STORES: tuple[str, ...] = ("memory", "oxigraph")

_DISK_PREFIX = "oxigraph:"


def store_folder(store: str) -> Path | None:
    """The folder of an on-disk store spec (``oxigraph:DIR`` -> ``DIR``), else None.

    Example:
        >>> store_folder("oxigraph:/data/kg-store"), store_folder("oxigraph")
        (PosixPath('/data/kg-store'), None)
    """
    if store.startswith(_DISK_PREFIX) and len(store) > len(_DISK_PREFIX):
        return Path(store[len(_DISK_PREFIX) :]).expanduser()
    return None


def new_graph(store: str = "memory") -> GraphLike:
    """Return an empty graph with kg's prefixes bound.

    Args:
        store: ``memory`` for an rdflib graph, ``oxigraph`` for an :class:`~kg.graph.store.OxigraphGraph`
            (a third of the memory, for large corpora), ``oxigraph:DIR`` for one in an on-disk
            store in folder DIR (emptied first; for graphs larger than memory).
    """
    folder = store_folder(store)
    if folder is None and store not in STORES:
        raise ValueError(f"store must be one of {', '.join(STORES)} or oxigraph:DIR, not {store!r}")
    if folder is not None:
        graph: GraphLike = open_disk_store(folder)
    else:
        graph = Graph() if store == "memory" else OxigraphGraph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def date_literal(value: str) -> Literal:
    """Return ``value`` typed as xsd:date, xsd:gYearMonth or xsd:gYear by its precision."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def preferred_labels(entity: Entity) -> dict[str, str]:
    """Return one preferred label per language: the linker's choice, else the most informative form."""
    chosen: dict[str, str] = dict(entity.attrs.get("pref", {}))  # type: ignore[arg-type]
    for lang, forms in entity.labels.items():
        if lang not in chosen and forms:
            chosen[lang] = sorted(forms, key=lambda f: (-len(f.split()), -len(f), f))[0]
    return chosen


def add_article(graph: GraphLike, article: Article) -> URIRef:
    """Add an article node with its Dublin Core metadata and return its IRI."""
    node = article_iri(article.id)
    graph.add((node, RDF.type, MK.Article))
    graph.add((node, DCTERMS.title, Literal(article.title or article.id, lang=_lang(article.lang))))
    graph.add((node, DCTERMS.language, Literal(article.lang)))
    graph.add((node, DCTERMS.source, Literal(article.source or article.id)))
    if article.date:
        graph.add((node, DCTERMS.issued, date_literal(article.date)))
    if article.publisher:
        graph.add((node, MK.publisher, Literal(article.publisher)))
    return node


def add_entity(graph: GraphLike, entity: Entity) -> URIRef:
    """Add an entity node: its one class, labels, Wikidata link, mentions and attributes."""
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, MK[entity.cls]))
    label_lang = "en" if entity.label in entity.labels.get("en", ()) else None
    if label_lang is None:
        label_lang = next((lang for lang, forms in entity.labels.items() if entity.label in forms), None)
    graph.add((node, RDFS.label, Literal(entity.label, lang=_lang(label_lang) if label_lang else None)))
    prefs = preferred_labels(entity)
    for lang, forms in entity.labels.items():
        for form in forms:
            prop = SKOS.prefLabel if prefs.get(lang) == form else SKOS.altLabel
            graph.add((node, prop, Literal(form, lang=_lang(lang))))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WIKIDATA[entity.wikidata]))
    for article_id in sorted(entity.articles):
        graph.add((node, MK.mentionedIn, article_iri(article_id)))
    titles = entity.attrs.get("title") or {}
    for lang, values in dict(titles).items():  # type: ignore[call-overload]
        for value in sorted(values):
            graph.add((node, MK.title, Literal(value, lang=_lang(lang))))
    for prop in ("startYear", "endYear"):
        if entity.attrs.get(prop):
            graph.add((node, MK[prop], Literal(str(entity.attrs[prop]), datatype=XSD.gYear)))
    if entity.attrs.get("date"):
        graph.add((node, MK.date, date_literal(str(entity.attrs["date"]))))
    return node


#: the curated sources a fact may come from, with their labels
CURATED_SOURCES = {"gazetteer": "kg gazetteer (data/gazetteer): curated general knowledge"}


def add_relation(graph: GraphLike, relation: Relation) -> None:
    """Add a relation triple and its reified evidence record."""
    s, p, o = entity_iri(relation.subject), MK[relation.predicate], entity_iri(relation.object)
    graph.add((s, p, o))
    ev = relation.evidence
    # a curated fact: its evidence is the curated source, not a sentence
    where, said = (f"source:{ev.source}", "") if ev.source else (ev.article_id, ev.sentence)
    record = evidence_iri(s, p, o, where, said)
    if (record, RDF.type, MK.Evidence) in graph:
        return
    graph.add((record, RDF.type, RDF.Statement))
    graph.add((record, RDF.type, MK.Evidence))
    graph.add((record, RDF.subject, s))
    graph.add((record, RDF.predicate, p))
    graph.add((record, RDF.object, o))
    if ev.source:
        source = source_iri(ev.source)
        graph.add((record, PROV.wasDerivedFrom, source))
        graph.add((source, RDF.type, MK.CuratedSource))
        graph.add((source, RDFS.label, Literal(CURATED_SOURCES.get(ev.source, ev.source), lang="en")))
    else:
        graph.add((record, PROV.wasDerivedFrom, article_iri(ev.article_id)))
        graph.add((record, MK.sentence, Literal(ev.sentence, lang=_lang(ev.lang))))
    graph.add((record, MK.extractor, Literal(ev.extractor)))
    confidence = Decimal(str(round(min(max(ev.confidence, 0.0), 1.0), 2)))
    graph.add((record, MK.confidence, Literal(confidence, datatype=XSD.decimal)))


def build_graph(
    articles: Iterable[Article],
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    *,
    store: str = "memory",
) -> GraphLike:
    """Build the contract graph.

    Args:
        articles: The ingested articles.
        entities: Linked entities (each becomes one node of one class).
        relations: Relations between entity keys, each with its evidence.
        store: ``memory`` (an rdflib graph), ``oxigraph`` (an :class:`~kg.graph.store.OxigraphGraph`)
            or ``oxigraph:DIR`` (one on disk, filled by Oxigraph's bulk loader).

    Returns:
        The graph, with kg's prefixes bound.
    """
    graph = new_graph(store)
    for article in articles:
        add_article(graph, article)
    known = set()
    for entity in entities:
        add_entity(graph, entity)
        known.add(entity.key)
    for relation in relations:
        if relation.subject in known and relation.object in known:
            add_relation(graph, relation)
    if isinstance(graph, OxigraphGraph):
        graph.flush()
    return graph


def _lang(lang: str | None) -> str:
    """Return a BCP 47 tag usable on a literal: the language, or ``und`` (undetermined) when it is not known.

    Labels, titles and sentences must be language-tagged (the shapes check it), so text in a
    language ingest did not recognise is tagged ``und``, BCP 47's tag for exactly that.
    """
    return lang if lang and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", lang) else "und"
