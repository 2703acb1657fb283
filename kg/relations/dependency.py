"""English dependency patterns (spaCy ``DependencyMatcher``) run where the parse exists.

The parse (``analysis.doc``) only lives in the per-article stage (possibly in a
worker process); the corpus-level relation stage sees character spans only.
So this module turns dependency matches into :class:`DependencyMatch` records
(predicate, subject span, object span, sentence) that
:func:`kg.relations.extract.extract_relations` resolves to linked entities.

The matcher finds the anchor of a construction (a verb with its ``by`` agent, a
verb with its object, an apposition); the roles are then read off the tree:
the subject of a participle that hangs off a coordinated or relative clause is
looked up through that clause, and coordinated names ("X and Y") each give a
match.  Subject and object are the contract's direction (``organizer``: the
event is the subject, the organiser the object; ``party``: the agreement phrase
is the subject, each signatory an object).  Class checks happen later, once the
spans are resolved to linked entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kg.nlp.analysis import Analysis

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class DependencyMatch:
    """A relation read off the dependency parse, as character spans into ``analysis.text``.

    Attributes:
        predicate: Contract property name (``organizer``, ``party``, ``partner`` ...).
        subject: (start, end) of the subject phrase.
        object: (start, end) of the object phrase.
        sentence: Index of the sentence in ``analysis.sentences``.
        pattern: Name of the dependency pattern that matched (recorded as the extractor).
        subject_head: (start, end) of the subject's head word: a mention must overlap it.
        object_head: (start, end) of the object's head word; ``None`` means any mention in
            the object phrase (used for the technologies an agreement concerns).
    """

    predicate: str
    subject: Span
    object: Span
    sentence: int
    pattern: str
    subject_head: Span | None = None
    object_head: Span | None = None


# --- vocabularies -------------------------------------------------------------------------
# Passive participles ("Y was organised by X", "Y, organised by X") -> property (subject = Y).
_PASSIVE = {
    "organizer": r"(?:co-)?organi[sz]ed|hosted|co-hosted|convened",
    "supporter": r"supported|sponsored|co-sponsored|backed|funded|financed|co-organi[sz]ed",
    "chair": r"(?:co-)?chaired|presided",
    "developedBy": r"developed|built|created|designed|launched|delivered|operated|engineered",
    "issuedBy": r"issued|adopted|launched|introduced|approved|enacted|promulgated|unveiled|unfurled|drafted",
    "implements": r"implemented|executed",
    "participant": r"attended",
}
# Active verbs ("X organised Y") -> property; ``object_first`` says the contract subject is the verb's object.
_ACTIVE = {
    "organizer": r"(?:co-)?organi[sz](?:e|es|ed|ing)|(?:co-)?host(?:s|ed|ing)?|convene[sd]?|convening",
    "supporter": r"sponsor(?:s|ed|ing)?|co-sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?",
    "chair": r"(?:co-)?chair(?:s|ed|ing)?",
    "developedBy": r"develop(?:s|ed|ing)?|buil[dt]s?|building|creat(?:e|es|ed|ing)|design(?:s|ed|ing)?"
    r"|launch(?:es|ed|ing)?|deliver(?:s|ed|ing)?|operat(?:e|es|ed|ing)",
    "issuedBy": r"issu(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)"
    r"|approv(?:e|es|ed|ing)|enact(?:s|ed|ing)?|unveil(?:s|ed|ing)?|unfurl(?:s|ed|ing)?|promulgat(?:e|es|ed|ing)",
    "implements": r"implement(?:s|ed|ing)?|execut(?:e|es|ed|ing)|pursu(?:e|es|ed|ing)",
    "participant": r"attend(?:s|ed|ing)?|join(?:s|ed|ing)?",
}
# the contract subject of these is the verb's grammatical subject (the agent), not its object
_AGENT_FIRST = {"implements"}
# Verb + preposition ("X took part in Y", "X spoke at Y") -> participant.
_PREP_VERBS = {
    ("participant", "in"): r"participat(?:e|es|ed|ing)|took|take[sn]?|taking",
    ("participant", "at"): r"sp[eo]ak(?:s|ing)?|spoke|present(?:s|ed|ing)?|exhibit(?:s|ed|ing)?",
    ("chair", "over"): r"presid(?:e|es|ed|ing)",
    ("implements", "out"): r"carr(?:y|ies|ied|ying)|roll(?:s|ed|ing)?",
}
_SIGN = r"sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|seal(?:s|ed|ing)?"
_ENTER = r"enter(?:s|ed|ing)?"
_AGREEMENT_NOUNS = {
    "agreement",
    "agreements",
    "memorandum",
    "memoranda",
    "mou",
    "mous",
    "deal",
    "deals",
    "contract",
    "contracts",
    "accord",
    "accords",
    "pact",
    "treaty",
    "letter",
    "protocol",
}
_PARTNER_VERBS = (
    r"partner(?:s|ed|ing)?|team(?:s|ed|ing)?|cooperat(?:e|es|ed|ing)|co-operat(?:e|es|ed|ing)"
    r"|collaborat(?:e|es|ed|ing)|allied|ally"
)
_PARTNER_NOUNS = r"partners?"
_PART_NOUNS = r"part|component|pillar|element|instrument|cornerstone|flagship"
_TITLE_NOUNS = (
    r"minister|president|vice-president|ceo|cto|cfo|coo|chairman|chairwoman|chairperson|chair|director|director-general"
    r"|governor|head|secretary|secretary-general|chief|executive|founder|co-founder|manager|spokesperson|spokesman"
    r"|spokeswoman|deputy|officer|leader|rector|dean|commissioner|ambassador|mayor|general"
)
# heads that stand for the organisation they come from ("delegates from X took part")
_PROXY_NOUNS = {
    "delegate",
    "delegates",
    "delegation",
    "representative",
    "representatives",
    "official",
    "officials",
    "team",
    "teams",
    "executive",
    "executives",
    "staff",
    "members",
}
# words of the phrase kept to the left of a head (modifiers), and to the right
_LEFT_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "det", "case", "quantmod", "npadvmod"}
_RIGHT_DEPS = {"nummod", "npadvmod"}
# arguments after which a technology is what an agreement is about
_ABOUT_PREPS = {"on", "for", "about", "covering", "regarding", "concerning", "in"}


def _rx(pattern: str) -> dict[str, Any]:
    return {"LOWER": {"REGEX": f"^(?:{pattern})$"}}


def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Every dependency pattern by name: the anchors the roles are read from."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for prop, verbs in _PASSIVE.items():
        out[f"passive:{prop}"] = [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(verbs), "TAG": "VBN"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
                {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "agent", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ]
        ]
    for prop, verbs in _ACTIVE.items():
        out[f"active:{prop}"] = [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(verbs), "POS": "VERB"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
            ]
        ]
    for (prop, prep), verbs in _PREP_VERBS.items():
        rel = [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": prep}}]
        if prep == "out":  # "carried out the plan": particle, then the object
            rel = [
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": "out", "DEP": "prt"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "dobj"}},
            ]
        else:
            rel.append({"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "pobj"}})
        out[f"prep:{prop}:{prep}"] = [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(verbs), "POS": "VERB"}}, *rel]]
    noun = {"LOWER": {"IN": sorted(_AGREEMENT_NOUNS)}}
    out["signing"] = [
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(_SIGN), "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {**noun, "DEP": {"IN": ["dobj", "nsubjpass"]}}},
        ],
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(_ENTER), "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": "into"}},
            {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {**noun, "DEP": "pobj"}},
        ],
    ]
    out["verb:partner"] = [
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {**_rx(_PARTNER_VERBS), "POS": "VERB"}},
            {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": "with", "DEP": "prep"}},
            {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ]
    ]
    for name, nouns, preps in (("appos:partner", _PARTNER_NOUNS, ["of", "to", "with"]), ("appos:partOf", _PART_NOUNS, ["of"])):
        out[name] = [
            [
                {"RIGHT_ID": "noun", "RIGHT_ATTRS": {**_rx(nouns), "DEP": {"IN": ["appos", "attr"]}}},
                {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": {"IN": preps}}},
                {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "pobj"}},
            ]
        ]
    # "Huawei's Digital APAC Congress 2024": the body a named event belongs to (class checks keep to events)
    out["poss:organizer"] = [
        [
            {"RIGHT_ID": "event", "RIGHT_ATTRS": {"POS": "PROPN", "LOWER": {"REGEX": f"^(?!(?:{_TITLE_NOUNS})$)"}}},
            {"LEFT_ID": "event", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "poss", "POS": "PROPN"}},
        ]
    ]
    out["appos:holdsPositionIn"] = [
        [
            {"RIGHT_ID": "person", "RIGHT_ATTRS": {"POS": "PROPN"}},
            {"LEFT_ID": "person", "REL_OP": ">", "RIGHT_ID": "title", "RIGHT_ATTRS": {**_rx(_TITLE_NOUNS), "DEP": "appos"}},
            {"LEFT_ID": "title", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": {"IN": ["of", "at"]}}},
            {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "pobj"}},
        ]
    ]
    out["poss:holdsPositionIn"] = [
        [  # "Vantiko's CEO Anna Kim"
            {"RIGHT_ID": "person", "RIGHT_ATTRS": {"POS": "PROPN"}},
            {"LEFT_ID": "person", "REL_OP": ">", "RIGHT_ID": "title", "RIGHT_ATTRS": {**_rx(_TITLE_NOUNS), "DEP": "compound"}},
            {"LEFT_ID": "title", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "poss", "POS": "PROPN"}},
        ],
        [  # "Vantiko's chief executive, Anna Kim,"
            {"RIGHT_ID": "title", "RIGHT_ATTRS": _rx(_TITLE_NOUNS)},
            {"LEFT_ID": "title", "REL_OP": ">", "RIGHT_ID": "person", "RIGHT_ATTRS": {"DEP": "appos", "POS": "PROPN"}},
            {"LEFT_ID": "title", "REL_OP": ">", "RIGHT_ID": "obj", "RIGHT_ATTRS": {"DEP": "poss", "POS": "PROPN"}},
        ],
    ]
    return out


#: per vocab: (vocab, matcher, {key: (pattern name, node ids in order)})
_MATCHERS: dict[int, tuple[Any, Any, dict[str, tuple[str, list[str]]]]] = {}


def _matcher(vocab: Any) -> tuple[Any, dict[str, tuple[str, list[str]]]]:
    """The DependencyMatcher for a vocab (built once) and what each of its keys stands for."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab, validate=True)
    keys: dict[str, tuple[str, list[str]]] = {}
    for name, patterns in _patterns().items():
        for k, pattern in enumerate(patterns):
            key = f"{name}#{k}"
            matcher.add(key, [pattern])
            keys[key] = (name, [node["RIGHT_ID"] for node in pattern])
    _MATCHERS[id(vocab)] = (vocab, matcher, keys)
    return matcher, keys


# --- reading roles off the tree -------------------------------------------------------------
def _left(tok: Any) -> int:
    """Leftmost token index of the modifiers before ``tok`` (determiners and all)."""
    i = tok.i
    for child in tok.lefts:
        # a name's possessor is a name of its own ("Japan's Soramitsu", "Vantiko's CEO Anna Kim")
        owned = child.dep_ == "poss" or (child.dep_ == "compound" and any(c.dep_ == "poss" for c in child.children))
        if child.dep_ in _LEFT_DEPS and not (owned and tok.pos_ == "PROPN"):
            i = min(i, child.left_edge.i)
    return i


def _right(tok: Any) -> int:
    """Rightmost token index of the phrase headed by ``tok``: numbers and ``of``-complements of names."""
    i = tok.i
    for child in tok.rights:
        number = child.dep_ == "appos" and child.pos_ == "NUM"
        of_name = child.dep_ == "prep" and child.lower_ == "of" and tok.text[:1].isupper()
        if not (child.dep_ in _RIGHT_DEPS or number or of_name):
            break
        i = max(i, child.right_edge.i)
    return i


def _phrase(tok: Any) -> tuple[Span, Span]:
    """(phrase span, head span) in characters for the noun phrase headed by ``tok``; leading articles dropped."""
    doc = tok.doc
    start, end = _left(tok), _right(tok)
    while start < tok.i and doc[start].dep_ in {"det", "punct"}:
        start += 1
    first, last = doc[start], doc[end]
    return (first.idx, last.idx + len(last.text)), (tok.idx, tok.idx + len(tok.text))


def _whole(tok: Any) -> Span:
    """The full subtree of ``tok`` as a character span (what an agreement's purpose covers)."""
    first, last = tok.left_edge, tok.right_edge
    return first.idx, last.idx + len(last.text)


def _conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the names coordinated with it ("X, Y and Z")."""
    out = [tok, *tok.conjuncts]
    # a coordination misread inside an of-complement: "the Ministry of Finance and the Bank of Savan"
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for conj in pobj.conjuncts:
                if any(d.dep_ == "det" for d in conj.lefts) and conj.pos_ == "PROPN":
                    out.append(conj)
    return list(dict.fromkeys(out))


def _members(tok: Any) -> list[Any]:
    """The organisations a head noun stands for: "delegates from X and Y", "40 companies, including X and Y"."""
    preps = {"from", "of"} if tok.lower_ in _PROXY_NOUNS else set()
    if tok.pos_ == "NOUN":
        preps |= {"including"}
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in preps):
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return _conjuncts(pobj)
    return [tok]


def _agents(tok: Any) -> list[Any]:
    """``tok``, the names coordinated with it, and what head nouns among them stand for."""
    return list(dict.fromkeys(m for t in _conjuncts(tok) for m in _members(t)))


def _relative_head(verb: Any, arg: Any) -> Any:
    """For "the forum, which was hosted by X", the noun the relative pronoun stands for.

    The parser often hangs the clause on the first noun of "the sidelines of the Forum, which ...";
    the name right before the pronoun is what it refers to.
    """
    if arg.tag_ not in {"WDT", "WP", "WP$"} or verb.dep_ != "relcl":
        return arg
    head = verb.head
    if head.pos_ == "NOUN":
        for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                between = head.doc[pobj.right_edge.i + 1 : arg.i]
                if all(t.is_punct for t in between):
                    return pobj
    return head


_NAMING = {"called", "named", "dubbed", "branded", "titled"}


def _named(tok: Any) -> Any:
    """The name a common noun introduces: "a platform called X", "its new app, X," -> X."""
    if tok.pos_ != "NOUN":
        return tok
    for child in tok.rights:
        if child.dep_ == "acl" and child.lower_ in _NAMING:
            for name in child.children:
                if name.dep_ in {"oprd", "attr", "xcomp", "dobj"} and name.text[:1].isupper():
                    return name
        if child.dep_ == "appos" and child.text[:1].isupper():
            return child
    return tok


def _subject(verb: Any, deps: tuple[str, ...] = ("nsubj",)) -> Any | None:
    """The grammatical subject of ``verb``, looked up through coordination and subordinate clauses."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in deps:
                return _relative_head(verb, child)
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _patient(verb: Any) -> Any | None:
    """What a passive participle is said of: "Y was organised by X", "Y, organised by X"."""
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return _relative_head(verb, child)
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            noun = verb.head
            # "chaired by PM X, organised by Y": the participle is misattached to the previous agent
            if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.tag_ == "VBN":
                verb = noun.head.head
                seen += 1
                continue
            # "the Mekong AI Summit, an event hosted by X": the name the apposition describes
            if noun.dep_ == "appos" and noun.pos_ == "NOUN":
                return noun.head
            return noun
        return None
    return None


def _sentence_of(analysis: Analysis, tok: Any) -> int:
    return analysis.sentence_at(tok.idx).index


def _clip(span: Span, sentence: Any) -> Span:
    return max(span[0], sentence.start), min(span[1], sentence.end)


def _pairs(prop: str, name: str, subjects: list[Any], objects: list[Any]) -> Iterator[tuple[str, Any, Any, str]]:
    for s in subjects:
        for o in objects:
            if s.i != o.i:
                yield prop, s, o, name


def _agreement_heads(noun: Any, verb: Any) -> list[Any]:
    """Words an agreement's complements hang off: the verb, the noun and its of-complement ("memorandum of understanding")."""
    heads = [verb, noun]
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"):
        heads.extend(c for c in prep.children if c.dep_ == "pobj")
    return heads


def _agreement_topics(noun: Any, verb: Any) -> list[Any]:
    """Phrases saying what an agreement is about: "an MoU on X", "an agreement to develop X"."""
    out = []
    for head in _agreement_heads(noun, verb):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _ABOUT_PREPS:
                # on the verb only after the agreement noun: not "On the second day, X signed ..."
                if head is not verb or (child.i > noun.i and child.lower_ not in {"in", "for"}):
                    out.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in {"acl", "advcl", "xcomp"} and child.pos_ == "VERB":
                # a purpose ("to develop X"), not any clause ("while Y announced Z")
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    continue
                out.extend(c for c in child.children if c.dep_ in {"dobj", "attr"})
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS):
                    out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _signing(name: str, noun: Any, verb: Any) -> Iterator[tuple[str, Any, Any, str]]:
    """Parties and topics of a signed agreement: subject(s), "with"/"between"/"by" complements."""
    parties: list[Any] = []
    subject = _subject(verb)
    if subject is not None and noun.dep_ != "nsubjpass":
        parties.extend(_agents(subject))
    for head in _agreement_heads(noun, verb):
        for prep in (c for c in head.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"with", "between", "by"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                parties.extend(_agents(pobj))
    for party in dict.fromkeys(parties):
        yield "party", noun, party, name
    for topic in _agreement_topics(noun, verb):
        yield "concerns", noun, topic, name


def _roles(name: str, toks: dict[str, Any]) -> Iterator[tuple[str, Any, Any, str]]:
    """(property, subject token, object token, pattern) for one matcher hit."""
    kind, _, rest = name.partition(":")
    prop = rest.split(":")[0]
    verb = toks.get("verb")
    if kind == "passive":
        patient = _patient(verb)
        if patient is None:
            return
        agents = _agents(toks["agent"])
        patients = _conjuncts(patient)
        if prop in _AGENT_FIRST:
            yield from _pairs(prop, name, agents, patients)
        else:
            yield from _pairs(prop, name, patients, agents)
    elif kind in {"active", "prep"}:
        subject = _subject(verb)
        if subject is None:
            return
        agents = _agents(subject)
        objects = _conjuncts(toks["obj"])
        if prop in _AGENT_FIRST:
            yield from _pairs(prop, name, agents, objects)
        else:
            yield from _pairs(prop, name, objects, agents)
    elif kind == "signing":
        yield from _signing(name, toks["noun"], verb)
    elif name == "verb:partner":
        subject = _subject(verb)
        if subject is None:
            return
        yield from _pairs("partner", name, _agents(subject), _conjuncts(toks["obj"]))
    elif name in {"appos:partner", "appos:partOf"}:
        noun = toks["noun"]
        head = noun.head if noun.dep_ == "appos" else _subject(noun.head)
        if head is None or head.i == noun.i:
            return
        yield from _pairs(prop, name, [head], _conjuncts(toks["obj"]))
    elif name == "poss:organizer":
        yield "organizer", toks["event"], toks["obj"], name
    elif prop == "holdsPositionIn":
        yield "holdsPositionIn", toks["person"], toks["obj"], name


def match_dependencies(analysis: Analysis) -> list[DependencyMatch]:
    """Return the relations the English dependency patterns find in ``analysis.doc`` (none for other languages)."""
    doc = analysis.doc
    if analysis.lang != "en" or doc is None or not doc.has_annotation("DEP"):
        return []
    matcher, keys = _matcher(doc.vocab)
    out: list[DependencyMatch] = []
    for match_id, token_ids in matcher(doc):
        name, ids = keys[doc.vocab.strings[match_id]]
        toks = {rid: doc[i] for rid, i in zip(ids, token_ids, strict=True)}
        anchor = _sentence_of(analysis, doc[token_ids[0]])
        for prop, s_tok, o_tok, pattern in _roles(name, toks):
            s_tok, o_tok = _named(s_tok), o_tok if prop == "concerns" else _named(o_tok)
            # a title line without a full stop is parsed into the next sentence: keep to one sentence
            if not _sentence_of(analysis, s_tok) == _sentence_of(analysis, o_tok) == anchor:
                continue
            subject, s_head = _phrase(s_tok)
            if prop == "concerns":
                obj, o_head = _whole(o_tok), None
            else:
                obj, o_head = _phrase(o_tok)
            sentence = analysis.sentences[anchor]
            subject, obj = _clip(subject, sentence), _clip(obj, sentence)
            out.append(DependencyMatch(prop, subject, obj, anchor, pattern, s_head, o_head))
    return list(dict.fromkeys(sorted(out, key=lambda m: (m.sentence, m.subject, m.object, m.predicate, m.pattern))))


def describe(analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """(predicate, subject text, object text, pattern) of every match, for tests and debugging."""
    text = analysis.text
    return [
        (m.predicate, text[m.subject[0] : m.subject[1]], text[m.object[0] : m.object[1]], m.pattern)
        for m in analysis.dependency_matches or match_dependencies(analysis)
    ]


__all__ = ["DependencyMatch", "describe", "match_dependencies"]
