"""The graph page in a real (headless) chromium, driven by Playwright, with no network."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal
from rdflib.namespace import SKOS
from test_view import HOSTILE, contract_entities, sample_graph

from kg.view import write_html

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass
class Opened:
    """A page opened from disk, with everything it tried to fetch and every error it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.requests == [], f"the page tried to reach the network: {self.requests}"
        assert self.errors == [], f"the page logged errors: {self.errors}"


@pytest.fixture(scope="module")
def browser(in_ci: bool) -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (make test installs it)"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: object) -> Iterator:
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(route: object) -> None:
            url = route.request.url
            if url.startswith("file://"):
                route.continue_()
            else:
                opened.requests.append(url)
                route.abort()

        context.route("**/*", route)
        page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.goto(path.resolve().as_uri())
        # a function, not an expression: the page's CSP forbids Playwright's eval of strings
        page.wait_for_function("() => window.kgReady === true", timeout=60_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def graph_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding graph.ttl and graph.html of the bundled corpus.

    ``kg build`` writes them once its command exists; until then the page of
    the small sample graph of test_view stands in.
    """
    if importlib.util.find_spec("kg.cli.build") is not None:
        return request.getfixturevalue("built_corpus")
    out = tmp_path_factory.mktemp("sample")
    graph = sample_graph()
    graph.serialize(out / "graph.ttl", format="turtle")
    write_html(graph, out / "graph.html")
    return out


def _entity_with_label(graph: Graph, text: str) -> str:
    for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for s, o in graph.subject_objects(prop):
            if isinstance(o, Literal) and str(o).casefold() == text.casefold() and str(s) in contract_entities(graph):
                return str(s)
    raise AssertionError(f"no entity labelled {text!r}")


def _click_node(opened: Opened, node_id: str) -> None:
    page = opened.page
    page.wait_for_timeout(700)  # let a focus animation finish
    page.evaluate("network.fit()")  # a search may have zoomed in on another node
    point = page.evaluate("(id) => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    box = page.locator("#kg-network").bounding_box()
    assert 0 <= point["x"] <= box["width"] and 0 <= point["y"] <= box["height"], "node outside the canvas"
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_view_browser_corpus_page(graph_dir: Path, open_page) -> None:
    graph = Graph().parse(graph_dir / "graph.ttl")
    entities = contract_entities(graph)
    opened = open_page(graph_dir / "graph.html")
    page = opened.page

    assert page.evaluate("window.network.body.data.nodes.length") == len(entities)
    assert page.evaluate("window.kgData.nodes.length") == len(entities)

    metabank = _entity_with_label(graph, "MetaBank")
    page.fill("#kg-search", "MetaBank")
    assert metabank in page.evaluate("network.getSelectedNodes()")
    assert page.locator("#kg-details-title").inner_text() != ""

    # click the most important node and read its labels in the panel
    target = page.evaluate("kgData.nodes.slice().sort((a, b) => b.importance - a.importance)[0].id")
    page.fill("#kg-search", "")
    _click_node(opened, target)
    assert page.evaluate("network.getSelectedNodes()") == [target]
    labels = page.evaluate("(id) => Object.values(kgData.nodes.find(n => n.id === id).labels).flat()", target)
    panel = page.locator("#kg-details-labels").inner_text()
    assert labels and all(label in panel for label in labels)
    assert page.locator("#kg-details-class").inner_text() == page.evaluate(
        "(id) => kgData.nodes.find(n => n.id === id).cls", target
    )

    page.evaluate("network.fit()")
    page.wait_for_timeout(300)
    (REPO / "build").mkdir(exist_ok=True)
    page.screenshot(path=str(REPO / "build" / "graph.png"))
    opened.assert_clean()


def test_view_browser_language_switch_and_filters(tmp_path: Path, open_page) -> None:
    graph = sample_graph()
    write_html(graph, tmp_path / "graph.html")
    opened = open_page(tmp_path / "graph.html")
    page = opened.page
    laos = _entity_with_label(graph, "Laos")

    page.click('#kg-langs button[data-lang="vi"]')
    assert page.evaluate("(id) => network.body.data.nodes.get(id).label", laos) == "Lào"
    page.click('#kg-langs button[data-lang="th"]')
    assert page.evaluate("(id) => network.body.data.nodes.get(id).label", laos) == "ลาว"
    # no Thai label: the English rdfs:label stands in
    metabank = _entity_with_label(graph, "MetaBank")
    assert page.evaluate("(id) => network.body.data.nodes.get(id).label", metabank) == "MetaBank"

    # a Vietnamese label finds its entity whatever the case
    page.fill("#kg-search", "VIÊNG CHĂN")
    assert page.evaluate("network.getSelectedNodes()") == [_entity_with_label(graph, "Vientiane")]

    page.uncheck('#kg-legend input[data-class="Country"]')
    hidden = page.evaluate("network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id).sort()")
    assert hidden == sorted(n for n in contract_entities(graph) if "/country/" in n)
    page.check('#kg-legend input[data-class="Country"]')
    page.select_option("#kg-country", laos)
    shown = page.evaluate("network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    expected = page.evaluate("(c) => kgData.nodes.filter(n => n.country === c || n.id === c).map(n => n.id)", laos)
    assert sorted(shown) == sorted(expected) and laos in shown and len(shown) < len(contract_entities(graph))

    # the details panel: articles with language, relations with evidence
    page.select_option("#kg-country", "")
    page.evaluate("(id) => kgSelect(id)", _entity_with_label(graph, "Laos Digital Week 2025"))
    panel = page.locator("#kg-details").inner_text()
    assert "ลาวเปิดตัว DLak" in panel and "organizer" in panel and "กระทรวงเทคโนโลยี…" in panel
    opened.assert_clean()


def test_view_browser_hostile_text_does_not_run(tmp_path: Path, open_page) -> None:
    graph = sample_graph(hostile=True)
    write_html(graph, tmp_path / "graph.html", title=HOSTILE[0])
    opened = open_page(tmp_path / "graph.html")
    page = opened.page
    for node_id in sorted(contract_entities(graph))[:3]:
        _click_node(opened, node_id)
    page.evaluate("kgData.nodes.forEach(n => kgSelect(n.id)); kgData.edges.forEach(e => kgShow({edge: e.id}))")
    for text in HOSTILE:
        page.fill("#kg-search", text)
    for lang in ("vi", "th", "en"):
        page.click(f'#kg-langs button[data-lang="{lang}"]')
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.locator("#kg-title").inner_text() == HOSTILE[0]
    # the text is shown as text: the last edge's evidence sentence, markup and all
    panel = page.locator("#kg-details").inner_text()
    assert any(text in panel for text in HOSTILE)
    opened.assert_clean()
