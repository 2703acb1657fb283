"""Tests of kg.ingest.dedupe: exact and near duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.dedupe import Deduplicator, Duplicate, shingles

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def corpus_text(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t,
        lambda t: t.upper(),
        lambda t: t.replace("\n\n", "\n  \n\n"),
    ],
    ids=["identical", "case", "whitespace"],
)
def test_dedupe_exact_duplicates(variant: object) -> None:
    dedupe = Deduplicator()
    text = corpus_text("000_3f0ed15193be0ca2")
    assert dedupe.check(text, "a.txt") is None
    dup = dedupe.check(variant(text), "b.txt")  # type: ignore[operator]
    assert dup == Duplicate("a.txt", 1.0, exact=True)
    assert dup.reason == "duplicate of a.txt"


@pytest.mark.parametrize(
    "stem, trailer",
    [
        ("004_f05bf0c0922132b0", "\n\nReporting by the Khmer Times business desk."),
        ("003_78baa648b268e72f", "\n\nภาพประกอบจาก Shutterstock"),
        ("001_fb309f23a7c12424", "\n\nTheo Báo Lao Động"),
    ],
    ids=["en", "th", "vi"],
)
def test_dedupe_near_duplicates(stem: str, trailer: str) -> None:
    dedupe = Deduplicator()
    text = corpus_text(stem)
    assert dedupe.check(text, "a.txt") is None
    dup = dedupe.check(text + trailer, "b.txt")
    assert dup is not None and not dup.exact and dup.of == "a.txt"
    assert 0.9 <= dup.similarity <= 1.0
    assert dup.reason == f"near-duplicate of a.txt (similarity {dup.similarity:.2f})"


@pytest.mark.parametrize("stems", [sorted(p.stem for p in CORPUS.glob("*.txt"))])
def test_dedupe_distinct_articles_pass(stems: list[str]) -> None:
    dedupe = Deduplicator()
    assert [dedupe.check(corpus_text(s), s) for s in stems] == [None] * len(stems)


@pytest.mark.parametrize("short", ["Short text.", "ok"])
def test_dedupe_short_texts_only_exact(short: str) -> None:
    dedupe = Deduplicator()
    assert dedupe.check(short, "a") is None
    assert dedupe.check(short + " More.", "b") is None
    assert dedupe.check(short, "c") == Duplicate("a", 1.0, exact=True)


@pytest.mark.parametrize(
    "text, kind",
    [("one two three four five six", "word"), ("ลาวมุ่งพัฒนาบล็อกเชนหวังยกระดับการเงินดิจิทัลของประเทศ", "char")],
)
def test_dedupe_shingles_words_or_characters(text: str, kind: str) -> None:
    found = shingles(text)
    if kind == "word":
        assert found == {"one two three four five", "two three four five six"}
    else:
        assert all(len(s) == 8 for s in found) and len(found) == len(text) - 7
