"""``kg stats``: the JSON is graph_stats, the text has every section, errors are one line; end to end on the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD, run_kg

from kg.analytics import graph_stats, load_graph, sample_graph
from kg.analytics._common import normalize
from kg.cli import cli


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def gold_names(entity_id: str) -> set[str]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    (entity,) = [e for e in gold["entities"] if e["id"] == entity_id]
    return {normalize(n) for n in entity["names"]}


@pytest.mark.parametrize("top", [2, 10])
def test_cli_stats_json_is_graph_stats(sample_path: Path, top: int) -> None:
    result = CliRunner().invoke(cli, ["stats", str(sample_path), "--json", "--top", str(top)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == graph_stats(load_graph(sample_path), top=top)


@pytest.mark.parametrize(
    "expected",
    [
        "  338 triples, 17 entities, 25 relations, 2 articles, 25 evidence records",
        "Entities per class",
        "Relations per property",
        "Top entities by degree (distinct related entities; relations counts every triple)",
        " 1  Ministerial Level Conference on Blockchain 4.0  Event            7          7",
        "Top entities by PageRank",
        "Top entities by betweenness",
        "Connected components: 1 (sizes 17)",
        "Communities (louvain, seed 42): 3, modularity 0.354",
        "  Laos: 6 entities",
        "    Government: Government of Laos",
        "  Japan: 1 entity",
        "  blockchain: concerned by 2 entities",
        "    Product: DLak",
    ],
)
def test_cli_stats_text(sample_path: Path, expected: str) -> None:
    result = CliRunner().invoke(cli, ["stats", str(sample_path)])
    assert result.exit_code == 0, result.output
    assert expected in result.output.splitlines()


@pytest.mark.parametrize("args", [["stats", "--help"]])
def test_cli_stats_help(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "--json" in result.output and "--top" in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("absent.ttl", None, "no such graph file"), ("bad.ttl", "not turtle at all", "not valid turtle")],
)
def test_cli_stats_unreadable_graph_exits_2(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    proc = run_kg("stats", str(path))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"kg: error: {path}: {message}")
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize("top", ["0"])
def test_cli_stats_top_must_be_positive(sample_path: Path, top: str) -> None:
    assert run_kg("stats", str(sample_path), "--top", top).returncode == 2


@pytest.mark.slow
def test_cli_stats_corpus_government_of_laos_among_top_three(built_graph_path: Path) -> None:
    proc = run_kg("stats", str(built_graph_path), "--json", check=True)
    stats = json.loads(proc.stdout)
    top3 = stats["top"]["degree"][:3]
    names = gold_names("gov-laos")
    assert any(normalize(e["label"]) in names for e in top3), [e["label"] for e in stats["top"]["degree"]]


@pytest.mark.slow
def test_cli_stats_corpus_text(built_graph_path: Path) -> None:
    proc = run_kg("stats", str(built_graph_path), check=True)
    assert "Top entities by degree" in proc.stdout
    laos = [line for line in proc.stdout.splitlines() if line.startswith("  Laos: ")]
    assert laos, proc.stdout
