"""Tests of kg.ingest.markdown: Markdown syntax stripped, words kept."""

from __future__ import annotations

import pytest

from kg.ingest.markdown import front_matter, strip_markdown


@pytest.mark.parametrize(
    "source, text",
    [
        ("# Laos hosts Digital Week #", "Laos hosts Digital Week"),
        ("### Sub heading", "Sub heading"),
        ("Title\n=====", "Title\n"),
        ("**Bold** and __strong__, *em* and _em_", "Bold and strong, em and em"),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("See [the ministry](https://mtc.gov.la) site", "See the ministry site"),
        ("See [the report][1].\n\n[1]: https://example.org/r", "See the report.\n\n"),
        ("Logo ![Bakong logo](logo.png) here", "Logo  here"),
        ("Run `pip install kg` now", "Run pip install kg now"),
        ("Before\n```python\nprint('code')\n```\nAfter", "Before\nAfter"),
        ("~~~\ncode\n~~~", ""),
        ("> Quoted words\n> more", "Quoted words\nmore"),
        ("- item one\n* item two\n1. item three", "item one\nitem two\nitem three"),
        ("| Country | Rank |\n|---|---|\n| Laos | 1 |", "Country Rank\n\nLaos 1"),
        ("---", ""),
        ("Escaped \\*stars\\*", "Escaped *stars*"),
        ("Visit <https://example.org> or <span>inline</span>", "Visit  or inline"),
        ("Hội nghị **cấp bộ trưởng**", "Hội nghị cấp bộ trưởng"),
    ],
)
def test_markdown_strip(source: str, text: str) -> None:
    assert strip_markdown(source) == text


@pytest.mark.parametrize(
    "source, meta, rest",
    [
        ("---\ntitle: 'A title'\nlang: vi\n---\nBody", {"title": "A title", "lang": "vi"}, "Body"),
        ("---\nnot: closed\nBody", {}, "---\nnot: closed\nBody"),
        ("Body\n---\ntitle: x\n---", {}, "Body\n---\ntitle: x\n---"),
    ],
    ids=["front-matter", "unclosed", "not-at-start"],
)
def test_markdown_front_matter(source: str, meta: dict[str, str], rest: str) -> None:
    assert front_matter(source) == (meta, rest)
