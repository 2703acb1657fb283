"""A contract graph held in an in-memory Oxigraph store, for graphs too large for rdflib's memory store.

rdflib's memory store costs about 1 KB a triple (a million triples: ~1 GB);
an Oxigraph store holds the same triples in about a third of that, in Rust.
:class:`OxigraphGraph` wraps a ``pyoxigraph.Store`` with the small part of
rdflib's ``Graph`` API that kg's graph builder and readers use (``add``,
``triples``, ``subjects``, ``objects``, ``value``, ``subject_objects``,
``namespaces``, ``len``, ``in``), taking and giving rdflib terms, so that the
builder, the networkx conversion and the HTML view run unchanged on either.
What only the store can do is done on it directly: Turtle and N-Triples are
written by streaming the store subject by subject (:func:`write_store_turtle`,
:func:`write_store_ntriples`) and the shapes are checked in SPARQL
(:mod:`kg.shacl_sparql`).

Example:
    >>> from rdflib import URIRef, Literal
    >>> g = OxigraphGraph()
    >>> g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("x", lang="en")))
    >>> len(g), g.value(URIRef("http://example.org/a"), URIRef("http://example.org/p"))
    (1, rdflib.term.Literal('x', lang='en'))
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

logger = logging.getLogger(__name__)

_Pattern = tuple[Node | None, Node | None, Node | None]
_DEFAULT = ox.DefaultGraph()
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the Oxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: object) -> Node:
    """Return the rdflib term for an Oxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a plain literal; rdflib tells the two apart
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an Oxigraph term: {term!r}")


class OxigraphGraph:
    """A graph in an in-memory ``pyoxigraph.Store`` (its default graph), read and written with rdflib terms.

    Attributes:
        store: The Oxigraph store; SPARQL queries and dumps go to it directly.
    """

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else ox.Store()
        self._namespaces: dict[str, URIRef] = {}

    # --- writing -------------------------------------------------------------------------

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        """Add one triple of rdflib terms."""
        s, p, o = triple
        self.store.add(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), _DEFAULT))

    def remove(self, triple: _Pattern) -> None:
        """Remove the triples matching a pattern (``None`` is a wildcard)."""
        for quad in list(self._quads(triple)):
            self.store.remove(quad)

    def bind(self, prefix: str, namespace: object, override: bool = True) -> None:
        """Bind a prefix (used when writing Turtle)."""
        if override or prefix not in self._namespaces:
            self._namespaces[prefix] = URIRef(str(namespace))

    # --- reading -------------------------------------------------------------------------

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        """The bound prefixes, as rdflib's ``Graph.namespaces``."""
        yield from self._namespaces.items()

    def _quads(self, pattern: _Pattern) -> Iterator[ox.Quad]:
        s, p, o = (to_oxigraph(t) if t is not None else None for t in pattern)
        return self.store.quads_for_pattern(s, p, o, _DEFAULT)

    def triples(self, pattern: _Pattern) -> Iterator[tuple[Node, Node, Node]]:
        """The triples matching a pattern, as rdflib terms."""
        for quad in self._quads(pattern):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, triple: _Pattern) -> bool:
        return next(iter(self._quads(triple)), None) is not None

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:
        """Subjects of the triples with this predicate and object (rdflib's ``Graph.subjects``)."""
        for quad in self._quads((None, predicate, object)):
            yield to_rdflib(quad.subject)

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """Objects of the triples with this subject and predicate (rdflib's ``Graph.objects``)."""
        for quad in self._quads((subject, predicate, None)):
            yield to_rdflib(quad.object)

    def subject_objects(self, predicate: Node | None = None) -> Iterator[tuple[Node, Node]]:
        """(subject, object) of the triples with this predicate."""
        for quad in self._quads((None, predicate, None)):
            yield to_rdflib(quad.subject), to_rdflib(quad.object)

    def value(self, subject: Node | None = None, predicate: Node = RDF.value, object: Node | None = None) -> Node | None:
        """One value of the missing position of a pattern, or ``None`` (rdflib's ``Graph.value``)."""
        quad = next(iter(self._quads((subject, predicate, object))), None)
        if quad is None:
            return None
        return to_rdflib(quad.object if object is None else quad.subject)

    def to_rdflib(self) -> Graph:
        """Copy the triples into an rdflib graph with the same prefixes (for exporters that need rdflib)."""
        graph = Graph()
        for prefix, ns in self.namespaces():
            graph.bind(prefix, ns, override=True)
        for triple in self:
            graph.add(triple)
        return graph


#: Either kind of graph kg builds.
GraphLike = Graph | OxigraphGraph


def _sorted_subjects(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    """The distinct subjects of the default graph, in N-Triples order (a list of a few bytes per triple)."""
    seen = {quad.subject for quad in store.quads_for_pattern(None, None, None, _DEFAULT)}
    return sorted(seen, key=str)


def _sorted_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple, subject by subject, each subject's triples sorted: only one subject's triples in Python at a time."""
    for subject in _sorted_subjects(store):
        quads = sorted(store.quads_for_pattern(subject, None, None, _DEFAULT), key=lambda q: (str(q.predicate), str(q.object)))
        for quad in quads:
            yield quad.triple


def turtle_prefixes(graph: OxigraphGraph) -> dict[str, str]:
    """The prefixes to write: the bound ones, without those whose local names would need escaping (``mkr:``)."""
    from kg.vocab import MKR

    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix and str(ns) != str(MKR)}
    prefixes.setdefault("rdf", str(RDF))
    return dict(sorted(prefixes.items()))


def write_store_turtle(graph: OxigraphGraph, fh: BinaryIO) -> None:
    """Write the graph as Turtle, streamed subject by subject in a stable order (same triples, same bytes)."""
    ox.serialize(_sorted_triples(graph.store), fh, format=ox.RdfFormat.TURTLE, prefixes=turtle_prefixes(graph))


def write_store_ntriples(graph: OxigraphGraph, fh: BinaryIO) -> None:
    """Write the graph as N-Triples in sorted line order, streamed subject by subject."""
    ox.serialize(_sorted_triples(graph.store), fh, format=ox.RdfFormat.N_TRIPLES)
