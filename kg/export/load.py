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


def external_contexts(document: object) -> list[str]:
    """Return the contexts a JSON-LD document would fetch: every ``@context`` that is (or lists)
    a reference rather than an inline object, and every ``@import``, anywhere in the document.

    Example:
        >>> external_contexts({"@context": ["https://schema.org/", {"x": "urn:x"}], "@graph": []})
        ['https://schema.org/']
    """
    found: list[str] = []
    stack = [document]
    while stack:  # iterative: a document nested thousands deep must not exhaust the stack
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str):
                            found.append(item)
                        else:
                            stack.append(item)
                elif key == "@import" and isinstance(value, str):
                    found.append(value)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def check_jsonld_contexts(path: Path, *, allow_remote_context: bool = False) -> None:
    """Refuse a JSON-LD file whose ``@context`` would be fetched (``http(s)://``, ``file://`` or a
    relative reference): reading a graph must not make network requests or read other files.

    Raises:
        InputError: When the file refers to an external context and that was not allowed.
    """
    if allow_remote_context:
        return
    import json

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError, OSError):
        return  # the parser reports it
    refs = external_contexts(document)
    if refs:
        shown = ", ".join(refs[:3]) + (f" (+{len(refs) - 3} more)" if len(refs) > 3 else "")
        raise InputError(
            path,
            f"refers to a JSON-LD @context that would be fetched ({shown}); not loaded unless allowed (--allow-remote-context)",
        )


def load_graph(path: Path | str, *, fmt: str | None = None, allow_remote_context: bool = False) -> Graph:
    """Read a graph from a file, guessing its format from the suffix.

    TriG and N-Quads files are read as datasets and returned as the union of their graphs.

    Args:
        path: An RDF file, or a build folder holding ``graph.ttl``.
        fmt: rdflib parser name, to override the guess.
        allow_remote_context: Let a JSON-LD file fetch its remote or ``file://`` ``@context``.

    Returns:
        The graph, with kg's prefixes bound.

    Raises:
        InputError: When the file is missing, its format unknown, or it does not parse, or it
            is JSON-LD with an external context not allowed; the message names the file, on one line.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "g.ttl").write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
        >>> len(load_graph(folder / "g.ttl"))
        1
    """
    path = resolve_graph_path(path)
    fmt = fmt or guess_rdf_format(path)
    if fmt == "json-ld":
        check_jsonld_contexts(path, allow_remote_context=allow_remote_context)
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


def load_store_graph(path: Path | str, *, fmt: str | None = None, allow_remote_context: bool = False) -> OxigraphGraph:
    """Read a graph from a file straight into an in-memory Oxigraph store (no rdflib copy).

    For graphs too large for rdflib's memory store (``kg validate --store oxigraph``). TriG and
    N-Quads files are read as the union of their graphs, as :func:`load_graph` reads them.

    Args:
        path: An RDF file, or a build folder holding ``graph.ttl``.
        fmt: rdflib parser name, to override the guess.
        allow_remote_context: Accept a JSON-LD file with an external ``@context``.

    Raises:
        InputError: When the file is missing, its format unknown, or it does not parse,
            or it is JSON-LD with an external context not allowed.
    """
    import pyoxigraph as ox

    path = resolve_graph_path(path)
    fmt = fmt or guess_rdf_format(path)
    if fmt == "json-ld":
        check_jsonld_contexts(path, allow_remote_context=allow_remote_context)
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
