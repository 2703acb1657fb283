"""Large graphs held in Oxigraph (``--store oxigraph``) give the same graph, view and checks as rdflib's store."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, require_tool, run_kg
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import UsageError
from kg.export import export_graph
from kg.graph.store import OxigraphGraph
from kg.pipeline import OXIGRAPH_FROM_ARTICLES, build, choose_store
from kg.validate import validate_graph
from kg.view.html import graph_data
from kg.vocab import MK


@pytest.fixture(scope="module")
def seeds(built_graph_path: Path) -> Graph:
    return Graph().parse(built_graph_path, format="turtle")


def _in_oxigraph(triples: list, like: Graph | None = None) -> OxigraphGraph:
    graph = OxigraphGraph()
    for prefix, ns in like.namespaces() if like is not None else ():
        graph.bind(prefix, ns)
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.fixture(scope="module")
def stored(seeds: Graph) -> OxigraphGraph:
    return _in_oxigraph(list(seeds))


def test_oxigraph_graph_reads_like_rdflib(seeds: Graph, stored: OxigraphGraph) -> None:
    assert len(stored) == len(seeds) > 1000
    assert isomorphic(stored.to_rdflib(), seeds)
    persons = set(seeds.subjects(RDF.type, MK.Person))
    assert set(stored.subjects(RDF.type, MK.Person)) == persons and persons
    person = sorted(persons)[0]
    assert stored.value(person, RDFS.label) == seeds.value(person, RDFS.label)
    assert set(stored.objects(person, None)) == set(seeds.objects(person, None))
    assert set(stored.subject_objects(MK.party)) == set(seeds.subject_objects(MK.party))
    assert (person, RDF.type, MK.Person) in stored
    assert (person, RDF.type, MK.Country) not in stored
    assert stored.value(URIRef("https://example.org/nothing"), RDFS.label) is None


def test_oxigraph_graph_remove_takes_a_pattern() -> None:
    a, p = URIRef("https://example.org/a"), URIRef("https://example.org/p")
    graph = _in_oxigraph([(a, p, Literal("x", lang="en")), (a, p, Literal("y")), (p, p, a)])
    graph.remove((a, None, None))
    assert list(graph) == [(p, p, a)]


def test_store_turtle_is_the_same_bytes_whatever_order_triples_came_in(seeds: Graph, tmp_path: Path) -> None:
    triples = list(seeds)
    written = []
    for seed in (1, 2):
        random.Random(seed).shuffle(triples)
        path = tmp_path / f"g{seed}.ttl"
        export_graph(_in_oxigraph(triples), "turtle", path)
        written.append(path.read_bytes())
    assert written[0] == written[1]
    assert isomorphic(Graph().parse(data=written[0].decode(), format="turtle"), seeds)


def test_store_ntriples_are_sorted_lines_of_the_same_graph(stored: OxigraphGraph, seeds: Graph, tmp_path: Path) -> None:
    path = export_graph(stored, "ntriples", tmp_path / "g.nt")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and lines[:-1] == sorted(lines[:-1]) and len(lines) - 1 == len(seeds)
    assert isomorphic(Graph().parse(path, format="nt"), seeds)


def test_other_formats_are_written_from_an_rdflib_copy(stored: OxigraphGraph, seeds: Graph, tmp_path: Path) -> None:
    path = export_graph(stored, "json-ld", tmp_path / "g.jsonld")
    assert isomorphic(Graph().parse(path, format="json-ld"), seeds)


def test_view_data_is_the_same_from_either_store(seeds: Graph, stored: OxigraphGraph) -> None:
    from_memory, from_store = graph_data(seeds), graph_data(stored)
    assert json.dumps(from_store, sort_keys=True) == json.dumps(from_memory, sort_keys=True)
    assert len(from_store["nodes"]) > 50 and from_store["edges"]


def test_validation_in_the_store_reports_what_pyshacl_reports(seeds: Graph) -> None:
    broken = Graph()
    for triple in seeds:
        broken.add(triple)
    person = sorted(seeds.subjects(RDF.type, MK.Person))[0]
    broken.remove((person, RDFS.label, None))  # minCount
    broken.add((person, MK.title, Literal("untagged")))  # datatype rdf:langString
    broken.add((person, RDF.type, MK.Country))  # two classes (a SPARQL constraint)
    expected = validate_graph(broken)
    assert not expected.conforms and len(expected.violations) >= 3
    stored = _in_oxigraph(list(broken), like=broken)
    got = validate_graph(stored)
    assert (got.conforms, got.violations) == (expected.conforms, expected.violations)
    assert len(stored) == len(broken)  # the ontology mixed in for the run is gone again
    clean = validate_graph(_in_oxigraph(list(seeds), like=seeds))
    assert clean.conforms and clean.violations == validate_graph(seeds).violations


def test_choose_store_by_corpus_size() -> None:
    assert choose_store("auto", OXIGRAPH_FROM_ARTICLES - 1) == "memory"
    assert choose_store("auto", OXIGRAPH_FROM_ARTICLES) == "oxigraph"
    assert choose_store("memory", 10**6) == "memory"
    with pytest.raises(UsageError, match="--store"):
        choose_store("sqlite", 5)


def test_build_in_oxigraph_writes_what_the_memory_build_writes(tmp_path: Path, built_corpus: Path, seeds: Graph) -> None:
    result = build(CORPUS, tmp_path, store="oxigraph", formats=["nt"])
    assert result.report.store == "oxigraph"
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl", format="turtle"), seeds)
    assert isomorphic(Graph().parse(tmp_path / "graph.nt", format="nt"), seeds)
    assert (tmp_path / "graph.html").read_bytes() == (built_corpus / "graph.html").read_bytes()
    expected = json.loads((built_corpus / "report.json").read_text(encoding="utf-8"))
    assert result.report.validation == expected["validation"]
    assert result.report.counts["triples"] == expected["counts"]["triples"]
    assert isomorphic(result.graph, seeds)  # read back from graph.ttl


def test_cli_store_option(tmp_path: Path) -> None:
    proc = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--store", "oxigraph", "--no-html", "-q", check=True)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["store"] == "oxigraph" and report["validation"]["conforms"], proc.stderr
    again = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--store", "memory", "--no-html", "-q", check=True)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["store"] == "memory" and not report["up_to_date"], again.stderr  # another store rewrites
    bad = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--store", "sqlite")
    assert bad.returncode == 2 and "--store" in bad.stderr


@pytest.mark.parametrize(("fmt", "syntax"), [("turtle", "turtle"), ("ntriples", "ntriples")])
def test_store_output_passes_a_strict_parser(
    fmt: str, syntax: str, stored: OxigraphGraph, seeds: Graph, tmp_path: Path, in_ci: bool
) -> None:
    rapper = require_tool("rapper", in_ci)
    path = export_graph(stored, fmt, tmp_path / "graph.out")
    proc = subprocess.run([rapper, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert f"returned {len(seeds)} triples" in proc.stderr
