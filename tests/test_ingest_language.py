"""Tests of kg.ingest.language: language by script."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.language import detect_language, script_counts

FIXTURES = Path(__file__).resolve().parent / "data" / "ingest"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The government of Laos has expressed its support for the digital economy.", "en"),
        ("Vietnam calls for digital transformation", "en"),
        ("Hội nghị cấp bộ trưởng về ứng dụng công nghệ blockchain 4.0", "vi"),
        ("Ho Chi Minh City hosts the conference on the economy of Đà Nẵng and Huế", "en"),
        ("Bộ Công nghệ MetaBank Singapore Blockchain", "vi"),
        ("ลาวมุ่งพัฒนา “บล็อกเชน 4.0” หวังยกระดับการเงินดิจิทัลของประเทศ", "th"),
        ("ລາວກະກຽມຈັດງານອາທິດດີຈີຕອນ", "lo"),
        ("កម្ពុជា និងឡាវ ពង្រឹងកិច្ចសហប្រតិបត្តិការ", "km"),
        ("老挝政府推动数字经济发展", "zh"),
        ("ラオス政府はデジタル経済を推進している", "ja"),
        ("라오스 정부는 디지털 경제를 추진한다", "ko"),
        ("ลาวจัดประชุม Blockchain 4.0 ร่วมกับ MetaBank Singapore ที่เวียงจันทน์", "th"),
        ("Le gouvernement du Laos a annoncé une stratégie numérique", "und"),
        ("Правительство Лаоса", "und"),
        ("ციფრული ეკონომიკა", "und"),
        ("2025-02-26 12:00 !!!", "und"),
        ("", "und"),
    ],
    ids=lambda v: v[:12] if isinstance(v, str) else None,
)
def test_detect_language_by_script(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("name, lang", [("lao.txt", "lo"), ("khmer.txt", "km")])
def test_detect_language_fixtures(name: str, lang: str) -> None:
    assert detect_language((FIXTURES / name).read_text(encoding="utf-8")) == lang


@pytest.mark.parametrize("text", ["Ho\u0302\u0323i nghi\u0323 ve\u0302\u0300 kinh te\u0302\u0301 so\u0302\u0301"])
def test_detect_language_decomposed_vietnamese(text: str) -> None:
    assert detect_language(text) == "vi"


@pytest.mark.parametrize("text, counts", [("ab ลาว 12", {"latin": 2, "th": 3})])
def test_script_counts_letters_only(text: str, counts: dict[str, int]) -> None:
    assert dict(script_counts(text)) == counts
