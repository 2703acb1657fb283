"""Cluster mentions into entities; resolve anaphors against each article's context."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.iri import slugify
from kg.linking.normalize import fold, name_key, signature, strip_person_name, years
from kg.linking.romanize_km import merge_people
from kg.linking.romanize_lo import merge_people as merge_lao_people
from kg.mentions.common import REFERENCE, UNTYPED, class_by_head
from kg.nlp.analysis import Analysis
from kg.records import Entity, Mention, class_ancestors

_ORG_LIKE = {"Organization", "PublicBody", "Government", "Ministry", "Company"}
#: classes whose curated entries belong to one country's state: never merged by name with another country's
_COUNTRY_BOUND = {"Ministry", "Government"}
_SIGNATURE_CLASSES = _ORG_LIKE | {"Program", "Event", "Agreement", "Product", "Place"}
_TITLE_ALIASES = {"pm": "prime minister", "thủ tướng": "prime minister", "นายกรัฐมนตรี": "prime minister"}


def mention_id(m: Mention) -> tuple[str, int, int]:
    """The identity of a mention: article and span."""
    return (m.article_id, m.start, m.end)


@dataclass
class LinkedCorpus:
    """What linking produces.

    Attributes:
        entities: Entities by key.
        mention_keys: Entity key of every linked mention (anaphors included), by mention id.
        article_country: The country an article is mostly about, by article id.
        mentions: Every linked mention per article (anaphors resolved), sorted by position.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    mention_keys: dict[tuple[str, int, int], str] = field(default_factory=dict)
    article_country: dict[str, str | None] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)

    def entity_of(self, m: Mention) -> Entity | None:
        """The entity a mention was linked to, if any."""
        key = self.mention_keys.get(mention_id(m))
        return self.entities.get(key) if key else None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class _CuratedUnionFind(_UnionFind):
    """Union-find over clusters that never makes one entity of two curated ones: a union that would join
    two different curated ids (directly, or through a name both share: "Ministry of Posts and
    Telecommunications" is Laos's former ministry and Cambodia's present one) is refused."""

    def __init__(self, keys: list[str | None]) -> None:
        super().__init__()
        self.key = dict(enumerate(keys))

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        ka, kb = self.key.get(ra), self.key.get(rb)
        if ra == rb or (ka and kb and ka != kb):
            return
        super().union(ra, rb)
        self.key[min(ra, rb)] = ka or kb


def _compatible(a: str, b: str) -> bool:
    if UNTYPED in (a, b) or a == b:
        return True
    return a in class_ancestors(b) or b in class_ancestors(a)


def _surface(m: Mention) -> str:
    return strip_person_name(m.text, m.lang) if m.cls in {"Person", UNTYPED} else m.text


def _country_context(analysis_mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    counts = Counter(m.key for m in analysis_mentions if m.key and m.cls == "Country")
    for m in analysis_mentions:  # "Lao Ministry ...", "Chính phủ Lào": a country named inside a name counts too
        entry = gazetteer.get(m.key) if m.key else None
        if entry and entry.country and entry.cls != "Country":
            counts[entry.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def nearest_country(mentions: list[Mention], m: Mention) -> str | None:
    """The country a mention is said in: the nearest country named in its sentence, else the last one before it."""
    same = [c for c in mentions if c.cls == "Country" and c.key and c.sentence == m.sentence]
    if same:
        return min(same, key=lambda c: abs(c.start - m.start)).key
    before = [c for c in mentions if c.cls == "Country" and c.key and c.end <= m.start]
    return before[-1].key if before else None


def _resolve_ambiguous(mentions: list[Mention], gazetteer: Gazetteer, dominant: str | None) -> None:
    defined = {str(m.attrs["acronym"]): m.cls for m in mentions if m.attrs.get("acronym")}
    for m in mentions:
        if m.attrs.get("candidates") and m.text in defined:  # the article says what its acronym means
            del m.attrs["candidates"]
            m.key, m.cls = None, defined[m.text]
    for m in mentions:
        candidates = m.attrs.get("candidates")
        if not candidates or m.key:
            continue
        wanted = [nearest_country(mentions, m), dominant]
        for country in wanted:
            entry = next((gazetteer.get(c) for c in candidates if gazetteer.get(c).country == country), None)  # type: ignore[union-attr]
            if entry:
                m.key, m.cls = entry.id, entry.cls
                break


def _local_links(mentions: list[Mention], uf: _UnionFind, ids: dict[tuple, int]) -> None:
    """Union the mentions of one article that name the same thing (short forms, acronyms)."""
    persons = [m for m in mentions if m.cls == "Person" and len(_surface(m).split()) >= 2]
    by_key: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == REFERENCE:
            continue
        k = m.key or f"{name_key(_surface(m))}"
        if k in by_key and _product_or_guessed_place(by_key[k], m):
            by_key[k].cls = m.cls = "Product"  # "Sabai, the central bank's payment system" ... "accept Sabai"
        if k in by_key and _compatible(by_key[k].cls, m.cls):
            uf.union(ids[mention_id(m)], ids[mention_id(by_key[k])])
        else:
            by_key.setdefault(k, m)
        surface = _surface(m)
        if m.cls in {"Person", UNTYPED, "Place"} and len(surface.split()) == 1:
            for p in persons:
                tokens = fold(_surface(p)).split()
                if fold(surface) in (tokens[0], tokens[-1]):
                    uf.union(ids[mention_id(m)], ids[mention_id(p)])
                    m.cls = "Person"
                    break
        acronym = m.attrs.get("acronym")
        if acronym:
            for other in mentions:
                if other.text == acronym and other.cls != REFERENCE:
                    uf.union(ids[mention_id(m)], ids[mention_id(other)])
    _acronym_with_head(mentions, uf, ids)
    _name_with_designator(mentions, uf, ids)
    long_forms = [m for m in mentions if m.cls in _ORG_LIKE and len(m.text.split()) >= 3]
    for m in mentions:
        if re.fullmatch(r"[A-Z]{2,8}", m.text):
            for lf in long_forms:
                initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’']*", lf.text))
                if initials == m.text:
                    uf.union(ids[mention_id(m)], ids[mention_id(lf)])
                    m.cls = lf.cls
    countries = {fold(m.text) for m in mentions if m.cls == "Country"}
    names = {fold(m.text): m for m in mentions if m.cls in _ORG_LIKE | {UNTYPED}}
    for text, m in names.items():
        for country in countries:
            base = text.removesuffix(" " + country)
            if base != text and base in names:
                uf.union(ids[mention_id(m)], ids[mention_id(names[base])])
        # "Sở Thông tin và Truyền thông tỉnh Hà Sơn" ... "Sở Thông tin và Truyền thông": the province's own
        local = _PROVINCE_SUFFIX.sub("", text) if m.lang == "vi" else text
        if local != text and local in names:
            uf.union(ids[mention_id(m)], ids[mention_id(names[local])])


def _acronym_with_head(mentions: list[Mention], uf: _UnionFind, ids: dict[tuple, int]) -> None:
    """ "DES Ministry" is the ministry the article calls "DES": an acronym the article uses for a
    name (defined in brackets, or a curated short form), followed by a head word of the same kind."""
    defined = {str(m.attrs["acronym"]): m for m in mentions if m.attrs.get("acronym")}
    for m in mentions:
        if m.cls != REFERENCE and _ACRONYM.fullmatch(m.text):
            defined.setdefault(m.text, m)
    for m in mentions:
        acronym, _, head = m.text.partition(" ")
        short = defined.get(acronym)
        if short is None or m.cls == REFERENCE or not head or len(head.split()) > 2:
            continue
        if _compatible(short.cls, m.cls) and class_by_head(m.text, m.lang) == short.cls:
            uf.union(ids[mention_id(m)], ids[mention_id(short)])


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
#: what a company's name may carry or drop within one article ("Viettel Group" ... "Viettel",
#: "Huanyu Cloud Technology" ... "Huanyu Cloud")
_DESIGNATOR = re.compile(
    r"(?:\s+(?:Group|Corporation|Corp\.?|Company|Co\.,? Ltd\.?|Co\.|Ltd\.?|Limited|Holdings|Inc\.?|JSC|Plc|PLC|"
    r"Technology|Technologies|Tech))+$"
)


#: a Vietnamese body's province or city after its name ("... tỉnh Hà Sơn", "... thành phố Đà Nẵng"), folded
_PROVINCE_SUFFIX = re.compile(r"\s+(?:tinh|thanh pho|tp\.?)\s+\S.*$")


def _product_or_guessed_place(a: Mention, b: Mention) -> bool:
    """One name read as a product by a cue and as a place by the parser alone (no curated place)."""
    return {a.cls, b.cls} == {"Product", "Place"} and a.extractor != "gazetteer" and b.extractor != "gazetteer"


def _name_with_designator(mentions: list[Mention], uf: _UnionFind, ids: dict[tuple, int]) -> None:
    """ "Viettel Group" and "Viettel" in one article are one company: the name with and without its designator."""
    bare = {m.text: m for m in mentions if m.cls in {"Company", UNTYPED, "Person"} and not _DESIGNATOR.search(m.text)}
    for m in mentions:
        if m.cls in {"Company", UNTYPED} and (found := _DESIGNATOR.search(m.text)):
            short = bare.get(m.text[: found.start()])
            if short is not None and short is not m and short.key is None:
                uf.union(ids[mention_id(m)], ids[mention_id(short)])
                short.cls = "Company"  # the parser's PERSON reading of a company's short name
    # "Alibaba Cloud" beside "Alibaba Cloud Intelligence": a name the parser alone called a person (no title)
    # that opens a company's name in the same article is that company
    companies = [m for m in mentions if m.cls == "Company"]
    for short in mentions:
        if short.cls != "Person" or short.key or short.attrs.get("title") or short.extractor != "rule:en:name":
            continue
        owner = next((c for c in companies if c.text.startswith(short.text + " ")), None)
        if owner is not None:
            uf.union(ids[mention_id(owner)], ids[mention_id(short)])
            short.cls = "Company"


@dataclass
class _Cluster:
    mentions: list[Mention]
    key: str | None = None
    cls: str = UNTYPED

    @property
    def langs(self) -> set[str]:
        return {m.lang for m in self.mentions}


def _decide_class(cluster: _Cluster, gazetteer: Gazetteer) -> str | None:
    if cluster.key and gazetteer.get(cluster.key):
        return gazetteer.get(cluster.key).cls  # type: ignore[union-attr]
    votes = Counter(m.cls for m in cluster.mentions if m.cls not in {UNTYPED, REFERENCE})
    if votes:
        best = max(votes.values())
        tied = [c for c, n in votes.items() if n == best]
        return max(tied, key=lambda c: (len(class_ancestors(c)), c))
    ner = Counter(m.attrs.get("ner") for m in cluster.mentions if m.attrs.get("ner"))
    text = cluster.mentions[0].text
    if ner.get("ORG") or re.search(r"[a-z][A-Z]|^[A-Z]{4,}$", text):
        words = len(text.split())
        return "Company" if words <= 2 else "Organization" if words <= 4 else None
    if ner.get("PERSON"):
        return "Person"
    return None


def _names_a_country(key: str, country_names: set[str]) -> bool:
    """Whether a folded name contains a country's name as whole words ("ministry of defence of laos")."""
    padded = f" {key} "
    return any(f" {c} " in padded for c in country_names)


def _merge_clusters(
    clusters: list[_Cluster], country_names: set[str], foreign: Callable[[_Cluster, _Cluster], bool] | None = None
) -> list[_Cluster]:
    """Union clusters across articles and languages: curated id, equal names, signatures.

    ``foreign(a, b)`` says when two clusters belong to different countries and so are never one by name.
    """
    uf = _CuratedUnionFind([c.key for c in clusters])
    foreign = foreign or (lambda _a, _b: False)
    by_key: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for i, c in enumerate(clusters):
        if c.key:
            if c.key in by_key:
                uf.union(i, by_key[c.key])
            by_key.setdefault(c.key, i)
        for m in c.mentions:
            family = "person" if c.cls == "Person" else "thing"
            key = name_key(_surface(m))
            keys = [" ".join(sorted(key.split()))] if family == "person" else [key]
            if c.cls in {"Company", UNTYPED}:  # "MetaBank Singapore" is MetaBank, of Singapore
                keys += [key.removesuffix(" " + name) for name in country_names if key.endswith(" " + name)]
            for k in keys:
                nk = (family, k)
                if nk in by_name and _compatible(clusters[by_name[nk]].cls, c.cls) and not foreign(clusters[by_name[nk]], c):
                    uf.union(i, by_name[nk])
                by_name.setdefault(nk, i)
    merge_people(clusters, uf.union, _surface)  # "ជា វ៉ាន់ដេត" is Chea Vandeth: names across scripts
    merge_lao_people(clusters, uf.union, _surface)  # "ບໍ່ວຽງຄຳ ວົງດາລາ" is Boviengkham Vongdara
    _merge_by_signature(clusters, uf, foreign)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clusters)):
        groups[uf.find(i)].append(i)
    merged = []
    for members in groups.values():
        mentions = [m for i in members for m in clusters[i].mentions]
        key = next((clusters[i].key for i in members if clusters[i].key), None)
        merged.append(_Cluster(mentions, key))
    return merged


def _same_signature(cls: str, sig_i: frozenset[str], sig_j: frozenset[str]) -> bool:
    """Whether two name signatures of one class name the same thing (every rule needs >= 2 shared words)."""
    shared = sig_i & sig_j
    if len(shared) < 2:
        return False
    jaccard = len(shared) / len(sig_i | sig_j)
    if cls == "Event":
        numbers_i = {w for w in sig_i if w.isdigit()}
        numbers_j = {w for w in sig_j if w.isdigit()}
        if numbers_i and numbers_j and not numbers_i & numbers_j:
            return False  # the 11th meeting is not the 6th
        distinctive = any(re.search(r"\d", w) for w in shared)
        return jaccard >= 0.6 or distinctive or sig_i <= sig_j or sig_j <= sig_i
    if cls == "Program":
        numbers_i = {w for w in sig_i if w.isdigit()}
        numbers_j = {w for w in sig_j if w.isdigit()}
        same = sig_i == sig_j or jaccard >= 0.6
        return same or (bool(numbers_i) and numbers_i == numbers_j and len(shared - numbers_i) >= 1)
    return sig_i == sig_j or jaccard >= 0.6


def _merge_by_signature(
    clusters: list[_Cluster], uf: _UnionFind, foreign: Callable[[_Cluster, _Cluster], bool] = lambda _a, _b: False
) -> None:
    """Union clusters of one class whose name signatures match (see :func:`_same_signature`).

    Two clusters that both carry a curated id are never merged this way. Exact,
    not approximate, and near-linear: identical signatures are grouped first, and
    candidate pairs come from a prefix filter -- two sets sharing >= 2 words share
    one of each set's words other than its most frequent one, so only those words
    are indexed ("digital", "ministry" ... never pair everything with everything).
    """
    groups: dict[tuple[str, frozenset[str], tuple[int, ...]], list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.cls in _SIGNATURE_CLASSES:
            for m in c.mentions:
                sig = frozenset(w for w in signature(_surface(m), m.lang) if not re.fullmatch(r"\d{4}", w))
                if len(sig) >= 2 and i not in groups[(c.cls, sig, years(m.text))][-1:]:
                    groups[(c.cls, sig, years(m.text))].append(i)
    items = list(groups.items())

    def connect(a: list[int], b: list[int]) -> None:
        # edges between every unkeyed cluster and every other one; keyed-keyed pairs never
        if any(foreign(clusters[i], clusters[j]) for i in a for j in b):
            return  # a body of one country is not its namesake of another
        free_a = [i for i in a if not clusters[i].key]
        free_b = [j for j in b if not clusters[j].key]
        if free_a:
            for j in b:
                uf.union(free_a[0], j)
            for i in free_a[1:]:
                uf.union(free_a[0], i)
        if free_b:
            for i in a:
                uf.union(free_b[0], i)
            for j in free_b[1:]:
                uf.union(free_b[0], j)

    for _, members in items:
        connect(members, members)
    frequency = Counter((cls, w) for (cls, sig, _), _m in items for w in sig)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    # an event named without a year joins a dated edition only where it matches one edition alone: "Lao
    # Digital Week" is no bridge between the 2022 and the 2025 editions
    editions: dict[int, list[int]] = defaultdict(list)
    for n, ((cls, sig, yrs), members) in enumerate(items):
        words = sorted(sig, key=lambda w: (frequency[(cls, w)], w))[:-1]
        candidates = {k for w in words for k in index[(cls, w)]}
        for k in sorted(candidates):
            (_, other, other_years), other_members = items[k]
            if yrs and other_years and yrs != other_years:
                continue
            if not _same_signature(cls, other, sig):
                continue
            if cls == "Event" and bool(yrs) != bool(other_years):
                undated, dated = (n, k) if not yrs else (k, n)
                editions[undated].append(dated)
                continue
            connect(other_members, members)
        for w in words:
            index[(cls, w)].append(n)
    for undated, dated in editions.items():
        if len({items[d][0][2] for d in dated}) == 1:
            for d in dated:
                connect(items[d][1], items[undated][1])


def _canonical_label(entity_mentions: list[Mention], cls: str) -> str:
    typed = [m for m in entity_mentions if m.extractor != "rule:acronym"] or entity_mentions
    english = [m for m in typed if m.lang == "en"] or typed
    counts = Counter(_surface(m) for m in english)
    if cls == "Person":
        return max(counts, key=lambda s: (len(s.split()), counts[s], len(s), s))
    return max(counts, key=lambda s: (counts[s], len(s.split()) <= 12, len(s), s))


def curated_entity(entry_id: str, gazetteer: Gazetteer) -> Entity:
    """A new entity for a gazetteer entry, with its curated labels and no mentions yet."""
    entry = gazetteer.get(entry_id)
    if entry is None:
        raise KeyError(entry_id)
    return _entity(_Cluster([], entry_id), entry.cls, gazetteer)


_LATIN_RUN = re.compile(r"[A-Z][A-Za-z0-9.&'’-]*(?: [A-Za-z0-9][A-Za-z0-9.&'’-]*)+")


def _latin_name_inside(surface: str, lang: str, cls: str) -> str | None:
    """The Latin-script name inside a Thai, Lao or Khmer name that a native head word opens ("งานสัมมนา
    Mekong Payments Summit 2026"): the English form the same event or body has in English articles."""
    if lang not in {"th", "lo", "km"} or cls in {"Person", "Country", "Technology"} or surface[:1].isascii():
        return None
    runs = _LATIN_RUN.findall(surface)
    return runs[0] if len(runs) == 1 and len(runs[0]) >= 6 else None


def _entity(cluster: _Cluster, cls: str, gazetteer: Gazetteer) -> Entity:
    entry: GazetteerEntry | None = gazetteer.get(cluster.key) if cluster.key else None
    if entry:
        key, label = entry.id, (entry.labels.get("en") or [m.text for m in cluster.mentions] or [entry.id])[0]
    else:
        label = _canonical_label(cluster.mentions, cls)
        key = f"{cls.lower()}/{slugify(label)}"
    entity = Entity(key=key, cls=cls, label=label, wikidata=entry.wikidata if entry else None)
    titles: dict[str, set[str]] = defaultdict(set)
    for m in cluster.mentions:
        surface = _surface(m)
        if surface:
            entity.add_label(m.lang, surface)
            if (latin := _latin_name_inside(surface, m.lang, cls)) is not None:
                entity.add_label("en", latin)  # "งานสัมมนา Mekong Payments Summit 2026": its English name too
        if m.attrs.get("title"):
            titles[m.lang].add(str(m.attrs["title"]))
        if entry is None and m.attrs.get("years"):
            entity.attrs.setdefault("years", m.attrs["years"])
    if entry:
        entity.add_label("en", label)
        entity.attrs["pref"] = {lang: forms[0] for lang, forms in entry.labels.items() if forms}
        for lang, forms in entry.labels.items():
            if forms:
                entity.add_label(lang, forms[0])
    if titles:
        entity.attrs["title"] = dict(titles)
    if cls == "Program":
        found = sorted({y for m in cluster.mentions for y in years(m.text)})
        if found:
            entity.attrs["startYear"] = found[0]
            if len(found) > 1:
                entity.attrs["endYear"] = found[-1]
    entity.mentions = list(cluster.mentions)
    return entity


def _title_key(title: str) -> str:
    t = title.casefold()
    return _TITLE_ALIASES.get(t, t)


def _resolve_refs(analysis: Analysis, mentions: list[Mention], corpus: LinkedCorpus, gazetteer: Gazetteer) -> list[Mention]:
    linked = [m for m in mentions if corpus.entity_of(m)]
    resolved = []
    aid = analysis.article.id
    events = Counter(corpus.mention_keys[mention_id(m)] for m in linked if corpus.entity_of(m).cls == "Event")  # type: ignore[union-attr]
    main_event = events.most_common(1)[0][0] if events else None
    for m in mentions:
        if m.cls != REFERENCE:
            continue
        ref, target = m.attrs.get("ref"), None
        if ref == "Event":
            before = [x for x in linked if x.start < m.start and corpus.entity_of(x).cls == "Event"]  # type: ignore[union-attr]
            target = corpus.mention_keys[mention_id(before[-1])] if before else main_event
        elif ref == "Government":
            # the nearest country named before "the government" (a later one is usually someone
            # else's: "... partnering with Japan's Soramitsu"); countries inside names do not count
            before = [c for c in mentions if c.cls == "Country" and c.key and c.end <= m.start and not c.attrs.get("nested")]
            country = before[-1].key if before else corpus.article_country.get(aid)
            entry = next((e for e in gazetteer.entries if e.cls == "Government" and e.country == country), None)
            if entry:
                target = entry.id
                if target not in corpus.entities:
                    corpus.entities[target] = _entity(_Cluster([], entry.id), "Government", gazetteer)
        elif ref == "Person" and m.attrs.get("title"):
            wanted = _title_key(str(m.attrs["title"]))
            people = [
                x
                for x in linked
                if corpus.entity_of(x).cls == "Person"  # type: ignore[union-attr]
                and any(_title_key(t) == wanted for ts in corpus.entity_of(x).attrs.get("title", {}).values() for t in ts)  # type: ignore[union-attr]
            ]
            if people:
                target = corpus.mention_keys[mention_id(people[0])]
        elif ref == "Organization":
            # "the ministry" / "the bank" / "the company": the nearest one of that kind named before
            # it in the article (a bank is an entity whose name says bank)
            head = str(m.attrs.get("head", ""))
            classes = {
                "ministry": {"Ministry"},
                "central bank": {"PublicBody"},
                "bank": {"Company", "PublicBody", "Organization"},
            }.get(head, {"Company"})
            for x in reversed([x for x in linked if x.end <= m.start and not x.attrs.get("nested")]):
                entity = corpus.entity_of(x)
                if entity is None or entity.cls not in classes:
                    continue
                if "bank" in head and not any("bank" in label.casefold() for forms in entity.labels.values() for label in forms):
                    continue
                target = corpus.mention_keys[mention_id(x)]
                break
        if target:
            corpus.mention_keys[mention_id(m)] = target
            corpus.entities[target].mentions.append(m)
            resolved.append(m)
    return resolved


def link_mentions(analyses: list[Analysis], mentions: dict[str, list[Mention]], *, gazetteer: Gazetteer) -> LinkedCorpus:
    """Link the mentions of a corpus into entities.

    Args:
        analyses: The analysed articles.
        mentions: Mentions per article id (from :func:`kg.mentions.find_mentions`).
        gazetteer: Curated knowledge, for ids, classes and countries.

    Returns:
        The linked corpus. Mentions that could not be typed are left unlinked.
    """
    corpus = LinkedCorpus()
    uf = _UnionFind()
    ids: dict[tuple, int] = {}
    flat: list[Mention] = []
    for analysis in analyses:
        ms = mentions.get(analysis.article.id, [])
        dominant = _country_context(ms, gazetteer)
        corpus.article_country[analysis.article.id] = dominant
        _resolve_ambiguous(ms, gazetteer, dominant)
        for m in ms:
            if (m.cls != REFERENCE and not m.attrs.get("candidates")) or m.key:
                ids[mention_id(m)] = len(flat)
                flat.append(m)
        _local_links([m for m in ms if mention_id(m) in ids], uf, ids)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(flat):
        groups[uf.find(i)].append(m)
    clusters = []
    for group in groups.values():
        cluster = _Cluster(group, next((m.key for m in group if m.key), None))
        cluster.cls = _decide_class(cluster, gazetteer) or UNTYPED
        clusters.append(cluster)
    country_names = {
        name_key(label) for e in gazetteer.entries if e.cls == "Country" for forms in e.labels.values() for label in forms
    }

    def foreign(a: _Cluster, b: _Cluster) -> bool:
        """A curated body of one country and a name found in articles about another ("Ministry of Public Works
        and Transportation" in a Cambodian article is not Laos's ministry of that name)."""
        for keyed, free in ((a, b), (b, a)):
            entry = gazetteer.get(keyed.key) if keyed.key and not free.key else None
            if entry is None or not entry.country or entry.cls not in _COUNTRY_BOUND:
                continue
            if any(m.lang not in {"en", "lo"} for m in free.mentions):
                continue  # the English (and Lao) of news about one country names its bodies without the country
            if any(_names_a_country(name_key(m.text), country_names) for m in free.mentions):
                continue  # "Bộ Quốc phòng Lào": the name says whose it is, and the signature compares that
            countries = {corpus.article_country.get(m.article_id) for m in free.mentions} - {None}
            if countries and entry.country not in countries:
                return True
        return False

    for cluster in _merge_clusters(clusters, country_names, foreign):
        cls = _decide_class(cluster, gazetteer)
        if cls is None:
            continue
        entity = _entity(cluster, cls, gazetteer)
        if entity.key in corpus.entities:  # two clusters minted the same key: one entity
            existing = corpus.entities[entity.key]
            existing.mentions.extend(entity.mentions)
            for lang, forms in entity.labels.items():
                existing.labels.setdefault(lang, set()).update(forms)
            entity = existing
        corpus.entities[entity.key] = entity
        for m in cluster.mentions:
            corpus.mention_keys[mention_id(m)] = entity.key
    for analysis in analyses:
        ms = mentions.get(analysis.article.id, [])
        _resolve_refs(analysis, ms, corpus, gazetteer)
        corpus.mentions[analysis.article.id] = sorted(
            (m for m in ms if mention_id(m) in corpus.mention_keys), key=lambda m: (m.start, m.end)
        )
    return corpus
