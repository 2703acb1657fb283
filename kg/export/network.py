"""Property-graph exporters for graph tools: GraphML, GEXF (Gephi) and CSV node/edge tables.

All three go through :func:`kg.graph.to_networkx`, the one RDF-to-networkx
conversion.  GraphML and GEXF only hold scalar attributes, so lists and dicts
(labels per language, evidence) are JSON-encoded and missing values left out.
Nodes and edges are written in sorted order.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.atomic import atomic_write_bytes, atomic_write_text
from kg.graph.networkx import to_networkx

NODE_COLUMNS: tuple[str, ...] = ("id", "label", "cls", "country", "wikidata", "articles", "labels")
EDGE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "property",
    "source_label",
    "target_label",
    "evidence_count",
    "articles",
    "evidence",
)


def _scalar(value: Any) -> str | int | float | bool | None:
    """Return a GraphML/GEXF-safe attribute value: scalars as they are, containers as JSON."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Return :func:`to_networkx` of ``graph`` with scalar attributes only, nodes and edges sorted.

    Args:
        graph: A contract graph.

    Returns:
        A ``MultiDiGraph`` whose attribute values are str, int, float or bool.
    """
    source = to_networkx(graph)
    out = nx.MultiDiGraph()
    for node in sorted(source.nodes):
        attrs = {k: _scalar(v) for k, v in sorted(source.nodes[node].items())}
        out.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
    for s, o, key, data in sorted(source.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        evidence = sorted(data.get("evidence", []), key=lambda ev: json.dumps(ev, sort_keys=True))
        out.add_edge(
            s,
            o,
            key=key,
            property=data.get("property", key),
            evidence=_scalar(evidence),
            evidence_count=len(evidence),
        )
    return out


def _network_bytes(graph: Graph, writer: Any) -> bytes:
    buffer = io.BytesIO()
    writer(flat_networkx(graph), buffer)
    return buffer.getvalue()


def write_graphml(graph: Graph, path: Path) -> None:
    """Write the entity graph to ``path`` as GraphML (yEd, Cytoscape, Gephi)."""
    atomic_write_bytes(path, _network_bytes(graph, nx.write_graphml))


def write_gexf(graph: Graph, path: Path) -> None:
    """Write the entity graph to ``path`` as GEXF 1.2 (Gephi)."""
    atomic_write_bytes(path, _network_bytes(graph, nx.write_gexf))


def csv_tables(graph: Graph) -> dict[str, str]:
    """Return ``{"nodes.csv": text, "edges.csv": text}`` for the entity graph.

    Lists and dicts are JSON-encoded in their cell; edges carry the labels of both
    ends so that the table reads without a join.
    """
    source = to_networkx(graph)
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node in sorted(source.nodes):
        data = source.nodes[node]
        writer.writerow(
            [
                node,
                data.get("label", ""),
                data.get("cls", ""),
                data.get("country") or "",
                data.get("wikidata") or "",
                json.dumps(data.get("articles", []), ensure_ascii=False),
                json.dumps(data.get("labels", {}), ensure_ascii=False, sort_keys=True),
            ]
        )
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for s, o, key, data in sorted(source.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        evidence = sorted(data.get("evidence", []), key=lambda ev: json.dumps(ev, sort_keys=True))
        writer.writerow(
            [
                s,
                o,
                key,
                source.nodes[s].get("label", ""),
                source.nodes[o].get("label", ""),
                len(evidence),
                json.dumps(sorted({ev["article"] for ev in evidence if ev.get("article")})),
                json.dumps(evidence, ensure_ascii=False, sort_keys=True),
            ]
        )
    return {"nodes.csv": nodes.getvalue(), "edges.csv": edges.getvalue()}


def write_csv(graph: Graph, path: Path) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` into the folder ``path``, or a zip when it ends in ``.zip``."""
    tables = csv_tables(graph)
    if path.suffix.lower() == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in tables.items():
                # a fixed timestamp keeps the archive byte-identical across rebuilds
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text.encode("utf-8"))
        atomic_write_bytes(path, buffer.getvalue())
        return
    for name, text in tables.items():
        atomic_write_text(path / name, text)
