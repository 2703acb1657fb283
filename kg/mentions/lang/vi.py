"""Vietnamese mention rules over pyvi tokens: names opened by a head word (Bộ, Ngân hàng,
Hội nghị, Nghị quyết ...), capitalised word sequences, titles before names, anaphors."""

from __future__ import annotations

import functools
import re

from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention, title_org_class
from kg.mentions.lexicons import head_table, honorifics, title_table
from kg.nlp.analysis import Analysis, Token
from kg.records import Mention

_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")
_YEAR_RANGE = re.compile(r"\d{4}(?:\s*[-–]\s*\d{4})?")
_QUOTED = re.compile(r"[“\"]([^”\"]{6,200})[”\"]")
_RESOLUTION = re.compile(r"Nghị quyết(?: số)? \d+(?:-[A-Z]+(?:/[A-Z]+)?)?")
#: words that end a lower-case name run (programs, events): prepositions, verbs, conjunctions
_STOP = {
    "tại",
    "ở",
    "hồi",
    "do",
    "được",
    "nhằm",
    "đã",
    "sẽ",
    "vào",
    "với",
    "cho",
    "và",
    "của",
    "này",
    "đang",
    "là",
    "có",
    "để",
    "trong",
    "trên",
    "theo",
    "từ",
    "khi",
    "thì",
    "mà",
    "như",
    "cũng",
    "các",
    "những",
    "một",
    "đó",
    "nêu",
    "khai mạc",
    "bế mạc",
    "diễn ra",
    "tổ chức",
    "chính thức",
    # verbs of headlines: "Diễn đàn X 2025 thu hút hơn 2.000 đại biểu"
    "thu hút",
    "huy động",
    "ban hành",
    "công bố",
    "ra mắt",
    "ký kết",
}
_CONNECTORS = {"và", "về", "của"}
#: lower-case words that refer back to an event ("chủ trì hội thảo")
_EVENT_ANAPHORS = ("hội nghị", "hội thảo", "diễn đàn", "tọa đàm", "sự kiện", "khóa họp", "khoá họp", "kỳ họp", "phiên họp")
#: lower-case words that continue an organisation's name after a capitalised one ("Cục Công nghệ
#: thông tin", "Trung tâm Đổi mới sáng tạo Quốc gia", "Ủy ban nhân dân thành phố Hà Nội"): nouns, no verbs
_NAME_WORDS = {
    "số", "quốc gia", "thông tin", "điện tử", "sáng tạo", "thành phố", "tỉnh", "dữ liệu", "viễn thông",
    "truyền thông", "công nghệ", "chính phủ", "an toàn", "an ninh", "mạng", "khoa học", "kinh tế", "tài chính",
    "doanh nghiệp", "nhân dân", "bưu chính", "không gian",
}  # fmt: skip
#: lower-case words that may open an organisation's name right after its head ("Ủy ban liên Chính phủ")
_AFTER_HEAD = {"liên"}
#: words after an event's head that point at the article's event rather than name one ("Hội nghị năm nay")
_DEICTIC = {"năm nay", "lần này", "kỳ này", "này", "nói trên", "trên", "hôm nay"}
#: the common Vietnamese family names: a capitalised run that opens with one is a person, not more of an organisation's name
_SURNAMES = {  # not those that also open common words of names: Hà (Hà Nội), Đào (Đào tạo), Lâm (Lâm nghiệp) ...
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
    "Đinh", "Lương", "Trịnh", "Tô", "Vương", "Tạ", "Kiều", "Đàm", "Lưu", "Quách", "Triệu", "Tống", "Khuất",
    "Hoàng", "Trương",
}  # fmt: skip
#: names that open with a family name but are not people ("Hoàng Sa" islands, "Hoàng gia": royal)
_NOT_PERSON = ("Hoàng Sa", "Hoàng gia", "Hoàng Gia")
#: countries that stand between an office and a person's name ("Bộ trưởng Bộ X Campuchia Chea Vandeth")
_COUNTRY_WORDS = {
    "Lào", "Việt Nam", "Campuchia", "Thái Lan", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Singapore", "Myanmar",
    "Malaysia", "Indonesia", "Philippines", "Brunei", "Ấn Độ", "Hoa Kỳ", "Mỹ", "Úc", "Nga", "Pháp", "Đức", "Anh",
}  # fmt: skip
#: a local level after an acronym of a local body ("UBND tỉnh", "UBND thành phố")
_LOCAL_WORDS = {"tỉnh", "thành phố", "TP", "huyện", "quận"}
_ORG_CLASSES = {"Ministry", "PublicBody", "Company", "Organization", "Government"}
#: the government an unqualified head-of-government office before a Vietnamese name serves: the press
#: names a foreign one with its country ("Thủ tướng Lào Sonexay Siphandone"), its own without one
_HOME_GOVERNMENT = "Government of Vietnam"
_HOME_GOVERNMENT_KEY = "government/vietnam"
#: words after "Chính phủ" that make it several governments ("Chính phủ hai nước", "các nước")
_OTHER_GOVERNMENTS = re.compile(r"\s+(?:hai|ba|các|mỗi|những|nước)\b")  # the curated name the relation rules compare, in English


def _is_stop(tokens: list[Token], j: int) -> bool:
    """Whether a stop word (one or more tokens: pyvi may split "diễn ra") opens at token ``j``."""
    return tokens[j].text in _STOP or any(" " in w and _match_words(tokens, j, w.split()) for w in _STOP)


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _sentence_starts(analysis: Analysis) -> set[int]:
    return {s.start for s in analysis.sentences}


def _heads() -> list[tuple[list[str], str]]:
    return [(head.split(), cls) for head, cls in head_table("vi", "prefix")]


def _match_words(tokens: list[Token], i: int, words: list[str]) -> int:
    """Number of tokens from i that spell ``words`` (pyvi may join syllables), else 0."""
    target = " ".join(words)
    built, j = "", i
    while j < len(tokens) and len(built) < len(target):
        built = f"{built} {tokens[j].text}".strip()
        j += 1
    return j - i if built == target else 0


def _starts_person(token: Token) -> bool:
    """A capitalised token opening with a family name (pyvi may join ``Nguyễn Mạnh``)."""
    return token.text.split()[0] in _SURNAMES and token.text[:1].isupper() and not token.text.startswith(_NOT_PERSON)


def _is_foreign_name(token: Token) -> bool:
    """A capitalised word without Vietnamese letters that is not an acronym nor a country: "Chea Vandeth"."""
    text = token.text
    return (
        text[:1].isupper()
        and text.replace(" ", "").isalpha()
        and not _VI_LETTERS.search(text)
        and not text.isupper()
        and text not in _COUNTRY_WORDS
    )


_SYLLABLE = re.compile(r"[^\W\d_]+")


def _name_end(text: str, start: int, limit: int) -> int:
    """End of the capitalised syllables from ``start`` (at most four, up to ``limit``): pyvi may
    join a name's last syllable with the next word ("Lê Thành | Long dự")."""
    end, pos, count = start, start, 0
    while count < 4 and (m := _SYLLABLE.match(text, pos)) and m.end() <= limit and m.group()[0].isupper():
        end, count = m.end(), count + 1
        if text[end : end + 1] != " ":
            break
        pos = end + 1
    return end


def _starts_office(tokens: list[Token], i: int) -> bool:
    """Whether a title or a head word opens at token ``i`` (a capitalised run of names ends there)."""
    return any(_match_words(tokens, i, t.split()) for t, _ in title_table("vi")) or any(
        _match_words(tokens, i, words) for words, _ in _heads()
    )


def _person(analysis: Analysis, start: int, limit: int, title: str | None, extractor: str) -> Mention | None:
    """A Person over the capitalised syllables from ``start`` (two or more), with its title if any."""
    end = _name_end(analysis.text, start, limit)
    if len(analysis.text[start:end].split()) < 2:
        return None
    attrs = {"title": title, "title_org_class": title_org_class(title, "vi")} if title else {}
    return mention(analysis, start, end, "Person", extractor, confidence=0.8, **attrs)


def _home_government(analysis: Analysis, person: Mention) -> None:
    """ "Thủ tướng Phạm Minh Chính", "Phó Thủ tướng Chính phủ Bùi Thanh Sơn": a head-of-government office
    right before a Vietnamese name, no country between, is Vietnam's (``attrs["title_org"]``)."""
    title = person.attrs.get("title")
    if person.attrs.get("title_org_class") != "Government" or not isinstance(title, str):
        return
    if person.text.split()[0] not in _SURNAMES or not analysis.text[: person.start].rstrip().endswith(title):
        return
    person.attrs["title_org"] = _HOME_GOVERNMENT


def _org_head(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(tokens, class) of an organisation's head word starting at token ``i``, if one does."""
    head = next(((n, cls) for words, cls in _heads() if (n := _match_words(tokens, i, words))), None)
    return head if head is not None and head[1] in _ORG_CLASSES and tokens[i].text[:1].isupper() else None


def _org_end(tokens: list[Token], j: int) -> int:
    """Where an organisation's name that continues at token ``j`` ends: capitalised words,
    connectors and, after a capitalised word, the lower-case words that make up names ("Cục
    Chuyển đổi số quốc gia"); not a second organisation or an office after "và", not a person's
    name, not the country after "của" ("Công ty X của Việt Nam")."""
    first = j
    while j < len(tokens):
        tok = tokens[j]
        if j > 0 and not _same_line_tokens(tokens, j):
            break  # "Bộ Công nghệ và Truyền thông Lào\n\nNgày 01": a name ends with its line
        if _is_cap(tok):
            if j > first and _starts_person(tok):
                break
            j += 1
            continue
        if _joins_hyphen(tokens, j):  # "Timor-Leste", "Lào-Việt"
            j += 2
            continue
        if (
            tok.text in {"-", "–"}
            and j > first
            and j + 1 < len(tokens)
            and _is_cap(tokens[j + 1])
            and _is_cap(tokens[j - 1])
            and tokens[j].start - tokens[j - 1].end == 1 == tokens[j + 1].start - tokens[j].end
            and not _org_head(tokens, j + 1)
        ):  # "Tập đoàn Công nghiệp - Viễn thông Quân đội": a dash between two parts of one name
            j += 1
            continue
        places = tok.text in {"tỉnh", "thành phố"} and j + 1 < len(tokens) and _is_cap(tokens[j + 1])
        if tok.text in _NAME_WORDS and (j > first or places):  # "Ủy ban nhân dân tỉnh Quảng Bình"
            j += 1
            continue
        if j == first and tok.text in _AFTER_HEAD and j + 1 < len(tokens) and _is_cap(tokens[j + 1]):
            j += 1  # "Ủy ban liên Chính phủ Việt Nam-Lào"
            continue
        if j > first and _split_syllable(tokens, j):  # "Công ty Chuyển mạch Thái Lan" (pyvi: "Chuyển | mạch")
            j += 1
            continue
        if j > first and _comma_in_name(tokens, j):  # "Tập đoàn Công nghiệp, Viễn thông Quân đội Viettel"
            j += 1
            continue
        joined = (
            tok.text in _CONNECTORS
            and j + 1 < len(tokens)
            and _is_cap(tokens[j + 1])
            and _VI_LETTERS.search(tokens[j + 1].text)
            and not (tok.text == "và" and (_org_head(tokens, j + 1) or _starts_title(tokens, j + 1)))
            and not (tok.text == "và" and not _cap_before_and(tokens, j))
            and not (tok.text in {"của", "và"} and tokens[j + 1].text in _COUNTRY_WORDS)  # "Ngân hàng Nhà nước Việt Nam và Lào"
            and not _starts_person(tokens[j + 1])
        )
        if not joined:
            break
        j += 1
    return j


def _cap_before_and(tokens: list[Token], j: int) -> bool:
    """Whether the "và" at token ``j`` follows a capitalised word of the name, or one lower-case word after
    one ("Kinh tế số và Xã hội số"); not a longer lower-case run ("Trung tâm Giám sát ... quốc gia và Trợ lý ảo")."""
    return _is_cap(tokens[j - 1]) or (j >= 2 and tokens[j - 1].text in _NAME_WORDS and _is_cap(tokens[j - 2]))


def _same_line_tokens(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` follows token ``j - 1`` without a line break (token offsets only)."""
    return tokens[j].start - tokens[j - 1].end < 2


def _split_syllable(tokens: list[Token], j: int) -> bool:
    """A lower-case syllable that pyvi split from the capitalised one before it, inside a name that
    goes on ("Chuyển | mạch | Thái Lan"): one word of the name, not the clause after it."""
    prev, tok = tokens[j - 1], tokens[j]
    return (
        " " not in prev.text
        and " " not in tok.text
        and _is_cap(prev)
        and prev.text.isalpha()
        and bool(_VI_LETTERS.search(prev.text))
        and tok.text.isalpha()
        and tok.text.islower()
        and tok.text not in _STOP
        and tok.text not in _CONNECTORS
        and j + 1 < len(tokens)
        and tokens[j + 1].text[:1].isupper()
        and not _starts_person(tokens[j + 1])
    )


def _comma_in_name(tokens: list[Token], j: int) -> bool:
    """A comma between two Vietnamese parts of one name ("Tập đoàn Công nghiệp, Viễn thông Quân đội
    Viettel"): the part after it is two or more capitalised words that are no other body, office,
    person or country, and the name goes on to a Latin-script brand that closes it."""
    if tokens[j].text != "," or j + 3 >= len(tokens) or not _VI_LETTERS.search(tokens[j - 1].text):
        return False
    k = j + 1
    while k < len(tokens) and _is_cap(tokens[k]) and _VI_LETTERS.search(tokens[k].text):
        if _org_head(tokens, k) or _starts_title(tokens, k) or _starts_person(tokens[k]) or tokens[k].text in _COUNTRY_WORDS:
            return False
        k += 1
    return k - (j + 1) >= 2 and k < len(tokens) and _is_cap(tokens[k]) and not _VI_LETTERS.search(tokens[k].text)


def _starts_title(tokens: list[Token], i: int) -> bool:
    """Whether an office ("Đại sứ", "Thứ trưởng") opens at token ``i``."""
    return any(_match_words(tokens, i, t.split()) for t, _ in title_table("vi"))


_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZĐ][A-ZĐ&\-]{1,9}(?: \d{1,2})?)\)")
#: a Latin-script short name in brackets after a body's name: "Công ty Star Telecom (Unitel)"
_BRAND_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&\-]{2,15})\)")
#: the edition after an event's acronym: "Hội nghị Bộ trưởng số ASEAN (ADGMIN) lần thứ 6"
_EDITION_AFTER = re.compile(r" lần thứ (?:\d{1,3}|[a-zà-ỹ]+)\b")


def _with_acronym(analysis: Analysis, start: int, end: int, cls: str) -> list[Mention]:
    """A headed name, and the acronym the article gives it in brackets ("... Việt Nam (NAPAS)")."""
    after = _ACRONYM_AFTER.match(analysis.text, end)
    if after is None and cls in _ORG_CLASSES:
        after = _BRAND_AFTER.match(analysis.text, end)
        if after is not None and (_VI_LETTERS.search(after.group(1)) or after.group(1).isdigit()):
            after = None
    if after is not None and re.search(rf"\b{re.escape(after.group(1))}\b", analysis.text[:start]):
        after = None  # "Cục Công nghệ thông tin (NHNN)": the parent the article named before, not a short form
    if after is None or cls not in _ORG_CLASSES | {"Event"}:
        return [mention(analysis, start, end, cls, "rule:vi:head", confidence=0.8)]
    acronym = after.group(1)
    edition = _EDITION_AFTER.match(analysis.text, after.end()) if cls == "Event" else None
    name_end = edition.end() if edition is not None else end  # the edition is part of the event's name
    return [
        mention(analysis, start, name_end, cls, "rule:vi:head", confidence=0.8, acronym=acronym),
        mention(analysis, after.start(1), after.end(1), cls, "rule:acronym", confidence=0.85),
    ]


def _title_holder(analysis: Analysis, tokens: list[Token], j: int, title: str) -> list[Mention] | None:
    """The person an office at tokens[:j] names, and the office's organisation where it is named
    between them; the Person comes last.  None when no name follows the title."""
    text = analysis.text
    if j + 2 < len(tokens) and _ACRONYM.fullmatch(tokens[j].text) and tokens[j + 1].text in _LOCAL_WORDS:
        # "Phó Chủ tịch UBND tỉnh (Hà Sơn) Trần Quang Vinh": the local committee of the article's province
        # (no entity of its own: "UBND" names every province's), then the person
        k = j + 2
        while k < len(tokens) and k - j < 5 and _is_cap(tokens[k]) and not _starts_person(tokens[k]):
            k += 1
        if k < len(tokens) and _starts_person(tokens[k]):
            person = _person(analysis, tokens[k].start, len(text), title, "rule:vi:title")
            return [person] if person is not None else None
    if j + 1 < len(tokens) and _ACRONYM.fullmatch(tokens[j].text) and not _starts_office(tokens, j + 1):
        # "Thống đốc NHNN Nguyễn Thị Hồng": the office's organisation by its acronym, then the person
        person = _person(analysis, tokens[j + 1].start, len(text), title, "rule:vi:title")
        if person is not None:
            return [mention(analysis, tokens[j].start, tokens[j].end, UNTYPED, "rule:vi:acronym", confidence=0.7), person]
    office = _org_head(tokens, j)
    if office is not None:  # "Bộ trưởng Bộ Thông tin và Truyền thông Nguyễn Mạnh Hùng"
        n, cls = office
        end_org = _org_end(tokens, j + n)
        split = end_org if end_org > j + n and end_org < len(tokens) and _starts_person(tokens[end_org]) else None
        if split is None:
            # "Bộ trưởng Bộ Bưu chính và Viễn thông Campuchia Chea Vandeth": a foreign name closes the run
            k = end_org
            while k - 1 > j + n and _is_foreign_name(tokens[k - 1]):
                k -= 1
            if k < end_org and tokens[k - 1].text not in _CONNECTORS and _VI_LETTERS.search(tokens[k - 1].text + " à"):
                split = k
        if split is not None and (person := _person(analysis, tokens[split].start, len(text), title, "rule:vi:title")):
            org = mention(analysis, tokens[j].start, tokens[split - 1].end, cls, "rule:vi:head", confidence=0.8)
            return [org, person]
        if end_org > j + n:
            return None  # "Chủ tịch Hội đồng quản trị Tập đoàn X, ...": the office, no name after it
    k = j
    while k < len(tokens) and _is_cap(tokens[k]) and k - j < 6:
        k += 1
    # a country name may stand between the title and the name ("Thủ tướng Lào Sonexay ...");
    # an envoy's two countries too ("Đại sứ Việt Nam tại Campuchia Nguyễn Minh Vũ")
    if (
        k == j + 1
        and tokens[j].text in _COUNTRY_WORDS
        and k + 1 < len(tokens)
        and tokens[k].text == "tại"
        and tokens[k + 1].text in _COUNTRY_WORDS
    ):
        return _title_holder(analysis, tokens, k + 2, title)
    names = [t for t in tokens[j:k] if not _VI_LETTERS.search(t.text) or k - j <= 3]
    if k > j and names:
        name_start = j
        while name_start < k - 1 and tokens[name_start].text in _COUNTRY_WORDS | {"Chính phủ"}:
            name_start += 1
        start = tokens[name_start].start
        end = _name_end(text, start, tokens[k - 1].end)
        if end <= start or text[start:end].isupper() or text[start:end] in _COUNTRY_WORDS:
            return None  # "Phó Tổng Giám đốc OSB,": the office's organisation, no name; "Bộ trưởng Lào": a country
        attrs = {"title": title, "title_org_class": title_org_class(title, "vi")}
        return [mention(analysis, start, end, "Person", "rule:vi:title", confidence=0.8, **attrs)]
    return None


#: "ông", "bà", "Ngài", "Đồng chí" before a capitalised name
_HONORIFIC = re.compile(r"(?<![^\W\d_])(?:[ÔôBb]ng|[Bb]à|[Nn]gài|[Đđ]ồng chí) (?=[^\W\d_])")


@functools.cache
def _academic() -> re.Pattern[str]:
    """Academic honorifics of the lexicon, alone or chained ("Giáo sư-Viện sỹ", "PGS.TS"), before a name."""
    words = sorted(
        {h.rstrip(".") for h in honorifics("vi") if h[:1].isupper() and h not in {"Ông", "Bà", "Ngài", "Đồng chí"}},
        key=len,
        reverse=True,
    )
    one = "(?:" + "|".join(re.escape(w) for w in words) + r")\.?"
    return re.compile(rf"(?<![^\W\d_]){one}(?:\s*[-.]\s*{one})* (?=[^\W\d_])")


#: what names a product just before its (Latin-script) name: "ứng dụng OSB Smart", "ví điện tử HTPay",
#: "nền tảng điện toán đám mây PNT Cloud", "hệ thống thanh toán Bakong"
_PRODUCT_BEFORE = re.compile(
    r"(?:ứng dụng|\bapp|ví điện tử|\bví|nền tảng|sản phẩm|hệ thống|giải pháp|dịch vụ)((?: [a-zđà-ỹ][\wà-ỹ]*){0,6}) $"
)


#: a national centre: "Trung tâm ... quốc gia" is a body of the state, not an association or a firm's lab
_STATE_CENTRE = re.compile(r"Trung tâm .* [Qq]uốc gia\b")
#: a list of banks that a name is in: "các ngân hàng thương mại gồm: VietinBank, BIDV, ...", "ngân hàng như X"
_BANK_LIST = re.compile(r"[Nn]gân hàng[^.;:\n]{0,60}?\b(?:gồm|như)\s*:?\s*(?:[A-Z][\w&]*(?: [A-Z][\w&]*){0,3}\s*(?:,|và)\s*)*$")
#: a bank's branch after its name: "Agribank chi nhánh Campuchia", "MB Bank Chi nhánh Campuchia"
_BRANCH = re.compile(r"\s+[Cc]hi nhánh (?:tại )?(?=[^\W\d_])")


def _branch_end(text: str, start: int, end: int) -> int | None:
    """End of "chi nhánh <Place>" just after (or inside) the name at ``start:end``, if it is there."""
    cue = _BRANCH.match(text, end) or _BRANCH.search(text, start, end)
    if cue is None or not text[cue.end()].isupper():
        return None
    return _name_end(text, cue.end(), len(text))


def _latin_class(name: str) -> str:
    """The class a Latin-script name's last word gives by the lexicon's word parts: "TPBank" (a bank),
    "VietQR", "VIETQRPay" (QR payment products); else untyped."""
    last = name.split()[-1]
    for part, cls in head_table("vi", "latin_part"):
        if part in last and last != part:
            return cls
    for suffix, cls in head_table("vi", "latin_suffix"):
        if last.endswith(suffix) and len(last) > len(suffix):
            return cls
    return UNTYPED


@functools.cache
def _head_acronyms() -> dict[str, str]:
    """The initials of the organisations' multi-syllable head words: "NHQG" (Ngân hàng Quốc gia) -> PublicBody."""
    out: dict[str, str] = {}
    for words, cls in _heads():
        syllables = " ".join(words).split()
        if cls in _ORG_CLASSES and len(syllables) >= 3:
            out.setdefault("".join(w[0].upper() for w in syllables), cls)
    return out


def _acronym_of_head(text: str, start: int, end: int) -> str | None:
    """The class of "NHQG Campuchia", "NHNN Lào": a head word's initials and a country, one body of that country."""
    acronym, _, rest = text[start:end].partition(" ")
    return _head_acronyms().get(acronym) if rest in _COUNTRY_WORDS else None


def _names_product(before: str) -> bool:
    """Whether ``before`` ends with a product word and its description ("nền tảng điện toán đám mây "),
    not a clause ("sản phẩm đã được thử nghiệm tại ")."""
    cue = _PRODUCT_BEFORE.search(before)
    return cue is not None and not any(w in _STOP for w in cue.group(1).split())


def _honorific_persons(analysis: Analysis) -> list[Mention]:
    """People named after "ông"/"bà"/"Ngài" or an academic title ("ông Hoàng Đức Thịnh", "Bà Chea Serey",
    "Giáo sư-Viện sỹ Lê Văn X"), with the
    office named right after them (", Phó Tổng Giám đốc OSB"); ``attrs["from"]`` is where the honorific starts."""
    text = analysis.text
    out = []
    for match in [*_HONORIFIC.finditer(text), *_academic().finditer(text)]:
        start = match.end()
        if not text[start].isupper() or any(text.startswith(w + " ", start) for w in _office_words()):
            continue  # "ông Chủ tịch": an office, not a name
        person = _person(analysis, start, len(text), None, "rule:vi:honorific")
        if person is None:
            continue
        after = re.match(r",\s*", text[person.end :])
        if after:
            pos = person.end + after.end()
            title = next((t for t, _ in title_table("vi") if re.match(rf"{re.escape(t)}[ ,;]", text[pos:])), None)
            if title:
                person.attrs.update(title=title, title_org_class=title_org_class(title, "vi"), title_at=pos)
                if org := _apposition_org(text, pos):
                    person.attrs["title_org"] = org
        person.attrs["from"] = match.start()
        out.append(person)
    return out


def _apposition_org(text: str, pos: int) -> str | None:
    """The organisation that closes an office phrase after a name, where a closer one could be taken for it:
    "ông X, Phó Tổng Thư ký, Đặc phái viên về Công nghệ của Tổng Thư ký Liên Hợp Quốc;" -> "Liên Hợp Quốc".
    Only a bare name of two or more capitalised words right after an office or "của" (a name with a
    head word is found as a body of its own)."""
    ends = [i for i in (text.find(c, pos) for c in ";.\n") if i >= 0]
    words = text[pos : min(ends, default=len(text))].split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].replace("-", "").isalpha():
        k -= 1
    run, before = " ".join(words[k:]), " ".join(words[:k])
    if len(words) - k < 2 or not before or _starts_person(Token(0, 0, words[k])):
        return None
    if any(run.startswith(w + " ") for w in _office_words()):
        return None
    return run if before.endswith(" của") or any(before.endswith(t) for t, _ in title_table("vi")) else None


def _office_words() -> list[str]:
    return [t for t, _ in title_table("vi")] + [" ".join(w) for w, _ in _heads()]


def _joins_words(tokens: list[Token], j: int) -> bool:
    """ "và" between two lower-case words inside a plan's name ("kinh tế và xã hội số giai đoạn ...")."""
    return tokens[j].text == "và" and j + 1 < len(tokens) and tokens[j + 1].text[:1].islower() and tokens[j + 1].text not in _STOP


def _enumeration_goes_on(tokens: list[Token], j: int) -> bool:
    """Whether the comma at token ``j`` lists one more topic of a name ("về khoa học, công nghệ, đổi mới
    sáng tạo và chuyển đổi số"): lower-case words and commas follow, up to a "và" that joins the last one."""
    for k in range(j + 1, min(len(tokens), j + 12)):
        tok = tokens[k]
        if tok.text == "và":
            return k > j + 1 and _joins_words(tokens, k)
        if tok.text != "," and (not tok.text[:1].islower() or not tok.text[0].isalpha() or _is_stop(tokens, k)):
            return False
    return False


def _names_program(tokens: list[Token], k: int) -> bool:
    """Whether the words from token ``k`` after a program's head name it ("Chiến lược Chính phủ số",
    "Chương trình Chuyển đổi số quốc gia"): a capitalised Vietnamese word that is no person, country,
    body or office ("Chính phủ số" is digital government, not the Government)."""
    return (
        k < len(tokens)
        and tokens[k].text[:1].isupper()
        and bool(_VI_LETTERS.search(tokens[k].text))
        and not _starts_person(tokens[k])
        and tokens[k].text not in _COUNTRY_WORDS
        and not (_org_head(tokens, k) and not (k + 1 < len(tokens) and tokens[k + 1].text in _NAME_WORDS))
        and not _starts_title(tokens, k)
    )


def _event_end(text: str, tokens: list[Token], i: int, n: int, cls: str) -> int:
    """Where the name of an event, program or agreement opening at token ``i`` (a head of ``n`` tokens)
    ends; ``i + n`` where the head names none (an anaphor: "Hội nghị năm nay", "kế hoạch này")."""
    j, topics = i + n, False
    while j < len(tokens) and j - i < 24 and _same_line(text, tokens, j):
        tok = tokens[j]
        joins = (cls == "Program" or topics) and _joins_words(tokens, j)
        if _is_stop(tokens, j) and not joins:
            break
        if tok.text == "," and topics and _enumeration_goes_on(tokens, j):
            j += 1  # "Hội nghị toàn quốc về đột phá phát triển khoa học, công nghệ, ... và chuyển đổi số"
            continue
        if not (tok.text[0].isalnum() or (tok.text in {"-", "–"} and j + 1 < len(tokens) and _is_cap(tokens[j + 1]))):
            break
        topics = topics or tok.text == "về"
        j += 1
        if cls == "Program" and re.search(r"\d{4}\s*[-–]\s*\d{4}$", text[tokens[i].start : tokens[j - 1].end]):
            break
    if cls == "Program" and not _YEAR_RANGE.search(text[tokens[i].start : tokens[j - 1].end]):
        # a program is named with its years or a capitalised name; otherwise it is a common noun
        return _org_end(tokens, i + n) if _names_program(tokens, i + n) else i + n
    while j > i + n:  # "Diễn đàn Kinh tế mùa thu năm nay": this year's forum; "Hội nghị năm nay": the article's
        words = text[tokens[i + n].start : tokens[j - 1].end]
        tail = next((w for w in _DEICTIC if words == w or words.endswith(" " + w)), None)
        if tail is None:
            break
        cut = tokens[j - 1].end - len(tail)
        while j > i + n and tokens[j - 1].start >= cut:
            j -= 1
    return j


def _same_line(text: str, tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` is on the line of token ``j - 1`` (a name does not run from a title into the text)."""
    return "\n" not in text[tokens[j - 1].end : tokens[j].start]


def _joins_hyphen(tokens: list[Token], j: int) -> bool:
    """A hyphen or ampersand inside a name, written without spaces between capitalised parts ("BM-Go", "TT&TT")."""
    return (
        tokens[j].text in {"-", "–", "&"}
        and j + 1 < len(tokens)
        and tokens[j - 1].end == tokens[j].start
        and tokens[j].end == tokens[j + 1].start
        and _is_cap(tokens[j + 1])
    )


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find Vietnamese entity mentions (not gazetteer ones) in an analysed article."""
    text, tokens = analysis.text, analysis.tokens
    found: list[Mention] = []
    used: set[int] = set()
    starts = _sentence_starts(analysis)
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        for words, cls in _heads():
            if cls not in {"Event", "Program", "Agreement"}:
                continue
            head = " ".join(words)
            if inner.startswith(head + " "):
                found.append(mention(analysis, match.start(1), match.end(1), cls, "rule:vi:quoted", confidence=0.85))
                used.update(range(match.start(1), match.end(1)))
                break
            if text.endswith(head + " ", 0, match.start()) and text[match.start() - len(head) - 1].isupper():
                # Hội thảo "Thúc đẩy thanh toán ...": the head word, then the title in quotes
                start = match.start() - len(head) - 1
                found.append(mention(analysis, start, match.end(), cls, "rule:vi:quoted", confidence=0.85))
                used.update(range(start, match.end()))
                break
    titled: set[int] = set()  # where an office named right after a person starts ("Bà X, Tổng Giám đốc ...")
    for person in _honorific_persons(analysis):
        if "title_at" in person.attrs:
            titled.add(person.attrs.pop("title_at"))  # type: ignore[arg-type]
        found.append(person)
        used.update(range(person.attrs.pop("from"), person.end))  # type: ignore[arg-type]
    for match in _RESOLUTION.finditer(text):
        if match.start() not in used:
            found.append(mention(analysis, match.start(), match.end(), "Program", "rule:vi:resolution", confidence=0.85))
            used.update(range(match.start(), match.end()))
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.start in used:
            i += 1
            continue
        head = next(((n, cls) for words, cls in _heads() if (n := _match_words(tokens, i, words))), None)
        if head and tokens[i].text[:1].isupper():
            n, cls = head
            j = i + n
            j = _org_end(tokens, j) if cls in _ORG_CLASSES | {"Place"} else _event_end(text, tokens, i, n, cls)
            start, end = tokens[i].start, tokens[j - 1].end
            if j == i + n and cls == "Government" and not _OTHER_GOVERNMENTS.match(text, end):
                # "Chính phủ" alone is the home government ("giữa Thành phố, Chính phủ và các đối tác"),
                # not "Chính phủ hai nước" (the two countries')
                found.append(mention(analysis, start, end, cls, "rule:vi:home-government", key=_HOME_GOVERNMENT_KEY))
            elif j == i + n:
                found.append(mention(analysis, start, end, REFERENCE, "rule:vi:anaphor", ref=cls, head=text[start:end]))
            else:
                if cls == "Organization" and _STATE_CENTRE.match(text, start, end):
                    cls = "PublicBody"  # "Trung tâm Giám sát an toàn không gian mạng quốc gia": a state body
                found.extend(_with_acronym(analysis, start, end, cls))
            i = j
            continue
        anaphor = next((w for w in _EVENT_ANAPHORS if _match_words(tokens, i, w.split())), None)
        if anaphor:  # "chủ trì hội thảo", "tham dự sự kiện": the event the article is about
            n = _match_words(tokens, i, anaphor.split())
            end = tokens[i + n - 1].end
            found.append(mention(analysis, tok.start, end, REFERENCE, "rule:vi:anaphor", ref="Event", head=anaphor))
            i += n
            continue
        title = next((t for t, _ in title_table("vi") if _match_words(tokens, i, t.split())), None)
        if title:
            j = i + _match_words(tokens, i, title.split())
            held = _title_holder(analysis, tokens, j, title)
            if held is not None and tok.start in titled and held[-1].cls == "Person":
                # "Bà Nguyễn Thị X, Tổng Giám đốc Lúa Vàng,": the office of the person before it; the name
                # after it is the organisation's (short) name, not a second person
                held = held[:-1] or None
            if held is not None:
                found.extend(held)
                person_end = held[-1].end
                i = j
                while i < len(tokens) and tokens[i].start < person_end:
                    i += 1
                continue
            found.append(
                mention(
                    analysis,
                    tok.start,
                    tokens[j - 1].end,
                    REFERENCE,
                    "rule:vi:anaphor",
                    ref="Person",
                    title=title,
                )
            )
            i = j
            continue
        if _is_cap(tok) and tok.text[0].isalpha():
            j = i + 1
            while j < len(tokens) and j - i < 6 and tokens[j].start not in used and _same_line(text, tokens, j):
                if _is_cap(tokens[j]) and not _starts_office(tokens, j):
                    j += 1
                elif _joins_hyphen(tokens, j):  # "BM-Go"
                    j += 2
                else:
                    break
            span = tokens[i:j]
            foreign = any(not _VI_LETTERS.search(t.text) for t in span)
            at_start = tok.start in starts
            english = len(span) == 1 and re.match(r" (?:in|of|for|by|and|the|to) [A-Za-z]", text[span[0].end :])
            if english:
                i = j  # "Made in Vietnam": an English phrase in the Vietnamese text, no name
                continue
            if (len(span) >= 2 and not at_start) or (foreign and not (at_start and len(span) == 1 and tok.text.istitle())):
                start, end = span[0].start, span[-1].end
                branch = _branch_end(text, start, end)
                if branch is not None:  # "Agribank chi nhánh Campuchia": the bank's branch, a company of its own
                    found.append(mention(analysis, start, branch, "Company", "rule:vi:branch", confidence=0.7))
                    i = j
                    while i < len(tokens) and tokens[i].start < branch:
                        i += 1
                    continue
                cls = "Product" if foreign and _names_product(text[max(0, start - 40) : start]) else UNTYPED
                if cls == UNTYPED and len(span) >= 2 and text[start - 1 : start] != "(":
                    # "quỹ Sông Hồng Ventures": a name with an English head word (not an alias in brackets)
                    cls = class_by_head(text[start:end], "en") or UNTYPED
                if cls == UNTYPED and foreign:
                    cls = _latin_class(text[start:end])  # "TPBank", "VietQR"
                if cls == UNTYPED and len(span) == 2:
                    cls = _acronym_of_head(text, start, end) or UNTYPED
                if cls == UNTYPED and foreign and _BANK_LIST.search(text[max(0, start - 160) : start]):
                    cls = "Company"  # "14 ngân hàng Lào tham gia gồm: ACLE, APB, BCEL": each a bank
                found.append(mention(analysis, start, end, cls, "rule:vi:name", confidence=0.6))
            i = j
            continue
        i += 1
    for m in found:
        if m.cls == "Person":
            _home_government(analysis, m)
    return found
