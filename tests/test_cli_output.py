"""The output options shared by every command that prints results, and build folders as GRAPH."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analytics import sample_graph
from kg.cli import cli


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    sample_graph().serialize(folder / "graph.ttl", format="turtle")
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stats_and_path_accept_a_build_folder(build_folder: Path) -> None:
    assert run("stats", str(build_folder)) == run("stats", str(build_folder / "graph.ttl")).replace(
        str(build_folder / "graph.ttl"), str(build_folder)
    )
    assert run("path", str(build_folder), "Soramitsu", "MetaBank", "--max", "1").startswith("Soramitsu → MetaBank")


@pytest.mark.parametrize(
    "command",
    [
        ["stats", "{g}"],
        ["path", "{g}", "Soramitsu", "MetaBank"],
        ["query", "{g}", "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l LIMIT 3"],
    ],
)
def test_json_flag_is_an_alias_of_format_json(build_folder: Path, command: list[str], tmp_path: Path) -> None:
    args = [str(build_folder) if a == "{g}" else a for a in command]
    by_flag = run(*args, "--json")
    assert run(*args, "--format", "json") == by_flag
    assert run(*args, "-f", "json") == by_flag
    json.loads(by_flag)
    target = tmp_path / "out.json"
    assert run(*args, "--json", "--output", str(target)) == ""
    assert target.read_text(encoding="utf-8") == by_flag
    assert run(*args, "--json", "--output", "-") == by_flag


def test_path_as_csv_and_tsv(build_folder: Path) -> None:
    rows = list(csv.reader(io.StringIO(run("path", str(build_folder), "Soramitsu", "MetaBank", "--max", "1", "--csv"))))
    assert rows[0] == ["path", "step", "source", "source_label", "property", "direction", "target", "target_label",
                       "sentence", "article"]  # fmt: skip
    assert rows[1][:4] == ["1", "1", "mkr:company/soramitsu", "Soramitsu"]
    assert rows[-1][7] == "MetaBank Singapore"
    tsv = run("path", str(build_folder), "Soramitsu", "MetaBank", "--max", "1", "--format", "tsv").splitlines()
    assert [line.split("\t") for line in tsv] == [[c.replace("\t", "\\t") for c in row] for row in rows]


def test_two_formats_are_a_usage_error(build_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", str(build_folder), "--json", "--format", "table"])
    assert result.exit_code == 2
    assert "choose one output format" in result.output
    result = CliRunner().invoke(cli, ["stats", str(build_folder), "--format", "ttl"])
    assert result.exit_code == 2


def test_validate_as_json(build_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(build_folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"graph": str(build_folder), "conforms": True, "violations": 0, "results": []}
    target = tmp_path / "validation.txt"
    result = CliRunner().invoke(cli, ["validate", str(build_folder), "--output", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == f"{build_folder}: conforms\n"
