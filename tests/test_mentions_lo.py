"""Lao mention rules and relation triggers (kg/mentions/lang/lo.py, triggers.json 'lo'), on invented names."""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of

MINISTRY = "ກະຊວງກະສິກຳ ແລະ ນະວັດຕະກຳ"  # an invented ministry of agriculture and innovation
COMPANY = "ບໍລິສັດ ດາວເຫຼືອງ ເທັກ ຈຳກັດ"
BANK = "ທະນາຄານຈຳປາໃໝ່ ຈຳກັດ"
AGENCY = "ອົງການຄຸ້ມຄອງຂໍ້ມູນດິຈິຕອນ"
FAIR = "ງານວາງສະແດງເຕັກໂນໂລຊີຈຳປາ"
SEMINAR = "ກອງປະຊຸມສຳມະນາກ່ຽວກັບປັນຍາປະດິດ"
PLAN = "ແຜນແມ່ບົດ ການຄ້າເອເລັກໂຕຣນິກ ແຫ່ງຊາດ 5 ປີ (2026-2030)"


def _person(text: str) -> dict[str, object]:
    """The attributes of the one person the Lao rules read in ``text``."""
    from kg.mentions import find_mentions
    from kg.nlp import analyze
    from kg.records import Article

    (analysis,) = analyze([Article("t", text, "lo")])
    (person,) = [m for m in find_mentions(analysis) if m.cls == "Person"]
    return {"name": person.text, "extractor": person.extractor, **person.attrs}


# --- people after an honorific, with their office -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "title", "org_class"),
    [
        ("ທ່ານ ສົມພອນ ແກ້ວມະນີ, ລັດຖະມົນຕີກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ໄດ້ກ່າວວ່າ", "ສົມພອນ ແກ້ວມະນີ", "ລັດຖະມົນຕີ", "Ministry"),
        ("ທ່ານນາງ ບົວສີ ພົມມະຈັກ ຮອງຜູ້ວ່າການ ທະນາຄານແຫ່ງ ສປປ ລາວ ເຂົ້າຮ່ວມ", "ບົວສີ ພົມມະຈັກ", "ຮອງຜູ້ວ່າການ", "PublicBody"),
        ("ທ່ານ ປອ. ຄຳແພງ ສີວົງໄຊ ຜູ້ອຳນວຍການໃຫຍ່ ບໍລິສັດ ດາວເຫຼືອງ ເທັກ ຈຳກັດ", "ຄຳແພງ ສີວົງໄຊ", "ຜູ້ອຳນວຍການໃຫຍ່", "Company"),
        ("ທ່ານສີທອງ ວົງສະຫວັນກຳມະການສູນກາງພັກ ລັດຖະມົນຕີກະຊວງການເງິນ", "ສີທອງ ວົງສະຫວັນ", "ລັດຖະມົນຕີ", "Ministry"),
        ("ທ່ານ ພົນເອກ ຄຳຜາຍ ສຸລິວົງ ຮອງນາຍົກລັດຖະມົນຕີ", "ຄຳຜາຍ ສຸລິວົງ", "ຮອງນາຍົກລັດຖະມົນຕີ", "Government"),
        ("ທ່ານ ເລ ວັນ ທາມ ລັດຖະມົນຕີ ກະຊວງ ການເງິນ", "ເລ ວັນ ທາມ", "ລັດຖະມົນຕີ", "Ministry"),
        ("ທ່ານ ບັນດິດ ສຈ. ບຸນມີ ໄຊຍະວົງ, ລັດຖະມົນຕີ", "ບຸນມີ ໄຊຍະວົງ", "ລັດຖະມົນຕີ", "Ministry"),
    ],
)
def test_lao_person_after_honorific_with_office(text: str, name: str, title: str, org_class: str) -> None:
    found = _person(text)
    assert (found["name"], found["title"], found["title_org_class"]) == (name, title, org_class)
    assert found["extractor"] == "rule:title-person:lo"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("ທ່ານລັດຖະມົນຕີ ໄດ້ກ່າວວ່າ", "ລັດຖະມົນຕີ ໄດ້ກ່າວວ່າ"),  # "the minister": an anaphor, no name
        ("ທ່ານ ບຸນມີ ໄດ້ກ່າວວ່າ", "ບຸນມີ ໄດ້ກ່າວວ່າ"),  # a given name, then the verb
    ],
)
def test_lao_honorific_without_a_full_name_is_no_person(text: str, absent: str) -> None:
    assert not [n for n, cls in mentions_of(text, "lo").items() if cls == "Person"]
    assert absent not in mentions_of(text, "lo")


def test_lao_given_name_alone_is_kept_where_the_full_name_is_given() -> None:
    found = mentions_of("ທ່ານ ບຸນມີ ໄຊຍະວົງ ລັດຖະມົນຕີ ເຂົ້າຮ່ວມ. ທ່ານ ບຸນມີ ໄດ້ກ່າວວ່າ", "lo")
    assert found.get("ບຸນມີ ໄຊຍະວົງ") == "Person" and found.get("ບຸນມີ") == "Person"


# --- names opened by head words ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        (f"{MINISTRY} ໄດ້ຈັດກອງປະຊຸມ", MINISTRY, "Ministry"),  # " ແລະ " inside an official name
        ("ກະຊວງໄປສະນີ, ໂທລະພາບ ແລະ ນະວັດຕະກຳ ໄດ້ປະກາດ", "ກະຊວງໄປສະນີ, ໂທລະພາບ ແລະ ນະວັດຕະກຳ", "Ministry"),
        (f"{AGENCY} ໄດ້ປະກາດ", AGENCY, "PublicBody"),
        ("ຄະນະກຳມະການລະດັບຊາດ ເພື່ອການພັດທະນາຫຸ່ນຍົນ ໄດ້ປະຊຸມ", "ຄະນະກຳມະການລະດັບຊາດ ເພື່ອການພັດທະນາຫຸ່ນຍົນ", "PublicBody"),
        (f"{COMPANY} ໄດ້ເປີດຕົວ", COMPANY, "Company"),  # a registered company, spaces and all
        ("ທະນາຄານສົ່ງເສີມວິສາຫະກິດນ້ອຍ ແລະ ທະນາຄານຈຳປາໃໝ່ ມະຫາຊົນ ເຂົ້າຮ່ວມ", "ທະນາຄານສົ່ງເສີມວິສາຫະກິດນ້ອຍ", "Company"),
        ("ທະນາຄານສົ່ງເສີມວິສາຫະກິດນ້ອຍ ແລະ ທະນາຄານຈຳປາໃໝ່ ມະຫາຊົນ ເຂົ້າຮ່ວມ", "ທະນາຄານຈຳປາໃໝ່ ມະຫາຊົນ", "Company"),
        (f"{FAIR} (Champa Tech Expo) ຈະຈັດຂຶ້ນ", FAIR, "Event"),
        (f"{FAIR} (Champa Tech Expo) ຈະຈັດຂຶ້ນ", "Champa Tech Expo", "Event"),  # the Latin name beside it
        ("ກອງປະຊຸມສຳມະນາກ່ຽວກັບຄວາມປອດໄພຂອງຫຸ່ນຍົນ ໄດ້ຈັດຂຶ້ນ", "ກອງປະຊຸມສຳມະນາກ່ຽວກັບຄວາມປອດໄພຂອງຫຸ່ນຍົນ", "Event"),
        ("ວັນນະວັດຕະກຳແຫ່ງຊາດ ໄດ້ຈັດຂຶ້ນ", "ວັນນະວັດຕະກຳແຫ່ງຊາດ", "Event"),
        (f"{PLAN} ໄດ້ຮັບການຮັບຮອງ", PLAN, "Program"),  # "ແຫ່ງຊາດ", "5 ປີ", the years after the name
        ("ດຳລັດວ່າດ້ວຍການຄຸ້ມຄອງຫຸ່ນຍົນ ເລກທີ 245/ກສນ, ລົງວັນທີ", "ດຳລັດວ່າດ້ວຍການຄຸ້ມຄອງຫຸ່ນຍົນ ເລກທີ 245/ກສນ", "Program"),
        ("ທີ່ໂຮງແຮມດາວຄຳພາເລດ ນະຄອນຫຼວງວຽງຈັນ", "ໂຮງແຮມດາວຄຳພາເລດ", "Place"),
        ("ລະບົບຊຳລະເງິນດ່ວນ (QuickPay Lao) ເປີດໃຫ້ບໍລິການ", "ລະບົບຊຳລະເງິນດ່ວນ", "Product"),
        ("ລະບົບຊຳລະເງິນດ່ວນ (QuickPay Lao) ເປີດໃຫ້ບໍລິການ", "QuickPay Lao", "Product"),
        ("ຜູ້ໃຊ້ແອັບ MekongPay ເພີ່ມຂຶ້ນ", "MekongPay", "Product"),
        ("ເອໄອທີ່ນິຍົມໃຊ້ເປັນຕົ້ນ ZetaChat, Orbix ແລະ Lumo ຊຶ່ງ", "ZetaChat", "Product"),  # "AI such as ..."
        ("ເອໄອທີ່ນິຍົມໃຊ້ເປັນຕົ້ນ ZetaChat, Orbix ແລະ Lumo ຊຶ່ງ", "Lumo", "Product"),  # the rest of the list
        ("ຜູ້ຊົມໃຊ້ເບີໂທລະສັບ Zapfone ສາມາດ", "Zapfone", "Product"),
        ("ທີ່ສຳນັກງານໃຫຍ່ ບໍລິສັດ ດາວເຫຼືອງ ເທັກ ຈຳກັດ ນະຄອນຫຼວງວຽງຈັນ", "ສຳນັກງານໃຫຍ່ ບໍລິສັດ ດາວເຫຼືອງ ເທັກ ຈຳກັດ", "Place"),
        ("ໄດ້ຮັບລາງວັນນະວັດຕະກຳຈຳປາ (Champa Innovation Award) ປີນີ້", "ລາງວັນນະວັດຕະກຳຈຳປາ", "Event"),
        ("ໂຄງການຫັນເປັນດີຈີຕອນແຫ່ງຊາດບັນລຸຜົນ", "ໂຄງການຫັນເປັນດີຈີຕອນແຫ່ງຊາດ", "Program"),  # "ຫັນເປັນ" inside, a verb after
        ("ແຜນພັດທະນາ 5 ປີ ຄັ້ງທີ IV (2026-2030) ຂອງຂະແໜງການ", "ແຜນພັດທະນາ 5 ປີ ຄັ້ງທີ IV (2026-2030)", "Program"),
        ("ວັນຫຸ່ນຍົນ ແລະ ປັນຍາປະດິດ ສາກົນ ຄົບຮອບ 12 ປີ ໄດ້ຈັດຂຶ້ນ", "ວັນຫຸ່ນຍົນ ແລະ ປັນຍາປະດິດ ສາກົນ ຄົບຮອບ 12 ປີ", "Event"),
        ("ເນື່ອງໃນໂອກາດວັນຫຸ່ນຍົນສາກົນ, ທ່ານ", "ວັນຫຸ່ນຍົນສາກົນ", "Event"),  # "on the occasion of" opens a day's name
        (
            "ກະຊວງການເງິນ ໄດ້ຈັດກອງປະຊຸມສຳມະນາຂຶ້ນ, ພາຍໃຕ້ຫົວຂໍ້ “ຫຸ່ນຍົນ ເພື່ອອະນາຄົດ”.",
            "ຫຸ່ນຍົນ ເພື່ອອະນາຄົດ",  # the theme in quotes names the seminar
            "Event",
        ),
    ],
)
def test_lao_headed_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "lo").get(name) == cls


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("ບໍລິສັດໄອທີ ແລະ ຫ້າງຮ້ານ ເຂົ້າຮ່ວມ", "ບໍລິສັດໄອທີ"),  # companies of a kind
        ("ວັນທີ 5 ມີນາ 2026", "ວັນທີ 5 ມີນາ 2026"),  # a date, not a named day
        ("ແຜນການ ຂອງພວກເຮົາ ແມ່ນດີ", "ແຜນການ ຂອງພວກເຮົາ"),  # a plan without a year or number
        ("ບັນດາຫົວໜ້າກົມກະຊວງ ເຂົ້າຮ່ວມ", "ກົມກະຊວງ"),  # "department heads of the ministry"
        ("ສະພາບຂອງການນຳໃຊ້ ແລະ ທິດທາງ", "ສະພາບຂອງການນຳໃຊ້"),  # "ສະພາບ" (situation) is no council
        ("ໄດ້ຮັບລາງວັນຫຼຽນຄຳ ແລະ ລາງວັນລະດັບສາກົນ", "ລາງວັນຫຼຽນຄຳ"),  # an award of a kind, no Latin name beside it
        ("ພິທີເປີດ ແລະ ພິທີລົງນາມດັ່ງກ່າວ", "ພິທີເປີດ"),  # ceremonies are read as references to the event
    ],
)
def test_lao_common_nouns_after_a_head_are_no_names(text: str, not_a_name: str) -> None:
    assert not_a_name not in mentions_of(text, "lo")


def test_lao_short_form_in_brackets_and_its_later_uses() -> None:
    found = mentions_of(f"{MINISTRY} (ກສນ) ໄດ້ຈັດກອງປະຊຸມ. ພະນັກງານ ກະຊວງ ກສນ ເຂົ້າຮ່ວມ, ກສນ ຍັງ", "lo")
    assert found[MINISTRY] == "Ministry" and found["ກສນ"] == "Ministry" and found["ກະຊວງ ກສນ"] == "Ministry"


def test_lao_vowel_am_in_both_spellings() -> None:
    """ຳ and its two-letter spelling ໍາ are one letter to the rules."""
    assert mentions_of("ທະນາຄານສົ່ງເສີມກະສິກໍາ ເຂົ້າຮ່ວມ", "lo").get("ທະນາຄານສົ່ງເສີມກະສິກໍາ") == "Company"


# --- relation triggers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (f"{MINISTRY} ໄດ້ຈັດ{FAIR} ທີ່ໂຮງແຮມດາວຄຳພາເລດ.", (FAIR, "organizer", MINISTRY)),
        (f"{MINISTRY} ໄດ້ຈັດ{FAIR} ທີ່ໂຮງແຮມດາວຄຳພາເລດ.", (FAIR, "location", "ໂຮງແຮມດາວຄຳພາເລດ")),
        (f"{SEMINAR} ຈັດໂດຍ {AGENCY}.", (SEMINAR, "organizer", AGENCY)),
        (f"{AGENCY} ໄດ້ຈັດ{SEMINAR} ໂດຍການສະໜັບສະໜູນຈາກ {BANK}.", (SEMINAR, "supporter", BANK)),
        (
            f"{SEMINAR} ໄດ້ຈັດຂຶ້ນ ໂດຍການເປັນປະທານຂອງ ທ່ານ ສົມພອນ ແກ້ວມະນີ ລັດຖະມົນຕີກະຊວງກະສິກຳ ແລະ ນະວັດຕະກຳ.",
            (SEMINAR, "chair", "ສົມພອນ ແກ້ວມະນີ"),
        ),
        (
            f"{SEMINAR} ໄດ້ຈັດຂຶ້ນ ໂດຍການເປັນປະທານຂອງ ທ່ານ ສົມພອນ ແກ້ວມະນີ ລັດຖະມົນຕີກະຊວງກະສິກຳ ແລະ ນະວັດຕະກຳ.",
            ("ສົມພອນ ແກ້ວມະນີ", "holdsPositionIn", MINISTRY),
        ),
        (
            f"{FAIR} ໄດ້ເປີດຂຶ້ນ ໂດຍການເຂົ້າຮ່ວມຂອງ ທ່ານນາງ ບົວສີ ພົມມະຈັກ ຮອງຜູ້ວ່າການ ທະນາຄານແຫ່ງ ສປປ ລາວ.",
            (FAIR, "participant", "ບົວສີ ພົມມະຈັກ"),
        ),
        (f"{SEMINAR} ໄດ້ຈັດຂຶ້ນ ເພື່ອແລກປ່ຽນກ່ຽວກັບປັນຍາປະດິດ.", (SEMINAR, "concerns", "artificial intelligence")),
        (
            f"{MINISTRY} ໄດ້ອອກດຳລັດວ່າດ້ວຍການຄຸ້ມຄອງຫຸ່ນຍົນ ເລກທີ 245/ກສນ.",
            ("ດຳລັດວ່າດ້ວຍການຄຸ້ມຄອງຫຸ່ນຍົນ ເລກທີ 245/ກສນ", "issuedBy", MINISTRY),
        ),
        (f"{MINISTRY} ຈັດຕັ້ງປະຕິບັດ{PLAN}.", (MINISTRY, "implements", PLAN)),
        (f"{FAIR} ເປັນສ່ວນໜຶ່ງຂອງ{PLAN}.", (FAIR, "partOf", PLAN)),
        (f"{COMPANY} ໄດ້ພັດທະນາແອັບ MekongPay.", ("MekongPay", "developedBy", COMPANY)),
        (f"{BANK} ແລະ {COMPANY} ໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ.", (COMPANY, "partner", BANK)),
        ("ລາວ ແລະ ຫວຽດນາມ ໄດ້ເພີ່ມທະວີການຮ່ວມມືດ້ານດິຈິຕອນ.", ("Laos", "cooperatesWith", "Vietnam")),
    ],
)
def test_lao_relation_triggers(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text, "lo")


def test_lao_signing_makes_an_agreement_with_both_parties() -> None:
    found = relations_of(f"{BANK} ແລະ {COMPANY} ໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈ ວ່າດ້ວຍການຊຳລະເງິນເອເລັກໂຕຣນິກ.", "lo")
    parties = {o for s, p, o in found if p == "party"}
    assert parties == {BANK, COMPANY}
    assert any(p == "concerns" and o == "e-payments" for s, p, o in found)


def test_lao_signatories_of_a_list_are_the_parties_of_one_agreement() -> None:
    text = f"{BANK}, ທະນາຄານສົ່ງເສີມວິສາຫະກິດນ້ອຍ ແລະ {COMPANY} ໄດ້ລົງນາມບົດບັນທຶກຄວາມເຂົ້າໃຈຮ່ວມກັນ."
    found = relations_of(text, "lo")
    assert {o for s, p, o in found if p == "party"} == {BANK, "ທະນາຄານສົ່ງເສີມວິສາຫະກິດນ້ອຍ", COMPANY}
    assert not [t for t in found if t[1] == "partner"]  # the parties of a list are not each other's partners
