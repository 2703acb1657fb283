"""Vietnamese mention rules, one table of cases per rule (all names here are invented)."""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of

from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article


def _mentions(text: str) -> list:
    (analysis,) = analyze([Article("t", text, "vi")])
    return find_mentions(analysis)


# --- programs named by a capitalised name, without years ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Bộ đã ban hành Chiến lược Năng lượng số và Xã hội số; các địa phương triển khai.",
            "Chiến lược Năng lượng số và Xã hội số",
        ),
        ("Tỉnh sẽ triển khai Chương trình Nông thôn số quốc gia trong năm tới.", "Chương trình Nông thôn số quốc gia"),
        ("Ngoài ra, Chiến lược Chính phủ số cũng được cập nhật.", "Chiến lược Chính phủ số"),
        ("Họ đã thông qua Đề án Hạ tầng số Miền Tây.", "Đề án Hạ tầng số Miền Tây"),
    ],
)
def test_program_with_a_capitalised_name(text: str, name: str) -> None:
    assert mentions_of(text, "vi").get(name) == "Program"


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch này sẽ sớm trở thành hiện thực.",  # a plan referred to, no name
        "Chương trình Nguyễn Văn Tâm phát biểu.",  # a person after the head word
    ],
)
def test_program_head_without_a_name(text: str) -> None:
    assert "Program" not in mentions_of(text, "vi").values()


# --- event names: split stop words, deictic tails, topic lists, the edition after an acronym --------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # pyvi splits "diễn ra" into two tokens: the name still ends there
        ("Diễn đàn Kinh tế mùa Xuân 2031 diễn ra ngày 5/3 tại Hà Nội.", "Diễn đàn Kinh tế mùa Xuân 2031"),
        # "năm nay" (this year's) is no part of the name
        ("Ông giới thiệu về Diễn đàn Kinh tế mùa đông năm nay, nêu rõ mục tiêu.", "Diễn đàn Kinh tế mùa đông"),
        # a list of topics after "về", with commas, up to the "và" that joins the last one
        (
            "Sáng 3/2, Ban Tổ chức mở Hội nghị toàn quốc về nông nghiệp số, thương mại số, du lịch số và dịch vụ số.",
            "Hội nghị toàn quốc về nông nghiệp số, thương mại số, du lịch số và dịch vụ số",
        ),
        # the edition after the event's acronym in brackets
        (
            "Hôm qua, Hội nghị Bộ trưởng Năng lượng Mekong (MEMM) lần thứ 4 khai mạc.",
            "Hội nghị Bộ trưởng Năng lượng Mekong (MEMM) lần thứ 4",
        ),
        ("Giải thưởng Sao Mai Số được trao cho ba doanh nghiệp.", "Giải thưởng Sao Mai Số"),
        # "ở" (at) ends the name before its venue
        ("Khách tham quan Hội chợ Thương mại Mekong 2031 ở Thủ đô Viêng Chăn hồi tháng trước.", "Hội chợ Thương mại Mekong 2031"),
        ("Chiều 2/4, hai bên tổ chức Khóa họp song phương lần thứ ba.", "Khóa họp song phương lần thứ ba"),
    ],
)
def test_event_name(text: str, name: str) -> None:
    assert mentions_of(text, "vi").get(name) == "Event"


@pytest.mark.parametrize(
    "text",
    [
        "Phát biểu tại Hội nghị năm nay, ông cho biết nhiều điều.",
        "Hội thảo về nông nghiệp số, nhiều doanh nghiệp đã tham dự.",  # a comma, then a clause: not a topic list
    ],
)
def test_event_name_stops(text: str) -> None:
    names = [name for name, cls in mentions_of(text, "vi").items() if cls == "Event"]
    assert all("năm nay" not in n and "doanh nghiệp" not in n for n in names)


def test_event_anaphor_after_a_head_with_a_deictic_word() -> None:
    refs = [m for m in _mentions("Phát biểu tại Hội nghị năm nay, ông cho biết.") if m.cls == "Ref"]
    assert any(m.attrs.get("ref") == "Event" and m.text == "Hội nghị" for m in refs)


# --- organisation names: '&', split syllables, a comma inside, 'liên', line breaks, 'và' -------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Hôm qua, Bộ TC&NH công bố số liệu.", "Bộ TC&NH", "Ministry"),
        ("Hôm nay, Công ty Chuyển mạch Phương Nam (CMPN) hoàn thành kết nối.", "Công ty Chuyển mạch Phương Nam", "Company"),
        (
            "Chiều 5/6, Tập đoàn Cơ khí, Điện lực Miền Trung Voltra thông báo khởi công.",
            "Tập đoàn Cơ khí, Điện lực Miền Trung Voltra",
            "Company",
        ),
        ("Các cơ chế như Ủy ban liên Chính phủ Việt Nam-Lào đã có kết quả.", "Ủy ban liên Chính phủ Việt Nam-Lào", "PublicBody"),
        ("Sinh viên học tại Học viện Kỹ thuật bưu chính viễn thông.", "Học viện Kỹ thuật bưu chính viễn thông", "PublicBody"),
        ("Khách tham quan Khu Công nghệ cao Tây Ninh.", "Khu Công nghệ cao Tây Ninh", "Place"),
        ("Trung tâm Dữ liệu Bình Minh được xây dựng trên 2 ha.", "Trung tâm Dữ liệu Bình Minh", "Place"),
        # a national centre is a state body
        (
            "Trung tâm Giám sát an ninh không gian mạng quốc gia cảnh báo sớm.",
            "Trung tâm Giám sát an ninh không gian mạng quốc gia",
            "PublicBody",
        ),
    ],
)
def test_organisation_name(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        # a name ends with its line
        ("Bộ trưởng Trần Văn Hải gặp Bộ Năng lượng Lào\n\nNgày 01/9, hai bên trao đổi.", "Bộ Năng lượng Lào\n\nNgày 01"),
        # "và" after a run of lower-case words starts another thing
        (
            "Ông giới thiệu Trung tâm Giám sát an toàn mạng quốc gia và Trợ lý ảo của Bộ.",
            "Trung tâm Giám sát an toàn mạng quốc gia và Trợ lý",
        ),
        # a comma before another body is a list, not one name
        ("Đại diện Tập đoàn Hoa Sen, Bộ Tài chính đã dự.", "Tập đoàn Hoa Sen, Bộ Tài chính"),
        ("Bộ trưởng Bộ TT&TT cấp 2 học bổng.", "Bộ TT&TT cấp 2"),
        # "và" before a country: the two countries' banks, not one name
        ("Ngân hàng Nhà nước Việt Nam và Lào vừa trao đổi chuyên môn.", "Ngân hàng Nhà nước Việt Nam và Lào"),
    ],
)
def test_organisation_name_stops(text: str, not_name: str) -> None:
    assert not_name not in mentions_of(text, "vi")


# --- Latin-script names: banks, QR products, branches, English phrases -------------------------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Khách hàng của ZetaBank và Orabank có thể quét mã.", "ZetaBank", "Company"),
        ("Du khách quét mã LumaQR tại cửa hàng.", "LumaQR", "Product"),
        ("Mạng lưới chấp nhận thanh toán ZEQRPay mở rộng.", "ZEQRPay", "Product"),
        ("Một số ngân hàng như Korabank chi nhánh Campuchia đã có mặt.", "Korabank chi nhánh Campuchia", "Company"),
        ("Ngân hàng như XB Bank Chi nhánh Lào đã có mặt.", "XB Bank Chi nhánh Lào", "Company"),
    ],
)
def test_latin_name_class(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a head word's initials and a country: that country's body
        ("Qua ứng dụng Zeta của NHQG Campuchia, khách hàng có thể thanh toán.", "NHQG Campuchia", "PublicBody"),
        ("Hôm qua, đại diện NHNN Lào tham dự hội thảo.", "NHNN Lào", "PublicBody"),
    ],
)
def test_head_acronym_and_country(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("Có 5 ngân hàng Lào tham gia gồm: KXB, LMB, PTB và ZZB.", "LMB", "Company"),
        ("Khách hàng của các ngân hàng thương mại gồm: Orabank, Kelvo và Nam Xa Bank có thể quét mã.", "Kelvo", "Company"),
        # no list of banks before it: no class
        ("Giao dịch được thực hiện bằng đồng bản tệ của hai nước (LAK/VND).", "LAK", None),
    ],
)
def test_names_in_a_list_of_banks(text: str, name: str, cls: str | None) -> None:
    assert mentions_of(text, "vi").get(name) in ({cls} if cls else {None, "Name"})


def test_english_phrase_is_no_name() -> None:
    assert "Made" not in mentions_of("Sản phẩm công nghệ cao Made in Vietnam sẽ ra đời.", "vi")


# --- a Latin-script short name in brackets after a body's name -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "Công ty Sao Băng Telecom (Vinatel) là nhà mạng lớn. Vinatel có 2 triệu thuê bao.",
            "Công ty Sao Băng Telecom",
            "Vinatel",
        ),
        ("Hội nghị Bộ trưởng số Mekong lần thứ 3 (MDMM 3) diễn ra hôm qua.", "Hội nghị Bộ trưởng số Mekong lần thứ 3", "MDMM 3"),
    ],
)
def test_short_name_in_brackets(text: str, name: str, short: str) -> None:
    found = {m.text: m for m in _mentions(text)}
    assert found[name].attrs.get("acronym") == short


# --- academic honorifics and offices -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Giáo sư-Viện sỹ Châu Thanh Bình, Chủ tịch Viện, cho biết.", "Châu Thanh Bình"),
        ("PGS.TS Lò Văn Khải trình bày báo cáo.", "Lò Văn Khải"),
        ("Tiến sĩ Mai Anh Tuấn phát biểu.", "Mai Anh Tuấn"),
        ("Cùng dự có ông Ravi Menon Kapoor, Tổng Thư ký Hiệp hội.", "Ravi Menon Kapoor"),
    ],
)
def test_person_after_honorific(text: str, name: str) -> None:
    assert mentions_of(text, "vi").get(name) == "Person"


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("Cùng dự có ông Ravi Menon Kapoor, Tổng Thư ký Hiệp hội Dừa châu Á.", "Ravi Menon Kapoor", "Tổng Thư ký"),
        ("Cùng dự có bà Ana Lima Costa, Phó Tổng Thư ký, Đặc phái viên.", "Ana Lima Costa", "Phó Tổng Thư ký"),
    ],
)
def test_office_after_a_name(text: str, person: str, title: str) -> None:
    found = {m.text: m for m in _mentions(text)}
    assert found[person].attrs.get("title") == title


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # the body named at the end of the office phrase, after "của" or an office
        (
            "Cùng dự có ông Ravi Kapoor, Tổng Thư ký Hiệp hội Dừa; bà Ana Lima Costa, Phó Tổng Thư ký, Đặc phái viên của"
            " Tổng Thư ký Liên Hợp Quốc; các đại sứ.",
            "Ana Lima Costa",
            "Liên Hợp Quốc",
        ),
        # one word: no reading of it (the nearest body is taken)
        ("Cùng dự có ông Ravi Kapoor, Tổng Thư ký ASEAN; các đại sứ.", "Ravi Kapoor", None),
        # a name with a head word is a body of its own
        ("Cùng dự có ông Ravi Kapoor, Tổng Thư ký Hiệp hội Dừa Mekong; các đại sứ.", "Ravi Kapoor", None),
    ],
)
def test_office_organisation_after_a_name(text: str, person: str, org: str | None) -> None:
    found = {m.text: m for m in _mentions(text)}
    assert found[person].attrs.get("title_org") == org


# --- an unqualified head-of-government office before a Vietnamese name is Vietnam's -------------------


@pytest.mark.parametrize(
    ("text", "person", "government"),
    [
        ("Phó Thủ tướng Chính phủ Đỗ Minh Khang đã tiếp đoàn.", "Đỗ Minh Khang", "Government of Vietnam"),
        ("Thủ tướng Phan Văn Lộc chia sẻ kinh nghiệm của Việt Nam với Lào, Campuchia.", "Phan Văn Lộc", "Government of Vietnam"),
        # a foreign head of government is named with the country: no home government
        ("Thủ tướng Lào Somphet Keola đã tiếp đoàn.", "Somphet Keola", None),
        # a Vietnamese name after a country: that country's office
        ("Thủ tướng Campuchia Trần Văn Hai đã tiếp đoàn.", "Trần Văn Hai", None),
    ],
)
def test_home_government(text: str, person: str, government: str | None) -> None:
    found = {m.text: m for m in _mentions(text)}
    assert found[person].attrs.get("title_org") == government


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # the sentence names only a foreign country: still Vietnam's prime minister
        ("Thủ tướng Phan Văn Lộc hội đàm trực tuyến với Lào.", ("Phan Văn Lộc", "holdsPositionIn", "Government of Vietnam")),
        (
            "Phó Thủ tướng Chính phủ Đỗ Minh Khang đã tiếp đoàn Campuchia.",
            ("Đỗ Minh Khang", "holdsPositionIn", "Government of Vietnam"),
        ),
    ],
)
def test_home_government_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text, "vi")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # "Chính phủ" alone is Vietnam's government in the Vietnamese press
        ("Sự kiện được phối hợp tổ chức giữa Thành phố, Chính phủ và các đối tác quốc tế.", "government/vietnam"),
        # "Chính phủ hai nước": the two countries' governments, no one of them
        ("Những định hướng mà Đảng, Chính phủ hai nước đã giao phó.", None),
    ],
)
def test_bare_government(text: str, key: str | None) -> None:
    found = [m for m in _mentions(text) if m.text == "Chính phủ" and m.cls == "Government"]
    assert (found[0].key if found else None) == key


# --- relation triggers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "triple", "present"),
    [
        # leading a delegation is not chairing the meeting
        (
            "Trong khuôn khổ Hội nghị Bộ trưởng số Mekong lần thứ 3, Bộ trưởng Trần Văn Hải đã tiếp"
            " Đoàn đại biểu do ông Somphet Keola dẫn đầu.",
            ("Hội nghị Bộ trưởng số Mekong lần thứ 3", "chair", "Somphet Keola"),
            False,
        ),
        # speaking of an organisation does not make it a participant
        (
            "Phát biểu tại Hội nghị Bộ trưởng số Mekong lần thứ 3, ông Trần Văn Hải nói về hợp tác với Hiệp hội Dừa Mekong.",
            ("Hội nghị Bộ trưởng số Mekong lần thứ 3", "participant", "Hiệp hội Dừa Mekong"),
            False,
        ),
        # "kết quả thực hiện chủ trương": reporting on results is not implementing the resolution named
        (
            "Ông Hà Văn Tuấn, Phó Trưởng Ban Kinh tế Miền Núi trình bày kết quả thực hiện chủ trương của Nghị quyết số 88-NQ/TW.",
            ("Ban Kinh tế Miền Núi", "implements", "Nghị quyết số 88-NQ/TW"),
            False,
        ),
        # "A và B hoàn thành kết nối": two companies connect their systems
        (
            "Công ty Thanh toán Sao Bắc (SBP) và Công ty Chuyển mạch Đông Nam (DNS) hoàn thành kết nối thanh toán.",
            ("Công ty Thanh toán Sao Bắc", "partner", "Công ty Chuyển mạch Đông Nam"),
            True,
        ),
        # bilateral trade between two countries
        (
            "Dự án giúp thúc đẩy thương mại song phương giữa Việt Nam và Campuchia.",
            ("Vietnam", "cooperatesWith", "Cambodia"),
            True,
        ),
        # two organisers joined by "và"
        (
            "Chiều 1/10, Viện Nông nghiệp Số (VNS) và Bộ Năng lượng Lào đã tổ chức Khóa họp song phương lần thứ ba.",
            ("Khóa họp song phương lần thứ ba", "organizer", "Bộ Năng lượng Lào"),
            True,
        ),
        # the country that places a city is no party to the cooperation
        (
            "Trong cuộc gặp tại Kuala Lumpur, Malaysia, Thủ tướng Lào và Thủ tướng Campuchia nhất trí tăng cường hợp tác.",
            ("Malaysia", "cooperatesWith", "Laos"),
            False,
        ),
        (
            "Trong cuộc gặp tại Kuala Lumpur, Malaysia, Thủ tướng Lào và Thủ tướng Campuchia nhất trí tăng cường hợp tác.",
            ("Laos", "cooperatesWith", "Cambodia"),
            True,
        ),
        # "đến dự": came to attend
        (
            "Thủ tướng Phan Văn Lộc đến dự Hội nghị Bộ trưởng số Mekong lần thứ 3.",
            ("Hội nghị Bộ trưởng số Mekong lần thứ 3", "participant", "Phan Văn Lộc"),
            True,
        ),
    ],
)
def test_relation_triggers(text: str, triple: tuple[str, str, str], present: bool) -> None:
    found = relations_of(text, "vi")
    s, p, o = triple
    symmetric = p in {"partner", "cooperatesWith"}
    assert (triple in found or (symmetric and (o, p, s) in found)) is present
