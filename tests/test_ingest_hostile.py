"""Hostile inputs: one bad file (or line) is one entry in the report, never the end of ingest.

Every case puts one bad input beside a good article and checks that the good one
is still read, that the bad one has its own entry, and that the report can be
written as JSON (a lone surrogate in it would stop ``report.json``).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import mentions_of

from kg.ingest import discover_inputs, read_articles
from kg.ingest.clean import clean_text, normalise_lines
from kg.ingest.decode import decode_bytes
from kg.ingest.jsontext import JsonProblem, load_json, nesting_depth
from kg.ingest.markdown import strip_markdown
from kg.report import BuildReport

GOOD = "The Ministry of Quorvania Affairs met Blentworth Holdings in Vientiane on Monday to talk about payments.\n"
DEEP = "[" * 1000 + "]" * 1000


def _ingest(corpus: Path, tmp_path: Path) -> tuple[list, BuildReport]:
    report = BuildReport(corpus=str(corpus))
    articles = list(read_articles(corpus, report=report))
    report.write(tmp_path / "report.json")  # must not raise (lone surrogates, odd names)
    json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    return articles, report


def _entries(report: BuildReport) -> dict[str, tuple[str, str | None, list[str]]]:
    return {f.path: (f.status, f.reason, f.notes) for f in report.files}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


# --- lone surrogates ------------------------------------------------------------------------


def test_lone_surrogate_in_json_text_is_removed_and_noted(corpus: Path, tmp_path: Path) -> None:
    (corpus / "bad.json").write_text('{"text": "Grelmont Bank\\ud800 opened a branch in Pakse on Friday."}')
    articles, report = _ingest(corpus, tmp_path)
    entries = _entries(report)
    assert entries["good.txt"][0] == "ok"
    status, _, notes = entries["bad.json"]
    assert status == "ok" and any("lone surrogate" in n for n in notes)
    bad = next(a for a in articles if a.id == "bad")
    assert "\ud800" not in bad.text and "Grelmont Bank opened" in bad.text
    assert any("lone surrogate" in line for line in report.problems())


def test_lone_surrogate_in_jsonl_line_and_html_body(corpus: Path, tmp_path: Path) -> None:
    lines = [
        '{"id": "a1", "text": "Trelvane Telecom\\udc80 said on Monday that payments grew in Laos."}',
        '{"id": "a2", "text": "<p>Morvath Bank\\ud83d said on Tuesday that it opened in Laos.</p>"}',
        '{"id": "a3", "text": "Kestrow Group said on Friday it would invest in Cambodia."}',
    ]
    (corpus / "many.jsonl").write_text("\n".join(lines) + "\n")
    articles, _ = _ingest(corpus, tmp_path)
    assert {a.id for a in articles} == {"good", "a1", "a2", "a3"}
    assert all(not any(0xD800 <= ord(c) <= 0xDFFF for c in a.text) for a in articles)


def test_lone_surrogate_in_sidecar_title(corpus: Path, tmp_path: Path) -> None:
    (corpus / "titled.txt").write_text("Dravencourt Finance said on Friday that it opened an office in Hanoi.\n")
    (corpus / "titled.meta.json").write_text('{"title": "Dravencourt\\ud800 opens in Hanoi"}')
    articles, _ = _ingest(corpus, tmp_path)
    titled = next(a for a in articles if a.id == "titled")
    assert titled.title == "Dravencourt opens in Hanoi"


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes")
def test_file_name_not_utf8_is_read_under_a_printable_name(corpus: Path, tmp_path: Path) -> None:
    raw = os.fsencode(corpus) + b"/Pelgrave\xff news.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(b"Pelgrave Capital said on Monday that it had opened an office in Phnom Penh.\n")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    articles, report = _ingest(corpus, tmp_path)
    entries = _entries(report)
    assert entries["Pelgrave\ufffd news.txt"][0] == "ok"
    assert any("not valid UTF-8" in n for n in entries["Pelgrave\ufffd news.txt"][2])
    assert len(articles) == 2 and all(a.id.encode("utf-8") for a in articles)
    assert "Pelgrave" in (tmp_path / "report.json").read_text(encoding="utf-8")


# --- JSON nesting and numbers ----------------------------------------------------------------


def test_deep_json_article_and_jsonl_line_fail_alone(corpus: Path, tmp_path: Path) -> None:
    (corpus / "deep.json").write_text('{"text": "Hollin Bank said so.", "x": ' + DEEP + "}")
    (corpus / "mixed.jsonl").write_text(
        '{"id": "m1", "text": "Harrowgate Fintech said on Monday that it raised money.", "x": ' + DEEP + "}\n"
        '{"id": "m2", "text": "Ostrava Payments said on Monday that it opened in Laos."}\n'
    )
    articles, report = _ingest(corpus, tmp_path)
    entries = _entries(report)
    assert entries["deep.json"][0] == "failed" and "nested" in entries["deep.json"][1]
    assert entries["mixed.jsonl:1"][0] == "failed" and "nested" in entries["mixed.jsonl:1"][1]
    assert entries["mixed.jsonl:2"][0] == "ok"
    assert {a.id for a in articles} == {"good", "m2"}


def test_deep_sidecar_and_manifest_are_ignored_with_a_note(corpus: Path, tmp_path: Path) -> None:
    (corpus / "side.txt").write_text("Ferrowind Energy said on Monday that it would build in Laos.\n")
    (corpus / "side.meta.json").write_text('{"title": "x", "y": ' + DEEP + "}")
    (corpus / "manifest.json").write_text('{"good.txt": {"title": ' + DEEP + "}}")
    articles, report = _ingest(corpus, tmp_path)
    assert {a.id for a in articles} == {"good", "side"}
    assert any("sidecar side.meta.json ignored" in n and "nested" in n for n in _entries(report)["side.txt"][2])
    assert any("manifest manifest.json ignored" in n for n in report.notes)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_date_fails_the_file_alone(corpus: Path, tmp_path: Path, value: str) -> None:
    (corpus / "dated.json").write_text('{"text": "Calloway Bank said on Monday it grew.", "date": ' + value + "}")
    articles, report = _ingest(corpus, tmp_path)
    status, reason, _ = _entries(report)["dated.json"]
    assert status == "failed" and reason.startswith("not valid JSON")
    assert [a.id for a in articles] == ["good"]


def test_load_json_refusals() -> None:
    assert load_json('{"a": [1, 2.5, "[[[{{"]}') == {"a": [1, 2.5, "[[[{{"]}
    assert nesting_depth('{"a": "\\"[[[", "b": [[]]}') == 3
    for text in ("NaN", '{"d": 1e400}', DEEP, "9" * 5000, "{"):
        with pytest.raises(JsonProblem):
            load_json(text)


# --- unreadable files and folders ------------------------------------------------------------


def test_unreadable_file_and_folder_are_reported(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus / "locked.txt").write_text("Sellwood Bank said on Monday that it grew.\n")
    (corpus / "vault").mkdir()
    (corpus / "vault" / "inside.txt").write_text("Brannock Group said on Monday that it grew.\n")
    real_scandir, real_read_bytes = os.scandir, Path.read_bytes

    def scandir(path: str | Path = ".") -> object:  # stand-in for os.scandir
        if os.fspath(path).endswith("vault"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert corpus / "vault" in discover_inputs(corpus)
    articles, report = _ingest(corpus, tmp_path)
    entries = _entries(report)
    assert entries["locked.txt"][:2] == ("failed", "cannot read: Permission denied")
    assert entries["vault"][:2] == ("failed", "cannot read folder: Permission denied")
    assert [a.id for a in articles] == ["good"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_unreadable_by_permissions(corpus: Path, tmp_path: Path) -> None:
    (corpus / "locked.txt").write_text("Sellwood Bank said on Monday that it grew.\n")
    (corpus / "vault").mkdir()
    (corpus / "vault" / "inside.txt").write_text("Brannock Group said on Monday that it grew.\n")
    os.chmod(corpus / "locked.txt", 0)
    os.chmod(corpus / "vault", 0)
    try:
        articles, report = _ingest(corpus, tmp_path)
    finally:
        os.chmod(corpus / "vault", 0o755)
        os.chmod(corpus / "locked.txt", 0o644)
    entries = _entries(report)
    assert entries["locked.txt"][0] == "failed" and entries["vault"][0] == "failed"
    assert [a.id for a in articles] == ["good"]


def test_unexpected_error_on_one_file_is_that_files_failure(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "odd.txt").write_text("Wexford Digital said on Monday that it grew.\n")
    import kg.ingest as ingest

    real = ingest.clean_text

    def exploding(text: str, **kwargs: object) -> object:  # stand-in for clean_text
        if "Wexford" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, **kwargs)

    monkeypatch.setattr(ingest, "clean_text", exploding)
    articles, report = _ingest(corpus, tmp_path)
    status, reason, _ = _entries(report)["odd.txt"]
    assert status == "failed" and "RecursionError" in reason
    assert [a.id for a in articles] == ["good"]


# --- encodings and invisible characters ------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_decoded(encoding: str) -> None:
    decoded = decode_bytes(GOOD.encode(encoding), "x.txt")
    assert decoded.text == GOOD and decoded.encoding == encoding


def test_binary_with_nul_bytes_is_still_binary() -> None:
    from kg.errors import InputError

    for data in (bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 300):
        with pytest.raises(InputError, match="binary"):
            decode_bytes(data, "x.bin")


def test_zero_width_and_bidi_controls_do_not_cut_latin_names() -> None:
    lines, _ = normalise_lines("Tor\u200bvane Company and \u202eQuillon\u202c Bank, Bel\u200dmar\u2060sh Group")
    assert lines == ["Torvane Company and Quillon Bank, Belmarsh Group"]
    kept = "\u1781\u17d2\u1798\u17c2\u179a\u200b\u1797\u17b6\u179f\u17b6"  # a Khmer word break stays
    assert normalise_lines(kept)[0] == [kept]


def test_zero_width_name_is_found_as_one_mention(corpus: Path, tmp_path: Path) -> None:
    (corpus / "zw.txt").write_text("Uni\u200btel Company said on Monday that Torvane\u200d Bank would join it.\n")
    articles, _ = _ingest(corpus, tmp_path)
    text = next(a for a in articles if a.id == "zw").text
    assert "\u200b" not in text and "Unitel Company" in text
    assert "Unitel Company" in mentions_of(text)


# --- time: linear in the article -------------------------------------------------------------


@pytest.mark.parametrize("piece", ["[", "![", "&[", "`", "**a ", "__a ", "*a ", "_a ", "[x](", "** "])
def test_markdown_time_is_linear(piece: str) -> None:
    line = "Word " + piece * (200_000 // len(piece)) + " end"
    started = time.perf_counter()
    strip_markdown(line)
    assert time.perf_counter() - started < 2.0


def test_markdown_inline_rules_still_apply() -> None:
    text = "A **bold** and *it* and __b__ and _i_ and `code` and ``a ` b`` [link](http://x) ![img](y) snake_case"
    assert strip_markdown(text) == "A bold and it and b and i and code and a ` b link  snake_case"


def test_long_symbol_run_is_shortened() -> None:
    cleaned = clean_text("Harlow Bank said. " + "&" * 300_000 + "\n\nThen it grew.", detect_title=False)
    assert cleaned.text == "Harlow Bank said. " + "&" * 32 + "\n\nThen it grew."
    assert any("symbols shortened" in n for n in cleaned.notes)
    assert clean_text("A rule ------ stays, so do ... and ?!").text == "A rule ------ stays, so do ... and ?!"


def test_iris_from_text_with_a_lone_surrogate() -> None:
    from kg.iri import article_iri, evidence_iri, slugify

    assert slugify("Quenby\udcff Mills") == "quenby-mills"
    assert str(article_iri("bad\ud800name")).isascii()
    iri = article_iri("x")
    assert str(evidence_iri(iri, iri, iri, "x", "A sentence\udc80.")).isascii()


def test_dedupe_and_cache_key_take_a_stray_surrogate() -> None:
    from kg.cache import article_key
    from kg.ingest.dedupe import Deduplicator
    from kg.records import Article

    dedupe = Deduplicator()
    text = "Orlund Bank said on Monday \ud800 that digital payments grew in the north"
    assert dedupe.check(text, "a") is None
    assert dedupe.check(text, "b") is not None
    assert article_key(Article("x", "Orlund\udcff", "en")) != article_key(Article("x", "Orlund", "en"))
