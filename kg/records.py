"""The small typed records that the pipeline stages pass to each other.

``Article`` comes out of ingest, ``Mention`` out of entity recognition,
``Entity`` out of linking, ``Relation`` (with its ``Evidence``) out of relation
extraction; the graph builder turns them into RDF.  Class names in ``cls``
fields are the contract's class names without prefix (``"Ministry"``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: The contract's entity classes, most specific last within each chain.
ENTITY_CLASSES: tuple[str, ...] = (
    "Country",
    "Place",
    "Organization",
    "PublicBody",
    "Government",
    "Ministry",
    "Company",
    "Person",
    "Program",
    "Event",
    "Technology",
    "Agreement",
    "Product",
)

#: child -> parent among the contract classes (the rest have no contract parent).
CLASS_PARENT: dict[str, str] = {
    "Country": "Place",
    "Government": "PublicBody",
    "Ministry": "PublicBody",
    "PublicBody": "Organization",
    "Company": "Organization",
}

#: The contract's properties between entities.
RELATION_PROPERTIES: tuple[str, ...] = (
    "country",
    "subOrganizationOf",
    "holdsPositionIn",
    "implements",
    "issuedBy",
    "organizer",
    "supporter",
    "chair",
    "participant",
    "location",
    "party",
    "signedAt",
    "partner",
    "cooperatesWith",
    "concerns",
    "partOf",
    "developedBy",
)

SYMMETRIC_PROPERTIES: frozenset[str] = frozenset({"partner", "cooperatesWith"})

LANGUAGES: tuple[str, ...] = ("en", "vi", "th", "lo", "km")


def class_ancestors(cls: str) -> list[str]:
    """Return ``cls`` followed by its contract superclasses, nearest first."""
    chain = [cls]
    while chain[-1] in CLASS_PARENT:
        chain.append(CLASS_PARENT[chain[-1]])
    return chain


def is_a(cls: str, ancestor: str) -> bool:
    """Return True when ``cls`` is ``ancestor`` or one of its subclasses."""
    return ancestor in class_ancestors(cls)


@dataclass(frozen=True)
class Article:
    """One source document after ingest.

    Attributes:
        id: Stable identifier, the file name without extension (``000_3f0e…``).
        text: Clean body text (NFC), page chrome removed; title not repeated.
        lang: BCP 47 language tag (``en``, ``vi``, ``th``, ``lo``, ``km``, ...).
        title: Title where known.
        date: Publication date as ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``) where stated.
        source: File name or URL the article came from.
        publisher: Name of the outlet where known.
        sha256: Hash of the clean text, for caching and duplicate detection.
        path: The file it was read from, when read from disk.
    """

    id: str
    text: str
    lang: str
    title: str | None = None
    date: str | None = None
    source: str = ""
    publisher: str | None = None
    sha256: str = ""
    path: Path | None = None

    @property
    def full_text(self) -> str:
        """Title and body as one text, the title as its first paragraph."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with character offsets into ``Article.full_text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A span of text that names an entity.

    Attributes:
        article_id: The article it occurs in.
        text: The surface form as written.
        start: Character offset into the article's ``full_text``.
        end: End offset (exclusive).
        cls: Contract class name.
        lang: Language of the surface form.
        extractor: Which rule or model found it (``gazetteer``, ``ner:en``, ``rule:ministry`` ...).
        sentence: Index of the sentence it occurs in.
        key: Gazetteer id when the mention was recognised from curated knowledge.
        confidence: How sure the extractor is, 0..1.
        attrs: Extra facts read off the mention (``title`` of a person, ``years`` of a program ...).
    """

    article_id: str
    text: str
    start: int
    end: int
    cls: str
    lang: str
    extractor: str
    sentence: int = 0
    key: str | None = None
    confidence: float = 0.8
    attrs: dict[str, object] = field(default_factory=dict)


@dataclass
class Entity:
    """One real-world thing, after linking mentions across articles and languages.

    Attributes:
        key: Deterministic identifier from which the IRI is minted (``country/laos``).
        cls: Contract class name.
        label: Preferred label, English where known.
        labels: Every surface form seen, per language.
        wikidata: Wikidata Q-id where known.
        mentions: The mentions linked to it.
        attrs: Facts about the entity itself (``title``, ``startYear``, ``date`` ...).
    """

    key: str
    cls: str
    label: str
    labels: dict[str, set[str]] = field(default_factory=dict)
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[str, object] = field(default_factory=dict)

    @property
    def articles(self) -> set[str]:
        """The ids of the articles that mention this entity."""
        return {m.article_id for m in self.mentions}

    def add_label(self, lang: str, text: str) -> None:
        """Record a surface form in a language."""
        self.labels.setdefault(lang, set()).add(text)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: the article, the sentence, and by which rule."""

    article_id: str
    sentence: str
    lang: str
    extractor: str
    confidence: float = 0.8
    #: a curated source the fact comes from instead of the sentence ("gazetteer"): the record then cites
    #: that source, never a sentence that does not state the fact
    source: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two entities, identified by their keys, with its evidence."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence

    @property
    def triple(self) -> tuple[str, str, str]:
        """The (subject, predicate, object) key of the relation, evidence left out."""
        return (self.subject, self.predicate, self.object)
