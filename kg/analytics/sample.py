"""A small hand-made contract graph, for examples, docs and tests.

Like ``networkx.karate_club_graph()``: a fixed graph whose answers are known.
It retells a slice of the bundled corpus (the Lao blockchain conference, the
MetaBank and Soramitsu partnerships) through :mod:`kg.records` and
:func:`kg.graph.build_graph`, so it follows the contract exactly.
"""

from __future__ import annotations

from rdflib import Graph

from kg.graph import build_graph
from kg.records import Article, Entity, Evidence, Mention, Relation

_ARTICLE_A = "sample_a"
_ARTICLE_B = "sample_b"

_SENTENCES = {
    "conf": (
        "The conference was chaired by PM Siphandone, organized by the Ministry of Technology and "
        "Communications, and supported by MetaBank Singapore at the National Convention Center."
    ),
    "plans": "The government of Laos will be implementing the National Digital Economic Development Plan.",
    "tech": "The conference discussed digital technologies like blockchain and artificial intelligence.",
    "metabank": "The Ministry of Technology and Communications signed a cooperation agreement with MetaBank.",
    "soramitsu": "The Government of Laos works with Japan's Soramitsu on a central bank digital currency.",
    "bol": "Soramitsu and the Bank of the Lao PDR developed DLak, a digital currency for Laos.",
    "ministry": "The Ministry of Technology and Communications of Laos is part of the Lao government.",
}

# key, class, English label, other labels {lang: [...]}, article ids
_ENTITIES: list[tuple[str, str, str, dict[str, list[str]], tuple[str, ...]]] = [
    ("country/laos", "Country", "Laos", {"en": ["Lao PDR"], "vi": ["Lào"], "th": ["ลาว"]}, ("a", "b")),
    ("country/singapore", "Country", "Singapore", {}, ("a",)),
    ("country/japan", "Country", "Japan", {"vi": ["Nhật Bản"]}, ("b",)),
    ("government/laos", "Government", "Government of Laos", {"en": ["Lao Government"]}, ("a", "b")),
    ("ministry/mtc-laos", "Ministry", "Ministry of Technology and Communications", {}, ("a",)),
    ("publicbody/bol", "PublicBody", "Bank of the Lao PDR", {}, ("b",)),
    ("company/metabank", "Company", "MetaBank Singapore", {"en": ["MetaBank"]}, ("a",)),
    ("company/soramitsu", "Company", "Soramitsu", {}, ("b",)),
    ("person/sonexay-siphandone", "Person", "Sonexay Siphandone", {"en": ["Siphandone"]}, ("a",)),
    ("place/national-convention-center", "Place", "National Convention Center", {}, ("a",)),
    ("event/blockchain-conference", "Event", "Ministerial Level Conference on Blockchain 4.0", {}, ("a",)),
    ("program/plan-2025", "Program", "National Digital Economic Development Plan", {}, ("a",)),
    ("technology/blockchain", "Technology", "blockchain", {"vi": ["công nghệ blockchain"]}, ("a",)),
    ("technology/ai", "Technology", "artificial intelligence", {"en": ["AI"]}, ("a",)),
    ("technology/cbdc", "Technology", "central bank digital currency", {"en": ["CBDC"]}, ("b",)),
    ("product/dlak", "Product", "DLak", {}, ("b",)),
    ("agreement/mtc-metabank", "Agreement", "MTC–MetaBank agreement", {}, ("a",)),
]

# subject, property, object, sentence key, article id
_RELATIONS: list[tuple[str, str, str, str, str]] = [
    ("government/laos", "country", "country/laos", "plans", "a"),
    ("ministry/mtc-laos", "country", "country/laos", "ministry", "a"),
    ("ministry/mtc-laos", "subOrganizationOf", "government/laos", "ministry", "a"),
    ("publicbody/bol", "country", "country/laos", "bol", "b"),
    ("company/metabank", "country", "country/singapore", "conf", "a"),
    ("company/soramitsu", "country", "country/japan", "soramitsu", "b"),
    ("person/sonexay-siphandone", "holdsPositionIn", "government/laos", "conf", "a"),
    ("event/blockchain-conference", "chair", "person/sonexay-siphandone", "conf", "a"),
    ("event/blockchain-conference", "organizer", "ministry/mtc-laos", "conf", "a"),
    ("event/blockchain-conference", "supporter", "company/metabank", "conf", "a"),
    ("event/blockchain-conference", "location", "place/national-convention-center", "conf", "a"),
    ("event/blockchain-conference", "country", "country/laos", "conf", "a"),
    ("event/blockchain-conference", "concerns", "technology/blockchain", "tech", "a"),
    ("event/blockchain-conference", "concerns", "technology/ai", "tech", "a"),
    ("government/laos", "implements", "program/plan-2025", "plans", "a"),
    ("program/plan-2025", "country", "country/laos", "plans", "a"),
    ("agreement/mtc-metabank", "party", "ministry/mtc-laos", "metabank", "a"),
    ("agreement/mtc-metabank", "party", "company/metabank", "metabank", "a"),
    ("agreement/mtc-metabank", "concerns", "technology/blockchain", "metabank", "a"),
    ("company/metabank", "partner", "ministry/mtc-laos", "metabank", "a"),
    ("government/laos", "partner", "company/soramitsu", "soramitsu", "b"),
    ("company/soramitsu", "partner", "publicbody/bol", "bol", "b"),
    ("product/dlak", "developedBy", "company/soramitsu", "bol", "b"),
    ("product/dlak", "concerns", "technology/cbdc", "bol", "b"),
    ("product/dlak", "country", "country/laos", "bol", "b"),
]


def sample_graph() -> Graph:
    """Return a small contract graph of 17 entities and 25 relations, each with evidence.

    Returns:
        An rdflib graph built with :func:`kg.graph.build_graph` from two short articles.

    Example:
        >>> from kg.graph import to_networkx
        >>> G = to_networkx(sample_graph())
        >>> G.number_of_nodes(), G.number_of_edges()
        (17, 25)
    """
    articles = [
        Article(id=_ARTICLE_A, text=" ".join(_SENTENCES.values()), lang="en", title="Sample A", source="a.txt"),
        Article(id=_ARTICLE_B, text=_SENTENCES["bol"], lang="en", title="Sample B", source="b.txt"),
    ]
    ids = {"a": _ARTICLE_A, "b": _ARTICLE_B}
    entities = []
    for key, cls, label, others, docs in _ENTITIES:
        entity = Entity(key=key, cls=cls, label=label, attrs={"pref": {"en": label}})
        entity.add_label("en", label)
        for lang, forms in others.items():
            for form in forms:
                entity.add_label(lang, form)
        for doc in docs:
            entity.mentions.append(
                Mention(
                    article_id=ids[doc],
                    text=label,
                    start=0,
                    end=len(label),
                    cls=cls,
                    lang="en",
                    extractor="sample",
                )
            )
        entities.append(entity)
    relations = [
        Relation(s, p, o, Evidence(ids[doc], _SENTENCES[sentence], "en", "sample", 0.9)) for s, p, o, sentence, doc in _RELATIONS
    ]
    return build_graph(articles, entities, relations)
