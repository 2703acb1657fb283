"""Lao mention rules: people after an honorific (ທ່ານ, ທ່ານນາງ ...), with the office beside them; names
opened by a head word (ກະຊວງ, ທະນາຄານ, ກອງປະຊຸມ, ແຜນ ...) and carried over the spaces that Lao official
names contain (" ແລະ ", "ແຫ່ງຊາດ", "5 ປີ", "ຄັ້ງທີ IX"); short forms and Latin names in brackets beside a
name; Latin-script names inside Lao text.

Lao, like Thai, writes words without spaces; a space separates phrases. The rules work on the characters
and use laonlp's word boundaries only to refuse a cut inside a word. Word lists are in
``data/lexicons/lo.json``, head words in ``heads.json`` and honorifics and offices in ``titles.json``.
"""

from __future__ import annotations

import functools
import re

from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention, title_org_class
from kg.mentions.lang.th import LATIN_NAME
from kg.mentions.lexicons import head_table, honorifics, load_json, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

#: the Lao block of Unicode
LAO = "\u0e80-\u0eff"
_LETTER = re.compile(f"[{LAO}]")
#: characters that end a chunk of a name besides white space
_PUNCT = set(",.;:()“”\"'!?[]/")
#: classes whose official names carry " ແລະ " (and) and list words inside them
_OFFICIAL = {"Ministry", "PublicBody", "Organization", "Government"}
_ORG = {"Ministry", "PublicBody", "Organization", "Government", "Company"}
#: what may follow a plan's or an event's name and still belong to it: "5 ປີ", "ຄັ້ງທີ IX", "(2021-2025)",
#: "ເລກທີ 888 /ກຕສ", "ສະບັບທີ 2"; Buddhist-era years are read by kg.linking.normalize.years
_VERSION = re.compile(
    r" ?(?:\d+ ?ປີ(?![" + LAO + r"])|ຄັ້ງທີ ?[\dIVXLC]+|ສະບັບທີ ?\d+|ເລກທີ ?\d+(?: ?/ ?[" + LAO + r"]+)?"
    r"|(?<=ຄັ້ງທີ) ?[\dIVXLC]+\b|ໄລຍະ ?\d+|\(\d{4} ?[-–] ?\d{4}\)|\d{4} ?[-–] ?\d{4}|ປີ ?\d{4})"
)
_EVENT_VERSION = re.compile(r" ?(?:ຄັ້ງທີ ?[\dIVXLC]+|ປະຈ(?:ຳ|ໍາ)ປີ ?\d{4}|ຄົບຮອບ ?\d+ ?ປີ)|(?<=ຄັ້ງທີ) ?[\dIVXLC]+\b")
#: a short form in brackets right after a name: Lao consonants ("(ຕສ)", "(ປທສ)") or Latin capitals ("(MTC)")
_ACRONYM_AFTER = re.compile(r"(?: (?:ຂອງ|ແຫ່ງ) ?ສປປ ?ລາວ)? ?\(([ກ-ຮໜໝ]{2,6})\.?\)|\s?\(([A-Z][A-Za-z&\-]{1,9})\)")
#: a Latin name in brackets beside the Lao one: "ສັບປະດາດິຈິຕອນລາວ (Lao Digital Week)"
_LATIN_ALIAS = re.compile(r" ?\(([A-Z][A-Za-z0-9&’'.\- ]{3,80}[A-Za-z0-9.])\)")
#: Latin words that are common nouns in Lao tech news, not names
_GENERIC = {"Real-time", "Digital", "Startup", "Fintech", "Online", "Smart", "QR", "Code", "Internet", "Wifi", "WiFi"}


#: after a word: not a vowel or tone mark that would make its last letter part of a longer syllable ("ກໍ" of "ກໍາ")
_WHOLE_SYLLABLE = "(?![\u0eb0-\u0ebc\u0ec8-\u0ecd])"


def _spellings(word: str) -> str:
    """A regular expression for ``word`` that also matches the two-letter spelling of the vowel am (ໍາ)."""
    return word.replace("ໍາ", "ຳ").replace("ຳ", "(?:ຳ|ໍາ)")


def canonical(text: str) -> str:
    """``text`` with the two-letter spelling ໍາ of the vowel am written as the one letter ຳ (the lexicons' form)."""
    return text.replace("ໍາ", "ຳ")


@functools.cache
def lexicon() -> dict[str, list[str]]:
    """The Lao word lists of ``data/lexicons/lo.json`` (cached)."""
    return {k: v for k, v in load_json("lo.json").items() if not k.startswith("_")}


@functools.cache
def _words(name: str, *, regex: bool = False) -> re.Pattern[str]:
    """One pattern for a word list of the lexicon, longest word first (entries are regexes when ``regex``)."""
    words = sorted(lexicon()[name], key=len, reverse=True)
    return re.compile("(?:" + "|".join(_spellings(w if regex else re.escape(w)) for w in words) + ")" + _WHOLE_SYLLABLE)


@functools.cache
def _heads() -> tuple[re.Pattern[str], dict[str, str]]:
    table = head_table("lo", "prefix")
    pattern = re.compile("(?:" + "|".join(_spellings(re.escape(h)) for h, _ in table) + ")" + _WHOLE_SYLLABLE)
    return pattern, {canonical(h): cls for h, cls in table}


@functools.cache
def _state_heads() -> re.Pattern[str]:
    """Head words of ministries and governments: where one starts inside a name ("ກົມກະຊວງ"), a new name starts."""
    table = [h for h, cls in head_table("lo", "prefix") if cls in {"Ministry", "Government"}]
    return re.compile("(?:" + "|".join(_spellings(re.escape(h)) for h in table) + ")")


@functools.cache
def _long_heads() -> re.Pattern[str]:
    """Head words of five letters or more: where one starts inside a family name, the name has ended."""
    table = [h for h, _ in head_table("lo", "prefix") if len(h) >= 5]
    return re.compile("(?:" + "|".join(_spellings(re.escape(h)) for h in table) + ")")


@functools.cache
def _titles() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(_spellings(re.escape(t)) for t, _ in title_table("lo")) + ")" + _WHOLE_SYLLABLE)


@functools.cache
def _honorifics() -> re.Pattern[str]:
    words = sorted(set(honorifics("lo")) | set(lexicon()["academic_honorifics"]), key=len, reverse=True)
    return re.compile(r"(?:(?:" + "|".join(_spellings(re.escape(w)) for w in words) + r")\.? ?)*")


@functools.cache
def _opener() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(_spellings(re.escape(w)) for w in lexicon()["person_openers"]) + r") ?")


def _title_of(found: str) -> str:
    """The lexicon's form of an office word read in the text."""
    key = canonical(found)
    return next((t for t, _ in title_table("lo") if canonical(t) == key), found)


def _chunk_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace() and text[pos] not in _PUNCT:
        pos += 1
    return pos


class _Reader:
    """The rules over one article: its text, its word starts and what is taken."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.starts = {t.start for t in analysis.tokens} | {
            i + 1 for i, ch in enumerate(self.text) if ch.isspace() or ch in _PUNCT or ch == "-"
        }
        self.starts.add(0)
        self.taken: list[tuple[int, int]] = []
        self.found: list[Mention] = []
        from kg.mentions.gazetteer_match import active_matcher

        self.curated = [(h.start, h.end, h.entries[0].cls) for h in active_matcher().find(self.text)]

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def first_cut(self, lo: int, hi: int, patterns: list[re.Pattern[str]]) -> int | None:
        """The first word start in ``[lo, hi)`` where one of ``patterns`` matches."""
        best = None
        for pattern in patterns:
            for m in pattern.finditer(self.text, lo, hi):
                if m.start() in self.starts and not self.not_head(m.start()):
                    best = m.start() if best is None else min(best, m.start())
                    break
        return best

    # --- people -------------------------------------------------------------------------------
    def people(self) -> None:
        text = self.text
        end_words = _words("name_end_words")
        titles = _titles()
        for opener in _opener().finditer(text):
            if opener.start() not in self.starts:
                continue  # "ນາງ" inside a word
            pos = _honorifics().match(text, opener.end()).end()
            title = titles.match(text, pos)
            if title:  # "ທ່ານລັດຖະມົນຕີ ໄດ້ກ່າວ": the minister named before
                after = text[title.end() : title.end() + 1]
                if not after or not _LETTER.match(after) or after == "ກ":
                    self.found.append(
                        mention(
                            self.analysis, opener.start(), title.end(), REFERENCE, "rule:title-person:lo",
                            ref="Person", title=_title_of(title.group()),
                        )
                    )  # fmt: skip
                continue
            given = re.match(f"[ກ-ຮໜໝເ-ໄ][{LAO}]{{1,24}}", text[pos:])
            if not given or end_words.match(given.group()) or _heads()[0].match(given.group()):
                continue
            start = pos
            g_end = pos + given.end()
            family = re.match(f" ([ກ-ຮໜໝເ-ໄ][{LAO}]{{1,40}})", text[g_end:])
            if not family or end_words.match(family.group(1)) or _titles().match(family.group(1)):
                self.found.append(
                    mention(self.analysis, start, g_end, "Person", "rule:given-name:lo", confidence=0.5, single=True)
                )
                continue
            f_start = g_end + 1
            f_end = f_start + len(family.group(1))
            cut = self.first_cut(f_start + 2, f_end, [end_words, titles, _long_heads()])
            end = cut if cut is not None else f_end
            if cut is None:  # "ຟານ ວັນ ຢາງ ລັດຖະມົນຕີ": a name of three or four words, then the office
                more = re.match(f"((?: [{LAO}]{{1,12}}){{1,2}})(?=,| (?:{titles.pattern}))", text[end:])
                if more and not end_words.search(more.group(1)):
                    end += more.end(1)
            if not self.free(start, end):
                continue
            attrs = self.office(opener.start(), end)
            self.found.append(mention(self.analysis, start, end, "Person", "rule:title-person:lo", confidence=0.8, **attrs))
            self.taken.append((start, end))

    def office(self, before: int, end: int) -> dict[str, object]:
        """The office written beside a person: right after the name (to the next comma or person),
        else right before the honorific ("ລັດຖະມົນຕີ ທ່ານ X")."""
        text = self.text
        skip = re.match(r"[ ,]*", text[end:]).end()  # type: ignore[union-attr]
        end += skip
        window = text[end : end + 120]
        stop = re.search(r"[,;\n]|ທ່ານ|ໄດ້", window)
        window = window[: stop.start()] if stop else window
        found = [m for m in _titles().finditer(window) if (end + m.start()) in self.starts]
        for m in found:  # the office followed by its organisation: "ລັດຖະມົນຕີກະຊວງ ...", "ຜູ້ອຳນວຍການໃຫຍ່ ບໍລິສັດ ..."
            org_class = self.organisation_at(end + m.end())
            if org_class:
                return {"title": _title_of(m.group()), "title_org_class": org_class, "office_after": True}
        if found:  # the relation rules look for the organisation after the name first
            best = next((m for m in found if title_org_class(_title_of(m.group()), "lo")), found[0])
            title = _title_of(best.group())
            return {"title": title, "title_org_class": title_org_class(title, "lo"), "office_after": True}
        prior = re.search(r"(" + _titles().pattern + r")\s*,?\s*$", text[max(0, before - 60) : before])
        if prior:
            title = _title_of(prior.group(1))
            return {"title": title, "title_org_class": title_org_class(title, "lo")}
        return {}

    def organisation_at(self, pos: int) -> str | None:
        """The class of the organisation named at ``pos`` (after spaces), by its head word or the gazetteer."""
        while self.text[pos : pos + 1] == " ":
            pos += 1
        curated = next((c for s, _e, c in self.curated if s == pos and c in _ORG), None)
        if curated:
            return curated
        head = _heads()[0].match(self.text, pos)
        cls = _heads()[1].get(canonical(head.group())) if head else None
        return cls if cls in _ORG and cls != "Government" else None

    # --- headed names -----------------------------------------------------------------------------
    def headed(self) -> None:
        text = self.text
        pattern, classes = _heads()
        for match in pattern.finditer(text):
            start = match.start()
            cls = classes[canonical(match.group())]
            short_head = len(match.group()) <= 4  # "ກົມ", "ງານ", "ແຜນ": often the end of a longer word
            if (short_head and start not in self.starts) or not self.free(start, match.end()) or self.not_head(start):
                continue
            opened = canonical(text[max(0, start - 16) : start]).endswith(tuple(lexicon()["event_openers"]))
            if short_head and cls == "Event" and start > 0 and _LETTER.match(text, start - 1) and not opened:
                continue  # "ບໍລິຫານງານ": "ງານ" (work) ends a word; "ຈັດງານ ...": an event
            if any(s <= start < e for s, e, _ in self.curated):
                continue
            end = self.extend(start, match.end(), cls)
            body = text[match.end() : end].strip()
            if canonical(match.group()) in lexicon()["ref_only_heads"] or cls == "Government":
                self.reference(start, match.end(), cls, body)
                continue
            registered = self.registered(start, match.end()) if cls == "Company" else None
            if registered:
                end, body = registered, text[match.end() : registered].strip()
            anaphor = _words("anaphor_words").match(text, match.end())
            if (
                anaphor
                or not body
                or _words("not_a_name").match(body)
                or canonical(text[start:end]) in lexicon()["generic_single"]
            ):
                self.reference(start, match.end(), cls, body)
                continue
            if canonical(body) in {canonical(w) for w in lexicon()["not_a_name"]}:
                continue
            spaced = text[match.end() : match.end() + 1] == " " and not re.match(r" [A-Z]", text[match.end() :])
            if cls == "Company" and not registered and spaced:
                continue  # "ບໍລິສັດ ຄົບຮອບ ...": a company is written "ບໍລິສັດ <name> ຈຳກັດ" after a space
            needs_suffix = canonical(match.group()) in lexicon()["heads_needing_suffix"]
            if needs_suffix and not registered and not re.match(r" ?\(", text[end:]):
                continue  # "ບໍລິສັດໄອທີ", "ບໍລິສັດຫ້າງຮ້ານ": companies of a kind; a name is registered or glossed
            if cls == "Company" and canonical(text[max(0, start - 12) : start]).endswith(tuple(lexicon()["bank_uses"])):
                continue  # "ແອັບທະນາຄານ": a bank's app, not a bank
            if cls == "Program" and not (re.search(r"\d", body) or _words("program_markers").search(text, start, end)):
                continue  # a plan is named with its years, number or "ແຫ່ງຊາດ"; otherwise a common noun
            named_day = bool(_words("day_name_endings").search(text, start, end))  # "... ສາກົນ (ຄົບຮອບ N ປີ)"
            if cls == "Event" and canonical(match.group()) == "ວັນ" and not named_day:
                continue  # "ວັນທີ", "ວັນສ້າງຕັ້ງ": a date; "ວັນ ... ສາກົນ": a named day
            if cls == "Event" and canonical(match.group()) == "ງານ" and len(body) < 4:
                continue
            if cls == "Event" and canonical(match.group()) == "ພິທີ" and canonical(body) in lexicon()["generic_ceremonies"]:
                continue  # "ພິທີເປີດ ...": an opening ceremony, named by the event it opens
            if cls == "Place" and any(start <= s and e <= end for s, e, _ in self.curated):
                continue  # "ແຂວງຫຼວງພະບາງ": the curated province inside is the place
            self.with_short_forms(start, end, cls)

    def not_head(self, pos: int) -> bool:
        """Whether a head word at ``pos`` opens a common word instead ("ສູນກາງ", "ວັນທີ")."""
        return bool(_words("not_heads").match(self.text, pos))

    def headquarters(self) -> None:
        """A company's head office as a venue: "ສຳນັກງານໃຫຍ່ ບໍລິສັດ X ຈຳກັດ"."""
        words = "|".join(_spellings(re.escape(w)) for w in lexicon()["headquarters"])
        for match in re.finditer(f"(?:{words}) ?(?=ບໍລິສັດ|ທະນາຄານ)", self.text):
            head = _heads()[0].match(self.text, match.end())
            end = self.registered(match.end(), head.end()) if head else None
            if end and self.free(match.start(), end):
                self.found.append(mention(self.analysis, match.start(), end, "Place", "rule:headquarters:lo", confidence=0.7))
                self.taken.append((match.start(), end))

    def themes(self) -> None:
        """An event's theme in quotes after "ຫົວຂໍ້" (theme) names the event the sentence organises:
        "ໄດ້ຈັດກອງປະຊຸມສຳມະນາ ... ພາຍໃຕ້ຫົວຂໍ້ “X”" -> X, an event."""
        words = "|".join(_spellings(re.escape(w)) for w in lexicon()["theme_words"])
        for match in re.finditer(f'(?:{words})\\s*:?\\s*[“"]([^”"\n]{{3,100}})[”"]', self.text):
            sentence = self.analysis.sentence_at(match.start())
            events = [m for m in self.found if m.cls in {"Event", REFERENCE} and sentence.start <= m.start < match.start()]
            if not any(m.cls == "Event" or m.attrs.get("ref") == "Event" for m in events) and not re.search(
                _heads()[0].pattern, self.text[sentence.start : match.start()]
            ):
                continue
            if self.free(match.start(1), match.end(1)):
                self.found.append(mention(self.analysis, match.start(1), match.end(1), "Event", "rule:theme:lo", confidence=0.7))
                self.taken.append((match.start(1), match.end(1)))

    def products(self) -> None:
        """A system or an app named in Lao with its Latin name in brackets: "ລະບົບເຊື່ອມຕໍ່ເຄືອຂ່າຍພາກລັດ (G-net)"."""
        heads = "|".join(_spellings(re.escape(w)) for w in lexicon()["product_heads"])
        for match in re.finditer(f"(?:{heads})[^\\s(),.;:]*", self.text):
            alias = _LATIN_ALIAS.match(self.text, match.end())
            if alias and self.free(match.start(), alias.end()) and match.start() in self.starts:
                name = alias.group(1)
                self.found.append(
                    mention(
                        self.analysis, match.start(), match.end(), "Product", "rule:product:lo", confidence=0.75, acronym=name
                    )
                )
                self.found.append(
                    mention(self.analysis, alias.start(1), alias.end(1), "Product", "rule:alias:lo", confidence=0.75)
                )
                self.taken += [(match.start(), match.end()), (alias.start(1), alias.end(1))]

    def reference(self, start: int, head_end: int, cls: str, body: str) -> None:
        """A head word with "ດັ່ງກ່າວ"/"ນີ້" (the said ..., this ...): the organisation or event named before;
        the government alone ("ລັດຖະບານ") is the government of the article's country."""
        ref = {"Event": "Event", "Government": "Government", "Ministry": "Organization", "Company": "Organization"}
        anaphor = _words("anaphor_words").match(self.text, head_end) or _words("anaphor_words").match(self.text, head_end + 1)
        if cls not in ref or not (anaphor or (cls == "Government" and not body)):
            return
        head = {"Ministry": "ministry", "Company": "company"}.get(cls, "")
        self.found.append(mention(self.analysis, start, head_end, REFERENCE, "rule:head-ref:lo", ref=ref[cls], head=head))

    def extend(self, start: int, head_end: int, cls: str) -> int:
        """Where a name opened by a head word ends."""
        text = self.text
        if cls == "Event":  # event names are descriptive: "ສຳມະນາກ່ຽວກັບການຫັນເປັນລັດຖະບານດິຈິຕອນ"
            cut_patterns = [_words("event_cut_words"), _opener()]
        else:
            cut_patterns = [_words("name_cut_words", regex=True), _state_heads(), _titles(), _opener()]
        end = _chunk_end(text, head_end)
        body_start = head_end
        if end == head_end and cls == "Program" and _VERSION.match(text, head_end):
            body_start = end  # "ແຜນພັດທະນາ 5 ປີ ຄັ້ງທີ IV (2026-2030)": the plan's number and years
        elif end == head_end:  # the head, a space, then the name: "ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"
            if not re.match(f" [{LAO}]", text[head_end : head_end + 2]) or cls in {"Company", "Event"}:
                return head_end
            body_start = head_end + 1
            if any(p.match(text, body_start) for p in cut_patterns) or _words("not_a_name").match(text, body_start):
                return head_end
            end = _chunk_end(text, body_start)
        cut = self.first_cut(body_start, end, cut_patterns) if end > body_start else None
        if cut is not None:
            return cut
        while cls == "Event" and canonical(text[body_start:end]).endswith(tuple(lexicon()["open_endings"])):
            if text[end : end + 1] != " " or not _LETTER.match(text, end + 1):  # "ສຳມະນາກ່ຽວກັບ ການຫັນເປັນ...": the topic follows
                break
            nxt = _chunk_end(text, end + 1)
            cut = self.first_cut(end + 1, nxt, cut_patterns)
            end = cut if cut is not None else nxt
        for s, _e, c in self.curated:  # a curated body inside the chunk starts a name of its own
            if body_start < s < end and c in _ORG:
                return s
        while True:
            joined = re.match(r" ແລະ ", text[end : end + 5]) if cls in _OFFICIAL | {"Event"} else None
            if joined:  # "ກະຊວງ X ແລະ Y", "ວັນໂທລະຄົມມະນາຄົມ ແລະ ຂໍ້ມູນຂ່າວສານ ສາກົນ"
                nxt = end + joined.end()
                nxt_end = _chunk_end(text, nxt)
                blocked = any(p.match(text, nxt) for p in cut_patterns) or _words("not_a_name").match(text, nxt)
                blocked = blocked or (cls == "Event" and bool(_heads()[0].match(text, nxt)))
                if nxt_end > nxt and not blocked and text[nxt : nxt + 4] != "ບັນດ" and _LETTER.match(text, nxt):
                    cut = self.first_cut(nxt + 1, nxt_end, cut_patterns)
                    end = cut if cut is not None else nxt_end
                    if cut is not None:
                        break
                    continue
            joiner = _words("official_joiners").match(text, end + 1) if text[end : end + 1] == " " else None
            if joiner and cls in _OFFICIAL:  # "ຄະນະກຳມະການລະດັບຊາດ ເພື່ອການຫັນເປັນດີຈີຕອນ"
                end = _chunk_end(text, joiner.end())
                continue
            listed = re.match(f", ?([{LAO}]+) ແລະ ", text[end:]) if cls == "Ministry" else None
            if listed and not _heads()[0].match(listed.group(1)):  # "ກະຊວງໄປສະນີ, ໂທລະຄົມມະນາຄົມ ແລະ ການສື່ສານ"
                end += listed.end(1)
                continue
            cont = _words("continuations").match(text, end + 1) if text[end : end + 1] == " " else None
            cont = cont or _words("continuations").match(text, end)
            if cont and cls != "Company":
                end = cont.end()
                continue
            version = _VERSION if cls == "Program" else _EVENT_VERSION if cls == "Event" else None
            found = version.match(text, end) if version else None
            if found and found.end() > end:
                end = found.end()
                continue
            if cls == "Program" and text[end : end + 1] == " ":  # "ແຜນແມ່ບົດ ເສດຖະກິດດິຈິຕອນ ແຫ່ງຊາດ": a word, then "ແຫ່ງຊາດ"
                nxt_end = _chunk_end(text, end + 1)
                after = _words("continuations").match(text, nxt_end + 1) or _VERSION.match(text, nxt_end)
                if nxt_end > end + 1 and after and not any(p.match(text, end + 1) for p in cut_patterns):
                    end = nxt_end
                    continue
            break
        return end

    def registered(self, start: int, head_end: int) -> int | None:
        """The end of a registered company's name: "ບໍລິສັດ <up to five words> ຈຳກັດ", "... ມະຫາຊົນ"."""
        text = self.text
        suffix = _words("registered_suffixes")
        pos = head_end
        for _ in range(6):
            if text[pos : pos + 1] == " ":
                pos += 1
            found = suffix.match(text, pos)
            if found and pos > head_end + 1:
                return found.end()
            end = _chunk_end(text, pos)
            if end == pos:
                return None
            found = suffix.search(text, pos + 1, end)
            if found and found.start() in self.starts:
                return found.end()
            if pos > head_end and (_words("name_cut_words", regex=True).match(text, pos) or _heads()[0].match(text, pos)):
                return None
            pos = end
        return None

    def with_short_forms(self, start: int, end: int, cls: str) -> None:
        """A headed name, with the short form or the Latin name the article gives it in brackets right after."""
        text = self.text
        attrs: dict[str, object] = {}
        extra: list[Mention] = []
        short = _ACRONYM_AFTER.match(text, end)
        alias = _LATIN_ALIAS.match(text, end) if not short else None
        if alias and cls == "Event" and re.match(r" ?ປະຈ(?:ຳ|ໍາ)ປີ ?\d{4}", text[alias.end() :]):
            alias = None  # "(Lao Digital Week) ປະຈຳປີ 2025": the series' name; the Lao name is this edition's
        if short and cls not in {"Program", "Agreement"}:
            acronym = short.group(1) or short.group(2)
            a_start = short.start(1) if short.group(1) else short.start(2)
            if acronym not in text[:start]:
                attrs["acronym"] = acronym
                if _LETTER.match(acronym):  # "(ຕສ)": the name's own; its later uses are mentions (see short_forms)
                    self.taken.append((a_start, a_start + len(acronym)))
                else:
                    extra.append(mention(self.analysis, a_start, a_start + len(acronym), cls, "rule:acronym", confidence=0.8))
        elif alias:
            name = alias.group(1)
            attrs["acronym"] = name  # the linker joins the two names of one thing through this attribute
            by_head = class_by_head(name, "en")
            extra.append(mention(self.analysis, alias.start(1), alias.end(1), by_head or cls, "rule:alias:lo", confidence=0.8))
        head_short = re.match(f"(?:{_heads()[0].pattern}) ([ກ-ຮໜໝ]{{2,6}})$", text[start:end])
        if head_short:  # "ກະຊວງ ຕສ": the head and the short form
            attrs["acronym"] = head_short.group(1)
        self.found.append(mention(self.analysis, start, end, cls, "rule:head:lo", confidence=0.75, **attrs))
        self.found.extend(extra)
        self.taken.append((start, end))
        self.taken.extend((m.start, m.end) for m in extra)

    # --- short forms used alone, Latin names ---------------------------------------------------
    def short_forms(self) -> None:
        """Every later use of a Lao short form the article defined in brackets ("ກະຊວງ ຕສ", "ຕສ")."""
        defined = {
            str(m.attrs["acronym"]): m.cls
            for m in self.found
            if m.attrs.get("acronym") and _LETTER.match(str(m.attrs["acronym"]))
        }
        for acronym, cls in defined.items():
            for m in re.finditer(f"(?<![{LAO}]){re.escape(acronym)}(?![{LAO}])", self.text):
                if self.free(m.start(), m.end()):
                    self.found.append(mention(self.analysis, m.start(), m.end(), cls, "rule:acronym", confidence=0.75))
                    self.taken.append((m.start(), m.end()))

    def latin(self) -> None:
        text = self.text
        product_words = tuple(lexicon()["product_words"])
        openers = "|".join(_spellings(re.escape(w)) for w in lexicon()["product_list_openers"])
        kinds = "|".join(_spellings(re.escape(w)) for w in lexicon()["product_kinds"])
        such_as = re.compile(f"(?:{kinds})[^,.;:()]{{0,40}}(?:{openers})\\s*:?\\s*$")
        previous: Mention | None = None
        for match in LATIN_NAME.finditer(text):
            name = match.group()
            start, end = match.start(), match.end()
            if name in _GENERIC or not name[0].isupper() or len(name) < 2 or not self.free(start, end):
                continue
            if re.fullmatch(r"[IVXLC]+", name) or re.search(r"[%/:]\S*$", text[text.rfind(" ", 0, start) + 1 : start]):
                continue  # "ຊັ້ນ II", "ຄັ້ງທີ XI"; a piece of a web address
            before = canonical(text[max(0, start - 30) : start].rstrip())
            after = text[end : end + 20].lstrip()
            cls, attrs = UNTYPED, {}
            by_head = class_by_head(name, "en") if len(name.split()) >= 2 else None
            title = next((m for m in _titles().finditer(before) if m.end() == len(before)), None)
            if (title or re.search("(?:ທ່ານ|ທ່ານນາງ)$", before)) and by_head in {None, "Person"}:
                cls = "Person"
                if title:
                    t = _title_of(title.group())
                    attrs = {"title": t, "title_org_class": title_org_class(t, "lo")}
            elif before.endswith(product_words) or such_as.search(canonical(text[max(0, start - 80) : start].rstrip())):
                cls = "Product"  # "ແອັບ BCEL One", "ລະບົບ LAPNet", "ເອໄອ ... ເປັນຕົ້ນ ChatGPT"
            elif previous and previous.cls == "Product" and re.fullmatch(r"\s*(?:,|ແລະ)\s*", text[previous.end : start]):
                cls = "Product"  # "ChatGPT, DeepSeek ແລະ Claude": the rest of a list of products
            elif by_head is not None:
                cls = by_head
            elif after.startswith(tuple(lexicon()["company_after"])):
                cls = "Company"
            previous = mention(self.analysis, start, end, cls, "rule:latin:lo", confidence=0.7, **attrs)
            self.found.append(previous)
            self.taken.append((start, end))

    def given_names(self) -> None:
        """A given name alone ("ທ່ານ ບໍ່ວຽງຄຳ ໄດ້ກ່າວ") is kept where the article names the person in full."""
        full = {m.text.split()[0] for m in self.found if m.cls == "Person" and len(m.text.split()) >= 2}
        self.found = [m for m in self.found if not m.attrs.pop("single", False) or m.text in full]


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find Lao entity mentions (not gazetteer ones) in an analysed article.

    Args:
        analysis: The analysed article (laonlp words, paragraphs as sentences).

    Returns:
        People, headed names, short forms, Latin names and anaphors (class ``Ref``).
    """
    reader = _Reader(analysis)
    reader.people()
    reader.products()
    reader.headquarters()
    reader.headed()
    reader.themes()
    reader.short_forms()
    reader.latin()
    reader.given_names()
    return reader.found
