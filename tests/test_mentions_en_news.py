"""English mention rules on news styles not covered by tests/test_mentions.py: Vientiane Times offices
with "Mr"/"Ms", fintech and startup lists, wire datelines, event announcements. All names are invented."""

from __future__ import annotations

import pytest
from conftest import mentions_of

from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article, Mention


def found_in(text: str, lang: str = "en") -> dict[str, Mention]:
    (analysis,) = analyze([Article("t", text, lang)])
    return {m.text: m for m in find_mentions(analysis) if m.cls != "Ref"}


def test_office_of_an_organisation_then_mr_name() -> None:
    found = found_in(
        "The meeting was chaired by Deputy Minister of Rural Innovation and Startups, Mr Thongvanh Sipaseuth, "
        "and attended by Director General of the Department of Rural Data, Mr Kommaly Vongphachanh."
    )
    assert found["Thongvanh Sipaseuth"].cls == "Person"
    assert found["Thongvanh Sipaseuth"].attrs.get("title_org") == "Ministry of Rural Innovation and Startups"
    assert found["Kommaly Vongphachanh"].cls == "Person"
    assert found["Kommaly Vongphachanh"].attrs.get("title") == "Director General"
    assert found["Kommaly Vongphachanh"].attrs.get("title_org") == "Department of Rural Data"


def test_the_next_persons_office_after_and_is_not_this_ones() -> None:
    found = found_in(
        "It was attended by Mr Kommaly Vongphachanh, and Deputy Director General of the Pakse Data Institute, Ms Noy Sisomphone."
    )
    assert found["Kommaly Vongphachanh"].attrs.get("title") != "Deputy Director General"


def test_mr_or_ms_before_a_single_name_is_a_person() -> None:
    assert mentions_of("Ms Vannaseng said the centre had blocked 3,000 attacks.").get("Vannaseng") == "Person"


def test_office_in_a_centre_names_an_organisation() -> None:
    found = mentions_of("It was attended by Deputy Director of the Savan National Internet Centre, Ms Noy Sisomphone.")
    assert found.get("Savan National Internet Centre") == "Organization"


def test_head_of_a_unit_of_a_ministry_holds_office_in_the_ministry() -> None:
    found = found_in(
        "Head of the Cabinet of the Ministry of Rural Innovation and Startups, Ms Noy Sisomphone, said it would sign."
    )
    assert found.get("Ministry of Rural Innovation and Startups") is not None
    assert "Rural Innovation and Startups" not in " ".join(n for n in found if n.startswith("Cabinet"))
    assert found["Noy Sisomphone"].attrs.get("title_org") == "Ministry of Rural Innovation and Startups"


def test_acronym_in_brackets_keeps_a_name_whole_over_and() -> None:
    found = found_in("Support came from the Savan Internet and Security Agency (SISA) this year.")
    assert found["Savan Internet and Security Agency"].attrs.get("acronym") == "SISA"
    assert "Security Agency" not in found


def test_acronym_of_word_openings() -> None:
    found = found_in("It was backed by the Mekong External Trade Organization (METRO) and Pakse Payment Network (PAPNet).")
    assert found["Mekong External Trade Organization"].attrs.get("acronym") == "METRO"
    assert found["Pakse Payment Network"].attrs.get("acronym") == "PAPNet"


def test_name_runs_over_in_to_an_acronym_of_the_whole() -> None:
    found = found_in("The Federation of Lenders in Pakse (FLP) welcomed the growth.")
    assert found["Federation of Lenders in Pakse"].cls == "Organization"
    assert found["Federation of Lenders in Pakse"].attrs.get("acronym") == "FLP"


def test_nationality_before_minister_of_x_name() -> None:
    found = found_in("Lao Minister of Rural Innovation and Startups Thongvanh Sipaseuth said the plan would help.")
    assert found["Thongvanh Sipaseuth"].cls == "Person"
    assert found["Thongvanh Sipaseuth"].attrs.get("title_org") == "Ministry of Rural Innovation and Startups"


def test_first_word_of_an_opening_quote_is_not_a_name() -> None:
    found = mentions_of('"Cheap hydropower and our location make the region attractive," he told reporters.')
    assert "Cheap" not in found


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Chinese cloud provider Huanyu Stack Technology will invest $300 million.", "Huanyu Stack Technology", "Company"),
        ("It will be built with state-owned Electrique du Savan and partners.", "Electrique du Savan", "Company"),
        ("Venture capital firms Norvantis, Kavlo and Tresmere said deal flow would recover.", "Kavlo", "Company"),
        ("Cambodia relies on telecom operators Smart Kolab, Tonlenet and Mekfone.", "Tonlenet", "Company"),
        ("Speakers include Kolab Cambodia country manager Ouk Sovanny and others.", "Kolab Cambodia", "Company"),
        (
            "Firms link wallets to Sornak, the central bank's blockchain-based payment system, as payments soar.",
            "Sornak",
            "Product",
        ),
        (
            "The expo will take place at the Koh Norea Convention and Exhibition Center in Phnom Penh.",
            "Koh Norea Convention and Exhibition Center",
            "Place",
        ),
        ("The project is part of the Regional Kip Settlement initiative launched in 2022.", "Regional Kip Settlement", "Program"),
    ],
)
def test_company_product_venue_and_programme_cues(text: str, name: str, cls: str) -> None:
    assert mentions_of(text).get(name) == cls


def test_acronym_of_a_name_with_du() -> None:
    found = found_in("It will be built with Electrique du Savan (EDS) next year.")
    assert found["Electrique du Savan"].attrs.get("acronym") == "EDS"


def test_list_of_names_and_an_office_then_a_company() -> None:
    found = mentions_of(
        "Representatives of the Ministry of Rural Data, the Bank of Savan and Savan Telecommunications Public "
        "Company also attended."
    )
    assert found.get("Bank of Savan") == "PublicBody"
    assert found.get("Savan Telecommunications Public Company") == "Company"
    assert not any(name.startswith("Representatives") for name in found)


def test_parsed_names_either_side_of_and_still_split() -> None:
    """Guard: the parser's entity across "and" blocks a split only after an office's "of"."""
    found = mentions_of("The round had participation from Savan Investment Fund II and Pakse Capital Partners.")
    assert "Savan Investment Fund II" in found and "Pakse Capital Partners" in found


def test_office_name_run_on_into_the_person_the_parser_reads() -> None:
    found = mentions_of(
        "Speakers will include Secretary of State at the Ministry of Post and Telecommunications Keo Sovanny, and others."
    )
    assert found.get("Ministry of Post and Telecommunications") == "Ministry"
    assert found.get("Keo Sovanny") == "Person"


def test_company_designator_after_a_comma() -> None:
    assert mentions_of("It is run with Koh Norea Events Co., Ltd. and others.").get("Koh Norea Events Co., Ltd.") == "Company"


def test_headline_opening_on_a_bare_head_word_and_a_quoted_adjective() -> None:
    found = mentions_of('Ministry reviews progress on services\n\n"Cheap power makes Savan attractive," he said.')
    assert "Ministry" not in found and "Cheap" not in found


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("BoT assistant governor Siritida Phanomkhet said the link would cut costs.", "Siritida Phanomkhet", "Person"),
        (
            "A 48-hour hackathon, the Savan Code Challenge 2025, will run alongside the expo.",
            "Savan Code Challenge 2025",
            "Event",
        ),
    ],
)
def test_lower_case_assistant_governor_and_a_challenge(text: str, name: str, cls: str) -> None:
    assert mentions_of(text).get(name) == cls


@pytest.mark.parametrize(
    ("text", "person", "org", "org_cls"),
    [
        (
            "Professor Tran Van Khoa of the Pakse University of Science and Technology said the model works.",
            "Tran Van Khoa",
            "Pakse University of Science and Technology",
            "Organization",
        ),
        ("Dr Somchai Deekul of Kolab Group said so.", "Somchai Deekul", "Kolab Group", "Company"),
    ],
)
def test_person_of_organisation_is_two_names(text: str, person: str, org: str, org_cls: str) -> None:
    found = mentions_of(text)
    assert found.get(person) == "Person" and found.get(org) == org_cls


def test_a_government_data_exchange_is_a_product() -> None:
    assert (
        mentions_of("The Savan Government Data Exchange (SavGDX) links 20 ministries.").get("Savan Government Data Exchange")
        == "Product"
    )


def test_investment_partners_and_funds_are_typed_by_their_head() -> None:
    found = mentions_of("The round was led by Savan Delta Partners and the Orchid Seed Fund.")
    assert found.get("Savan Delta Partners") == "Company" and found.get("Orchid Seed Fund") == "Organization"


def test_acronyms_may_take_a_letter_from_of() -> None:
    from kg.mentions.lang.en import _abbreviates

    assert _abbreviates("BSL", "Bank of Savan Lao") and _abbreviates("BOK", "Bank of Kolab")
    assert not _abbreviates("VNA", "Hanoi")


def test_two_org_title_person_runs_joined_by_and() -> None:
    found = mentions_of("The ceremony was presided over by BSL Governor Vilay Sith and BKL Governor Somsak Deechai.")
    assert found.get("Vilay Sith") == "Person" and found.get("Somsak Deechai") == "Person"
    assert not any("Governor" in name for name in found)


def test_venture_capital_opening_a_sentence_is_no_company() -> None:
    assert "Venture" not in mentions_of("Venture capital firms poured money into startups in Pakse.")


def test_ampersand_before_the_joins_two_names_not_one_company() -> None:
    from conftest import mentions_of

    found = mentions_of("ZENTIX & the Bank of Kites to launch a digital wallet.")
    assert "ZENTIX & the Bank of Kites" not in found and found.get("Bank of Kites") == "PublicBody"
    assert mentions_of("Marlow & Finch Holdings opened an office in Vientiane.").get("Marlow & Finch Holdings") == "Company"
