"""``kg export`` and the help of every command, through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli, main
from kg.export import export_graph, list_formats
from kg.export.sample import sample_graph


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    return export_graph(sample_graph(), "turtle", tmp_path / "graph.ttl")


def test_cli_every_command_has_help() -> None:
    runner = CliRunner()
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"export", "validate", "query", "serve"} <= set(names)
    for name in names:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert f"Usage: cli {name}" in result.output or f"Usage: kg {name}" in result.output
        assert cli.get_command(ctx, name).help, f"kg {name} has no help text"


@pytest.mark.parametrize("fmt", ["ttl", "text/turtle", "turtle"])
def test_cli_export_turtle_aliases(fmt: str, graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "copy.ttl"
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}\n"
    assert isomorphic(Graph().parse(out), sample_graph())


@pytest.mark.parametrize("fmt", list_formats())
def test_cli_export_every_format(fmt: str, graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / f"graph-{fmt}"
    result = CliRunner().invoke(cli, ["export", str(graph_file), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_cli_export_guesses_the_format_from_the_suffix(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("{")


def test_cli_export_lists_formats_in_help() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert "[turtle|ntriples|nquads|trig|json-ld|rdfxml|graphml|gexf|csv]" in result.output


def test_cli_export_unknown_format_exits_2(graph_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--format", "pdf", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "unknown export format 'pdf'; choose one of: turtle, ntriples" in result.output


def test_cli_export_missing_graph_exits_2_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.ttl"
    with pytest.raises(SystemExit) as info:
        main(["export", str(missing), "--format", "nt", "--out", str(tmp_path / "x.nt")])
    assert info.value.code == 2
    assert capsys.readouterr().err == f"kg: error: {missing}: no such graph file\n"


def test_cli_export_dash_writes_standard_output(graph_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.export.rdf import ntriples_text

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--format", "nt", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ntriples_text(sample_graph())
    assert not (tmp_path / "-").exists()
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--out", "-"])
    assert result.exit_code == 0
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), sample_graph())


def test_cli_export_rdfxml(graph_file: Path, tmp_path: Path) -> None:
    for fmt, name in (("xml", "a.xml"), ("rdfxml", "b.rdf"), (None, "c.rdf")):
        out = tmp_path / name
        args = ["export", str(graph_file), "--out", str(out)] + (["--format", fmt] if fmt else [])
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')
        assert isomorphic(Graph().parse(out, format="xml"), sample_graph())


def test_cli_export_csv_file_name_is_refused_not_made_a_folder(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(graph_file), "--out", str(out)])
    assert exit_info.value.code == 2
    assert not out.exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(graph_file), "--format", "csv", "--out", "-"])
    assert exit_info.value.code == 2
