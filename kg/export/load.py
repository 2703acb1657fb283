"""Reading a graph back from a file whose format is guessed from its suffix."""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.graph.builder import new_graph
from kg.graph.store import OxigraphGraph

logger = logging.getLogger(__name__)

#: file suffix -> rdflib parser name
RDF_SUFFIXES: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
}

DATASET_FORMATS: frozenset[str] = frozenset({"nquads", "trig"})


def guess_rdf_format(path: Path | str) -> str:
    """Return the rdflib parser name for a file suffix.

    Raises:
        InputError: When the suffix is not one of :data:`RDF_SUFFIXES`.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_SUFFIXES:
        known = ", ".join(sorted(RDF_SUFFIXES))
        raise InputError(path, f"cannot tell the RDF format from the suffix {suffix or '(none)'!r}; use one of {known}")
    return RDF_SUFFIXES[suffix]


def resolve_graph_path(path: Path | str) -> Path:
    """Return the graph file for ``path``: the file itself, or ``graph.ttl`` inside a build folder.

    Raises:
        InputError: When there is no such file.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise InputError(path, "no such graph file")
    return path


def load_graph(path: Path | str, *, fmt: str | None = None) -> Graph:
    """Read a graph from a file, guessing its format from the suffix.

    TriG and N-Quads files are read as datasets and returned as the union of their graphs.

    Args:
        path: An RDF file, or a build folder holding ``graph.ttl``.
        fmt: rdflib parser name, to override the guess.

    Returns:
        The graph, with kg's prefixes bound.

    Raises:
        InputError: When the file is missing, its format unknown, or it does not parse;
            the message names the file, on one line.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "g.ttl").write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
        >>> len(load_graph(folder / "g.ttl"))
        1
    """
    path = resolve_graph_path(path)
    fmt = fmt or guess_rdf_format(path)
    try:
        if fmt in DATASET_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = new_graph()
            for quad in dataset.quads((None, None, None, None)):
                graph.add(quad[:3])
        else:
            graph = new_graph()
            graph.parse(path, format=fmt)
    except Exception as e:  # rdflib's parsers raise many unrelated exception types
        detail = " ".join(str(e).split()) or type(e).__name__  # rdflib's messages span lines; the CLI prints one
        raise InputError(path, f"not valid {fmt}: {detail}") from e
    logger.info("read %d triples from %s", len(graph), path)
    return graph


#: rdflib parser name -> Oxigraph's format name
_OXIGRAPH_FORMATS: dict[str, str] = {
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "json-ld": "JSON_LD",
    "xml": "RDF_XML",
    "n3": "N3",
}


def load_store_graph(path: Path | str, *, fmt: str | None = None) -> OxigraphGraph:
    """Read a graph from a file straight into an in-memory Oxigraph store (no rdflib copy).

    For graphs too large for rdflib's memory store (``kg validate --store oxigraph``). TriG and
    N-Quads files are read as the union of their graphs, as :func:`load_graph` reads them.

    Args:
        path: An RDF file, or a build folder holding ``graph.ttl``.
        fmt: rdflib parser name, to override the guess.

    Raises:
        InputError: When the file is missing, its format unknown, or it does not parse.
    """
    import pyoxigraph as ox

    path = resolve_graph_path(path)
    fmt = fmt or guess_rdf_format(path)
    graph = new_graph("oxigraph")
    assert isinstance(graph, OxigraphGraph)
    default = ox.DefaultGraph()
    try:
        quads = ox.parse(path=str(path), format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[fmt]))
        graph.store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)
    except (SyntaxError, ValueError, OSError) as e:
        first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputError(path, f"not valid {fmt}: {first_line}") from e
    logger.info("read %d triples from %s into Oxigraph", len(graph), path)
    return graph
