"""Thai mention rules: names opened by a head word (กระทรวง, ธนาคาร, การประชุม, แผน ...) up to
the next space, Latin-script names inside Thai text, titles before names, anaphors."""

from __future__ import annotations

import itertools
import re

from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention, title_org_class
from kg.mentions.lexicons import head_table, honorifics, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

#: Latin letters, with the diacritics of Vietnamese and other Latin-script names ("Phạm Minh Chính")
_L = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_WORD = rf"[{_L}0-9]*(?:[.\-][{_L}0-9]+)*[’']?"
_CAP = r"(?:[A-Z0-9\u00c0-\u00de\u1e00-\u1eff]|&)"
#: "ASEAN Finance Ministers’ and Central Bank Governors’ Meeting": "and", "of", "for" join capitalised words
LATIN_NAME = re.compile(rf"(?<![{_L}])[{_L}]{_WORD}(?:(?: (?:and|of|for|on|the))* {_CAP}{_WORD})*")
#: courtesy prefixes written before a Latin-script person's name: "H.E. Mr.Thansamay Kommasith"
_LATIN_COURTESY = re.compile(r"(?:H\.E\.?|Mrs?\.|Ms\.|Dr\.) ?")
#: words that end a Thai name chunk: verbs, prepositions, conjunctions
_CUT = re.compile(
    r"(?:ได้|เป็น|ที่จะ|ซึ่ง|โดย|เพื่อ|กับ|จะ|ให้|ว่า(?!ด้วย)|จาก(?!บล็อก)|ร่วมกับ|นี้|ดังกล่าว|(?<!ภาย)ใน(?!นาม)"
    # reporting verbs and auxiliaries: "กระทรวง X ระบุว่า", "รัฐบาลลาวคาดว่า", "รัฐบาลลาวกำลังเริ่ม..."
    r"|ระบุ|คาด|กำลัง|(?<!การ)เริ่ม|(?<!การ)ลงทุน|เตรียม|ตั้งเป้า|มุ่ง|เปิดเผย|กล่าว|รายงาน|ยืนยัน"
    # verbs of headlines: "ธนาคารแห่งประเทศไทยเปิดตัวโครงการ...", "ธนาคาร X เปิดบริการ..."
    r"|เปิดตัว|เปิดบริการ|เปิดให้บริการ|เปิดโครงการ|จับมือ|ลงนาม|อนุมัติ|เร่ง|ดำเนินการ|ระดมทุน|ร่วมลงทุน)"
)
#: what closes an official name written without spaces: inside it, "และ"/"เพื่อ" do not end the name
#: ("สำนักงานพัฒนาวิทยาศาสตร์และเทคโนโลยีแห่งชาติ")
_OFFICIAL_END = re.compile(r"(?:แห่งชาติ|แห่งประเทศไทย)(?:ฉบับที่)?$")
#: "และ" that joins two words of one name, not two names: "กรมแผนการและการร่วมมือ" (planning and
#: cooperation: a nominalised second word), "แห่งเอเชียและแปซิฟิก" (Asia and the Pacific)
_AND_INSIDE = re.compile(r"และ(?:การ|ความ|แปซิฟิก)")
#: a Latin-script name that can be an event's (a year or number, an acronym), not a person's:
#: "การประชุม ITU Digital World 2021", "การประชุม ADGMIN", not "ในระหว่างการประชุม Sonexay Siphandone ได้..."
_EVENT_LIKE = re.compile(r"\d|\b[A-Z]{3,}\b")
#: an edition's number after an event's name: "ครั้งที่ 5"
_ORDINAL = re.compile(r" ?ครั้งที่ ?\d+(?!\d)")
#: a bracketed alias, then the edition: "(ASEAN Digital Ministers Meeting: ADGMIN) ครั้งที่ 5"
_ALIAS_THEN_ORDINAL = re.compile(r" ?\([^()]{2,80}\) ?ครั้งที่ ?\d+(?!\d)")
#: words that go on a hotel's name after spaces: "โรงแรมแลนด์มาร์ค แม่โขง ริเวอร์ไซด์"
_PLACE_LONG = {"โรงแรม": re.compile(r"(?: [ก-๛]+){0,3}? (?:รีสอร์ท แอนด์ โฮเต็ล|รีสอร์ท|ริเวอร์ไซด์|โฮเต็ล|โฮเทล|พาเลซ|พลาซ่า)")}
#: a space-separated list inside a ministry's name: "กระทรวงกิจการไปรษณีย์ โทรคมนาคม และการสื่อสาร"
_MINISTRY_LIST = re.compile(r"(?: [ก-๛]+){0,2} ?และ ?[ก-๛]+")
#: a number, a year range or a phase after a plan's or an event's name: "2566-2568", "ระยะที่ 2 (พ.ศ. 2568-2570)"
_VERSION = re.compile(
    r"\s\(?(?:[พค]\.ศ\. ?)?(\d+(?:\.\d+)?(?!\d|,\d)(?:\s?[-–]\s?\d{4})?(?: ?ปี)?(?:ฉบับที่ ?\d+)?)\)?"
    r"|\s(ระยะที่ ?\d+)|\s(ครั้งที่ ?\d+)(?!\d)"
)
#: words right after a head that make it a common noun, not a name: "บริษัทมีแผน", "การประชุมครั้งนี้",
#: "ธนาคารพาณิชย์ 3 แห่ง"
_NOT_A_NAME = re.compile(
    r"(?:มี|ยัง|ก็|ครั้ง(?!ที่)|นั้น|ทั้ง|ต่าง|(?<=ธนาคาร)พาณิชย์|แห่งนี้"
    # "บริษัทร่วมทุน", "บริษัทเอกชน", "บริษัทที่ปรึกษา...", "บริษัทเทคโนโลยียักษ์ใหญ่", "กระทรวงของเรา",
    # "การประชุมทางไกล", "การประชุมอื่น", "การประชุมที่เกี่ยวข้อง", "การประชุมฯ": a kind of body or meeting
    r"|ร่วมทุน|เอกชน|ที่(?!ดิน)|เทคโนโลยียักษ์|ยักษ์ใหญ่|ของ|ทางไกล|อื่น|ฯ|ขนาด|ท้องถิ่น|ต่างชาติ|ต่างประเทศ)"
)
#: a Thai person after an honorific: given name, one space, family name ("นายเศรษฐพุฒิ สุทธิวาทนฤพุฒิ");
#: not the "นาย" of นายกรัฐมนตรี (prime minister) or นายก (mayor, chairman)
#: military and police ranks are honorifics too: "พลอากาศเอก ประจิน ...", "พล.ท.สุวอน ..."
_RANK = r"(?:พล(?:อากาศ|เรือ|ตำรวจ)?(?:เอก|โท|ตรี)|พล\.(?:อ\.อ\.|ร\.อ\.|ต\.อ\.|ต\.ท\.|อ\.|ท\.|ต\.))\s?"
_THAI_PERSON = re.compile(rf"(?:นางสาว|นาง|นาย(?!ก)|ดร\.\s?|{_RANK})([ก-ฮเ-ไ][ก-๛]{{1,24}}) ([ก-ฮเ-ไ][ก-๛]{{1,30}})")
#: a person named without an honorific, right before an office ("สุลิไซ ไซยะสาน(ซ้าย) ผู้อำนวยการใหญ่ บริษัท..."):
#: two words at the start of a phrase; the office is checked against the title table
_BARE_PERSON = re.compile(r"(?:(?<![ก-๛.])|(?<=กับ))([ก-ฮเ-ไ][ก-๛]{1,24}) ([ก-ฮเ-ไ][ก-๛]{1,30})(?:\((?:ซ้าย|ขวา|กลาง)\))? ")
#: a one-word name between an office and a verb: "รองนายกรัฐมนตรี หวูดึ๊กดาม เข้าร่วม"
_ONE_WORD_NAME = r" ([ก-ฮเ-ไ][ก-๛]{3,20}) (?=เข้าร่วม|ได้|กล่าว|เปิดเผย|เป็นประธาน)"
#: words that open a phrase, not a given name
_NOT_GIVEN_NAME = re.compile(
    r"(?:การ|ความ|ผู้|ที่|ซึ่ง|และ|ของ|โดย|ใน|จาก|เมื่อ|วัน|ประกอบ|ร่วม|ได้|มี|เป็น|ส่วน|ทั้ง|นอกจาก|ขณะ|ทาง|ด้าน|กับ|แต่|หรือ|เพื่อ"
    r"|กระทรวง|รัฐ|นายก|ประธาน|รอง|อดีต|คณะ|สำนัก|กรม|ธนาคาร|บริษัท|องค์|สภา|หน่วย)"
)
#: Latin words that are common nouns in Thai tech news, not names
_GENERIC = {"Real-time", "real-time", "Proof-of-Concept", "proof-of-concept", "Startup", "Fintech", "Digital"}


#: words that make a compound with the bank/company head: app, system, account, card
_USES_OF_A_BANK = ("แอปพลิเคชัน", "แอป", "ระบบ", "บัญชี", "บัตร")


def _head_words() -> tuple[str, ...]:
    return tuple(h for h, _ in head_table("th", "prefix"))


def _cut_off(text: str, more: re.Match, head_words: tuple[str, ...]) -> bool:
    """Whether a list after a ministry's name names other bodies or stops at a verb ("..., ธนาคารแห่ง...
    และสำนักงาน...": three bodies, not one ministry's fields)."""
    if "และ" in text[: more.start()].rsplit(" ", 1)[-1]:
        return True  # "กระทรวงเทคโนโลยีและการสื่อสาร และ...": the name has its "and" already
    words = re.findall(r"[ก-๛]+", more.group().replace("และ", " "))
    return any(w.startswith(head_words) or w.startswith(honorifics("th")) or _CUT.match(w) for w in words)


def _extend(text: str, start: int, head: str, cls: str, tech_words: set[str]) -> int:
    end = start + len(head)
    while end < len(text) and not text[end].isspace() and text[end] not in ",.;:()“”\"'":
        end += 1
    official = bool(_OFFICIAL_END.search(text, start, end)) and cls not in {"Company", "Event"}
    cut = _CUT.search(text, start + len(head), end)
    while (
        cut
        and cut.group() == "เพื่อ"
        and (cls == "Ministry" or official or (cls == "Program" and text.startswith("เพื่อการ", cut.start())))
    ):  # a plan "เพื่อการพัฒนา...": for developing ..., part of its name
        cut = _CUT.search(text, cut.end(), end)  # "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม": part of the name
    if cut:
        end = cut.start()
    conj = text.find("และ", start + len(head), end)
    while conj > 0 and (_AND_INSIDE.match(text, conj) or (cls in {"Event", "Program"} and "ด้าน" in text[start:conj])):
        conj = text.find("และ", conj + 3, end)  # "การประชุมรัฐมนตรีด้านโทรคมนาคมและเทคโนโลยี...": a field's list
    if cls != "Ministry" and not official and conj > 0:
        end = conj  # "and" joins two names, except in ministries ("กระทรวงเกษตรและป่าไม้") and official names
    if cls == "Ministry" and (more := _MINISTRY_LIST.match(text, end)) and not _cut_off(text, more, _head_words()):
        end = more.end()  # "กระทรวงกิจการไปรษณีย์ โทรคมนาคม และการสื่อสาร": one ministry, its fields listed
    if cls == "Event" and (alias := _ALIAS_THEN_ORDINAL.match(text, end)):
        end = alias.end()  # "การประชุม... (ASEAN Digital Ministers Meeting: ADGMIN) ครั้งที่ 5": the edition's name
    if head in _PLACE_LONG and (more := _PLACE_LONG[head].match(text, end)):
        end = more.end()  # "โรงแรมราชาวดี รีสอร์ท แอนด์ โฮเต็ล": a hotel's name, spaces and all
    # a number or a technology word after a space still belongs to the name: "บล็อกเชน 4.0", "แผนการ 5 ปีฉบับที่ 9"
    while True:
        version = _VERSION.match(text, end)
        if version and cls in {"Event", "Program"}:
            opened, closed = version.group(0).count("("), version.group(0).count(")")
            if opened > closed:
                break  # "(2025" with no closing bracket: not the name's years
            end = version.end() if opened == closed else version.end() - 1
            continue
        nxt = re.match(r" (\S+)", text[end:])
        if nxt and nxt.group(1) in tech_words and cls in {"PublicBody", "Event", "Program"}:
            end += len(nxt.group(0))
            continue
        break
    if cls == "Event" and re.fullmatch(r" ?ครั้งที่ ?\d+", text[start + len(head) : end]):
        of = re.match(r" ?ของ", text[end:])  # "การประชุมครั้งที่ 10 ของคณะกรรมการ...": the meeting of that body
        body = next((h for h in _head_words() if of and text.startswith(h, end + of.end())), None)
        if of and body:
            end = _extend(text, end + of.end(), body, "PublicBody", tech_words)
    return end


#: a registered company's name: "บริษัท <name of up to four words> จำกัด", "(มหาชน)" for public ones
_REGISTERED = re.compile(r"(?:กลุ่ม)?บริษัท ?(?:[^\s()]+ ){0,3}[^\s()]+ ?(?:จำกัด(?: ?\(มหาชน\))?|อิงค์|คอร์ปอเรชั่น)")
#: a Latin-script name after a company's or an event's head word and a space: "กลุ่มบริษัท AIF",
#: "การประชุม ITU Digital World 2021"
_LATIN_AFTER_HEAD = re.compile(r" (?=[A-Z])")
#: a short form in brackets, or after "หรือ" (or), right after a name: "(ETDA)", "(ธปท.)", "หรือ NT"
_ACRONYM_AFTER = re.compile(r"\s?\(([A-Z][A-Za-z&\-]{1,9}|[ก-ฮ]{1,6}\.(?:[ก-ฮ]{1,4}\.)*)\)|\s+หรือ\s+([A-Z]{2,8})\b")
#: a name in quotes right after an event's or a plan's head word: โครงการ "ชุมชนดิจิทัลก้าวหน้า"
_QUOTED_AFTER = re.compile(r" ?[“\"][^”\"\n]{3,80}[”\"]")
#: a company's registered suffix between its name and the short form: "ธนาคาร X จำกัด (มหาชน) หรือ KSB"
_REGISTERED_SUFFIX = re.compile(r" ?จำกัด(?: ?\(มหาชน\))?")
#: words before a Latin name that say it is a product
_PRODUCT_WORDS = ("แอปพลิเคชัน", "แอปฯ", "แอป", "แพลตฟอร์ม", "ระบบ", "กระเป๋าเงินดิจิทัล", "วอลเล็ต")
#: what follows a given name when no family name does: a verb, a conjunction, an office
_NOT_FAMILY_NAME = re.compile(r"(?:กล่าว|ระบุ|เปิดเผย|ชี้แจง|เผย|ให้|ได้|เป็น|จะ|ยัง|และ|ซึ่ง|ที่|ผู้|รอง|ประธาน|รัฐมนตรี|นายก|อธิบดี)")


#: a name in quotes that opens with an event's or a plan's head word: “งานมหกรรมสตาร์ทอัพ...”, “โครงการ...″
_QUOTED_NAME = re.compile(r"[“\"]((?:งาน)?[ก-๛][^”\"″\n]{4,100})[”\"″]")
#: a web address (the source line of an article): its words are no names
_URL = re.compile(r"\S*://\S+")
#: letters after a head word that make another word of it: "สภาพ" (condition) is not "สภา" (council)
_HEAD_NOT_BEFORE = {"สภา": "พ", "ธนาคาร": "อาเซียน"}  # "ผู้ว่าการธนาคารอาเซียน": ASEAN's central bank governors


def _not_this_head(text: str, start: int, head: str, tech_words: set[str]) -> bool:
    """Whether the head word at ``start`` opens another word ("สภาพแวดล้อม") or a technology's name that
    begins with it ("รัฐบาลอิเล็กทรอนิกส์": e-government, not a government)."""
    follow = _HEAD_NOT_BEFORE.get(head)
    if follow and text.startswith(follow, start + len(head)):
        return True
    return any(len(t) > len(head) and t.startswith(head) and text.startswith(t, start) for t in tech_words)


def _class_of_name(name: str) -> str:
    """The class a Thai name's head word gives it ("งานมหกรรมสตาร์ทอัพ...": Event), else untyped."""
    name = name.removeprefix("งาน") if not name.startswith("งานสัมมนา") else name
    return next((cls for head, cls in head_table("th", "prefix") if name.startswith(head)), UNTYPED)


def _type_lists(text: str, found: list[Mention]) -> None:
    """Latin names listed together are of one kind: "Google, Temasek และ Bain & Company" (companies):
    an untyped name takes the class of a typed one beside it in the list."""
    latin = sorted((m for m in found if m.extractor == "rule:th:latin"), key=lambda m: m.start)
    for a, b in itertools.pairwise(latin):
        if not re.fullmatch(r"\s*(?:,|และ|หรือ)\s*", text[a.end : b.start]):
            continue
        if a.cls == UNTYPED and b.cls in {"Company", "Product"}:
            a.cls = b.cls
        elif b.cls == UNTYPED and a.cls in {"Company", "Product"}:
            b.cls = a.cls


#: words that open a phrase after a meeting's head word, not its name: dates, places, prepositions
_NOT_EVENT_NAME = re.compile(r"(?:วัน|เมื่อ|ณ|ที่|ใน|เวลา|ระหว่าง|ผ่าน|ครั้ง|ของ|และ|โดย|เพื่อ|จะ|ได้|ซึ่ง|นี้|ดังกล่าว|ประจำ)")


def _spaced_event_end(text: str, end: int, tech_words: set[str]) -> int | None:
    """Where a meeting's name ends that is written after a space and carries its edition or year
    ("การประชุม สรุปผลการปฏิบัติงานประจำปี 2563"); None when the words after the head are no name."""
    words = re.match(r"\s([^\s,.;:()“”\"']{3,})", text[end:])
    if not words or _NOT_EVENT_NAME.match(words.group(1)) or words.group(1).startswith(_head_words()):
        return None
    if _CUT.search(words.group(1)) or words.group(1).startswith(honorifics("th")):
        return None
    stop = end + words.end()
    version = _VERSION.match(text, stop)
    if not version or not re.search(r"\d", version.group()) or version.group().count("(") > version.group().count(")"):
        return None
    return version.end()


def _last_office(after: str, title: str) -> str:
    """The office that names the organisation in a list of offices after a name: "รองนายกรัฐมนตรี/รัฐมนตรี
    กระทรวงการเงิน", "รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวง...": the minister of the ministry named next."""
    rest = after[len(title) :]
    while joint := re.match(r"\s?(?:/|และ)\s?", rest):
        nxt = next((t for t, _ in title_table("th") if rest[joint.end() :].startswith(t)), None)
        if nxt is None:
            break
        title, rest = nxt, rest[joint.end() + len(nxt) :]
    return title


def _with_acronym(analysis: Analysis, start: int, end: int, cls: str) -> list[Mention]:
    """A headed name, and the short form the article gives it right after ("(ETDA)", "หรือ NT") where it is
    the first use of that short form (an earlier one names something else: the parent in brackets)."""
    suffix = _REGISTERED_SUFFIX.match(analysis.text, end) if cls == "Company" else None
    after = _ACRONYM_AFTER.match(analysis.text, suffix.end() if suffix else end)
    acronym = (after.group(1) or after.group(2)) if after else ""
    if not acronym or cls in {"Program", "Agreement"} or acronym in analysis.text[:start]:
        return [mention(analysis, start, end, cls, "rule:th:head", confidence=0.75)]
    a_start = after.start(1) if after.group(1) else after.start(2)  # type: ignore[union-attr]
    return [
        mention(analysis, start, end, cls, "rule:th:head", confidence=0.75, acronym=acronym),
        mention(analysis, a_start, a_start + len(acronym), cls, "rule:acronym", confidence=0.8),
    ]


def find_mentions(analysis: Analysis, *, tech_words: set[str] | None = None) -> list[Mention]:
    """Find Thai entity mentions (not gazetteer ones) in an analysed article.

    Args:
        analysis: The analysed article.
        tech_words: Thai technology names (from the gazetteer) that may close a name after a space.
    """
    text = analysis.text
    tech_words = tech_words or set()
    found: list[Mention] = []
    urls = [m.span() for m in _URL.finditer(text)]
    taken: list[tuple[int, int]] = list(urls)  # no name inside a web address
    for head, cls in head_table("th", "prefix"):
        for match in re.finditer(re.escape(head), text):
            start = match.start()
            if any(s <= start < e for s, e in taken):
                continue
            if _not_this_head(text, start, head, tech_words):
                continue
            end = _extend(text, start, head, cls, tech_words)
            if cls == "Company":  # "บริษัทสิริจะเลินไซ" (registered as "บริษัทสิริจะเลินไซ จำกัด"): no verb inside
                whole = re.match(r"[^\s,.;:()“”\"']+", text[start:])
                if whole and re.search(re.escape(whole.group()) + r" ?จำกัด", text):
                    end = start + whole.end()
            name = text[start:end]
            registered = _REGISTERED.match(text, start) if cls == "Company" else None
            quoted = _QUOTED_AFTER.match(text, start + len(head)) if cls in {"Event", "Program"} else None
            if quoted:  # โครงการ "ชุมชนดิจิทัลก้าวหน้า": the head word, then the name in quotes
                end = quoted.end()
                found.append(mention(analysis, start, end, cls, "rule:th:quoted", confidence=0.8))
            elif (
                name == head
                and cls in {"Company", "Event"}
                and _LATIN_AFTER_HEAD.match(text, end)
                and (latin := LATIN_NAME.match(text, end + 1))
                and (cls == "Company" or _EVENT_LIKE.search(latin.group()))
            ):  # "กลุ่มบริษัท AIF", "การประชุม ITU Digital World 2021": the head word, then the name in Latin letters
                end = latin.end()
                if cls == "Event" and (ordinal := _ORDINAL.match(text, end)):
                    end = ordinal.end()  # "การประชุม ADGMIN ครั้งที่ 1"
                found.extend(_with_acronym(analysis, start, end, cls))
            elif registered:  # "บริษัท โทรคมนาคมแห่งชาติ จำกัด (มหาชน)": the registered name, spaces and all
                end = registered.end()
                found.extend(_with_acronym(analysis, start, end, cls))
            elif name == head and cls == "Event" and (spaced := _spaced_event_end(text, end, tech_words)):
                end = spaced  # "การประชุม รัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 1": the name after a space, with its edition
                found.extend(_with_acronym(analysis, start, end, cls))
            elif (
                name == head
                or name in {head + "นี้", head + "ดังกล่าว"}
                or _NOT_A_NAME.match(name, len(head))
                or re.fullmatch(r"\s?ครั้งที่ ?\d+", name[len(head) :])  # "การประชุมครั้งที่ 2": which meeting, no name
            ):
                found.append(mention(analysis, start, end, REFERENCE, "rule:th:anaphor", ref=cls, head=head))
            elif cls == "Program" and not re.search(r"\d", name):
                continue  # a plan is named with its years or number; otherwise a common noun
            elif cls == "Company" and (re.search(r"[A-Za-z]\s?$", text[max(0, start - 2) : start]) or "สัญชาติ" in name):
                taken.append((start, end))
                continue  # "MetaBank บริษัทซอฟต์แวร์สัญชาติสิงคโปร์": a description of the name before it
            elif name.endswith(("ต่าง", "ต่างๆ")) or text[end : end + 3].startswith((" ๆ", "ๆ")):
                continue  # "ธนาคารพาณิชย์ต่าง ๆ": "various commercial banks", not a name
            elif cls == "Company" and text[max(0, start - 12) : start].endswith(_USES_OF_A_BANK):
                continue  # "แอปพลิเคชันธนาคาร...": a banking app, account or card, not a bank's name
            else:
                found.extend(_with_acronym(analysis, start, end, cls))
            taken.append((start, end))
    for match in _QUOTED_NAME.finditer(text):
        name = match.group(1)
        cls = _class_of_name(name)
        start, end = match.start(1), match.end(1)
        if cls in {"Event", "Program"} and not any(s <= start < e for s, e in taken[: len(urls)]):
            alias = re.match(r"[”\"″]\s*หรือ\s+", text[end:])  # “งานมหกรรม...” หรือ TECHFEST Vietnam 2016: one event
            latin = LATIN_NAME.match(text, end + alias.end()) if alias else None
            attrs = {"acronym": latin.group()} if latin else {}
            found.append(mention(analysis, start, end, cls, "rule:th:quoted", confidence=0.8, **attrs))
    for match in LATIN_NAME.finditer(text):
        name = match.group()
        start, end = match.start(), match.end()
        courtesy = _LATIN_COURTESY.match(name)
        while courtesy:  # "H.E. Mr.Thansamay Kommasith": the name after the courtesy titles
            start += courtesy.end()
            name = text[start:end]
            courtesy = _LATIN_COURTESY.match(name)
        if name in _GENERIC or not name or not name[0].isupper() or len(name) < 2 or name in {"H.E", "Mr", "Mrs", "Ms", "Dr"}:
            continue
        before = text[max(0, start - 30) : start].rstrip()
        after = text[end : end + 20].lstrip()
        cls, attrs = UNTYPED, {}
        title = next((t for t, _ in title_table("th") if before.endswith(t)), None)
        by_head = class_by_head(name, "en") if len(name.split()) >= 2 else None
        if (title or before.endswith(("นาย", "นาง")) or start > match.start()) and by_head in {None, "Person"}:
            # not "หุ้นส่วนผู้จัดการ Golden Delta Ventures": the office's organisation, named by its head word
            cls = "Person"
            if title:
                attrs = {"title": title, "title_org_class": title_org_class(title, "th")}
        elif after.startswith("บริษัท"):
            cls = "Company"
        elif before.endswith(_PRODUCT_WORDS):
            cls = "Product"  # "แอปพลิเคชัน SN Wallet", "แพลตฟอร์ม PayNow", "ระบบ Bakong"
        elif by_head is not None:
            cls = by_head  # "งานสัมมนา Digital Mekong Forum 2025": English names keep their English head words
        elif before.endswith(("ที่เรียกว่า", "ชื่อ", "“")) and (text[end : end + 1] in '”"' or before.endswith("ที่เรียกว่า")):
            cls = "Product"
        elif (quoted := re.search(r"[“\"]([^”\"]{3,80})[”\"]\s*หรือ\s*$", text[max(0, start - 100) : start])) or (
            alias := re.search(r"\(([A-Z][\w' ]{3,60}?)\s?:$", before)
        ):  # “งานมหกรรม...” หรือ TECHFEST Vietnam 2016; (ASEAN Digital Ministers Meeting: ADGMIN)
            cls = _class_of_name(quoted.group(1)) if quoted else (class_by_head(alias.group(1), "en") or UNTYPED)
        found.append(mention(analysis, start, end, cls, "rule:th:latin", confidence=0.7, **attrs))
    _type_lists(text, found)
    for match in _THAI_PERSON.finditer(text):
        start, end = match.start(1), match.end(2)
        if any(s <= start < e or start <= s < end for s, e in taken) or _NOT_FAMILY_NAME.match(match.group(2)):
            continue  # "นายประเสริฐ กล่าวว่า": a given name, then the verb
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[end:].lstrip()
        third = re.match(r" ([ก-ฮเ-ไ][ก-๛]{1,15}) ", text[end:])
        if third and any(text[end + third.end() :].startswith(t) for t, _ in title_table("th")):
            end += third.end() - 1  # "นายเหงียน ชี สุง รัฐมนตรี...": a three-part (Vietnamese) name before the office
            after = text[end:].lstrip()
        title = next((t for t, _ in title_table("th") if before.endswith(t) or after.startswith(t)), None)
        attrs: dict[str, object] = {}
        if title and after.startswith(title):
            title = _last_office(after, title)
            attrs["office_after"] = True  # "นาย X Y รัฐมนตรีว่าการกระทรวง Z": the office and its body follow
        if title:
            attrs |= {"title": title, "title_org_class": title_org_class(title, "th")}
        found.append(mention(analysis, start, end, "Person", "rule:th:honorific", confidence=0.75, **attrs))
        taken.append((start, end))
    for title, _ in title_table("th"):  # "รองนายกรัฐมนตรี หวูดึ๊กดาม เข้าร่วม...": a one-word (Vietnamese) name
        for match in re.finditer(re.escape(title) + _ONE_WORD_NAME, text):
            start, end = match.start(1), match.end(1)
            word = match.group(1)
            if any(s <= start < e for s, e in taken) or _NOT_GIVEN_NAME.match(word) or word.startswith(_head_words()):
                continue
            attrs = {"title": title, "title_org_class": title_org_class(title, "th")}
            found.append(mention(analysis, start, end, "Person", "rule:th:office", confidence=0.65, **attrs))
            taken.append((start, end))
    for match in _BARE_PERSON.finditer(text):
        start, end = match.start(1), match.end(2)
        after = text[match.end() :]
        title = next((t for t, _ in title_table("th") if after.startswith(t)), None)
        if (
            title is None
            or any(s <= start < e or start <= s < end for s, e in taken)
            or _NOT_GIVEN_NAME.match(match.group(1))
            or _NOT_FAMILY_NAME.match(match.group(2))
            or _CUT.search(match.group(0))
            or match.group(1).startswith(honorifics("th"))
        ):
            continue
        title = _last_office(after, title)
        attrs = {"title": title, "title_org_class": title_org_class(title, "th"), "office_after": True}
        found.append(mention(analysis, start, end, "Person", "rule:th:office", confidence=0.7, **attrs))
    return found
