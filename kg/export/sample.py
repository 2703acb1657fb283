"""A tiny contract graph from the first bundled article, for examples, docs and tests.

It is built with the real :func:`kg.graph.build_graph` from hand-written
records, so it follows the contract exactly, whatever state the extraction
pipeline is in.
"""

from __future__ import annotations

import random

from rdflib import Graph

from kg.graph import build_graph
from kg.records import Article, Entity, Evidence, Mention, Relation

ARTICLE_ID = "000_3f0ed15193be0ca2"
OTHER_ARTICLE_ID = "001_fb309f23a7c12424"

_SENTENCE_CHAIR = (
    "The conference was chaired by PM Siphandone, organized by the Ministry of Technology and "
    "Communications, and supported by MetaBank Singapore on Friday at the National Convention Center."
)
_SENTENCE_AGREEMENT = (
    "The Ministry of Technology and Communications also signed a cooperation agreement with MetaBank "
    "Singapore to promote digital transformation in Laos."
)
_SENTENCE_PLAN = (
    "To achieve success on this front, the government of Laos will be implementing the National Digital "
    "Economic Development Vision for 2021-2040, the National Digital Economic Development Strategy for "
    "2021-2030, and the National Digital Economic Development Plan for 2021-2025."
)
_SENTENCE_PM = "Mr. Sonexay Siphandone, the Prime Minister of Laos."
_SENTENCE_VI = "Thủ tướng Lào Sonexay Siphandone chủ trì Hội nghị cấp bộ trưởng về ứng dụng công nghệ blockchain 4.0."


def _entity(key: str, cls: str, label: str, *, article_ids: tuple[str, ...] = (ARTICLE_ID,), **extra) -> Entity:
    entity = Entity(key=key, cls=cls, label=label, wikidata=extra.pop("wikidata", None))
    entity.add_label("en", label)
    for lang, text in extra.pop("labels", {}).items():
        entity.add_label(lang, text)
    entity.attrs.update(extra)
    for article_id in article_ids:
        entity.mentions.append(Mention(article_id, label, 0, len(label), cls, "en", "sample"))
    return entity


def sample_records() -> tuple[list[Article], list[Entity], list[Relation]]:
    """Return the articles, entities and relations of the sample graph."""
    articles = [
        Article(
            ARTICLE_ID,
            "…",
            "en",
            title="Lao Govt Keen on Promoting Digital Transformation Via Blockchain Technology",
            source=f"{ARTICLE_ID}.txt",
        ),
        Article(
            OTHER_ARTICLE_ID,
            "…",
            "vi",
            title="Hội nghị cấp bộ trưởng về ứng dụng công nghệ blockchain 4.0 để phát triển kinh tế số",
            date="2023-05-30",
            source=f"{OTHER_ARTICLE_ID}.txt",
        ),
    ]
    both = (ARTICLE_ID, OTHER_ARTICLE_ID)
    entities = [
        _entity("country/laos", "Country", "Laos", wikidata="Q819", labels={"vi": "Lào"}, article_ids=both),
        _entity("country/singapore", "Country", "Singapore", wikidata="Q334"),
        _entity("government/laos", "Government", "Government of Laos"),
        _entity("ministry/lao-mtc", "Ministry", "Ministry of Technology and Communications"),
        _entity("company/metabank", "Company", "MetaBank Singapore"),
        _entity(
            "person/sonexay-siphandone",
            "Person",
            "Sonexay Siphandone",
            wikidata="Q7561373",
            labels={"vi": "Sonexay Siphandone"},
            title={"en": {"Prime Minister"}, "vi": {"Thủ tướng"}},
            article_ids=both,
        ),
        _entity(
            "event/blockchain-4-0-conference",
            "Event",
            "Ministerial Level Conference on Blockchain 4.0 Development for Digital Economy Development",
            labels={"vi": "Hội nghị cấp bộ trưởng về ứng dụng công nghệ blockchain 4.0"},
            article_ids=both,
            date="2023-05-26",
        ),
        _entity("place/national-convention-center", "Place", "National Convention Center"),
        _entity("technology/blockchain", "Technology", "blockchain", wikidata="Q20514253", article_ids=both),
        _entity(
            "program/lao-digital-economy-plan-2021-2025",
            "Program",
            "National Digital Economic Development Plan for 2021-2025",
            startYear=2021,
            endYear=2025,
        ),
        _entity("agreement/lao-mtc-metabank", "Agreement", "MTC–MetaBank cooperation agreement"),
    ]

    def rel(s: str, p: str, o: str, sentence: str, *, article: str = ARTICLE_ID, lang: str = "en") -> Relation:
        return Relation(s, p, o, Evidence(article, sentence, lang, f"sample:{p}", 0.9))

    event = "event/blockchain-4-0-conference"
    relations = [
        rel(event, "chair", "person/sonexay-siphandone", _SENTENCE_CHAIR),
        rel(event, "chair", "person/sonexay-siphandone", _SENTENCE_VI, article=OTHER_ARTICLE_ID, lang="vi"),
        rel(event, "organizer", "ministry/lao-mtc", _SENTENCE_CHAIR),
        rel(event, "supporter", "company/metabank", _SENTENCE_CHAIR),
        rel(event, "location", "place/national-convention-center", _SENTENCE_CHAIR),
        rel(event, "concerns", "technology/blockchain", _SENTENCE_VI, article=OTHER_ARTICLE_ID, lang="vi"),
        rel("person/sonexay-siphandone", "holdsPositionIn", "government/laos", _SENTENCE_PM),
        rel("government/laos", "country", "country/laos", _SENTENCE_PLAN),
        rel("ministry/lao-mtc", "country", "country/laos", _SENTENCE_AGREEMENT),
        rel("ministry/lao-mtc", "subOrganizationOf", "government/laos", _SENTENCE_AGREEMENT),
        rel("company/metabank", "country", "country/singapore", _SENTENCE_AGREEMENT),
        rel("government/laos", "implements", "program/lao-digital-economy-plan-2021-2025", _SENTENCE_PLAN),
        rel("agreement/lao-mtc-metabank", "party", "ministry/lao-mtc", _SENTENCE_AGREEMENT),
        rel("agreement/lao-mtc-metabank", "party", "company/metabank", _SENTENCE_AGREEMENT),
    ]
    return articles, entities, relations


def sample_graph(*, seed: int | None = None) -> Graph:
    """Return the sample contract graph.

    Args:
        seed: When given, the records are shuffled with this seed before the graph
            is built, to check that output does not depend on insertion order.

    Returns:
        A contract graph with two articles, eleven entities and fourteen evidenced relations.
    """
    articles, entities, relations = sample_records()
    if seed is not None:
        rng = random.Random(seed)
        for records in (articles, entities, relations):
            rng.shuffle(records)
    return build_graph(articles, entities, relations)
