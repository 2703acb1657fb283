"""English mention rules: capitalised name sequences typed by head words and titles,
acronyms with their long forms, spaCy's statistical NER for the rest, anaphors."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from kg.mentions.common import REFERENCE, UNTYPED, class_by_head, mention, split_title, title_org_class
from kg.mentions.lexicons import head_table, title_table
from kg.nlp.analysis import Analysis
from kg.records import Mention

_CAP = r"(?:[A-Z][\w’'&.\-]*|\d+(?:\.\d+)?(?:[-–]\d+)?)"
_CONNECT = r"(?:of|and|for|on|the|de|du|&)"
NAME_SEQUENCE = re.compile(rf"(?<![\w’'])[A-Z][\w’'&.\-]*(?:[ \t]+(?:{_CONNECT}[ \t]+)*{_CAP})*")

_DATE_WORDS = {
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}
#: capitalised words that open sentences or clauses but never start a name
STARTERS = {
    "The",
    "A",
    "An",
    "According",
    "Speaking",
    "In",
    "On",
    "At",
    "As",
    "With",
    "This",
    "That",
    "These",
    "Those",
    "Since",
    "After",
    "Before",
    "While",
    "During",
    "Despite",
    "Riding",
    "Inching",
    "Watch",
    "Top",
    "Hence",
    "Therefore",
    "Both",
    "Previously",
    "Experts",
    "Organizers",
    "Organisers",
    "Pundits",
    "Private",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "It",
    "He",
    "She",
    "They",
    "We",
    "Also",
    "However",
    "Meanwhile",
    "Moreover",
    "Under",
    "Through",
    "From",
    "To",
    "By",
    "For",
    "Of",
    "And",
    "But",
    "Or",
    "If",
    "When",
    "Where",
    "Why",
    "How",
    "What",
    "Who",
    "Which",
    "Many",
    "Most",
    "Some",
    "Other",
    "Another",
    "Each",
    "Every",
    "All",
    "Several",
    "Over",
    "More",
    "Local",
    "Foreign",
    "Global",
    "International",
    "Regional",
    "New",
    "Former",
    "Current",
    "Last",
    "Next",
    "First",
    "Photo",
    "Read",
    "Related",
    "Source",
    "Getting",
    "Homepage",
    "News",
    "Business",
    "Scheduled",
    "Laotian",
    "Vietnamese",
    "Cambodian",
    "Thai",
    "Southeast",
    "Asian",
    "Dubbed",
    "Is",
    "Are",
    "Was",
    "Were",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Yes",
    "No",
    "Not",
    "Here",
    "There",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "E",
    "Ecosystem",
    "Firms",
    "Lawmakers",
    "Officials",
} | _DATE_WORDS
#: words that look like names but, alone, are common nouns or adjectives in this news domain
COMMON_CAPITALISED = {
    "Venture",  # "Venture capital firms ...": the parser reads an organisation
    "Internet",
    "Government",
    "Ministry",
    "Conference",
    "Committee",
    "Week",
    "Party",
    "Parliament",
    "Bank",
    "Digital",
    "Economy",
    "Technology",
    "Technologies",
    "State",
    "Plan",
    "Vision",
    "Strategy",
    "Law",
    "Event",
    "Minister",
    "President",
    "Prime",
    "PM",
    "Chairman",
    "Secretary",
    "General",
    "Director",
    "Governor",
    "CEO",
    "Lao",
    "Laos",
    "Kip",
    "Riel",
    "Dong",
    "Baht",
    "Web",
    "Big",
    "Data",
    "Cloud",
    "Industry",
    "Asia",
    "ASEAN",
    "Summit",
    "Forum",
    "Resolution",
    "Program",
    "Programme",
    "Agreement",
    "Project",
    "Initiative",
    "City",
}
#: capitalised words that describe what an organisation does rather than name it ("Technology Company")
_GENERIC_HEAD_WORDS = {
    "National",
    "Central",
    "Public",
    "Investment",
    "Development",
    "Trade",
    "Commerce",
    "Information",
    "Communications",
    "Communication",
    "Science",
    "Research",
    "Innovation",
    "Financial",
    "Services",
    "Service",
    "Telecom",
    "Telecommunications",
    "Promotion",
    "Security",
    "Social",
    "Rural",
    "Commercial",
    "Joint",
    "Stock",
}
_REF_EVENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){0,2}?(conference|event|summit|forum|meeting|workshop|seminar|"
    r"week-long event|exhibition|expo|festival|congress|dialogue)\b"
)
_REF_GOVERNMENT = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(government|Government)\b(?!\s+of\b)")
_REF_PERSON = re.compile(
    r"\b[Tt]he\s+(PM|Prime Minister|President|Minister|party chief|General Secretary|Governor|Chairman|CEO)\b"
)
#: "the ministry", "the central bank", "the company": an organisation named earlier in the article
_REF_ORG = re.compile(
    r"\b(?:[Tt]he|[Tt]his)\s+(ministry|central bank|bank|company|firm)\b(?![-\w])(?!\s+(?:of|for)\b)(?!\s+[A-Z])"
)
_LOWER_EVENT = re.compile(
    r"\b(?:(?:international|regional|national|ministerial|high-level|annual|global)\s+)+"
    r"(?:conference|forum|summit|workshop|seminar|symposium|dialogue)\s+on\s+"
    r"[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,5}?"
    # "... cooperation among Cambodia, Laos, and Vietnam": the countries or bodies it brings together
    r"(?:\s+(?:among|between)\s+[A-Z][\w-]*(?:(?:,\s+|,?\s+and\s+)[A-Z][\w-]*)+)?"
    r"(?=\s+(?:conference|forum|summit|in|at|on|held|which|that|within)\b|[,.;])"
)
_CONNECT_WORDS = {"of", "and", "for", "on", "the", "de", "du", "to", "in", "&"}
_ACRONYM_AFTER = re.compile(r"(?:[’']s)?\s*\(([A-Z][A-Za-z0-9&\-]{1,11})\)")
_NER_CLASS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
    "LAW": "Program",
    "PRODUCT": "Product",
}


#: adjectives that open sentences ("Global investors ...") but also names with a head ("Asian Development Bank")
_PART_OF_A_NAME = {"Asian", "Southeast", "International", "Regional", "Global"}


def _headed_rest(rest: str) -> bool:
    """The words after an opening adjective form a name closed by a head word, not an office ("Ministry of ...")."""
    rest = rest.strip().rstrip(".,;:")
    return len(rest.split()) >= 2 and class_by_head(rest, "en") is not None and not _opens_with_prefix_head(rest)


def _trim(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """Drop sentence starters, possessives and dangling connectors from a name span."""
    text = analysis.text
    while True:
        word_end = text.find(" ", start, end)
        first = text[start:word_end] if word_end > 0 else text[start:end]
        rest = text[word_end + 1 : end]
        if first in _PART_OF_A_NAME and word_end > 0 and (_headed_rest(rest) or _PROGRAM_AFTER.match(text, end)):
            break  # "Asian Development Bank", "Southeast Asian Games", "Regional Payment Connectivity initiative"
        if first.rstrip(".,") in STARTERS and word_end > 0:
            start = word_end + 1
            while start < end and text[start] in " \t":
                start += 1
            continue
        if first.rstrip(".,") in STARTERS:
            return start, start
        if word_end < 0 and _opens_sentence_not_name(analysis, start, lone=True):
            return start, start  # '"Cheap renewable power ...': one opening word, not a name
        if word_end > 0 and _opens_sentence_not_name(analysis, start):
            start = word_end + 1
            continue
        if word_end > 0 and _nationality_before_title(analysis, start, text[word_end + 1 : end]):
            start = word_end + 1  # "Lao Minister of Technology and Communications X": the title opens the name
            continue
        if (first in _CONNECT_WORDS or first.endswith(("’", "'", "’s", "'s"))) and word_end > 0:
            start = word_end + 1
            continue
        break
    while True:
        piece = text[start:end]
        if piece.endswith(("’s", "'s")):
            end -= 2
            continue
        if piece.endswith((".", ",", "-", "’", "'")) and not re.search(r"\b(?:No|Co|Ltd|Inc|Corp|Jr|St)\.$", piece):
            end -= 1
            continue
        if date := _DATE_TAIL.search(piece):  # "Vientiane Capital on Oct 24": the date ends the name
            end = start + date.start()
            continue
        last_space = piece.rfind(" ")
        if last_space > 0 and piece[last_space + 1 :] in _DATE_WORDS:
            end = start + last_space
            continue
        if last_space > 0 and piece[last_space + 1 :] in {
            "of",
            "and",
            "for",
            "on",
            "the",
            "de",
            "du",
            "to",
            "in",
            "&",
        }:
            end = start + last_space
            continue
        break
    return start, end


_MONTHS = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|" + "|".join(sorted(_DATE_WORDS))
#: a date after a name ("on Oct 24", "January 10")
_DATE_TAIL = re.compile(rf"(?<=\w)\s+(?:on\s+)?(?:{_MONTHS})\s+\d{{1,2}}$|(?<=\w)\s+on\s+(?:{_MONTHS})$")
_NOT_NAME_POS = {"ADV", "ADJ", "ADP", "DET", "PRON", "VERB", "AUX", "SCONJ", "CCONJ", "INTJ"}


def _opens_sentence_not_name(analysis: Analysis, start: int, *, lone: bool = False) -> bool:
    """True for a capitalised sentence opener the parser does not read as a name ("Later", "Meanwhile", "Speakers")."""
    if analysis.doc is None:
        return False
    opening = analysis.sentence_at(start).start
    if opening != start and analysis.text[opening:start].strip() not in {"", '"', "“", "‘", "'"}:
        return False  # a sentence opener, or the first word of a quote that opens the sentence
    token = _token_at(analysis.doc, start)
    # a plural common noun opens sentences too ("Representatives of the Ministry of Finance ...", "Critics say")
    if token is not None and lone and token.pos_ in _NOT_NAME_POS - {"VERB"}:
        return True  # a lone adjective or adverb, whatever entity the parser guessed ("Cheap" as a PRODUCT)
    return token is not None and (token.pos_ in _NOT_NAME_POS or token.tag_ == "NNS") and token.ent_type_ == ""


#: nationality words that the parser may not tag NORP before a title ("Lao Minister of ...")
_NATIONALITIES = {"Lao", "Chinese", "Japanese", "Korean", "Singaporean", "Malaysian", "Indonesian", "Australian"}


def _nationality_before_title(analysis: Analysis, start: int, rest: str) -> bool:
    """The first word is a nationality and an office of something follows ("Lao Minister of X Name");
    other titles are left to :func:`_split_org_title` ("Lao Deputy Prime Minister X and ...")."""
    if not split_title(rest, "en")[1].endswith(" of"):
        return False
    if analysis.text[start:].split(" ", 1)[0] in _NATIONALITIES:
        return True
    token = _token_at(analysis.doc, start) if analysis.doc is not None else None
    return token is not None and token.ent_type_ == "NORP"


def _ner_label(analysis: Analysis, start: int, end: int) -> str | None:
    """The label of spaCy's entity that best overlaps [start, end), if any."""
    if analysis.doc is None:
        return None
    best, best_overlap = None, 0
    starts, ends, labels = _ent_index(analysis.doc)
    for i in range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)):  # the entities overlapping
        overlap = min(end, ends[i]) - max(start, starts[i])
        if overlap > best_overlap:
            best, best_overlap = labels[i], overlap
    return best if best_overlap * 2 >= (end - start) else None


def _ent_index(doc: object) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and labels of a parse's entities (in order, not overlapping), once per parse: looking
    through every entity for each name took time growing with the square of the article."""
    index = doc.user_data.get("kg_en_ents")  # type: ignore[attr-defined]
    if index is None:
        ents = doc.ents  # type: ignore[attr-defined]
        index = ([e.start_char for e in ents], [e.end_char for e in ents], [e.label_ for e in ents])
        doc.user_data["kg_en_ents"] = index  # type: ignore[attr-defined]
    return index


def _token_at(doc: object, start: int) -> object | None:
    """The token of a parse that starts at character ``start``, if any (an index built once per parse)."""
    index = doc.user_data.get("kg_en_token_at")  # type: ignore[attr-defined]
    if index is None:
        index = doc.user_data["kg_en_token_at"] = {t.idx: t.i for t in reversed(doc)}  # type: ignore[attr-defined]
    i = index.get(start)
    return doc[i] if i is not None else None  # type: ignore[index]


#: an honorific just before a name: the trimmed "Mr", "Ms" ("Mr Bounleuth said ...")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w])(?:Mr|Mrs|Ms|Dr|Prof|Professor|Madam)\.?\s+$")
#: "<Title> of (the) <Org>, Mr <Name>": the Vientiane Times style of naming an official after the office
_OFFICE_COMMA = re.compile(
    r"(?<![\w])((?:(?:Deputy|Vice|Acting|Assistant)\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+of\s+(?:the\s+)?"
    r"([A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'&.-]*)*),\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Madam)\.?\s+)?$"
)


def _office_before(analysis: Analysis, start: int, end: int, honorific: str) -> tuple[str, str] | None:
    """The office and its organisation in "<Title> of <Org>, Mr <Name>" ("Director General of the
    Department of Digital Government, Mr X"); a minister's organisation is the ministry of the office's domain.
    Without an honorific the name must be the parser's PERSON."""
    before = analysis.text[max(0, start - 160) : start]
    found = _OFFICE_COMMA.search(before)
    if found is None or not (honorific or _ner_label(analysis, start, end) == "PERSON"):
        return None
    words = found.group(1).split()
    titles = {t for t, _ in title_table("en")}
    for k in range(len(words)):
        title = " ".join(words[k:])
        if title in titles or title + " of" in titles:
            break
    else:
        return None
    org = found.group(2)
    if title.endswith("Minister"):
        return title, f"Ministry of {org}"
    inner = org.rpartition(" of the ")[2]
    if inner != org and class_by_head(inner, "en") is not None:
        org = inner  # "Head of the Cabinet of the Ministry of X": the ministry
    return title, org


def _title_spans(analysis: Analysis, start: int, end: int) -> tuple[str, int]:
    """Find an office title just before a name (``Prime Minister`` X); return (title, title_start)."""
    before = analysis.text[max(0, start - 60) : start]
    for title, _ in title_table("en"):
        if re.search(rf"(?<![\w]){re.escape(title)},?\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$", before):
            return title, start - len(before) + before.rfind(title)
    for title, _ in title_table("en"):  # "Lanexang Mobile's chairman X": a lower-case office after a possessive
        found = re.search(rf"[’']s\s+(?:\w+\s+)?({re.escape(title)})\s+$", before, re.IGNORECASE)
        if found:
            return title, start - len(before) + found.start(1)
    for title, _ in title_table("en"):  # "FPT Corporation chairman X": a lower-case office right after a name
        found = re.search(rf"[A-Z][\w.&-]*\s+({re.escape(title.lower())})\s+$", before)
        if found and not title.endswith(" of"):
            return title, start - len(before) + found.start(1)
    return "", start


#: spaCy labels of amounts and times: a capitalised word inside one is not a name ("50 million US dollars")
_NOT_NAME_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "DATE", "TIME"}


def _classify_untyped(analysis: Analysis, name: str, start: int, end: int) -> str:
    label = _ner_label(analysis, start, end)
    words = name.split()
    if label in _NOT_NAME_LABELS:
        return ""
    if re.search(r"QR|Pay\b", name) and len(words) == 1:
        return "Product"  # "PromptPay", "KHQR": payment brands, whatever NER guesses
    if _agency_office(name):
        return "Organization"  # "GIZ Cambodia", "KOICA Laos": an agency's office in a country, not a place
    if label == "PERSON" and len(words) == 1:
        return UNTYPED  # one word: a surname the article links to its person, or a brand the parser mistook
    if label == "PERSON" and 1 <= len(words) <= 4 and not any(ch.isdigit() for ch in name):
        if re.search(r"[a-z][A-Z]", words[0]):  # camel case: a brand, not a person
            return "Company"
        return "Person"
    if label in {"GPE", "LOC", "FAC"}:
        return "Place"
    if label == "EVENT":
        return "Event"
    if label == "LAW":
        return "Program"
    if label == "PRODUCT":
        return "Product"
    if label == "ORG":
        return UNTYPED
    return UNTYPED if len(words) <= 4 else ""


def _parts_are_names(analysis: Analysis, start: int, name: str) -> bool:
    """True when the parser's NER reads every part of "A and B" as a name of its own (not where one
    entity runs from an "of" across the "and": "the Cabinet of the Ministry of Technology and Communications")."""
    pos = start
    spans = analysis.doc.ents if analysis.doc is not None else ()
    for i, part in enumerate(name.split(" and ")):
        if _ner_label(analysis, pos, pos + len(part)) is None:
            return False
        join = pos + len(part)
        across = any(e.start_char < join and e.end_char > join + len(" and ") for e in spans)
        if i < name.count(" and ") and " of " in part and across:
            return False
        pos += len(part) + len(" and ")
    return True


def _title_case(sentence_text: str) -> bool:
    """A headline in Title Case: most words capitalised, so capitals say nothing about names."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence_text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _distinctive(words: list[str]) -> bool:
    """True when some word is neither a connector nor a generic capitalised noun ("Champa" in "Champa Digital")."""
    return any(w not in _CONNECT_WORDS and w not in COMMON_CAPITALISED and w not in _GENERIC_HEAD_WORDS for w in words)


def _opens_with_prefix_head(name: str) -> bool:
    return any(name.startswith(head + " ") for head, _ in head_table("en", "prefix"))


def _stands_alone(name: str) -> bool:
    """A conjunct that is a whole name of its own: it opens with a head ("Bank of ...") or is a
    distinctive name of two or more words closed by a head ("Champa Digital Company", "Mekong Pay")."""
    name = name.removeprefix("the ")
    words = name.split()
    if _opens_with_prefix_head(name):
        return True
    return len(words) >= 2 and class_by_head(name, "en") is not None and _distinctive(words[:-1])


def _named_alone(analysis: Analysis, name: str) -> bool:
    """The article also names ``name`` on its own, not after "and"/"&" ("SORAMITSU" ... "the Bank of the Lao PDR
    and SORAMITSU"): a distinctive name, so a conjunct of its own rather than the end of a longer name."""
    if not _distinctive(name.split()) or name.split()[0].islower():
        return False
    alone = re.compile(rf"(?<![\w’'-])(?<!and )(?<!& ){re.escape(name)}(?![\w’'-])")
    return alone.search(analysis.text) is not None


def _agency_office(name: str) -> bool:
    """An acronym and a country: an agency's office in that country ("GIZ Cambodia", "UNDP Laos")."""
    words = name.split()
    return len(words) == 2 and bool(_ORG_ACRONYM.fullmatch(words[0])) and _curated_country(words[1])


def _curated_country(word: str) -> bool:
    """``word`` is, exactly, a country's name in the gazetteer ("Cambodia", "Laos")."""
    from kg.mentions.gazetteer_match import active_matcher

    hits = active_matcher().find(word)
    return any(h.start == 0 and h.end == len(word) and any(e.cls == "Country" for e in h.entries) for h in hits)


def _curated(name: str) -> bool:
    """``name`` is, exactly, a name of the gazetteer ("Viettel", "FPT Corporation")."""
    from kg.mentions.gazetteer_match import active_matcher

    return any(hit.start == 0 and hit.end == len(name) for hit in active_matcher().find(name))


def _left_stands_alone(analysis: Analysis, start: int, name: str) -> bool:
    """The part before "and" is a name by itself: curated, typed by a head, read as a name by NER, or distinctive."""
    words = name.split()
    if class_by_head(name, "en") is not None or _curated(name):
        return True
    if _ner_label(analysis, start, start + len(name)) is not None and _distinctive(words):
        return True  # the parser's reading counts where a word is a name's ("Digital Economy" is none)
    return len(words) >= 2 and _distinctive(words)


def _exact_org(analysis: Analysis, start: int, name: str) -> bool:
    """spaCy's NER has an ORG of exactly this span, of two or more words ("Lao Asia Telecom")."""
    if analysis.doc is None or len(name.split()) < 2:
        return False
    starts, ends, labels = _ent_index(analysis.doc)
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] == start and ends[i] == start + len(name) and labels[i] == "ORG"


def _split_conjunction(analysis: Analysis, s: int, name: str) -> list[tuple[int, int]] | None:
    """Split "X and Y" (or "X & Y") where both sides are names of their own ("Vantiko Group and Bokeo
    Telecom Company", "Zentix & the Bank of Kites"); an office's "of ... and ..." stays whole ("Ministry of
    Industry and Commerce")."""
    pieces = _CONJUNCTION.split(name)
    parts, joins = pieces[::2], pieces[1::2]
    groups: list[tuple[int, int]] = []
    group_start, pos = s, s
    for i, part in enumerate(parts):
        if i > 0:
            joint = len(joins[i - 1])
            left = analysis.text[group_start : pos - joint]
            # the parser's ORG is trusted only where no office's "of" runs on ("Ministry of Posts and Digital Affairs")
            named = _distinctive(part.split()) or class_by_head(part, "en") is not None
            parsed = " of " not in left and named and _exact_org(analysis, pos, part)
            # "... and the Central Committee": a second name with its own head after "and the"
            after_the = part.startswith("the ") and class_by_head(part[4:], "en") is not None
            whole = _stands_alone(part) or _curated(part) or parsed or after_the or _named_alone(analysis, part)
            whole = whole or _agency_office(part)
            amp_the = joins[i - 1] == " & " and after_the  # "X & the Bank of Y": two names whatever X is
            if joins[i - 1] == " & ":  # "Marlow & Finch Holdings" is one company
                whole = after_the or (_curated(part) and _curated(left))
            # "Digital Economy and Society Policy Framework": a plan's or event's name runs over "and"
            # unless what comes before has a head of its own
            inside = class_by_head(part, "en") in {"Program", "Event", "Agreement"} and (
                class_by_head(left, "en") is None or bool(_OFFICES_MEETING.search(part))
            )
            alone = amp_the or _left_stands_alone(analysis, group_start, left)
            if whole and not (inside and not _curated(left)) and alone:
                groups.append((group_start, pos - joint))
                group_start = pos
        pos += len(part) + (len(joins[i]) if i < len(joins) else 0)
    if not groups:
        return None
    groups.append((group_start, s + len(name)))
    return [_trim(analysis, a, b) for a, b in groups]


#: what joins two names that may each stand alone
_CONJUNCTION = re.compile(r"( and | & )")
_POSSESSIVE = re.compile(r"[’']s\s+")
#: possessives that belong to a name ("Lao People's Revolutionary Party", "Women's Union")
_NAME_POSSESSIVES = {"People", "Women", "Children", "Veterans", "Workers", "Farmers", "Youth", "Men"}


def _split_possessive(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """Split "<Org>'s CEO <Person>" / "<Org>'s <Name>" into the possessor and what it owns."""
    name = analysis.text[s:e]
    for match in _POSSESSIVE.finditer(name):
        owner = name[: match.start()]
        if not owner or owner.split()[-1] in _NAME_POSSESSIVES:
            continue
        rest = name[match.end() :]
        _honorific, title, _person = split_title(rest, "en")
        if title or class_by_head(owner, "en") is not None:
            return [(s, s + len(owner)), _trim(analysis, s + match.end(), e)]
        left, _, last = owner.rpartition(" and ")
        if left and _curated(last) and _ner_label(analysis, s, s + len(left)) is not None:
            # "Bakong and Thailand's PromptPay": two names, the second owned by a known one
            middle = s + len(left) + len(" and ")
            return [(s, s + len(left)), (middle, middle + len(last)), _trim(analysis, s + match.end(), e)]
    return None


def _split_org_title(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """Split "<Org> <Title> <Person>" ("NBC Governor Chea Serey", "Viettel Chairman Tao Duc Thang")
    into the organisation and the titled person, when the words before the title name an organisation."""
    name = analysis.text[s:e]
    if any(split_title(name, "en")[:2]):
        return None  # "Party General Secretary To Lam": the whole is a title and a name
    words = name.split(" ")
    for k in range(1, len(words) - 2):
        rest = " ".join(words[k:])
        title = next((t for t, _ in title_table("en") if not t.endswith(" of") and rest.startswith(t + " ")), None)
        if title is None:
            continue
        person = rest[len(title) + 1 :].split(" ")
        n = next((i for i, w in enumerate(person) if not (w[:1].isupper() and w.isalpha())), len(person))
        if not 2 <= n <= 4 or (n < len(person) and person[n] != "and"):
            return None
        owner = " ".join(words[:k])
        person_start = s + len(owner) + 1
        person_end = person_start + len(title) + 1 + len(" ".join(person[:n]))
        # "... Saleumxay Kommasith and Chinese Ambassador ...": what follows "and" is a name of its own
        after: list[tuple[int, int]] = []
        if n < len(person):  # what follows "and" may be another "<Org> <Title> <Person>" ("... and BOT Governor Y")
            a, b = _trim(analysis, person_end + len(" and "), e)
            after = _split_org_title(analysis, a, b) or [(a, b)]
        ner = _ner_label(analysis, s, s + len(owner))
        if ner == "NORP" and k == 1:
            return [(person_start, person_end), *after]  # "Lao Deputy Prime Minister X": a nationality
        if k > 1 and _opens_with_nationality(analysis, s, s + len(owner)) and title in _MINISTERS:
            # "South Korean Science and ICT Minister X": a nationality and the fields of the office
            return [(person_start, person_end), *after]
        if _ORG_ACRONYM.fullmatch(owner) or class_by_head(owner, "en") or _curated(owner) or ner == "ORG":
            return [(s, s + len(owner)), (person_start, person_end), *after]
        return None
    return None


_MINISTERS = {"Minister", "Deputy Minister", "Vice Minister"}


def _opens_with_nationality(analysis: Analysis, start: int, end: int) -> bool:
    """The parser reads a nationality (NORP) at ``start`` that ends before ``end`` ("South Korean Science and ICT")."""
    if analysis.doc is None:
        return False
    return any(x.label_ == "NORP" and x.start_char == start and x.end_char < end for x in analysis.doc.ents)


def _split_person_of_org(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """Split "<Title> <Person> of <Organisation>" ("Professor Tran Minh Khoa of the Hanoi University of
    Science and Technology") where the parser reads a PERSON of two or more words ending just before
    "of" and the rest names an organisation (parsed as one, or closed by a head word)."""
    if analysis.doc is None:
        return None
    starts, persons = _person_ents(analysis.doc)
    for _start, end in persons[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]:
        if end >= e:
            continue
        of = _OF_THE.match(analysis.text, end, e)
        if of is None:
            continue
        org_start = of.end()
        org = analysis.text[org_start:e]
        if class_by_head(org, "en") or _ner_label(analysis, org_start, e) == "ORG":
            return [(s, end), (org_start, e)]
    return None


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _person_ents(doc: object) -> tuple[list[int], list[tuple[int, int]]]:
    """The PERSON entities of two or more words of a parse, as (start, end) sorted by start, with their
    starts for bisecting; computed once per parse (looking through every entity for each name took
    time growing with the square of the article)."""
    cached = doc.user_data.get("kg_en_person_ents")  # type: ignore[attr-defined]
    if cached is None:
        spans = sorted(
            (ent.start_char, ent.end_char)
            for ent in doc.ents  # type: ignore[attr-defined]
            if ent.label_ == "PERSON" and len(ent.text.split()) >= 2
        )
        cached = doc.user_data["kg_en_person_ents"] = ([a for a, _ in spans], spans)  # type: ignore[attr-defined]
    return cached


_ENVOY_TO = re.compile(r"\b(?:Ambassador|Envoy|Consul[- ]General)\s+to\s+(?:the\s+)?$")


def _split_envoy(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """ "Ambassador to Laos Fang Hong": the country the envoy is sent to, then the envoy."""
    if not _ENVOY_TO.search(analysis.text[max(0, s - 40) : s]):
        return None
    words = analysis.text[s:e].split(" ")
    for k in (1, 2):
        place = " ".join(words[:k])
        if len(words) - k in (2, 3, 4) and _curated(place):
            return [(s, s + len(place)), (s + len(place) + 1, e)]
    return None


_ORG_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
#: an office and a capitalised name right after a span: the span is the office's organisation
_TITLE_NEXT = re.compile(
    r"\s+(?:Chairman|Chairwoman|Chairperson|Chief Executive Officer|CEO|President|Governor|Director|"
    r"Managing Director|General Manager|Founder|Co-founder|Country Manager)\s+[A-Z]"
)
#: a company's office and a capitalised name right after a span, whatever the office's case
_COMPANY_TITLE_NEXT = re.compile(
    r"\s+(?i:country manager|general manager|managing director|chief executive(?: officer)?|CEO|founder|co-founder|"
    r"chief (?:technology|financial|operating) officer|CTO|CFO|COO)\s+[A-Z]"
)
_BASED = re.compile(r"-based(?:\s+|$)")


def _split_based(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """A place before "-based" is a name of its own: "Hanoi-based Song Hong Corporation", "Bangkok-based"."""
    name = analysis.text[s:e]
    match = _BASED.search(name)
    if not match or match.start() == 0:
        return None
    pieces = [(s, s + match.start())]
    if match.end() < len(name):
        pieces.append(_trim(analysis, s + match.end(), e))
    return pieces


_VENUE_WORDS = r"(?:Convention|Conference|Exhibition|Expo|Trade|Congress|Culture|Sports?)"
_VENUE_RUN = re.compile(rf"\b{_VENUE_WORDS}\s+and\s+{_VENUE_WORDS}\s+(?:Cent(?:er|re)|Hall|Complex|Palace)\b")
_CO_LTD = re.compile(r",\s+(?:Ltd|Limited|Inc|LLC|JSC|Plc)\.?")


def _split_headed_person(analysis: Analysis, s: int, e: int) -> list[tuple[int, int]] | None:
    """ "Secretary of State at the Ministry of Post and Telecommunications Keo Sothie": an "of" name run on
    into the person the parser reads at its end (its PERSON may take in the name's last word)."""
    name = analysis.text[s:e]
    if analysis.doc is None or not _opens_with_prefix_head(name):
        return None
    words = name.split(" ")
    for k in (len(words) - 3, len(words) - 2):
        person = words[k:]
        if k < 3 or words[k - 1] in _CONNECT_WORDS or not all(w[:1].isupper() and w.isalpha() for w in person):
            continue
        offset = e - len(" ".join(person))
        if any(x.label_ == "PERSON" and x.end_char == e and s < x.start_char <= offset for x in analysis.doc.ents):
            return [(s, offset - 1), (offset, e)]
    return None


_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?=\s*\()")


_MISSION = re.compile(r"(?:Embassy|Consulate(?:[- ]General)?|Permanent Mission|Representative Office) of\b")
_MISSION_IN = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}")


def _over_in(analysis: Analysis, s: int, e: int) -> int:
    """Where the name goes on over "in <Place>" to an acronym shortening the whole, the end of the whole
    ("Association of Banks in Cambodia (ABC)"), or the name is a diplomatic mission's ("Embassy of Japan
    in the Lao PDR"); else ``e``."""
    if _MISSION.match(analysis.text, s) and (mission := _MISSION_IN.match(analysis.text, e)):
        return mission.end()
    found = _IN_PLACE.match(analysis.text, e)
    if found is None:
        return e
    acronym = _ACRONYM_AFTER.match(analysis.text, found.end())
    name = analysis.text[s : found.end()]
    if acronym and _abbreviates(acronym.group(1), name) and not _abbreviates(acronym.group(1), analysis.text[s:e]):
        return found.end()
    return e


def _shortened_whole(analysis: Analysis, end: int, name: str) -> bool:
    """An acronym in brackets after "A and B" shortens the whole, not B: one name
    ("Korea Internet and Security Agency (KISA)")."""
    acronym = _ACRONYM_AFTER.match(analysis.text, end)
    if acronym is None:
        return False
    short = acronym.group(1)
    return _abbreviates(short, name) and not _abbreviates(short, name.rpartition(" and ")[2])


#: an honorific inside a run of capitalised words opens the next name ("Minister of X and H.E. Mr. Y Z")
_INNER_HONORIFIC = re.compile(
    r"\s+(?:and\s+)?(?=(?:H\.E\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Madam|His Excellency|Her Excellency|Samdech|Oknha"
    r"|Lok Chumteav)\s)"
)


def _honorific_pieces(text: str, matches: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """The name sequences, each cut where an honorific opens a new name inside it."""
    for match in matches:
        pos = match.start()
        for inner in _INNER_HONORIFIC.finditer(text, match.start() + 1, match.end()):
            if inner.start() > pos:
                yield pos, inner.start()
            pos = inner.end()
        if pos < match.end():
            yield pos, match.end()


def _name_spans(analysis: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed name sequences; "A and B" is two names when both are names ("Laos and Vietnam")."""
    spans: list[tuple[int, int]] = []
    for m_start, m_end in _honorific_pieces(analysis.text, NAME_SEQUENCE.finditer(analysis.text, start, end)):
        if spans and m_start < spans[-1][1]:
            continue  # inside a name that ran on over "in" (below)
        s, e = _trim(analysis, m_start, m_end)
        e = _over_in(analysis, s, e)
        if (designator := _CO_LTD.match(analysis.text, e)) and analysis.text[s:e].endswith("Co."):
            e = designator.end()  # "Koh Pich Events Co., Ltd."
        pieces = (
            _split_based(analysis, s, e)
            or _split_possessive(analysis, s, e)
            or _split_org_title(analysis, s, e)
            or _split_envoy(analysis, s, e)
            or _split_headed_person(analysis, s, e)
            or _split_person_of_org(analysis, s, e)
            or [(s, e)]
        )
        for s, e in pieces:
            name = analysis.text[s:e]
            quoted = s > 0 and analysis.text[s - 1] in '“"‘'  # a quoted title or theme is one piece
            office = split_title(name, "en")[1].endswith(" of")  # "Minister of X and Y Name": one office
            venue = _VENUE_RUN.search(name)  # "Diamond Island Convention and Exhibition Center": one venue
            joined = " and " in name or " & " in name
            if joined and not quoted and not office and not venue and not _shortened_whole(analysis, e, name):
                split = _split_conjunction(analysis, s, name)
                if split:
                    for a, b in split:
                        spans.extend(_split_org_title(analysis, a, b) or [(a, b)])
                    continue
            if " and " in name and not quoted and not office and not venue and not _shortened_whole(analysis, e, name):
                if class_by_head(name, "en") is None and _parts_are_names(analysis, s, name):
                    pos = s
                    for part in name.split(" and "):
                        spans.append(_trim(analysis, pos, pos + len(part)))
                        pos += len(part) + len(" and ")
                    continue
                if _ends_a_list(spans, s, name, analysis) or _office_then_company(name):
                    left = name.rpartition(" and ")[0]
                    spans += [(s, s + len(left)), _trim(analysis, s + len(left) + len(" and "), e)]
                    continue
            spans.append((s, e))
    return spans


def _ends_a_list(spans: list[tuple[int, int]], s: int, name: str, analysis: Analysis) -> bool:
    """ "A, B and C": a name right after a comma that closes another name ends a list, so its "and"
    parts two names ("telecom operators Smart Axiata, Cellcard and Metfone"); not an office's "of ... and"."""
    left, _, right = name.partition(" and ")
    if " and " in right or " of " in left or len(left.split()) > 4 or len(right.split()) > 4:
        return False
    return bool(spans) and spans[-1][1] == s - 2 and analysis.text[s - 2 : s] == ", "


def _office_then_company(name: str) -> bool:
    """ "Bank of the Lao PDR and Lao Telecommunications Public Company": an "of" name, then a company or
    association of three or more words with its own head."""
    left, _, right = name.partition(" and ")
    if " and " in right or not _opens_with_prefix_head(left) or len(right.split()) < 3:
        return False
    return class_by_head(right, "en") in {"Company", "Organization"} and not _opens_with_prefix_head(right)


def _title_after(analysis: Analysis, end: int) -> str:
    """An office named after a person's name: "X, Chief Executive Officer of Y" / "X, founder of Y"."""
    after = analysis.text[end : end + 80]
    of_titles = {t for t, _ in title_table("en") if t.endswith(" of")}
    for title, _ in title_table("en"):
        if title.endswith(" of") or title + " of" in of_titles:
            continue  # "X, Minister of Technology and Communications": the office is the whole phrase
        # ", and Deputy Director General of ...": the next person's office, not this one's
        if re.match(rf",\s+(?:the\s+|a\s+|an\s+)?(?:(?!and\b)\w+\s+)?{re.escape(title)}\s+(?:of|at)\s", after, re.IGNORECASE):
            return title
    return ""


_PRODUCT_CUES = (
    r"(?:app|application|super-app|platform|e-wallet|wallet|system|service|card|portal|software|tool|chatbot|"
    r"layer|gateway|ledger|interface|solution)"
)
_PRODUCT_BEFORE = re.compile(
    rf"\b{_PRODUCT_CUES},?\s+(?:(?:called|named|dubbed|known\s+as|branded(?:\s+as)?)\s+)?[“\"‘]?$", re.IGNORECASE
)
#: what may stand between a name and its product noun: "the CamDigiKey digital identity platform"
_PRODUCT_MODIFIERS = (
    r"(?:digital|mobile|online|payments?|identity|id|data|exchange|banking|e-payment|e-government|e-commerce|cloud|"
    r"blockchain|messaging|ride-hailing|delivery|lending|trading|learning|health|super|wallet|qr)"
)
_PRODUCT_AFTER = re.compile(rf"[”\"’]?\s+(?:{_PRODUCT_MODIFIERS}\s+){{0,2}}{_PRODUCT_CUES}\b")


_PROGRAM_AFTER = re.compile(r"\s+(?:policy|strategy|initiative|roadmap|masterplan|master plan|programme|program)\b")
_COMPANY_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:joint venture|company|firm|start-?up|operator|conglomerate|"
    r"subsidiary|lender|carrier|provider)\b"
)
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:firm|company|start-?up|operator|conglomerate|carrier|lender|developer|giant|unicorn|subsidiary|provider|"
    r"enterprise)|\bstate-owned)\s+$"
)
_LIST_NAME = r"[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}"
#: a plural company noun opening a list: "telecom operators Smart Axiata, Cellcard and Metfone"
_COMPANIES_BEFORE = re.compile(
    rf"\b(?:firms|companies|start-?ups|operators|conglomerates|carriers|lenders|providers|developers|giants)\s+"
    rf"(?:{_LIST_NAME},\s+)*(?:{_LIST_NAME},?\s+and\s+)?$"
)


def _company_appositive(analysis: Analysis, end: int) -> bool:
    """ ", the joint venture between ...", ", a subsidiary of ...": an appositive calling the name a company
    (not "Later, the company said ...", where the noun phrase is the subject of a verb)."""
    found = _COMPANY_AFTER.match(analysis.text, end)
    if found is None:
        return False
    if analysis.doc is None:
        return True
    following = next((t for t in analysis.doc if t.idx >= found.end()), None)
    return following is None or following.pos_ not in {"VERB", "AUX"}


def _company_cue(analysis: Analysis, start: int, name: str) -> bool:
    """A company noun just before a short name ("fintech firm Soramitsu", "telecom operator Unitel", "state-owned
    X"), or a plural one opening the list the name is in ("telecom operators Smart Axiata, Cellcard and Metfone")."""
    if len(name.split()) > 3:
        return False
    return bool(
        _COMPANY_BEFORE.search(analysis.text[max(0, start - 30) : start])
        or _COMPANIES_BEFORE.search(analysis.text[max(0, start - 150) : start])
    )


def _only_a_head(name: str) -> bool:
    """The name is nothing but a head word ("MoU", "Agreement", "Roadmap")."""
    return name.removeprefix("the ").removeprefix("The ").casefold() in _head_words()


@functools.cache
def _head_words() -> frozenset[str]:
    """Every English head word, case-folded (looked up once per name span, so built once)."""
    return frozenset(head.casefold() for kind in ("prefix", "suffix") for head, _ in head_table("en", kind))


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's capitals spell a subsequence of the name's initials (connectors may count), opening
    on one of its first three ("Ministry of Digital Economy and Society (DES)", "ASEAN ... Agreement (DEFA)",
    "Bank of the Lao PDR (BOL)"; not "Hanoi (VNA)")."""
    # "of"/"and"/"for" may lend a letter: "Bank of the Lao PDR (BOL)", "Bank of Thailand (BOT)"
    initials = [w[0].upper() for w in re.split(r"[\s\-]+", name) if w[:1].isupper() or w in {"of", "and", "for"}]
    letters = [c for c in acronym if c.isupper()]
    if not letters or letters[0] not in initials[:3]:
        return _spells(acronym, name)
    rest = iter(initials[initials.index(letters[0]) :])
    return all(c in rest for c in letters) or _spells(acronym, name)


def _spells(acronym: str, name: str) -> bool:
    """The acronym is the openings of two or more capitalised words of the name, in order, the first among
    its first three words ("Japan External TRade Organization (JETRO)", "LAo ... Payment NETwork (LAPNet)",
    "Electricite du Laos (EDL)")."""
    letters = re.sub(r"[^a-z0-9]", "", acronym.lower())
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w[:1].isupper() or w in {"de", "du", "des"}]

    def fits(i: int, j: int, chunks: int) -> bool:
        if i == len(letters):
            return chunks >= 2
        if j == len(words) or (chunks == 0 and j >= 3):
            return False
        longest = next((k for k in range(len(letters) - i, 0, -1) if words[j].startswith(letters[i : i + k])), 0)
        return any(fits(i + k, j + 1, chunks + 1) for k in range(longest, 0, -1)) or fits(i, j + 1, chunks)

    return fits(0, 0, 0)


def _product_cue(analysis: Analysis, start: int, end: int) -> bool:
    """A product word just before or after a name: "its app, LaoID", "a platform called X", "the X app"."""
    text = analysis.text
    before = text[max(0, start - 40) : start]
    return bool(_PRODUCT_BEFORE.search(before) or _PRODUCT_AFTER.match(text, end) or _PRODUCT_APPOSITIVE.match(text, end))


#: ", the central bank's blockchain-based payment system,": an appositive ending on a product noun
_PRODUCT_APPOSITIVE = re.compile(
    rf",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}?{_PRODUCT_CUES}"
    r"(?=\s*[,.;]|\s+(?:that|which|run|operated|developed|built|launched|managed|owned)\b)",
    re.IGNORECASE,
)


def _org_after_title(analysis: Analysis, name: str, start: int) -> Mention | None:
    """The organisation in "<Title> of <Org>" ("Chief Executive Officer of Vantiko Group")."""
    match = re.match(r"of\s+(?:the\s+)?", name)
    if not match:
        return None
    s = start + match.end()
    org = name[match.end() :]
    if not org or org.split()[0] in _CONNECT_WORDS:
        return None
    cls = class_by_head(org, "en")
    inner = org.rpartition(" of the ")[2]
    if cls is None and inner != org and class_by_head(inner, "en") is not None:
        s, org = s + len(org) - len(inner), inner  # "Head of the Cabinet of the Ministry of X": the ministry
        cls = class_by_head(org, "en")
    if cls is None:
        if org in COMMON_CAPITALISED or _ner_label(analysis, s, s + len(org)) != "ORG":
            return None
        cls = UNTYPED
    if cls == "Place" and re.search(r"\bCent(?:er|re)$", org):
        cls = "Organization"  # "Director of the Lao National Internet Centre": an office is held in a body
    if cls in {"Person", "Event", "Program", "Agreement", "Product", "Place"}:
        return None
    return mention(analysis, s, s + len(org), cls, "rule:en:title-of", confidence=0.75)


#: words that end what a ministry is "of": where "Minister of ..." stops and a name may begin
_REMIT_WORDS = frozenset(
    [
        "Affairs",
        "Agriculture",
        "Commerce",
        "Communications",
        "Culture",
        "Defence",
        "Defense",
        "Development",
        "Economy",
        "Education",
        "Energy",
        "Environment",
        "Finance",
        "Forestry",
        "Health",
        "Home",
        "Industry",
        "Information",
        "Infrastructure",
        "Innovation",
        "Interior",
        "Investment",
        "Justice",
        "Labour",
        "Labor",
        "Mines",
        "Planning",
        "Resources",
        "Science",
        "Security",
        "Services",
        "Society",
        "Sports",
        "Startups",
        "Technology",
        "Telecommunications",
        "Tourism",
        "Trade",
        "Transport",
        "Welfare",
        "Works",
        "Youth",
    ]
)


def _person_after_office(analysis: Analysis, title: str, rest: str, start: int) -> Mention | None:
    """The person named after an office of something: ``Minister of Public Security Luong Tam Quang``.

    The office's object and the name are both capitalised; they part where the office names
    a known ministry (``Ministry of Public Security`` in the gazetteer) or where spaCy's NER
    has a PERSON that starts exactly there. The person's ``title`` is the whole office and
    ``title_org`` names its organisation (``Ministry of Public Security`` for a minister, the
    object itself for a governor, director, chief ...).
    """
    from kg.mentions.gazetteer_match import active_matcher

    words = rest.split()
    minister = title.lower().endswith("minister of")
    ents = {(e.start_char, e.end_char) for e in analysis.doc.ents if e.label_ == "PERSON"} if analysis.doc is not None else set()
    for k in range(1, len(words) - 1):
        name = " ".join(words[k:])
        if not 2 <= len(words) - k <= 4 or any(ch.isdigit() for ch in name):
            continue
        if words[k - 1] in _CONNECT_WORDS or words[k] in _CONNECT_WORDS:
            continue  # "Post and | Telecommunications Chea Vandeth": an office's words run on over "and"
        offset = start + rest.index(name, len(" ".join(words[:k])))
        domain = " ".join(words[:k])
        org = f"Ministry of {domain}" if minister else domain
        known = minister and any(
            hit.start == 0 and hit.end == len(org) and any(e.cls == "Ministry" for e in hit.entries)
            for hit in active_matcher().find(org)
        )
        # the parser's PERSON may take in the office's last word ("Telecommunications Chea Vandeth")
        exact = (offset, offset + len(name)) in ents
        parsed = exact or (any(a < offset and b == offset + len(name) for a, b in ents) and len(words) - k <= 3)
        # or the office's words end on a word that closes a ministry's remit ("Rural Innovation | Chea Sokha")
        remit = minister and words[k - 1] in _REMIT_WORDS and not any(w in _REMIT_WORDS for w in words[k:])
        if not known and not parsed and not (remit and len(words) - k <= 3):
            continue
        office = f"{title} {domain}"
        return mention(
            analysis, offset, offset + len(name), "Person", "rule:en:office-of", confidence=0.75,
            title=office, title_org_class=title_org_class(title, "en"), title_org=org,
        )  # fmt: skip
    return None


#: "Telecommunications and IT Ministers' Meeting": a meeting of the holders of offices named by the words before
_OFFICES_MEETING = re.compile(r"\b[A-Z][a-z]+s[’'] (?:Meeting|Conference|Summit|Forum|Retreat|Dialogue)$")
#: an edition written in figures before an event's name ("19th"), and a lowercase event noun after a body's name;
#: a word ("the first X Summit") is left out: the linker reads it as a number, and a number and one shared word
#: join two events of different series ("sixth Laos Digital Forum", "6th ASEAN Digital Ministers' Meeting")
_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d{1,3}(?:st|nd|rd|th)\s+$")
_NAMES_ACRONYM_BEFORE = re.compile(r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,5}) \(([A-Z]{2,8})\) $")
_EVENT_NOUN_AFTER = re.compile(r"\s+(?:session|meeting|summit|conference|forum)\b")


def _edition(text: str, start: int, end: int, cls: str) -> tuple[int, int, str] | None:
    """(start, end, class) of an event's name with the edition written before it: "19th X Meeting",
    "47th X Committee session" (a body's numbered session is an event), and with the participants'
    names and their acronym ("the first A-B-C (ABC) Summit"); None when nothing is added."""
    named = _NAMES_ACRONYM_BEFORE.search(text[max(0, start - 80) : start]) if cls == "Event" else None
    found = 0
    if named:
        words = named.group(1).split()
        found = next((k for k in range(1, len(words) + 1) if _abbreviates(named.group(2), " ".join(words[-k:]))), 0)
        if found:
            start -= len(named.group(0)) - len(named.group(1)) + len(" ".join(words[-found:]))
    before = text[max(0, start - 14) : start]
    ordinal = _ORDINAL_BEFORE.search(before)
    if ordinal is None:
        return (start, end, cls) if found else None
    noun = _EVENT_NOUN_AFTER.match(text, end)
    if cls != "Event" and noun is None:
        return None
    return start - (len(before) - ordinal.start()), noun.end() if noun and cls != "Event" else end, "Event"


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Find English entity mentions (not gazetteer ones) in an analysed article."""
    text = analysis.text
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for sentence in analysis.sentences:
        for start, end in _name_spans(analysis, sentence.start, sentence.end):
            if end - start < 2:
                continue
            name = text[start:end]
            honorific, title, rest = split_title(name, "en")
            if title or honorific:
                offset = len(name) - len(rest)
                start += offset
                name = rest
                if not name or name.split()[0] in _CONNECT_WORDS:
                    # "Prime Minister of Laos": an office, not a person's name; its organisation is one
                    org = _org_after_title(analysis, name, start) if title and not title.endswith(" of") else None
                    if org:
                        found.append(org)
                        taken.append((org.start, org.end))
                    continue
            title_org = ""
            if not honorific and _HONORIFIC_BEFORE.search(text[max(0, start - 12) : start]):
                honorific = _HONORIFIC_BEFORE.search(text[max(0, start - 12) : start]).group(0).strip()  # type: ignore[union-attr]
            if not title and (office := _office_before(analysis, start, end, honorific)):
                title, title_org = office  # "Director General of the Department of X, Mr Y"
            elif not title:
                title, _ = _title_spans(analysis, start, end)
            cls = class_by_head(name, "en")
            org_by_title = False
            if cls is not None and _only_a_head(name):
                continue  # "sign MoU", "the Conference", a headline's "Ministry reviews ...": a kind of thing, not a name
            if title and title.endswith(" of") and cls is None:
                person = _person_after_office(analysis, title, name, start)
                if person is not None:  # "Minister of Public Security Luong Tam Quang"
                    found.append(person)
                    taken.append((person.start, person.end))
                continue  # "Minister of Technology and Communications": an office, not an entity
            if cls is None and (title or honorific):
                cls = "Person" if len(name.split()) <= 4 else None
            if not title and not honorific and cls is None:
                title = _title_after(analysis, end)
                words = name.split()
                if title and 2 <= len(words) <= 3 and not any(ch.isdigit() for ch in name) and name not in COMMON_CAPITALISED:
                    cls = "Person"  # "Kheun Phommachak, Chief Executive Officer of Vantiko Group"
                elif title and _ner_label(analysis, start, end) == "PERSON":
                    cls = "Person"
                else:
                    title = ""
            if cls is None:
                if name in COMMON_CAPITALISED or name.isdigit() or re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", name):
                    continue
                if _PROGRAM_AFTER.match(text, end) and not _opens_with_prefix_head(name):
                    cls = "Program"  # "the Cloud First policy"
                elif _company_cue(analysis, start, name):
                    cls = "Company"
                else:
                    cls = _classify_untyped(analysis, name, start, end) or None
                if cls == "Person" and _TITLE_NEXT.match(text, end):
                    cls = UNTYPED  # "Viettel Chairman Tao Duc Thang": an office's organisation, not a person
                    org_by_title = True
                if cls in {UNTYPED, None, "Person", "Place"} and len(name.split()) <= 3 and _COMPANY_TITLE_NEXT.match(text, end):
                    cls = "Company"  # "Grab Cambodia country manager Ouk Rathana": a company's office
                if cls in {UNTYPED, None, "Person", "Place"} and _company_appositive(analysis, end):
                    cls = "Company"  # "Unitel, the joint venture between ..."
                if cls is None or (cls not in {"Person", "Place"} and _title_case(sentence.text)):
                    continue
                brand = cls in {UNTYPED, "Company", "Organization", "Place"} and len(name.split()) <= 3
                named_app = cls == "Person" and _PRODUCT_BEFORE.search(text[max(0, start - 40) : start])
                if (brand and _product_cue(analysis, start, end)) or named_app:
                    cls = "Product"  # "its app, LaoID", "a platform called TrackKH", "the TrackKH app"
            if cls not in {"Person", "Place", "Country", None} and (edition := _edition(text, start, end, cls)):
                start, end, cls = edition  # "the 19th ASEAN ... Ministers' Meeting", "the 47th X Committee session"
                name = text[start:end]
            attrs: dict[str, object] = {}
            if cls == UNTYPED:
                ner = "ORG" if org_by_title else _ner_label(analysis, start, end)
                attrs["ner"] = None if ner == "PERSON" and " " not in name else ner  # see _classify_untyped
            if cls == "Person" and title:
                attrs["title"] = title
                attrs["title_org_class"] = title_org_class(title, "en")
                if title_org:
                    attrs["title_org"] = title_org
            acronym = _ACRONYM_AFTER.match(text, end)
            if acronym and not _abbreviates(acronym.group(1), name):
                acronym = None  # "Hanoi (VNA)": a news agency's dateline, not Hanoi's short form
            if acronym and cls != "Person":
                attrs["acronym"] = acronym.group(1)
                found.append(mention(analysis, acronym.start(1), acronym.end(1), cls, "rule:acronym", confidence=0.85))
            extractor = "rule:en:head" if class_by_head(name, "en") else "rule:en:name"
            found.append(mention(analysis, start, end, cls, extractor, confidence=0.8, **attrs))
            taken.append((start, end))
    for match in _LOWER_EVENT.finditer(text):
        if not any(s <= match.start() < e for s, e in taken):
            found.append(mention(analysis, match.start(), match.end(), "Event", "rule:en:event-phrase", confidence=0.6))
    for pattern, ref in (
        (_REF_EVENT, "Event"),
        (_REF_GOVERNMENT, "Government"),
        (_REF_PERSON, "Person"),
        (_REF_ORG, "Organization"),
    ):
        for match in pattern.finditer(text):
            attrs = {"ref": ref, "head": match.group(1).lower()}
            if ref == "Person":
                attrs["title"] = match.group(1)
            found.append(mention(analysis, match.start(), match.end(), REFERENCE, "rule:en:anaphor", **attrs))
    return found
