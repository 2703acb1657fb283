"""Relation rules: each property from its trigger, with the stating sentence as evidence."""

from __future__ import annotations

import pytest
from conftest import relations_of

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article
from kg.relations import extract_relations


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "The Lao Fintech Summit 2026 was organised by the Mekong Fintech Association in Vientiane.",
            ("Lao Fintech Summit 2026", "organizer", "Mekong Fintech Association"),
        ),
        (
            "The Lao Fintech Summit 2026 was organised by the Mekong Fintech Association in Vientiane.",
            ("Lao Fintech Summit 2026", "location", "Vientiane"),
        ),
        (
            "The Lao Fintech Summit 2026 was chaired by Prime Minister Khamla Souvanh.",
            ("Lao Fintech Summit 2026", "chair", "Khamla Souvanh"),
        ),
        (
            "Laos and Cambodia agreed to deepen cooperation on digital payments.",
            ("Laos", "cooperatesWith", "Cambodia"),
        ),
        (
            "The Lao government will be implementing the Digital Skills Roadmap for 2024-2035.",
            ("Government of Laos", "implements", "Digital Skills Roadmap for 2024-2035"),
        ),
    ],
)
def test_relations_english_triggers(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text)


@pytest.mark.parametrize(
    "text", ["The Mekong Fintech Association signed a memorandum of understanding with BeeLink Pay Company."]
)
def test_relations_signing_makes_an_agreement_with_parties(text: str) -> None:
    found = relations_of(text)
    parties = {o for s, p, o in found if p == "party"}
    assert parties == {"Mekong Fintech Association", "BeeLink Pay Company"}
    assert any(p == "partner" for _, p, _ in found)


@pytest.mark.parametrize("text", ["Laos has mountains. Cambodia has rivers."])
def test_relations_no_cooperation_without_trigger(text: str) -> None:
    assert not any(p == "cooperatesWith" for _, p, _ in relations_of(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a dateline misleads the parse; the parties joined by "and" before the verb still sign
            "Pakse, May 2 - The Savan Credit Union and the Champa Payments Company signed a memorandum of "
            "understanding on Monday.",
            {("Agreement between Champa Payments Company and Savan Credit Union", "party", "Savan Credit Union")},
        ),
        (
            "Lotus Logistics and Bokeo Pay Company announced a partnership to serve traders.",
            {("Bokeo Pay Company", "partner", "Lotus Logistics")},
        ),
    ],
)
def test_relations_parties_joined_by_and_before_the_verb(text: str, expected: set) -> None:
    assert expected <= relations_of(text)


def test_relations_and_between_unrelated_names_is_not_a_partnership() -> None:
    text = "Lotus Logistics opened an office, and Bokeo Pay Company hired staff; both praised partnership schemes."
    assert not {r for r in relations_of(text) if r[1] == "partner"}


def test_relations_office_of_names_the_person_and_their_ministry() -> None:
    text = (
        "The Ministry of Public Security opened a data centre. "
        "Minister of Public Security Chanthala Vongsay said it would serve every province of Laos."
    )
    found = relations_of(text)
    offices = {o for s, p, o in found if s == "Chanthala Vongsay" and p == "holdsPositionIn"}
    assert len(offices) == 1 and "Ministry of Public Security" in offices.pop()


def test_relations_prime_minister_holds_office_in_the_government_even_unnamed() -> None:
    text = "Vietnam opened a data centre. Prime Minister Tran Van Binh inaugurated it in Hanoi on Tuesday."
    assert ("Tran Van Binh", "holdsPositionIn", "Government of Vietnam") in relations_of(text)


def test_relations_partner_with_a_list_of_organisations() -> None:
    text = "The portal was built by the Mekong Data Agency in cooperation with Savan Cloud Company and Bokeo Pay Company."
    found = relations_of(text)
    assert ("Mekong Data Agency", "partner", "Savan Cloud Company") in found
    assert ("Mekong Data Agency", "partner", "Bokeo Pay Company") in found


def test_relations_signing_parties_joined_across_an_acronym_in_brackets() -> None:
    found = relations_of("ธนาคารแห่งประเทศไทย (ธปท.) และธนาคารแห่ง สปป.ลาว ได้ลงนามบันทึกความเข้าใจว่าด้วยการเชื่อมโยงระบบ QR Code", "th")
    parties = {o for s, p, o in found if p == "party"}
    assert parties == {"Bank of Thailand", "Bank of the Lao PDR"}


def test_relations_vietnamese_title_acronym_person_holds_position() -> None:
    text = (
        "Ngân hàng Nhà nước Việt Nam (NHNN) kết nối thanh toán QR với Campuchia. "
        "Phát biểu tại buổi lễ, Thống đốc NHNN Trần Văn Bình cho biết dự án rất quan trọng."
    )
    assert ("Trần Văn Bình", "holdsPositionIn", "State Bank of Vietnam") in relations_of(text, "vi")


def test_relations_supporter_after_with_support_from() -> None:
    found = relations_of(
        "The Pakse Digital Forum 2025 opened on Tuesday, organised by the Ministry of Rural Innovation and Startups "
        "with support from the Mekong Fintech Association."
    )
    assert ("Pakse Digital Forum 2025", "supporter", "Mekong Fintech Association") in found
    assert ("Pakse Digital Forum 2025", "organizer", "Ministry of Rural Innovation and Startups") in found


def test_relations_developed_by_an_organisation_that_is_not_a_company() -> None:
    found = relations_of("Ministries must adopt the KhmerKey digital identity platform developed by the Pakse Startup Center.")
    assert ("KhmerKey", "developedBy", "Pakse Startup Center") in found


def test_relations_ambassador_holds_no_position_in_an_organisation_nearby() -> None:
    found = relations_of(
        "The forum was attended by Japanese Ambassador Kenji Mori and representatives of the Mekong Fintech Association."
    )
    assert not any(p == "holdsPositionIn" for _s, p, _o in found)


def test_relations_partner_is_not_taken_from_across_a_product() -> None:
    found = relations_of(
        "Vantiko Group showed its gateway, while logistics app Sabaidee Express announced a partnership "
        "with Bokeo Telecom Company."
    )
    assert not any(p == "partner" and "Vantiko Group" in (s, o) for s, p, o in found)


def test_relations_a_named_agreement_without_two_parties_is_dropped() -> None:
    gazetteer = load_gazetteer()
    analyses = list(
        analyze([Article("a", "Laos will join the Mekong Digital Trade Framework Agreement (MDTFA) next year.", "en")])
    )
    mentions = {a.article.id: find_mentions(a) for a in analyses}
    corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    assert any(e.cls == "Agreement" for e in corpus.entities.values())  # the mention was linked ...
    found = extract_relations(analyses, corpus, gazetteer)
    assert not any(e.cls == "Agreement" for e in corpus.entities.values())  # ... but is no agreement of the contract
    assert all("agreement/" not in r.subject and "agreement/" not in r.object for r in found)


def test_relations_lower_case_office_right_after_a_company_name() -> None:
    found = relations_of("Vantiko Group chairman Khamla Souvanh pledged to invest in an AI factory.")
    assert ("Khamla Souvanh", "holdsPositionIn", "Vantiko Group") in found


@pytest.mark.parametrize(
    ("text", "lang", "maker"),
    [
        # ('triển khai', deploy, no longer means developed by: on the dev set it was wrong each time)
        ("Công ty Cổ phần Sóc Xanh phát triển ví điện tử GreenWallet.", "vi", "Công ty Cổ phần Sóc Xanh"),
        ("Vantiko Group said the KhmerKey app was developed by Bokeo Telecom Company.", "en", "Bokeo Telecom Company"),
    ],
)
def test_relations_developer_is_read_from_the_trigger(text: str, lang: str, maker: str) -> None:
    made = {(s, o) for s, p, o in relations_of(text, lang) if p == "developedBy"}
    assert {o for _s, o in made} == {maker}


def test_relations_attendance_without_a_named_event_is_the_articles_event() -> None:
    text = (
        "The Pakse Digital Forum 2025 opened on Monday in Pakse. "
        "The opening ceremony was attended by representatives of the Mekong Fintech Association."
    )
    assert ("Pakse Digital Forum 2025", "participant", "Mekong Fintech Association") in relations_of(text)
    assert not any(p == "participant" for _s, p, _o in relations_of("Officials of the Mekong Fintech Association attended."))


def test_relations_thai_held_by_and_supported_by() -> None:
    found = relations_of(
        "งานสัมมนา Mekong Digital Forum 2025 จัดขึ้นที่กรุงเทพฯ โดยสมาคมฟินเทคไทย และได้รับการสนับสนุนจากธนาคารแห่งประเทศไทย", "th"
    )
    event = "งานสัมมนา Mekong Digital Forum 2025"  # the Thai head word opens the event's name
    assert (event, "organizer", "สมาคมฟินเทคไทย") in found
    assert (event, "supporter", "Bank of Thailand") in found
    assert (event, "supporter", "สมาคมฟินเทคไทย") not in found


@pytest.mark.parametrize(
    ("text", "person", "ministry"),
    [
        (
            "Cambodian Minister of Rural Innovation Chea Sokha said the data centre will open in 2026.",
            "Chea Sokha",
            "Ministry of Rural Innovation",
        ),
        (
            "The plan was presented by Minister of Rural Innovation and Startups Khamla Souvanh in Pakse.",
            "Khamla Souvanh",
            "Ministry of Rural Innovation and Startups",
        ),
    ],
)
def test_relations_an_office_names_its_ministry_when_the_article_does_not(text: str, person: str, ministry: str) -> None:
    assert (person, "holdsPositionIn", ministry) in relations_of(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Pakse Digital Forum 2025 closed on Friday; next year's forum will be held in Vientiane.", "en"),
        ("Diễn đàn Kinh tế số Mê Kông 2025 bế mạc; diễn đàn năm sau sẽ được tổ chức tại Đà Nẵng.", "vi"),
    ],
)
def test_relations_next_editions_venue_is_not_this_events(text: str, lang: str) -> None:
    assert not any(p == "location" for _s, p, _o in relations_of(text, lang))


def test_relations_jointly_pairs_the_two_named_before_not_a_supporter_after() -> None:
    found = relations_of(
        "Vantiko Group and Bokeo Telecom Company said they would jointly build a 5G testbed "
        "with support from the Mekong Fintech Association."
    )
    pairs = {frozenset((s, o)) for s, p, o in found if p == "partner"}
    assert pairs == {frozenset(("Vantiko Group", "Bokeo Telecom Company"))}
