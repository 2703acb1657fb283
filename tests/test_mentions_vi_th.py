"""Vietnamese and Thai mention rules on names no list contains (all names here are invented)."""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article

# --- Vietnamese ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # "ông"/"bà"/"Ngài" before a name, whatever the family name
        ("Phát biểu tại buổi lễ, ông Hoàng Văn Toản cho biết kết quả khả quan.", "Hoàng Văn Toản", "Person"),
        ("Bà Keo Sothea, Thống đốc ngân hàng, cho biết.", "Keo Sothea", "Person"),
        ("Ông Đặng Quang Vĩnh, Giám đốc công ty, cho biết.", "Đặng Quang Vĩnh", "Person"),
        # a foreign name after the office's organisation and its country
        (
            "Hội nghị có sự tham dự của Bộ trưởng Bộ Thương mại và Du lịch Campuchia Sok Pheakdey và nhiều khách mời.",
            "Sok Pheakdey",
            "Person",
        ),
        (
            "Hội nghị có sự tham dự của Bộ trưởng Bộ Thương mại và Du lịch Campuchia Sok Pheakdey và nhiều khách mời.",
            "Bộ Thương mại và Du lịch Campuchia",
            "Ministry",
        ),
        # a name after an acronym, whatever the family name; pyvi joining the last syllable with a verb
        ("Hôm qua, Phó Thống đốc NHTW Đoàn Văn Kiên chủ trì cuộc họp.", "Đoàn Văn Kiên", "Person"),
        ("Hôm qua, Phó Thủ tướng Lê Thành Long dự và phát biểu.", "Lê Thành Long", "Person"),
        # an envoy's two countries stand between the office and the name
        ("Buổi lễ có Đại sứ Việt Nam tại Campuchia Nguyễn Văn Đông tham dự.", "Nguyễn Văn Đông", "Person"),
        # a capitalised word opening a sentence does not swallow the office after it
        ("Theo Bộ trưởng Bộ Kinh tế và Tài chính Campuchia Aun Pornsarak, chính sách mới.", "Aun Pornsarak", "Person"),
        # the lower-case words of an organisation's name
        ("Đại diện Cục Chuyển đổi số quốc gia đã phát biểu.", "Cục Chuyển đổi số quốc gia", "PublicBody"),
        ("Trung tâm Đổi mới sáng tạo Miền Trung công bố báo cáo.", "Trung tâm Đổi mới sáng tạo Miền Trung", "Organization"),
        ("Hôm qua, Ủy ban nhân dân tỉnh Quảng Bình đã làm việc.", "Ủy ban nhân dân tỉnh Quảng Bình", "PublicBody"),
        # two organisations joined by "và"; a country after "của" is not part of the name
        (
            "Hôm qua, Tập đoàn Công nghệ Sao Bắc và Tổng Công ty Viễn thông Đông Hải ký kết hợp tác.",
            "Tổng Công ty Viễn thông Đông Hải",
            "Company",
        ),
        (
            "Trước đó, Công ty TNHH Thanh toán Xanh Lục của Việt Nam đã hợp tác với đối tác.",
            "Công ty TNHH Thanh toán Xanh Lục",
            "Company",
        ),
        # events: a title in quotes after the head word, a pair of countries, an acronym in brackets
        (
            'Hôm qua, Bộ Tài chính tổ chức Hội thảo "Phát triển thị trường tín dụng xanh".',
            'Hội thảo "Phát triển thị trường tín dụng xanh"',
            "Event",
        ),
        (
            "Sắp tới, Diễn đàn Kinh tế số Việt Nam - Myanmar 2026 sẽ diễn ra.",
            "Diễn đàn Kinh tế số Việt Nam - Myanmar 2026",
            "Event",
        ),
        ("Sắp tới, Hội nghị Bộ trưởng Năng lượng Mê Kông (MEMM) sẽ diễn ra.", "MEMM", "Event"),
        # products named after what they are
        ("Ngân hàng giới thiệu ứng dụng ZenBank Go dành cho sinh viên.", "ZenBank Go", "Product"),
        ("Công ty ra mắt nền tảng điện toán đám mây Lotus Cloud tại Hà Nội.", "Lotus Cloud", "Product"),
        ("Công ty giới thiệu sản phẩm robot giao hàng tự hành XR-Go hôm qua.", "XR-Go", "Product"),
        # a national bank is the central bank, not a company
        ("Ngân hàng Quốc gia Timor-Leste công bố lãi suất mới.", "Ngân hàng Quốc gia Timor-Leste", "PublicBody"),
        # places: a conference centre, a high-tech park
        ("Sự kiện diễn ra tại Trung tâm Hội nghị Ngọc Lan ở Đà Nẵng.", "Trung tâm Hội nghị Ngọc Lan", "Place"),
        # plans with "và" between lower-case words
        (
            "Chính phủ vừa thông qua Khung chính sách kinh tế và xã hội số giai đoạn 2024-2034 của nước này.",
            "Khung chính sách kinh tế và xã hội số giai đoạn 2024-2034",
            "Program",
        ),
    ],
)
def test_vietnamese_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title, a heading line and the body are different lines: no name runs across them
        ("Tập đoàn Sao Bắc mở rộng ra Campuchia\n\nNgày 5/6, tập đoàn công bố kế hoạch.", "Campuchia\n\nNgày 5"),
        # an office with no name after it; an acronym after an office is not a person
        ("Ông Trần Văn Bình, Chủ tịch Hội đồng quản trị Tập đoàn Sao Bắc, cho biết.", "Tập"),
        ("Bà Lê Thị Mai, Phó Tổng Giám đốc KBX, cho biết.", "KBX"),
        # the parent in brackets is no short form of the name before it
        ("Đại diện NHTW và Cục Thanh toán (NHTW) tham dự.", "NHTW"),
        # a product word followed by a clause is no product's name
        ("Sản phẩm đã được thử nghiệm tại Khu Lạc Hồng.", "Khu Lạc Hồng"),
    ],
)
def test_vietnamese_not_names(text: str, name: str) -> None:
    found = mentions_of(text, "vi")
    assert found.get(name) not in {"Person", "Product", "Company", "PublicBody"}


# --- Thai ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a registered company's name, spaces and all
        ("ในโอกาสนี้ บริษัท สุวรรณภูมิ ดาต้า จำกัด (มหาชน) ได้ลงนามข้อตกลง", "บริษัท สุวรรณภูมิ ดาต้า จำกัด (มหาชน)", "Company"),
        ("นายสมศักดิ์ ใจงาม ผู้ก่อตั้ง บริษัท ปลาทอง เพย์ จำกัด กล่าวว่า", "บริษัท ปลาทอง เพย์ จำกัด", "Company"),
        # its short form in brackets or after "หรือ"
        ("บริษัท ฟ้าใส เน็ตเวิร์ค จำกัด (มหาชน) หรือ FSN ได้ลงนาม", "FSN", "Company"),
        ("สำนักงานส่งเสริมนวัตกรรมชนบท (RIPO) ได้ลงนาม", "RIPO", "PublicBody"),
        # an official name ending with แห่งชาติ keeps its "และ" and "เพื่อ"
        (
            "สำนักงานส่งเสริมเกษตรและอาหารเพื่อชุมชนแห่งชาติ ได้ลงนาม",
            "สำนักงานส่งเสริมเกษตรและอาหารเพื่อชุมชนแห่งชาติ",
            "PublicBody",
        ),
        # a plan's year range, its phase and Buddhist-era years; "เพื่อการ" inside it
        ("รัฐบาลดำเนินการตามแผนพัฒนาดิจิทัลชนบท 2567-2570 อย่างต่อเนื่อง", "แผนพัฒนาดิจิทัลชนบท 2567-2570", "Program"),
        (
            "ครม. อนุมัติแผนปฏิบัติการด้านข้อมูลเพื่อการเกษตร ระยะที่ 3 (พ.ศ. 2569-2571) แล้ว",
            "แผนปฏิบัติการด้านข้อมูลเพื่อการเกษตร ระยะที่ 3 (พ.ศ. 2569-2571)",
            "Program",
        ),
        # a headline's verb ends the name before it
        ("ธนาคารทองคำเปิดตัวแอปใหม่", "ธนาคารทองคำ", "Company"),
        # products named after what they are
        ("ธนาคารได้พัฒนาแอปพลิเคชัน Kinnaree Pay เพื่อรองรับ", "Kinnaree Pay", "Product"),
        # a three-part name before the office
        ("นายเจิ่น ก๊วก เฟือง รัฐมนตรีว่าการกระทรวงการคลังเวียดนาม กล่าวว่า", "เจิ่น ก๊วก เฟือง", "Person"),
        # venues and embassies
        ("งานจัดขึ้น ณ ศูนย์การประชุมนานาชาติเชียงราย ในเดือนหน้า", "ศูนย์การประชุมนานาชาติเชียงราย", "Place"),
        ("งานนี้จัดโดยสถานเอกอัครราชทูตลาว ณ กรุงเทพฯ", "สถานเอกอัครราชทูตลาว", "PublicBody"),
    ],
)
def test_thai_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "th").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("นายสมชาย กล่าวว่า โครงการจะแล้วเสร็จ", "สมชาย กล่าวว่า"),  # a given name, then the verb
        ("บริษัทมีแผนลงทุนสร้างโรงงานในจังหวัดลำปาง", "บริษัทมีแผนลงทุนสร้างโรงงานในจังหวัดลำปาง"),
        ("ร่วมกับธนาคารพาณิชย์ 3 แห่ง ได้แก่", "ธนาคารพาณิชย์"),  # commercial banks: a common noun
        ("การประชุมครั้งนี้มีผู้เข้าร่วม 300 คน", "การประชุมครั้ง"),
        ("สมาคม ฯ ประกาศเปิดตัวโครงการทดสอบระบบใหม่ระยะที่ 2", "ประกาศเปิดตัวโครงการทดสอบระบบใหม่ระยะที่ 2"),
        # the parent named before, in brackets: no short form of this name
        ("สตก. และ สำนักงานตรวจสอบการชำระเงิน (สตก.) ร่วมกัน", "สตก."),
    ],
)
def test_thai_not_names(text: str, name: str) -> None:
    found = mentions_of(text, "th")
    assert found.get(name) in {None, "Name"}


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "นางสาวกานดา ศรีทอง ประธานเจ้าหน้าที่บริหาร บริษัท ดาวเหนือ ดิจิทัล จำกัด กล่าวว่า บริษัทจะขยายตลาด",
            ("กานดา ศรีทอง", "holdsPositionIn", "บริษัท ดาวเหนือ ดิจิทัล จำกัด"),
        ),
        (
            "นายวิชัย ทองดี รองผู้ว่าการ ธนาคารแห่งประเทศลาวใต้ กล่าวว่า ระบบจะพร้อมใช้งาน",
            ("วิชัย ทองดี", "holdsPositionIn", "ธนาคารแห่งประเทศลาวใต้"),
        ),
    ],
)
def test_thai_relations(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text, "th")


def test_thai_registered_companies_stay_apart() -> None:
    """Two registered companies share only "บริษัท ... จำกัด": different names, different companies."""
    gazetteer = load_gazetteer()
    texts = {
        "a": "ในโอกาสนี้ บริษัท สุวรรณภูมิ ดาต้า จำกัด ได้ลงนามข้อตกลง",
        "b": "นายสมศักดิ์ ใจงาม ผู้ก่อตั้ง บริษัท ปลาทอง เพย์ จำกัด กล่าวว่า",
    }
    analyses = list(analyze([Article(k, v, "th") for k, v in texts.items()]))
    mentions = {a.article.id: find_mentions(a) for a in analyses}
    corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    companies = {e.label for e in corpus.entities.values() if e.cls == "Company"}
    assert {"บริษัท สุวรรณภูมิ ดาต้า จำกัด", "บริษัท ปลาทอง เพย์ จำกัด"} <= companies


def test_vietnamese_chair_of_the_event_named_in_lower_case() -> None:
    """ "chủ trì hội thảo": the lower-case head refers back to the event the article named."""
    text = (
        'Hôm qua, Bộ Nông nghiệp Xanh tổ chức Hội thảo "Dữ liệu mở cho nông nghiệp số". '
        "Thứ trưởng Bộ Nông nghiệp Xanh Phạm Văn Tâm chủ trì hội thảo."
    )
    assert ('Hội thảo "Dữ liệu mở cho nông nghiệp số"', "chair", "Phạm Văn Tâm") in relations_of(text, "vi")


# --- second round: fintech funding, provincial plans, conferences, cross-border QR --------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a headline verb ends an event's name
        ("Diễn đàn Số Hòa Lạc 2026 thu hút hơn 900 đại biểu\n\nSự kiện diễn ra hôm qua.", "Diễn đàn Số Hòa Lạc 2026", "Event"),
        # "Đồng chí" is an honorific like "ông"
        ("Tại hội nghị, Đồng chí Phan Văn Tú đề nghị các sở tập trung thực hiện.", "Phan Văn Tú", "Person"),
        # the office of a local committee by its acronym and level, then the person
        ("Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh Lý Văn Sơn nhấn mạnh vai trò dữ liệu.", "Lý Văn Sơn", "Person"),
        # a dash with spaces between two parts of an organisation's name
        (
            "Tỉnh sẽ phối hợp với Tập đoàn Điện tử - Viễn thông Cao Nguyên triển khai hạ tầng.",
            "Tập đoàn Điện tử - Viễn thông Cao Nguyên",
            "Company",
        ),
        # a name with an English head word
        ("Vòng gọi vốn do quỹ Hồ Tây Ventures dẫn dắt.", "Hồ Tây Ventures", "Company"),
    ],
)
def test_vietnamese_second_round_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "vi").get(name) == cls


def test_vietnamese_short_name_after_a_persons_office_is_not_a_person() -> None:
    """ "Bà X, Tổng Giám đốc Sen Xanh Tím,": the company's short name, not a second person."""
    found = mentions_of("Bà Nguyễn Thị Mai, Tổng Giám đốc Sen Xanh Tím, cho biết công ty sẽ mở rộng.", "vi")
    assert found.get("Nguyễn Thị Mai") == "Person"
    assert [n for n, c in found.items() if c == "Person"] == ["Nguyễn Thị Mai"]


def test_vietnamese_alias_in_brackets_is_not_typed_by_its_head() -> None:
    """ "(Lotus Tech Forum 2026)" after the event's name is its alias, not a second event."""
    found = mentions_of("Diễn đàn Công nghệ Sen Hồng 2026 (Lotus Tech Forum 2026) đã diễn ra tại Huế.", "vi")
    assert found.get("Lotus Tech Forum 2026") != "Event"


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # a headline verb ends a bank's name
        ("ธนาคารนาคาทองเปิดบริการชำระเงินข้ามพรมแดนกับกัมพูชา", "ธนาคารนาคาทอง", "Company"),
        # a quoted name after the plan's head word
        ('ดีป้าเปิดตัวโครงการ "หมู่บ้านดิจิทัลรุ่งเรือง" ตั้งเป้าพัฒนาทักษะ', 'โครงการ "หมู่บ้านดิจิทัลรุ่งเรือง"', "Program"),
        # an investment fund
        ("และมีกองทุนลำน้ำทองร่วมลงทุน", "กองทุนลำน้ำทอง", "Organization"),
        # a Latin name with an organisation's head word after an office is the organisation, not a person
        ("นางสาวกมลา ดีงาม หุ้นส่วนผู้จัดการ Silver Lotus Ventures กล่าวว่า ตลาดเติบโต", "Silver Lotus Ventures", "Company"),
    ],
)
def test_thai_second_round_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "th").get(name) == cls


def test_thai_short_form_after_the_registered_suffix() -> None:
    """ "ธนาคาร X จำกัด (มหาชน) หรือ NKB": the short form after the registered suffix is the bank's."""
    text = "ธนาคารนาคาทอง จำกัด (มหาชน) หรือ NKB ร่วมกับธนาคารพัฒนาเขมร เปิดตัวบริการใหม่"
    (analysis,) = analyze([Article("t", text, "th")])
    bank = next(m for m in find_mentions(analysis) if m.text == "ธนาคารนาคาทอง")
    assert bank.attrs.get("acronym") == "NKB"


def test_thai_plan_is_not_cut_inside_a_number() -> None:
    """ "โครงการพัฒนาทักษะชุมชน 50,000 คน": a count of people, not the plan's number."""
    found = mentions_of("ดีป้าเปิดโครงการพัฒนาทักษะชุมชน 50,000 คน ในภาคเหนือ", "th")
    assert not [n for n, c in found.items() if c == "Program"]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "นางสาวพรทิพย์ ใจดี รองผู้จัดการใหญ่ ธนาคารนาคาทอง กล่าวว่า ธนาคารจะขยายบริการ",
            ("พรทิพย์ ใจดี", "holdsPositionIn", "ธนาคารนาคาทอง"),
        ),
        (
            "นายธีระ แสงดาว ผู้ร่วมก่อตั้งและประธานเจ้าหน้าที่บริหาร บริษัท นาข้าว เทค จำกัด กล่าวว่า",
            ("ธีระ แสงดาว", "holdsPositionIn", "บริษัท นาข้าว เทค จำกัด"),
        ),
    ],
)
def test_thai_second_round_offices(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text, "th")
