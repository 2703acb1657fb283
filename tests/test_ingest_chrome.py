"""Tests of kg.ingest.chrome: which lines are page chrome."""

from __future__ import annotations

import pytest

from kg.ingest.chrome import CHROME_PATTERNS, breadcrumb_title, chrome_kind


@pytest.mark.parametrize(
    "line, kind",
    [
        ("<?php wp_title('|', true, 'right'); ?>", "template"),
        ("{{ post.title }}", "template"),
        ("<div class='ad'></div>", "template"),
        ("Getting your Trinity Audio player ready...", "audio_player"),
        ("Listen to this article", "audio_player"),
        ("date 2025-02-26 Homepage > News > Business > Vietnam calls for digital transformation", "breadcrumb"),
        ("Trang chủ > Kinh tế > Kinh tế số", "breadcrumb"),
        ("News » Business » Laos hosts Digital Week", "breadcrumb"),
        ("Watch: Why content creators are the voice of digital economy", "trailer"),
        ("Read more: Laos sets up a blockchain committee", "trailer"),
        ("Related: Vietnam's AI push", "trailer"),
        ("Xem thêm: Lào đẩy mạnh chuyển đổi số", "trailer"),
        ("Follow us on Facebook", "follow_us"),
        ("ติดตามสยามบล็อกเชนบนSiam Blockchain", "follow_us"),
        ("Share this article", "share"),
        ("We use cookies to improve your experience.", "cookie_banner"),
        ("Subscribe to our newsletter", "newsletter"),
        ("Advertisement", "advertisement"),
        ("Tags: blockchain, Laos, CBDC", "tags"),
        ("ที่มา: Cointelegraph", "source"),
        ("Source: Vientiane Times", "source"),
        ("Nguồn: VnExpress", "source"),
    ],
)
def test_chrome_kind_recognises_chrome(line: str, kind: str) -> None:
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The government of Laos has expressed its support for developing the country’s digital technology.",
        "Related: " + "the ministry said the plan would be expanded to other provinces next year, " * 4,
        "Watch parties were organised across the country.",
        "Source code for the platform will be published under an open licence, the ministry said, "
        "so that local developers can audit it and build services on top of it.",
        "Revenue rose > 20% in the quarter, the bank said.",
        "เมื่อวันที่ 26 พฤษภาคม รัฐบาลลาว ได้เป็นเจ้าภาพในการจัดการประชุมระดับรัฐมนตรี",
        "Minh Anh (T/h)",
        "LOCA is planning to expand its operations to Cambodia. (Photo: KT/Pierre Roussel)",
        "",
    ],
)
def test_chrome_kind_keeps_article_text(line: str) -> None:
    assert chrome_kind(line) is None


@pytest.mark.parametrize(
    "line, title",
    [
        (
            "date 2025-02-26 Homepage > News > Business > Vietnam calls for digital transformation",
            "Vietnam calls for digital transformation",
        ),
        ("Home > News > Business", None),
        ("no crumbs here", None),
    ],
)
def test_chrome_breadcrumb_title_is_last_crumb(line: str, title: str | None) -> None:
    assert breadcrumb_title(line) == title


@pytest.mark.parametrize("pattern", CHROME_PATTERNS, ids=lambda p: p.name)
def test_chrome_patterns_have_limits(pattern: object) -> None:
    assert 0 < pattern.max_len <= 500  # type: ignore[attr-defined]
