"""End to end: the real CLI builds the bundled corpus into a graph that meets the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOLD, run_kg
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF

from kg.evaluate import load_gold, score
from kg.resources import ontology_dir
from kg.vocab import MK

EXPECTED_LANGUAGES = {
    "000_3f0ed15193be0ca2": "en",
    "001_fb309f23a7c12424": "vi",
    "002_80ea0a3f9ccdb108": "en",
    "003_78baa648b268e72f": "th",
    "004_f05bf0c0922132b0": "en",
}


@pytest.fixture(scope="module")
def graph(built_graph_path: Path) -> Graph:
    g = Graph()
    g.parse(built_graph_path)
    return g


def test_build_writes_outputs(built_corpus: Path) -> None:
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (built_corpus / name).stat().st_size > 0, name


@pytest.mark.parametrize(("article_id", "lang"), sorted(EXPECTED_LANGUAGES.items()))
def test_build_holds_articles_with_languages(graph: Graph, article_id: str, lang: str) -> None:
    node = next(graph.subjects(DCTERMS.source, Literal(f"{article_id}.txt")))
    assert (node, RDF.type, MK.Article) in graph
    assert str(graph.value(node, DCTERMS.language)) == lang


def test_build_report_accounts_for_every_file(built_corpus: Path) -> None:
    report = json.loads((built_corpus / "report.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"ok": 5, "skipped": 0, "failed": 0}
    assert sum(report["counts"]["classes"].values()) > 40


def test_build_conforms_to_shapes(graph: Graph) -> None:
    from pyshacl import validate

    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    ontology = Graph().parse(ontology_dir() / "mekong-kg.ttl")
    conforms, _, text = validate(graph, shacl_graph=shapes, ont_graph=ontology, advanced=True)
    assert conforms, text[:3000]


def test_build_scores_on_seed_gold(graph: Graph) -> None:
    result = score(load_gold(GOLD), graph)
    assert result["entities"]["f1"] >= 0.9
    assert result["relations"]["f1"] >= 0.8
    assert result["evidence_coverage"] == 1.0
    assert result["duplicate_nodes"] <= 2


def test_build_one_blockchain_conference_across_three_languages(graph: Graph) -> None:
    events = [e for e in graph.subjects(RDF.type, MK.Event) if "4-0" in str(e) or "u-" in str(e)]
    reported = {
        str(graph.value(a, DCTERMS.language))
        for e in graph.subjects(RDF.type, MK.Event)
        for a in graph.objects(e, MK.mentionedIn)
        if any("blockchain 4.0" in str(label).lower() or "บล็อกเชน 4.0" in str(label) for label in graph.objects(e, None))
    }
    assert events
    assert reported == {"en", "vi", "th"}


def test_evaluate_command_prints_measures(built_graph_path: Path) -> None:
    proc = run_kg("evaluate", str(GOLD), str(built_graph_path))
    assert proc.returncode == 0, proc.stderr
    assert "entities  P" in proc.stdout and "relations P" in proc.stdout


def test_evaluate_command_threshold_fails(built_graph_path: Path) -> None:
    proc = run_kg("evaluate", str(GOLD), str(built_graph_path), "--min-entity-f1", "1.01")
    assert proc.returncode == 1


def test_build_nothing_to_build_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    proc = run_kg("build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet")
    assert proc.returncode == 3
    assert str(tmp_path) in proc.stderr
