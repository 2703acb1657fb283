"""The build pipeline, stage by stage: ingest -> per-article -> linking -> relations -> graph -> outputs.

``build(corpus, out)`` is what ``kg build`` runs; each stage is timed into the
build report, and every output is written atomically. The per-article stage
(language pipeline, mentions, dependency matches: :mod:`kg.process`) is the
expensive one: it runs on an executor (:mod:`kg.executors`: this process,
worker processes, a Dask cluster) and its results are cached by content hash
(:mod:`kg.cache`). Linking, relations and the graph need the whole corpus and
run here, on small records without the parse.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.atomic import atomic_group, written_file
from kg.cache import ArticleCache, article_key
from kg.errors import NothingBuiltError, OutputError, UsageError
from kg.executors import run_per_article
from kg.freshness import file_sha256, inputs_digest, previous_report
from kg.graph import build_graph
from kg.graph.builder import STORES, store_folder
from kg.graph.store import GraphLike, OxigraphGraph, check_store_folder
from kg.linking import link_mentions
from kg.process import ProcessedArticle, knowledge
from kg.records import RELATION_PROPERTIES, Article
from kg.relations import extract_relations
from kg.report import BuildReport

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """What a build produced (``graph`` is read back from graph.ttl when the build found it up to date,
    or held it in Oxigraph)."""

    _graph: Graph | None
    report: BuildReport
    outputs: dict[str, Path]

    @property
    def graph(self) -> Graph:
        """The graph built, as rdflib (parsed from graph.ttl on first use when it is not in memory)."""
        if self._graph is None:
            self._graph = Graph().parse(self.outputs["turtle"], format="turtle")
        return self._graph


@dataclass
class RunOptions:
    """How the per-article stage runs (see :mod:`kg.executors` and :mod:`kg.cache`).

    Attributes:
        executor: ``local`` or ``dask``.
        workers: Worker processes for ``local``; ``None`` picks the cores when the corpus is large.
        scheduler: Dask scheduler address for ``dask``.
        cache_dir: Folder of the incremental cache; ``None`` disables it.
        batch_size: Texts per ``nlp.pipe`` batch.
        article_timeout: Seconds one article may take in the per-article stage before it is reported
            as failed (``None``: ``$KG_ARTICLE_TIMEOUT`` or 120; 0: no limit).
    """

    executor: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    cache_dir: Path | None = None
    batch_size: int = 32
    article_timeout: float | None = None


def process_corpus(
    articles: list[Article],
    *,
    report: BuildReport,
    gazetteer_kinds: frozenset[str] | None = None,
    run: RunOptions | None = None,
    progress: bool = False,
    keys: list[str] | None = None,
) -> list[ProcessedArticle]:
    """The per-article stage over a corpus: cached results reused, the rest run on the executor.

    Args:
        keys: The articles' cache keys when the caller has them (:func:`kg.cache.article_key`).

    Returns:
        One :class:`~kg.process.ProcessedArticle` per article, in input order.
    """
    run = run or RunOptions()
    keys = keys or [article_key(a, gazetteer_kinds) for a in articles]
    key_of = {a.id: k for a, k in zip(articles, keys, strict=True)}
    cache = ArticleCache(run.cache_dir / "articles.sqlite") if run.cache_dir else None
    try:
        done = cache.get_many(keys) if cache is not None else {}
        todo = [a for a, k in zip(articles, keys, strict=True) if k not in done]
        bar = _progress_bar(total=len(articles), initial=len(articles) - len(todo), enabled=progress)
        chunks = run_per_article(
            todo,
            executor=run.executor,
            workers=run.workers,
            scheduler=run.scheduler,
            gazetteer_kinds=gazetteer_kinds,
            batch_size=run.batch_size,
            timeout=run.article_timeout,
        )
        for results in chunks:
            if cache is not None:  # an article given up is tried again next time
                cache.put_many((key_of[r.article_id], r) for r in results if r.failure is None)
            done.update((key_of[r.article_id], r) for r in results)
            if bar is not None:
                bar.update(len(results))
        if bar is not None:
            bar.close()
        pruned = cache.prune(keys) if cache is not None else 0
    finally:
        if cache is not None:
            cache.close()
            report.notes += cache.warnings
    report.counts["articles"] = {"processed": len(todo), "from_cache": len(articles) - len(todo), "cache_pruned": pruned}
    processed = [done[k] for k in keys]
    for p, article in zip(processed, articles, strict=True):
        p.analysis.article = article  # a cached result may come from the same text at another path
    for p in processed:
        entry = report.entry_for(p.article_id)
        if entry is not None:
            entry.notes.extend(n for n in p.notes if n not in entry.notes)
            if p.failure:
                entry.status, entry.reason = "failed", p.failure
    return processed


def _progress_bar(*, total: int, initial: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    # disable=None: no bar when stderr is not a terminal (a log file would get every redraw on one line),
    # unless KG_PROGRESS=1 asks for it anyway (a supervisor that reads the bar through a pipe)
    disable = False if os.environ.get("KG_PROGRESS") == "1" else None
    return tqdm(total=total, initial=initial, desc="extracting", unit="doc", leave=False, disable=disable)


def extract_graph(
    articles: list[Article],
    *,
    report: BuildReport,
    gazetteer_kinds: set[str] | None = None,
    progress: bool = False,
    run: RunOptions | None = None,
    keys: list[str] | None = None,
    store: str = "auto",
) -> GraphLike:
    """Run the NLP stages over ingested articles and return the contract graph.

    Args:
        articles: Articles from :func:`kg.ingest.read_articles`.
        report: Receives timings, counts and per-article notes.
        gazetteer_kinds: Restrict curated knowledge to these kinds (for leave-out checks).
        progress: Show a progress bar on stderr.
        run: Executor, workers and cache of the per-article stage (default: in this process, no cache).
        keys: The articles' cache keys when the caller has them.
        store: Where the graph is held: ``memory`` (rdflib), ``oxigraph``, ``oxigraph:DIR`` (on disk)
            or ``auto`` (see :func:`choose_store`).
    """
    kinds = frozenset(gazetteer_kinds) if gazetteer_kinds is not None else None
    with report.timed("per-article"):
        processed = process_corpus(articles, report=report, gazetteer_kinds=kinds, run=run, progress=progress, keys=keys)
    given_up = {p.article_id for p in processed if p.failure}
    if given_up:  # reported as failed, and left out of the graph like any other failed input
        processed = [p for p in processed if not p.failure]
        articles = [a for a in articles if a.id not in given_up]
    with report.timed("gazetteer"):
        gazetteer, matcher = knowledge(kinds)
    analyses = [p.analysis for p in processed]
    with report.timed("linking"):
        corpus = link_mentions(analyses, {p.article_id: p.mentions for p in processed}, gazetteer=gazetteer)
    with report.timed("relations"):
        relations = extract_relations(analyses, corpus, gazetteer, matcher=matcher)
    # the graph needs entities and relations only: let sentences, dependency matches and
    # per-article mention lists go before the largest structure of the build is made
    del processed, analyses
    corpus.mentions.clear()
    with report.timed("graph"):
        graph = build_graph(articles, corpus.entities.values(), relations, store=choose_store(store, len(articles)))
    report.counts["classes"] = dict(sorted(Counter(e.cls for e in corpus.entities.values()).items()))
    report.counts["properties"] = {
        p: n for p in RELATION_PROPERTIES if (n := len({r.triple for r in relations if r.predicate == p}))
    }
    report.counts["triples"] = {"total": len(graph)}
    return graph


#: From this many articles on, ``store="auto"`` holds the graph in Oxigraph (about 100 triples an article:
#: rdflib's memory store would take ~1 KB a triple, Oxigraph about a third; writing and checking it there
#: is several times faster). Below, rdflib writes the more readable Turtle and pySHACL, the reference, checks.
OXIGRAPH_FROM_ARTICLES = 500


def choose_store(store: str, n_articles: int) -> str:
    """Resolve ``auto`` to ``memory`` or ``oxigraph`` by corpus size; check any other value
    (``oxigraph:DIR``, an on-disk store, is kept as it is).

    Raises:
        UsageError: When ``store`` is not ``auto``, ``memory``, ``oxigraph`` or ``oxigraph:DIR``.
    """
    if store == "auto":
        return "oxigraph" if n_articles >= OXIGRAPH_FROM_ARTICLES else "memory"
    if store not in STORES and store_folder(store) is None:
        raise UsageError(f"--store must be auto, {', '.join(STORES)} or oxigraph:DIR, not {store!r}")
    return store


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
    run: RunOptions | None = None,
    force: bool = False,
    store: str = "auto",
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
        run: Executor, workers and incremental cache of the per-article stage.
        force: Rewrite the outputs even when they are up to date (see :mod:`kg.freshness`).
        store: Where the graph is held while it is written and checked: ``memory`` (rdflib),
            ``oxigraph``, ``oxigraph:DIR`` (an on-disk Oxigraph store in DIR, which the build empties
            and fills, and leaves for queries) or ``auto`` (Oxigraph from :data:`OXIGRAPH_FROM_ARTICLES`
            articles on).
            The result's ``graph`` is then read back from graph.ttl on first use.

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
    kinds = frozenset(gazetteer_kinds) if gazetteer_kinds is not None else None
    options = {
        "formats": list(formats),
        "validate": validate,
        "html": html,
        "kinds": sorted(kinds) if kinds else kinds,
        "store": choose_store(store, len(articles)),  # Turtle is written by rdflib or by Oxigraph
    }
    keys = [article_key(a, kinds) for a in articles]
    report.inputs_digest = inputs_digest(report, keys, options)
    previous = None if force else previous_report(out, report.inputs_digest)
    if previous is not None:
        return _unchanged(report, previous, out)
    _check_writable(out)  # before the long stages, not after them
    folder = store_folder(options["store"])
    if folder is not None:
        check_store_folder(folder)
    graph = extract_graph(
        articles,
        report=report,
        gazetteer_kinds=gazetteer_kinds,
        progress=progress,
        run=run,
        keys=keys,
        store=options["store"],
    )
    report.store = "oxigraph" if isinstance(graph, OxigraphGraph) else "memory"
    if isinstance(graph, OxigraphGraph) and graph.folder is not None:
        report.store_dir = str(graph.folder.resolve())
    try:
        outputs = _write_outputs(graph, report, out, formats=formats, html=html, validate=validate)
    except OSError as e:  # read-only or full, or a folder in the way: one line, not a traceback
        where = e.filename if isinstance(e.filename, str) else out
        raise OutputError(where, f"cannot write the outputs ({e.strerror or e}); the previous ones are left as they were") from e
    return BuildResult(graph if isinstance(graph, Graph) else None, report, outputs)


def _check_writable(out: Path) -> None:
    """Raise :class:`OutputError` when ``out`` cannot be created or written in."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as e:
        raise OutputError(out, f"cannot write the outputs here: {e.strerror or e}") from e


def _write_outputs(
    graph: GraphLike, report: BuildReport, out: Path, *, formats: Iterable[str], html: bool, validate: bool
) -> dict[str, Path]:
    """Write graph.ttl, the extra formats, graph.html and report.json into ``out``, all or none."""
    outputs: dict[str, Path] = {}
    out.mkdir(parents=True, exist_ok=True)
    # graph.ttl, graph.html and report.json replace the previous ones together, or not at all
    with atomic_group():
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
        report.outputs = {name: {"file": path.name, "sha256": file_sha256(written_file(path))} for name, path in outputs.items()}
        outputs["report"] = out / "report.json"
        report.write(outputs["report"])
    return outputs


def _unchanged(report: BuildReport, previous: dict, out: Path) -> BuildResult:
    """The result of a build whose outputs were already up to date: nothing is rewritten."""
    report.up_to_date = True
    report.counts = previous.get("counts", {})
    report.counts["articles"] = {"processed": 0, "from_cache": sum(1 for f in report.files if f.status == "ok")}
    report.validation = previous.get("validation")
    outputs = {name: out / entry["file"] for name, entry in previous["outputs"].items()}
    outputs["report"] = out / "report.json"
    return BuildResult(None, report, outputs)


def validation_summary(graph: GraphLike) -> dict:
    """SHACL-validate a graph and summarise the result for the report."""
    from kg.validate import validate_graph

    result = validate_graph(graph)
    return {"conforms": result.conforms, "violations": result.violations[:100]}
