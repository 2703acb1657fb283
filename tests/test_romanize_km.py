"""Khmer romanisation and the cross-script match of people's names (all names here are invented)."""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.linking.romanize import romanize
from kg.linking.romanize_km import romanize as romanize_km
from kg.linking.romanize_km import same_person, skeleton
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article


@pytest.mark.parametrize(
    ("khmer", "latin"),
    [
        ("សុខ ដារា", "sok darea"),
        ("កែវ សុភា", "kaev sophea"),
        ("ចាន់ ធីតា", "chan thita"),
        ("ម៉ៅ វិចិត្រ", "mau vichet"),
        ("ត្រាំ ស្រីមុំ", "tram sreimum"),
    ],
)
def test_romanize_km_reads_syllables(khmer: str, latin: str) -> None:
    assert romanize_km(khmer) == latin
    assert romanize(khmer, "km") == latin  # through the one entry point of kg.linking.romanize


def test_romanize_km_is_none_without_khmer() -> None:
    assert romanize_km("Sok Dara") is None and romanize_km("") is None


@pytest.mark.parametrize(
    ("khmer", "english"),
    [
        ("សុខ ដារា", "Sok Dara"),
        ("កែវ សុភា", "Keo Sophea"),
        ("ចាន់ ធីតា", "Chan Thida"),
        ("ម៉ៅ វិចិត្រ", "Mao Vichet"),
        ("ហ៊ុន វណ្ណារិទ្ធ", "Hun Vannarith"),
        ("ឈឹម អ៉ីវសុខ", "Chhim Iv Sok"),  # the given name in two English words
    ],
)
def test_same_person_matches_the_english_form(khmer: str, english: str) -> None:
    reading = romanize_km(khmer)
    assert reading is not None and same_person(reading, english)


@pytest.mark.parametrize(
    ("khmer", "english"),
    [
        ("សុខ ដារា", "Sok Dalin"),  # same family name, another given name
        ("សុខ ដារា", "Sam Dara"),  # another family name
        ("ចាន់ ធីតា", "Chan Thy"),
        ("កែវ សុភា", "Keo"),  # one part only: never matched
    ],
)
def test_same_person_keeps_different_people_apart(khmer: str, english: str) -> None:
    assert not same_person(romanize_km(khmer) or "", english)


def test_skeleton_folds_digraphs_and_vowels() -> None:
    assert skeleton("Vandeth") == skeleton("vandet") == "vntt"
    assert skeleton("Chhim") == skeleton("chim") == "cm"
    assert skeleton("Keo") == skeleton("kaev") == "k"
    assert skeleton("Dara") != skeleton("Dalin")


def _people(texts: dict[str, tuple[str, str]]) -> dict[str, set[str]]:
    """Entity key -> its Person labels, after linking the given articles (id -> (lang, text))."""
    gazetteer = load_gazetteer()
    analyses = list(analyze([Article(aid, text, lang) for aid, (lang, text) in texts.items()]))
    corpus = link_mentions(analyses, {a.article.id: find_mentions(a) for a in analyses}, gazetteer=gazetteer)
    return {k: {label for forms in e.labels.values() for label in forms} for k, e in corpus.entities.items() if e.cls == "Person"}


def test_linking_merges_a_khmer_person_with_the_english_form() -> None:
    people = _people(
        {
            "k": ("km", "ភ្នំពេញ៖ លោក ម៉ៅ វិចិត្រ រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានថ្លែងថា ការងារល្អ។"),
            "e": ("en", "Minister Mao Vichet said on Monday that the work went well."),
        }
    )
    merged = [labels for labels in people.values() if "ម៉ៅ វិចិត្រ" in labels]
    assert len(merged) == 1 and "Mao Vichet" in merged[0]


def test_linking_keeps_two_invented_people_apart() -> None:
    people = _people(
        {
            "k": ("km", "ភ្នំពេញ៖ លោក សុខ ដារា រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានថ្លែងថា ការងារល្អ។"),
            "e": ("en", "Minister Sok Dalin said on Monday that the work went well."),
        }
    )
    assert not any("សុខ ដារា" in labels and "Sok Dalin" in labels for labels in people.values())
    assert any("សុខ ដារា" in labels for labels in people.values())
