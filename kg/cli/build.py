"""``kg build [CORPUS_DIR] --out DIR``: articles in, graph.ttl + graph.html + report.json out."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import click


def _store_option(value: str) -> str:
    """Check ``--store``: auto, memory, oxigraph, or oxigraph:DIR (an on-disk store)."""
    if value in ("auto", "memory", "oxigraph") or (value.startswith("oxigraph:") and len(value) > len("oxigraph:")):
        return value
    raise click.BadParameter(f"{value!r}: choose auto, memory, oxigraph or oxigraph:DIR", param_hint="'--store'")


@click.command("build")
@click.argument("corpus", metavar="[CORPUS_DIR]", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True)
@click.option("--formats", "-f", default="", help="Extra export formats beside graph.ttl, comma-separated (e.g. nt,jsonld).")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input had a problem or the graph does not conform.")
@click.option("--max-bytes", type=int, default=5_000_000, show_default=True, help="Largest input file accepted.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for the language models [default: the machine's cores from 100 articles to process, else 1].",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-article stage runs: this machine, or a Dask cluster (--scheduler).",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --executor dask (tcp://host:8786).")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Incremental cache folder [default: $KG_CACHE_DIR or ~/.cache/kg].",
)
@click.option("--no-cache", is_flag=True, help="Process every article afresh and do not store results.")
@click.option("--force", is_flag=True, help="Rewrite the outputs even when they are up to date.")
@click.option(
    "--store",
    metavar="auto|memory|oxigraph|oxigraph:DIR",
    callback=lambda ctx, param, value: _store_option(value),
    default="auto",
    show_default=True,
    help="Hold the graph in rdflib's memory store or in Oxigraph (a third of the memory); "
    "auto picks Oxigraph from 500 articles on; oxigraph:DIR builds into an on-disk Oxigraph store "
    "in DIR (bulk loaded; for graphs larger than memory; kept for queries).",
)
@click.pass_context
def command(
    ctx: click.Context,
    corpus: Path | None,
    out: Path,
    formats: str,
    no_html: bool,
    no_validate: bool,
    strict: bool,
    max_bytes: int,
    quiet: bool,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    force: bool,
    store: str,
) -> None:
    """Build CORPUS_DIR (default: the bundled corpus in data/corpus) into --out.

    Writes graph.ttl, graph.html and report.json (every input file with its
    status). Only new or changed articles go through the language models: the
    rest come from the incremental cache. Exit codes: 0 built (problems are
    reported), 1 built with problems under --strict, 2 usage error, 3 nothing
    could be built.
    """
    from kg.pipeline import RunOptions, build
    from kg.resources import default_cache_dir, default_corpus_dir

    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler only applies to --executor dask")
    run = RunOptions(
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
    )

    corpus = corpus or default_corpus_dir()
    started = time.perf_counter()
    # Every input problem is printed once, below, from the report: ingest's own log line for the
    # same file is kept for -v (it used to print each problem two or three times).
    ingest_log = logging.getLogger("kg.ingest")
    saved_level = ingest_log.level
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        ingest_log.setLevel(logging.ERROR)
    try:
        result = build(
            corpus,
            out,
            formats=[f.strip() for f in formats.split(",") if f.strip()],
            validate=not no_validate,
            html=not no_html,
            progress=not quiet,
            max_bytes=max_bytes,
            run=run,
            force=force or no_cache,
            store=store,
        )
    finally:
        ingest_log.setLevel(saved_level)
    report = result.report
    problems = report.problems()
    for line in problems:
        click.echo(f"kg: {line}", err=True)
    summary = report.status_counts()
    if not quiet:
        classes = sum(report.counts.get("classes", {}).values())
        relations = sum(report.counts.get("properties", {}).values())
        cached = report.counts.get("articles", {}).get("from_cache", 0)
        if report.up_to_date:
            click.echo(f"up to date: {summary['ok']} articles unchanged since the last build into {out} (--force rewrites)")
        else:
            click.echo(
                f"built {summary['ok']} articles ({summary['skipped']} skipped, {summary['failed']} failed"
                f"{f', {cached} from cache' if cached else ''}): "
                f"{classes} entities, {relations} relations in {time.perf_counter() - started:.1f}s"
            )
        for name, path in result.outputs.items():
            click.echo(f"  {name:8} {path}")
    if strict and problems:
        click.echo(f"kg: --strict: {len(problems)} problem{'s' if len(problems) != 1 else ''} (listed above)", err=True)
    ctx.exit(1 if strict and problems else 0)
