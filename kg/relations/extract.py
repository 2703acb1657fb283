"""Sentence-level relation rules over typed, linked mentions and per-language triggers."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.gazetteer import Gazetteer
from kg.iri import slugify
from kg.linking.linker import LinkedCorpus, curated_entity, mention_id, nearest_country
from kg.linking.normalize import signature
from kg.mentions.gazetteer_match import GazetteerMatcher
from kg.mentions.lexicons import load_json, title_table
from kg.nlp.analysis import Analysis
from kg.records import Entity, Evidence, Mention, Relation, Sentence
from kg.relations.dependency import DependencyMatch
from kg.relations.guards import apply_guards

ORG = {"Organization", "PublicBody", "Government", "Ministry", "Company"}
#: classes that take the country of their context when nothing else gives one: a national plan or
#: programme is its country's (bodies are not: on the dev set that reading was wrong 30 times in 34)
CONTEXT_COUNTRY_CLASSES = {"Program"}
AGENT = ORG | {"Person"}

#: (subject classes, object classes) of the properties dependency patterns read
SIGNATURES: dict[str, tuple[set[str], set[str]]] = {
    "organizer": ({"Event"}, ORG),
    "supporter": ({"Event"}, AGENT),
    "chair": ({"Event"}, {"Person"}),
    "participant": ({"Event"}, AGENT),
    "implements": (ORG, {"Program"}),
    "issuedBy": ({"Program"}, ORG),
    "developedBy": ({"Product"}, ORG),
    "partOf": ({"Event", "Program"}, {"Program"}),
    "partner": (ORG, ORG),
    "holdsPositionIn": ({"Person"}, ORG),
}
#: how far after the agreement word (characters) a technology is still what the agreement is about
AGREEMENT_TOPIC_WINDOW = 100
#: what joins two parties named before the verb: "A and B signed", "A và B ký", "A และ B ลงนาม"
#: what joins two names in a list; an acronym in brackets may follow the first ("A (ABC) and B")
#: what stands between a person's name and the organisation of an office given after it ("X, Governor of the ")
_APPOSITIVE = re.compile(r"(?:\s*[,(–-]\s*[^,.;()]{0,30}|\s+(?:of|at|from)\s+(?:the\s+)?(?:[a-z]+\s+)?)$")
_JOINED = re.compile(
    r"\s*\)?\s*(?:\([^()]{1,12}\)\s*)?(?:,|and|&|together with|và|cùng|cùng với|และ|กับ|និង|ແລະ|ກັບ)\s*(?:the\s+)?", re.IGNORECASE
)
DEP_CONFIDENCE = 0.85
#: words of an event's next edition, whose venue is not this one's
_NEXT_EDITION = re.compile(r"\bnext year's\b|\bnext edition\b|năm sau|năm tới|lần tới|kỳ tới|ครั้งต่อไป|ปีหน้า", re.IGNORECASE)
#: attendance words that speak of the article's event even where the sentence does not name it
_ATTENDANCE = re.compile(
    r"\battend(?:ed|ing|ees)\b|\btook part\b|\bparticipated\b|\bdelegates? (?:from|of)\b|tham dự|có mặt|เข้าร่วม|ร่วมงาน",
    re.IGNORECASE,
)
#: an office whose organisation follows ("President of the", "Member of the Central Committee of the")
_OFFICE_OF = re.compile(
    r"\b(?:president|vice[- ]president|chairman|chairwoman|chair|member|director(?:[- ]general)?|minister|governor|"
    r"secretary(?:[- ]general)?|head|ceo|rector|dean|ambassador)\b[^;:.()]{0,40}?\b(?:of|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: an office right after an organisation's name, before its holder's ("DES Minister Prasert", "Vantiko CEO Anna Kim")
_OFFICE_NEXT = re.compile(
    r"(?:[’']s?)?\s+(?i:(?:deputy\s+|vice\s+)?(?:minister|governor|president|chairman|chairwoman|ceo|director|head|"
    r"secretary|spokes(?:person|man|woman)|chief))\s+[A-Z]"
)
#: how far before a name (characters) the office phrase that may name its country reaches
OFFICE_PHRASE_WINDOW = 45
#: the country an unqualified office means in the press of a language ("Thủ tướng Chính phủ X": Vietnam's)
HOME_COUNTRY = {"vi": "country/vietnam", "th": "country/thailand", "lo": "country/laos", "km": "country/cambodia"}
_ENVOYS = {"ambassador", "envoy", "consul", "consul-general", "consul general", "đại sứ", "เอกอัครราชทูต"}
#: properties whose trigger rule stands down in a sentence where the parse read the same property,
#: unless the rule's guess is a name the parse also put in that property: the parse knows which
#: phrase is the agent, the rule only takes the nearest name
PARSE_DECIDES = {"organizer", "supporter", "chair", "issuedBy", "implements", "partOf", "developedBy", "partner"}


@functools.cache
def _triggers() -> dict[str, dict[str, re.Pattern[str]]]:
    raw = load_json("triggers.json")
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for name, by_lang in raw.items():
        if name.startswith("_"):
            continue
        out[name] = {
            lang: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) for lang, pats in by_lang.items() if pats
        }
    return out


def trigger(name: str, lang: str) -> re.Pattern[str] | None:
    """The compiled trigger pattern of a relation in a language (English for unknown languages)."""
    table = _triggers().get(name, {})
    return table.get(lang) or table.get("en")


@dataclass
class _Span:
    mention: Mention
    entity: Entity

    @property
    def cls(self) -> str:
        return self.entity.cls

    @property
    def key(self) -> str:
        return self.entity.key


class _Extractor:
    def __init__(self, corpus: LinkedCorpus, gazetteer: Gazetteer, matcher: GazetteerMatcher) -> None:
        self.corpus = corpus
        self.gazetteer = gazetteer
        self.matcher = matcher
        self.relations: list[Relation] = []
        #: the agreements found so far in each article, in order
        self.agreements: dict[str, list[str]] = {}
        #: per article: its country mentions, and its organisations' mention texts (built once)
        self._countries: dict[str, list[Mention]] = {}
        self._org_names: dict[str, dict[str, str]] = {}
        self._by_start: dict[str, tuple[list[int], list[Mention]]] = {}
        #: the (article, sentence index) where an agreement was last found
        self.agreement_sentence: tuple[str, int] | None = None

    def emit(
        self,
        s: str,
        p: str,
        o: str,
        analysis: Analysis,
        sentence: Sentence,
        rule: str,
        confidence: float,
        kind: str = "rule",
        source: str = "",
    ) -> None:
        """Record ``s p o`` with the sentence as evidence; the extractor is ``<kind>:<rule>:<lang>``.

        A curated fact names its ``source`` ("gazetteer"): its evidence cites that, not the sentence.
        """
        if s == o:
            return
        extractor = f"{kind}:{rule}:{analysis.lang}"
        ev = Evidence(analysis.article.id, sentence.text, analysis.lang, extractor, confidence, source=source)
        self.relations.append(Relation(s, p, o, ev))

    def spans(self, analysis: Analysis, sentence: Sentence) -> list[_Span]:
        """The linked mentions that start in ``sentence`` (the article's mentions sorted once, then bisected)."""
        ordered = self._by_start.get(analysis.article.id)
        if ordered is None:
            ms = sorted(self.corpus.mentions.get(analysis.article.id, []), key=lambda m: m.start)
            ordered = self._by_start[analysis.article.id] = ([m.start for m in ms], ms)
        starts, ms = ordered
        out = []
        for m in ms[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]:
            if sentence.start <= m.start < sentence.end:
                entity = self.corpus.entity_of(m)
                if entity is not None:
                    out.append(_Span(m, entity))
        return out

    # --- country -------------------------------------------------------------------------
    def countries_in_name(self, m: Mention) -> list[str]:
        found = []
        for hit in self.matcher.find(m.text):
            for entry in hit.entries:
                if entry.cls == "Country":
                    found.append(entry.id)
                elif entry.country and entry.cls == "Government":
                    found.append(entry.country)
        for word in re.findall(r"[\w’']+", m.text):
            country = self.gazetteer.demonym_to_country(word)
            if country:
                found.append(country)
        return list(dict.fromkeys(found))

    def country_relations(self, analyses: dict[str, Analysis]) -> None:
        for entity in list(self.corpus.entities.values()):
            if entity.cls in {"Country", "Technology", "Agreement", "Person"}:
                continue
            entry = self.gazetteer.get(entity.key)
            done = set()
            for m in entity.mentions:
                if m.cls == "Ref":
                    continue
                analysis = analyses[m.article_id]
                sentence = analysis.sentence_at(m.start)
                targets: list[tuple[str, str, float]] = []
                if entry and entry.country:
                    targets.append((entry.country, "gazetteer", 0.95))
                named = self.countries_in_name(m)
                if entity.cls == "Event" and len(named) > 1:
                    named = []  # "the Vietnam-Laos Committee session": the countries it brings together, not its host
                for c in named:
                    targets.append((c, "name", 0.85))
                if entity.cls == "Company":
                    targets.extend((c, "nationality", 0.75) for c in self.nationality(analysis, m))
                for country, rule, conf in targets:
                    if country in self.corpus.entities and country != entity.key:
                        curated = "gazetteer" if rule == "gazetteer" else ""
                        self.emit(entity.key, "country", country, analysis, sentence, f"country:{rule}", conf, source=curated)
                        done.add(country)

            if not done and entity.cls in CONTEXT_COUNTRY_CLASSES:
                for m in entity.mentions[:1]:
                    if self.international_in_name(m):
                        continue  # "ASEAN Digital Senior Officials' Meeting": a regional body, no one country's
                    analysis = analyses[m.article_id]
                    country = self.context_country(analysis, m)
                    if country and country in self.corpus.entities:
                        self.emit(entity.key, "country", country, analysis, analysis.sentence_at(m.start), "country:context", 0.6)

    def international_in_name(self, m: Mention) -> bool:
        """Whether a name holds the name of an organisation of no one country (ASEAN, the UN)."""
        return any(e.cls == "Organization" and not e.country for h in self.matcher.find(m.text) for e in h.entries[:1])

    def country_mentions(self, article_id: str) -> list[Mention]:
        """The article's country mentions (computed once per article)."""
        found = self._countries.get(article_id)
        if found is None:
            found = [c for c in self.corpus.mentions.get(article_id, []) if c.cls == "Country" and c.key]
            self._countries[article_id] = found
        return found

    def nationality(self, analysis: Analysis, m: Mention) -> list[str]:
        out = []
        for c in self.country_mentions(analysis.article.id):
            if not (m.start - 80 <= c.start <= m.end + 80):
                continue  # "X's ...", "X, a Y company": a country right beside the name
            between = analysis.text[m.end : c.start] if c.start >= m.end else analysis.text[c.end : m.start]
            if c.start >= m.end and len(between) < 60 and re.match(r"\s*(?:บริษัท|, an? |, the )", between):
                if "\n" not in between:
                    out.append(c.key)
            elif c.end <= m.start and re.fullmatch(r"[’']s\s+", between):
                out.append(c.key)
        return out

    def context_country(self, analysis: Analysis, m: Mention) -> str | None:
        """The country a body or programme belongs to, by context: the one its sentence names; where the
        sentence names several (a Thai ministry beside a Lao minister), the article's own country among them;
        where it names none, the article's country (else the last country named before it)."""
        mentions = [c for c in self.corpus.mentions.get(analysis.article.id, []) if not c.attrs.get("nested")]
        article_country = self.corpus.article_country.get(analysis.article.id)
        here = {c.key for c in mentions if c.cls == "Country" and c.key and c.sentence == m.sentence}
        if (len(here) > 1 and article_country in here) or (not here and article_country):
            return article_country  # no country in the sentence: the article's, not the last one named before
        return nearest_country(mentions, m) or article_country

    # --- per sentence ----------------------------------------------------------------------
    # --- dependency matches (English parse) ---------------------------------------------
    def office_country(self, analysis: Analysis, m: Mention, spans: list[_Span]) -> str | None:
        """The country whose government a "Prime Minister X" serves: the one named in the office phrase
        just before the name ("Lao Prime Minister X", "Thủ tướng Chính phủ Lào X"); else, leaving out the
        countries named in the office phrases of the sentence's other people, the context country, where
        the sentence names no other, the home country of the article's language (vi, th, lo, km)."""
        mentions = [c for c in self.corpus.mentions.get(analysis.article.id, []) if not c.attrs.get("nested")]
        country_of = {id(c): c.key if c.cls == "Country" else self.curated_country(c.key) for c in mentions if c.key}
        countries = [c for c in mentions if country_of.get(id(c)) and c.sentence == m.sentence]
        people = sorted((o.mention for o in spans if o.cls == "Person"), key=lambda p: p.start)

        def phrase_country(person: Mention) -> Mention | None:
            before = [p.end for p in people if p.end <= person.start]
            floor = max([*before, person.start - OFFICE_PHRASE_WINDOW])
            inside = [c for c in countries if floor <= c.start and c.end <= person.start]
            return inside[-1] if inside else None

        own = phrase_country(m)
        if own is not None:
            return country_of[id(own)]
        claimed = {id(c) for p in people if p is not m and (c := phrase_country(p)) is not None}
        if all(id(c) in claimed for c in countries) and analysis.lang in HOME_COUNTRY:
            return HOME_COUNTRY[analysis.lang]
        return self.context_country(analysis, m)

    def curated_country(self, key: str | None) -> str | None:
        """The curated country of a government (the one its office phrase names), else None."""
        entry = self.gazetteer.get(key) if key else None
        return entry.country if entry is not None and entry.cls == "Government" else None

    @staticmethod
    def resolve(span: tuple[int, int], head: tuple[int, int] | None, spans: list[_Span]) -> _Span | None:
        """The linked mention a dependency phrase stands for: the one overlapping its head word.

        Whole (not nested) mentions beat mentions inside a longer name, then longer beats shorter.
        """
        lo, hi = head or span
        found = [s for s in spans if s.mention.start < hi and s.mention.end > lo]
        if not found:
            return None
        return max(found, key=lambda s: (not s.mention.attrs.get("nested"), s.mention.end - s.mention.start))

    def dependency_relations(
        self,
        analysis: Analysis,
        sentence: Sentence,
        matches: list[DependencyMatch],
        spans: list[_Span],
        main_event: str | None,
        events: list[_Span],
    ) -> tuple[bool, dict[str, set[str]]]:
        """Emit what the dependency patterns read in this sentence.

        Returns:
            Whether they made an agreement, and per property the entities its phrases resolved to
            (whatever their class), which trigger rules for that property may still use.
        """
        agreements: dict[tuple[int, int], list[DependencyMatch]] = {}
        read: dict[str, set[str]] = {}
        for m in matches:
            if m.predicate in {"party", "concerns"}:
                agreements.setdefault(m.subject, []).append(m)
                continue
            signature_ = SIGNATURES.get(m.predicate)
            subj = self.resolve(m.subject, m.subject_head, spans)
            obj = self.resolve(m.object, m.object_head, spans)
            read.setdefault(m.predicate, set()).update(x.key for x in (subj, obj) if x is not None)
            if signature_ is None or subj is None or obj is None or subj.key == obj.key:
                continue
            if subj.cls not in signature_[0] or obj.cls not in signature_[1]:
                continue
            if m.predicate == "participant" and obj.cls == "Government" and obj.mention.cls == "Ref":
                continue
            self.emit(subj.key, m.predicate, obj.key, analysis, sentence, m.pattern, DEP_CONFIDENCE, kind="dep")
        made = False
        for group in agreements.values():
            parties = [
                p
                for m in group
                if m.predicate == "party" and (p := self.resolve(m.object, m.object_head, spans)) and p.cls in ORG
            ]
            if len({p.key for p in parties}) < 2:
                continue
            topics = [
                s
                for m in group
                if m.predicate == "concerns"
                for s in spans
                if s.cls == "Technology" and m.object[0] <= s.mention.start and s.mention.end <= m.object[1]
            ]
            self.agreement(analysis, sentence, parties, topics, events, rule=group[0].pattern, kind="dep")
            made = True
        return made, read

    def sentence_relations(
        self, analysis: Analysis, sentence: Sentence, main_event: str | None, deps: list[DependencyMatch] | None = None
    ) -> None:
        lang = analysis.lang
        text = sentence.text
        spans = self.spans(analysis, sentence)
        if not spans:
            return
        events = [s for s in spans if s.cls == "Event"]
        signed, read = self.dependency_relations(analysis, sentence, deps, spans, main_event, events) if deps else (False, {})

        def joined_chain_before(pos: int) -> list[_Span]:
            """Every organisation of a list that ends just before ``pos`` ("A, B, C and D signed")."""
            before: list[_Span] = []
            for s in (s for s in spans if s.cls in ORG and s.mention.end - sentence.start <= pos):
                if not before or before[-1].key != s.key:  # "Bank of X (BoX)": one name with its acronym
                    before.append(s)
            if not before or pos - (before[-1].mention.end - sentence.start) > 40:
                return []
            chain = [before[-1]]
            for s in reversed(before[:-1]):
                if not _JOINED.fullmatch(text[s.mention.end - sentence.start : rel_pos(chain[0])]):
                    break
                chain.insert(0, s)
            return chain

        def joined_before(pos: int) -> _Span | None:
            """The first of two organisations joined by "and" just before ``pos`` ("A and B signed")."""
            before = []
            for s in (s for s in spans if s.cls in ORG and s.mention.end - sentence.start <= pos):
                if not before or before[-1].key != s.key:  # "Bank of X (BoX)": one name with its acronym
                    before.append(s)
            if len(before) < 2:
                return None
            a, b = before[-2], before[-1]
            gap = text[b.mention.end - sentence.start : pos]
            if a.key == b.key or len(gap) > 40 or not _JOINED.fullmatch(text[a.mention.end - sentence.start : rel_pos(b)]):
                return None
            return a

        def joined_after(first: _Span) -> list[_Span]:
            """Organisations listed after ``first`` with "and" or commas ("A, B and C")."""
            out, last = [], first
            for nxt in sorted((x for x in spans if x.cls in ORG and x.mention.start >= last.mention.end), key=rel_pos):
                if not _JOINED.fullmatch(text[last.mention.end - sentence.start : rel_pos(nxt)]):
                    break
                out.append(nxt)
                last = nxt
            return out

        def guess_ok(prop: str, *keys: str) -> bool:
            """A trigger rule's guess stands unless the parse read ``prop`` here with other names."""
            return prop not in PARSE_DECIDES or prop not in read or all(k in read[prop] for k in keys)

        def rel_pos(span: _Span) -> int:
            return span.mention.start - sentence.start

        def in_office(span: _Span) -> bool:
            """An organisation named in someone's office ("X - President of Y"): that person's, not a participant."""
            if span.cls == "Person":
                return False
            end = span.mention.end - sentence.start  # "DES Minister Prasert": the minister's ministry
            return bool(_OFFICE_OF.search(text[max(0, rel_pos(span) - 60) : rel_pos(span)]) or _OFFICE_NEXT.match(text, end))

        def first_after(pos: int, classes: set[str], limit: int = 90) -> _Span | None:
            cands = [s for s in spans if s.cls in classes and 0 <= rel_pos(s) - pos <= limit]
            return min(cands, key=rel_pos) if cands else None

        def last_before(pos: int, classes: set[str], limit: int = 200) -> _Span | None:
            cands = [s for s in spans if s.cls in classes and 0 <= pos - (s.mention.end - sentence.start) <= limit]
            return max(cands, key=rel_pos) if cands else None

        # event roles
        if events:
            for prop, classes in (("organizer", ORG), ("supporter", AGENT), ("chair", {"Person"})):
                pattern = trigger(prop, lang)
                if not pattern:
                    continue
                for t in pattern.finditer(text):
                    # the agent follows "by", and "with support from", "in partnership with" ...
                    after = re.search(
                        r"\bby\b|\b(?:from|of|with)$|โดย|จาก$|ដោយ|(?:ពី|របស់|អធិបតីភាព)$|ໂດຍ|(?:ຈາກ|ຂອງ|ກັບ)$",
                        t.group(),
                        re.IGNORECASE,
                    )
                    passive = bool(after) or (prop == "supporter" and lang == "vi")
                    agent = first_after(t.end(), classes) if passive else last_before(t.start(), classes)
                    if not passive and prop == "organizer" and lang == "vi":
                        subjects = [s for s in spans if s.cls in classes and rel_pos(s) < t.start()]
                        agent = min(subjects, key=rel_pos) if subjects else agent
                    if agent is None and not passive and lang != "en":
                        agent = first_after(t.end(), classes, 40)
                    if agent and guess_ok(prop, agent.key):
                        event = min(events, key=lambda e: abs(rel_pos(e) - t.start()))
                        self.emit(event.key, prop, agent.key, analysis, sentence, prop, 0.75)
                        # "A (AA) và B đã tổ chức X", "organised by A and B": each of them
                        end = agent.mention.end - sentence.start
                        short = [x for x in spans if x.key == agent.key and 0 < rel_pos(x) - end <= 3]  # "A (AA)"
                        for other in joined_after(short[0] if short else agent) if prop == "organizer" else ():
                            if guess_ok(prop, other.key):
                                self.emit(event.key, prop, other.key, analysis, sentence, prop, 0.75)
            pattern = trigger("participant", lang)
            if pattern and pattern.search(text):
                for s in spans:
                    if s.cls in AGENT and not (s.cls == "Government" and s.mention.cls == "Ref") and not in_office(s):
                        event = min(events, key=lambda e: abs(rel_pos(e) - rel_pos(s)))
                        self.emit(event.key, "participant", s.key, analysis, sentence, "participant", 0.65)
            # "X spoke in his address at E" / "E, with the participation of X": the side the participants stand on
            for side in ("before", "after"):
                sided = trigger(f"participant_{side}", lang)
                for t in sided.finditer(text) if sided else ():
                    event = min(events, key=lambda e: abs(rel_pos(e) - t.start()))
                    for s in spans:
                        if s.cls not in AGENT or s.mention.cls == "Ref" or in_office(s):
                            continue
                        if (rel_pos(s) < t.start()) == (side == "before"):
                            self.emit(event.key, "participant", s.key, analysis, sentence, f"participant:{side}", 0.65)
            loc = trigger("location", lang)
            for s in spans:
                if s.cls != "Place" or _NEXT_EDITION.search(text):
                    continue  # "next year's forum will be held in Da Nang": another edition's venue
                before = text[max(0, rel_pos(s) - 40) : rel_pos(s)]
                words = before.split()[-5:]
                if (loc and any(loc.fullmatch(w) for w in words)) or re.search(r"(?:ที่|ณ|ທີ່)(?:เมือง|กรุง)?$", before):
                    event = min(events, key=lambda e: abs(rel_pos(e) - rel_pos(s)))
                    self.emit(event.key, "location", s.key, analysis, sentence, "location", 0.7)
            concerns = trigger("concerns", lang)
            techs = [s for s in spans if s.cls == "Technology"]
            if techs and ((concerns and concerns.search(text)) or any(t.mention.attrs.get("nested") for t in techs)):
                for t in techs:
                    event = min(events, key=lambda e: abs(rel_pos(e) - rel_pos(t)))
                    self.emit(event.key, "concerns", t.key, analysis, sentence, "concerns", 0.65)
        elif main_event and _ATTENDANCE.search(text):
            # "Attending were representatives of X and Y": the article's event, though this sentence names none
            for s in spans:
                if s.cls in AGENT and s.mention.cls != "Ref" and not in_office(s):
                    self.emit(main_event, "participant", s.key, analysis, sentence, "participant:article-event", 0.55)
        # programs: implements / issuedBy / partOf / concerns
        programs = [s for s in spans if s.cls == "Program"]
        part = trigger("partOf", lang)
        # "X launched A under B" / "... ស្របតាម B": B is the plan A is part of, not one X issued
        wholes = {w.key for t in (part.finditer(text) if part else ()) if (w := first_after(t.end(), {"Program"}, 60))}
        for prop in ("implements", "issuedBy"):
            pattern = trigger(prop, lang)
            if not pattern or not programs:
                continue
            for t in pattern.finditer(text):
                agent = last_before(t.start(), ORG) or (first_after(t.end(), ORG, 60) if prop == "issuedBy" else None)
                if agent is None or not guess_ok(prop, agent.key):
                    continue
                for p in programs:
                    if prop == "issuedBy" and p.key in wholes and len({q.key for q in programs}) > 1:
                        continue
                    if rel_pos(p) >= t.end() or prop == "issuedBy":
                        s_, o_ = (agent.key, p.key) if prop == "implements" else (p.key, agent.key)
                        self.emit(s_, prop, o_, analysis, sentence, prop, 0.7)
        if part:
            for t in part.finditer(text):
                whole = first_after(t.end(), {"Program"}, 60)
                piece = last_before(t.start(), {"Event", "Program"}, 80)
                if whole and piece and guess_ok("partOf", whole.key, piece.key):
                    self.emit(piece.key, "partOf", whole.key, analysis, sentence, "partOf", 0.7)
        # a plan named after a technology is about it ("National AI Strategy", "មគ្គទេសក៍...បញ្ញាសិប្បនិម្មិត...")
        for p in programs:
            for tech in spans:
                inside = p.mention.start <= tech.mention.start and tech.mention.end <= p.mention.end
                if tech.cls == "Technology" and tech.mention.attrs.get("nested") and inside:
                    self.emit(p.key, "concerns", tech.key, analysis, sentence, "concerns:name", 0.7)
        # products: developedBy, concerns (the nearest technology)
        for prod in (s for s in spans if s.cls == "Product"):
            dev = trigger("developedBy", lang)
            # a company if the sentence names one; else whichever organisation ("developed by the Techo Startup Center")
            companies = [s for s in spans if s.cls == "Company"] or [s for s in spans if s.cls in ORG]
            t = dev.search(text) if dev else None
            if t and companies:
                company = self.developer(t, companies, prod, rel_pos)
                if company is not None and guess_ok("developedBy", company.key):
                    self.emit(prod.key, "developedBy", company.key, analysis, sentence, "developedBy", 0.65)
            techs = [s for s in spans if s.cls == "Technology" and abs(rel_pos(s) - rel_pos(prod)) < 40]
            if techs:
                tech = min(techs, key=lambda t: abs(rel_pos(t) - rel_pos(prod)))
                self.emit(prod.key, "concerns", tech.key, analysis, sentence, "concerns", 0.6)
        # agreements and partners
        orgs = [s for s in spans if s.cls in ORG]
        sign = trigger("signing", lang)
        if not signed and sign and (t := sign.search(text)) and len({o.key for o in orgs}) >= 2:
            # "signed MoUs between A and B and between A and C": each pair after "between" is one agreement
            among, pairs = trigger("agreement_between", lang), []
            for word in among.finditer(text, t.end()) if among else ():
                first = first_after(word.end(), ORG, 40)
                others = joined_after(first) if first is not None else []
                if first is not None and others and first.key != others[0].key:
                    pairs.append((first, others[0]))
            if not pairs:
                before = last_before(t.start(), ORG)
                # "A และ B ได้บรรลุข้อตกลง ...", "A and B signed ...": the two joined before the verb, not one named later
                after = joined_before(t.start()) or first_after(t.end(), ORG, 120)
                with_word = trigger("agreement_with", lang)  # "signed an MoU for ... with the National Bank of X"
                if after is None and with_word and (w := with_word.search(text, t.end())):
                    after = first_after(w.end(), ORG, 40)
                pairs = [(before, after)] if before and after and before.key != after.key else []
                chain = joined_chain_before(t.start())
                if len({c.key for c in chain}) >= 3:  # "A, B, ... and G signed": one agreement of them all
                    pairs = [tuple(chain)]
            # what the agreement is about follows the agreement word closely ("MoU on X", "ký hợp đồng phát triển X")
            words = trigger("agreement_words", lang)
            word = words.search(text, t.start()) if words else None
            anchor = word.end() if word else t.end()
            topics = [s for s in spans if s.cls == "Technology" and 0 <= rel_pos(s) - anchor <= AGREEMENT_TOPIC_WINDOW]
            for group in pairs:  # the signatories of a list are parties, not each other's partners
                self.agreement(analysis, sentence, list(group), topics, events, partners=len(group) == 2)
        if not signed and self.agreement_sentence != (analysis.article.id, sentence.index):
            self.agreement_anaphor(analysis, sentence, spans, events)
        partner = trigger("partner", lang)
        if partner and (t := partner.search(text)):
            a = last_before(t.start(), ORG)
            between = last_before(t.start(), {"Product", "Event"})
            if a is not None and between is not None and rel_pos(between) > rel_pos(a):
                a = None  # "X showed its gateway, while app Y ... announced a partnership with Z": Y's, not X's
            # "partnered with B", "a partnership with B": the partner follows; "A and B jointly ...": it is before
            takes_object = bool(re.search(r"\bwith$", t.group()) or re.match(r"\s+with\b", text[t.end() :]))
            after, joined = first_after(t.end(), ORG, 80), joined_before(t.start())
            b = (after or joined) if takes_object else (joined or after)
            if a and b and a.key != b.key and guess_ok("partner", a.key, b.key):
                self.emit(a.key, "partner", b.key, analysis, sentence, "partner", 0.7)
                if b.mention.start > t.end() - 1 + sentence.start:  # "in cooperation with A and B": B too
                    for c in joined_after(b):
                        if c.key != a.key and guess_ok("partner", a.key, c.key):
                            self.emit(a.key, "partner", c.key, analysis, sentence, "partner", 0.7)
        coop = trigger("cooperation", lang)
        # a country standing for a company's nationality ("Japan's Soramitsu") is not a party to cooperation
        nationalities = {c for s in spans if s.cls == "Company" for c in self.nationality(analysis, s.mention)}
        # nor a country named only to place a city ("tại Kuala Lumpur, Malaysia", "in Vientiane, Laos")
        places = {s.key for s in spans if s.cls == "Country" and self.qualifies_place(s, spans, sentence)}
        places -= {s.key for s in spans if s.cls == "Country" and not self.qualifies_place(s, spans, sentence)}
        countries = list(dict.fromkeys(s.key for s in spans if s.cls == "Country" and s.key not in nationalities | places))
        hub = self.cooperation_hub(analysis, sentence, spans, nationalities)
        if hub is not None:  # "Thailand's sixth such agreement ... after those with Cambodia, Indonesia and Vietnam"
            for b in hub[1]:
                self.emit(hub[0], "cooperatesWith", b, analysis, sentence, "cooperatesWith:with", 0.65)
        elif coop and coop.search(text) and len(countries) >= 2:
            for i, a in enumerate(countries):
                for b in countries[i + 1 :]:
                    self.emit(a, "cooperatesWith", b, analysis, sentence, "cooperatesWith", 0.65)
        self.sub_organisations(analysis, sentence, spans)
        self.positions(analysis, sentence, spans)

    @staticmethod
    def qualifies_place(country: _Span, spans: list[_Span], sentence: Sentence) -> bool:
        """Whether a country's mention right follows a place's after a comma ("Kuala Lumpur, Malaysia")."""
        start = country.mention.start - sentence.start
        return any(s.cls == "Place" and sentence.text[s.mention.end - sentence.start : start] in {", ", ","} for s in spans)

    @staticmethod
    def cooperation_hub(
        analysis: Analysis, sentence: Sentence, spans: list[_Span], nationalities: set[str]
    ) -> tuple[str, list[str]] | None:
        """A country that cooperates with each of a list ("Thailand's agreement with A, B and C", "Vietnam's
        cooperation with Laos and Cambodia"): the one named in the possessive before a cooperation or agreement
        word, and the countries after "with" (trigger ``cooperation_with``) that follows it."""
        text = sentence.text
        words = trigger("cooperation_with", analysis.lang)
        countries = sorted((s for s in spans if s.cls == "Country" and s.key not in nationalities), key=lambda s: s.mention.start)
        for i, c in enumerate(countries):
            rel = c.mention.end - sentence.start
            if not re.match(r"[’']s\b", text[rel:]):
                continue
            found = words.search(text, rel) if words else None
            if found is None:
                return None
            listed = [d.key for d in countries[i + 1 :] if d.mention.start - sentence.start >= found.end() and d.key != c.key]
            return (c.key, list(dict.fromkeys(listed))) if listed else None
        return None

    def sub_organisations(self, analysis: Analysis, sentence: Sentence, spans: list[_Span]) -> None:
        """Units of an organisation: "X will comprise A, B and C" (trigger ``subOrganizationOf``), "A, under
        X," (``subOrganizationOf_under``: the unit right before, the parent right after), and a unit named by
        its parent's name and a unit head ("the Bank of Zelora Payment Systems Department")."""
        text, orgs = sentence.text, sorted((s for s in spans if s.cls in ORG), key=lambda s: s.mention.start)
        pattern = trigger("subOrganizationOf", analysis.lang)
        for t in pattern.finditer(text) if pattern else ():
            before = [s for s in orgs if s.mention.end - sentence.start <= t.start()]
            if before:
                whole = before[-1]
                for part in (s for s in orgs if s.mention.start - sentence.start >= t.end()):
                    if part.key != whole.key:
                        self.emit(part.key, "subOrganizationOf", whole.key, analysis, sentence, "subOrganizationOf", 0.7)
        under = trigger("subOrganizationOf_under", analysis.lang)
        for t in under.finditer(text) if under else ():
            part = next((s for s in reversed(orgs) if 0 <= t.start() - (s.mention.end - sentence.start) <= 3), None)
            whole = next((s for s in orgs if 0 <= s.mention.start - sentence.start - t.end() <= 5), None)
            if part and whole and part.key != whole.key:
                self.emit(part.key, "subOrganizationOf", whole.key, analysis, sentence, "subOrganizationOf:under", 0.7)
        heads = trigger("unit_heads", analysis.lang)
        named = self._org_names.get(analysis.article.id)
        if named is None:
            named = self._org_names[analysis.article.id] = {
                m.text: e.key
                for m in self.corpus.mentions.get(analysis.article.id, [])
                if (e := self.corpus.entity_of(m)) is not None and e.cls in ORG
            }
        for part in orgs if heads else ():
            name = part.mention.text
            for parent, key in named.items():  # the parent named anywhere in the article
                if key != part.key and name.startswith(parent + " ") and heads.fullmatch(name[len(parent) + 1 :]):
                    self.emit(part.key, "subOrganizationOf", key, analysis, sentence, "subOrganizationOf:name", 0.8)

    def agreement_anaphor(self, analysis: Analysis, sentence: Sentence, spans: list[_Span], events: list[_Span]) -> None:
        """A sentence that refers back to the article's one agreement ("The agreement was signed on the sidelines of
        X", "the cooperation covers A, B and C"): where it was signed, and the technologies it lists."""
        found = self.agreements.get(analysis.article.id, [])
        pattern = trigger("agreement_anaphor", analysis.lang)
        if len(found) != 1 or not pattern or not (ref := pattern.search(sentence.text)):
            return
        key = found[0]
        sign = trigger("signing", analysis.lang)
        if events and sign and sign.search(sentence.text):
            event = min(events, key=lambda e: abs(e.mention.start - sentence.start - ref.start()))
            self.emit(key, "signedAt", event.key, analysis, sentence, "signedAt:anaphor", 0.6)
        for tech in dict.fromkeys(s.key for s in spans if s.cls == "Technology" and s.mention.start - sentence.start > ref.end()):
            self.emit(key, "concerns", tech, analysis, sentence, "concerns:anaphor", 0.55)

    @staticmethod
    def developer(t: re.Match[str], companies: list[_Span], prod: _Span, rel_pos: Callable[[_Span], int]) -> _Span | None:
        """Who made a product, read from where its trigger stands: after "developed by"/"do"/"โดย",
        before an active verb ("X launched Y", "X hợp tác với Z để triển khai Y": X, not Z), else the nearest."""
        if re.search(r"\bby\b|โดย|ໂດຍ|\bdo\b", t.group(), re.IGNORECASE):
            after = [c for c in companies if rel_pos(c) >= t.end()]
            return min(after, key=rel_pos) if after else None
        before = [c for c in companies if rel_pos(c) < t.start()]
        if before and rel_pos(prod) > t.start():
            return min(before, key=rel_pos)  # the sentence's subject: the first organisation named
        return min(companies, key=lambda c: abs(rel_pos(c) - rel_pos(prod)))

    def agreement(
        self,
        analysis: Analysis,
        sentence: Sentence,
        parties: list[_Span],
        topics: list[_Span],
        events: list[_Span],
        *,
        rule: str = "party",
        kind: str = "rule",
        partners: bool = True,
    ) -> None:
        """Add an n-ary agreement node for ``parties`` (two or more), with what it concerns and where it was signed
        (and, unless ``partners`` is false, each pair of parties as partners)."""
        keys = sorted({p.key for p in parties})
        key = "agreement/" + "--".join(slugify(k.split("/", 1)[1]) for k in keys)
        names = [self.corpus.entities[k].label for k in keys]
        entity = self.corpus.entities.get(key)
        if entity is None:
            entity = Entity(key=key, cls="Agreement", label=f"Agreement between {' and '.join(names)}")
            entity.add_label("en", entity.label)
            self.corpus.entities[key] = entity
        words = trigger("agreement_words", analysis.lang)
        found = words.search(sentence.text) if words else None
        if found:
            entity.add_label(analysis.lang, found.group())
        entity.mentions.append(
            Mention(
                analysis.article.id, sentence.text, sentence.start, sentence.end, "Agreement", analysis.lang, "rule:agreement"
            )
        )
        confidence = DEP_CONFIDENCE if kind == "dep" else 0.8
        partner_rule, topic_rule = (f"{rule}:partner", f"{rule}:concerns") if kind == "dep" else ("partner:agreement", "concerns")
        for p in keys:
            self.emit(key, "party", p, analysis, sentence, rule, confidence, kind=kind)
        for i, a in enumerate(keys if partners else []):
            for b in keys[i + 1 :]:
                self.emit(a, "partner", b, analysis, sentence, partner_rule, confidence - 0.1, kind=kind)
        self.agreement_sentence = (analysis.article.id, sentence.index)
        found_in = self.agreements.setdefault(analysis.article.id, [])
        if key not in found_in:
            found_in.append(key)
        if events:  # only where the signing sentence names the event: a fact cites the sentence that states it
            self.emit(key, "signedAt", events[0].key, analysis, sentence, "signedAt", 0.6)
        for tech in dict.fromkeys(t.key for t in topics):
            self.emit(key, "concerns", tech, analysis, sentence, topic_rule, confidence - 0.2, kind=kind)

    def office_organisation(self, analysis: Analysis, m: Mention, name: str, cls: object) -> Entity | None:
        """The organisation an office names when the article names it nowhere else ("Lao Minister of
        Technology and Communications X"): the curated one of that exact name, else a new one, with a
        mention at the office so that the article is its evidence."""
        hit = next(
            (h for h in self.matcher.find(name) if h.start == 0 and h.end == len(name) and not h.ambiguous),
            None,
        )
        if hit is not None and hit.entries[0].cls in ORG:
            key = hit.entries[0].id
            if key not in self.corpus.entities:
                self.corpus.entities[key] = curated_entity(key, self.gazetteer)
        elif cls in ORG and analysis.lang == "en":
            key = f"{str(cls).lower()}/{slugify(name)}"
            if key not in self.corpus.entities:
                entity = Entity(key=key, cls=str(cls), label=name)
                entity.add_label("en", name)
                self.corpus.entities[key] = entity
        else:
            return None
        entity = self.corpus.entities[key]
        self.office_mention(analysis, m, entity, name.split(" of ", 1)[-1], max(0, m.start - 160))
        return entity

    @staticmethod
    def office_mention(analysis: Analysis, m: Mention, entity: Entity, office: str, since: int) -> None:
        """Record that the article names ``entity`` through the office of the person ``m``: a mention at the
        office's words before the person (from ``since``), or at the person where they are not found."""
        at = analysis.text.rfind(office, since, m.start)
        start, end = (at, at + len(office)) if at >= 0 else (m.start, m.end)
        entity.mentions.append(
            Mention(
                analysis.article.id, analysis.text[start:end], start, end, entity.cls, m.lang, "rule:office", m.sentence,
                entity.key, 0.7,
            )
        )  # fmt: skip

    def office_phrase_org(self, analysis: Analysis, person: Mention, spans: list[_Span]) -> _Span | None:
        """The organisation an English office phrase names around a person: "<Org> <title> <Name>" ("National
        Assembly Chairman X", "ZDA director X") or "<Name> - <title> of <Org>" ("X - Vice Chairman of Y's
        People's Committee", "X, secretary of state at the Ministry of Y")."""
        titles = _office_titles(analysis.lang)
        if titles is None:
            return None
        text = analysis.text
        orgs = [o for o in spans if o.cls in ORG and o.mention.cls != "Ref"]
        before = [o for o in orgs if o.mention.end <= person.start and person.start - o.mention.end <= 40]
        for o in sorted(before, key=lambda o: -o.mention.end):
            if titles[0].fullmatch(text, o.mention.end, person.start):
                return o
        for o in sorted((o for o in orgs if 0 <= o.mention.start - person.end <= 70), key=lambda o: o.mention.start):
            if titles[1].fullmatch(text, person.end, o.mention.start):
                return o
        return None

    def positions(self, analysis: Analysis, sentence: Sentence, spans: list[_Span]) -> None:
        """holdsPositionIn: a person's office, from the title before the name or beside it."""
        text = sentence.text
        for s in spans:
            if s.cls != "Person" or s.mention.cls == "Ref":
                continue
            if (org := self.office_phrase_org(analysis, s.mention, spans)) is not None:
                self.emit(s.key, "holdsPositionIn", org.key, analysis, sentence, "holdsPositionIn:office-phrase", 0.75)
                continue
            m = s.mention
            pos = m.start - sentence.start
            title = m.attrs.get("title")
            org_class = m.attrs.get("title_org_class")
            after = text[pos + len(m.text) :]
            minister = re.match(
                r",?\s*(?:the\s+)?((?:Deputy |Vice )?Minister of ([A-Z][\w’' ,&]+?))(?=[,.;]|\s+said|\s+who|$)", after
            )
            if minister:
                title, org_class = minister.group(1), "Ministry"
                wanted = signature("Ministry of " + minister.group(2), "en")
                for e in self.corpus.entities.values():
                    if e.cls == "Ministry" and wanted <= signature(e.label, "en") | {"ministry"}:
                        self.emit(s.key, "holdsPositionIn", e.key, analysis, sentence, "holdsPositionIn:title", 0.75)
                        s.entity.attrs.setdefault("title", {}).setdefault("en", set()).add(title)
                        break
                continue
            if not title:
                continue
            if m.attrs.get("title_org"):  # "Minister of Public Security X": the office names its organisation
                wanted = signature(str(m.attrs["title_org"]), "en")
                mentioned = self.corpus.mentions.get(analysis.article.id, [])
                here = {e.key for x in mentioned if (e := self.corpus.entity_of(x)) is not None}
                named = [
                    e
                    for key in here
                    if (e := self.corpus.entities.get(key)) is not None and e.cls in ORG
                    if len(wanted) >= 2 and wanted <= signature(e.label, "en") | {"ministry"}
                ]
                org = min(named, key=lambda e: len(signature(e.label, "en"))) if named else None
                if org is None and len(wanted) >= 2:
                    org = self.office_organisation(analysis, m, str(m.attrs["title_org"]), org_class)
                if org is not None:
                    self.emit(s.key, "holdsPositionIn", org.key, analysis, sentence, "holdsPositionIn:office-of", 0.75)
                continue
            if org_class == "Government":
                country = self.office_country(analysis, m, spans)
                gov = next((e for e in self.gazetteer.entries if e.cls == "Government" and e.country == country), None)
                if gov and gov.id not in self.corpus.entities:
                    # "Prime Minister X" names the government X heads even where the article does not
                    self.corpus.entities[gov.id] = curated_entity(gov.id, self.gazetteer)
                if gov:
                    self.office_mention(analysis, m, self.corpus.entities[gov.id], str(title), sentence.start)
                    self.emit(s.key, "holdsPositionIn", gov.id, analysis, sentence, "holdsPositionIn:office", 0.75)
                continue
            if str(title).lower() in _ENVOYS:
                continue  # an ambassador serves a country, not the organisation named beside him
            candidates = [o for o in spans if o.cls in ORG and o.mention.cls != "Ref"]
            if org_class and org_class in ORG:
                candidates = [
                    o for o in candidates if o.cls == org_class or (org_class == "PublicBody" and o.cls in ORG - {"Company"})
                ]
            org = self.office_holder_org(m, candidates, spans, analysis.text)
            if org is not None:
                self.emit(s.key, "holdsPositionIn", org.key, analysis, sentence, "holdsPositionIn:near", 0.65)

    @staticmethod
    def office_holder_org(m: Mention, candidates: list[_Span], spans: list[_Span], text: str) -> _Span | None:
        """The organisation of a titled person's office: the nearest one named in the office phrase before
        the name ("Minister of X Y", "Bộ trưởng Bộ X Y", "NBC Governor Y"), with no other person between;
        else one named just after ("Y, Governor of the NBC"); never one that belongs to the next person."""
        people = [p.mention for p in spans if p.cls == "Person" and p.mention.cls != "Ref" and p.mention is not m]

        def clear(a: int, b: int) -> bool:
            return not any(a <= p.start < b for p in people)

        before = [o for o in candidates if o.mention.end <= m.start and m.start - o.mention.end < 90]
        before = [o for o in before if clear(o.mention.end, m.start)]
        if before and not m.attrs.get("office_after"):  # (a rule read the office after the name: that first)
            return max(before, key=lambda o: o.mention.end)
        title = str(m.attrs.get("title") or "")

        def office_after(o: _Span) -> bool:
            """ "นาย X Y รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวง Z": the title after the name, its organisation
            right after the title (or opening inside it: "รัฐมนตรีว่าการกระทรวง" + "กระทรวง Z")."""
            at = text.rfind(title, m.end, min(o.mention.start + len(title), m.end + reach)) if title else -1
            return at >= 0 and at <= o.mention.start and not text[at + len(title) : o.mention.start].strip()

        reach = 120 if m.attrs.get("office_after") else 60  # a rule read the office after the name, party posts between
        after = [o for o in candidates if o.mention.start >= m.end and o.mention.start - m.end < reach]
        after = [
            o
            for o in after
            if clear(m.end, o.mention.start)
            and ((_APPOSITIVE.match(text, m.end, o.mention.start) and o.mention.start - m.end < 40) or office_after(o))
        ]
        if after:
            return min(after, key=lambda o: o.mention.start)
        return max(before, key=lambda o: o.mention.end) if before else None


@functools.cache
def _office_titles(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Patterns of an office phrase between an organisation and a name (" Chairman ", " (ZDA) director ")
    and between a name and its organisation (" - Vice Chairman of ", ", secretary of state at the "),
    built from the title lexicon (``data/lexicons/titles.json``); English only."""
    if lang != "en":
        return None
    words = sorted({t.removesuffix(" of") for t, _ in title_table(lang)}, key=len, reverse=True)
    title = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    between = re.compile(rf"\s*(?:\([A-Za-z&]{{2,10}}\)\s*)?(?:[’']s\s+)?(?:(?:acting|senior|former)\s+)?{title}\s+", re.I)
    remit = r"(?:\s+(?:for|in charge of)\s+[^,;()]{1,40})?"  # "Senior Vice President for Financial Institutions"
    after = re.compile(rf"\s*(?:[,–-]|\s-)\s*(?:the\s+|a\s+)?{title}{remit}\s*(?:,\s*|\s+(?:of|at)\s+)(?:the\s+)?", re.I)
    return between, after


def _main_event(corpus: LinkedCorpus, article_id: str) -> str | None:
    counts = Counter(
        corpus.mention_keys[mention_id(m)]
        for m in corpus.mentions.get(article_id, [])
        if (e := corpus.entity_of(m)) is not None and e.cls == "Event"
    )
    return counts.most_common(1)[0][0] if counts else None


def _subsumed(relations: list[Relation]) -> list[Relation]:
    """Drop weaker readings of a stronger fact (a chair is not also a mere participant)."""
    strong = {(r.subject, r.object) for r in relations if r.predicate in {"chair", "organizer", "supporter"}}
    out = [r for r in relations if not (r.predicate == "participant" and (r.subject, r.object) in strong)]
    organizers = {(r.subject, r.object) for r in out if r.predicate == "organizer"}
    return [r for r in out if not (r.predicate == "supporter" and (r.subject, r.object) in organizers)]


def extract_relations(
    analyses: Iterable[Analysis],
    corpus: LinkedCorpus,
    gazetteer: Gazetteer,
    *,
    matcher: GazetteerMatcher | None = None,
) -> list[Relation]:
    """Extract the contract's relations from linked articles.

    Args:
        analyses: The analysed articles.
        corpus: Linked entities and mentions; agreements found are added to it.
        gazetteer: Curated knowledge (countries, governments, parents).
        matcher: The matcher over ``gazetteer`` that found the mentions (built when not given).

    Returns:
        Relations, each with the sentence that states it.
    """
    by_id = {a.article.id: a for a in analyses}
    ex = _Extractor(corpus, gazetteer, matcher or GazetteerMatcher(gazetteer))
    for analysis in by_id.values():
        main_event = _main_event(corpus, analysis.article.id)
        deps: dict[int, list[DependencyMatch]] = {}
        for m in analysis.dependency_matches:
            deps.setdefault(m.sentence, []).append(m)
        for sentence in analysis.sentences:
            ex.sentence_relations(analysis, sentence, main_event, deps.get(sentence.index))
    ex.country_relations(by_id)
    for entity in list(corpus.entities.values()):
        entry = gazetteer.get(entity.key)
        if not (entry and entry.parent and entry.parent in corpus.entities and entity.mentions):
            continue
        # the curated parent, where a sentence names both (the ministry and its government): a sentence
        # that names the ministry alone does not state whose it is
        parent_at = {(x.article_id, x.sentence) for x in corpus.entities[entry.parent].mentions}
        m = next((x for x in entity.mentions if (x.article_id, x.sentence) in parent_at), None)
        if m is not None:
            analysis = by_id[m.article_id]
            ex.emit(
                entity.key,
                "subOrganizationOf",
                entry.parent,
                analysis,
                analysis.sentence_at(m.start),
                "subOrganizationOf:gazetteer",
                0.9,
                source="gazetteer",
            )
    curated = {
        key: entry.country
        for key in corpus.entities
        if (entry := gazetteer.get(key)) is not None and entry.country and entry.country != key
    }
    standing, _refused = apply_guards(_subsumed(ex.relations), curated)
    return _without_partyless_agreements(corpus, standing)


def _without_partyless_agreements(corpus: LinkedCorpus, relations: list[Relation]) -> list[Relation]:
    """Drop agreements with fewer than two parties found ("the ASEAN Digital Economy Framework Agreement"
    named, its signatories not): the contract's agreement is its signatories, so a nameless pair of
    parties is the agreement, and a name without them is no fact to report."""
    parties: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate == "party":
            parties.setdefault(r.subject, set()).add(r.object)
    gone = {k for k, e in corpus.entities.items() if e.cls == "Agreement" and len(parties.get(k, ())) < 2}
    for key in gone:
        del corpus.entities[key]
    return [r for r in relations if r.subject not in gone and r.object not in gone]
