"""Tests of kg.ingest.formats: one reader per file format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.formats import FORMATS, read_json, read_jsonl, read_markdown, read_plain

P = Path("x.json")


@pytest.mark.parametrize("ext", [".txt", ".md", ".html", ".htm", ".json", ".jsonl"])
def test_formats_registered(ext: str) -> None:
    assert ext in FORMATS


@pytest.mark.parametrize(
    "obj, text, meta, doc_id",
    [
        ({"text": "Body.", "title": "T", "lang": "vi", "date": "2023-05-30"}, "Body.",
         {"title": "T", "lang": "vi", "date": "2023-05-30"}, None),
        ({"body": "Body.", "language": "th", "published": "2023-05-26", "url": "https://x.example/a",
          "site": "Siam Blockchain", "id": 7}, "Body.",
         {"lang": "th", "date": "2023-05-26", "source": "https://x.example/a", "publisher": "Siam Blockchain"}, "7"),
        ({"content": "Body.", "publisher": "Khmer Times", "source": "kt", "id": "kt-1"}, "Body.",
         {"publisher": "Khmer Times", "source": "kt"}, "kt-1"),
        ({"text": "", "body": "Body.", "title": None}, "Body.", {}, None),
    ],
    ids=["text", "body-aliases", "content", "first-non-empty"],
)  # fmt: skip
def test_formats_read_json_keys(obj: dict[str, object], text: str, meta: dict[str, str], doc_id: str | None) -> None:
    (doc,) = read_json(json.dumps(obj), P)
    assert (doc.text, doc.meta, doc.doc_id, doc.failure) == (text, meta, doc_id, None)


@pytest.mark.parametrize(
    "raw, problem",
    [
        ('{"text": "a",}', r"not valid JSON \(Expecting property name enclosed in double quotes at line 1 column 14\)"),
        ('{"title": "t"}', r"no text field \(expected one of text, body, content\)"),
        ('{"text": "   "}', "empty text field"),
        ('[{"text": "a"}]', r"expected one article object, got a list \(use \.jsonl for many articles\)"),
        ('"just a string"', "expected an article object, got a string"),
    ],
    ids=["malformed", "missing-text", "empty-text", "list", "string"],
)
def test_formats_read_json_problems(raw: str, problem: str) -> None:
    with pytest.raises(InputError, match=rf"^x\.json: {problem}$"):
        read_json(raw, P)


@pytest.mark.parametrize("body", ["<p>First paragraph.</p><p>Second paragraph.</p>"])
def test_formats_read_json_html_body(body: str) -> None:
    (doc,) = read_json(json.dumps({"text": body}), P)
    assert "<p>" not in doc.text and "First paragraph." in doc.text and "Second paragraph." in doc.text


@pytest.mark.parametrize(
    "lines, expected",
    [
        (['{"text": "a"}', "", '{"text": "b"', "[1]", '{"text": "c", "id": "c1"}'],
         [(1, None, None), (3, "not valid JSON (Expecting ',' delimiter at column 13)", None),
          (4, "expected an article object, got a list", None), (5, None, "c1")]),
    ],
)  # fmt: skip
def test_formats_read_jsonl_lines(lines: list[str], expected: list[tuple[int, str | None, str | None]]) -> None:
    docs = read_jsonl("\n".join(lines), Path("x.jsonl"))
    assert [(d.line, d.failure, d.doc_id) for d in docs] == expected


@pytest.mark.parametrize("text", ['---\ntitle: "From front matter"\ndate: 2024-01-02\n---\n# Heading\n\nBody'])
def test_formats_read_markdown_front_matter(text: str) -> None:
    (doc,) = read_markdown(text, Path("x.md"))
    assert doc.meta == {"title": "From front matter", "date": "2024-01-02"}
    assert doc.text == "Heading\n\nBody"


@pytest.mark.parametrize("text", ["plain <b>text</b> kept as is"])
def test_formats_read_plain_verbatim(text: str) -> None:
    (doc,) = read_plain(text, Path("x.txt"))
    assert doc.text == text and doc.meta == {}
