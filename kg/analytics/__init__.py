"""Exploring a built graph: summary statistics and chains of relations between entities.

    >>> from kg.analytics import graph_stats, shortest_paths, load_graph
    >>> from kg.graph import to_networkx

:func:`graph_stats` summarises an rdflib graph as plain dicts (``kg stats``);
:func:`find_entity` and :func:`shortest_paths` work on the networkx view from
:func:`kg.graph.to_networkx` (``kg path``); :func:`load_graph` reads a graph file.
"""

from kg.analytics.paths import Step, find_entity, shortest_paths
from kg.analytics.sample import sample_graph
from kg.analytics.stats import graph_stats
from kg.export.load import load_graph

__all__ = ["Step", "find_entity", "graph_stats", "load_graph", "sample_graph", "shortest_paths"]
