"""Dataset exporters: TriG and N-Quads, one named graph per article.

Layout of the dataset:

* ``mkr:graph/<article-id>`` holds the facts that article's evidence supports,
  together with those evidence records, so that a store can answer "what does
  this article say" with ``GRAPH`` and drop one article's claims with ``DROP GRAPH``;
  a fact stated by two articles is in both graphs;
* ``mkr:graph/ontology`` holds ``ontology/mekong-kg.ttl`` (when present);
* the default graph holds the rest: entities, their labels and attributes,
  articles, and any fact without evidence.

The union of the named graphs other than the ontology's with the default graph
is the exported graph.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV

from kg.atomic import atomic_write_text
from kg.export.rdf import stable_graph
from kg.graph.builder import PREFIXES
from kg.iri import resource_iri
from kg.resources import ontology_dir
from kg.vocab import MK, MKR

logger = logging.getLogger(__name__)

#: Named graph holding the OWL ontology.
ONTOLOGY_GRAPH = resource_iri("graph", "ontology")

_ARTICLE_PREFIX = str(MKR["article/"])


def article_graph_iri(article: URIRef) -> URIRef:
    """Return the named graph IRI ``mkr:graph/<article-id>`` for an article IRI."""
    text = str(article)
    article_id = text[len(_ARTICLE_PREFIX) :] if text.startswith(_ARTICLE_PREFIX) else text.rsplit("/", 1)[-1]
    return resource_iri("graph", article_id)


def load_ontology() -> Graph | None:
    """Return the OWL ontology graph, or None when ``ontology/mekong-kg.ttl`` is absent."""
    path = ontology_dir() / "mekong-kg.ttl"
    if not path.is_file():
        logger.warning("%s is missing; the dataset export has no ontology graph", path)
        return None
    return Graph().parse(path, format="turtle")


def build_dataset(graph: Graph, *, ontology: Graph | None = None, include_ontology: bool = True) -> Dataset:
    """Split a contract graph into a dataset with one named graph per article.

    Args:
        graph: The contract graph.
        ontology: The ontology to put in ``mkr:graph/ontology``; read from ``ontology/`` when None.
        include_ontology: False to leave the ontology graph out.

    Returns:
        A dataset whose graphs were added in sorted order (so that serialisation is stable).
    """
    graph = stable_graph(graph)
    per_article: dict[URIRef, Graph] = defaultdict(Graph)
    placed: set = set()
    for record in sorted(graph.subjects(RDF.type, MK.Evidence)):
        articles = [a for a in graph.objects(record, PROV.wasDerivedFrom) if isinstance(a, URIRef)]
        if not articles:
            continue
        record_triples = list(graph.triples((record, None, None)))
        fact = (
            graph.value(record, RDF.subject),
            graph.value(record, RDF.predicate),
            graph.value(record, RDF.object),
        )
        for article in articles:
            target = per_article[article_graph_iri(article)]
            for triple in record_triples:
                target.add(triple)
            placed.update(record_triples)
            if None not in fact and fact in graph:
                target.add(fact)  # type: ignore[arg-type]
                placed.add(fact)

    dataset = Dataset()
    for prefix, ns in graph.namespaces():
        dataset.bind(prefix, ns, override=True)
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns, override=True)
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    for triple in sorted(graph):
        if triple not in placed:
            default.add(triple)
    if include_ontology:
        ontology = ontology if ontology is not None else load_ontology()
        if ontology is not None:
            target = dataset.graph(ONTOLOGY_GRAPH)
            for triple in stable_graph(ontology):
                target.add(triple)
    for name in sorted(per_article):
        target = dataset.graph(name)
        for triple in sorted(per_article[name]):
            target.add(triple)
    return dataset


def nquads_text(graph: Graph, *, include_ontology: bool = True) -> str:
    """Return the dataset of ``graph`` as N-Quads, lines sorted."""
    text = build_dataset(graph, include_ontology=include_ontology).serialize(format="nquads")
    return "".join(f"{line}\n" for line in sorted(set(text.split("\n"))) if line.strip())  # not splitlines(): see ntriples_text


def trig_text(graph: Graph, *, include_ontology: bool = True) -> str:
    """Return the dataset of ``graph`` as TriG: default graph first, then named graphs by IRI."""
    return build_dataset(graph, include_ontology=include_ontology).serialize(format="trig")


def write_nquads(graph: Graph, path: Path) -> None:
    """Write the per-article dataset of ``graph`` to ``path`` as sorted N-Quads."""
    atomic_write_text(path, nquads_text(graph))


def write_trig(graph: Graph, path: Path) -> None:
    """Write the per-article dataset of ``graph`` to ``path`` as TriG."""
    atomic_write_text(path, trig_text(graph))
