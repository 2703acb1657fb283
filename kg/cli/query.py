"""``kg query GRAPH (SPARQL | --file F.rq | --name N)``: run SPARQL over a graph."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("query")
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from a .rq file.",
)
@click.option("-n", "--name", help="Run a named query of ontology/queries (see --list).")
@click.option("--list", "list_names", is_flag=True, help="List the named queries and exit.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format (json: SPARQL 1.1 Query Results JSON).",
)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP ...).")
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
    allow_update: bool,
    store: str,
    out: Path | None,
) -> None:
    """Run a SPARQL 1.1 query over GRAPH (an RDF file, or a build folder holding graph.ttl).

    Give the query as text, with --file, or by --name. kg's prefixes (mk:, mkr:,
    rdfs:, skos:, ...) are predeclared. Updates are refused (exit 2) unless
    --allow-update is given; they change the graph in memory, written only with --out.
    """
    from kg.errors import UsageError
    from kg.query import get_named_query, named_queries, run_query

    if list_names:
        for query in named_queries().values():
            click.echo(f"{query.name}\t{query.description}")
        return
    if graph is None:
        raise UsageError("give a GRAPH file (or a build folder) to query")
    given = [source for source in (sparql, query_file, name) if source is not None]
    if len(given) != 1:
        raise UsageError("give exactly one query: SPARQL text, --file F.rq or --name N")
    if query_file is not None:
        text = query_file.read_text(encoding="utf-8")
    elif name is not None:
        text = get_named_query(name).sparql
    else:
        text = str(sparql)
    if out is not None and not allow_update:
        raise UsageError("--out writes an updated graph; it needs --allow-update")

    from kg.export import export_graph
    from kg.export.load import load_graph, load_store_graph

    data = load_store_graph(graph) if store == "oxigraph" else load_graph(graph)
    result = run_query(data, text, allow_update=allow_update)
    click.echo(result.render(fmt).rstrip("\n"))
    if out is not None and result.kind == "update":
        export_graph(data, None, out)
        click.echo(f"wrote {out}", err=True)
