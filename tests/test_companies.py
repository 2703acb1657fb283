"""Well-known companies come from the gazetteer; brand names that are common words do not match as words."""

from __future__ import annotations

from kg.mentions import find_mentions
from kg.mentions.gazetteer_match import default_matcher
from kg.nlp import analyze
from kg.records import Article


def _gazetteer_companies(text: str) -> list[tuple[str, str | None]]:
    (analysis,) = analyze([Article("t", text, "en")])
    return [(m.text, m.key) for m in find_mentions(analysis) if m.cls == "Company" and m.extractor == "gazetteer"]


def test_companies_gazetteer_finds_both_names_of_a_conjunction() -> None:
    hits = default_matcher().find("Viettel and FPT Corporation signed a cooperation agreement in Hanoi.")
    assert [(h.text, h.entries[0].id, h.entries[0].cls) for h in hits if h.entries[0].kind == "company"] == [
        ("Viettel", "company/viettel", "Company"),
        ("FPT Corporation", "company/fpt", "Company"),
    ]


def test_companies_listed_names_are_company_mentions() -> None:
    found = _gazetteer_companies("FPT Corporation and Viettel signed a cooperation agreement in Hanoi.")
    assert found == [("FPT Corporation", "company/fpt"), ("Viettel", "company/viettel")]


def test_companies_conjoined_names_opening_a_sentence_are_two_mentions() -> None:
    found = _gazetteer_companies("Viettel and FPT Corporation signed a cooperation agreement in Hanoi.")
    assert found == [("Viettel", "company/viettel"), ("FPT Corporation", "company/fpt")]


def test_companies_common_words_are_not_companies() -> None:
    (analysis,) = analyze([Article("t", "It is true that the wing of the building faces the sea.", "en")])
    assert not [m for m in find_mentions(analysis) if m.cls == "Company"]


def test_companies_brand_names_match_only_in_their_full_or_capitalised_forms() -> None:
    found = dict(_gazetteer_companies("True Corporation, Wing Bank and Grab joined; travellers grab a visa."))
    assert found == {"True Corporation": "company/true-corporation", "Wing Bank": "company/wing-bank", "Grab": "company/grab"}
