"""Articles longer than spaCy's 1,000,000-character limit are parsed in chunks, never fail the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.nlp.analysis import CHUNK_CHARS, chunk_spans, parse
from kg.nlp.pipelines import get_pipeline


def test_chunks_cover_the_text_and_cut_at_paragraphs() -> None:
    paragraph = "Talvenor Bank opened a branch. It hired staff.\n\n"
    text = paragraph * 50
    spans = chunk_spans(text, limit=300)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 300 for s, e in spans)
    assert all(text[s:].startswith("Talvenor") for s, _ in spans)


def test_chunks_cut_at_sentences_then_spaces_when_there_is_no_paragraph() -> None:
    text = "Orbanet grew fast. " * 40
    spans = chunk_spans(text, limit=100)
    assert all(text[s:].startswith("Orbanet") for s, _ in spans)
    words = "Zelq " * 100
    assert all(words[s:].startswith("Zelq") for s, _ in chunk_spans(words, limit=47))
    unbroken = "x" * 250
    assert chunk_spans(unbroken, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_a_chunked_parse_keeps_offsets_entities_and_sentences() -> None:
    nlp = get_pipeline("en")
    text = "Velmora Digital Company opened an office in Vientiane.\n\n" * 3 + "Quenlith Networks hired engineers in Bangkok.\n"
    whole = parse(nlp, text)
    chunked = parse(nlp, text, limit=70)
    assert chunked.text == text
    assert [(e.text, e.start_char, e.end_char) for e in chunked.ents] == [(e.text, e.start_char, e.end_char) for e in whole.ents]
    assert sum(1 for _ in chunked.sents) >= 4
    assert [t.idx for t in chunked] == [t.idx for t in whole]


def test_a_short_text_is_parsed_whole_as_before() -> None:
    nlp = get_pipeline("en")
    text = "Sorvane Telecom signed an agreement with Lao Telecom in Vientiane."
    assert len(text) < CHUNK_CHARS
    assert parse(nlp, text).to_bytes() == nlp(text).to_bytes()


def test_an_article_over_one_million_characters_builds(tmp_path: Path) -> None:
    from kg.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = ("Telecommunications " * 40).strip() + ".\n\n"
    early = "Velmora Digital Company signed an agreement with the Bank of Laos in Vientiane.\n\n"
    late = "Quenlith Networks signed an agreement with the Bank of Laos in Vientiane.\n"
    body = early + filler * (1_200_000 // len(filler)) + late
    assert len(body) > 1_000_000
    (corpus / "long.txt").write_text(body, encoding="utf-8")
    (corpus / "long.meta.json").write_text(json.dumps({"lang": "en", "title": "A policy paper"}), encoding="utf-8")
    (corpus / "short.txt").write_text("Sorvane Telecom Company launched 5G in Vientiane, Laos.\n", encoding="utf-8")

    build(corpus, tmp_path / "out", html=False, validate=False, run=None)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {f["path"]: f["status"] for f in report["files"]} == {"long.txt": "ok", "short.txt": "ok"}
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    for name in ("Velmora Digital Company", "Quenlith Networks", "Sorvane Telecom Company"):
        assert f'"{name}"@en' in turtle, name
    # the evidence sentence of the late name is whole
    assert '"Quenlith Networks signed an agreement with the Bank of Laos in Vientiane."@en' in turtle


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
