"""Thai mention rules (kg/mentions/lang/th.py), third round: every name here is invented."""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of

NAMES = [
    # Latin-script names with Vietnamese diacritics, and courtesy titles before a Latin name
    ("ซึ่งมีนายกรัฐมนตรี Trần Văn Khởi เป็นประธาน", "Trần Văn Khởi", "Person"),
    ("ได้หารือร่วมกับ H.E. Mr.Kamsouk Vilaphanh รัฐมนตรีว่าการกระทรวงคลัง", "Kamsouk Vilaphanh", "Person"),
    # military ranks are honorifics, with or without a space
    ("พลอากาศเอก สมพงษ์ ทองแท้ รองนายกรัฐมนตรี ได้หารือ", "สมพงษ์ ทองแท้", "Person"),
    ("พล.ท.บุนมา แก้วสุวัน รองประธานสภาแห่งชาติ", "บุนมา แก้วสุวัน", "Person"),
    # a person named without honorific right before an office, a side note between
    ("สมหวัง ใจงาม(ซ้าย) ผู้อำนวยการใหญ่ บริษัทดาวเหนือ จำกัด ลงนาม", "สมหวัง ใจงาม", "Person"),
    # "และการ..." inside a department's name, "แห่งเอเชียและแปซิฟิก", "ว่าด้วย" inside a body's name
    ("นายสมปอง ฟ้าใส หัวหน้ากรมวางแผนและการลงทุน กระทรวงทดลอง", "กรมวางแผนและการลงทุน", "PublicBody"),
    ("ได้รับการสนับสนุนจากองค์การดาวเทียมแห่งเอเชียและแปซิฟิก (ADS) จะช่วย", "องค์การดาวเทียมแห่งเอเชียและแปซิฟิก", "PublicBody"),
    ("ในที่ประชุมคณะกรรมการแห่งชาติว่าด้วยการพัฒนาทางทะเล เมื่อวานนี้", "คณะกรรมการแห่งชาติว่าด้วยการพัฒนาทางทะเล", "PublicBody"),
    # a ministry whose fields are listed with spaces
    ("กระทรวงท่องเที่ยว กีฬา และการพักผ่อน สปป.ลาว ลงนาม", "กระทรวงท่องเที่ยว กีฬา และการพักผ่อน", "Ministry"),
    # a national plan numbered with its years in brackets
    (
        "ภายใต้แผนพัฒนาการประมงและป่าไม้แห่งชาติฉบับที่ 4 (2561 – 2565) ประเทศ",
        "แผนพัฒนาการประมงและป่าไม้แห่งชาติฉบับที่ 4 (2561 – 2565)",
        "Program",
    ),
    # an event's edition, a field list inside an event's name
    ("จากการประชุมรัฐมนตรีด้านประมงและป่าไม้ ครั้งที่ 7 เมื่อวันที่", "การประชุมรัฐมนตรีด้านประมงและป่าไม้ ครั้งที่ 7", "Event"),
    ("ในการประชุมครั้งที่ 3 ของคณะกรรมการแห่งชาติว่าด้วยการประมง เมื่อวาน", "การประชุมครั้งที่ 3 ของคณะกรรมการแห่งชาติว่าด้วยการประมง", "Event"),
    ("เปิดงาน การประชุม ZENFORUM 2031 ที่กรุงเทพฯ", "การประชุม ZENFORUM 2031", "Event"),
    # a company head word, a space, then its Latin name; a transliterated "Inc."
    ("นายสมชาย ดีมาก รองประธานอาวุโสกลุ่มบริษัท QRX ซึ่งเป็นภาคเอกชน", "กลุ่มบริษัท QRX", "Company"),
    ("บริษัท ซันฟลาวเวอร์ อิงค์ กำลังพิจารณาจะสร้าง", "บริษัท ซันฟลาวเวอร์ อิงค์", "Company"),
    # a registered company whose name holds a word that is a verb elsewhere ("จะ")
    (
        "บริษัทพงจะเลินไซ เซ็นสัญญากับกระทรวง ในวันนี้ โดยมีผู้แทน ในนามบริษัทพงจะเลินไซ จำกัด",
        "บริษัทพงจะเลินไซ",
        "Company",
    ),
    # a hotel's name with its spaces
    ("ที่โรงแรมริมฝั่ง แม่ปิง ริเวอร์ไซด์ นครเชียงใหม่", "โรงแรมริมฝั่ง แม่ปิง ริเวอร์ไซด์", "Place"),
    # Latin names listed with a typed one are of its kind
    ("ตามการคาดการณ์ของ Zorblat, Quexon และ Mirren & Company (2023)", "Quexon", "Company"),
    # a Latin alias after a quoted event name and หรือ; the quoted name itself, opened by a head word
    ("“งานมหกรรมเกษตรก้าวหน้า” หรือ AGRIFEST Laos 2030 ได้มีขึ้น", "AGRIFEST Laos 2030", "Event"),
    ("(ข่าว) – “งานมหกรรมเกษตรที่ก้าวหน้าในลาว” หรือ AGRIFEST ได้มีขึ้น", "งานมหกรรมเกษตรที่ก้าวหน้าในลาว", "Event"),
    (
        "อนุมัติใน “โครงการสร้างระบบนิเวศของ Startup แห่งชาติในปี ค.ศ.2031″ เพื่อ",
        "โครงการสร้างระบบนิเวศของ Startup แห่งชาติในปี ค.ศ.2031",
        "Program",
    ),
    # a Latin name with "and" and apostrophes inside
    (
        "(Island Finance Ministers’ and Harbour Governors’ Meeting) ครั้งที่ 4",
        "Island Finance Ministers’ and Harbour Governors’ Meeting",
        "Event",
    ),
    # "พาณิชย์" after "ธนาคาร" is a kind of bank (commercial), after "กระทรวง" a ministry's name (commerce)
    ("จากการคาดการณ์ของกระทรวงพาณิชย์ดาวอังคาร ปี 2566 อุตสาหกรรม", "กระทรวงพาณิชย์ดาวอังคาร", "Ministry"),
    # a meeting's name after a space, with its year or edition
    ("ได้เข้าร่วม การประชุม\nทบทวนผลงานประจำปี 2563 ของกระทรวงทดลอง", "การประชุม\nทบทวนผลงานประจำปี 2563", "Event"),
    # newspapers and news agencies, a one-word (Vietnamese) name between an office and a verb
    ("ให้สัมภาษณ์กับหนังสือพิมพ์ดาวเหนือไทมส์ว่า โครงการนี้", "หนังสือพิมพ์ดาวเหนือไทมส์", "Company"),
    ("รองนายกรัฐมนตรี หวูวันมิญ เข้าร่วมพิธีเปิดงาน", "หวูวันมิญ", "Person"),
]


@pytest.mark.parametrize(("text", "name", "cls"), NAMES)
def test_thai_third_round_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "th").get(name) == cls


NOT_NAMES = [
    # a verb or an adverb right after a body's name ends it
    ("กระทรวงทดลองของเวียดนามระบุว่า ประเทศไต่อันดับ", "กระทรวงทดลองของเวียดนามระบุ"),
    ("รัฐบาลลาวคาดว่าความร่วมมือ", "รัฐบาลลาวคาด"),
    ("ครบทุกธนาคารในอนาคต", "ธนาคารในอนาคต"),
    # a kind of company or meeting, not a name
    ("จัดตั้งบริษัทร่วมทุนระหว่างภาครัฐ", "บริษัทร่วมทุนระหว่างภาครัฐ"),
    ("ผ่านระบบการประชุมทางไกล ซึ่ง", "การประชุมทางไกล"),
    # "สภาพ" (condition) is not a council; e-government is no government
    ("เพื่อสร้างสภาพแวดล้อมที่ดี และ", "สภาพแวดล้อมที่ดี"),
    ("รมว.คลัง และผู้ว่าการธนาคารอาเซียน (ASEAN Finance Ministers)", "ธนาคารอาเซียน"),
    ("การจัดอันดับรัฐบาลอิเล็กทรอนิกส์ระดับโลกของสหประชาชาติ", "รัฐบาลอิเล็กทรอนิกส์ระดับโลกของสหประชาชาติ"),
    # a person after an event's head word is no event; no name inside a web address
    ("ในระหว่างการประชุม Somsak Phanlavong ได้เน้นย้ำ", "การประชุม Somsak Phanlavong"),
    ("# source: https://example.org/ข่าว/การประชุมทดลอง-ครั้งที่-2-\n\nข่าว", "การประชุมทดลอง-ครั้งที่-2-"),
    # a meeting's edition or date alone is no name
    ("ในการประชุม ครั้งที่ 2 จะมีการหารือ", "การประชุม ครั้งที่ 2"),
    ("การประชุม วันที่ 5 มกราคม 2568", "การประชุม วันที่ 5"),
    # a phrase before an office is no person
    ("ผู้ร่วมในพิธี ประกอบด้วย รองประธานสภา", "ผู้ร่วมในพิธี ประกอบด้วย"),
    # a ministry's name that has its "and" does not run on into the next person
    ("กระทรวงทดลองและการค้า และนายสมปอง ฟ้าใส", "กระทรวงทดลองและการค้า และนายก้อง"),
]


@pytest.mark.parametrize(("text", "name"), NOT_NAMES)
def test_thai_third_round_not_names(text: str, name: str) -> None:
    assert name not in mentions_of(text, "th")


OFFICES = [
    # the last office of a list names the organisation that follows
    (
        "นายสมปอง ฟ้าใส รองนายกรัฐมนตรี/รัฐมนตรีกระทรวงการประมง สปป. ลาว ได้เข้าร่วมการประชุม",
        ("สมปอง ฟ้าใส", "holdsPositionIn", "กระทรวงการประมง"),
    ),
    (
        "นายสมปอง ฟ้าใส รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการประมง เปิดเผยว่า",
        ("สมปอง ฟ้าใส", "holdsPositionIn", "กระทรวงการประมง"),
    ),
    # a body named before the person does not take the office written after the name
    (
        "สำนักงานทดลองกลาง เปิดเผยว่า นายสมปอง ฟ้าใส รัฐมนตรีว่าการกระทรวงการประมง ได้ลงพื้นที่",
        ("สมปอง ฟ้าใส", "holdsPositionIn", "กระทรวงการประมง"),
    ),
    # the office written after the name, its body right after the office
    (
        "นายเพชร ศรีงาม หัวหน้ากรมวางแผนและการลงทุน กระทรวงทดลอง ร่วมลงนาม",
        ("เพชร ศรีงาม", "holdsPositionIn", "กรมวางแผนและการลงทุน"),
    ),
]


@pytest.mark.parametrize(("text", "triple"), OFFICES)
def test_thai_offices_after_the_name(text: str, triple: tuple[str, str, str]) -> None:
    labels = {(s.casefold(), p, o.casefold()) for s, p, o in relations_of(text, "th")}
    assert tuple(x.casefold() if i != 1 else x for i, x in enumerate(triple)) in labels


AGREEMENTS = [
    # "จับมือ ... ลงนาม": the two bodies that join hands sign; "เซ็นสัญญากับ"; "บรรลุข้อตกลง" after "A และ B"
    "กระทรวงทดลองฯ จับมือ กระทรวงการประมง สปป.ลาว ลงนามในบันทึกความเข้าใจว่าด้วยความร่วมมือ",
    "ธนาคารแห่งเกาะสมุย และ ธนาคารแห่งเกาะช้าง ได้บรรลุข้อตกลงในการใช้จ่ายร่วมกัน",
]


def test_thai_agreement_of_two_bodies_joined_before_the_verb() -> None:
    """ "A และ B ได้บรรลุข้อตกลง ... ตามมติของ C": A and B are the parties, not B and the body named later."""
    text = "ธนาคารแห่งเกาะสมุย และ ธนาคารแห่งเกาะช้าง ได้บรรลุข้อตกลงในการใช้จ่ายร่วมกัน ตามมติของสำนักงานทดลองกลาง"
    parties = {o for _, p, o in relations_of(text, "th") if p == "party"}
    assert parties == {"ธนาคารแห่งเกาะสมุย", "ธนาคารแห่งเกาะช้าง"}


@pytest.mark.parametrize("text", AGREEMENTS)
def test_thai_agreements(text: str) -> None:
    assert sum(p == "party" for _, p, _ in relations_of(text, "th")) == 2


def test_thai_office_list_does_not_serve_the_government() -> None:
    found = relations_of("นายสมปอง ฟ้าใส รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการประมง เปิดเผยว่า", "th")
    assert not any(p == "holdsPositionIn" and "รัฐบาล" in o for _, p, o in found)
