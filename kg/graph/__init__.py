"""RDF graph construction and conversions (see :func:`build_graph`, :func:`to_networkx`)."""

from kg.graph.builder import build_graph
from kg.graph.networkx import to_networkx

__all__ = ["build_graph", "to_networkx"]
