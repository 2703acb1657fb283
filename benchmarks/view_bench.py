"""Benchmark the HTML view on a large random contract graph.

Generates a graph of 5,000 entities (``--nodes``), writes it with
``kg.view.write_html``, opens the page from disk in headless chromium with
every non-file request aborted, and records how long it takes until
``window.network`` has drawn its first frame.  Results go to
``build/bench_view.json``.

Run: ``.venv/bin/python benchmarks/view_bench.py [--nodes 5000]``
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path

from rdflib import Graph

from kg.graph import build_graph
from kg.records import ENTITY_CLASSES, Article, Entity, Evidence, Mention, Relation
from kg.view import write_html

logger = logging.getLogger("view_bench")

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: Which properties may link which classes (subject class, property, object class).
SHAPES = [
    ("Ministry", "subOrganizationOf", "Government"),
    ("Person", "holdsPositionIn", "Ministry"),
    ("Person", "holdsPositionIn", "Company"),
    ("Ministry", "implements", "Program"),
    ("Program", "issuedBy", "Government"),
    ("Event", "organizer", "Ministry"),
    ("Event", "supporter", "Company"),
    ("Event", "chair", "Person"),
    ("Event", "participant", "Organization"),
    ("Event", "location", "Place"),
    ("Agreement", "party", "Company"),
    ("Agreement", "party", "Ministry"),
    ("Agreement", "signedAt", "Event"),
    ("Company", "partner", "Company"),
    ("Program", "concerns", "Technology"),
    ("Product", "concerns", "Technology"),
    ("Product", "developedBy", "Company"),
    ("Event", "partOf", "Program"),
    ("PublicBody", "implements", "Program"),
]


def random_graph(n: int, *, seed: int = 7, articles: int = 400) -> Graph:
    """Return a contract graph of ``n`` entities with about 2.2 relations each."""
    rng = random.Random(seed)
    docs = [Article(f"{i:04d}_bench", "…", rng.choice(["en", "vi", "th"]), title=f"Article {i}") for i in range(articles)]
    countries = [f"country/c{i}" for i in range(12)]
    by_class: dict[str, list[str]] = {c: [] for c in ENTITY_CLASSES}
    entities = []
    for i in range(n):
        cls = "Country" if i < len(countries) else rng.choice([c for c in ENTITY_CLASSES if c != "Country"])
        key = countries[i] if cls == "Country" else f"{cls.lower()}/e{i}"
        entity = Entity(key=key, cls=cls, label=f"{cls} {i}")
        entity.add_label("en", entity.label)
        if rng.random() < 0.4:
            entity.add_label("vi", f"{cls} {i} (vi)")
        if rng.random() < 0.2:
            entity.add_label("th", f"ไทย {i}")
        for doc in rng.sample(docs, rng.randint(1, 3)):
            entity.mentions.append(Mention(doc.id, entity.label, 0, 1, cls, doc.lang, "bench"))
        entities.append(entity)
        by_class[cls].append(key)
    relations = []

    def relate(s: str, p: str, o: str) -> None:
        doc = rng.choice(docs)
        relations.append(Relation(s, p, o, Evidence(doc.id, f"{s} {p} {o}.", doc.lang, "bench", 0.8)))

    for entity in entities[len(countries) :]:
        if rng.random() < 0.6:
            relate(entity.key, "country", rng.choice(countries))
    shapes = [s for s in SHAPES if by_class[s[0]] and by_class[s[2]]]
    while len(relations) < int(2.2 * n):
        s_cls, prop, o_cls = rng.choice(shapes)
        s, o = rng.choice(by_class[s_cls]), rng.choice(by_class[o_cls])
        if s != o:
            relate(s, prop, o)
    return build_graph(docs, entities, relations)


def open_in_browser(path: Path, *, timeout_ms: int = 120_000) -> dict[str, object]:
    """Open ``path`` in headless chromium with no network; return timings and any problems."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()

        def route(route: object) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        loaded = time.perf_counter() - start
        page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms)
        wall = time.perf_counter() - start
        ready_at = page.evaluate("window.kgReadyAt")  # ms since navigation start, in-page clock
        nodes = page.evaluate("window.network.body.data.nodes.length")
        (REPO / "build").mkdir(exist_ok=True)
        page.screenshot(path=str(REPO / "build" / "bench_view.png"))
        browser.close()
    return {
        "load_event_s": round(loaded, 3),
        "network_ready_s": round(ready_at / 1000, 3),
        "network_ready_wall_s": round(wall, 3),
        "nodes_in_network": nodes,
        "blocked_requests": blocked,
        "console_errors": errors,
    }


def main() -> None:
    """Run the benchmark and write build/bench_view.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=REPO / "build" / "bench_view.json")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    t0 = time.perf_counter()
    graph = random_graph(args.nodes)
    t1 = time.perf_counter()
    page = args.out.parent / "bench_view.html"
    write_html(graph, page)
    t2 = time.perf_counter()
    result = {
        "nodes": args.nodes,
        "triples": len(graph),
        "generate_graph_s": round(t1 - t0, 3),
        "write_html_s": round(t2 - t1, 3),
        "html_bytes": page.stat().st_size,
        **open_in_browser(page),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    logger.info(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
