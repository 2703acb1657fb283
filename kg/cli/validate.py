"""``kg validate GRAPH``: check a graph against the contract's SHACL shapes."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.output import emit, output_options


@click.command("validate")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SHACL shapes file (default: ontology/shapes.ttl).",
)
@click.option("--inference", is_flag=True, help="Expand the graph with OWL 2 RL inference (owlrl) first.")
@click.option("--report", "full_report", is_flag=True, help="Print pySHACL's full report instead of one line each.")
@click.option(
    "--store",
    type=click.Choice(["memory", "oxigraph"]),
    default="memory",
    show_default=True,
    help="Read the graph into rdflib and check it with pySHACL, or into Oxigraph and check it with "
    "the shapes compiled to SPARQL (same lines; for graphs of millions of triples).",
)
@output_options(("table", "json"))
@click.option(
    "--allow-remote-context",
    is_flag=True,
    help="Let a JSON-LD GRAPH fetch its remote or file:// @context (refused by default).",
)
@click.pass_context
def command(
    ctx: click.Context,
    graph: Path,
    shapes: Path | None,
    inference: bool,
    full_report: bool,
    store: str,
    fmt: str,
    output: Path,
    allow_remote_context: bool,
) -> None:
    """Validate GRAPH (an RDF file, or a build folder holding graph.ttl) with SHACL.

    Prints one line per violation (focus node, path, message). Exit codes follow
    pySHACL: 0 conforms, 1 does not conform, 2 error.

    With --inference the shapes see the OWL RL closure, in which every entity also
    has its superclasses' types, so shapes about asserted types report violations.
    """
    from kg.export.load import load_graph, load_store_graph
    from kg.validate import validate_graph

    if store == "oxigraph" and inference:
        raise click.UsageError("--inference runs OWL RL in rdflib; use it with --store memory")
    load = load_store_graph if store == "oxigraph" else load_graph
    data = load(graph, allow_remote_context=allow_remote_context)
    result = validate_graph(data, shapes_path=shapes, inference=inference)
    violations = sum(1 for line in result.violations if line.startswith("Violation"))
    others = len(result.violations) - violations
    if fmt == "json":
        doc = {"graph": str(graph), "conforms": result.conforms, "violations": violations, "results": result.violations}
        emit(json.dumps(doc, ensure_ascii=False, indent=1), output)
        ctx.exit(0 if result.conforms else 1)
    summary = "conforms" if result.conforms else f"does not conform: {violations} violation(s)"
    if others:
        summary += f", {others} warning(s) or info(s)"
    lines = [result.report_text.rstrip()] if full_report else list(result.violations)
    emit("\n".join([*lines, f"{graph}: {summary}"]), output)
    ctx.exit(0 if result.conforms else 1)
