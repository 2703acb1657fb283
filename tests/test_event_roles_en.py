"""English event names and event roles (participant, organizer, location) on news-style sentences.

Every organisation, person and event below is invented, so no gazetteer entry helps: what is
found comes from the mention rules, the parse and the trigger words alone.
"""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article
from kg.relations import extract_relations
from kg.relations.dependency import match_dependencies

Triple = tuple[str, str, str]


def _run(text: str) -> tuple[dict[str, str], set[Triple]]:
    """(label -> class of every entity, (subject, predicate, object) labels of every relation) for one article."""
    gazetteer = load_gazetteer()
    analyses = list(analyze([Article("a", text, "en")]))
    mentions = {}
    for a in analyses:
        mentions[a.article.id] = find_mentions(a)
        a.dependency_matches = match_dependencies(a)
        a.doc = None
    corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    found = extract_relations(analyses, corpus, gazetteer)
    label = {k: e.label for k, e in corpus.entities.items()}
    classes = {e.label: e.cls for e in corpus.entities.values()}
    return classes, {(label[r.subject], r.predicate, label[r.object]) for r in found}


# --- event names: the edition in figures, a body's numbered session, the participants' acronym -------------
@pytest.mark.parametrize(
    ("text", "event", "not_event"),
    [
        (
            "The 23rd Zorvan Telecommunications and Information Technology Ministers’ Meeting was held on Monday.",
            "23rd Zorvan Telecommunications and Information Technology Ministers’ Meeting",
            "Information Technology Ministers’ Meeting",
        ),
        (
            "The 12th Quellia Digital Forum opened on Tuesday with two hundred guests.",
            "12th Quellia Digital Forum",
            "Quellia Digital Forum",
        ),
        (
            "The plan was approved during the 31st Brevania-Tosk Intergovernmental Committee session on Friday.",
            "31st Brevania-Tosk Intergovernmental Committee session",
            "Brevania-Tosk Intergovernmental Committee",
        ),
        (
            "He travelled to the first Brevania-Tosk-Quellia (BTQ) Parliamentary Summit last week.",
            "Brevania-Tosk-Quellia (BTQ) Parliamentary Summit",
            "Parliamentary Summit",
        ),
    ],
)
def test_event_name_with_its_edition(text: str, event: str, not_event: str) -> None:
    classes, _ = _run(text)
    assert classes.get(event) == "Event"
    assert not_event not in classes


# --- a date after a name is no part of it -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The forum was hosted in Zorvan City on Oct 24 by the Quellia Digital Agency.", "Zorvan City"),
        ("Talks opened at Brevania Convention Centre on March 3 with the Tosk Data Authority.", "Brevania Convention Centre"),
    ],
)
def test_date_ends_a_name(text: str, name: str) -> None:
    classes, _ = _run(text)
    assert name in classes
    assert not any(label.startswith(name + " on") for label in classes)


# --- a lowercase conference named by the countries it brings together ---------------------------------------
def test_lowercase_event_among_countries() -> None:
    text = (
        "The Zorvan Academy of Sciences organized an international conference on trade and investment "
        "cooperation among Cambodia, Laos, and Vietnam within the framework of the digital economy on May 2."
    )
    classes, triples = _run(text)
    event = "international conference on trade and investment cooperation among Cambodia, Laos, and Vietnam"
    assert classes.get(event) == "Event"
    assert (event, "organizer", "Zorvan Academy of Sciences") in triples


# --- participant trigger words -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "event", "person"),
    [
        (
            "Prime Minister Tavo Brenskal urged faster action in his address at the Quellia Conference on Data Policy.",
            "Quellia Conference on Data Policy",
            "Tavo Brenskal",
        ),
        (
            "Mr Orvel Kantrasy delivers a keynote speech at the Zorvan Cloud Summit 2031 on Monday.",
            "Zorvan Cloud Summit 2031",
            "Orvel Kantrasy",
        ),
        (
            "The 31st Brevania-Tosk Intergovernmental Committee session closed on Friday, "
            "with the participation of Prime Minister Davor Melkisoun.",
            "31st Brevania-Tosk Intergovernmental Committee session",
            "Davor Melkisoun",
        ),
        (
            "Prime Minister Tavo Brenskal attends a ceremony which opens the Quellia Digital Week 2031.",
            "Quellia Digital Week 2031",
            "Tavo Brenskal",
        ),
        (
            "The 31st Brevania-Tosk Intergovernmental Committee session closed on Friday, with the participation of "
            "Prime Minister Davor Melkisoun and his Tosk counterpart Ilsa Varnoket.",
            "31st Brevania-Tosk Intergovernmental Committee session",
            "Ilsa Varnoket",
        ),
        (
            "Deputy Prime Minister Ilsa Varnoket met business leaders on the sidelines of the Quellia Economic Forum.",
            "Quellia Economic Forum",
            "Ilsa Varnoket",
        ),
    ],
)
def test_participant_triggers(text: str, event: str, person: str) -> None:
    classes, triples = _run(text)
    assert classes.get(event) == "Event", classes
    assert (event, "participant", person) in triples


def test_no_participant_without_a_trigger() -> None:
    _, triples = _run("Prime Minister Tavo Brenskal praised the Quellia Conference on Data Policy in a letter.")
    assert not any(p == "participant" for _, p, _ in triples)


# --- the body whose name an event carries in the possessive organises it --------------------------------------
@pytest.mark.parametrize(
    ("text", "event", "organizer"),
    [
        (
            "Minister Orvel Kantrasy spoke at Zentrix Group's Digital and Intelligence Congress 2031 in Bangkok.",
            "Digital and Intelligence Congress 2031",
            "Zentrix Group",
        ),
    ],
)
def test_possessive_organizer(text: str, event: str, organizer: str) -> None:
    classes, triples = _run(text)
    assert classes.get(event) == "Event", classes
    assert (event, "organizer", organizer) in triples
    assert (event, "participant", organizer) not in triples


# --- a person's own organisation, named in their office, is no participant of its own ----------------------
def test_organisation_before_its_officer_is_not_a_participant() -> None:
    _, triples = _run("Zentrix Group CEO Orvel Kantrasy spoke at the Quellia Cloud Summit 2031 on Monday.")
    assert ("Quellia Cloud Summit 2031", "participant", "Orvel Kantrasy") in triples
    assert ("Quellia Cloud Summit 2031", "participant", "Zentrix Group") not in triples


def test_office_organisation_is_not_a_participant() -> None:
    text = (
        "The Zorvan Academy of Sciences organized an international conference on data policy in Hanoi on May 2. "
        "Attending the conference were: Dr. Tavo Brenskal - President of the Quellia Institute of Statistics; "
        "Dr. Orvel Kantrasy - Director of the Brevania Data Office."
    )
    _, triples = _run(text)
    event = "international conference on data policy"
    assert (event, "participant", "Tavo Brenskal") in triples
    assert (event, "participant", "Orvel Kantrasy") in triples
    assert (event, "participant", "Quellia Institute of Statistics") not in triples
    assert (event, "participant", "Brevania Data Office") not in triples


# --- an event named after the countries it brings together has none of them as its country -------------------
@pytest.mark.parametrize(
    ("text", "event", "countries"),
    [
        ("Vietnam and Laos held the Vietnam-Laos Quellia Forum on Friday.", "Vietnam-Laos Quellia Forum", set()),
        ("Laos held the Laos Quellia Forum on Friday.", "Laos Quellia Forum", {"Laos"}),
    ],
)
def test_event_country_from_its_name(text: str, event: str, countries: set[str]) -> None:
    classes, triples = _run(text)
    assert classes.get(event) == "Event", classes
    assert {o for s, p, o in triples if s == event and p == "country"} == countries


# --- "<Nationality> <fields> Minister <Name>": the minister is a person, and chairs what the sentence says --------
@pytest.mark.parametrize(
    ("text", "event", "person"),
    [
        (
            "The Quellia Digital Forum, chaired by South Korean Science and ICT Minister Pak Sunwoo, opened on Monday.",
            "Quellia Digital Forum",
            "Pak Sunwoo",
        ),
    ],
)
def test_minister_after_nationality_and_fields(text: str, event: str, person: str) -> None:
    classes, triples = _run(text)
    assert classes.get(person) == "Person", classes
    assert (event, "chair", person) in triples
