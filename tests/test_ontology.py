"""The ontology, its SHACL shapes and the example query, checked against the graph contract."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SKOS

from kg.graph.builder import build_graph
from kg.records import (
    CLASS_PARENT,
    ENTITY_CLASSES,
    RELATION_PROPERTIES,
    SYMMETRIC_PROPERTIES,
    Article,
    Entity,
    Evidence,
    Mention,
    Relation,
)
from kg.vocab import MK, MK_IRI

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology" / "mekong-kg.ttl"
SHAPES = REPO / "ontology" / "shapes.ttl"
EVIDENCE_QUERY = REPO / "ontology" / "queries" / "evidence_of_a_fact.rq"
ONTOLOGY_IRI = URIRef("https://w3id.org/mekong-kg/ontology")

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The contract's subclass table (CONTRACT.md, "Classes"), plus the evidence class of kg/vocab.py.
SUBCLASS_AXIOMS: list[tuple[str, URIRef]] = [
    ("Country", MK.Place),
    ("Place", SCHEMA.Place),
    ("Organization", ORG.Organization),
    ("PublicBody", MK.Organization),
    ("Government", MK.PublicBody),
    ("Ministry", MK.PublicBody),
    ("Company", MK.Organization),
    ("Person", SCHEMA.Person),
    ("Program", PROV.Plan),
    ("Event", SCHEMA.Event),
    ("Technology", SKOS.Concept),
    ("Agreement", PROV.Entity),
    ("Product", SCHEMA.Product),
    ("Article", SCHEMA.NewsArticle),
    ("Evidence", RDF.Statement),
]

#: The contract's "from -> to" table (CONTRACT.md, "Properties between entities").
ANY_ENTITY = {"Place", "Organization", "Person", "Program", "Event", "Technology", "Agreement", "Product"}
DOMAIN_RANGE: list[tuple[str, set[str], set[str]]] = [
    ("country", ANY_ENTITY, {"Country"}),
    ("subOrganizationOf", {"Organization"}, {"Organization"}),
    ("holdsPositionIn", {"Person"}, {"Organization"}),
    ("implements", {"Organization"}, {"Program"}),
    ("issuedBy", {"Program"}, {"Organization"}),
    ("organizer", {"Event"}, {"Organization"}),
    ("supporter", {"Event"}, {"Organization", "Person"}),
    ("chair", {"Event"}, {"Person"}),
    ("participant", {"Event"}, {"Organization", "Person"}),
    ("location", {"Event"}, {"Place"}),
    ("party", {"Agreement"}, {"Organization"}),
    ("signedAt", {"Agreement"}, {"Event"}),
    ("partner", {"Organization"}, {"Organization"}),
    ("cooperatesWith", {"Country"}, {"Country"}),
    ("concerns", {"Program", "Event", "Agreement", "Organization", "Product"}, {"Technology"}),
    ("partOf", {"Event", "Program"}, {"Program"}),
    ("developedBy", {"Product"}, {"Organization"}),
    ("mentionedIn", ANY_ENTITY, {"Article"}),
]

DATATYPE_PROPERTIES: list[tuple[str, set[URIRef]]] = [
    ("title", {RDF.langString}),
    ("startYear", {URIRef("http://www.w3.org/2001/XMLSchema#gYear")}),
    ("endYear", {URIRef("http://www.w3.org/2001/XMLSchema#gYear")}),
    (
        "date",
        {
            URIRef("http://www.w3.org/2001/XMLSchema#date"),
            URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth"),
            URIRef("http://www.w3.org/2001/XMLSchema#gYear"),
        },
    ),
    ("publisher", {URIRef("http://www.w3.org/2001/XMLSchema#string")}),
    ("sentence", {RDF.langString}),
    ("extractor", {URIRef("http://www.w3.org/2001/XMLSchema#string")}),
    ("confidence", {URIRef("http://www.w3.org/2001/XMLSchema#decimal")}),
]

#: A small graph that follows the contract to the letter: every kind of entity
#: constraint, a Ministry and a Company, an "Organization or Person" value, an
#: agreement with two parties, and a symmetric relation whose evidence is
#: recorded in the other direction.
CONFORMANT_TTL = """
@prefix mk: <https://w3id.org/mekong-kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix article: <https://w3id.org/mekong-kg/resource/article/> .
@prefix agreement: <https://w3id.org/mekong-kg/resource/agreement/> .
@prefix company: <https://w3id.org/mekong-kg/resource/company/> .
@prefix country: <https://w3id.org/mekong-kg/resource/country/> .
@prefix event: <https://w3id.org/mekong-kg/resource/event/> .
@prefix evidence: <https://w3id.org/mekong-kg/resource/evidence/> .
@prefix ministry: <https://w3id.org/mekong-kg/resource/ministry/> .
@prefix person: <https://w3id.org/mekong-kg/resource/person/> .
@prefix program: <https://w3id.org/mekong-kg/resource/program/> .
@prefix technology: <https://w3id.org/mekong-kg/resource/technology/> .

article:a1 a mk:Article ;
    dcterms:title "Laos Digital Week 2025 opens in Vientiane"@en ;
    dcterms:language "en" ;
    dcterms:issued "2025-02-26"^^xsd:date ;
    dcterms:source "a1.html" ;
    mk:publisher "Vientiane Times" .

country:laos a mk:Country ;
    rdfs:label "Laos"@en ;
    skos:prefLabel "Laos"@en , "ลาว"@th , "Lào"@vi ;
    skos:altLabel "Lao PDR"@en ;
    owl:sameAs <http://www.wikidata.org/entity/Q819> ;
    mk:mentionedIn article:a1 .

ministry:mtc a mk:Ministry ;
    rdfs:label "Ministry of Technology and Communications"@en ;
    skos:prefLabel "Ministry of Technology and Communications"@en ;
    mk:country country:laos ;
    mk:mentionedIn article:a1 .

company:metabank a mk:Company ;
    rdfs:label "MetaBank"@en ;
    mk:partner company:soramitsu ;
    mk:mentionedIn article:a1 .

company:soramitsu a mk:Company ;
    rdfs:label "Soramitsu"@en ;
    mk:mentionedIn article:a1 .

person:sonexay a mk:Person ;
    rdfs:label "Sonexay Siphandone"@en ;
    mk:title "Prime Minister"@en ;
    mk:mentionedIn article:a1 .

technology:blockchain a mk:Technology ;
    rdfs:label "blockchain"@en ;
    mk:mentionedIn article:a1 .

program:vision a mk:Program ;
    rdfs:label "Digital Economy Vision"@en ;
    mk:startYear "2021"^^xsd:gYear ;
    mk:endYear "2040"^^xsd:gYear ;
    mk:mentionedIn article:a1 .

event:ldw2025 a mk:Event ;
    rdfs:label "Laos Digital Week 2025"@en ;
    mk:date "2025-02"^^xsd:gYearMonth ;
    mk:organizer ministry:mtc ;
    mk:supporter person:sonexay ;
    mk:concerns technology:blockchain ;
    mk:mentionedIn article:a1 .

agreement:mou a mk:Agreement ;
    rdfs:label "MoU between MTC and MetaBank"@en ;
    mk:date "2025"^^xsd:gYear ;
    mk:party ministry:mtc , company:metabank ;
    mk:mentionedIn article:a1 .

evidence:country a rdf:Statement , mk:Evidence ;
    rdf:subject ministry:mtc ; rdf:predicate mk:country ; rdf:object country:laos ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "The Lao Ministry of Technology and Communications hosted the week."@en ;
    mk:extractor "rule:country:en" ; mk:confidence "0.8"^^xsd:decimal .

evidence:organizer a rdf:Statement , mk:Evidence ;
    rdf:subject event:ldw2025 ; rdf:predicate mk:organizer ; rdf:object ministry:mtc ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "Laos Digital Week 2025 was organised by the Ministry of Technology and Communications."@en ;
    mk:extractor "rule:organizer:en" ; mk:confidence "0.9"^^xsd:decimal .

evidence:supporter a rdf:Statement , mk:Evidence ;
    rdf:subject event:ldw2025 ; rdf:predicate mk:supporter ; rdf:object person:sonexay ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "The week is supported by Prime Minister Sonexay Siphandone."@en ;
    mk:extractor "rule:supporter:en" ; mk:confidence "0.7"^^xsd:decimal .

evidence:concerns a rdf:Statement , mk:Evidence ;
    rdf:subject event:ldw2025 ; rdf:predicate mk:concerns ; rdf:object technology:blockchain ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "This year's theme is blockchain."@en ;
    mk:extractor "rule:concerns:en" ; mk:confidence "0.6"^^xsd:decimal .

evidence:party-mtc a rdf:Statement , mk:Evidence ;
    rdf:subject agreement:mou ; rdf:predicate mk:party ; rdf:object ministry:mtc ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "The ministry and MetaBank signed an MoU."@en ;
    mk:extractor "rule:agreement:en" ; mk:confidence "0.9"^^xsd:decimal .

evidence:party-metabank a rdf:Statement , mk:Evidence ;
    rdf:subject agreement:mou ; rdf:predicate mk:party ; rdf:object company:metabank ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "The ministry and MetaBank signed an MoU."@en ;
    mk:extractor "rule:agreement:en" ; mk:confidence "0.9"^^xsd:decimal .

# mk:partner is symmetric: evidence for soramitsu -> metabank supports metabank -> soramitsu.
evidence:partner a rdf:Statement , mk:Evidence ;
    rdf:subject company:soramitsu ; rdf:predicate mk:partner ; rdf:object company:metabank ;
    prov:wasDerivedFrom article:a1 ;
    mk:sentence "Soramitsu partners with MetaBank."@en , "Soramitsu hợp tác với MetaBank."@vi ;
    mk:extractor "rule:partner:en" ; mk:confidence "1.0"^^xsd:decimal .
"""

PREFIXES = """
PREFIX mk: <https://w3id.org/mekong-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX article: <https://w3id.org/mekong-kg/resource/article/>
PREFIX agreement: <https://w3id.org/mekong-kg/resource/agreement/>
PREFIX company: <https://w3id.org/mekong-kg/resource/company/>
PREFIX country: <https://w3id.org/mekong-kg/resource/country/>
PREFIX event: <https://w3id.org/mekong-kg/resource/event/>
PREFIX evidence: <https://w3id.org/mekong-kg/resource/evidence/>
PREFIX ministry: <https://w3id.org/mekong-kg/resource/ministry/>
PREFIX person: <https://w3id.org/mekong-kg/resource/person/>
PREFIX program: <https://w3id.org/mekong-kg/resource/program/>
PREFIX technology: <https://w3id.org/mekong-kg/resource/technology/>
"""

#: (name, SPARQL Update that breaks the conformant graph, text the report must contain).
BROKEN_VARIANTS: list[tuple[str, str, str]] = [
    (
        "missing-label",
        "DELETE WHERE { company:soramitsu rdfs:label ?label }",
        "exactly one rdfs:label",
    ),
    (
        "two-labels",
        'INSERT DATA { company:soramitsu rdfs:label "Soramitsu Co., Ltd."@en }',
        "exactly one rdfs:label",
    ),
    (
        "two-preflabels-en",
        'INSERT DATA { country:laos skos:prefLabel "Lao PDR"@en }',
        "at most one skos:prefLabel per language",
    ),
    (
        "untagged-preflabel",
        'INSERT DATA { company:soramitsu skos:prefLabel "Soramitsu" }',
        "must be language-tagged",
    ),
    (
        "no-mention",
        "DELETE WHERE { technology:blockchain mk:mentionedIn ?article }",
        "mk:mentionedIn at least one mk:Article",
    ),
    (
        "sameas-not-wikidata",
        "INSERT DATA { company:metabank owl:sameAs <https://dbpedia.org/resource/MetaBank> }",
        "Wikidata item IRI",
    ),
    (
        "relation-without-evidence",
        "INSERT DATA { event:ldw2025 mk:participant company:metabank }",
        "has no evidence record",
    ),
    (
        "evidence-without-derivation",
        "DELETE WHERE { evidence:organizer prov:wasDerivedFrom ?article }",
        "exactly one prov:wasDerivedFrom",
    ),
    (
        "evidence-derived-from-non-article",
        "DELETE WHERE { evidence:organizer prov:wasDerivedFrom ?article } ;"
        " INSERT DATA { evidence:organizer prov:wasDerivedFrom <https://example.org/page> }",
        "the mk:Article it was read from",
    ),
    (
        "evidence-without-sentence",
        "DELETE WHERE { evidence:concerns mk:sentence ?sentence }",
        "was read from an article but has no mk:sentence",
    ),
    (
        "evidence-untagged-sentence",
        "DELETE WHERE { evidence:concerns mk:sentence ?sentence } ;"
        ' INSERT DATA { evidence:concerns mk:sentence "This year\'s theme is blockchain." }',
        "mk:sentence is a language-tagged literal",
    ),
    (
        "evidence-two-extractors",
        'INSERT DATA { evidence:concerns mk:extractor "ner:en" }',
        "exactly one mk:extractor",
    ),
    (
        "evidence-not-a-statement",
        "DELETE DATA { evidence:concerns a rdf:Statement }",
        "typed rdf:Statement",
    ),
    (
        "confidence-above-one",
        "DELETE WHERE { evidence:organizer mk:confidence ?c } ;"
        ' INSERT DATA { evidence:organizer mk:confidence "1.5"^^xsd:decimal }',
        "an xsd:decimal between 0 and 1",
    ),
    (
        "confidence-not-decimal",
        'DELETE WHERE { evidence:organizer mk:confidence ?c } ; INSERT DATA { evidence:organizer mk:confidence "high" }',
        "an xsd:decimal between 0 and 1",
    ),
    (
        "agreement-with-one-party",
        "DELETE WHERE { agreement:mou mk:party company:metabank }",
        "at least two mk:party values",
    ),
    (
        "ministry-and-company",
        "INSERT DATA { ministry:mtc a mk:Company }",
        "must have exactly one contract class",
    ),
    (
        "superclass-asserted",
        "INSERT DATA { ministry:mtc a mk:PublicBody }",
        "Most specific type wins",
    ),
    (
        "organizer-is-a-person",
        "INSERT DATA { event:ldw2025 mk:organizer person:sonexay }",
        "mk:organizer must point to an mk:Organization",
    ),
    (
        "supporter-is-a-technology",
        "INSERT DATA { event:ldw2025 mk:supporter technology:blockchain }",
        "mk:supporter must point to an mk:Organization (or a subclass) or an mk:Person",
    ),
    (
        "organizer-on-a-program",
        "INSERT DATA { program:vision mk:organizer ministry:mtc }",
        "The subject of mk:organizer must be an mk:Event",
    ),
    (
        "untagged-title",
        'INSERT DATA { person:sonexay mk:title "Prime Minister" }',
        "mk:title of a person must be a language-tagged literal",
    ),
    (
        "start-year-as-integer",
        "DELETE WHERE { program:vision mk:startYear ?y } ; INSERT DATA { program:vision mk:startYear 2021 }",
        "mk:startYear, an xsd:gYear",
    ),
    (
        "date-as-string",
        'DELETE WHERE { event:ldw2025 mk:date ?d } ; INSERT DATA { event:ldw2025 mk:date "February 2025" }',
        "mk:date must be an xsd:date",
    ),
    (
        "article-without-source",
        "DELETE WHERE { article:a1 dcterms:source ?s }",
        "must have a dcterms:source",
    ),
    (
        "article-without-title",
        "DELETE WHERE { article:a1 dcterms:title ?t }",
        "must have a dcterms:title",
    ),
    (
        "article-without-language",
        "DELETE WHERE { article:a1 dcterms:language ?l }",
        "exactly one dcterms:language",
    ),
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """The ontology parsed by rdflib."""
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """The SHACL shapes parsed by rdflib."""
    return Graph().parse(SHAPES, format="turtle")


def conformant_graph() -> Graph:
    """Return a fresh copy of the hand-written conformant graph."""
    return Graph().parse(data=CONFORMANT_TTL, format="turtle")


def validate(data: Graph, shapes: Graph, ontology: Graph | None = None) -> tuple[bool, str]:
    """Validate ``data`` as the README says to; return (conforms, report text)."""
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=False
    )
    return bool(conforms), str(text)


def mk_terms(graph: Graph) -> set[str]:
    """Return the local names of the mk: classes and properties declared in ``graph``."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
    return {
        str(term)[len(MK_IRI) :]
        for kind in kinds
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and str(term).startswith(MK_IRI)
    }


def class_names(graph: Graph, node: URIRef) -> set[str]:
    """Return the mk: local names a domain or range denotes, resolving an owl:unionOf."""
    members = graph.value(node, OWL.unionOf)
    nodes = list(Collection(graph, members)) if members is not None else [node]
    return {str(n)[len(MK_IRI) :] for n in nodes}


def datatypes(graph: Graph, node: URIRef) -> set[URIRef]:
    """Return the datatypes a range denotes, resolving an owl:unionOf."""
    members = graph.value(node, OWL.unionOf)
    return set(Collection(graph, members)) if members is not None else {node}


# --- parsing ---------------------------------------------------------------------------------


def _count_rdflib(path: Path) -> int:
    """Count the triples rdflib reads from ``path``."""
    return len(Graph().parse(path, format="turtle"))


def _count_oxigraph_parse(path: Path) -> int:
    """Count the triples ``pyoxigraph.parse`` reads from ``path``."""
    return sum(1 for _ in pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE))


def _count_oxigraph_store(path: Path) -> int:
    """Count the quads a pyoxigraph ``Store`` holds after loading ``path``."""
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    return len(store)


@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES], ids=["ontology", "shapes"])
@pytest.mark.parametrize(
    "parse",
    [_count_rdflib, _count_oxigraph_parse, _count_oxigraph_store],
    ids=["rdflib", "oxigraph-parse", "oxigraph-store"],
)
def test_ontology_parses_with_every_parser(path: Path, parse: Callable[[Path], int]) -> None:
    """rdflib and pyoxigraph both read the files, and read the same number of triples."""
    assert parse(path) == _count_rdflib(path) > 0


@pytest.mark.parametrize("header", [OWL.versionInfo, URIRef("http://purl.org/dc/terms/title")])
def test_ontology_has_header(ontology: Graph, header: URIRef) -> None:
    """The ontology IRI is declared, with a version and a title."""
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, header) is not None


# --- the closed namespace still matches --------------------------------------------------------


@pytest.mark.parametrize("name", sorted(MK.__annotations__))
def test_ontology_declares_every_vocab_term(ontology: Graph, name: str) -> None:
    """Every term of kg.vocab.MK is declared in the ontology."""
    assert name in mk_terms(ontology), f"mk:{name} is in kg/vocab.py but not declared in {ONTOLOGY.name}"


@pytest.mark.parametrize("direction", ["ontology-to-vocab"])
def test_ontology_declares_no_term_missing_from_vocab(ontology: Graph, direction: str) -> None:
    """Every mk: term the ontology declares is in kg.vocab.MK, and every mk: IRI it uses is declared."""
    declared = mk_terms(ontology)
    assert declared - set(MK.__annotations__) == set()
    used = {
        str(term)[len(MK_IRI) :]
        for triple in ontology
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(MK_IRI)
    }
    assert used - declared == set()


@pytest.mark.parametrize("name", sorted(MK.__annotations__))
def test_ontology_term_has_english_label_and_comment(ontology: Graph, name: str) -> None:
    """Every class and property has an rdfs:label@en and an rdfs:comment@en."""
    term = MK[name]
    assert any(label.language == "en" for label in ontology.objects(term, RDFS.label))
    assert any(comment.language == "en" for comment in ontology.objects(term, RDFS.comment))
    assert len([label for label in ontology.objects(term, RDFS.label) if label.language == "en"]) == 1


# --- the contract's axioms ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "parent"), SUBCLASS_AXIOMS, ids=[name for name, _ in SUBCLASS_AXIOMS])
def test_ontology_subclass_axiom(ontology: Graph, name: str, parent: URIRef) -> None:
    """Each class is declared, with exactly the contract's superclass."""
    assert (MK[name], RDF.type, OWL.Class) in ontology
    assert set(ontology.objects(MK[name], RDFS.subClassOf)) == {parent}


@pytest.mark.parametrize("name", ENTITY_CLASSES)
def test_ontology_entity_classes_agree_with_records(name: str, ontology: Graph) -> None:
    """kg.records' entity classes and class parents agree with the ontology."""
    parents = set(ontology.objects(MK[name], RDFS.subClassOf))
    if name in CLASS_PARENT:
        assert parents == {MK[CLASS_PARENT[name]]}
    else:
        assert all(not str(parent).startswith(MK_IRI) for parent in parents)


@pytest.mark.parametrize(("name", "domain", "range_"), DOMAIN_RANGE, ids=[name for name, *_ in DOMAIN_RANGE])
def test_ontology_object_property_domain_and_range(ontology: Graph, name: str, domain: set[str], range_: set[str]) -> None:
    """Each property between entities is an owl:ObjectProperty with the contract's from -> to classes."""
    prop = MK[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology
    assert class_names(ontology, ontology.value(prop, RDFS.domain)) == domain
    assert class_names(ontology, ontology.value(prop, RDFS.range)) == range_


@pytest.mark.parametrize(("name", "expected"), DATATYPE_PROPERTIES, ids=[name for name, _ in DATATYPE_PROPERTIES])
def test_ontology_datatype_property_range(ontology: Graph, name: str, expected: set[URIRef]) -> None:
    """Each literal property is an owl:DatatypeProperty with the contract's datatype(s)."""
    prop = MK[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in ontology
    assert datatypes(ontology, ontology.value(prop, RDFS.range)) == expected


@pytest.mark.parametrize("name", RELATION_PROPERTIES)
def test_ontology_symmetric_properties(ontology: Graph, name: str) -> None:
    """Exactly mk:partner and mk:cooperatesWith are owl:SymmetricProperty."""
    assert ((MK[name], RDF.type, OWL.SymmetricProperty) in ontology) == (name in SYMMETRIC_PROPERTIES)


@pytest.mark.parametrize("parent", [ORG.subOrganizationOf])
def test_ontology_suborganizationof_is_subproperty(ontology: Graph, parent: URIRef) -> None:
    """mk:subOrganizationOf specialises org:subOrganizationOf."""
    assert (MK.subOrganizationOf, RDFS.subPropertyOf, parent) in ontology


# --- SHACL shapes -----------------------------------------------------------------------------


@pytest.mark.parametrize("with_ontology", [False, True], ids=["shapes-only", "ontology-mixed-in"])
def test_shapes_conformant_graph_conforms(shapes: Graph, ontology: Graph, with_ontology: bool) -> None:
    """The hand-written contract graph conforms, with or without the ontology mixed in."""
    conforms, text = validate(conformant_graph(), shapes, ontology if with_ontology else None)
    assert conforms, text


@pytest.mark.parametrize(("name", "update", "expected"), BROKEN_VARIANTS, ids=[name for name, *_ in BROKEN_VARIANTS])
def test_shapes_broken_graph_does_not_conform(shapes: Graph, name: str, update: str, expected: str) -> None:
    """Each way of breaking the contract is reported, and the report names the problem."""
    data = conformant_graph()
    before = set(data)
    data.update(PREFIXES + update)
    assert set(data) != before, f"the {name} update changed nothing"
    conforms, text = validate(data, shapes)
    assert not conforms
    assert expected in text, text


def _entity(key: str, cls: str, label: str, **attrs: object) -> Entity:
    """Return an entity with an English label, mentioned once in article ``a1``."""
    entity = Entity(key=key, cls=cls, label=label, attrs=dict(attrs))
    entity.add_label("en", label)
    entity.mentions.append(
        Mention(article_id="a1", text=label, start=0, end=len(label), cls=cls, lang="en", extractor="gazetteer")
    )
    return entity


@pytest.mark.parametrize("confidence", [0.9, 1.0])
def test_shapes_builder_graph_conforms(shapes: Graph, confidence: float) -> None:
    """A graph written by kg.graph.builder from pipeline records conforms to the shapes."""
    article = Article(id="a1", text="...", lang="en", title="T", date="2025-02-26", source="a1.html", publisher="VT")
    entities = [
        _entity("event/ldw2025", "Event", "Laos Digital Week 2025", date="2025-02"),
        _entity("ministry/mtc", "Ministry", "Ministry of Technology and Communications"),
        _entity("company/metabank", "Company", "MetaBank"),
        _entity("person/sonexay", "Person", "Sonexay Siphandone", title={"en": {"Prime Minister"}}),
        _entity("program/vision", "Program", "Digital Economy Vision", startYear=2021, endYear="2040"),
        _entity("agreement/mou", "Agreement", "MoU"),
    ]
    evidence = Evidence(article_id="a1", sentence="A sentence.", lang="en", extractor="rule", confidence=confidence)
    relations = [
        Relation("event/ldw2025", "organizer", "ministry/mtc", evidence),
        Relation("event/ldw2025", "chair", "person/sonexay", evidence),
        Relation("agreement/mou", "party", "ministry/mtc", evidence),
        Relation("agreement/mou", "party", "company/metabank", evidence),
        Relation("company/metabank", "partner", "ministry/mtc", evidence),
        Relation("ministry/mtc", "implements", "program/vision", evidence),
    ]
    conforms, text = validate(build_graph([article], entities, relations), shapes)
    assert conforms, text


@pytest.mark.parametrize("with_ontology", [False, True], ids=["shapes-only", "ontology-mixed-in"])
def test_shapes_relation_evidence_needs_derivation(shapes: Graph, ontology: Graph, with_ontology: bool) -> None:
    """A relation whose only evidence record lacks prov:wasDerivedFrom counts as unsupported."""
    data = conformant_graph()
    data.remove((None, PROV.wasDerivedFrom, None))
    conforms, text = validate(data, shapes, ontology if with_ontology else None)
    assert not conforms
    assert "has no evidence record" in text


@pytest.mark.parametrize("name", ENTITY_CLASSES)
def test_shapes_entity_shape_targets_every_entity_class(shapes: Graph, name: str) -> None:
    """Every contract entity class is a target of the entity shape, and a bare node of it fails."""
    entity_shape = URIRef("https://w3id.org/mekong-kg/shapes#EntityShape")
    assert (entity_shape, SH.targetClass, MK[name]) in shapes
    data = Graph()
    data.add((URIRef("https://w3id.org/mekong-kg/resource/test/bare"), RDF.type, MK[name]))
    conforms, text = validate(data, shapes)
    assert not conforms
    assert "exactly one rdfs:label" in text


@pytest.mark.parametrize("name", RELATION_PROPERTIES)
def test_shapes_every_relation_property_needs_evidence(shapes: Graph, name: str) -> None:
    """The evidence constraint covers each of the contract's relation properties."""
    evidence_shape = URIRef("https://w3id.org/mekong-kg/shapes#RelationEvidenceShape")
    assert (evidence_shape, SH.targetSubjectsOf, MK[name]) in shapes
    select = " ".join(str(q) for q in shapes.objects(None, SH.select) if "has no evidence" not in str(q))
    assert f"mk:{name}," in select or f"mk:{name})" in select


# --- the example query -----------------------------------------------------------------------


def _rows_rdflib(query: str) -> list[tuple[str, ...]]:
    """Run ``query`` on the conformant graph with rdflib."""
    result = conformant_graph().query(query)
    return [tuple(str(row[var]) for var in ("event", "organizer", "article", "sentence", "extractor")) for row in result]


def _rows_oxigraph(query: str) -> list[tuple[str, ...]]:
    """Run ``query`` on the conformant graph loaded into a pyoxigraph store."""
    store = pyoxigraph.Store()
    store.load(CONFORMANT_TTL.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    return [
        tuple(row[var].value for var in ("event", "organizer", "article", "sentence", "extractor")) for row in store.query(query)
    ]


@pytest.mark.parametrize("run", [_rows_rdflib, _rows_oxigraph], ids=["rdflib", "oxigraph"])
def test_query_evidence_of_a_fact_lists_evidence(run: Callable[[str], list[tuple[str, ...]]]) -> None:
    """The example query returns the article, sentence and extractor behind "who organised the event"."""
    resource = "https://w3id.org/mekong-kg/resource/"
    assert run(EVIDENCE_QUERY.read_text(encoding="utf-8")) == [
        (
            f"{resource}event/ldw2025",
            f"{resource}ministry/mtc",
            f"{resource}article/a1",
            "Laos Digital Week 2025 was organised by the Ministry of Technology and Communications.",
            "rule:organizer:en",
        )
    ]


@pytest.mark.parametrize("expected", [Decimal("0.9")])
def test_query_evidence_of_a_fact_returns_decimal_confidence(expected: Decimal) -> None:
    """The confidence comes back as an xsd:decimal."""
    rows = list(conformant_graph().query(EVIDENCE_QUERY.read_text(encoding="utf-8")))
    assert [row["confidence"] for row in rows] == [Literal(expected)]


@pytest.mark.parametrize("readme", [REPO / "ontology" / "README.md"])
def test_ontology_readme_example_conforms(shapes: Graph, readme: Path) -> None:
    """The Turtle example in the ontology README is valid and conforms to the shapes."""
    snippet = re.search(r"```turtle\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert snippet is not None
    conforms, text = validate(Graph().parse(data=snippet.group(1), format="turtle"), shapes)
    assert conforms, text
