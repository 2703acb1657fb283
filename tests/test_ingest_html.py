"""Tests of kg.ingest.html: main text of saved web pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.html import extract_html, strip_tags

FIXTURES = Path(__file__).resolve().parent / "data" / "ingest"


@pytest.mark.parametrize("name", ["saved_page.html"])
def test_html_extract_main_text_and_metadata(name: str) -> None:
    page = extract_html((FIXTURES / name).read_text(encoding="utf-8"))
    assert page.meta == {
        "lang": "en",
        "title": "Cambodia launches national digital payment gateway",
        "date": "2024-03-14",
        "publisher": "Mekong Tech Daily",
        "source": "https://mekongtech.example/2024/03/cambodia-payment-gateway",
    }
    assert "\n\nThe National Bank of Cambodia on Thursday" in page.text
    for chrome in ("cookies", "gtag", "Privacy policy", "Related stories", "Subscribe", "font-family"):
        assert chrome not in page.text
    assert page.notes == []


@pytest.mark.parametrize(
    "markup",
    ["<html lang='vi'><head><title>Tin ngắn</title></head><body><nav>Menu</nav><p>Hà Nội.</p></body></html>"],
)
def test_html_extract_falls_back_to_tag_stripper(monkeypatch: pytest.MonkeyPatch, markup: str) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **kw: None)
    page = extract_html(markup)
    assert page.text == "Hà Nội."
    assert page.meta == {"lang": "vi", "title": "Tin ngắn"}
    assert page.notes == ["main text not found by trafilatura; tags stripped"]


@pytest.mark.parametrize(
    "markup, rows",
    [
        (
            "<html><body><article><h1>Digital payments grow across the Mekong</h1>"
            "<p>Mobile payments grew quickly in every country of the region last year, the report said.</p>"
            "<table><tr><th>Country</th><th>Growth</th></tr><tr><td>Laos</td><td>42%</td></tr></table>"
            "<p>Cambodia and Vietnam led the region, with Laos close behind them in the ranking.</p>"
            "</article></body></html>",
            ["Country Growth", "Laos 42%"],
        )
    ],
)
def test_html_extract_tables_as_plain_rows(markup: str, rows: list[str]) -> None:
    paragraphs = extract_html(markup).text.split("\n\n")
    for row in rows:
        assert row in paragraphs
    assert not any(p.startswith("|") for p in paragraphs)


@pytest.mark.parametrize(
    "markup, text",
    [
        ("<script>var x = 1;</script><p>One &amp; two</p><p>Three</p>", "One & two\n\nThree"),
        ("<header>Site</header><div>A<br>B</div><footer>(c)</footer>", "A\n\nB"),
        ("<style>p {}</style>Plain   spaced\n text", "Plain spaced text"),
        ("", ""),
    ],
)
def test_html_strip_tags(markup: str, text: str) -> None:
    assert strip_tags(markup) == text
