"""kg.export: the registry, every exporter, stable output and the round trip back to RDF."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError, UsageError
from kg.export import (
    all_format_names,
    export_graph,
    exporters,
    get_exporter,
    list_formats,
    load_graph,
)
from kg.export.dataset import ONTOLOGY_GRAPH, build_dataset
from kg.export.sample import ARTICLE_ID, OTHER_ARTICLE_ID, sample_graph
from kg.graph import to_networkx
from kg.iri import resource_iri
from kg.resources import ontology_dir
from kg.vocab import MK, MKR

RDF_EXPORTERS = [e for e in exporters() if e.rdf_format]
ALL_EXPORTERS = exporters()


def read_back(path: Path, exporter_name: str) -> tuple[Graph, Dataset | None]:
    """Parse an RDF export; for datasets return the union of the non-ontology graphs and the dataset."""
    exporter = get_exporter(exporter_name)
    if not exporter.dataset:
        return Graph().parse(path, format=exporter.rdf_format), None
    dataset = Dataset()
    dataset.parse(path, format=exporter.rdf_format)
    union = Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g != ONTOLOGY_GRAPH:
            union.add((s, p, o))
    return union, dataset


def output_bytes(path: Path) -> dict[str, bytes]:
    """The bytes written at ``path`` (a file, or every file of a folder)."""
    if path.is_dir():
        return {child.name: child.read_bytes() for child in sorted(path.iterdir())}
    data = path.read_bytes()
    # GEXF stamps the day it was written; that is the one part allowed to differ
    return {path.name: re.sub(rb'lastmodifieddate="[^"]*"', b"", data)}


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("ttl", "turtle"),
        ("turtle", "turtle"),
        ("text/turtle", "turtle"),
        ("TTL", "turtle"),
        ("nt", "ntriples"),
        ("application/n-triples", "ntriples"),
        ("nq", "nquads"),
        ("trig", "trig"),
        ("jsonld", "json-ld"),
        ("application/ld+json", "json-ld"),
        ("graphml", "graphml"),
        ("gexf", "gexf"),
        ("csv", "csv"),
    ],
)
def test_export_registry_resolves_aliases(alias: str, name: str) -> None:
    assert get_exporter(alias).name == name


def test_export_list_formats_names_every_format() -> None:
    assert list_formats() == ["turtle", "ntriples", "nquads", "trig", "json-ld", "rdfxml", "graphml", "gexf", "csv"]
    assert {"ttl", "text/turtle", "jsonld"} <= set(all_format_names())


@pytest.mark.parametrize("fmt", ["pdf", "", "turtle2"])
def test_export_unknown_format_is_a_usage_error(fmt: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format"):
        export_graph(sample_graph(), fmt, tmp_path / "out")


@pytest.mark.parametrize("exporter", RDF_EXPORTERS, ids=lambda e: e.name)
def test_export_round_trip_is_isomorphic(exporter, tmp_path: Path) -> None:
    graph = sample_graph()
    path = export_graph(graph, exporter.name, tmp_path / f"graph{exporter.suffix}")
    back, _ = read_back(path, exporter.name)
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


@pytest.mark.parametrize("exporter", RDF_EXPORTERS, ids=lambda e: e.name)
def test_export_load_graph_reads_every_rdf_export(exporter, tmp_path: Path) -> None:
    graph = sample_graph()
    path = export_graph(graph, exporter.name, tmp_path / f"graph{exporter.suffix}")
    loaded = load_graph(path)
    if exporter.dataset:
        ontology = Graph().parse(ontology_dir() / "mekong-kg.ttl")
        assert isomorphic(loaded, graph + ontology)
    else:
        assert isomorphic(loaded, graph)


@pytest.mark.parametrize("exporter", ALL_EXPORTERS, ids=lambda e: e.name)
def test_export_is_byte_stable_whatever_the_insertion_order(exporter, tmp_path: Path) -> None:
    first = export_graph(sample_graph(seed=1), exporter.name, tmp_path / "a" / f"graph{exporter.suffix or ''}")
    second = export_graph(sample_graph(seed=7), exporter.name, tmp_path / "b" / f"graph{exporter.suffix or ''}")
    assert output_bytes(first) == output_bytes(second)


@pytest.mark.parametrize("exporter", ALL_EXPORTERS, ids=lambda e: e.name)
def test_export_leaves_no_temporary_files(exporter, tmp_path: Path) -> None:
    export_graph(sample_graph(), exporter.name, tmp_path / f"graph{exporter.suffix}")
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["ntriples", "nquads"])
def test_export_line_formats_are_sorted(fmt: str, tmp_path: Path) -> None:
    lines = export_graph(sample_graph(), fmt, tmp_path / "out").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))


def test_export_turtle_uses_kg_prefixes(tmp_path: Path) -> None:
    text = export_graph(sample_graph(), "ttl", tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert "@prefix mk: <https://w3id.org/mekong-kg/ontology#> ." in text
    assert "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ." in text
    assert not re.search(r"@prefix ns\d+:", text)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_dataset_has_one_named_graph_per_article(fmt: str, tmp_path: Path) -> None:
    path = export_graph(sample_graph(), fmt, tmp_path / f"graph.{fmt}")
    _, dataset = read_back(path, fmt)
    assert dataset is not None
    names = {g.identifier for g in dataset.graphs() if len(g)}
    first, second = resource_iri("graph", ARTICLE_ID), resource_iri("graph", OTHER_ARTICLE_ID)
    assert {first, second, ONTOLOGY_GRAPH} <= names
    conference = MKR["event/blockchain-4-0-conference"]
    pm = MKR["person/sonexay-siphandone"]
    # the chair fact is read in both articles, so it is in both graphs, each with its own evidence
    for name in (first, second):
        graph = dataset.graph(name)
        assert (conference, MK.chair, pm) in graph
        records = set(graph.subjects(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
        assert records
        assert all(
            str(a).endswith(str(name).rsplit("/", 1)[-1]) for r in records for a in graph.objects(r, None) if "article/" in str(a)
        )
    # the organizer fact is only in the English article's graph
    assert (conference, MK.organizer, MKR["ministry/lao-mtc"]) not in dataset.graph(second)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    assert (URIRef(str(MK.Ministry)), None, None) in ontology


def test_export_dataset_default_graph_holds_entities_not_evidence() -> None:
    dataset = build_dataset(sample_graph(), include_ontology=False)
    default = dataset.default_graph
    assert (MKR["country/laos"], URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in default
    assert not list(default.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), MK.Evidence))
    assert (None, MK.chair, None) not in default


def test_export_jsonld_embeds_the_ontology_context(tmp_path: Path) -> None:
    path = export_graph(sample_graph(), "json-ld", tmp_path / "graph.jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == context
    laos = next(node for node in doc["@graph"] if node["@id"].endswith("/country/laos"))
    assert laos["@type"] == "mk:Country"
    assert laos["sameAs"] == "wd:Q819" or laos["sameAs"] == "http://www.wikidata.org/entity/Q819"


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_network_formats_keep_nodes_edges_and_attributes(fmt: str, reader, tmp_path: Path) -> None:
    graph = sample_graph()
    expected = to_networkx(graph)
    path = export_graph(graph, fmt, tmp_path / f"graph.{fmt}")
    back = reader(path)
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    pm = back.nodes[str(MKR["person/sonexay-siphandone"])]
    assert pm["cls"] == "Person"
    assert pm["label"] == "Sonexay Siphandone"
    assert json.loads(pm["labels"])["vi"] == ["Sonexay Siphandone"]
    chair_edges = [d for _, _, d in back.edges(data=True) if d.get("property") == "chair"]
    assert len(chair_edges) == 1
    assert {ev["article"] for ev in json.loads(chair_edges[0]["evidence"])} == {ARTICLE_ID, OTHER_ARTICLE_ID}


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("target", ["tables", "tables.zip"])
def test_export_csv_writes_node_and_edge_tables(target: str, tmp_path: Path) -> None:
    graph = sample_graph()
    path = export_graph(graph, "csv", tmp_path / target)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
            nodes = _csv_rows(archive.read("nodes.csv").decode("utf-8"))
            edges = _csv_rows(archive.read("edges.csv").decode("utf-8"))
    else:
        nodes = _csv_rows((path / "nodes.csv").read_text(encoding="utf-8"))
        edges = _csv_rows((path / "edges.csv").read_text(encoding="utf-8"))
    expected = to_networkx(graph)
    assert len(nodes) == expected.number_of_nodes()
    assert len(edges) == expected.number_of_edges()
    chair = next(e for e in edges if e["property"] == "chair")
    assert chair["source_label"].startswith("Ministerial Level Conference")
    assert chair["target_label"] == "Sonexay Siphandone"
    assert chair["evidence_count"] == "2"
    assert json.loads(chair["articles"]) == [ARTICLE_ID, OTHER_ARTICLE_ID]


def test_export_csv_refuses_a_plain_file(tmp_path: Path) -> None:
    target = tmp_path / "tables"
    target.write_text("not a folder")
    with pytest.raises(UsageError, match=r"folder or a \.zip"):
        export_graph(sample_graph(), "csv", target)


def test_export_format_is_guessed_from_the_suffix(tmp_path: Path) -> None:
    path = export_graph(sample_graph(), None, tmp_path / "graph.nt")
    assert path.read_text(encoding="utf-8").startswith("<")
    with pytest.raises(UsageError, match="give --format"):
        export_graph(sample_graph(), None, tmp_path / "graph.unknown")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ttl", None, "no such graph file"),
        ("graph.xyz", "", "cannot tell the RDF format"),
        ("broken.ttl", "@prefix mk: <x> .\nmk:a mk:b ", "not valid turtle"),
        ("broken.nt", "<a> <b> .\n", "not valid nt"),
    ],
)
def test_load_graph_errors_name_the_file(name: str, content: str | None, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_graph(path)
    assert str(path) in str(info.value)


def test_load_graph_reads_a_build_folder(tmp_path: Path) -> None:
    export_graph(sample_graph(), "turtle", tmp_path / "graph.ttl")
    assert isomorphic(load_graph(tmp_path), sample_graph())


@pytest.mark.slow
@pytest.mark.parametrize("exporter", ALL_EXPORTERS, ids=lambda e: e.name)
def test_export_built_corpus_round_trips(exporter, built_graph_path: Path, tmp_path: Path) -> None:
    graph = load_graph(built_graph_path)
    path = export_graph(graph, exporter.name, tmp_path / f"graph{exporter.suffix}")
    if exporter.rdf_format:
        back, _ = read_back(path, exporter.name)
        assert isomorphic(back, graph)
    else:
        assert path.exists()


@pytest.mark.slow
def test_export_built_corpus_turtle_is_what_build_wrote(built_graph_path: Path, tmp_path: Path) -> None:
    graph = load_graph(built_graph_path)
    path = export_graph(graph, "turtle", tmp_path / "graph.ttl")
    assert isomorphic(Graph().parse(path), graph)


def test_turtle_of_a_built_graph_is_written_without_a_copy_and_byte_stable(tmp_path: Path) -> None:
    """A graph kg built is already stable (kg's prefixes, no blank nodes): written as it is, same bytes as via a copy."""
    from kg.export.rdf import _already_stable, stable_graph, write_turtle

    graph = sample_graph()
    assert _already_stable(graph)
    write_turtle(graph, tmp_path / "g.ttl")
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8") == stable_graph(graph).serialize(format="turtle")
    graph.bind("mk", "http://example.org/other#", override=True, replace=True)
    assert not _already_stable(graph)  # a clashing prefix: the copy rebinds kg's own
