"""Write a contract graph as one self-contained, interactive HTML page.

pyvis assembles the vis-network nodes, edges and options; the page itself is
kg's own template (``static/page.html``, ``view.css``, ``view.js``), because
pyvis's template loads Bootstrap from a CDN and inserts its heading and node
tooltips as raw HTML.  Here every text read from articles travels as JSON in a
``<script type="application/json">`` block and reaches the DOM only through
``textContent``; vis-network's own script and stylesheet, bundled with pyvis,
are inlined so that the page opens from disk with no network at all.  Thai, Lao
and Khmer text is drawn with subset Noto Sans fonts shipped in ``static/fonts``
and embedded as base64 ``@font-face`` rules, only for the scripts a page uses.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import json
import logging
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, SKOS

from kg.atomic import atomic_write_text
from kg.errors import UsageError
from kg.graph.networkx import to_networkx
from kg.records import ENTITY_CLASSES, LANGUAGES, SYMMETRIC_PROPERTIES
from kg.view.layout import fast_layout
from kg.vocab import MK

logger = logging.getLogger(__name__)

#: From this many nodes on, positions are computed in Python and physics is off.
LARGE_GRAPH = 2000

#: From this many nodes on, physics starts from precomputed positions and settles in a few steps.
MEDIUM_GRAPH = 500

#: Languages always offered by the switch; others appear when some label uses them.
SWITCH_LANGUAGES: tuple[str, ...] = ("en", "vi", "th")

#: One colour per contract class (colour-blind-friendly Tableau hues, related classes near each other).
CLASS_COLORS: dict[str, str] = {
    "Country": "#4e79a7",
    "Place": "#a0cbe8",
    "Organization": "#f28e2b",
    "PublicBody": "#ffbe7d",
    "Government": "#e15759",
    "Ministry": "#ff9d9a",
    "Company": "#59a14f",
    "Person": "#b07aa1",
    "Program": "#edc948",
    "Event": "#76b7b2",
    "Technology": "#9c755f",
    "Agreement": "#d37295",
    "Product": "#8cd17d",
}

_WIKIDATA = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[0-9]+)$")
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
_VIS_DIR = ("lib", "vis-9.1.2")


#: Web fonts shipped in ``static/fonts`` (subsets of Noto Sans, SIL OFL 1.1; see the README there):
#: family, file, a pattern of the script's characters and the CSS ``unicode-range`` the face is used for.
WEB_FONTS: tuple[tuple[str, str, re.Pattern[str], str], ...] = (
    ("Noto Sans Thai", "NotoSansThai-Regular.subset.woff2", re.compile("[\u0e00-\u0e7f]"), "U+0E00-0E7F"),
    ("Noto Sans Lao", "NotoSansLao-Regular.subset.woff2", re.compile("[\u0e80-\u0eff]"), "U+0E80-0EFF"),
    (
        "Noto Sans Khmer",
        "NotoSansKhmer-Regular.subset.woff2",
        re.compile("[\u1780-\u17ff\u19e0-\u19ff]"),
        "U+1780-17FF, U+19E0-19FF",
    ),
)

#: Characters the scripts' shaping uses besides their own blocks (zero-width space and joiners, dotted circle).
_SHAPING_RANGE = "U+200B-200D, U+2060, U+25CC"

#: The start of every font stack of the page: the embedded fonts first (each covers only its script).
FONT_STACK = (
    "'Noto Sans Thai', 'Noto Sans Lao', 'Noto Sans Khmer', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
)


def write_html(
    graph: Graph,
    path: Path,
    *,
    lang: str = "en",
    title: str = "Mekong digital-economy knowledge graph",
) -> None:
    """Write ``graph`` as an interactive page that opens from disk without a network.

    Nodes are the contract entities, coloured by class and sized by PageRank;
    edges are the contract relations, labelled by property.  The page has a
    legend that filters by class, a country filter, a search over every label
    in every language, a label-language switch and a details panel with the
    evidence of each relation.  ``window.network`` is the vis-network
    ``Network`` and ``window.kgData`` the embedded data.

    Args:
        graph: A graph following the contract.
        path: The HTML file to write (atomically).
        lang: Language of the labels shown first (``en``, ``vi``, ``th``, ``lo``, ``km``).
        title: Page title.

    Raises:
        UsageError: When ``lang`` is not one of kg's languages.
    """
    if lang not in LANGUAGES:
        raise UsageError(f"label language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    data = graph_data(graph, lang=lang, title=title)
    page = render_page(data, title=title, lang=lang)
    atomic_write_text(path, page)
    logger.info("wrote %s (%d nodes, %d edges)", path, len(data["nodes"]), len(data["edges"]))


def graph_data(graph: Graph, *, lang: str = "en", title: str = "") -> dict[str, Any]:
    """Return everything the page shows, as JSON-ready data.

    Args:
        graph: A graph following the contract.
        lang: Language of the labels drawn on the canvas at first.
        title: Page title.

    Returns:
        A dict with ``nodes`` and ``edges`` (the entities and relations with
        their labels, articles and evidence), ``articles`` (id -> title,
        language, date), ``classes``, ``countries``, ``languages`` and ``vis``
        (the vis-network nodes, edges and options made by pyvis).
    """
    from pyvis.edge import Edge
    from pyvis.network import Network

    g = to_networkx(graph)
    articles = _articles(graph)
    preferred = _name_agreements(g, _preferred_labels(graph, g))
    node_ids = sorted(g.nodes)
    importance = _importance(g)
    top = max(importance.values(), default=1.0) or 1.0
    large = len(node_ids) >= LARGE_GRAPH
    positions = fast_layout(node_ids, ((u, v) for u, v in g.edges())) if len(node_ids) >= MEDIUM_GRAPH else {}

    nodes: list[dict[str, Any]] = []
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node_id in node_ids:
        attrs = g.nodes[node_id]
        match = _WIKIDATA.match(attrs.get("wikidata") or "")
        country = attrs.get("country")
        record = {
            "id": node_id,
            "cls": attrs["cls"],
            "label": attrs["label"],
            "labels": attrs["labels"],
            "pref": preferred.get(node_id, {}),
            "wikidata": match.group(1) if match else None,
            "articles": attrs["articles"],
            "country": country if country in g else None,
            "importance": round(importance.get(node_id, 0.0), 6),
        }
        nodes.append(record)
        color = CLASS_COLORS[attrs["cls"]]
        extra = {"x": positions[node_id][0], "y": positions[node_id][1]} if positions else {}
        net.add_node(
            node_id,
            label=_label(record, lang),
            color={"background": color, "border": _darker(color), "highlight": {"background": color, "border": "#222"}},
            size=round(8 + 26 * math.sqrt(importance.get(node_id, 0.0) / top), 1),
            **extra,
        )

    edges = _edges(g)
    for edge in edges:
        arrows = "" if edge["property"] in SYMMETRIC_PROPERTIES else "to"
        # Appending pyvis Edges directly: Network.add_edge checks each endpoint
        # against a list of all nodes, quadratic on large graphs.
        net.edges.append(Edge(edge["from"], edge["to"], True, id=edge["id"], label=edge["property"], arrows=arrows).options)
    net.options = _options(large, len(node_ids))
    vis_nodes, vis_edges, _, _, _, vis_options = net.get_network_data()

    counts = Counter(n["cls"] for n in nodes)
    spoken = {lang for n in nodes for lang in n["labels"]} | {lang for n in nodes for lang in n["pref"]}
    return {
        "title": title,
        "lang": lang,
        "languages": [code for code in LANGUAGES if code in SWITCH_LANGUAGES or code in spoken or code == lang],
        "classes": [{"name": c, "color": CLASS_COLORS[c], "count": counts[c]} for c in ENTITY_CLASSES if counts[c]],
        "countries": sorted(
            ({"id": n["id"], "label": n["label"]} for n in nodes if n["cls"] == "Country"), key=lambda c: c["label"]
        ),
        "large": large,
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
        "vis": {
            "nodes": vis_nodes,
            "edges": vis_edges,
            "options": json.loads(vis_options) if isinstance(vis_options, str) else vis_options,
        },
    }


def render_page(data: dict[str, Any], *, title: str, lang: str) -> str:
    """Return the HTML page for ``data`` (as made by :func:`graph_data`)."""
    static = resources.files("kg.view") / "static"
    json_text = script_json(data)
    values = {
        "lang": html.escape(lang),
        "title": html.escape(title),
        "vis_css": _vis_asset("vis-network.css"),
        "vis_js": _vis_asset("vis-network.min.js"),
        "font_css": font_faces(json_text),
        "view_css": (static / "view.css").read_text(encoding="utf-8"),
        "view_js": (static / "view.js").read_text(encoding="utf-8"),
        "data": json_text,
    }
    template = (static / "page.html").read_text(encoding="utf-8")
    # One pass, so that text substituted in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def font_faces(text: str) -> str:
    """Return ``@font-face`` rules embedding (base64 WOFF2) the web font of each script that occurs in ``text``.

    Only the scripts present are embedded, so a page with English and Vietnamese
    text only gets no font at all; each face has a ``unicode-range``, so Latin
    text keeps the system's font even though the embedded fonts lead the stacks.
    """
    fonts = resources.files("kg.view") / "static" / "fonts"
    rules = []
    for family, filename, script, unicode_range in WEB_FONTS:
        if not script.search(text):
            continue
        encoded = base64.b64encode((fonts / filename).read_bytes()).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: '{family}'; font-style: normal; font-weight: 400; font-display: block; "
            f"unicode-range: {unicode_range}, {_SHAPING_RANGE}; "
            f"src: url(data:font/woff2;base64,{encoded}) format('woff2'); }}"
        )
    return "\n".join(rules)


def script_json(value: object) -> str:
    """Return ``value`` as JSON safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become JSON escapes, so no text can close the
    element (``</script>``) or open a comment (``<!--``); ``JSON.parse``
    reads them back unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_asset(name: str) -> str:
    import pyvis

    text = Path(pyvis.__file__).parent.joinpath(*_VIS_DIR, name).read_text(encoding="utf-8")
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower():
        raise ValueError(f"{name} of pyvis cannot be inlined: it contains {closing}")
    return text


def _articles(graph: Graph) -> dict[str, dict[str, str | None]]:
    """Return id -> title, language and date of every article in the graph."""
    out: dict[str, dict[str, str | None]] = {}
    for node in graph.subjects(RDF.type, MK.Article):
        title = graph.value(node, DCTERMS.title)
        language = graph.value(node, DCTERMS.language)
        issued = graph.value(node, DCTERMS.issued)
        article_id = str(node).rsplit("/", 1)[-1]
        out[article_id] = {
            "title": str(title) if title is not None else article_id,
            "lang": str(language) if language is not None else (title.language if isinstance(title, Literal) else None),
            "date": str(issued) if issued is not None else None,
        }
    return dict(sorted(out.items()))


def _preferred_labels(graph: Graph, g: nx.MultiDiGraph) -> dict[str, dict[str, str]]:
    """Return node -> language -> its ``skos:prefLabel`` (to_networkx merges pref and alt labels)."""
    out: dict[str, dict[str, str]] = {}
    for node, value in graph.subject_objects(SKOS.prefLabel):
        if isinstance(value, Literal) and value.language and str(node) in g:
            out.setdefault(str(node), {}).setdefault(value.language, str(value))
    return {node: dict(sorted(langs.items())) for node, langs in sorted(out.items())}


def _name_agreements(g: nx.MultiDiGraph, preferred: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Give an agreement whose label in some language is only a generic word ("hợp đồng",
    "บันทึกความเข้าใจ") a display label naming its parties in that language: "hợp đồng (A – B)".

    A label that already names one of its parties is kept; the graph's labels are not changed.
    """
    out = {node: dict(langs) for node, langs in preferred.items()}

    def name(node: str, lang: str) -> str:
        attrs = g.nodes[node]
        return preferred.get(node, {}).get(lang) or next(iter(attrs.get("labels", {}).get(lang, ())), None) or attrs["label"]

    for node, attrs in g.nodes(data=True):
        if attrs.get("cls") != "Agreement":
            continue
        parties = sorted({v for _, v, prop in g.out_edges(node, keys=True) if prop == "party" and v in g})
        if not parties:
            continue
        forms = {
            form.casefold()
            for p in parties
            for form in [g.nodes[p]["label"], *(f for fs in g.nodes[p].get("labels", {}).values() for f in fs)]
            if len(form) > 1
        }
        for lang in sorted(set(attrs.get("labels", {})) | set(preferred.get(node, {}))):
            text = preferred.get(node, {}).get(lang) or next(iter(attrs["labels"].get(lang, ())), "")
            if not text or any(form in text.casefold() for form in forms):
                continue
            out.setdefault(node, {})[lang] = f"{text} ({' – '.join(name(p, lang) for p in parties)})"
    return out


def _label(record: dict[str, Any], lang: str) -> str:
    """Return the label of a node in ``lang``, falling back to its ``rdfs:label``."""
    return record["pref"].get(lang) or next(iter(record["labels"].get(lang, ())), None) or record["label"]


def _importance(g: nx.MultiDiGraph) -> dict[str, float]:
    """Return PageRank over the undirected relations (degree share when scipy is absent)."""
    simple = nx.Graph(g)
    if simple.number_of_nodes() == 0:
        return {}
    if simple.number_of_edges() and importlib.util.find_spec("scipy") is not None:
        return nx.pagerank(simple)
    total = max(1, 2 * simple.number_of_edges())
    return {node: (degree + 1) / total for node, degree in simple.degree()}


def _edges(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the relations, a symmetric one stated both ways drawn once with both evidences."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, prop, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        if prop in SYMMETRIC_PROPERTIES and (v, u, prop) in seen:
            seen[(v, u, prop)]["evidence"].extend(attrs.get("evidence", []))
            continue
        edge = {"id": f"e{len(out)}", "from": u, "to": v, "property": prop, "evidence": list(attrs.get("evidence", []))}
        seen[(u, v, prop)] = edge
        out.append(edge)
    return out


def _options(large: bool, n_nodes: int) -> dict[str, Any]:
    """Return the vis-network options: physics for small graphs, fixed positions for large ones."""
    font = FONT_STACK
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "shape": "dot",
            "borderWidth": 1.5,
            "font": {"face": font, "size": 14, "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # labels too small to read are not drawn (a zoomed-out large graph stays clean and fast)
            "scaling": {"label": {"enabled": False, "drawThreshold": 7}},
        },
        "edges": {
            "width": 1.2,
            "color": {"color": "#b7bfca", "highlight": "#3b4754", "hover": "#6b7785", "inherit": False},
            "font": {"face": font, "size": 10, "color": "#5b6673", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "selectionWidth": 1.5,
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
        },
        "interaction": {
            "hover": not large,
            "tooltipDelay": 200,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "layout": {"improvedLayout": not large and n_nodes <= 300, "randomSeed": 7},
    }
    if large:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.008,
                "springLength": 130,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 400 if n_nodes < MEDIUM_GRAPH else 60,
                "updateInterval": 25,
                "fit": True,
            },
        }
    return options


def _darker(color: str, factor: float = 0.72) -> str:
    """Return ``#rrggbb`` darkened by ``factor`` (node borders)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (r, g, b)))
