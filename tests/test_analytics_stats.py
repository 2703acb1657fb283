"""kg.analytics.stats: counts, centrality, components, communities and summaries on known graphs."""

from __future__ import annotations

import json
import random

import pytest
from rdflib import Graph

from kg.analytics import graph_stats, sample_graph
from kg.errors import UsageError
from kg.graph import build_graph
from kg.records import Article, Entity, Evidence, Relation


def tiny_graph(entities: list[tuple[str, str, str]], relations: list[tuple[str, str, str]]) -> Graph:
    """A contract graph from (key, class, label) entities and (s, p, o) relations, one article."""
    article = Article(id="t", text="Text.", lang="en")
    records = []
    for key, cls, label in entities:
        entity = Entity(key=key, cls=cls, label=label)
        entity.add_label("en", label)
        records.append(entity)
    rels = [Relation(s, p, o, Evidence("t", f"{s} {p} {o}.", "en", "test")) for s, p, o in relations]
    return build_graph([article], records, rels)


@pytest.fixture(scope="module")
def stats() -> dict:
    return graph_stats(sample_graph(), top=5)


@pytest.mark.parametrize(
    ("key", "expected"),
    [("entities", 17), ("relations", 25), ("articles", 2), ("evidence", 25), ("triples", len(sample_graph()))],
)
def test_stats_summary_counts(stats: dict, key: str, expected: int) -> None:
    assert stats["summary"][key] == expected


@pytest.mark.parametrize(("cls", "count"), [("Country", 3), ("Technology", 3), ("Company", 2), ("Ministry", 1)])
def test_stats_class_counts(stats: dict, cls: str, count: int) -> None:
    assert stats["classes"][cls] == count
    counts = list(stats["classes"].values())
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(("prop", "count"), [("country", 8), ("concerns", 4), ("partner", 3), ("party", 2)])
def test_stats_property_counts(stats: dict, prop: str, count: int) -> None:
    assert stats["properties"][prop] == count
    assert stats["predicates"][f"mk:{prop}"] == count


@pytest.mark.parametrize("measure", ["degree", "pagerank", "betweenness"])
def test_stats_top_entities(stats: dict, measure: str) -> None:
    ranking = stats["top"][measure]
    assert len(ranking) == 5
    assert {"id", "label", "class"} <= set(ranking[0])
    assert ranking[0]["label"] == "Ministerial Level Conference on Blockchain 4.0"
    assert "Laos" in [e["label"] for e in ranking[:3]]


@pytest.mark.parametrize("top", [1, 3])
def test_stats_degree_counts_distinct_neighbours(top: int) -> None:
    ranking = graph_stats(sample_graph(), top=top)["top"]["degree"]
    assert len(ranking) == top
    # the conference: chair, organizer, supporter, location, country and two technologies
    assert ranking[0]["degree"] == 7 and ranking[0]["relations"] == 7


@pytest.mark.parametrize("measure", ["degree", "pagerank", "betweenness"])
def test_stats_ties_broken_by_label(measure: str) -> None:
    # a star: the hub first, then the four leaves (all tied) in label order
    leaves = [("company/d", "Company", "delta"), ("company/b", "Company", "Bravo"), ("company/c", "Company", "charlie")]
    leaves.append(("company/a", "Company", "alpha"))
    graph = tiny_graph([("country/hub", "Country", "Hub"), *leaves], [(key, "country", "country/hub") for key, _, _ in leaves])
    ranking = graph_stats(graph)["top"][measure]
    assert [e["label"] for e in ranking] == ["Hub", "alpha", "Bravo", "charlie", "delta"]


def test_stats_deterministic_whatever_the_triple_order() -> None:
    original = sample_graph()
    triples = list(original)
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for prefix, ns in original.namespaces():
        shuffled.bind(prefix, ns, override=True)
    for triple in triples:
        shuffled.add(triple)
    first = json.dumps(graph_stats(original), sort_keys=False)
    assert json.dumps(graph_stats(shuffled), sort_keys=False) == first
    assert json.dumps(graph_stats(original), sort_keys=False) == first


def test_stats_components_and_isolated_entities() -> None:
    graph = tiny_graph(
        [
            ("country/laos", "Country", "Laos"),
            ("government/laos", "Government", "Government of Laos"),
            ("company/a", "Company", "Acme"),
            ("company/b", "Company", "Beta"),
            ("technology/x", "Technology", "x-ray"),
        ],
        [("government/laos", "country", "country/laos"), ("company/a", "partner", "company/b")],
    )
    result = graph_stats(graph)["components"]
    assert result["count"] == 3
    assert result["sizes"] == [2, 2, 1]
    assert [e["label"] for e in result["isolated"]] == ["x-ray"]


def test_stats_communities_cover_every_entity_once(stats: dict) -> None:
    comm = stats["communities"]
    assert comm["method"] == "louvain" and comm["seed"] == 42
    members = [m["id"] for c in comm["communities"] for m in c["members"]]
    assert len(members) == len(set(members)) == 17
    assert comm["count"] == len(comm["communities"])
    assert 0 < comm["modularity"] < 1
    sizes = [c["size"] for c in comm["communities"]]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(
    ("country", "cls", "labels"),
    [
        ("Laos", "Government", ["Government of Laos"]),
        ("Laos", "Product", ["DLak"]),
        ("Japan", "Company", ["Soramitsu"]),
        ("Singapore", "Company", ["MetaBank Singapore"]),
    ],
)
def test_stats_country_summary(stats: dict, country: str, cls: str, labels: list[str]) -> None:
    summary = {c["label"]: c for c in stats["countries"]}
    assert [e["label"] for e in summary[country]["by_class"][cls]] == labels
    assert stats["countries"][0]["label"] == "Laos"


def test_stats_country_summary_cooperation() -> None:
    graph = tiny_graph(
        [("country/laos", "Country", "Laos"), ("country/vn", "Country", "Vietnam"), ("country/kh", "Country", "Cambodia")],
        [("country/laos", "cooperatesWith", "country/vn"), ("country/kh", "cooperatesWith", "country/laos")],
    )
    summary = {c["label"]: c for c in graph_stats(graph)["countries"]}
    assert [e["label"] for e in summary["Laos"]["cooperates_with"]] == ["Cambodia", "Vietnam"]
    assert [e["label"] for e in summary["Vietnam"]["cooperates_with"]] == ["Laos"]


@pytest.mark.parametrize(
    ("technology", "group", "labels"),
    [
        ("blockchain", "Event", ["Ministerial Level Conference on Blockchain 4.0"]),
        ("blockchain", "Agreement", ["MTC–MetaBank agreement"]),
        ("central bank digital currency", "Product", ["DLak"]),
    ],
)
def test_stats_technology_summary(stats: dict, technology: str, group: str, labels: list[str]) -> None:
    summary = {t["label"]: t for t in stats["technologies"]}
    assert [e["label"] for e in summary[technology]["by_class"][group]] == labels
    assert stats["technologies"][0]["label"] == "blockchain"


def test_stats_technology_summary_groups_organisations() -> None:
    graph = tiny_graph(
        [("technology/ai", "Technology", "AI"), ("ministry/m", "Ministry", "Ministry X"), ("company/c", "Company", "Co")],
        [("ministry/m", "concerns", "technology/ai"), ("company/c", "concerns", "technology/ai")],
    )
    (ai,) = graph_stats(graph)["technologies"]
    assert list(ai["by_class"]) == ["Organization"]
    assert [e["label"] for e in ai["by_class"]["Organization"]] == ["Co", "Ministry X"]


@pytest.mark.parametrize("graph", [Graph()])
def test_stats_empty_graph(graph: Graph) -> None:
    result = graph_stats(graph)
    assert result["summary"]["entities"] == 0
    assert result["top"] == {"degree": [], "pagerank": [], "betweenness": []}
    assert result["communities"]["count"] == 0 and result["communities"]["modularity"] is None
    json.dumps(result)


@pytest.mark.parametrize("top", [-1])
def test_stats_negative_top_is_a_usage_error(top: int) -> None:
    with pytest.raises(UsageError, match="top"):
        graph_stats(sample_graph(), top=top)
