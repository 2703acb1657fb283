"""Agreements in English news: parties named with their acronyms, document words that name nothing,
and sentences that refer back to the article's agreement. Invented names throughout."""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        ("The Bank of Zelora and Kitramo Co., Ltd have signed an MOU for a CBDC Proof of Concept.", "CBDC Proof of Concept"),
        ("Kitramo will run the PoC with the Bank of Zelora from March.", "PoC"),
        ("The Bank of Zelora started the CBDC PoC on Monday with Kitramo Co., Ltd.", "CBDC PoC"),
        ("Both sides signed a Memorandum of Understanding (MoU) in Vientiane.", "Memorandum of Understanding"),
    ],
)
def test_document_words_are_no_names(text: str, not_a_name: str) -> None:
    assert not_a_name not in mentions_of(text)


def test_a_name_the_article_uses_alone_is_its_own_conjunct() -> None:
    text = (
        "KITRAMO built the ledger. At the ceremony, the Bank of Zelora and KITRAMO signed an MOU marking the start of the trial."
    )
    found = mentions_of(text)
    assert "Bank of Zelora and KITRAMO" not in found
    assert "Bank of Zelora" in found
    assert ("Agreement between Bank of Zelora and KITRAMO", "party", "KITRAMO") in relations_of(text) or any(
        p == "party" and o == "KITRAMO" for _s, p, o in relations_of(text)
    )


def test_parties_with_acronyms_in_brackets() -> None:
    text = "The Bank of Zelora (BoZ) and the Bank of Kitramo (BoK) have signed an agreement that will link their QR codes."
    parties = {o for _s, p, o in relations_of(text) if p == "party"}
    assert parties == {"Bank of Zelora", "Bank of Kitramo"}


def test_signed_at_only_where_a_sentence_states_it() -> None:
    base = "The Bank of Zelora and the Bank of Kitramo have signed an agreement on QR payments."
    stated = base + " The agreement was signed on the sidelines of the Zelora Finance Ministers' Meeting in Vientiane."
    assert any(p == "signedAt" for _s, p, _o in relations_of(stated))
    unstated = "The Zelora Finance Ministers' Meeting opened in Vientiane on Monday. " + base
    assert not any(p == "signedAt" for _s, p, _o in relations_of(unstated))


def test_topics_of_the_agreement_from_a_sentence_that_refers_to_it() -> None:
    text = (
        "The Ministry of Zelora Affairs signed an MoU with the Ministry of Kitramo Affairs on Monday. "
        "The cooperation covers big data, cloud computing and e-commerce."
    )
    topics = {o for _s, p, o in relations_of(text) if p == "concerns"}
    assert {"big data", "cloud computing", "e-commerce"} <= topics


@pytest.mark.parametrize(
    "text, unit, parent",
    [
        (
            "The Zelora Digital Council (ZDC) will comprise three units – the Digital Economy and Business Committee, "
            "Digital Government Committee, and Digital Security Committee.",
            "Digital Economy and Business Committee",
            "Zelora Digital Council",
        ),
        (
            "The Bank of Zelora Payment Systems Department and Kitramo Co., Ltd signed an MoU on Monday. "
            "The Bank of Zelora will start the trial in March.",
            "Bank of Zelora Payment Systems Department",
            "Bank of Zelora",
        ),
    ],
)
def test_units_of_an_organisation(text: str, unit: str, parent: str) -> None:
    assert (unit, "subOrganizationOf", parent) in relations_of(text)


def test_a_curated_parent_needs_a_sentence_naming_both() -> None:
    alone = "The Ministry of Technology and Communications of Laos opened a data centre in Vientiane."
    assert not any(p == "subOrganizationOf" for _s, p, _o in relations_of(alone))


@pytest.mark.parametrize(
    "text, mission",
    [
        ("Speeches were delivered by the Embassy of Zelora in the Lao PDR and Kitramo.", "Embassy of Zelora in the Lao PDR"),
        ("The Embassy of Zelora in Vientiane hosted the reception.", "Embassy of Zelora in Vientiane"),
    ],
)
def test_a_diplomatic_mission_is_named_with_where_it_sits(text: str, mission: str) -> None:
    assert mentions_of(text).get(mission) == "PublicBody"


def test_an_office_takes_the_organisation_of_its_own_phrase() -> None:
    text = (
        "Minister of Zelora Affairs Tran Van Kiet spoke with Minister of Kitramo Affairs Sok Dara, "
        "and Bank of Zelora Governor Lim Sophal said the deal would follow."
    )
    found = {(s, o) for s, p, o in relations_of(text) if p == "holdsPositionIn"}
    assert ("Sok Dara", "Bank of Zelora") not in found
    assert ("Lim Sophal", "Bank of Zelora") in found


def test_a_country_cooperating_with_each_of_a_list() -> None:
    text = (
        "The deal is Thailand's sixth such agreement under the initiative with a member country "
        "after those with Cambodia, Indonesia, Malaysia and Vietnam."
    )
    pairs = {frozenset((s, o)) for s, p, o in relations_of(text) if p == "cooperatesWith"}
    assert pairs == {frozenset(("Thailand", c)) for c in ("Cambodia", "Indonesia", "Malaysia", "Vietnam")}


def test_an_honorific_opens_a_new_name() -> None:
    text = (
        "H.E. Mr. Kit Sophal, Minister of Zelora Affairs and H.E. Mrs. Ung Dara, Minister of Kitramo Affairs "
        "signed the MoU on Monday."
    )
    found = mentions_of(text)
    assert found.get("Kit Sophal") == "Person"
    assert found.get("Ung Dara") == "Person"
    assert not any("H.E." in name and name != "H.E." for name in found)


def test_an_ambiguous_curated_name_is_the_reading_its_acronym_names() -> None:
    text = "The Ministry of Post and Telecommunications (MPTC) and Kitramo Co., Ltd signed an MoU in Phnom Penh."
    labels = {o for _s, p, o in relations_of(text) if p == "party"}
    assert "Cambodian Ministry of Post and Telecommunications" in labels


def test_a_body_named_in_news_about_one_country_is_not_a_curated_namesake_of_another() -> None:
    text = (
        "Cambodia's digital drive goes on. In Phnom Penh, the Ministry of Public Works and Transportation "
        "and Kitramo Co., Ltd signed an MoU on Monday."
    )
    labels = {o for _s, p, o in relations_of(text) if p == "party"}
    assert "Ministry of Public Works and Transport" not in labels
    assert "Ministry of Public Works and Transportation" in labels


def test_one_agreement_for_each_pair_after_between() -> None:
    text = (
        "The ministers witnessed the signing of cooperation deals between Zelora Telecom Company and Kitramo Telecom "
        "Company; between Zelora Post Company and Kitramo Post Company."
    )
    agreements = {s for s, p, _o in relations_of(text) if p == "party"}
    assert len(agreements) == 2


def test_the_party_after_with_far_from_the_signing_word() -> None:
    text = (
        "The Bank of Zelora has signed a memorandum of understanding for cooperation on a pilot project to develop "
        "interoperability of standard QR payment with the National Bank of Kitramo."
    )
    parties = {o for _s, p, o in relations_of(text) if p == "party"}
    assert parties == {"Bank of Zelora", "National Bank of Kitramo"}


def test_an_agency_office_in_a_country_is_an_organisation_and_a_party() -> None:
    text = "The Ministry of Zelora Affairs and GIZ Cambodia have signed an Agreement on digital skills in Phnom Penh."
    assert mentions_of(text).get("GIZ Cambodia") == "Organization"
    parties = {o for _s, p, o in relations_of(text) if p == "party"}
    assert parties == {"Ministry of Zelora Affairs", "GIZ Cambodia"}


def test_postal_operators_are_companies() -> None:
    found = mentions_of("The deal between Zelora Post and Kitramo Posts was signed in Hanoi.")
    assert found.get("Zelora Post") == "Company" and found.get("Kitramo Posts") == "Company"
