"""Sub-stage timings of the per-article stage (issue 18), the gazetteer matched once per text, the
English model without the components no rule reads, and the diverse benchmark corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from kg import profiling
from kg.bench import stage_figures
from kg.bench_corpus import Pools, make_diverse_article, write_diverse_corpus
from kg.records import Article

TEXT = (
    "Vientiane, 3 May 2024 - Korvanh Phimmasane, director general of Sathonlak Digital Co., Ltd., signed an "
    "agreement with the Bank of the Lao PDR on QR code payments. The Ministry of Technology and Communications "
    "said blockchain pilots would follow."
)


class FakeTime:
    """perf_counter that moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_stage_clock_counts_nested_stages_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTime()
    monkeypatch.setattr(profiling.time, "perf_counter", fake)
    clock = profiling.StageClock()
    with clock.stage("mentions"):
        fake.now += 3
        with clock.stage("gazetteer"):
            fake.now += 2
        with clock.stage("gazetteer"):
            fake.now += 1
    assert clock.seconds == {"gazetteer": 3, "mentions": 3}
    assert clock.calls == {"gazetteer": 2, "mentions": 1}


def test_profile_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(profiling.PROFILE_ENV, raising=False)
    with profiling.profiled_chunk(1) as clock:
        assert clock is None
        with profiling.stage("parse"):  # no clock: a no-op
            pass
    assert profiling.summarise(tmp_path) == {}


def test_per_article_stage_records_its_sub_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.process import knowledge, process_articles

    monkeypatch.setenv(profiling.PROFILE_ENV, str(tmp_path / "profile"))
    articles = [Article(id=f"a{i}", text=TEXT, lang="en") for i in range(2)]
    results = process_articles(articles, timeout=0)
    assert [r.article_id for r in results] == ["a0", "a1"] and all(r.mentions for r in results)
    (line,) = [json.loads(raw) for raw in next((tmp_path / "profile").glob("per-article-*.jsonl")).read_text().splitlines()]
    assert line["articles"] == 2
    assert {"parse", "mentions", "gazetteer", "dependency", "serialise"} <= set(line["seconds"])
    assert line["calls"]["mentions"] == 2 and line["calls"]["dependency"] == 2
    # a text is matched against the gazetteer once, however many articles or rules ask: two copies of
    # an article cost the matching of one
    _, matcher = knowledge(None)
    matcher._recent.clear()
    monkeypatch.setenv(profiling.PROFILE_ENV, str(tmp_path / "one"))
    process_articles(articles[:1], timeout=0)
    assert profiling.summarise(tmp_path / "one")["articles"] == 1
    (alone,) = [json.loads(raw) for raw in next((tmp_path / "one").glob("*.jsonl")).read_text().splitlines()]
    matcher._recent.clear()
    monkeypatch.setenv(profiling.PROFILE_ENV, str(tmp_path / "two"))
    process_articles(articles, timeout=0)
    (both,) = [json.loads(raw) for raw in next((tmp_path / "two").glob("*.jsonl")).read_text().splitlines()]
    assert both["calls"]["gazetteer"] == alone["calls"]["gazetteer"] >= 1
    assert line["bytes"] > len(TEXT)
    summary = profiling.summarise(tmp_path / "profile")
    assert summary["articles"] == 2 and summary["processes"] == 1
    assert set(summary["ms_per_article"]) == {"load", "parse", "mentions", "gazetteer", "dependency", "serialise", "other"}
    assert abs(sum(summary["share"].values()) - 1) < 0.01
    assert "ms/article" in profiling.format_summary(summary)


def test_per_article_stage_under_a_time_budget_is_profiled_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.process import process_articles

    monkeypatch.setenv(profiling.PROFILE_ENV, str(tmp_path))
    (result,) = process_articles([Article(id="b", text=TEXT, lang="en")], timeout=60)
    assert result.failure is None and result.mentions
    assert profiling.summarise(tmp_path)["seconds"]["parse"] > 0


def test_build_stages_are_recorded_for_the_benchmark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.report import BuildReport

    monkeypatch.setenv(profiling.PROFILE_ENV, str(tmp_path))
    report = BuildReport(corpus="x")
    with report.timed("linking"):
        pass
    (line,) = profiling.read_build_stages(tmp_path)
    assert line["stage"] == "linking" and line["start"] <= line["end"] and line["process_peak_mb"] > 0
    samples = [(line["start"] - 5, 900.0), (line["start"], 120.0), (line["end"], 130.0), (line["end"] + 5, 999.0)]
    figures = stage_figures([line], samples, {"linking": 0.5})
    assert figures["linking"]["peak_memory_mb"] == 130.0 and figures["linking"]["seconds"] == 0.5


def test_gazetteer_matcher_matches_a_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.mentions.gazetteer_match import GazetteerMatcher
    from kg.process import knowledge

    _, matcher = knowledge(None)
    text = "Invented news: the Bank of the Lao PDR and blockchain in Xaiyaphet province."
    calls = []
    real = GazetteerMatcher._find
    monkeypatch.setattr(GazetteerMatcher, "_find", lambda self, t: calls.append(t) or real(self, t))
    first = matcher.find(text)
    first.clear()  # a caller changing its list changes nothing for the next
    second = matcher.find(text)
    assert calls == [text]
    assert {h.text for h in second} >= {"Bank of the Lao PDR", "blockchain"}


def test_rules_and_pipeline_share_one_matcher() -> None:
    from kg.mentions.gazetteer_match import default_matcher
    from kg.process import knowledge

    assert knowledge(None)[1] is default_matcher()
    gazetteer, matcher = knowledge(frozenset({"country"}))
    assert matcher.gazetteer is gazetteer and {e.kind for e in gazetteer.entries} == {"country"}


def test_english_model_without_the_lemmatizer_parses_the_same() -> None:
    from kg.nlp import get_pipeline
    from kg.nlp.lang.en import load

    nlp, whole = get_pipeline("en"), load(exclude=())
    assert "lemmatizer" not in nlp.pipe_names and "lemmatizer" in whole.pipe_names
    assert {"tagger", "parser", "attribute_ruler", "ner"} <= set(nlp.pipe_names)
    a, b = nlp(TEXT), whole(TEXT)

    def read(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]

    assert read(a) == read(b)


def test_diverse_corpus_has_thousands_of_names(tmp_path: Path) -> None:
    pools = Pools(seed=3)
    assert len(set(pools.people)) == len(pools.people) >= 3000
    assert len(set(pools.companies)) == len(pools.companies) >= 3000
    rng = random.Random(3)
    texts = [make_diverse_article(i, rng, pools) for i in range(300)]
    people = {p for p in pools.people if any(p in t for t in texts)}
    companies = {c for c in pools.companies if any(c in t for t in texts)}
    assert len(people) > 200 and len(companies) > 200  # not a handful of names repeated
    assert len(set(texts)) == 300
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert write_diverse_corpus(tmp_path / "a", 5) == write_diverse_corpus(tmp_path / "b", 5) > 5 * 200
    assert sorted(p.read_text() for p in (tmp_path / "a").iterdir()) == sorted(p.read_text() for p in (tmp_path / "b").iterdir())
