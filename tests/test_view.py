"""Tests of kg.view: the self-contained interactive HTML page (no browser needed)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.errors import UsageError
from kg.graph import build_graph
from kg.records import ENTITY_CLASSES, Article, Entity, Evidence, Mention, Relation
from kg.view import write_html
from kg.view.html import script_json
from kg.view.layout import fast_layout
from kg.vocab import MK

HOSTILE = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=1>",
    '"onmouseover=alert(1) x="',
    "</script><script>window.__pwned=1</script><!--",
]


def _entity(key: str, cls: str, label: str, articles: list[str], wikidata: str | None = None, **labels: list[str]) -> Entity:
    entity = Entity(key=key, cls=cls, label=label, wikidata=wikidata)
    entity.add_label("en", label)
    for lang, forms in labels.items():
        for form in forms:
            entity.add_label(lang, form)
    entity.mentions = [Mention(a, label, 0, len(label), cls, "en", "test") for a in articles]
    return entity


def _rel(s: str, p: str, o: str, article: str, sentence: str, lang: str = "en") -> Relation:
    return Relation(s, p, o, Evidence(article, sentence, lang, "test", 0.9))


def sample_graph(hostile: bool = False) -> Graph:
    """A small contract graph with every entity class, three languages and evidence.

    With ``hostile`` every article title, one label per entity and every
    evidence sentence carries markup that would run script if inserted as HTML.
    """
    bad = (lambda i: HOSTILE[i % len(HOSTILE)]) if hostile else (lambda i: "")
    articles = [
        Article("000_en", "…", "en", title="Lao Govt Keen on Blockchain" + bad(0), date="2025-05-20"),
        Article("001_vi", "…", "vi", title="Việt Nam và Lào hợp tác số" + bad(1)),
        Article("002_th", "…", "th", title="ลาวเปิดตัว DLak" + bad(2)),
    ]
    entities = [
        _entity("country/laos", "Country", "Laos", ["000_en", "001_vi"], "Q819", vi=["Lào"], th=["ลาว"], lo=["ລາວ"]),
        _entity("country/vietnam", "Country", "Vietnam", ["001_vi"], "Q881", vi=["Việt Nam"], th=["เวียดนาม"]),
        _entity("place/vientiane", "Place", "Vientiane", ["000_en"], "Q9326", vi=["Viêng Chăn"]),
        _entity("organization/asean", "Organization", "ASEAN", ["001_vi"], "Q7768"),
        _entity("publicbody/bank-of-lao-pdr", "PublicBody", "Bank of the Lao PDR", ["000_en"]),
        _entity("government/laos", "Government", "Government of Laos", ["000_en"], vi=["Chính phủ Lào"]),
        _entity("ministry/mtc-laos", "Ministry", "Ministry of Technology and Communications", ["000_en", "002_th"]),
        _entity("company/metabank", "Company", "MetaBank", ["000_en"], vi=["MetaBank Singapore"]),
        _entity("person/sonexay-siphandone", "Person", "Sonexay Siphandone", ["000_en"], "Q7561312", th=["สอนไซ สีพันดอน"]),
        _entity("program/digital-vision", "Program", "National Digital Economy Vision", ["000_en"]),
        _entity("event/laos-digital-week-2025", "Event", "Laos Digital Week 2025", ["000_en", "002_th"]),
        _entity("technology/blockchain", "Technology", "blockchain", ["000_en", "001_vi"], "Q20514253", vi=["chuỗi khối"]),
        _entity("agreement/mou-metabank-mtc", "Agreement", "MoU between MetaBank and MTC", ["000_en"]),
        _entity("product/dlak", "Product", "DLak", ["002_th"]),
    ]
    if hostile:
        for i, entity in enumerate(entities):
            entity.add_label("en", f"{entity.label} {bad(i)}")
            entity.label = f"{entity.label} {bad(i + 1)}"
            entity.add_label("en", entity.label)
    s = lambda text, i=0: text + bad(i)  # noqa: E731
    relations = [
        _rel("ministry/mtc-laos", "country", "country/laos", "000_en", s("The Lao Ministry of Technology…", 0)),
        _rel("ministry/mtc-laos", "subOrganizationOf", "government/laos", "000_en", s("…a ministry of the government.", 1)),
        _rel("government/laos", "country", "country/laos", "000_en", s("The Government of Laos…", 2)),
        _rel("company/metabank", "partner", "ministry/mtc-laos", "000_en", s("MetaBank will work with the ministry.", 3)),
        _rel("person/sonexay-siphandone", "holdsPositionIn", "government/laos", "000_en", s("Prime Minister Sonexay…", 0)),
        _rel("event/laos-digital-week-2025", "organizer", "ministry/mtc-laos", "002_th", s("กระทรวงเทคโนโลยี…", 1), "th"),
        _rel("event/laos-digital-week-2025", "location", "place/vientiane", "000_en", s("…held in Vientiane.", 2)),
        _rel("event/laos-digital-week-2025", "chair", "person/sonexay-siphandone", "000_en", s("…chaired by the PM.", 3)),
        _rel("event/laos-digital-week-2025", "country", "country/laos", "000_en", s("Laos Digital Week…", 0)),
        _rel("agreement/mou-metabank-mtc", "party", "company/metabank", "000_en", s("MetaBank signed an MoU…", 1)),
        _rel("agreement/mou-metabank-mtc", "party", "ministry/mtc-laos", "000_en", s("…with the ministry.", 2)),
        _rel("agreement/mou-metabank-mtc", "signedAt", "event/laos-digital-week-2025", "000_en", s("…signed at LDW.", 3)),
        _rel("agreement/mou-metabank-mtc", "concerns", "technology/blockchain", "000_en", s("…on blockchain.", 0)),
        _rel("program/digital-vision", "issuedBy", "government/laos", "000_en", s("The government adopted…", 1)),
        _rel("ministry/mtc-laos", "implements", "program/digital-vision", "000_en", s("The ministry carries out…", 2)),
        _rel("product/dlak", "developedBy", "company/metabank", "002_th", s("DLak พัฒนาโดย MetaBank", 3), "th"),
        _rel("country/laos", "cooperatesWith", "country/vietnam", "001_vi", s("Việt Nam và Lào hợp tác…", 0), "vi"),
        _rel("country/vietnam", "cooperatesWith", "country/laos", "001_vi", s("Lào và Việt Nam…", 1), "vi"),
        _rel("publicbody/bank-of-lao-pdr", "country", "country/laos", "000_en", s("The Bank of the Lao PDR…", 2)),
        _rel("organization/asean", "concerns", "technology/blockchain", "001_vi", s("ASEAN bàn về chuỗi khối", 3), "vi"),
    ]
    return build_graph(articles, entities, relations)


def contract_entities(graph: Graph) -> set[str]:
    """The nodes typed with one of the 13 contract entity classes."""
    return {str(s) for cls in ENTITY_CLASSES for s in graph.subjects(RDF.type, MK[cls])}


def embedded_data(page: str) -> dict:
    """The JSON the page embeds for its script (what ``window.kgData`` becomes)."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no kg-data block"
    return json.loads(match.group(1))


class _Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, str]:
    graph = sample_graph()
    path = tmp_path_factory.mktemp("view") / "graph.html"
    write_html(graph, path)
    return graph, path.read_text(encoding="utf-8")


def test_view_no_remote_resources(sample_page: tuple[Graph, str]) -> None:
    _, page = sample_page
    parsed = _parse(page)
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "srcset", "data", "poster", "background"):
            value = attrs.get(name)
            assert not (value and remote.match(value)), f"<{tag} {name}={value}> loads from the network"
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts and all("src" not in attrs for attrs in scripts), "every script must be inline"
    assert not [attrs for tag, attrs in parsed.tags if tag == "link"], "no <link>: styles are inline"
    for css in parsed.styles:
        assert not re.search(r"@import|url\(\s*['\"]?\s*(https?:)?//", css, re.I), "a stylesheet loads from the network"
    for host in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "fonts.googleapis.com"):
        assert host not in page


@pytest.mark.parametrize("label", HOSTILE)
def test_view_hostile_text_is_inert(tmp_path: Path, label: str) -> None:
    page_path = tmp_path / "graph.html"
    write_html(sample_graph(hostile=True), page_path, title=f"Graph {label}")
    page = page_path.read_text(encoding="utf-8")
    parsed = _parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert "img" not in tags
    assert tags.count("script") == 3, "only the data block, vis-network and the view script"
    assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert label not in page, "hostile text must not appear verbatim"
    data = embedded_data(page)
    labels = {text for n in data["nodes"] for forms in n["labels"].values() for text in forms}
    assert any(label in text for text in labels), "the label survives as data, unchanged"
    assert data["title"] == f"Graph {label}"


def test_view_node_count_matches_contract_entities(sample_page: tuple[Graph, str]) -> None:
    graph, page = sample_page
    data = embedded_data(page)
    entities = contract_entities(graph)
    assert len(entities) == 14
    assert {n["id"] for n in data["nodes"]} == entities
    assert {n["id"] for n in data["vis"]["nodes"]} == entities
    assert len(data["edges"]) == len(data["vis"]["edges"])


def test_view_data_has_labels_articles_and_evidence(sample_page: tuple[Graph, str]) -> None:
    _, page = sample_page
    data = embedded_data(page)
    laos = next(n for n in data["nodes"] if n["label"] == "Laos")
    assert laos["cls"] == "Country" and laos["wikidata"] == "Q819"
    assert laos["pref"]["vi"] == "Lào" and laos["labels"]["th"] == ["ลาว"]
    assert data["articles"]["001_vi"] == {"title": "Việt Nam và Lào hợp tác số", "lang": "vi", "date": None}
    assert data["articles"]["000_en"]["date"] == "2025-05-20"
    ministry = next(n for n in data["nodes"] if n["cls"] == "Ministry")
    assert ministry["country"] == laos["id"]
    organizer = next(e for e in data["edges"] if e["property"] == "organizer")
    assert organizer["evidence"][0]["article"] == "002_th"
    assert organizer["evidence"][0]["sentence"].startswith("กระทรวง")
    # a symmetric relation stated both ways is drawn once, with both evidence records
    cooperation = [e for e in data["edges"] if e["property"] == "cooperatesWith"]
    assert len(cooperation) == 1 and len(cooperation[0]["evidence"]) == 2
    vis_edges = {e["id"]: e for e in data["vis"]["edges"]}
    assert vis_edges[organizer["id"]]["arrows"] == "to" and vis_edges[organizer["id"]]["label"] == "organizer"
    assert vis_edges[cooperation[0]["id"]]["arrows"] == ""
    assert [c["name"] for c in data["classes"]] == list(ENTITY_CLASSES)
    assert {"en", "vi", "th"} <= set(data["languages"])


@pytest.mark.parametrize("lang,expected", [("en", "Laos"), ("vi", "Lào"), ("th", "ลาว"), ("km", "Laos")])
def test_view_initial_label_language(tmp_path: Path, lang: str, expected: str) -> None:
    graph = sample_graph()
    write_html(graph, tmp_path / "graph.html", lang=lang)
    data = embedded_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    laos = next(n for n in data["nodes"] if n["label"] == "Laos")
    assert next(v for v in data["vis"]["nodes"] if v["id"] == laos["id"])["label"] == expected


@pytest.mark.parametrize("lang", ["fr", "EN", ""])
def test_view_rejects_unknown_language(tmp_path: Path, lang: str) -> None:
    with pytest.raises(UsageError):
        write_html(sample_graph(), tmp_path / "graph.html", lang=lang)


@pytest.mark.parametrize("physics", [True])
def test_view_small_graph_uses_physics(sample_page: tuple[Graph, str], physics: bool) -> None:
    data = embedded_data(sample_page[1])
    assert data["vis"]["options"]["physics"]["enabled"] is physics
    assert all("x" not in n for n in data["vis"]["nodes"])


@pytest.mark.parametrize("n", [2500])
def test_view_large_graph_has_positions_and_no_physics(tmp_path: Path, n: int) -> None:
    entities = [_entity(f"technology/t{i}", "Technology", f"tech {i}", ["000_en"]) for i in range(n)]
    relations = [_rel(f"technology/t{i}", "partOf", f"technology/t{(i * 7 + 1) % n}", "000_en", "s") for i in range(n)]
    graph = build_graph([Article("000_en", "…", "en", title="t")], entities, relations)
    write_html(graph, tmp_path / "graph.html")
    data = embedded_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == n and data["large"] is True
    assert data["vis"]["options"]["physics"] == {"enabled": False}
    assert all(isinstance(v["x"], float) and isinstance(v["y"], float) for v in data["vis"]["nodes"])


def test_view_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    (tmp_path / "graph.html").write_text("old", encoding="utf-8")
    write_html(sample_graph(), tmp_path / "graph.html")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert (tmp_path / "graph.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("text", ["</script>", "<!--", "a & b", "\u2028"])
def test_view_script_json_cannot_close_the_element(text: str) -> None:
    encoded = script_json({"t": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_view_fast_layout_is_deterministic_and_spread() -> None:
    nodes = [f"n{i}" for i in range(300)]
    edges = [(f"n{i}", f"n{(i + 1) % 300}") for i in range(300)]
    first, second = fast_layout(nodes, edges), fast_layout(nodes, edges)
    assert first == second
    assert len(set(first.values())) == 300, "no two nodes on the same spot"


def test_view_generic_agreement_labels_name_the_parties() -> None:
    from kg.view.html import graph_data

    articles = [Article("000_vi", "…", "vi", title="Hợp tác"), Article("001_th", "…", "th", title="ความร่วมมือ")]
    agreement = _entity("agreement/korvel--tamsin", "Agreement", "Agreement between Korvel Bank and Tamsin Pay", ["000_vi"])
    agreement.add_label("vi", "hợp đồng")
    agreement.add_label("th", "บันทึกความเข้าใจ")
    entities = [
        agreement,
        _entity("company/korvel", "Company", "Korvel Bank", ["000_vi"], th=["ธนาคารคอร์เวล"]),
        _entity("company/tamsin", "Company", "Tamsin Pay", ["000_vi"]),
    ]
    relations = [
        _rel("agreement/korvel--tamsin", "party", "company/korvel", "000_vi", "Korvel Bank ký hợp đồng với Tamsin Pay.", "vi"),
        _rel("agreement/korvel--tamsin", "party", "company/tamsin", "001_th", "บันทึกความเข้าใจ Korvel Tamsin", "th"),
    ]
    data = graph_data(build_graph(articles, entities, relations))
    node = next(n for n in data["nodes"] if n["cls"] == "Agreement")
    assert node["pref"]["vi"] == "hợp đồng (Korvel Bank – Tamsin Pay)"
    assert node["pref"]["th"] == "บันทึกความเข้าใจ (ธนาคารคอร์เวล – Tamsin Pay)"
    assert node["pref"]["en"] == "Agreement between Korvel Bank and Tamsin Pay"  # already names them
    assert "hợp đồng" in node["labels"]["vi"]  # the graph's own labels are kept
