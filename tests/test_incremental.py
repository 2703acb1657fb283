"""Incremental builds (issue #8): only new or changed articles are processed; removed ones take their facts along."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, run_kg
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cache import ArticleCache, article_key
from kg.records import Article

NEW_SENTENCE = "\n\nThe Savannakhet Fintech Cooperative signed a memorandum of understanding with the Bank of the Lao PDR.\n"


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _build(corpus: Path, out: Path, cache: Path, *extra: str) -> dict:
    run_kg("build", str(corpus), "--out", str(out), "--cache", str(cache), "--no-html", "-q", *extra, check=True)
    return _report(out)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def test_unchanged_rebuild_processes_nothing_and_writes_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _build(corpus, tmp_path / "a", cache)
    second = _build(corpus, tmp_path / "b", cache)
    assert first["counts"]["articles"] == {"processed": 5, "from_cache": 0, "cache_pruned": 0}
    assert second["counts"]["articles"] == {"processed": 0, "from_cache": 5, "cache_pruned": 0}
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_changed_article_is_reprocessed_and_its_new_facts_appear(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "a", cache)
    article = sorted(corpus.glob("000_*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + NEW_SENTENCE, encoding="utf-8")
    report = _build(corpus, tmp_path / "b", cache)
    assert report["counts"]["articles"]["processed"] == 1
    assert report["counts"]["articles"]["from_cache"] == 4
    text = (tmp_path / "b" / "graph.ttl").read_text(encoding="utf-8")
    assert "Savannakhet Fintech Cooperative" in text
    assert "Savannakhet Fintech Cooperative" not in (tmp_path / "a" / "graph.ttl").read_text(encoding="utf-8")


def test_removed_article_takes_its_facts_with_it(corpus: Path, tmp_path: Path) -> None:
    """After removing an article, the cached rebuild equals a fresh build of what is left."""
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "a", cache)
    removed = sorted(corpus.glob("*.txt"))[-1]
    article_id = removed.stem
    removed.unlink()
    for sidecar in corpus.glob(f"{article_id}*.json"):
        sidecar.unlink()
    cached = _build(corpus, tmp_path / "b", cache)
    fresh = _build(corpus, tmp_path / "c", tmp_path / "other-cache", "--no-cache")
    assert cached["counts"]["articles"] == {"processed": 0, "from_cache": 4, "cache_pruned": 0}
    assert fresh["counts"]["articles"]["processed"] == 4
    b = Graph().parse(tmp_path / "b" / "graph.ttl")
    c = Graph().parse(tmp_path / "c" / "graph.ttl")
    assert isomorphic(b, c)
    assert article_id not in (tmp_path / "b" / "graph.ttl").read_text(encoding="utf-8")
    assert not (tmp_path / "other-cache").exists()  # --no-cache writes no cache


def test_cache_key_follows_content_and_gazetteer_not_path() -> None:
    a = Article(id="x", text="Laos launched a digital plan.", lang="en", title="T", path="/a/x.txt")
    moved = Article(id="x", text="Laos launched a digital plan.", lang="en", title="T", path="/b/x.txt")
    edited = Article(id="x", text="Laos launched a digital plan!", lang="en", title="T", path="/a/x.txt")
    assert article_key(a) == article_key(moved)
    assert article_key(a) != article_key(edited)
    assert article_key(a) != article_key(a, frozenset({"country"}))


def test_cache_prunes_only_old_unused_entries(tmp_path: Path) -> None:
    from kg.process import process_articles

    article = Article(id="x", text="Vietnam and Laos signed an agreement in Hanoi.", lang="en", title="T")
    [result] = process_articles([article])
    with ArticleCache(tmp_path / "c.sqlite") as cache:
        cache.put_many([("old", result), ("kept", result)])
        assert cache.prune(["kept"], older_than_days=1) == 0  # both fresh
        assert cache.prune(["kept"], older_than_days=-1) == 1  # "old" is stale and unused
        assert len(cache) == 1
        assert cache.get_many(["kept", "old"]).keys() == {"kept"}
        assert cache.get_many(["kept"])["kept"].mentions == result.mentions


def test_up_to_date_build_leaves_outputs_untouched(corpus: Path, tmp_path: Path) -> None:
    """Same inputs, same options, outputs intact: like make, nothing is rewritten."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_kg("build", str(corpus), "--out", str(out), "--cache", str(cache), check=True)
    files = ["graph.ttl", "graph.html", "report.json"]
    before = {name: ((out / name).stat().st_mtime_ns, (out / name).read_bytes()) for name in files}
    proc = run_kg("build", str(corpus), "--out", str(out), "--cache", str(cache), check=True)
    assert proc.stdout.startswith("up to date: 5 articles")
    assert {name: ((out / name).stat().st_mtime_ns, (out / name).read_bytes()) for name in files} == before


@pytest.mark.parametrize("change", ["edited-output", "force", "other-options", "new-article"])
def test_outputs_are_rewritten_when_anything_differs(corpus: Path, tmp_path: Path, change: str) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_kg("build", str(corpus), "--out", str(out), "--cache", str(cache), check=True)
    extra: list[str] = []
    if change == "edited-output":
        (out / "graph.ttl").write_text("# edited by hand\n", encoding="utf-8")
    elif change == "force":
        extra = ["--force"]
    elif change == "other-options":
        extra = ["--no-validate"]
    else:
        (corpus / "extra.txt").write_text("Vientiane hosted the Mekong Data Forum.\n" * 3, encoding="utf-8")
    proc = run_kg("build", str(corpus), "--out", str(out), "--cache", str(cache), *extra, check=True)
    assert proc.stdout.startswith("built ")
    assert Graph().parse(out / "graph.ttl")  # a real graph again, not the hand edit
    report = _report(out)
    assert report["up_to_date"] is False and report["inputs_digest"]
    assert report["outputs"]["turtle"]["file"] == "graph.ttl"
