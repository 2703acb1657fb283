"""Reading a built graph back from disk for analysis.

``kg/query.py`` (written alongside) may offer its own ``load_graph``; this one is
the small helper the analytics commands and notebooks rely on meanwhile.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.export.load import DATASET_FORMATS, RDF_SUFFIXES

logger = logging.getLogger(__name__)

#: Formats that carry named graphs, and file suffix -> rdflib parser name: one table with kg.export
QUAD_FORMATS = DATASET_FORMATS
FORMATS = RDF_SUFFIXES


def load_graph(path: Path | str) -> Graph:
    """Parse an RDF file into an rdflib graph, choosing the parser by the file's suffix.

    Quads (``.nq``, ``.trig``) are merged into one graph, whatever named graph holds them.

    Args:
        path: A graph file (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf`` ...).

    Returns:
        The parsed graph.

    Raises:
        InputError: When the file is missing, has an unknown suffix or does not parse;
            the message names the file.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "g.ttl").write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
        >>> len(load_graph(folder / "g.ttl"))
        1
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(path, f"unknown RDF file suffix {path.suffix or '(none)'!r}; expected one of {known}")
    graph = Graph()
    try:
        if fmt in QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for prefix, ns in dataset.namespaces():
                graph.bind(prefix, ns, override=False)
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt)
    except Exception as e:  # rdflib's parsers raise many unrelated types for bad input
        detail = " ".join(str(e).split())  # rdflib's messages span lines; the CLI prints one
        raise InputError(path, f"cannot parse as {fmt}: {detail}") from e
    logger.info("loaded %d triples from %s", len(graph), path)
    return graph
