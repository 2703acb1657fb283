"""Khmer mention rules.

Khmer writes the words of a phrase without spaces; a space separates phrases (and, in news
text, the family and given names of a person). The rules therefore read the text by characters:

- a head word (ក្រសួង, ធនាគារជាតិ, សិក្ខាសាលា, គោលនយោបាយ ...; ``heads.json`` under ``km``) opens a
  name, which runs to the next space or to a word that ends names (a verb, a preposition:
  ``km.json`` ``cut``); " និង..." continues a ministry's name, a year range or an ordinal an
  event's or a plan's, "ស្តីពី" (on) and the topic after it an event's;
- a short form in brackets right after a name is that name ("(NBC)", "(ក.ប.ទ.)");
- an honorific (លោក, លោកស្រី, ឯកឧត្តម, សម្ដេចធិបតី ...) opens a person's name: family and given
  name, two short space-separated words; an office title (រដ្ឋមន្ត្រី, ទេសាភិបាល ...) before or
  after the name is recorded as the person's title and the kind of organisation it belongs to;
- Latin-script names are typed by the words around them (ប្រព័ន្ធ KHQR: a product).

Khmer text comes in several encodings of one spelling (subscript ដ/ត, the order of a subscript
and a vowel sign); matching runs on a folded copy of the text of the same length, so that every
span found indexes the original text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.gazetteer import GazetteerEntry
from kg.linking.normalize import signature
from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention
from kg.mentions.lang.th import LATIN_NAME
from kg.mentions.lexicons import head_table, honorifics, load_json, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

#: Khmer letters that make up a word: consonants, independent vowels, vowel signs, diacritics, coeng, ៗ
LETTERS = "\u1780-\u17b3\u17b6-\u17d3\u17d7\u17dd\u200b"
_DIGITS = "0-9\u17e0-\u17e9"
#: what a phrase (a run without spaces) is made of: letters, digits, joining marks
_CHUNK_CHAR = re.compile(f"[{LETTERS}{_DIGITS}\\-.]")
_LETTER = re.compile(f"[{LETTERS}]")
#: a mark that continues the syllable before it (a vowel sign, a diacritic, the coeng)
_DEPENDENT = re.compile("[\u17b6-\u17d3\u17dd]")
_COENG = "\u17d2"
#: a short form in brackets: "(NBC)", "(UN-ESCAP)", "(Go Digital Cambodia)", "(ក.ប.ទ.)"
_BRACKET = re.compile(
    r"\s?\(\s?([A-Z][A-Za-z0-9&\-.]{1,14}(?: [A-Z][A-Za-z0-9&\-]*){0,4}"
    f"|[{LETTERS}]{{1,3}}\\.(?:[{LETTERS}]{{1,3}}\\.)+)\\s?\\)"
)
#: a number after an event's or a plan's name: a year, a year range, an ordinal or a phase
_VERSION = re.compile(
    f"\\s?(?:(?:ឆ្នាំ|ព\\.ស\\.)\\s?)?[{_DIGITS}]{{4}}(?:\\s?[-–]\\s?[{_DIGITS}]{{4}})?(?![{_DIGITS}])"
    f"|\\s?(?:លើកទី|ដំណាក់កាលទី|អាណត្តិទី)\\s?[{_DIGITS}]+"
    f"|\\s[{_DIGITS}]+\\.[{_DIGITS}]+"
)
#: a web address: a product ("គេហទំព័រ godigital.gov.kh")
_WEBSITE = re.compile(
    r"(?<![A-Za-z0-9.@/])(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:kh|com|org|net|gov|edu|asia|io)(?![A-Za-z0-9])"
)
_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}")
#: Latin words that are common nouns in Khmer tech news, not names
_GENERIC = {"Real-time", "Startup", "Fintech", "Digital", "Online", "Code", "QR Code"}


def fold(text: str) -> str:
    """The text in one spelling of each Khmer letter sequence, of the same length as ``text``.

    Subscript ដ is written for subscript ត and the other way round ("មន្ដ្រី", "មន្ត្រី"); the
    subscript រ is typed before or after another subscript ("មន្រ្តី", "មន្ត្រី"); a vowel sign is typed
    before or after a subscript ("បចេ្ចក", "បច្ចេក"). Only characters change places, so indexes hold.
    """
    text = text.replace("\u17d2\u178a", "\u17d2\u178f")  # ្ដ -> ្ត
    text = re.sub("\u17d2\u179a(\u17d2[\u1780-\u17a2])", "\\1\u17d2\u179a", text)  # ្រ្ត -> ្ត្រ
    text = re.sub("([\u17c1-\u17c5])(\u17d2[\u1780-\u17a2])", "\\2\\1", text)  # េ្ច -> ្ចេ
    return text.replace("\u17c9", "\u17ca")  # ៉ and ៊ (register shifters) are typed one for the other


@dataclass(frozen=True)
class _Lexicon:
    cut: tuple[str, ...]
    name_stop: tuple[str, ...]
    conj: tuple[str, ...]
    about: tuple[str, ...]
    opening: tuple[str, ...]
    anaphor_after: tuple[str, ...]
    not_a_name_after: tuple[str, ...]
    weak_heads: tuple[tuple[str, str], ...]
    needs_topic_or_number: tuple[str, ...]
    product_words: tuple[str, ...]
    company_words: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    heads: tuple[tuple[str, str], ...]
    titles: tuple[tuple[str, str | None], ...]
    honorifics: tuple[str, ...]
    not_honorific_after: tuple[str, ...]
    protected: tuple[str, ...]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in words}, key=lambda w: (-len(w), w)))


@functools.cache
def lexicon() -> _Lexicon:
    """The Khmer word lists (``data/lexicons/km.json``, ``heads.json`` and ``titles.json``), folded, cached."""
    raw = load_json("km.json")
    weak = [(fold(w), cls) for cls, words in raw.get("weak_heads", {}).items() for w in words]
    return _Lexicon(
        cut=_longest_first(raw.get("cut", [])),
        name_stop=_longest_first(raw.get("name_stop", [])),
        conj=_longest_first(raw.get("and", [])),
        about=_longest_first(raw.get("about", [])),
        opening=_longest_first(raw.get("opening", [])),
        anaphor_after=_longest_first(raw.get("anaphor_after", [])),
        not_a_name_after=_longest_first(raw.get("not_a_name_after", [])),
        weak_heads=tuple(sorted(weak, key=lambda p: (-len(p[0]), p[0]))),
        needs_topic_or_number=_longest_first(raw.get("needs_topic_or_number", [])),
        product_words=_longest_first(raw.get("product_words", [])),
        company_words=_longest_first(raw.get("company_words", [])),
        quotes=tuple((a, b) for a, b in raw.get("quotes", [])),
        heads=tuple(sorted(((fold(h), c) for h, c in head_table("km", "prefix")), key=lambda p: (-len(p[0]), p[0]))),
        titles=tuple(sorted(((fold(t), c) for t, c in title_table("km")), key=lambda p: (-len(p[0]), p[0]))),
        honorifics=_longest_first(list(honorifics("km"))),
        not_honorific_after=_longest_first(raw.get("not_honorific_after", [])),
        protected=_longest_first(raw.get("protected", [])),
    )


def _starts_syllable(text: str, i: int) -> bool:
    """Whether a word may start at ``i``: not inside a cluster (after a coeng) nor at a vowel sign."""
    return 0 <= i < len(text) and not _DEPENDENT.match(text, i) and (i == 0 or text[i - 1] != _COENG)


def _ends_syllable(text: str, i: int) -> bool:
    """Whether a word may end before ``i``: no vowel sign, diacritic or coeng continues it."""
    return i >= len(text) or not _DEPENDENT.match(text, i)


def word_at(text: str, i: int, words: tuple[str, ...]) -> str | None:
    """The longest of ``words`` written at ``i`` as whole syllables, else None."""
    if not _starts_syllable(text, i):
        return None
    for w in words:
        if text.startswith(w, i) and _ends_syllable(text, i + len(w)):
            return w
    return None


def _find_word(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """The first position in ``[start, end)`` where one of ``words`` is written whole, not inside a longer
    word of ``km.json`` ``protected`` ("មាន" in "ព័ត៌មាន"); ``end`` if none."""
    protected = lexicon().protected
    for i in range(start, end):
        if word_at(text, i, words) and not any(
            text.startswith(w, j) for w in protected for j in range(max(0, i - len(w) + 1), i + 1)
        ):
            return i
    return end


def _chunk_end(text: str, i: int) -> int:
    while i < len(text) and _CHUNK_CHAR.match(text, i):
        i += 1
    while i > 0 and text[i - 1] in ".-":
        i -= 1
    return i


class _Reader:
    """The rules over one article: the folded text, the gazetteer's spans, what is taken."""

    def __init__(self, analysis: Analysis) -> None:
        from kg.mentions.gazetteer_match import active_matcher

        self.analysis = analysis
        self.raw = analysis.text
        self.text = fold(analysis.text)
        self.lex = lexicon()
        matcher = active_matcher()
        self.hits = [h for h in matcher.find(self.raw) if not h.ambiguous]
        self.gazetteer = [(h.start, h.end, h.entries[0].cls) for h in matcher.find(self.raw)]
        self.gazetteer_starts = {s for s, _, _ in self.gazetteer}
        self.tech_words = {w for w in matcher.technology_words if w.isascii()}
        self.found: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        self.acronyms: dict[str, str] = {}

    # --- helpers -------------------------------------------------------------------------
    def is_taken(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def head_at(self, i: int) -> tuple[str, str] | None:
        if not _starts_syllable(self.text, i):
            return None
        return next(((h, c) for h, c in self.lex.heads if self.text.startswith(h, i)), None)

    def add(self, start: int, end: int, cls: str, extractor: str, confidence: float = 0.75, **attrs: object) -> None:
        self.found.append(mention(self.analysis, start, end, cls, extractor, confidence=confidence, **attrs))

    # --- names opened by a head word --------------------------------------------------------
    def extend(self, start: int, head: str, cls: str) -> int:
        """The end of a name opened by ``head`` at ``start``."""
        text, lex = self.text, self.lex
        end = _chunk_end(text, start + len(head))
        end = _find_word(text, lex.cut, start + len(head), end)
        # "និង" (and) inside a phrase joins two names where a head word or a curated name follows it
        i = start + len(head)
        while i < end:
            conj = word_at(text, i, lex.conj)
            if conj and (self.head_at(i + len(conj)) or (i + len(conj)) in self.gazetteer_starts):
                end = i
                break
            i += 1
        while True:
            rest = text[end:]
            if cls in {"Event", "Program"} and (version := _VERSION.match(text, end)):
                end = version.end()
                continue
            conj = re.match(r" ?(និង) ?", rest)
            if conj and cls in {"Ministry", "PublicBody", "Organization", "Program", "Event", "Place"}:
                nxt = end + conj.end()
                nxt_end = _find_word(text, lex.cut, nxt, _chunk_end(text, nxt))
                if nxt_end > nxt and self.plain_phrase(nxt, nxt_end):
                    end = nxt_end  # "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍": the ministry of post and telecommunications
                    continue
            tech = re.match(r" ([A-Za-z][A-Za-z0-9.\-]*)", rest)
            if tech and tech.group(1).casefold() in self.tech_words and cls in {"PublicBody", "Event", "Program"}:
                end += tech.end()  # "ក្រុមការងារ... AI": a technology word closes the name
                continue
            break
        return end

    def plain_phrase(self, start: int, end: int) -> bool:
        """Whether a phrase after " និង" may continue a name: no head word, curated name, honorific or title in it."""
        orgs = {"Ministry", "PublicBody", "Organization", "Government", "Company"}
        if start in self.gazetteer_starts or any(start <= s < end and c in orgs for s, _, c in self.gazetteer):
            return False  # "... និងកម្ពុជា", "... និងធនាគារជាតិ...": another name (a country inside one is part of it)
        return not any(
            self.head_at(i) or word_at(self.text, i, self.lex.honorifics) or self._title_at(i) for i in range(start, end)
        )

    def bracket_after(self, end: int, cls: str) -> tuple[int, re.Match[str]] | None:
        """A short form in brackets after a name, up to two phrases on ("... សម្រាប់អាស៊ី-ប៉ាស៊ីហ្វិក (UN-ESCAP)")."""
        pos = end
        for _ in range(3):
            found = _BRACKET.match(self.raw, pos)
            if found:
                return pos, found
            nxt = re.match(" ", self.text[pos:])
            if not nxt or cls in {"Company", "Program"}:
                return None
            start = pos + 1
            stop = _chunk_end(self.text, start)
            if stop == start or _find_word(self.text, self.lex.cut, start, stop) < stop or self.head_at(start):
                return None
            pos = stop
        return None

    def quoted_at(self, i: int) -> tuple[int, int, int] | None:
        """A quoted title at ``i`` (spaces before it allowed): (open, close, end after the closing quote)."""
        m = re.match(r" ?", self.text[i:])
        pos = i + (m.end() if m else 0)
        for a, b in self.lex.quotes:
            if self.text.startswith(a, pos):
                close = self.text.find(b, pos + 1, pos + 200)
                if close > pos + 2 and "\n" not in self.text[pos:close]:
                    return pos, close, close + 1
        return None

    def headed_names(self) -> None:
        text, lex = self.text, self.lex
        starts = sorted(
            (m.start(), h, c) for h, c in lex.heads for m in re.finditer(re.escape(h), text) if _starts_syllable(text, m.start())
        )
        seen: set[int] = set()
        for start, head, cls in starts:
            if start in seen or self.is_taken(start, start + len(head)) or any(s < start < e for s, e, _ in self.gazetteer):
                continue
            seen.add(start)
            head, cls = self.head_at(start) or (head, cls)
            if self.curated_phrase_at(start):
                continue
            opening = word_at(text, start, lex.opening)
            if opening and (inner := self.head_at(start + len(opening))) and inner[1] == "Event":
                continue  # "ពិធីបើកសិក្ខាសាលា...": the opening ceremony of a workshop, named as the workshop
            self.headed_name(start, head, cls)

    def curated_phrase_at(self, start: int) -> bool:
        """Whether a curated name starts at ``start`` and ends where a phrase or a name ends."""
        for s, e, _cls in self.gazetteer:
            if s == start:
                return not _LETTER.match(self.text, e) or word_at(self.text, e, self.lex.cut) is not None
        return False

    def headed_name(self, start: int, head: str, cls: str) -> None:
        text, lex = self.text, self.lex
        end = self.extend(start, head, cls)
        after_head = start + len(head)
        if cls in {"Event", "Program"} and self.about_and_quote(start, end, head, cls):
            return
        if anaphor := word_at(text, after_head, lex.anaphor_after):
            self.anaphor(start, after_head + len(anaphor), head, cls)  # "កម្មវិធីនេះ": this programme
            return
        if end == after_head and cls in {"Company", "Organization", "PublicBody"}:
            curated = next((h for h in self.hits if h.start == end + 1 and h.text.isascii()), None)
            if text[end : end + 1] == " " and curated is not None and curated.entries[0].cls in {cls, "Company"}:
                # "ក្រុមហ៊ុន Huawei": the head word and the curated name it types are one name ("A និងក្រុមហ៊ុន B")
                entry = curated.entries[0]
                self.found.append(
                    mention(self.analysis, start, curated.end, entry.cls, "rule:km:head", key=entry.id, confidence=0.8)
                )
                self.taken.append((start, curated.end))
                return
        if end == after_head:
            alone = start == 0 or not _LETTER.match(text, start - 1)
            if alone and cls != "Event" and word_at(text, end, lex.cut):
                self.anaphor(start, end, head, cls)  # "ក្រសួងបានបញ្ជាក់": the ministry said
            return
        if text[after_head : after_head + 1] == "-":
            return  # "ក្រសួង-ស្ថាប័ន": ministries and institutions, a common noun
        common = word_at(text, after_head, lex.not_a_name_after)
        named = re.search(f"[{_DIGITS}]", text[start:end]) or any(start < g < end for g in self.gazetteer_starts)
        if common and (common != fold("ឌីជីថល") or not named):
            return  # "វេទិកាឌីជីថល", "ធនាគារពាណិជ្ជ": a common noun ("សប្តាហ៍ឌីជីថលកម្ពុជា ២០២៤" is a name)
        if cls == "Program" and word_at(text, start, lex.needs_topic_or_number):
            name = text[start:end]
            if not re.search(f"[{_DIGITS}]", name) and not any(a in name for a in lex.about):
                return  # "ផែនការ..." without years, number or topic: a common noun
        bracket = self.bracket_after(end, cls)
        if cls == "Event" and bracket is not None:
            _, found = bracket
            end = found.end()  # "ពិធីសម្ពោធ... ខេអេចយ្យូអរ (KHQR)": the ceremony of the product named
            bracket = None
        elif bracket is not None:
            end = bracket[0]
        self.named(start, end, cls, "rule:km:head", bracket[1] if bracket else None)

    def about_and_quote(self, start: int, end: int, head: str, cls: str) -> bool:
        """An event or plan "on" a topic: "សិក្ខាសាលាស្តីពី «...»", "កម្មវិធី “...”" (the name in quotes)."""
        text, lex = self.text, self.lex
        about = next((a for a in lex.about if text.endswith(a, 0, end)), None)
        quoted = self.quoted_at(end) if about or end == start + len(head) or text[end : end + 1] in '«“"' else None
        if quoted:
            q_open, close, q_end = quoted
            inner = self.head_at(q_open + 1)
            if about and inner is None and cls == "Event":
                self.named(start, q_end, cls, "rule:km:about")  # the workshop on "...", quotes and all
                return True
            if about:
                self.named(start, end - len(about), cls, "rule:km:head")
            elif end > start + len(head):
                self.named(start, end, cls, "rule:km:head")
            # the quoted name itself: a plan or guide (its own head word), else what the head says
            q_cls = inner[1] if inner else cls
            bracket = _BRACKET.match(self.raw, q_end)
            self.named(q_open + 1, close, q_cls, "rule:km:quoted", bracket, taken_end=q_end)
            return True
        if about:
            topic = re.match(" ", text[end:])
            t_end = _chunk_end(text, end + 1) if topic else end
            if topic and t_end > end + 1:
                t_end = _find_word(text, lex.cut, end + 1, t_end)
                self.named(start, t_end, cls, "rule:km:about")  # "សិក្ខាសាលាស្តីពី ឌីជីថលូបនីយកម្ម..."
            elif end - len(about) > start + len(head):
                self.named(start, end - len(about), cls, "rule:km:head")  # "...ស្តីពី" at the end of the text
            return True
        return False

    def named(
        self,
        start: int,
        end: int,
        cls: str,
        extractor: str,
        bracket: re.Match[str] | None = None,
        *,
        taken_end: int | None = None,
    ) -> None:
        """Record a name and the short form in brackets after it (one entity)."""
        while end > start and self.raw[end - 1] in " .-":
            end -= 1
        if end - start < 2:
            return
        attrs: dict[str, object] = {}
        key = None
        if bracket is not None:
            short = bracket.group(1)
            if short.casefold() not in self.tech_words:
                attrs["acronym"] = short
                entry = self.curated_short_form(start, end, bracket)
                if entry is not None:
                    key, cls = entry.id, entry.cls
                self.acronyms.setdefault(short, cls)
                self.add(bracket.start(1), bracket.end(1), cls, "rule:acronym", 0.8)
                self.taken.append((bracket.start(1), bracket.end(1)))
        self.found.append(mention(self.analysis, start, end, cls, extractor, key=key, confidence=0.75, **attrs))
        self.taken.append((start, taken_end or end))

    def curated_short_form(self, start: int, end: int, bracket: re.Match[str]) -> GazetteerEntry | None:
        """The curated entity a name is, where its short form in brackets is a curated one and the name
        says the same in Khmer: "គណៈកម្មការសេដ្ឋកិច្ច ... (UN-ESCAP)" is ESCAP, by two or more words of
        its English name (an article's own "(BoK)" for another bank is not the curated BoK)."""
        hit = next((h for h in self.hits if h.start == bracket.start(1) and h.end == bracket.end(1)), None)
        if hit is None:
            return None
        entry = hit.entries[0]
        mine = signature(self.raw[start:end], "km")
        theirs = frozenset(w for label in entry.labels.get("en", ()) for w in signature(label, "en"))
        return entry if len(mine & theirs) >= 2 else None

    def anaphor(self, start: int, end: int, head: str, cls: str) -> None:
        """ "ក្រសួង" (the ministry), "កម្មវិធីនេះ" (this programme): a reference resolved by the linker."""
        heads = {"Ministry": "ministry", "Company": "company"}
        if cls == "Event":
            self.add(start, end, REFERENCE, "rule:km:anaphor", ref="Event", head=head)
        elif cls in heads or head.startswith("ធនាគារ"):
            head_en = "central bank" if cls == "PublicBody" else "bank" if head.startswith("ធនាគារ") else heads[cls]
            self.add(start, end, REFERENCE, "rule:km:anaphor", ref="Organization", head=head_en)
        self.taken.append((start, end))

    def weak_headed(self) -> None:
        """ "សេវារដ្ឋាភិបាលឌីជីថល (DGP)": a common word opens a name only where a short form follows it."""
        for head, cls in self.lex.weak_heads:
            for m in re.finditer(re.escape(head), self.text):
                start = m.start()
                if not _starts_syllable(self.text, start) or self.is_taken(start, m.end()):
                    continue
                end = _find_word(self.text, self.lex.cut, m.end(), _chunk_end(self.text, m.end()))
                if end == m.end():
                    continue
                found = _BRACKET.match(self.raw, end)
                if found and re.match(r"[A-Z]", found.group(1)):
                    self.named(start, end, cls, "rule:km:weak-head", found)

    # --- a curated body named short ---------------------------------------------------------------
    def short_names_of_curated(self) -> None:
        """ "ក្រសួងប្រៃសណីយ៍" where the article names "ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍": a body's short name
        whose words are all words of a curated body of the same kind that the article names is that body."""
        curated = [
            (h.entries[0], signature(h.text, "km"))
            for h in self.hits
            if h.entries[0].cls in {"Ministry", "PublicBody", "Organization", "Government"} and not h.text.isascii()
        ]
        for i, m in enumerate(self.found):
            if m.key or m.cls not in {"Ministry", "PublicBody", "Organization"} or not m.extractor.startswith("rule:km:"):
                continue
            words = signature(m.text, "km")
            same = {e.id: e for e, sig in curated if e.cls == m.cls and len(words) >= 2 and words <= sig}
            if len(same) == 1:
                entry = next(iter(same.values()))
                self.found[i] = mention(self.analysis, m.start, m.end, entry.cls, m.extractor, key=entry.id, **m.attrs)

    # --- acronyms used again ------------------------------------------------------------------
    def acronyms_again(self) -> None:
        """Later uses of a Khmer short form the article defined ("ក.ប.ទ."); Latin ones are read as Latin names."""
        for short, cls in self.acronyms.items():
            if short.isascii():
                continue
            for m in re.finditer(re.escape(short), self.raw):
                if not self.is_taken(m.start(), m.end()):
                    self.add(m.start(), m.end(), cls, "rule:acronym", 0.8)
                    self.taken.append((m.start(), m.end()))

    # --- people ---------------------------------------------------------------------------------
    def prefix_at(self, i: int, *, title_first: bool = False) -> tuple[int, list[tuple[str, int]], bool] | None:
        """Honorifics and titles from ``i``: (end, titles and where they stand, honorific seen); None when none
        is there. With ``title_first``, an office may open the run ("នាយករដ្ឋមន្ត្រី ហ៊ុន ...")."""
        text, lex = self.text, self.lex
        titles: list[tuple[str, int]] = []
        honorific = title_first
        pos = i
        while True:
            h = word_at(text, pos, lex.honorifics)
            t = None if h else next((t for t, _ in lex.titles if text.startswith(t, pos)), None)
            if h:
                honorific, pos = True, pos + len(h)
            elif t and honorific:
                titles.append((t, pos))
                pos += len(t)
            else:
                break
            if text[pos : pos + 1] == " " and (word_at(text, pos + 1, lex.honorifics) or self._title_at(pos + 1)):
                pos += 1
        if title_first and titles and text[pos : pos + 1] != " ":
            # "នាយករដ្ឋមន្ត្រីកម្ពុជា ហ៊ុន ...": the office's country or organisation between it and the name
            hit = next((e for s, e, _ in self.gazetteer if s == pos), None)
            if hit is None or text[hit : hit + 1] != " ":
                return None
            pos = hit
        if title_first and (not titles or text[pos : pos + 1] != " "):
            return None  # an office opening a name is followed by a space ("រដ្ឋមន្ត្រីក្រសួង...": no name)
        return (pos, titles, honorific) if honorific else None

    def _title_at(self, i: int) -> str | None:
        return next((t for t, _ in self.lex.titles if self.text.startswith(t, i)), None)

    def title_after(self, end: int) -> tuple[str, int] | None:
        """The office written after a name: the one an organisation follows where several are
        ("ឧបនាយករដ្ឋមន្ត្រី រដ្ឋមន្ត្រីក្រសួង...": the minister of the ministry named)."""
        text = self.text
        pos = end
        found: list[tuple[str, int]] = []
        while len(found) < 4:
            m = re.match(r" ?(?:និង ?)?(?:ជា)?", text[pos:])
            pos += m.end() if m else 0
            t = self._title_at(pos)
            if not t:
                break
            found.append((t, pos))
            pos += len(t)
            pos = _chunk_end(text, pos) if not self.head_at(pos) and not self._title_at(pos) else pos
        if not found:
            return None
        for t, t_start in found:
            gap = re.match(r" ?(?:នៃ ?)?", text[t_start + len(t) :])
            at = t_start + len(t) + (gap.end() if gap else 0)
            if self.head_at(at) or at in self.gazetteer_starts or re.match(r"[A-Z]{2,}", self.raw[at : at + 2]):
                return t, t_start
        return found[0]

    def people(self) -> None:
        text, lex = self.text, self.lex
        titles = dict(lex.titles)
        for i in range(len(text)):
            title_first = False
            if not word_at(text, i, lex.honorifics):
                if not (_starts_syllable(text, i) and self._title_at(i)) or self.is_taken(i, i + 1):
                    continue
                title_first = True  # "នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត": an office, then the name
            elif any(text.endswith(w, 0, i) for w in lex.not_honorific_after):
                continue  # not the "លោក" of "ពិភពលោក" (the world)
            prefix = self.prefix_at(i, title_first=title_first)
            if prefix is None:
                continue
            pos, before_titles, _ = prefix
            if self.is_taken(i, pos):
                continue
            space = 1 if text[pos : pos + 1] == " " else 0
            start = pos + space
            name = self.khmer_name(start) or self.latin_name(start)
            if name is None:
                alone = not _LETTER.match(text, pos) or word_at(text, pos, lex.name_stop + lex.cut)
                if not title_first and before_titles and alone:
                    # "លោករដ្ឋមន្ត្រីបានបញ្ជាក់": "the minister" of the article, resolved by the linker
                    t, t_start = before_titles[-1]
                    self.add(i, pos, REFERENCE, "rule:km:anaphor", ref="Person", title=self.raw[t_start : t_start + len(t)])
                continue
            n_start, n_end, extractor = name
            if self.is_taken(n_start, n_end):
                continue
            title = before_titles[-1] if before_titles else self.title_after(n_end)
            attrs: dict[str, object] = {}
            if title:  # the title as the text writes it (the relation rules look for it beside the name)
                t, t_start = title
                attrs = {"title": self.raw[t_start : t_start + len(t)], "title_org_class": titles.get(t)}
                if not before_titles:
                    attrs["office_after"] = True  # "X Y ទេសាភិបាលធនាគារ...": the office's organisation follows
            self.add(n_start, n_end, "Person", extractor, 0.8, **attrs)
            self.taken.append((i, n_end))

    def khmer_name(self, start: int) -> tuple[int, int, str] | None:
        """Family and given name at ``start`` ("ជា វ៉ាន់ដេត"), a third part before an office."""
        text, lex = self.text, self.lex
        family_end = _chunk_end(text, start)
        family = text[start:family_end]
        if not re.fullmatch(f"[{LETTERS}]{{1,10}}", family) or text[family_end : family_end + 1] != " ":
            return None  # a family name is one short word of letters ("នៅថ្ងៃទី១៨" is a date)
        stop = word_at(text, start, lex.name_stop + lex.cut)
        if stop == family or (stop and len(stop) >= 3) or self.head_at(start) or self._title_at(start):
            return None
        given_start = family_end + 1
        if not _LETTER.match(text, given_start) or self.head_at(given_start) or word_at(text, given_start, lex.name_stop):
            return None
        chunk_end = _chunk_end(text, given_start)
        end = chunk_end
        stops = tuple(w for w in lex.name_stop + lex.cut if len(w) >= 3)
        for j in range(given_start + 2, chunk_end):
            if word_at(text, j, stops) or (_starts_syllable(text, j) and self._title_at(j)) or self.head_at(j):
                end = j
                break
        if end - given_start < 2 or end - given_start > 16 or not re.fullmatch(f"[{LETTERS}]+", text[given_start:end]):
            return None
        third = re.match(f" ([{LETTERS}]{{2,10}}) ?", text[end:]) if end == chunk_end else None
        if third and self._title_at(end + third.end()) and not self._title_at(end + 1) and not self.head_at(end + 1):
            end += third.end(1)  # "ង្វៀន ម៉ាញ ហ៊ុង រដ្ឋមន្ត្រី...": a three-part name before the office
        return start, end, "rule:km:honorific"

    def latin_name(self, start: int) -> tuple[int, int, str] | None:
        m = _LATIN_PERSON.match(self.raw, start)
        return (m.start(), m.end(), "rule:km:honorific-latin") if m else None

    # --- Latin-script names -------------------------------------------------------------------
    def latin_names(self) -> None:
        raw = self.raw
        for m in _WEBSITE.finditer(raw):
            if not self.is_taken(m.start(), m.end()):
                self.add(m.start(), m.end(), "Product", "rule:km:website", 0.75)
                self.taken.append((m.start(), m.end()))
        for m in LATIN_NAME.finditer(raw):
            name = m.group()
            start, end = m.start(), m.end()
            if name in _GENERIC or not name[0].isupper() or len(name) < 2 or self.is_taken(start, end):
                continue
            if (raw[start - 1 : start] in "%/=&?_#" and start > 0) or raw[end : end + 1] in "%/=&_":
                continue  # a piece of a web address ("...%E1%9E...")
            before = self.text[max(0, start - 30) : start].rstrip()
            after = self.text[end : end + 20].lstrip()
            cls, attrs = UNTYPED, {}
            by_head = class_by_head(name, "en") if len(name.split()) >= 2 else None
            if name in self.acronyms:
                cls = self.acronyms[name]
            elif any(before.endswith(w) for w in self.lex.product_words) and by_head in {None, "Product"}:
                cls = "Product"  # "ប្រព័ន្ធ KHQR", "កម្មវិធីទូរស័ព្ទ Bakong"
            elif any(before.endswith(w) for w in self.lex.company_words) or any(after.startswith(w) for w in ("ក្រុមហ៊ុន",)):
                cls = by_head or "Company"
            elif by_head is not None:
                cls = by_head
            self.add(start, end, cls, "rule:km:latin", 0.6 if cls == UNTYPED else 0.7, **attrs)


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find the names in a Khmer article that the gazetteer does not hold.

    Args:
        analysis: The analysed article.

    Returns:
        Mentions of people, organisations, events, programs and products, their short forms,
        and anaphors (class ``Ref``) that the linker resolves.
    """
    reader = _Reader(analysis)
    reader.people()
    reader.weak_headed()
    reader.headed_names()
    reader.acronyms_again()
    reader.latin_names()
    reader.short_names_of_curated()
    return reader.found
