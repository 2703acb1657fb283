"""Mention rules: entities that no list names, per language, typed by head words and titles."""

from __future__ import annotations

import pytest
from conftest import mentions_of

from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article


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


def mention_list(text: str) -> list[tuple[str, str]]:
    (analysis,) = analyze([Article("t", text, "en")])
    return [(m.text, m.cls) for m in find_mentions(analysis) if m.cls != "Ref"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Vantiko Group and Bokeo Telecom Company will provide the network.",
            [("Vantiko Group", "Company"), ("Bokeo Telecom Company", "Company")],
        ),
        (
            "Lotus Logistics and Mekong Pay announced a partnership on Monday.",
            [("Lotus Logistics", "Company"), ("Mekong Pay", "Company")],
        ),
        (
            "The Bank of the Lao PDR and Champa Digital Company signed a memorandum.",
            [("Bank of the Lao PDR", "PublicBody"), ("Champa Digital Company", "Company")],
        ),
    ],
)
def test_mentions_english_names_joined_by_and_are_two(text: str, parts: list[tuple[str, str]]) -> None:
    found = mention_list(text)
    for part in parts:
        assert part in found
    assert not any(" and " in name for name, _ in found)


@pytest.mark.parametrize(
    "name",
    [
        "Ministry of Rural Innovation and Startups",
        "Ministry of Posts and Telecommunications",
        "Department of Planning and Cooperation",
        "Committee for Planning and Investment",
    ],
)
def test_mentions_english_office_of_x_and_y_stays_whole(name: str) -> None:
    assert mention_list(f"The {name} of Savannakhet signed the plan on Monday.")[0][0].startswith(name)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kheun Phommachak, Chief Executive Officer of Vantiko Group, attended the ceremony.", "Chief Executive Officer"),
        ("Vantiko Group's CEO Kheun Phommachak said the group would invest more.", "CEO"),
        ("Kheun Phommachak, founder of Vantiko Group, said sales doubled.", "Founder"),
    ],
)
def test_mentions_english_person_with_title_and_org(text: str, title: str) -> None:
    (analysis,) = analyze([Article("t", text, "en")])
    ms = find_mentions(analysis)
    person = next(m for m in ms if m.text == "Kheun Phommachak")
    assert person.cls == "Person"
    assert person.attrs.get("title") == title
    assert person.attrs.get("title_org_class") == "Company"
    assert any(m.text == "Vantiko Group" and m.cls == "Company" for m in ms)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The company plans to launch its app, LaoID, next year.", "LaoID"),
        ("The group will invest in a platform called TrackKH for shippers.", "TrackKH"),
        ("The TrackKH app will be available from March.", "TrackKH"),
    ],
)
def test_mentions_english_product_cue_types_product(text: str, name: str) -> None:
    assert mentions_of(text, "en").get(name) == "Product"


def test_mentions_english_place_based_is_not_part_of_the_name() -> None:
    found = mentions_of("Hanoi-based Song Hong Technology Corporation will open an office in Vientiane.", "en")
    assert found.get("Song Hong Technology Corporation") == "Company"
    assert not any("-based" in name for name in found)


def test_mentions_english_place_based_alone_is_the_place() -> None:
    found = mentions_of("Bangkok-based fintech firm Kasem Digital Solutions built the system.", "en")
    assert found.get("Bangkok") == "Place"
    assert found.get("Kasem Digital Solutions") == "Company"
    assert "Bangkok-based" not in found


def test_mentions_english_lowercase_title_after_possessive() -> None:
    (analysis,) = analyze([Article("t", "Lanexang Mobile's chairman Bounmy Keovilay said the company grew.", "en")])
    person = next(m for m in find_mentions(analysis) if m.text == "Bounmy Keovilay")
    assert person.cls == "Person" and person.attrs.get("title") == "Chairman"


def test_mentions_english_product_cue_beats_a_place_reading() -> None:
    text = "They launched a cross-border e-wallet service, PayLink, for migrant workers."
    assert mentions_of(text, "en").get("PayLink") == "Product"


def test_mentions_english_minister_of_after_name_is_left_whole() -> None:
    """After "X, Minister of <Ministry>" the office is the whole phrase, not a bare "Minister"."""
    text = "According to Mr. Khamla Souvanh, Minister of Rural Innovation and Startups, Laos must act."
    (analysis,) = analyze([Article("t", text, "en")])
    person = next(m for m in find_mentions(analysis) if m.text == "Khamla Souvanh")
    assert person.attrs.get("title") != "Minister"


def test_mentions_dateline_agency_is_not_the_places_acronym() -> None:
    """'Hanoi (VNA)': a news agency after a dateline is not Hanoi's short form; a real acronym still is."""
    from kg.mentions import find_mentions
    from kg.nlp import analyze
    from kg.records import Article

    text = "Hanoi (VNA) - The Mekong Payments Council (MPC) met on Monday. The MPC approved new rules."
    [analysis] = list(analyze([Article("a", text, "en")]))
    found = {(m.text, m.cls) for m in find_mentions(analysis)}
    assert not any(t == "VNA" and c == "Place" for t, c in found)
    assert ("MPC", "PublicBody") in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (  # an office with its organisation, then the holder's name (names no list holds)
            "Bộ trưởng Bộ Kinh tế Số và Đổi mới Trần Quốc Bảo chủ trì hội nghị.",
            {"Bộ Kinh tế Số và Đổi mới": "Ministry", "Trần Quốc Bảo": "Person"},
            "Bộ Kinh tế Số và Đổi mới Trần Quốc Bảo",
        ),
        (  # two organisations joined by "và" are two
            "Ngân hàng Phát triển Mê Kông và Ngân hàng Số Sài Gòn đã ký biên bản ghi nhớ.",
            {"Ngân hàng Phát triển Mê Kông": "Company", "Ngân hàng Số Sài Gòn": "Company"},
            "Ngân hàng Phát triển Mê Kông và Ngân hàng Số Sài Gòn",
        ),
        (  # an event's name stops at the verb of a headline
            "Diễn đàn Kinh tế Số Mê Kông 2026 khai mạc tại Cần Thơ",
            {"Diễn đàn Kinh tế Số Mê Kông 2026": "Event"},
            "Diễn đàn Kinh tế Số Mê Kông 2026 khai mạc",
        ),
    ],
)
def test_mentions_vietnamese_offices_conjunctions_headlines(text: str, expected: dict[str, str], absent: str) -> None:
    found = mentions_of(text, "vi")
    for name, cls in expected.items():
        assert found.get(name) == cls, found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("นายสมชาย ใจดีมาก ผู้ว่าการธนาคารกลาง กล่าวว่า", "สมชาย ใจดีมาก", "Person"),
        ("นางสาวพรทิพย์ เลิศวิไล เข้าร่วมงาน", "พรทิพย์ เลิศวิไล", "Person"),
        ("งานสัมมนา Mekong Payments Summit 2026 จัดขึ้นที่เวียงจันทน์", "งานสัมมนา Mekong Payments Summit 2026", "Event"),
    ],
)
def test_mentions_thai_people_after_honorifics_and_latin_names_by_head(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "th").get(name) == cls


def test_mentions_thai_prime_minister_word_is_not_an_honorific() -> None:
    found = mentions_of("นายกรัฐมนตรี กล่าวเปิดงาน", "th")
    assert not any(cls == "Person" for cls in found.values())


@pytest.mark.parametrize(
    ("text", "org", "person", "title"),
    [
        ("KDB Governor Sokha Meas said the link would cut costs.", "KDB", "Sokha Meas", "Governor"),
        (
            "Champa Telecom Chairman Vilay Inthavong said the firm would invest more.",
            "Champa Telecom",
            "Vilay Inthavong",
            "Chairman",
        ),
    ],
)
def test_mentions_english_org_title_person_are_two_names(text: str, org: str, person: str, title: str) -> None:
    (analysis,) = analyze([Article("t", text, "en")])
    found = {m.text: m for m in find_mentions(analysis) if m.cls != "Ref"}
    assert found[person].cls == "Person" and found[person].attrs["title"] == title
    assert org in found and found[org].cls != "Person"


def test_mentions_english_title_alone_is_not_split_from_its_name() -> None:
    found = mentions_of("Party General Secretary Khamsing Vong spoke to the assembly.", "en")
    assert found.get("Khamsing Vong") == "Person" and "Party" not in found


def test_mentions_english_company_noun_before_a_name_types_a_company() -> None:
    assert (
        mentions_of("The service was built by Singaporean fintech firm Lumora, which runs exchanges.", "en")["Lumora"]
        == "Company"
    )


def test_mentions_english_and_splits_two_organisations_the_parser_names() -> None:
    found = mentions_of("Kolab, the joint venture between Champa Digital Group and Savan Mobile Telecom, signed a deal.", "en")
    assert found.get("Champa Digital Group") == "Company" and found.get("Savan Mobile Telecom") == "Company"


def test_mentions_english_possessive_after_and_and_payment_brands() -> None:
    found = mentions_of("The central bank linked Mekong Pay and Vietnam's NapasQR last year.", "en")
    assert found.get("Mekong Pay") == "Company" and found.get("NapasQR") == "Product" and "Vietnam" in found


def test_mentions_no_country_inside_an_amount() -> None:
    found = mentions_of("The company will invest 20 million US dollars in Laos.", "en")
    assert "US" not in found and "Laos" in found


def test_mentions_english_nationality_title_person_and_an_envoy() -> None:
    found = mentions_of(
        "Lao Deputy Prime Minister Khamphet Sila and Thai Ambassador to Laos Somchai Dee attended the launch.", "en"
    )
    assert found.get("Khamphet Sila") == "Person" and found.get("Somchai Dee") == "Person"
    assert not any("Lao Deputy" in name or "Laos Somchai" in name for name in found)


def test_mentions_english_minister_of_x_and_y_then_name_is_one_office() -> None:
    (analysis,) = analyze([Article("t", "Minister of Technology and Communications Boviengkham Vongdara said so.", "en")])
    people = [m for m in find_mentions(analysis) if m.cls == "Person"]
    assert [(m.text, m.attrs.get("title_org")) for m in people] == [
        ("Boviengkham Vongdara", "Ministry of Technology and Communications")
    ]


def test_mentions_english_policy_after_a_name_types_a_program() -> None:
    assert mentions_of("He backed the government's Mekong Cloud First policy.", "en").get("Mekong Cloud First") == "Program"


def test_mentions_english_acronym_may_skip_a_leading_word() -> None:
    (analysis,) = analyze([Article("t", "Laos joined the ASEAN Smart Grid Agreement (SGA) in May.", "en")])
    found = {m.text: m for m in find_mentions(analysis) if m.cls != "Ref"}
    assert found["ASEAN Smart Grid Agreement"].attrs.get("acronym") == "SGA"


def test_mentions_english_a_bare_head_word_is_not_a_name() -> None:
    found = mentions_of("Savan Telecom and Champa Digital sign MoU on cloud talent", "en")
    assert "MoU" not in found and found.get("Savan Telecom") == "Company"


def test_mentions_vietnamese_acronym_in_brackets_names_the_organisation() -> None:
    (analysis,) = analyze([Article("t", "Công ty Cổ phần Thanh toán Mê Kông (MKPAY) triển khai dịch vụ mới.", "vi")])
    found = {m.text: m for m in find_mentions(analysis) if m.cls != "Ref"}
    assert found["Công ty Cổ phần Thanh toán Mê Kông"].attrs.get("acronym") == "MKPAY"
    assert found["MKPAY"].cls == "Company"


def test_mentions_thai_banking_app_is_not_a_bank() -> None:
    found = mentions_of("นักท่องเที่ยวสามารถใช้แอปพลิเคชันธนาคารสแกนจ่ายที่ร้านค้าได้ทันที", "th")
    assert not any(name.startswith("ธนาคาร") for name in found)


def test_mentions_english_acronym_of_the_words_after_ministry_of() -> None:
    (analysis,) = analyze(
        [Article("t", "The Ministry of Rural Innovation and Startups (RIS) met. Hanoi (VNA) reported it.", "en")]
    )
    found = {m.text: m for m in find_mentions(analysis) if m.cls != "Ref"}
    assert found["Ministry of Rural Innovation and Startups"].attrs.get("acronym") == "RIS"
    assert not any(m.attrs.get("acronym") == "VNA" for m in found.values())


def test_mentions_english_appositive_calls_the_name_a_company() -> None:
    found = mentions_of("Kolab, the joint venture between two operators, signed a deal. Later, the company hired staff.", "en")
    assert found.get("Kolab") == "Company" and found.get("Later") != "Company"


def test_mentions_english_parsed_organisations_with_a_head_split_at_and() -> None:
    found = mentions_of("Kolab is owned by Vietnam's Viettel Group and Lao Asia Telecom, which built it.", "en")
    assert found.get("Viettel Group") == "Company" and found.get("Lao Asia Telecom") == "Company"


def test_mentions_thai_ministry_name_keeps_its_for() -> None:
    (analysis,) = analyze([Article("t", "กระทรวงการท่องเที่ยวเพื่อความยั่งยืน ประกาศแผนใหม่", "th")])
    names = [m.text for m in find_mentions(analysis) if m.cls == "Ministry"]
    assert names == ["กระทรวงการท่องเที่ยวเพื่อความยั่งยืน"]


def test_mentions_english_minister_of_x_and_y_name_the_parser_runs_together() -> None:
    (analysis,) = analyze([Article("t", "Minister of Post and Telecommunications Chea Vandeth said the plan works.", "en")])
    people = [(m.text, m.attrs.get("title_org")) for m in find_mentions(analysis) if m.cls == "Person"]
    assert people == [("Chea Vandeth", "Ministry of Post and Telecommunications")]


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Kolab Mobile, the country's largest mobile operator, announced a deal.", "Kolab Mobile", "Company"),
        ("Ministries must adopt the KhmerKey digital identity platform next year.", "KhmerKey", "Product"),
        ("The ministry built a new data exchange layer called CamLink.", "CamLink", "Product"),
        ("It was developed by the Pakse Startup Center last year.", "Pakse Startup Center", "Organization"),
        (
            "Funding came from the United Nations Capital Development Programme in 2024.",
            "United Nations Capital Development Programme",
            "Organization",
        ),
        (
            "The government adopted the Digital Trade and Logistics Policy Framework 2025-2030 on Monday.",
            "Digital Trade and Logistics Policy Framework 2025-2030",
            "Program",
        ),
    ],
)
def test_mentions_english_cues_around_unlisted_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "en").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("The programme is supported by the Asian Development Bank.", "Asian Development Bank", "Organization"),
        ("Global Mekong Fintech Alliance members met in Pakse.", "Global Mekong Fintech Alliance", "Organization"),
        ("Logistics app Sabaidee Express, founded in 2021, grew fast.", "Sabaidee Express", "Product"),
    ],
)
def test_mentions_english_names_opening_with_an_adjective_or_after_an_app_noun(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "en").get(name) == cls


def test_mentions_english_sentence_opening_adjective_is_still_dropped() -> None:
    found = mentions_of("Global investors met Vantiko Group in Pakse.", "en")
    assert "Global" not in " ".join(found) and found.get("Vantiko Group") == "Company"


def test_mentions_english_and_the_opens_a_second_headed_name() -> None:
    found = mentions_of(
        "It was co-organised by the Ministry of Rural Innovation and Startups and the Digital Oversight Council.", "en"
    )
    assert found.get("Ministry of Rural Innovation and Startups") == "Ministry"
    assert found.get("Digital Oversight Council") == "PublicBody"


def test_mentions_english_one_word_person_reading_is_left_to_linking() -> None:
    (analysis,) = analyze([Article("t", "Meanwhile Kolabra announced that its network now covers the north.", "en")])
    kolabra = [m for m in find_mentions(analysis) if m.text == "Kolabra"]
    assert all(m.cls != "Person" and m.attrs.get("ner") != "PERSON" for m in kolabra)
