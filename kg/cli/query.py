"""``kg query GRAPH (SPARQL | --file F.rq | --name N)``: run SPARQL over a graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.output import emit, output_options


@click.command("query")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Read the query from a .rq file (- reads standard input).",
)
@click.option("-n", "--name", help="Run a named query of ontology/queries (see --list).")
@click.option("--list", "list_names", is_flag=True, help="List the named queries and exit.")
@output_options(("table", "csv", "tsv", "json", "ttl"))
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP ...).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (federated queries send HTTP requests).")
@click.option(
    "--allow-remote-context",
    is_flag=True,
    help="Let a JSON-LD GRAPH fetch its remote or file:// @context (refused by default).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Give up on a query after this many seconds (default: no limit).",
)
@click.option(
    "--store",
    type=click.Choice(["memory", "oxigraph"]),
    default="memory",
    show_default=True,
    help="Read the graph into rdflib, or into Oxigraph (much faster SPARQL on large graphs).",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --allow-update: write the updated graph here (format from the suffix).",
)
def command(
    graph: Path | None,
    sparql: str | None,
    query_file: Path | None,
    name: str | None,
    list_names: bool,
    fmt: str,
    output: Path,
    allow_update: bool,
    allow_service: bool,
    allow_remote_context: bool,
    timeout: float | None,
    store: str,
    out: Path | None,
) -> None:
    """Run a SPARQL 1.1 query over GRAPH (an RDF file, or a build folder holding graph.ttl).

    Give the query as text, with --file (- for standard input), or by --name. kg's
    prefixes (mk:, mkr:, rdfs:, skos:, ...) are predeclared, and tables show IRIs
    with them. SELECT * lists the variables in the order the query names them;
    CONSTRUCT and DESCRIBE print Turtle. --format tsv and json follow the SPARQL 1.1
    result formats. Updates are refused (exit 2) unless --allow-update is given; they
    change the graph in memory, written only with --out. SERVICE clauses are refused
    unless --allow-service is given.
    """
    from kg.errors import UsageError
    from kg.query import get_named_query, named_queries, run_query

    if list_names:
        emit("\n".join(f"{query.name}\t{query.description}" for query in named_queries().values()), output)
        return
    if graph is None:
        raise UsageError("give a GRAPH file (or a build folder) to query")
    given = [source for source in (sparql, query_file, name) if source is not None]
    if len(given) != 1:
        raise UsageError("give exactly one query: SPARQL text, --file F.rq or --name N")
    if query_file is not None:
        if str(query_file) == "-":
            text = sys.stdin.read()
        else:
            try:
                text = query_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise UsageError(f"{query_file}: cannot read the query ({e.__class__.__name__})") from e
    elif name is not None:
        text = get_named_query(name).sparql
    else:
        text = str(sparql)
    if out is not None and not allow_update:
        raise UsageError("--out writes an updated graph; it needs --allow-update")

    from kg.export import export_graph
    from kg.export.load import load_graph, load_store_graph
    from kg.query import refuse_service, uses_service

    if not allow_service and uses_service(text):  # before the graph is read
        raise refuse_service()
    load = load_store_graph if store == "oxigraph" else load_graph
    data = load(graph, allow_remote_context=allow_remote_context)
    result = run_query(data, text, allow_update=allow_update, allow_service=allow_service, timeout=timeout)
    emit(result.render(fmt).rstrip("\n"), output)
    if out is not None and result.kind == "update":
        export_graph(data, None, out)
        click.echo(f"wrote {out}", err=True)
