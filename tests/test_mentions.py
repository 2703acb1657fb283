"""Mention rules: entities that no list names, per language, typed by head words and titles."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article


def mentions_of(text: str, lang: str) -> dict[str, str]:
    (analysis,) = analyze([Article("t", text, lang)])
    return {m.text: m.cls for m in find_mentions(analysis) if m.cls != "Ref"}


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("The forum was organised by the Mekong Fintech Association in Pakse.", "Mekong Fintech Association", "Organization"),
        (
            "Officials set up a Digital Payments Oversight Committee last year.",
            "Digital Payments Oversight Committee",
            "PublicBody",
        ),
        ("The Ministry of Rural Innovation and Startups signed it.", "Ministry of Rural Innovation and Startups", "Ministry"),
        ("Minister Khamla Souvanh opened the Lao Digital Innovation Summit 2026.", "Lao Digital Innovation Summit 2026", "Event"),
        ("Minister Khamla Souvanh opened the event.", "Khamla Souvanh", "Person"),
        ("Cambodia adopted the Digital Skills Roadmap for 2024-2035.", "Digital Skills Roadmap for 2024-2035", "Program"),
    ],
)
def test_mentions_english_unlisted_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "en").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Bộ Nông nghiệp và Phát triển Nông thôn Lào ký thỏa thuận.", "Bộ Nông nghiệp và Phát triển Nông thôn Lào", "Ministry"),
        (
            "Lào triển khai Chiến lược chuyển đổi số quốc gia giai đoạn 2025-2030.",
            "Chiến lược chuyển đổi số quốc gia giai đoạn 2025-2030",
            "Program",
        ),
        ("Thủ tướng Lào Khamla Souvanh phát biểu.", "Khamla Souvanh", "Person"),
    ],
)
def test_mentions_vietnamese_unlisted_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("นายกรัฐมนตรี Khamla Souvanh กล่าว", "Khamla Souvanh", "Person"),
        ("BeeLink บริษัทซอฟต์แวร์ของลาว เปิดตัว", "BeeLink", "Company"),
        ("กระทรวงเกษตรและป่าไม้ ได้ลงนาม", "กระทรวงเกษตรและป่าไม้", "Ministry"),
    ],
)
def test_mentions_thai_unlisted_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "th").get(name) == cls


@pytest.mark.parametrize(("text", "lang"), [("Laos and Vietnam use blockchain.", "en"), ("Lào dùng trí tuệ nhân tạo.", "vi")])
def test_mentions_gazetteer_names(text: str, lang: str) -> None:
    found = mentions_of(text, lang)
    assert "Country" in found.values() and "Technology" in found.values()
