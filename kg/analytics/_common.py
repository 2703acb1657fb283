"""Helpers shared by the analytics modules: short ids, label normalisation, projections."""

from __future__ import annotations

import re
import unicodedata

import networkx as nx

from kg.vocab import MKR_IRI

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def short_id(iri: str) -> str:
    """Return ``mkr:kind/slug`` for a resource IRI, or the IRI itself for any other."""
    return "mkr:" + iri[len(MKR_IRI) :] if iri.startswith(MKR_IRI) else iri


def normalize(text: str) -> str:
    """Normalise a name for matching: NFKC, dashes unified, case folded, whitespace collapsed.

    A leading "the " is dropped, as the gold matching in ``shared/eval`` does.
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).casefold()
    text = re.sub(r"\s+", " ", text).strip(" \t\"'“”‘’.,;:()")
    return text[4:] if text.startswith("the ") else text


def node_ref(G: nx.MultiDiGraph, node: str) -> dict[str, str]:
    """Return the plain-dict reference to a node used in every analytics result."""
    data = G.nodes[node]
    return {"id": short_id(node), "label": data.get("label", node), "class": data.get("cls", "")}


def sort_key(G: nx.MultiDiGraph, node: str) -> tuple[str, str]:
    """Order nodes by label (case-folded), then IRI, so that ties always break the same way."""
    return (normalize(G.nodes[node].get("label", node)), node)


def simple_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected simple graph of ``G``: one edge per related pair, no self-loops.

    Nodes and edges are inserted in sorted order so that order-sensitive algorithms
    (Louvain, Yen's k shortest paths) give the same answer on every run.
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=lambda n: sort_key(G, n)))
    pairs = {tuple(sorted((u, v), key=lambda n: sort_key(G, n))) for u, v in G.edges() if u != v}
    H.add_edges_from(sorted(pairs, key=lambda p: (sort_key(G, p[0]), sort_key(G, p[1]))))
    return H
