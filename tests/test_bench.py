"""The benchmark runs end to end and records its figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.bench import run, write_corpus


@pytest.mark.parametrize("n", [4])
def test_bench_writes_figures(tmp_path: Path, n: int) -> None:
    figures = run(n, tmp_path / "bench.json")
    stored = json.loads((tmp_path / "bench.json").read_text())
    assert stored == figures
    assert stored["articles"] == n and stored["words"] > 250 * n
    assert stored["entities"] > 0 and stored["relations"] > 0 and stored["peak_memory_mb"] > 0
    assert stored["raw_spacy_seconds"] > 0 and stored["build_over_raw_spacy"] > 0
    # figures, not a race: which build is faster is not asserted (tests are not timed)
    assert stored["unchanged_rebuild_seconds"] > 0 and stored["cached_forced_rebuild_seconds"] > 0
    assert {"per-article", "linking", "relations", "graph", "write", "validate"} <= set(stored["stages_seconds"])
    # the per-article stage's sub-stages, measured where it ran, and time and memory per stage
    substages = stored["per_article_substages"]
    assert substages["articles"] == n
    assert {"parse", "mentions", "gazetteer", "dependency", "serialise"} <= set(substages["ms_per_article"])
    assert stored["stages"]["per-article"]["process_peak_mb"] > 0
    assert set(stored["stages"]) == set(stored["stages_seconds"])


@pytest.mark.parametrize("n", [3])
def test_bench_corpus_is_deterministic(tmp_path: Path, n: int) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert write_corpus(tmp_path / "a", n) == write_corpus(tmp_path / "b", n)


def test_bench_on_disk_with_a_diverse_corpus(tmp_path: Path) -> None:
    # what make bench-100k runs, on five articles
    figures = run(5, tmp_path / "bench.json", raw=False, rebuild=False, diverse=True, store="disk", rapper=True)
    assert figures["corpus"] == "diverse" and figures["store"] == "oxigraph" and figures["store_dir"]
    assert figures["per_article_substages"]["articles"] == 5
    assert all(entry["peak_memory_mb"] is None or entry["peak_memory_mb"] > 0 for entry in figures["stages"].values())
    if figures["rapper"]["available"]:  # Raptor reads the graph.ttl the on-disk store wrote
        assert figures["rapper"]["exit_code"] == 0 and figures["rapper"]["triples"] == figures["triples"]
