"""Summary statistics of a built graph: counts, centrality, components, communities, summaries.

Every function takes the graph first and returns plain dicts and lists, ordered
deterministically (scores descending, ties broken by label), so that the JSON
of two runs on the same graph is identical.  Centrality, components and
communities are computed on the undirected simple projection of the relation
graph (one edge per related pair of entities), the natural reading of "how
connected is this entity" whatever the direction or number of relations.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import networkx as nx
from rdflib import RDF, Graph, URIRef

from kg.analytics._common import node_ref, normalize, simple_projection, sort_key
from kg.errors import UsageError
from kg.graph import to_networkx
from kg.records import ENTITY_CLASSES, class_ancestors
from kg.vocab import MK

logger = logging.getLogger(__name__)

#: Seed of the Louvain community detection, fixed so that communities are reproducible.
COMMUNITY_SEED = 42

#: The groups in which :func:`technology_summary` lists what concerns a technology.
TECHNOLOGY_GROUPS: tuple[str, ...] = ("Program", "Event", "Organization", "Product", "Agreement")


def graph_stats(graph: Graph, *, top: int = 10) -> dict[str, Any]:
    """Summarise a contract graph.

    Args:
        graph: An rdflib graph following the contract (as written by ``kg build``).
        top: How many entities to list for each centrality measure.

    Returns:
        A dict with keys ``summary`` (triple, entity, relation, article and evidence
        counts), ``classes`` (entities per class), ``properties`` (relations per
        contract property), ``predicates`` (triples per predicate, every predicate),
        ``top`` (``degree``, ``pagerank`` and ``betweenness`` rankings),
        ``components``, ``communities``, ``countries`` and ``technologies`` (see
        the functions of this module of the same names).  Entities appear as
        ``{"id": "mkr:…", "label": …, "class": …}``.

    Raises:
        UsageError: When ``top`` is negative.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> stats = graph_stats(sample_graph(), top=3)
        >>> stats["summary"]["entities"], stats["classes"]["Country"]
        (17, 3)
        >>> [e["label"] for e in stats["top"]["degree"]][1:]
        ['Laos', 'Government of Laos']
    """
    if top < 0:
        raise UsageError(f"top must be zero or more, not {top}")
    G = to_networkx(graph)
    logger.info("computing statistics of %d entities and %d relations", G.number_of_nodes(), G.number_of_edges())
    return {
        "summary": {
            "triples": len(graph),
            "entities": G.number_of_nodes(),
            "relations": G.number_of_edges(),
            "articles": len(set(graph.subjects(RDF.type, MK.Article))),
            "evidence": len(set(graph.subjects(RDF.type, MK.Evidence))),
        },
        "classes": class_counts(G),
        "properties": property_counts(G),
        "predicates": predicate_counts(graph),
        "top": centrality(G, top=top),
        "components": components(G),
        "communities": communities(G),
        "countries": country_summary(G),
        "technologies": technology_summary(G),
    }


def _ranked(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def class_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Count entities per (most specific) class, most frequent first.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.

    Returns:
        ``{class name: count}``, ordered by count descending, then name.
    """
    return _ranked(Counter(cls for _, cls in G.nodes(data="cls")))


def property_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Count relations between entities per contract property, most frequent first.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.

    Returns:
        ``{property name: count}``, ordered by count descending, then name.
    """
    return _ranked(Counter(key for _, _, key in G.edges(keys=True)))


def predicate_counts(graph: Graph) -> dict[str, int]:
    """Count the triples of every predicate in the RDF graph, prefixed names where known.

    Args:
        graph: Any rdflib graph.

    Returns:
        ``{"rdfs:label": count, ...}``, ordered by count descending, then name.
    """
    names: dict[URIRef, str] = {}
    counts: Counter[str] = Counter()
    for p in graph.predicates(unique=False):
        if p not in names:
            try:
                names[p] = graph.namespace_manager.curie(str(p), generate=False)
            except (KeyError, ValueError):
                names[p] = str(p)
        counts[names[p]] += 1
    return _ranked(counts)


def centrality(G: nx.MultiDiGraph, *, top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Rank entities by degree, PageRank and betweenness on the undirected simple projection.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.
        top: How many entities to keep per measure.

    Returns:
        ``{"degree": [...], "pagerank": [...], "betweenness": [...]}``; each entry is an
        entity reference plus ``degree`` (distinct related entities) and ``relations``
        (relation triples it takes part in) for degree, or ``score`` for the others.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> [e["label"] for e in centrality(to_networkx(sample_graph()), top=2)["betweenness"]]
        ['Ministerial Level Conference on Blockchain 4.0', 'Laos']
    """
    H = simple_projection(G)
    by_degree = sorted(H.nodes, key=lambda n: (-H.degree(n), *sort_key(G, n)))[:top]
    degree = [{**node_ref(G, n), "degree": H.degree(n), "relations": G.degree(n)} for n in by_degree]
    out: dict[str, list[dict[str, Any]]] = {"degree": degree}
    if H.number_of_nodes() == 0:
        return {**out, "pagerank": [], "betweenness": []}
    scores = {
        "pagerank": nx.pagerank(H) if H.number_of_edges() else dict.fromkeys(H, 1 / H.number_of_nodes()),
        "betweenness": nx.betweenness_centrality(H),
    }
    for name, values in scores.items():
        # rounding first, so that float noise cannot reorder equal scores between runs
        rounded = {n: round(v, 6) for n, v in values.items()}
        ranked = sorted(H.nodes, key=lambda n, r=rounded: (-r[n], *sort_key(G, n)))[:top]
        out[name] = [{**node_ref(G, n), "score": rounded[n]} for n in ranked]
    return out


def components(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Describe the connected components of the undirected simple projection.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.

    Returns:
        ``{"count": n, "sizes": [largest first], "isolated": [entities with no relation]}``.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> components(to_networkx(sample_graph()))["sizes"]
        [17]
    """
    H = simple_projection(G)
    parts = list(nx.connected_components(H))
    isolated = sorted((n for part in parts if len(part) == 1 for n in part), key=lambda n: sort_key(G, n))
    return {
        "count": len(parts),
        "sizes": sorted((len(p) for p in parts), reverse=True),
        "isolated": [node_ref(G, n) for n in isolated],
    }


def communities(G: nx.MultiDiGraph, *, seed: int = COMMUNITY_SEED) -> dict[str, Any]:
    """Detect communities with Louvain (fixed seed) on the undirected simple projection.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.
        seed: Random seed of the Louvain method; the same seed gives the same communities.

    Returns:
        ``{"method": "louvain", "seed": seed, "count": n, "modularity": q or None,
        "communities": [{"size", "hub", "members"}]}``, largest community first;
        ``hub`` is the member of highest degree, ``members`` are ordered by degree
        descending, then label.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> result = communities(to_networkx(sample_graph()))
        >>> sum(c["size"] for c in result["communities"])
        17
    """
    H = simple_projection(G)
    found = nx.community.louvain_communities(H, seed=seed) if H.number_of_nodes() else []
    modularity = round(nx.community.modularity(H, found), 6) if H.number_of_edges() else None
    listed = []
    for members in found:
        ordered = sorted(members, key=lambda n: (-H.degree(n), *sort_key(G, n)))
        listed.append(
            {
                "size": len(ordered),
                "hub": node_ref(G, ordered[0]),
                "members": [node_ref(G, n) for n in ordered],
            }
        )
    listed.sort(key=lambda c: (-c["size"], normalize(c["hub"]["label"]), c["hub"]["id"]))
    return {
        "method": "louvain",
        "seed": seed,
        "count": len(listed),
        "modularity": modularity,
        "communities": listed,
    }


def _grouped(G: nx.MultiDiGraph, nodes: set[str], group_of: dict[str, str], order: tuple[str, ...]) -> dict[str, list]:
    groups: dict[str, list[str]] = {}
    for node in nodes:
        groups.setdefault(group_of[node], []).append(node)
    return {
        name: [
            {k: v for k, v in node_ref(G, n).items() if k != "class"} for n in sorted(groups[name], key=lambda n: sort_key(G, n))
        ]
        for name in order
        if name in groups
    }


def country_summary(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """For each country, the entities whose ``mk:country`` it is, grouped by class.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.

    Returns:
        One dict per ``mk:Country``: its reference, ``count`` of entities, ``by_class``
        (``{class: [{"id", "label"}]}`` in the contract's class order) and
        ``cooperates_with`` (countries linked by ``mk:cooperatesWith`` either way);
        countries with most entities first.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> laos = country_summary(to_networkx(sample_graph()))[0]
        >>> laos["label"], laos["count"], [e["label"] for e in laos["by_class"]["Government"]]
        ('Laos', 6, ['Government of Laos'])
    """
    out = []
    for country in (n for n, cls in G.nodes(data="cls") if cls == "Country"):
        members = {s for s, _, key in G.in_edges(country, keys=True) if key == "country"}
        partners = {o for _, o, key in G.out_edges(country, keys=True) if key == "cooperatesWith"}
        partners |= {s for s, _, key in G.in_edges(country, keys=True) if key == "cooperatesWith"}
        out.append(
            {
                **node_ref(G, country),
                "count": len(members),
                "by_class": _grouped(G, members, {n: G.nodes[n]["cls"] for n in members}, ENTITY_CLASSES),
                "cooperates_with": [
                    {"id": node_ref(G, n)["id"], "label": node_ref(G, n)["label"]}
                    for n in sorted(partners - {country}, key=lambda n: sort_key(G, n))
                ],
            }
        )
    out.sort(key=lambda c: (-c["count"], normalize(c["label"]), c["id"]))
    return out


def technology_summary(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """For each technology, the programs, events, organisations, products and agreements that concern it.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.

    Returns:
        One dict per ``mk:Technology``: its reference, ``count`` of entities related to
        it by ``mk:concerns`` and ``by_class`` (``{group: [{"id", "label"}]}``, the groups
        of :data:`TECHNOLOGY_GROUPS`; ministries, companies and other organisations are
        all under ``Organization``); most-discussed technologies first.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> blockchain = technology_summary(to_networkx(sample_graph()))[0]
        >>> blockchain["label"], sorted(blockchain["by_class"])
        ('blockchain', ['Agreement', 'Event'])
    """
    out = []
    for tech in (n for n, cls in G.nodes(data="cls") if cls == "Technology"):
        sources = {s for s, _, key in G.in_edges(tech, keys=True) if key == "concerns"}
        group_of = {n: class_ancestors(G.nodes[n]["cls"])[-1] for n in sources}
        out.append(
            {
                **node_ref(G, tech),
                "count": len(sources),
                "by_class": _grouped(G, sources, group_of, (*TECHNOLOGY_GROUPS, *ENTITY_CLASSES)),
            }
        )
    out.sort(key=lambda t: (-t["count"], normalize(t["label"]), t["id"]))
    return out
