"""Tests of kg.ingest's public entry points: discover_inputs and read_articles."""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import discover_inputs, read_articles
from kg.records import Article
from kg.report import BuildReport, FileEntry

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
FIXTURES = REPO / "tests" / "data" / "ingest"

EXPECTED_LANG = {
    "000_3f0ed15193be0ca2": "en",
    "001_fb309f23a7c12424": "vi",
    "002_80ea0a3f9ccdb108": "en",
    "003_78baa648b268e72f": "th",
    "004_f05bf0c0922132b0": "en",
}
EXPECTED_DATE = {"001_fb309f23a7c12424": "2023-05-30", "002_80ea0a3f9ccdb108": "2025-02-26"}
CHROME_LINES = (
    "<?php",
    "wp_title",
    "Getting your Trinity Audio player ready",
    "Homepage > News",
    "Watch: Why content creators",
    "ติดตามสยามบล็อกเชนบน",
    "ที่มา: Cointelegraph",
    "05:40, 30/05/2023",
    "date 2025-02-26",
)
ENGLISH_BODY = (
    "The Ministry of Technology and Communications said on Monday that the national data centre will open "
    "next year. It is part of the plan for the digital economy of the country, and officials expect it to "
    "host the services of the government and of the banks.\n\n"
    "The centre was built with the support of partners from the region, the ministry said."
)


def ingest(source: Path | list[Path], **kw: object) -> tuple[list[Article], BuildReport]:
    """Read articles from a folder or files; return them with the report."""
    report = BuildReport()
    articles = list(read_articles(source, report=report, **kw))  # type: ignore[arg-type]
    return articles, report


def entry(report: BuildReport, path: str) -> FileEntry:
    """The one report entry for a path."""
    matches = [f for f in report.files if f.path == path]
    assert len(matches) == 1, f"{path}: {len(matches)} entries in {[f.path for f in report.files]}"
    return matches[0]


def comparable(article: Article) -> tuple[object, ...]:
    """An article's fields, without the path it was read from."""
    return (article.id, article.text, article.lang, article.title, article.date, article.source, article.publisher)


def copy_corpus(dest: Path, *, sidecars: bool = True) -> Path:
    """Copy the bundled corpus (with or without its sidecars) into a folder."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in CORPUS.iterdir():
        if path.suffix == ".txt" or (sidecars and path.name.endswith(".meta.json")):
            shutil.copyfile(path, dest / path.name)
    return dest


@pytest.fixture(scope="module")
def corpus_articles() -> dict[str, Article]:
    """The bundled corpus, ingested once."""
    articles, _ = ingest(CORPUS)
    return {a.id: a for a in articles}


@pytest.mark.parametrize("article_id, lang", sorted(EXPECTED_LANG.items()))
def test_read_articles_corpus_language(corpus_articles: dict[str, Article], article_id: str, lang: str) -> None:
    assert corpus_articles[article_id].lang == lang


@pytest.mark.parametrize("article_id", sorted(EXPECTED_LANG))
def test_read_articles_corpus_title_from_sidecar(corpus_articles: dict[str, Article], article_id: str) -> None:
    meta = json.loads((CORPUS / f"{article_id}.meta.json").read_text(encoding="utf-8"))
    article = corpus_articles[article_id]
    assert article.title == meta["title"]
    assert article.publisher == meta["publisher"]
    assert article.source == f"{article_id}.txt"


@pytest.mark.parametrize("sidecars", [True, False], ids=["with-sidecars", "without-sidecars"])
def test_read_articles_corpus_report_and_chrome(tmp_path: Path, sidecars: bool) -> None:
    articles, report = ingest(copy_corpus(tmp_path / "corpus", sidecars=sidecars))
    assert sorted(a.id for a in articles) == sorted(EXPECTED_LANG)
    assert [f.status for f in report.files] == ["ok"] * 5
    for article in articles:
        for chrome in CHROME_LINES:
            assert chrome not in article.full_text, (article.id, chrome)
        assert article.text == article.text.strip() and "\n\n\n" not in article.text
        assert article.title and not article.text.startswith(article.title)


@pytest.mark.parametrize("article_id", sorted(EXPECTED_LANG))
def test_read_articles_without_sidecars_finds_dates_titles_languages(tmp_path: Path, article_id: str) -> None:
    articles, _ = ingest(copy_corpus(tmp_path / "corpus", sidecars=False))
    article = next(a for a in articles if a.id == article_id)
    meta = json.loads((CORPUS / f"{article_id}.meta.json").read_text(encoding="utf-8"))
    assert article.date == EXPECTED_DATE.get(article_id)
    assert article.lang == EXPECTED_LANG[article_id]
    assert article.title == meta["title"]


@pytest.mark.parametrize("article_id", ["004_f05bf0c0922132b0"])
def test_read_articles_repeated_title_removed_caption_kept(corpus_articles: dict[str, Article], article_id: str) -> None:
    article = corpus_articles[article_id]
    assert article.title not in article.text
    assert article.text.startswith("LOCA is planning")
    assert "(Photo: KT/Pierre Roussel)" in article.text


@pytest.mark.parametrize("article_id", ["003_78baa648b268e72f"])
def test_read_articles_origin_source_noted(article_id: str) -> None:
    _, report = ingest(CORPUS)
    assert "origin source: Cointelegraph" in entry(report, f"{article_id}.txt").notes


# --- bad inputs, each in a folder with the good corpus ---------------------------------------------

Writer = Callable[[Path], None]


def _write_bytes(name: str, data: bytes) -> Writer:
    return lambda folder: (folder / name).write_bytes(data)


def _write_text(name: str, text: str) -> Writer:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8")


def _copy_fixture(name: str, fixture: str) -> Writer:
    return lambda folder: shutil.copyfile(FIXTURES / fixture, folder / name)


def _near_duplicate(folder: Path) -> None:
    text = (CORPUS / "004_f05bf0c0922132b0.txt").read_text(encoding="utf-8")
    (folder / "zz_near.txt").write_text(text + "\n\nReporting by the Khmer Times business desk.\n", encoding="utf-8")


def _bad_sidecar(folder: Path) -> None:
    (folder / "good.txt").write_text("Data centre to open in Vientiane\n\n" + ENGLISH_BODY, encoding="utf-8")
    (folder / "good.meta.json").write_text('{"title": "Data centre", "lang": "en",}', encoding="utf-8")


def _jsonl(folder: Path) -> None:
    good = {"title": "Data centre to open", "text": ENGLISH_BODY, "lang": "en", "date": "2024-01-05"}
    other = {"id": "laos-week", "body": (FIXTURES / "lao.txt").read_text(encoding="utf-8")}
    lines = [json.dumps(good), '{"title": "broken", "text": "no closing brace"', json.dumps(other)]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


MOJIBAKE = "Café owners in Vientiane welcome the new e-wallet — a naïve hope, say critics."

BAD_INPUTS: list[tuple[str, Writer, str, str, str | None, str | None, dict[str, object]]] = [
    # (case id, writer, report path, status, reason (regex), note (regex), read_articles kwargs)
    ("empty", _write_bytes("zz_empty.txt", b""), "zz_empty.txt", "skipped", "empty file", None, {}),
    (
        "whitespace-only",
        _write_bytes("zz_blank.txt", b"  \n\t\r\n \n"),
        "zz_blank.txt",
        "skipped",
        "empty file",
        None,
        {},
    ),
    (
        "binary",
        _write_bytes("zz_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        "zz_image.txt",
        "failed",
        "binary file",
        None,
        {},
    ),
    (
        "cp1252",
        _write_bytes("zz_cp1252.txt", ("Café costs\n\n" + ENGLISH_BODY + " The café’s owner — naïve.").encode("cp1252")),
        "zz_cp1252.txt",
        "ok",
        None,
        "encoding cp1252 decoded",
        {},
    ),
    (
        "utf16-bom",
        _write_bytes("zz_utf16.txt", ("Data centre\n\n" + ENGLISH_BODY).encode("utf-16")),
        "zz_utf16.txt",
        "ok",
        None,
        "encoding utf-16-(le|be) decoded",
        {},
    ),
    (
        "mojibake",
        _write_text("zz_mojibake.txt", (MOJIBAKE + "\n\n" + ENGLISH_BODY).encode("utf-8").decode("cp1252")),
        "zz_mojibake.txt",
        "ok",
        None,
        "mojibake repaired",
        {},
    ),
    ("html", _copy_fixture("zz_page.html", "saved_page.html"), "zz_page.html", "ok", None, None, {}),
    (
        "too-large",
        _write_text("zz_large.txt", "Digital economy news. " * 2000),
        "zz_large.txt",
        "failed",
        r"file is 44000 bytes, over the limit of 20000 \(use --max-bytes\)",
        None,
        {"max_bytes": 20_000},
    ),
    (
        "lao",
        _copy_fixture("zz_lao.txt", "lao.txt"),
        "zz_lao.txt",
        "ok",
        None,
        "language detected as lo: thin NLP coverage",
        {},
    ),
    (
        "khmer",
        _copy_fixture("zz_khmer.txt", "khmer.txt"),
        "zz_khmer.txt",
        "ok",
        None,
        "language detected as km: thin NLP coverage",
        {},
    ),
    (
        "unknown-script",
        _write_text("zz_georgian.txt", "ციფრული ეკონომიკა\n\nმთავრობამ გამოაცხადა ახალი ციფრული სტრატეგია."),
        "zz_georgian.txt",
        "ok",
        None,
        "language not recognised",
        {},
    ),
    (
        "exact-duplicate",
        _copy_fixture("zz_copy.txt", "../../../data/corpus/000_3f0ed15193be0ca2.txt"),
        "zz_copy.txt",
        "skipped",
        "duplicate of 000_3f0ed15193be0ca2.txt",
        None,
        {},
    ),
    (
        "near-duplicate",
        _near_duplicate,
        "zz_near.txt",
        "skipped",
        r"near-duplicate of 004_f05bf0c0922132b0\.txt \(similarity (?:0\.9\d|1\.00)\)",
        None,
        {},
    ),
    (
        "malformed-json",
        _write_text("zz_bad.json", '{"title": "x", "text": "Digital economy",}'),
        "zz_bad.json",
        "failed",
        r"not valid JSON \(Expecting property name enclosed in double quotes at line 1 column \d+\)",
        None,
        {},
    ),
    (
        "json-missing-text",
        _write_text("zz_notext.json", '{"title": "A title", "lang": "en"}'),
        "zz_notext.json",
        "failed",
        r"no text field \(expected one of text, body, content\)",
        None,
        {},
    ),
    (
        "jsonl-malformed-line",
        _jsonl,
        "batch.jsonl:2",
        "failed",
        r"not valid JSON \(Expecting ',' delimiter at column \d+\)",
        None,
        {},
    ),
    (
        "bad-sidecar",
        _bad_sidecar,
        "good.txt",
        "ok",
        None,
        r"sidecar good\.meta\.json ignored: not valid JSON \(.* at line 1 column \d+\)",
        {},
    ),
    ("not-an-article", _write_text("zz_data.csv", "a,b\n1,2\n"), "zz_data.csv", "skipped", "not an article format", None, {}),
]


@pytest.fixture(scope="module")
def baseline() -> dict[str, tuple[object, ...]]:
    """The good corpus ingested alone, to compare with."""
    articles, _ = ingest(CORPUS)
    return {a.id: comparable(a) for a in articles}


@pytest.mark.parametrize(
    "writer, path, status, reason, note, kwargs",
    [pytest.param(*case[1:], id=case[0]) for case in BAD_INPUTS],
)
def test_read_articles_bad_input_reported_good_unchanged(
    tmp_path: Path,
    baseline: dict[str, tuple[object, ...]],
    caplog: pytest.LogCaptureFixture,
    writer: Writer,
    path: str,
    status: str,
    reason: str | None,
    note: str | None,
    kwargs: dict[str, object],
) -> None:
    folder = copy_corpus(tmp_path / "corpus")
    writer(folder)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        articles, report = ingest(folder, **kwargs)
    found = entry(report, path)
    assert found.status == status
    if reason is None:
        assert found.reason is None
    else:
        assert found.reason is not None and re.fullmatch(reason, found.reason), found.reason
    if note is not None:
        assert any(re.fullmatch(note, n) for n in found.notes), found.notes
    good = {a.id: comparable(a) for a in articles if a.id in baseline}
    assert good == baseline
    inputs = [p for p in discover_inputs(folder) if p.suffix != ".jsonl"]
    assert len(report.files) == len(inputs) + (3 if path.startswith("batch.jsonl") else 0)
    if status != "ok" and reason != "not an article format":
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert warnings == [f"{path}: {found.reason}"]


@pytest.mark.parametrize("name", ["zz_page.html"])
def test_read_articles_html_main_text_and_metadata(tmp_path: Path, name: str) -> None:
    shutil.copyfile(FIXTURES / "saved_page.html", tmp_path / name)
    (article,), report = ingest(tmp_path)
    assert article.title == "Cambodia launches national digital payment gateway"
    assert article.date == "2024-03-14"
    assert article.lang == "en"
    assert article.publisher == "Mekong Tech Daily"
    assert article.source == "https://mekongtech.example/2024/03/cambodia-payment-gateway"
    assert article.text.startswith("The National Bank of Cambodia on Thursday launched")
    assert "Analysts expect the gateway" in article.text
    for chrome in ("cookies", "dataLayer", "Privacy policy", "All rights reserved", "Related stories", "Subscribe"):
        assert chrome not in article.text
    assert entry(report, name).notes == []


@pytest.mark.parametrize(
    "markdown, title, text",
    [
        (
            "# Laos hosts *Digital Week*\n\n![banner](b.png)\n\nThe **Ministry of Technology** said the "
            "[event](https://example.org) opens in April.\n\n```\ncode\n```\n\n- It runs for a week.",
            "Laos hosts Digital Week",
            "The Ministry of Technology said the event opens in April.\n\nIt runs for a week.",
        )
    ],
)
def test_read_articles_markdown_syntax_stripped(tmp_path: Path, markdown: str, title: str, text: str) -> None:
    (tmp_path / "story.md").write_text(markdown, encoding="utf-8")
    (article,), _ = ingest(tmp_path)
    assert (article.title, article.text, article.lang) == (title, text, "en")


@pytest.mark.parametrize("case", ["cp1252", "mojibake", "utf16-bom"])
def test_read_articles_repaired_text_reads_right(tmp_path: Path, case: str) -> None:
    writer = next(c[1] for c in BAD_INPUTS if c[0] == case)
    writer(tmp_path)
    (article,), _ = ingest(tmp_path)
    expected = {"cp1252": "The café’s owner — naïve.", "mojibake": MOJIBAKE, "utf16-bom": "The centre was built"}
    assert expected[case] in article.text
    assert article.lang == "en"


@pytest.mark.parametrize("lines", [(1, 3)])
def test_read_articles_jsonl_lines_accounted_for(tmp_path: Path, lines: tuple[int, int]) -> None:
    _jsonl(tmp_path)
    articles, report = ingest(tmp_path)
    assert [(f.path, f.status) for f in report.files] == [
        ("batch.jsonl:1", "ok"),
        ("batch.jsonl:2", "failed"),
        ("batch.jsonl:3", "ok"),
    ]
    first, third = articles
    assert (first.id, first.title, first.date, first.lang) == ("batch-1", "Data centre to open", "2024-01-05", "en")
    assert first.source == "batch.jsonl:1"
    assert (third.id, third.lang) == ("laos-week", "lo")


@pytest.mark.parametrize("target_inside", [False, True], ids=["outside", "inside"])
def test_read_articles_symlinks(tmp_path: Path, target_inside: bool) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "real.txt").write_text("Title here\n\n" + ENGLISH_BODY, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n\n" + ENGLISH_BODY.replace("centre", "vault"), encoding="utf-8")
    (corpus / "link.txt").symlink_to(corpus / "real.txt" if target_inside else outside)
    articles, report = ingest(corpus)
    found = entry(report, "link.txt")
    if target_inside:
        assert found.status == "ok"
        assert (entry(report, "real.txt").status, entry(report, "real.txt").reason) == (
            "skipped",
            "duplicate of link.txt",
        )
    else:
        assert (found.status, found.reason) == ("skipped", "symlink outside the corpus")
        assert all("vault" not in a.text for a in articles)


@pytest.mark.parametrize("kind", ["dangling", "loop", "folder"])
def test_read_articles_odd_symlinks_skipped(tmp_path: Path, kind: str) -> None:
    (tmp_path / "real.txt").write_text("Title here\n\n" + ENGLISH_BODY, encoding="utf-8")
    if kind == "dangling":
        (tmp_path / "odd.txt").symlink_to(tmp_path / "missing.txt")
    elif kind == "loop":
        (tmp_path / "odd.txt").symlink_to(tmp_path / "odd.txt")
    else:
        (tmp_path / "sub").mkdir()
        (tmp_path / "odd.txt").symlink_to(tmp_path / "sub")
    articles, report = ingest(tmp_path)
    reason = "symlinked folder not followed" if kind == "folder" else "broken symlink"
    assert (entry(report, "odd.txt").status, entry(report, "odd.txt").reason) == ("skipped", reason)
    assert [a.id for a in articles] == ["real"]


@pytest.mark.parametrize("name", [".hidden.txt", "a.meta.json", "manifest.json"])
def test_discover_inputs_leaves_out_hidden_and_metadata(tmp_path: Path, name: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x", encoding="utf-8")
    assert discover_inputs(tmp_path) == [tmp_path / "a.txt", tmp_path / "sub" / "b.txt"]


@pytest.mark.parametrize("missing", ["no-such-folder"])
def test_read_articles_missing_folder_raises(tmp_path: Path, missing: str) -> None:
    with pytest.raises(InputError, match="no such"):
        read_articles(tmp_path / missing, report=BuildReport())


@pytest.mark.parametrize("manifest", ["manifest.json", "manifest.jsonl"])
def test_read_articles_manifest_overrides_detection(tmp_path: Path, manifest: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Detected title\n\n" + ENGLISH_BODY, encoding="utf-8")
    record = {"title": "Manifest title", "date": "2024-02-01", "publisher": "Vientiane Times", "lang": "en-GB"}
    if manifest.endswith(".jsonl"):
        (tmp_path / manifest).write_text(json.dumps({"file": "sub/a.txt", **record}) + "\n", encoding="utf-8")
    else:
        (tmp_path / manifest).write_text(json.dumps({"sub/a.txt": record}), encoding="utf-8")
    (article,), report = ingest(tmp_path)
    assert (article.title, article.date, article.publisher, article.lang) == (
        "Manifest title",
        "2024-02-01",
        "Vientiane Times",
        "en",
    )
    assert article.text.startswith("Detected title")
    assert [f.path for f in report.files] == ["sub/a.txt"]


@pytest.mark.parametrize("names", [("a/x.txt", "b/x.md")])
def test_read_articles_ids_unique(tmp_path: Path, names: tuple[str, str]) -> None:
    for i, name in enumerate(names):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Story {i}\n\n{ENGLISH_BODY} Number {i} of many, with its own words.", "utf-8")
    articles, report = ingest(tmp_path)
    assert [a.id for a in articles] == ["x", "x-2"]
    assert "id x already used by a/x.txt; this article is x-2" in entry(report, "b/x.md").notes


@pytest.mark.parametrize("paths", [["000_3f0ed15193be0ca2.txt", "003_78baa648b268e72f.txt"]])
def test_read_articles_explicit_paths(paths: list[str]) -> None:
    articles, report = ingest([CORPUS / p for p in paths])
    assert [a.source for a in articles] == paths
    assert [f.path for f in report.files] == paths
    assert articles[1].publisher == "Siam Blockchain"


# --- properties -------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_read_articles_any_text_never_raises(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text(text, encoding="utf-8")
        report = BuildReport()
        articles = list(read_articles(Path(tmp), report=report))
        assert [f.path for f in report.files] == ["a.txt"]
        assert len(articles) == (report.files[0].status == "ok")
        for article in articles:
            assert article.text and article.text == article.text.strip()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl"]))
def test_read_articles_any_bytes_never_raise(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, name).write_bytes(data)
        report = BuildReport()
        list(read_articles(Path(tmp), report=report))
        assert report.files, "file not accounted for"
        assert all(f.path == name or f.path.startswith(f"{name}:") for f in report.files)
