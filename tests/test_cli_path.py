"""``kg path``: chains step by step with evidence, JSON, exit codes; end to end on the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_kg

from kg.analytics import sample_graph
from kg.cli import cli
from kg.graph import build_graph
from kg.records import Article, Entity


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def disconnected_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    entities = []
    for key, label in (("company/a", "Acme"), ("company/b", "Beta"), ("company/c", "Beta")):
        entity = Entity(key=key, cls="Company", label=label)
        entity.add_label("en", label)
        entities.append(entity)
    path = tmp_path_factory.mktemp("disconnected") / "graph.nt"
    build_graph([Article(id="t", text="T.", lang="en")], entities, []).serialize(path, format="nt")
    return path


def test_cli_path_text(sample_path: Path) -> None:
    result = CliRunner().invoke(cli, ["path", str(sample_path), "Soramitsu", "MetaBank", "--max", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Soramitsu → MetaBank Singapore: 1 path",
        "",
        "Path 1 (3 steps)",
        "  Soramitsu —partner→ Government of Laos",
        "      “The Government of Laos works with Japan's Soramitsu on a central bank digital currency.”",
        "      — article sample_b",
        "  Government of Laos ←subOrganizationOf— Ministry of Technology and Communications",
        "      “The Ministry of Technology and Communications of Laos is part of the Lao government.”",
        "      — article sample_a",
        "  Ministry of Technology and Communications —partner→ MetaBank Singapore",
        "      “The Ministry of Technology and Communications signed a cooperation agreement with MetaBank.”",
        "      — article sample_a",
    ]


@pytest.mark.parametrize("max_paths", [1, 3])
def test_cli_path_json(sample_path: Path, max_paths: int) -> None:
    args = ["path", str(sample_path), "mkr:company/soramitsu", "metabank", "--json", "--max", str(max_paths)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"] == {"id": "mkr:company/soramitsu", "label": "Soramitsu", "class": "Company"}
    assert data["target"]["label"] == "MetaBank Singapore"
    assert len(data["paths"]) == max_paths
    step = data["paths"][0][0]
    assert step["property"] == "partner" and step["article"] == "sample_b"
    assert {"subject", "object", "forward", "sentence", "evidence"} <= set(step)


@pytest.mark.parametrize("args", [["path", "--help"]])
def test_cli_path_help(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "--max" in result.output and "--json" in result.output


def test_cli_path_no_chain_exits_1(disconnected_path: Path) -> None:
    proc = run_kg("path", str(disconnected_path), "Acme", "mkr:company/b")
    assert proc.returncode == 1
    assert proc.stdout.strip() == "No chain of relations connects Acme and Beta."


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        ("Soramitzu", "MetaBank", "kg: error: no entity named 'Soramitzu'; did you mean: Soramitsu"),
        ("Soramitsu", "Atlantis", "kg: error: no entity named 'Atlantis'"),
    ],
)
def test_cli_path_unknown_entity_exits_2(sample_path: Path, source: str, target: str, message: str) -> None:
    proc = run_kg("path", str(sample_path), source, target)
    assert proc.returncode == 2
    assert proc.stderr.startswith(message)


def test_cli_path_ambiguous_entity_exits_2(disconnected_path: Path) -> None:
    proc = run_kg("path", str(disconnected_path), "Acme", "beta")
    assert proc.returncode == 2
    assert "'beta' names 2 entities" in proc.stderr
    assert "mkr:company/b" in proc.stderr and "mkr:company/c" in proc.stderr


@pytest.mark.slow
def test_cli_path_corpus_soramitsu_metabank(built_graph_path: Path) -> None:
    proc = run_kg("path", str(built_graph_path), "Soramitsu", "MetaBank", check=True)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Soramitsu → MetaBank"), proc.stdout
    steps = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert steps and steps[0].startswith("  Soramitsu ")
    assert all("—" in step for step in steps)
    # every step has its evidence sentence and article beneath it
    assert proc.stdout.count("— article ") + proc.stdout.count("— curated: ") == len(steps)
    assert "(no evidence recorded)" not in proc.stdout
