"""Executors (issue #8): worker processes and a Dask cluster give the same graph as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, run_kg
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import ConfigError
from kg.executors import chunk, resolve_workers, run_per_article
from kg.records import Article


@pytest.fixture(scope="module")
def local_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("local")
    run_kg("build", str(CORPUS), "--out", str(out), "--no-cache", "--workers", "1", "--no-html", "-q", check=True)
    return Graph().parse(out / "graph.ttl")


def test_worker_processes_build_the_same_graph(local_graph: Graph, tmp_path: Path) -> None:
    proc = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--no-cache", "--workers", "2", "--no-html", "-q", check=True)
    assert proc.returncode == 0
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), local_graph)


def test_dask_local_cluster_builds_the_same_graph(local_graph: Graph, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        proc = run_kg(
            "build", str(CORPUS), "--out", str(tmp_path), "--no-cache", "--executor", "dask",
            "--scheduler", cluster.scheduler_address, "--no-html", "-q",
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), local_graph)


def test_dask_without_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--executor", "dask")
    assert proc.returncode == 2
    assert "--scheduler" in proc.stderr


def test_unreachable_scheduler_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_kg("build", str(CORPUS), "--out", str(out), "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode != 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr
    assert not (out / "graph.ttl").exists()


def test_workers_must_be_positive(tmp_path: Path) -> None:
    proc = run_kg("build", str(CORPUS), "--out", str(tmp_path), "--workers", "0")
    assert proc.returncode == 2


def test_automatic_workers_stay_in_process_for_small_corpora() -> None:
    assert resolve_workers(None, 5) == 1
    assert resolve_workers(3, 5) == 3
    with pytest.raises(ConfigError):
        resolve_workers(0, 5)


def test_chunks_cover_every_article_once_in_order() -> None:
    articles = [Article(id=str(i), text="x", lang="en") for i in range(130)]
    parts = chunk(articles, 2)
    assert [a.id for part in parts for a in part] == [a.id for a in articles]
    assert len(parts) >= 4 and max(len(p) for p in parts) <= 64


def test_unknown_executor_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown executor"):
        list(run_per_article([Article(id="a", text="x", lang="en")], executor="spark"))
