"""Consistency guards: a fact that contradicts a better-stated one is refused."""

from __future__ import annotations

from conftest import relations_of

from kg.records import Evidence, Relation
from kg.relations.guards import GUARDS, apply_guards, curated_countries_stand, offices_in_one_country


def rel(s: str, p: str, o: str, confidence: float, rule: str = "rule:x:en") -> Relation:
    return Relation(s, p, o, Evidence("a", "A sentence.", "en", rule, confidence))


def test_a_person_holds_office_in_one_country() -> None:
    facts = [
        rel("person/zorel", "holdsPositionIn", "ministry/kites-laos", 0.75),
        rel("person/zorel", "holdsPositionIn", "ministry/kites-vietnam", 0.65),  # the ministry named beside him
        rel("ministry/kites-laos", "country", "country/laos", 0.95),
        rel("ministry/kites-vietnam", "country", "country/vietnam", 0.95),
    ]
    kept, dropped = offices_in_one_country(facts, {})
    assert [r.object for r in dropped] == ["ministry/kites-vietnam"]
    assert len(kept) == 3


def test_offices_of_equal_confidence_in_two_countries_stand() -> None:
    facts = [
        rel("person/zorel", "holdsPositionIn", "company/a", 0.7),
        rel("person/zorel", "holdsPositionIn", "company/b", 0.7),
    ]
    kept, dropped = offices_in_one_country(facts, {"company/a": "country/laos", "company/b": "country/thailand"})
    assert dropped == [] and kept == facts


def test_a_curated_country_is_not_contradicted() -> None:
    facts = [rel("government/laos", "country", "country/vietnam", 0.6), rel("government/laos", "country", "country/laos", 0.95)]
    kept, dropped = curated_countries_stand(facts, {"government/laos": "country/laos"})
    assert [r.object for r in kept] == ["country/laos"] and [r.object for r in dropped] == ["country/vietnam"]


def test_apply_guards_names_what_each_refused() -> None:
    facts = [rel("government/laos", "country", "country/vietnam", 0.6)]
    kept, refused = apply_guards(facts, {"government/laos": "country/laos"})
    assert kept == [] and list(refused) == ["curated-countries-stand"]
    assert set(GUARDS) == {"curated-countries-stand", "offices-in-one-country"}


def test_an_unqualified_prime_minister_beside_a_foreign_one_serves_the_home_government() -> None:
    text = "Buổi lễ diễn ra dưới sự chứng kiến của Thủ tướng Chính phủ Lê Văn Khải và Thủ tướng Chính phủ Lào Khamla Vongsa."
    found = relations_of(text, "vi")
    assert ("Lê Văn Khải", "holdsPositionIn", "Government of Vietnam") in found
    assert ("Lê Văn Khải", "holdsPositionIn", "Government of Laos") not in found


def test_offices_in_one_country_equal_confidence_goes_to_the_country_more_articles_give() -> None:
    from kg.records import Evidence, Relation
    from kg.relations.guards import offices_in_one_country

    def office(article: str, gov: str) -> Relation:
        return Relation("person/tran-van-kiet", "holdsPositionIn", gov, Evidence(article, "s", "en", "rule:x:en", 0.75))

    curated = {"government/zelora": "country/zelora", "government/kitramo": "country/kitramo"}
    relations = [office("a1", "government/zelora"), office("a2", "government/zelora"), office("a3", "government/kitramo")]
    standing, refused = offices_in_one_country(relations, curated)
    assert {r.object for r in standing} == {"government/zelora"}
    assert [r.evidence.article_id for r in refused] == ["a3"]
