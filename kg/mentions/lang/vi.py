"""Vietnamese mention rules over pyvi tokens: names opened by a head word (Bộ, Ngân hàng,
Hội nghị, Nghị quyết ...), capitalised word sequences, titles before names, anaphors."""

from __future__ import annotations

import re

from kg.mentions.common import REFERENCE, UNTYPED, mention, title_org_class
from kg.mentions.lexicons import head_table, title_table
from kg.nlp.analysis import Analysis, Token
from kg.records import Mention

_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")
_YEAR_RANGE = re.compile(r"\d{4}(?:\s*[-–]\s*\d{4})?")
_QUOTED = re.compile(r"[“\"]([^”\"]{6,200})[”\"]")
_RESOLUTION = re.compile(r"Nghị quyết(?: số)? \d+(?:-[A-Z]+(?:/[A-Z]+)?)?")
#: words that end a lower-case name run (programs, events): prepositions, verbs, conjunctions
_STOP = {
    "tại",
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
}
_CONNECTORS = {"và", "về", "của"}
#: the common Vietnamese family names: a capitalised run that opens with one is a person, not more of an organisation's name
_SURNAMES = {  # not those that also open common words of names: Hà (Hà Nội), Đào (Đào tạo), Lâm (Lâm nghiệp) ...
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
    "Đinh", "Lương", "Trịnh", "Tô", "Vương", "Tạ", "Kiều", "Đàm", "Lưu", "Quách", "Triệu", "Tống", "Khuất",
}  # fmt: skip
_ORG_CLASSES = {"Ministry", "PublicBody", "Company", "Organization", "Government"}


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
    return token.text.split()[0] in _SURNAMES and token.text[:1].isupper()


def _org_head(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(tokens, class) of an organisation's head word starting at token ``i``, if one does."""
    head = next(((n, cls) for words, cls in _heads() if (n := _match_words(tokens, i, words))), None)
    return head if head is not None and head[1] in _ORG_CLASSES and tokens[i].text[:1].isupper() else None


def _org_end(tokens: list[Token], j: int) -> int:
    """Where an organisation's name that continues at token ``j`` ends: capitalised words and
    connectors, but not a second organisation after "và" nor a person's name after it."""
    first = j
    while j < len(tokens):
        tok = tokens[j]
        if _is_cap(tok):
            if j > first and _starts_person(tok):
                break
            j += 1
            continue
        joined = (
            tok.text in _CONNECTORS
            and j + 1 < len(tokens)
            and _is_cap(tokens[j + 1])
            and _VI_LETTERS.search(tokens[j + 1].text)
            and not (tok.text == "và" and _org_head(tokens, j + 1))
            and not _starts_person(tokens[j + 1])
        )
        if not joined:
            break
        j += 1
    return j


_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZĐ][A-ZĐ&\-]{1,9})\)")


def _with_acronym(analysis: Analysis, start: int, end: int, cls: str) -> list[Mention]:
    """A headed name, and the acronym the article gives it in brackets ("... Việt Nam (NAPAS)")."""
    after = _ACRONYM_AFTER.match(analysis.text, end)
    if after is None or cls not in _ORG_CLASSES:
        return [mention(analysis, start, end, cls, "rule:vi:head", confidence=0.8)]
    acronym = after.group(1)
    return [
        mention(analysis, start, end, cls, "rule:vi:head", confidence=0.8, acronym=acronym),
        mention(analysis, after.start(1), after.end(1), cls, "rule:acronym", confidence=0.85),
    ]


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find Vietnamese entity mentions (not gazetteer ones) in an analysed article."""
    text, tokens = analysis.text, analysis.tokens
    found: list[Mention] = []
    used: set[int] = set()
    starts = _sentence_starts(analysis)
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        for words, cls in _heads():
            if cls in {"Event", "Program", "Agreement"} and inner.startswith(" ".join(words) + " "):
                found.append(mention(analysis, match.start(1), match.end(1), cls, "rule:vi:quoted", confidence=0.85))
                used.update(range(match.start(1), match.end(1)))
                break
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
            if cls in _ORG_CLASSES:
                j = _org_end(tokens, j)
            else:
                while (
                    j < len(tokens)
                    and j - i < 18
                    and tokens[j].text not in _STOP
                    and (
                        tokens[j].text[0].isalnum()
                        or (tokens[j].text in {"-", "–"} and j + 1 < len(tokens) and tokens[j + 1].text[:1].isdigit())
                    )
                ):
                    j += 1
                    if cls == "Program" and re.search(r"\d{4}\s*[-–]\s*\d{4}$", text[tokens[i].start : tokens[j - 1].end]):
                        break
                if cls == "Program" and not _YEAR_RANGE.search(text[tokens[i].start : tokens[j - 1].end]):
                    j = i + n  # a program is named with its years; otherwise it is a common noun
            start, end = tokens[i].start, tokens[j - 1].end
            if j == i + n:
                found.append(mention(analysis, start, end, REFERENCE, "rule:vi:anaphor", ref=cls, head=text[start:end]))
            else:
                found.extend(_with_acronym(analysis, start, end, cls))
            i = j
            continue
        title = next((t for t, _ in title_table("vi") if _match_words(tokens, i, t.split())), None)
        if title:
            j = i + _match_words(tokens, i, title.split())
            if j + 1 < len(tokens) and _ACRONYM.fullmatch(tokens[j].text) and _starts_person(tokens[j + 1]):
                # "Thống đốc NHNN Nguyễn Thị Hồng": the office's organisation by its acronym, then the person
                k = j + 1
                while k < len(tokens) and _is_cap(tokens[k]) and k - j <= 4:
                    k += 1
                found.append(mention(analysis, tokens[j].start, tokens[j].end, UNTYPED, "rule:vi:acronym", confidence=0.7))
                found.append(
                    mention(
                        analysis, tokens[j + 1].start, tokens[k - 1].end, "Person", "rule:vi:title", confidence=0.8,
                        title=title, title_org_class=title_org_class(title, "vi"),
                    )
                )  # fmt: skip
                i = k
                continue
            office = _org_head(tokens, j)
            if office is not None:  # "Bộ trưởng Bộ Thông tin và Truyền thông Nguyễn Mạnh Hùng"
                n, cls = office
                end_org = _org_end(tokens, j + n)
                k = end_org
                while k < len(tokens) and _is_cap(tokens[k]) and k - end_org < 3:
                    k += 1
                if end_org > j + n and k > end_org and _starts_person(tokens[end_org]):
                    found.append(mention(analysis, tokens[j].start, tokens[end_org - 1].end, cls, "rule:vi:head", confidence=0.8))
                    found.append(
                        mention(
                            analysis, tokens[end_org].start, tokens[k - 1].end, "Person", "rule:vi:title",
                            confidence=0.8, title=title, title_org_class=title_org_class(title, "vi"),
                        )
                    )  # fmt: skip
                    i = k
                    continue
            k = j
            while k < len(tokens) and _is_cap(tokens[k]) and k - j < 6:
                k += 1
            # a country name may stand between the title and the name ("Thủ tướng Lào Sonexay ...")
            names = [t for t in tokens[j:k] if not _VI_LETTERS.search(t.text) or k - j <= 3]
            if k > j and names:
                name_start = j
                while name_start < k - 1 and tokens[name_start].text in {
                    "Chính phủ",
                    "Lào",
                    "Việt Nam",
                    "Campuchia",
                }:
                    name_start += 1
                start, end = tokens[name_start].start, tokens[k - 1].end
                found.append(
                    mention(
                        analysis,
                        start,
                        end,
                        "Person",
                        "rule:vi:title",
                        confidence=0.8,
                        title=title,
                        title_org_class=title_org_class(title, "vi"),
                    )
                )
                i = k
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
            j = i
            while j < len(tokens) and _is_cap(tokens[j]) and j - i < 6:
                j += 1
            span = tokens[i:j]
            foreign = any(not _VI_LETTERS.search(t.text) for t in span)
            at_start = tok.start in starts
            if (len(span) >= 2 and not at_start) or (foreign and not (at_start and len(span) == 1 and tok.text.istitle())):
                found.append(mention(analysis, span[0].start, span[-1].end, UNTYPED, "rule:vi:name", confidence=0.6))
            i = j
            continue
        i += 1
    return found
