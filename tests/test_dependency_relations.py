"""English dependency patterns: the records they read off the parse, and the triples they yield.

Real en_core_web_sm parses; every organisation, person, event and program below is
invented, so no gazetteer entry helps: what is found comes from the parse and the
mention rules alone.
"""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.nlp.analysis import Analysis
from kg.records import Article, Relation
from kg.relations import extract_relations
from kg.relations.dependency import DependencyMatch, match_dependencies

Triple = tuple[str, str, str]


def analysis_of(text: str, lang: str = "en") -> Analysis:
    return next(analyze([Article("a", text, lang)]))


def records(text: str, lang: str = "en") -> set[Triple]:
    """(predicate, subject text, object text) of every dependency match in ``text``."""
    analysis = analysis_of(text, lang)
    found = match_dependencies(analysis)
    assert all(isinstance(m, DependencyMatch) for m in found)
    for m in found:
        sentence = analysis.sentences[m.sentence]
        assert sentence.start <= m.subject[0] < m.subject[1] <= sentence.end
        assert sentence.start <= m.object[0] < m.object[1] <= sentence.end
    return {(m.predicate, text[m.subject[0] : m.subject[1]], text[m.object[0] : m.object[1]]) for m in found}


def relations(text: str, *, parse: bool = True) -> list[tuple[Triple, Relation]]:
    """Run the relation stage as the pipeline does: matches read while the parse exists, then the parse dropped.

    With ``parse=False`` the dependency matches are withheld (trigger rules alone).
    """
    gazetteer = load_gazetteer()
    analyses = list(analyze([Article("a", text, "en")]))
    mentions = {}
    for a in analyses:
        mentions[a.article.id] = find_mentions(a)
        a.dependency_matches = match_dependencies(a) if parse else []
        a.doc = None  # the relation stage must not need the parse
    corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    found = extract_relations(analyses, corpus, gazetteer)
    label = {k: e.label for k, e in corpus.entities.items()}
    return [((label[r.subject], r.predicate, label[r.object]), r) for r in found]


def dep_triples(text: str) -> set[Triple]:
    """Triples with at least one ``dep:`` evidence record, checking the evidence on the way.

    A dependency reading is trusted more than the trigger rule that states the same triple.
    """
    found = relations(text)
    rule_confidence: dict[Triple, float] = {}
    for triple, r in found:
        if r.evidence.extractor.startswith("rule:"):
            rule_confidence[triple] = max(rule_confidence.get(triple, 0.0), r.evidence.confidence)
    out = set()
    for triple, r in found:
        if r.evidence.extractor.startswith("dep:"):
            assert r.evidence.extractor.endswith(":en")
            assert r.evidence.sentence in text and r.evidence.article_id == "a"
            assert r.evidence.confidence > rule_confidence.get(triple, 0.6)
            out.add(triple)
    return out


def all_triples(text: str, *, parse: bool = True) -> set[Triple]:
    return {triple for triple, _ in relations(text, parse=parse)}


# --- the records ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Mekong Data Forum 2026 was organised by the Luang Digital Association and sponsored by Kyoto Ledger Systems.",
            {
                ("organizer", "Mekong Data Forum 2026", "Luang Digital Association"),
                ("supporter", "Mekong Data Forum 2026", "Kyoto Ledger Systems"),
            },
        ),
        (
            "The Mekong Data Forum 2026, organised by the Luang Digital Association, opened in Vientiane on Monday.",
            {("organizer", "Mekong Data Forum 2026", "Luang Digital Association")},
        ),
        (
            "The Luang Digital Association hosted the Mekong Data Forum 2026.",
            {("organizer", "Mekong Data Forum 2026", "Luang Digital Association")},
        ),
        (
            "The forum was chaired by PM Bounchan, organized by the Ministry of Rivers and Roads,"
            " and supported by Kyoto Ledger Systems.",
            {
                ("chair", "forum", "PM Bounchan"),
                # the parser hangs "organized" off "Bounchan": the forum is still what was organised
                ("organizer", "forum", "Ministry of Rivers and Roads"),
                ("supporter", "forum", "Kyoto Ledger Systems"),
            },
        ),
        (
            "Vantiko Group and the Bank of Savan signed a memorandum of understanding on blockchain payments.",
            {
                ("party", "memorandum", "Vantiko Group"),
                ("party", "memorandum", "Bank of Savan"),
                ("concerns", "memorandum", "blockchain payments"),
            },
        ),
        (
            "The memorandum was signed by Vantiko Group and Bokeo Telecom.",
            {("party", "memorandum", "Vantiko Group"), ("party", "memorandum", "Bokeo Telecom")},
        ),
        (
            "Vantiko Group has partnered with Bokeo Telecom to expand rural coverage.",
            {("partner", "Vantiko Group", "Bokeo Telecom")},
        ),
        (
            "Bokeo Telecom, a partner of Vantiko Group, joined the summit.",
            {("partner", "Bokeo Telecom", "Vantiko Group"), ("participant", "summit", "Bokeo Telecom")},
        ),
        (
            "The Mekong Cloud Expo, part of the Digital Laos Programme 2030, opened on Monday.",
            {("partOf", "Mekong Cloud Expo", "Digital Laos Programme 2030")},
        ),
        (
            "Champa Digital Solutions developed a payment platform called LanePay.",
            {("developedBy", "LanePay", "Champa Digital Solutions")},
        ),
        (
            "The Ministry of Posts implements the Digital Cambodia Policy 2035.",
            {("implements", "Ministry of Posts", "Digital Cambodia Policy 2035")},
        ),
        (
            "Delegates from Bokeo Telecom took part in the Mekong Cloud Expo.",
            {("participant", "Mekong Cloud Expo", "Bokeo Telecom")},
        ),
        (
            "Kheun Phommachak, Minister of Digital Affairs, attended the Mekong Cloud Expo.",
            {
                ("holdsPositionIn", "Kheun Phommachak", "Digital Affairs"),
                ("participant", "Mekong Cloud Expo", "Kheun Phommachak"),
            },
        ),
        (
            "The Digital Lao Summit was attended by more than 40 companies, including Nakhon Cloud and Bokeo Telecom.",
            {
                ("participant", "Digital Lao Summit", "Nakhon Cloud"),
                ("participant", "Digital Lao Summit", "Bokeo Telecom"),
            },
        ),
        (
            "Vantiko's CEO Anna Kim spoke at the expo.",
            {("holdsPositionIn", "Anna Kim", "Vantiko"), ("participant", "expo", "Anna Kim")},
        ),
    ],
)
def test_dependency_records(text: str, expected: set[Triple]) -> None:
    assert records(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The expo opened on Monday and closed on Friday.",
        # a clause after "while" says nothing about what the agreement is about
        "Vantiko Group signed an agreement with Bokeo Telecom,"
        " while the Luang Digital Association announced a course on blockchain.",
    ],
)
def test_dependency_records_negative(text: str) -> None:
    found = records(text)
    assert not any(p == "concerns" for p, _, _ in found)
    assert not any(p in {"organizer", "chair", "supporter", "participant"} for p, _, _ in found)


def test_dependency_records_only_for_parsed_english() -> None:
    assert match_dependencies(analysis_of("Vantiko Group đã ký thỏa thuận với Bokeo Telecom.", "vi")) == []
    analysis = analysis_of("The Mekong Data Forum 2026 was organised by the Luang Digital Association.")
    analysis.doc = None
    assert match_dependencies(analysis) == []


def test_dependency_records_keep_to_one_sentence() -> None:
    """A headline without a full stop is parsed into the next sentence; no match may span both."""
    text = "Vantiko teams up with Bokeo\n\nThe Mekong Cloud Expo opened in Vientiane on Monday."
    assert not any(p == "partner" for p, _, _ in records(text))


# --- through the relation stage ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "The Mekong Data Forum 2026 was organised by the Luang Digital Association and sponsored by Kyoto Ledger Systems.",
            ("Mekong Data Forum 2026", "organizer", "Luang Digital Association"),
        ),
        (
            "The Mekong Data Forum 2026 was organised by the Luang Digital Association and sponsored by Kyoto Ledger Systems.",
            ("Mekong Data Forum 2026", "supporter", "Kyoto Ledger Systems"),
        ),
        (
            "The Mekong Data Forum 2026 was chaired by Deputy Minister Kheun Phommachak.",
            ("Mekong Data Forum 2026", "chair", "Kheun Phommachak"),
        ),
        (
            "Vantiko Group has partnered with Bokeo Telecom Company to expand rural coverage.",
            ("Vantiko Group", "partner", "Bokeo Telecom Company"),
        ),
        (
            "The Mekong Cloud Expo, part of the Digital Laos Programme 2030, opened on Monday.",
            ("Mekong Cloud Expo", "partOf", "Digital Laos Programme 2030"),
        ),
        (
            "The Ministry of Posts and Digital Affairs implements the Digital Cambodia Policy 2035.",
            ("Ministry of Posts and Digital Affairs", "implements", "Digital Cambodia Policy 2035"),
        ),
        (
            "Delegates from Bokeo Telecom Company attended the Mekong Cloud Expo.",
            ("Mekong Cloud Expo", "participant", "Bokeo Telecom Company"),
        ),
    ],
)
def test_dependency_relations(text: str, triple: Triple) -> None:
    assert triple in dep_triples(text)


def test_dependency_part_of_needs_the_parse() -> None:
    """The apposition "X, part of Y" has no trigger word: only the parse finds it."""
    text = "The Mekong Cloud Expo, part of the Digital Laos Programme 2030, opened on Monday."
    assert ("Mekong Cloud Expo", "partOf", "Digital Laos Programme 2030") not in all_triples(text, parse=False)


def test_dependency_signing_makes_one_agreement_with_its_topic() -> None:
    text = "Vantiko Group signed a memorandum of understanding with Bokeo Telecom Company on cloud computing."
    found = relations(text)
    agreement = "Agreement between Bokeo Telecom Company and Vantiko Group"
    parties = {o for (s, p, o), r in found if p == "party" and r.evidence.extractor == "dep:signing:en"}
    assert parties == {"Vantiko Group", "Bokeo Telecom Company"}
    assert {s for (s, p, _), _ in found if p == "party"} == {agreement}
    assert (agreement, "concerns", "cloud computing") in dep_triples(text)
    assert ("Bokeo Telecom Company", "partner", "Vantiko Group") in dep_triples(text)


@pytest.mark.parametrize("parse", [True, False])
def test_agreement_concerns_only_its_topic(parse: bool) -> None:
    """A technology elsewhere in the signing sentence is not what the agreement is about (seed false positives)."""
    text = "Blockchain start-up Vantiko Group signed an agreement with Bokeo Telecom Company to expand QR code payments."
    concerns = {o for s, p, o in all_triples(text, parse=parse) if p == "concerns" and s.startswith("Agreement")}
    assert concerns == {"QR code"} or concerns == {"QR code payments"}


@pytest.mark.parametrize(
    "text",
    [
        # no event: a company "joined" by another is no participant, a dinner has no organiser
        "Kyoto Ledger Systems joined Vantiko Group in 2024.",
        "Vantiko Group hosted a dinner for Bokeo Telecom Company.",
        # the agreement names one organisation only
        "Vantiko Group signed an agreement to expand rural coverage.",
    ],
)
def test_dependency_relations_negative(text: str) -> None:
    assert not any(p in {"participant", "organizer", "party", "partner"} for _, p, _ in dep_triples(text))
    assert not any(p == "party" for _, p, _ in all_triples(text))


def test_parse_overrides_the_nearest_name_guess() -> None:
    """The trigger rule takes the name before "adopted"; the parse knows the law was adopted by the council."""
    text = (
        "Critics said the Lao Telecom Research Institute had not been consulted on the Digital Trade Law,"
        " which was adopted by the Savan Provincial Council in 2024."
    )
    wrong = ("Digital Trade Law", "issuedBy", "Lao Telecom Research Institute")
    right = ("Digital Trade Law", "issuedBy", "Savan Provincial Council")
    assert wrong in all_triples(text, parse=False)
    assert wrong not in all_triples(text)
    assert right in dep_triples(text)
