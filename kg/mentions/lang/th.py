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
_CUT = re.compile(r"(?:ได้|เป็น|ที่จะ|ซึ่ง|โดย|เพื่อ|กับ|จะ|ให้|ว่า|จาก(?!บล็อก)|ร่วมกับ|นี้|ดังกล่าว)")
_VERSION = re.compile(r"\s(\d+(?:\.\d+)?(?: ?ปี)?(?:ฉบับที่ ?\d+)?)")
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
    cut = _CUT.search(text, start + len(head), end)
    while cut and cls == "Ministry" and cut.group() == "เพื่อ":  # "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม": part of the name
        cut = _CUT.search(text, cut.end(), end)
    if cut:
        end = cut.start()
    if cls != "Ministry" and (conj := text.find("และ", start + len(head), end)) > 0:
        end = conj  # "and" joins two names, except in ministries ("กระทรวงเกษตรและป่าไม้")
    # a number or a technology word after a space still belongs to the name: "บล็อกเชน 4.0", "แผนการ 5 ปีฉบับที่ 9"
    while True:
        version = _VERSION.match(text, end)
        if version and cls in {"Event", "Program"}:
            end = version.end()
            continue
        nxt = re.match(r" (\S+)", text[end:])
        if nxt and nxt.group(1) in tech_words and cls in {"PublicBody", "Event", "Program"}:
            end += len(nxt.group(0))
            continue
        break
    return end


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
            if name == head or name in {head + "นี้", head + "ดังกล่าว"}:
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
                found.append(mention(analysis, start, end, cls, "rule:th:head", confidence=0.75))
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
        if title or before.endswith(("นาย", "นาง")):
            cls = "Person"
            if title:
                attrs = {"title": title, "title_org_class": title_org_class(title, "th")}
        elif after.startswith("บริษัท"):
            cls = "Company"
        elif (by_head := class_by_head(name, "en")) is not None and len(name.split()) >= 2:
            cls = by_head  # "งานสัมมนา Digital Mekong Forum 2025": English names keep their English head words
        elif before.endswith(("ที่เรียกว่า", "ชื่อ", "“")) and (text[end : end + 1] in '”"' or before.endswith("ที่เรียกว่า")):
            cls = "Product"
        found.append(mention(analysis, start, end, cls, "rule:th:latin", confidence=0.7, **attrs))
    for match in _THAI_PERSON.finditer(text):
        start, end = match.start(1), match.end(2)
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[end:].lstrip()
        title = next((t for t, _ in title_table("th") if before.endswith(t) or after.startswith(t)), None)
        attrs = {"title": title, "title_org_class": title_org_class(title, "th")} if title else {}
        found.append(mention(analysis, start, end, "Person", "rule:th:honorific", confidence=0.75, **attrs))
    return found
