"""Export a graph in every format kg supports, through one registry.

Example:
    >>> from kg.export import list_formats
    >>> list_formats()[:2]
    ['turtle', 'ntriples']
"""

from __future__ import annotations

import logging
from pathlib import Path

from kg.errors import UsageError
from kg.export import dataset, network, rdf
from kg.export.load import load_graph, resolve_graph_path
from kg.export.registry import (
    Exporter,
    all_format_names,
    exporters,
    format_for_suffix,
    get_exporter,
    list_formats,
    register,
)
from kg.graph.store import GraphLike, OxigraphGraph

logger = logging.getLogger(__name__)

register(
    Exporter(
        "turtle",
        rdf.write_turtle,
        ".ttl",
        "text/turtle",
        "Turtle, sorted and prefixed (byte-stable across rebuilds)",
        aliases=("ttl",),
        rdf_format="turtle",
    )
)
register(
    Exporter(
        "ntriples",
        rdf.write_ntriples,
        ".nt",
        "application/n-triples",
        "N-Triples, one triple a line, sorted",
        aliases=("nt", "n-triples"),
        rdf_format="nt",
    )
)
register(
    Exporter(
        "nquads",
        dataset.write_nquads,
        ".nq",
        "application/n-quads",
        "N-Quads, one named graph per article, sorted",
        aliases=("nq", "n-quads"),
        rdf_format="nquads",
        dataset=True,
    )
)
register(
    Exporter(
        "trig",
        dataset.write_trig,
        ".trig",
        "application/trig",
        "TriG, one named graph per article",
        rdf_format="trig",
        dataset=True,
    )
)
register(
    Exporter(
        "json-ld",
        rdf.write_jsonld,
        ".jsonld",
        "application/ld+json",
        "JSON-LD compacted with ontology/context.jsonld",
        aliases=("jsonld",),
        rdf_format="json-ld",
    )
)
register(
    Exporter(
        "rdfxml",
        rdf.write_rdfxml,
        ".rdf",
        "application/rdf+xml",
        "RDF/XML",
        aliases=("xml", "rdf/xml", "rdf-xml"),
        rdf_format="xml",
    )
)
register(
    Exporter(
        "graphml",
        network.write_graphml,
        ".graphml",
        "application/graphml+xml",
        "GraphML of the entity graph (yEd, Cytoscape)",
    )
)
register(Exporter("gexf", network.write_gexf, ".gexf", "application/gexf+xml", "GEXF of the entity graph (Gephi)"))
register(
    Exporter(
        "csv",
        network.write_csv,
        ".zip",
        "text/csv",
        "nodes.csv and edges.csv, into a folder or a .zip",
    )
)


#: Formats written straight from an :class:`~kg.graph.store.OxigraphGraph`; the others from an rdflib copy.
STORE_FORMATS: frozenset[str] = frozenset({"turtle", "ntriples"})


def export_graph(graph: GraphLike, fmt: str | None, path: Path | str) -> Path:
    """Write ``graph`` to ``path`` in format ``fmt``, atomically.

    Args:
        graph: The graph to write.
        fmt: A format name, alias or media type (see :func:`list_formats`); None to
            guess it from the suffix of ``path``.
        path: The output file (for ``csv``: a folder, or a ``.zip`` file).

    Returns:
        The path written.

    Raises:
        UsageError: When the format is unknown or cannot be guessed, or ``path`` cannot take the output.
    """
    path = Path(path)
    if fmt is None:
        exporter = format_for_suffix(path)
        if exporter is None:
            raise UsageError(f"{path}: cannot tell the export format from the file name; give --format")
    else:
        exporter = get_exporter(fmt)
    if exporter.name == "csv" and path.suffix.lower() != ".zip" and (path.is_file() or path.suffix.lower() == ".csv"):
        raise UsageError(
            f"{path}: csv output is two tables, nodes.csv and edges.csv; give a folder or a .zip file (not a name ending in .csv)"
        )
    if exporter.name != "csv" and path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name for {exporter.name} output")
    logger.info("writing %s (%d triples) to %s", exporter.name, len(graph), path)
    if isinstance(graph, OxigraphGraph) and exporter.name not in STORE_FORMATS:
        logger.info("%s is written from an rdflib copy of the Oxigraph store", exporter.name)
        graph = graph.to_rdflib()
    exporter.write(graph, path)
    return path


__all__ = [
    "Exporter",
    "all_format_names",
    "export_graph",
    "exporters",
    "format_for_suffix",
    "get_exporter",
    "list_formats",
    "load_graph",
    "register",
    "resolve_graph_path",
]
