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

The store may live on disk (:func:`open_disk_store`, ``kg build --store
oxigraph:DIR``) for graphs larger than memory: triples are then gathered in
batches and handed to Oxigraph's bulk loader, and written out subject by subject
in the store's own index order (no list of every subject in Python; the same
triples, in an order that depends only on them).

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
from pathlib import Path
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
    """A graph in a ``pyoxigraph.Store`` (its default graph), read and written with rdflib terms.

    Args:
        store: The store (default: a new in-memory one).
        bulk: Gather up to this many added triples and load them with Oxigraph's bulk loader
            (0: add each triple at once). Reading, or using :attr:`store`, loads those gathered first.
        folder: Where the store lives on disk, if it does.
    """

    def __init__(self, store: ox.Store | None = None, *, bulk: int = 0, folder: Path | None = None) -> None:
        self._store = store if store is not None else ox.Store()
        self._namespaces: dict[str, URIRef] = {}
        self._bulk = bulk
        self._pending: set[ox.Quad] = set()
        self.folder = folder

    @property
    def store(self) -> ox.Store:
        """The Oxigraph store, every triple added so far in it; SPARQL queries and dumps go to it directly."""
        self.flush()
        return self._store

    @property
    def on_disk(self) -> bool:
        """Whether the store lives in a folder."""
        return self.folder is not None

    # --- writing -------------------------------------------------------------------------

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        """Add one triple of rdflib terms."""
        s, p, o = triple
        quad = ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), _DEFAULT)
        if not self._bulk:
            self._store.add(quad)
            return
        self._pending.add(quad)
        if len(self._pending) >= self._bulk:
            self.flush()

    def flush(self) -> None:
        """Load the triples gathered for the bulk loader into the store."""
        if self._pending:
            self._store.bulk_extend(self._pending)
            self._pending = set()

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

    def _has(self, triple: tuple[Node, Node, Node]) -> bool:
        """Whether a triple with all three terms is in the graph, gathered or loaded (no load forced)."""
        quad = ox.Quad(*(to_oxigraph(t) for t in triple), _DEFAULT)
        return quad in self._pending or quad in self._store

    def triples(self, pattern: _Pattern) -> Iterator[tuple[Node, Node, Node]]:
        """The triples matching a pattern, as rdflib terms."""
        for quad in self._quads(pattern):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, triple: _Pattern) -> bool:
        if self._pending and all(t is not None for t in triple):
            return self._has(triple)  # type: ignore[arg-type]
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

#: Triples gathered before each call of Oxigraph's bulk loader when building into a store on disk.
BULK_BATCH = 200_000


def check_store_folder(folder: Path) -> None:
    """Raise :class:`~kg.errors.UsageError` unless ``folder`` is new, empty or an Oxigraph store
    (a build empties the store it fills: never a folder of other files)."""
    from kg.errors import UsageError

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--store oxigraph:{folder}: not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "CURRENT").is_file():
        raise UsageError(f"--store oxigraph:{folder}: the folder holds files that are not an Oxigraph store; name a new one")


def open_disk_store(folder: Path) -> OxigraphGraph:
    """Open (creating it) an on-disk Oxigraph store in ``folder``, emptied, for a build to fill.

    Raises:
        UsageError: When ``folder`` is a file, or a folder holding files that are not an Oxigraph
            store (kg empties the store it builds into, never anything else), or cannot be opened.
    """
    from kg.errors import UsageError

    check_store_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(folder))
    except OSError as e:
        raise UsageError(f"--store oxigraph:{folder}: cannot open the store: {e}") from e
    if len(store):
        store.clear()  # the graph is always assembled from this build's articles
    return OxigraphGraph(store, bulk=BULK_BATCH, folder=folder)


def _sorted_subjects(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode]:
    """The distinct subjects of the default graph, in N-Triples order (a list of a few bytes per triple)."""
    seen = {quad.subject for quad in store.quads_for_pattern(None, None, None, _DEFAULT)}
    return sorted(seen, key=str)


def _grouped_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple, subject by subject in the store's index order, each subject's triples sorted:
    one subject's triples in Python at a time and no list of subjects (for stores larger than memory)."""
    group: list[ox.Quad] = []
    for quad in store.quads_for_pattern(None, None, None, _DEFAULT):
        if group and quad.subject != group[0].subject:
            group.sort(key=lambda q: (str(q.predicate), str(q.object)))
            yield from (q.triple for q in group)
            group = []
        group.append(quad)
    group.sort(key=lambda q: (str(q.predicate), str(q.object)))
    yield from (q.triple for q in group)


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
    triples = _grouped_triples(graph.store) if graph.on_disk else _sorted_triples(graph.store)
    ox.serialize(triples, fh, format=ox.RdfFormat.TURTLE, prefixes=turtle_prefixes(graph))


def write_store_ntriples(graph: OxigraphGraph, fh: BinaryIO) -> None:
    """Write the graph as N-Triples in sorted line order (on disk: the store's order), streamed subject by subject."""
    triples = _grouped_triples(graph.store) if graph.on_disk else _sorted_triples(graph.store)
    ox.serialize(triples, fh, format=ox.RdfFormat.N_TRIPLES)
