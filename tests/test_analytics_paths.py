"""kg.analytics.paths: finding entities by name or id, and evidenced chains between them."""

from __future__ import annotations

import itertools
import json

import networkx as nx
import pytest

from kg.analytics import Step, find_entity, sample_graph, shortest_paths
from kg.errors import KgError, UsageError
from kg.graph import build_graph, to_networkx
from kg.records import Article, Entity, Evidence, Relation
from kg.vocab import MKR_IRI


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(sample_graph())


def graph_of(entities: list[tuple[str, str, dict[str, list[str]]]], relations: list[tuple[str, str, str]]):
    """A networkx view of a contract graph: entities (key, class, {lang: labels}), relations (s, p, o)."""
    records = []
    for key, cls, labels in entities:
        first = next(iter(labels.values()))[0]
        entity = Entity(key=key, cls=cls, label=first)
        for lang, forms in labels.items():
            for form in forms:
                entity.add_label(lang, form)
        records.append(entity)
    rels = [Relation(s, p, o, Evidence("t", f"{s} {p} {o}.", "en", "test")) for s, p, o in relations]
    return to_networkx(build_graph([Article(id="t", text="T.", lang="en")], records, rels))


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Soramitsu", "company/soramitsu"),
        ("soramitsu", "company/soramitsu"),
        ("  SORAMITSU ", "company/soramitsu"),
        ("MetaBank", "company/metabank"),  # an alternative label
        ("metabank singapore", "company/metabank"),
        ("Lào", "country/laos"),  # Vietnamese
        ("ลาว", "country/laos"),  # Thai
        ("Nhật Bản", "country/japan"),
        ("ＤＬａｋ", "product/dlak"),  # fullwidth letters, equal after NFKC
        ("the National Convention Center", "place/national-convention-center"),
        ("CBDC", "technology/cbdc"),
        (MKR_IRI + "government/laos", "government/laos"),
        ("mkr:government/laos", "government/laos"),
        ("government/laos", "government/laos"),
    ],
)
def test_paths_find_entity(G: nx.MultiDiGraph, query: str, key: str) -> None:
    assert find_entity(G, query) == MKR_IRI + key


@pytest.mark.parametrize(("query", "suggested"), [("Soramitzu", "Soramitsu"), ("Metabnk", "MetaBank Singapore")])
def test_paths_find_entity_not_found_suggests(G: nx.MultiDiGraph, query: str, suggested: str) -> None:
    with pytest.raises(UsageError) as info:
        find_entity(G, query)
    message = str(info.value)
    assert f"no entity named {query!r}" in message
    assert f"did you mean: {suggested}" in message
    assert "\n" not in message


@pytest.mark.parametrize("query", ["Atlantis", ""])
def test_paths_find_entity_unknown_is_a_kg_error(G: nx.MultiDiGraph, query: str) -> None:
    with pytest.raises(KgError):
        find_entity(G, query)


@pytest.mark.parametrize("query", ["Lao", "lao"])
def test_paths_find_entity_ambiguous_lists_candidates(query: str) -> None:
    G = graph_of(
        [("country/laos", "Country", {"en": ["Laos", "Lao"]}), ("company/lao", "Company", {"en": ["Lao Co", "Lao"]})],
        [],
    )
    with pytest.raises(UsageError) as info:
        find_entity(G, query)
    message = str(info.value)
    assert "names 2 entities" in message
    assert "Lao Co (mkr:company/lao, Company)" in message and "Laos (mkr:country/laos, Country)" in message


@pytest.mark.parametrize("query", ["Lao"])
def test_paths_find_entity_preferred_label_wins(query: str) -> None:
    G = graph_of(
        [("country/laos", "Country", {"en": ["Laos", "Lao"]}), ("company/lao", "Company", {"en": ["Lao"]})],
        [],
    )
    assert find_entity(G, query) == MKR_IRI + "company/lao"


def test_paths_soramitsu_to_metabank(G: nx.MultiDiGraph) -> None:
    paths = shortest_paths(G, "Soramitsu", "MetaBank")
    assert len(paths) == 3
    assert [len(p) for p in paths] == sorted(len(p) for p in paths)
    first = paths[0]
    assert [s.arrow() for s in first] == [
        "Soramitsu —partner→ Government of Laos",
        "Government of Laos ←subOrganizationOf— Ministry of Technology and Communications",
        "Ministry of Technology and Communications —partner→ MetaBank Singapore",
    ]
    # consecutive steps chain up
    for a, b in itertools.pairwise(first):
        assert a.target == b.source
    assert first[0].source == MKR_IRI + "company/soramitsu"
    assert first[-1].target == MKR_IRI + "company/metabank"


def test_paths_steps_record_real_direction_and_evidence(G: nx.MultiDiGraph) -> None:
    (path,) = shortest_paths(G, "Soramitsu", "DLak", max_paths=1)
    (step,) = path
    assert step.property == "developedBy"
    assert step.forward is False
    assert (step.subject, step.object) == (MKR_IRI + "product/dlak", MKR_IRI + "company/soramitsu")
    assert step.sentence == "Soramitsu and the Bank of the Lao PDR developed DLak, a digital currency for Laos."
    assert step.article == "sample_b"
    assert step.evidence[0]["extractor"] == "sample"
    assert step.arrow() == "Soramitsu ←developedBy— DLak"


def test_paths_step_as_dict_is_json(G: nx.MultiDiGraph) -> None:
    (path,) = shortest_paths(G, "Soramitsu", "DLak", max_paths=1)
    data = path[0].as_dict()
    json.dumps(data)
    assert data["source_id"] == "mkr:company/soramitsu"
    assert data["subject"] == MKR_IRI + "product/dlak"


@pytest.mark.parametrize("max_paths", [1, 2, 5])
def test_paths_max_paths(G: nx.MultiDiGraph, max_paths: int) -> None:
    assert len(shortest_paths(G, "Soramitsu", "MetaBank", max_paths=max_paths)) == max_paths


def test_paths_deterministic(G: nx.MultiDiGraph) -> None:
    again = to_networkx(sample_graph())
    assert shortest_paths(G, "Laos", "Japan", max_paths=4) == shortest_paths(again, "Laos", "Japan", max_paths=4)


def test_paths_no_path_is_empty() -> None:
    G = graph_of(
        [("company/a", "Company", {"en": ["A"]}), ("company/b", "Company", {"en": ["B"]})],
        [],
    )
    assert shortest_paths(G, "A", "B") == []


def test_paths_same_entity_is_one_empty_path(G: nx.MultiDiGraph) -> None:
    assert shortest_paths(G, "Laos", "Lào") == [[]]


@pytest.mark.parametrize("max_paths", [0, -2])
def test_paths_max_paths_below_one_is_a_usage_error(G: nx.MultiDiGraph, max_paths: int) -> None:
    with pytest.raises(UsageError):
        shortest_paths(G, "Laos", "Japan", max_paths=max_paths)


def test_paths_step_prefers_evidenced_relation() -> None:
    G = graph_of(
        [("company/a", "Company", {"en": ["A"]}), ("company/b", "Company", {"en": ["B"]})],
        [("company/b", "partner", "company/a"), ("company/a", "developedBy", "company/b")],
    )
    for _, _, data in G.edges(data=True):
        if data["property"] == "developedBy":
            data["evidence"] = []
    (path,) = shortest_paths(G, "A", "B")
    assert path[0].property == "partner" and path[0].forward is True
    assert isinstance(path[0], Step)
