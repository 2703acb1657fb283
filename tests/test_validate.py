"""kg.validate and ``kg validate``: SHACL against ontology/shapes.ttl, pySHACL's exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from kg.cli import cli, main
from kg.errors import ConfigError
from kg.export import export_graph
from kg.export.sample import sample_graph
from kg.validate import ValidationResult, validate_graph
from kg.vocab import MK


def broken_evidence_graph() -> tuple[Graph, str]:
    """The sample graph with one evidence record that lost its sentence; returns it and the record's local name."""
    graph = sample_graph()
    record = sorted(graph.subjects(RDF.type, MK.Evidence))[0]
    graph.remove((record, MK.sentence, None))
    return graph, str(record).rsplit("/", 1)[-1]


def test_validate_sample_graph_conforms() -> None:
    result = validate_graph(sample_graph())
    assert isinstance(result, ValidationResult)
    assert result.conforms, result.violations
    assert result.violations == []


def test_validate_broken_evidence_names_the_violation() -> None:
    graph, record = broken_evidence_graph()
    result = validate_graph(graph)
    assert not result.conforms
    assert len(result.violations) == 1
    line = result.violations[0]
    assert line.startswith(f"Violation: mkr:evidence/{record}: ") and "has no mk:sentence" in line
    assert "mk:sentence" in result.report_text or "sentence" in result.report_text


@pytest.mark.parametrize("bad", ["confidence", "class"])
def test_validate_reports_each_kind_of_problem(bad: str) -> None:
    graph = sample_graph()
    record = sorted(graph.subjects(RDF.type, MK.Evidence))[0]
    if bad == "confidence":
        graph.set((record, MK.confidence, Literal("very sure")))
    else:
        graph.add((next(graph.subjects(RDF.type, MK.Country)), RDF.type, MK.Company))
    result = validate_graph(graph)
    assert not result.conforms
    assert result.violations and all(line.startswith("Violation: mkr:") for line in result.violations)


def test_validate_custom_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix mk: <https://w3id.org/mekong-kg/ontology#> .
[] a sh:NodeShape ; sh:targetClass mk:Person ;
   sh:property [ sh:path mk:title ; sh:maxCount 1 ; sh:message "one title only" ] .
""",
        encoding="utf-8",
    )
    result = validate_graph(sample_graph(), shapes_path=shapes)
    assert not result.conforms
    assert result.violations == ["Violation: mkr:person/sonexay-siphandone mk:title: one title only"]


def test_validate_missing_shapes_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"shapes\.ttl: the SHACL shapes file is missing"):
        validate_graph(sample_graph(), shapes_path=tmp_path / "shapes.ttl")


@pytest.mark.slow
def test_validate_with_owl_rl_inference_runs() -> None:
    # The OWL RL closure gives every entity its superclasses' types, which the
    # "one most specific class" shapes report: inference is a diagnostic mode.
    result = validate_graph(sample_graph(), inference=True)
    assert isinstance(result.conforms, bool)
    assert all(line.split(":", 1)[0] in {"Violation", "Warning", "Info"} for line in result.violations)


def test_cli_validate_conforming_graph_exits_0(tmp_path: Path) -> None:
    path = export_graph(sample_graph(), "turtle", tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: conforms\n"


def test_cli_validate_broken_evidence_exits_1_and_names_it(tmp_path: Path) -> None:
    graph, record = broken_evidence_graph()
    path = export_graph(graph, "turtle", tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Violation: mkr:evidence/{record}: The evidence record") and "no mk:sentence" in lines[0]
    assert lines[-1] == f"{path}: does not conform: 1 violation(s)"


def test_cli_validate_full_report(tmp_path: Path) -> None:
    graph, _ = broken_evidence_graph()
    path = export_graph(graph, "turtle", tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["validate", str(path), "--report"])
    assert result.exit_code == 1
    assert "Validation Report" in result.output
    assert "Conforms: False" in result.output


@pytest.mark.parametrize("content", [None, "this is not turtle"])
def test_cli_validate_unreadable_graph_exits_2(content: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith(f"kg: error: {path}: ")


@pytest.mark.slow
def test_cli_validate_built_corpus_exits_0(built_graph_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(built_graph_path)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("conforms\n")


def test_validate_sparql_constraints_set_at_a_time_match_pyshacl_per_node() -> None:
    """kg evaluates the shapes' sh:sparql constraints once over the graph; pySHACL runs them per focus node.

    Both must report exactly the same results: relations without evidence, two contract
    classes on one node, a class asserted with its superclass.
    """
    from pyshacl import validate

    from kg.resources import ontology_dir
    from kg.validate import default_shapes_path, violation_lines

    graph = sample_graph()
    graph.remove((None, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    company = sorted(graph.subjects(RDF.type, MK.Company))[0]
    graph.add((company, RDF.type, MK.Organization))
    graph.add((company, RDF.type, MK.Person))
    ours = validate_graph(graph)
    conforms, report, _ = validate(
        graph,
        shacl_graph=Graph().parse(default_shapes_path()),
        ont_graph=Graph().parse(ontology_dir() / "mekong-kg.ttl"),
        inference="none",
        allow_infos=True,
        allow_warnings=True,
        advanced=True,
    )
    reference = violation_lines(report, graph)
    assert not ours.conforms and not conforms
    assert any("has no evidence record" in line for line in ours.violations)
    assert any("exactly one contract class" in line for line in ours.violations)
    assert any("Most specific type wins" in line for line in ours.violations)
    assert sorted(ours.violations) == sorted(reference)


def test_validate_leaves_the_graph_as_it_was() -> None:
    """The ontology is mixed into the data graph in place (no copy) and taken out again."""
    from rdflib.compare import isomorphic

    graph = sample_graph()
    before = Graph()
    for triple in graph:
        before.add(triple)
    assert validate_graph(graph).conforms
    assert len(graph) == len(before) and isomorphic(graph, before)


@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_cli_validate_in_oxigraph_prints_the_same_lines(fmt: str, tmp_path: Path) -> None:
    graph, _ = broken_evidence_graph()
    path = export_graph(graph, fmt, tmp_path / ("graph.ttl" if fmt == "turtle" else "graph.nq"))
    memory = CliRunner().invoke(cli, ["validate", str(path)])
    store = CliRunner().invoke(cli, ["validate", str(path), "--store", "oxigraph"])
    assert (store.exit_code, store.output) == (memory.exit_code, memory.output) == (1, memory.output)
    assert "Violation: mkr:evidence/" in store.output


def test_cli_validate_in_oxigraph_unreadable_graph_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path), "--store", "oxigraph"])
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith(f"kg: error: {path}: not valid turtle")


def test_cli_validate_in_oxigraph_refuses_inference(tmp_path: Path) -> None:
    path = export_graph(sample_graph(), "turtle", tmp_path / "graph.ttl")
    result = CliRunner().invoke(cli, ["validate", str(path), "--store", "oxigraph", "--inference"])
    assert result.exit_code == 2 and "--inference" in result.output
