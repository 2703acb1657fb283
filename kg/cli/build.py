"""``kg build [CORPUS_DIR] --out DIR``: articles in, graph.ttl + graph.html + report.json out."""

from __future__ import annotations

import time
from pathlib import Path

import click


@click.command("build")
@click.argument("corpus", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("build"), show_default=True)
@click.option("--formats", "-f", default="", help="Extra export formats beside graph.ttl, comma-separated (e.g. nt,jsonld).")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input had a problem or the graph does not conform.")
@click.option("--max-bytes", type=int, default=5_000_000, show_default=True, help="Largest input file accepted.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
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
) -> None:
    """Build CORPUS_DIR (default: the bundled corpus in data/corpus) into --out.

    Writes graph.ttl, graph.html and report.json (every input file with its
    status). Exit codes: 0 built (problems are reported), 1 built with problems
    under --strict, 2 usage error, 3 nothing could be built.
    """
    from kg.pipeline import build
    from kg.resources import default_corpus_dir

    corpus = corpus or default_corpus_dir()
    started = time.perf_counter()
    result = build(
        corpus,
        out,
        formats=[f.strip() for f in formats.split(",") if f.strip()],
        validate=not no_validate,
        html=not no_html,
        progress=not quiet,
        max_bytes=max_bytes,
        on_problem=lambda line: click.echo(f"kg: {line}", err=True),
    )
    report = result.report
    summary = report.status_counts()
    conforms = (report.validation or {}).get("conforms")
    if not quiet:
        classes = sum(report.counts.get("classes", {}).values())
        relations = sum(report.counts.get("properties", {}).values())
        click.echo(
            f"built {summary['ok']} articles ({summary['skipped']} skipped, {summary['failed']} failed): "
            f"{classes} entities, {relations} relations in {time.perf_counter() - started:.1f}s"
        )
        for name, path in result.outputs.items():
            click.echo(f"  {name:8} {path}")
        if conforms is False:
            click.echo("  the graph does not conform to the SHACL shapes: see report.json", err=True)
    problems = summary["failed"] > 0 or conforms is False
    ctx.exit(1 if strict and problems else 0)
