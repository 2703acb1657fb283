"""Property test: whatever JSON depths, numbers and surrogates the inputs hold, ingest never raises
and accounts for every file, and its report can be written.

Files are JSON articles, JSON Lines, plain text and Markdown with sidecars and a manifest; their JSON
is written by hand, so that it may hold what Python's json module reads but JSON forbids (``NaN``,
``Infinity``), numbers out of range (``1e999``, 5,000 digits), arrays nested past the recursion
limit, and lone surrogates as ``\\udXXX`` escapes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import read_articles
from kg.report import BuildReport

SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\udcff"]
ODD = ["\u200b", "\u202e", "\ufeff", "\x00", "&" * 40, "[", "`", "**"]

texts = st.lists(
    st.one_of(st.text(max_size=20), st.sampled_from(SURROGATES + ODD), st.just("Tarnwell Bank said on Monday ")),
    max_size=8,
).map("".join)
numbers = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "2024", "2024.5", "9" * 5000]),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(json.dumps),
)
scalars = st.one_of(numbers, texts.map(json.dumps), st.sampled_from(["true", "false", "null"]))
depths = st.one_of(st.integers(0, 5), st.integers(60, 70), st.integers(900, 1500))


@st.composite
def values(draw: st.DrawFn) -> str:
    """A JSON value as text, nested to a drawn depth in arrays or objects."""
    inner = draw(scalars)
    depth = draw(depths)
    if draw(st.booleans()):
        return "[" * depth + inner + "]" * depth
    return '{"k": ' * depth + inner + "}" * depth


@st.composite
def article_objects(draw: st.DrawFn) -> str:
    """An article object as JSON text: text, title, date and an extra field, each possibly hostile."""
    text = draw(st.one_of(texts.map(json.dumps), values()))
    fields = [f'"text": {text}', f'"title": {draw(st.one_of(texts.map(json.dumps), values()))}']
    fields.append(f'"date": {draw(st.one_of(numbers, values(), texts.map(json.dumps)))}')
    fields.append(f'"extra": {draw(values())}')
    return "{" + ", ".join(draw(st.permutations(fields))) + "}"


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, str]:
    """File name -> content of a small corpus."""
    files: dict[str, str] = {}
    for i in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["json", "jsonl", "txt", "md"]))
        if kind == "json":
            files[f"a{i}.json"] = draw(article_objects())
        elif kind == "jsonl":
            files[f"a{i}.jsonl"] = "\n".join(draw(st.lists(article_objects(), min_size=1, max_size=3))) + "\n"
        else:
            files[f"a{i}.{kind}"] = draw(texts) + "\nTarnwell Bank opened a branch in Pakse on Friday.\n"
            if draw(st.booleans()):
                files[f"a{i}.meta.json"] = draw(article_objects())
    if draw(st.booleans()):
        files["manifest.json"] = "{" + f'"a0.txt": {draw(article_objects())}' + "}"
    return files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=corpora())
def test_ingest_accounts_for_every_file_whatever_its_json(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for name, content in files.items():
            # surrogates in the file's own characters cannot be UTF-8: they are written as JSON escapes
            # (by json.dumps above) or, in plain text, as the bytes Python would refuse to write
            (corpus / name).write_bytes(content.encode("utf-8", "surrogatepass"))
        report = BuildReport(corpus=str(corpus))
        articles = list(read_articles(corpus, report=report))  # never raises
        report.write(Path(tmp) / "report.json")
        json.loads((Path(tmp) / "report.json").read_text(encoding="utf-8"))
        inputs = [n for n in files if not n.endswith(".meta.json") and n != "manifest.json"]
        for name in inputs:
            entries = [f for f in report.files if f.path == name or f.path.startswith(f"{name}:")]
            assert entries, f"{name} not accounted for"
            assert all(f.status in {"ok", "skipped", "failed"} and (f.status == "ok" or f.reason) for f in entries)
        assert len(articles) == sum(1 for f in report.files if f.status == "ok")
        for article in articles:
            for value in (article.id, article.text, article.title or "", article.source, article.publisher or ""):
                value.encode("utf-8")  # no lone surrogate reaches an article
            assert article.date is None or article.date[:4].isdigit()
