"""The build pipeline, stage by stage: ingest -> nlp -> mentions -> linking -> relations -> graph -> outputs.

``build(corpus, out)`` is what ``kg build`` runs; each stage is timed into the
build report, and every output is written atomically.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import NothingBuiltError
from kg.gazetteer import load_gazetteer
from kg.graph import build_graph
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.mentions.gazetteer_match import GazetteerMatcher
from kg.nlp import analyze
from kg.records import RELATION_PROPERTIES, Article
from kg.relations import extract_relations
from kg.relations.dependency import match_dependencies
from kg.report import BuildReport

log = logging.getLogger(__name__)

#: languages whose entities come from the gazetteer and Latin-name rules only
THIN_COVERAGE = {"lo", "km"}


@dataclass
class BuildResult:
    """What a build produced."""

    graph: Graph
    report: BuildReport
    outputs: dict[str, Path]


def _progress(iterable: Iterable, *, total: int, desc: str, enabled: bool) -> Iterable:
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc", leave=False)


def extract_graph(
    articles: list[Article],
    *,
    report: BuildReport,
    gazetteer_kinds: set[str] | None = None,
    progress: bool = False,
) -> Graph:
    """Run the NLP stages over ingested articles and return the contract graph.

    Args:
        articles: Articles from :func:`kg.ingest.read_articles`.
        report: Receives timings, counts and per-article notes.
        gazetteer_kinds: Restrict curated knowledge to these kinds (for leave-out checks).
        progress: Show a progress bar on stderr.
    """
    with report.timed("gazetteer"):
        gazetteer = load_gazetteer(kinds=gazetteer_kinds)
        matcher = GazetteerMatcher(gazetteer)
    analyses, mentions = [], {}
    with report.timed("nlp+mentions"):
        for analysis in _progress(analyze(articles), total=len(articles), desc="extracting", enabled=progress):
            analyses.append(analysis)
            mentions[analysis.article.id] = find_mentions(analysis, matcher=matcher)
            analysis.dependency_matches = match_dependencies(analysis)
            if analysis.lang in THIN_COVERAGE:
                entry = report.entry_for(analysis.article.id)
                if entry is not None:
                    entry.notes.append(f"{analysis.lang}: no statistical model; gazetteer and title rules only")
    with report.timed("linking"):
        corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    with report.timed("relations"):
        relations = extract_relations(analyses, corpus, gazetteer, matcher=matcher)
    with report.timed("graph"):
        graph = build_graph(articles, corpus.entities.values(), relations)
    report.counts["classes"] = dict(sorted(Counter(e.cls for e in corpus.entities.values()).items()))
    report.counts["properties"] = {
        p: n for p in RELATION_PROPERTIES if (n := len({r.triple for r in relations if r.predicate == p}))
    }
    report.counts["triples"] = {"total": len(graph)}
    return graph


def build(
    corpus: Path,
    out: Path,
    *,
    formats: Iterable[str] = (),
    validate: bool = True,
    html: bool = True,
    progress: bool = False,
    max_bytes: int = 5_000_000,
    gazetteer_kinds: set[str] | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build a corpus folder into ``out``: graph.ttl, graph.html, report.json (+ other formats).

    Args:
        corpus: Folder of articles (or a single file).
        out: Output folder; created if needed.
        formats: Extra export formats written beside graph.ttl (see ``kg export --help``).
        validate: Run the SHACL shapes and record the result in the report.
        html: Write the interactive view.
        progress: Show progress bars.
        max_bytes: Largest input file accepted.
        gazetteer_kinds: Restrict curated knowledge to these kinds.
        on_problem: Called with one line per input problem (the CLI prints them).

    Raises:
        NothingBuiltError: When no input could be read as an article.
    """
    from kg.ingest import read_articles

    report = BuildReport(corpus=str(corpus))
    with report.timed("ingest"):
        articles = list(read_articles(corpus, report=report, max_bytes=max_bytes))
    for entry in report.files:
        if entry.status == "failed" and on_problem:
            on_problem(f"{entry.path}: {entry.reason}")
    if not articles:
        raise NothingBuiltError(f"{corpus}: no article could be read ({len(report.files)} files looked at)")
    graph = extract_graph(articles, report=report, gazetteer_kinds=gazetteer_kinds, progress=progress)
    outputs: dict[str, Path] = {}
    out.mkdir(parents=True, exist_ok=True)
    with report.timed("write"):
        from kg.export import export_graph

        outputs["turtle"] = out / "graph.ttl"
        export_graph(graph, "turtle", outputs["turtle"])
        for fmt in formats:
            path = out / f"graph.{fmt}"
            export_graph(graph, fmt, path)
            outputs[fmt] = path
        if html:
            from kg.view import write_html

            outputs["html"] = out / "graph.html"
            write_html(graph, outputs["html"])
    if validate:
        with report.timed("validate"):
            report.validation = validation_summary(graph)
    outputs["report"] = out / "report.json"
    report.write(outputs["report"])
    return BuildResult(graph, report, outputs)


def validation_summary(graph: Graph) -> dict:
    """SHACL-validate a graph and summarise the result for the report."""
    from kg.validate import validate_graph

    result = validate_graph(graph)
    return {"conforms": result.conforms, "violations": result.violations[:100]}
