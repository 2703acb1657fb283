"""Thai mention rules: names opened by a head word (กระทรวง, ธนาคาร, การประชุม, แผน ...) up to
the next space, Latin-script names inside Thai text, titles before names, anaphors."""

from __future__ import annotations

import re

from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention, title_org_class
from kg.mentions.lexicons import head_table, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

LATIN_NAME = re.compile(
    r"(?<![A-Za-z])[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?: [A-Z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*)*"
)
#: words that end a Thai name chunk: verbs, prepositions, conjunctions
_CUT = re.compile(
    r"(?:ได้|เป็น|ที่จะ|ซึ่ง|โดย|เพื่อ|กับ|จะ|ให้|ว่า|จาก(?!บล็อก)|ร่วมกับ|นี้|ดังกล่าว"
    # verbs of headlines: "ธนาคารแห่งประเทศไทยเปิดตัวโครงการ...", "ธนาคาร X เปิดบริการ..."
    r"|เปิดตัว|เปิดบริการ|เปิดให้บริการ|เปิดโครงการ|จับมือ|ลงนาม|อนุมัติ|เร่ง|ดำเนินการ|ระดมทุน|ร่วมลงทุน)"
)
#: what closes an official name written without spaces: inside it, "และ"/"เพื่อ" do not end the name
#: ("สำนักงานพัฒนาวิทยาศาสตร์และเทคโนโลยีแห่งชาติ")
_OFFICIAL_END = re.compile(r"(?:แห่งชาติ|แห่งประเทศไทย)$")
#: a number, a year range or a phase after a plan's or an event's name: "2566-2568", "ระยะที่ 2 (พ.ศ. 2568-2570)"
_VERSION = re.compile(r"\s(?:\(?พ\.ศ\. ?)?(\d+(?:\.\d+)?(?!\d|,\d)(?:\s?[-–]\s?\d{4})?(?: ?ปี)?(?:ฉบับที่ ?\d+)?)\)?|\s(ระยะที่ ?\d+)")
#: words right after a head that make it a common noun, not a name: "บริษัทมีแผน", "การประชุมครั้งนี้",
#: "ธนาคารพาณิชย์ 3 แห่ง"
_NOT_A_NAME = re.compile(r"(?:มี|ยัง|ก็|ครั้ง(?!ที่)|นั้น|ทั้ง|ต่าง|พาณิชย์|แห่งนี้)")
#: a Thai person after an honorific: given name, one space, family name ("นายเศรษฐพุฒิ สุทธิวาทนฤพุฒิ");
#: not the "นาย" of นายกรัฐมนตรี (prime minister) or นายก (mayor, chairman)
_THAI_PERSON = re.compile(r"(?:นางสาว|นาง|นาย(?!ก)|ดร\.\s?)([ก-ฮเ-ไ][ก-๛]{1,24}) ([ก-ฮเ-ไ][ก-๛]{1,30})")
#: Latin words that are common nouns in Thai tech news, not names
_GENERIC = {"Real-time", "real-time", "Proof-of-Concept", "proof-of-concept", "Startup", "Fintech", "Digital"}


#: words that make a compound with the bank/company head: app, system, account, card
_USES_OF_A_BANK = ("แอปพลิเคชัน", "แอป", "ระบบ", "บัญชี", "บัตร")


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
    if cls != "Ministry" and not official and (conj := text.find("และ", start + len(head), end)) > 0:
        end = conj  # "and" joins two names, except in ministries ("กระทรวงเกษตรและป่าไม้") and official names
    # a number or a technology word after a space still belongs to the name: "บล็อกเชน 4.0", "แผนการ 5 ปีฉบับที่ 9"
    while True:
        version = _VERSION.match(text, end)
        if version and cls in {"Event", "Program"}:
            end = version.end() if version.group(0).count("(") == version.group(0).count(")") else version.end() - 1
            continue
        nxt = re.match(r" (\S+)", text[end:])
        if nxt and nxt.group(1) in tech_words and cls in {"PublicBody", "Event", "Program"}:
            end += len(nxt.group(0))
            continue
        break
    return end


#: a registered company's name: "บริษัท <name of up to four words> จำกัด", "(มหาชน)" for public ones
_REGISTERED = re.compile(r"(?:กลุ่ม)?บริษัท ?(?:[^\s()]+ ){0,3}[^\s()]+ ?จำกัด(?: ?\(มหาชน\))?")
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
    taken: list[tuple[int, int]] = []
    for head, cls in head_table("th", "prefix"):
        for match in re.finditer(re.escape(head), text):
            start = match.start()
            if any(s <= start < e for s, e in taken):
                continue
            end = _extend(text, start, head, cls, tech_words)
            name = text[start:end]
            registered = _REGISTERED.match(text, start) if cls == "Company" else None
            quoted = _QUOTED_AFTER.match(text, start + len(head)) if cls in {"Event", "Program"} else None
            if quoted:  # โครงการ "ชุมชนดิจิทัลก้าวหน้า": the head word, then the name in quotes
                end = quoted.end()
                found.append(mention(analysis, start, end, cls, "rule:th:quoted", confidence=0.8))
            elif registered:  # "บริษัท โทรคมนาคมแห่งชาติ จำกัด (มหาชน)": the registered name, spaces and all
                end = registered.end()
                found.extend(_with_acronym(analysis, start, end, cls))
            elif name == head or name in {head + "นี้", head + "ดังกล่าว"} or _NOT_A_NAME.match(name, len(head)):
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
    for match in LATIN_NAME.finditer(text):
        name = match.group()
        if name in _GENERIC or not name[0].isupper() or len(name) < 2:
            continue
        start, end = match.start(), match.end()
        before = text[max(0, start - 30) : start].rstrip()
        after = text[end : end + 20].lstrip()
        cls, attrs = UNTYPED, {}
        title = next((t for t, _ in title_table("th") if before.endswith(t)), None)
        by_head = class_by_head(name, "en") if len(name.split()) >= 2 else None
        if (title or before.endswith(("นาย", "นาง"))) and by_head in {None, "Person"}:
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
        found.append(mention(analysis, start, end, cls, "rule:th:latin", confidence=0.7, **attrs))
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
        attrs = {"title": title, "title_org_class": title_org_class(title, "th")} if title else {}
        found.append(mention(analysis, start, end, "Person", "rule:th:honorific", confidence=0.75, **attrs))
    return found
