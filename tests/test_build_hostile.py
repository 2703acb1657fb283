"""Hostile build conditions: a poisoned or damaged cache, unwritable outputs, an article that never ends.

Each test checks what a user sees (one line and exit 2, a warning, a failed entry)
and that nothing else is harmed (no code run, previous outputs intact, the rest built).
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from conftest import run_kg

from kg.atomic import atomic_group, atomic_write_text
from kg.cache import CACHE_FORMAT, ArticleCache, CacheFormatError, decode_result, encode_result
from kg.errors import OutputError, UsageError
from kg.records import Article

TEXT = "The Ministry of Zentoria Affairs signed an agreement with Qorvell Telecom Company in Vientiane on Monday.\n"


def _corpus(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (files or {"one.txt": TEXT}).items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def processed():
    """One processed article (a real per-article result) for the cache tests."""
    from kg.process import process_articles

    article = Article(id="p1", text=TEXT, lang="en", title="Zentoria signs", path=Path("/x/p1.txt"))
    return process_articles([article], timeout=0)[0]


# --- cache payloads ---------------------------------------------------------------------------


def test_cache_payload_round_trips_exactly(processed) -> None:
    back = decode_result(encode_result(processed))
    assert back == processed
    assert back.mentions and type(back.mentions[0]) is type(processed.mentions[0])
    assert isinstance(back.analysis.sentences[0].start, int)


class _Boom:
    """Unpickling this runs a command that leaves a marker file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_poisoned_cache_payload_executes_nothing(tmp_path: Path, processed) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "cache.sqlite"
    with ArticleCache(path) as cache:
        cache.put_many([("good", processed)])
    db = sqlite3.connect(path)
    evil_json = {"format": CACHE_FORMAT, "result": {"__record__": "system", "fields": {"command": f"touch {marker}"}}}
    rows = [
        ("pickled", pickle.dumps(_Boom(str(marker)))),
        ("zipped-pickle", zlib.compress(pickle.dumps(_Boom(str(marker))))),
        ("json-class", zlib.compress(json.dumps(evil_json).encode())),
        ("old-format", zlib.compress(json.dumps({"format": CACHE_FORMAT - 1, "result": None}).encode())),
    ]
    with db:
        db.executemany("INSERT INTO articles (key, used, payload) VALUES (?, ?, ?)", [(k, 0.0, p) for k, p in rows])
    db.close()
    with ArticleCache(path) as cache:
        found = cache.get_many(["good", *(k for k, _ in rows)])
    assert set(found) == {"good"}  # the others are misses, reprocessed and overwritten
    assert not marker.exists()
    for _, payload in rows:
        with pytest.raises(CacheFormatError):
            decode_result(payload)


# --- damaged cache files ----------------------------------------------------------------------


def test_garbage_cache_file_is_set_aside_and_rebuilt(tmp_path: Path, processed) -> None:
    path = tmp_path / "articles.sqlite"
    path.write_bytes(b"this is not a database at all " * 200)
    with ArticleCache(path) as cache:
        assert cache.warnings and "set aside" in cache.warnings[0]
        cache.put_many([("k", processed)])
        assert set(cache.get_many(["k"])) == {"k"}
    aside = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and (tmp_path / aside[0]).read_bytes().startswith(b"this is not")
    with ArticleCache(path) as cache:  # the next build uses the new cache without a warning
        assert not cache.warnings and set(cache.get_many(["k"])) == {"k"}


def test_truncated_cache_file_does_not_stop_the_next_build(tmp_path: Path, processed) -> None:
    path = tmp_path / "articles.sqlite"
    with ArticleCache(path) as cache:
        cache.put_many([(f"k{i}", processed) for i in range(200)])
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2)
    with ArticleCache(path) as cache:
        found = cache.get_many([f"k{i}" for i in range(200)])
        cache.put_many([("new", processed)])
        assert set(cache.get_many(["new"])) == {"new"}
    assert cache.warnings or len(found) < 200


def test_cache_folder_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UsageError, match="not-a-folder: cannot use as the cache folder: not a folder"):
        ArticleCache(blocker / "articles.sqlite")


def test_cli_damaged_cache_warns_and_builds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "articles.sqlite").write_bytes(b"\x00garbage" * 500)
    first = run_kg("build", str(corpus), "--out", str(tmp_path / "a"), "--cache", str(cache), "-q")
    assert first.returncode == 0, first.stderr
    assert "set aside" in first.stderr and "Traceback" not in first.stderr
    notes = json.loads((tmp_path / "a" / "report.json").read_text())["notes"]
    assert any("damaged cache" in n for n in notes)
    with ArticleCache(cache / "articles.sqlite") as rebuilt:  # a sound cache again, holding the article
        assert not rebuilt.warnings and len(rebuilt) == 1
    second = run_kg("build", str(corpus), "--out", str(tmp_path / "b"), "--cache", str(cache), "-q")
    assert second.returncode == 0 and "set aside" not in second.stderr


def test_cli_cache_dir_naming_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    blocker = tmp_path / "cachefile"
    blocker.write_text("x")
    env = {**os.environ, "KG_CACHE_DIR": str(blocker)}
    from conftest import REPO, kg_command

    proc = subprocess.run(
        [*kg_command(), "build", str(corpus), "--out", str(tmp_path / "out"), "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("kg: error")]
    assert len(lines) == 1 and str(blocker) in lines[0]


# --- outputs ----------------------------------------------------------------------------------


def test_cli_output_under_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    proc = run_kg("build", str(corpus), "--out", str(blocker / "out"), "--no-cache", "-q")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"kg: error: {blocker / 'out'}: cannot write the outputs here" in proc.stderr


def test_unwritable_or_full_output_folder_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline as pipeline

    corpus = _corpus(tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline.tempfile, "TemporaryFile", full)
    started = time.perf_counter()
    with pytest.raises(OutputError, match="No space left on device"):
        pipeline.build(corpus, tmp_path / "out", validate=False, html=False)
    assert time.perf_counter() - started < 30  # refused before the per-article stage, not after


def test_cli_failed_replacement_leaves_all_previous_outputs(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    run_kg("build", str(corpus), "--out", str(out), "--no-cache", "-q", check=True)
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "report.json")}
    (corpus / "two.txt").write_text("Velmora Bank opened a branch in Pakse on Friday, its chairman said.\n")
    proc = run_kg("build", str(corpus), "--out", str(out), "--no-cache", "-q")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "graph.html" in proc.stderr
    assert {name: (out / name).read_bytes() for name in ("graph.ttl", "report.json")} == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "report.json"]


def test_atomic_group_undoes_renames_when_one_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["graph.ttl", "graph.html", "report.json"]
    for name in names:
        atomic_write_text(tmp_path / name, f"old {name}")
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        if Path(dst).name == "report.json" and ".tmp" in str(src) and "previous" not in str(src):
            raise OSError(errno.EACCES, "Permission denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="Permission denied"), atomic_group():
        for name in names:
            atomic_write_text(tmp_path / name, f"new {name}")
    assert {name: (tmp_path / name).read_text() for name in names} == {name: f"old {name}" for name in names}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporary or backup file left


# --- time budget and languages ----------------------------------------------------------------


def test_article_over_its_time_budget_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline as pipeline
    import kg.process as process

    real = process.find_mentions

    def slow(analysis, **kwargs):
        if analysis.article.id == "endless":
            time.sleep(30)
        return real(analysis, **kwargs)

    monkeypatch.setattr(process, "find_mentions", slow)
    corpus = _corpus(tmp_path, {"one.txt": TEXT, "endless.txt": "Morvane Holdings said on Friday that it grew.\n"})
    started = time.perf_counter()
    result = pipeline.build(corpus, tmp_path / "out", html=False, run=pipeline.RunOptions(article_timeout=1.5))
    assert time.perf_counter() - started < 25  # not waited for
    entries = {f.path: f for f in result.report.files}
    assert entries["endless.txt"].status == "failed" and entries["endless.txt"].reason.startswith("timed out")
    assert entries["one.txt"].status == "ok"
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "article/one" in graph and "article/endless" not in graph and "Morvane" not in graph
    assert any("timed out" in line for line in result.report.problems())


def test_undetermined_language_keeps_the_graph_valid(tmp_path: Path) -> None:
    import kg.pipeline as pipeline

    # a curated body, so that the text has an entity whatever the language rules make of it
    corpus = _corpus(tmp_path, {"und.txt": "Qorvell Company met the Bank of the Lao PDR and Unitel on Monday.\n"})
    (corpus / "und.meta.json").write_text('{"lang": "und", "title": "Qorvell meets the bank"}')
    result = pipeline.build(corpus, tmp_path / "out", html=False, run=pipeline.RunOptions())
    assert result.report.files[0].lang == "und"
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "skos:prefLabel" in graph and "@und" in graph
    assert result.report.validation["conforms"], result.report.validation["violations"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM")
def test_budget_interrupts_a_long_regex() -> None:
    import re

    from kg.process import ArticleTimeout, _budget

    started = time.perf_counter()
    with pytest.raises(ArticleTimeout), _budget(0.5):
        re.search(r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking: minutes without the budget
    assert time.perf_counter() - started < 5


def test_a_long_article_gets_time_in_proportion_to_its_length() -> None:
    import kg.process as process

    short, long = 5_000, 1_500_000
    assert short * process.SECONDS_PER_CHARACTER < 2  # a news article: the base budget alone, nearly
    assert long * process.SECONDS_PER_CHARACTER >= 240  # a 1.5M-character policy document: minutes more to parse
