"""``kg export GRAPH --format F --out FILE``: write a graph in another format."""

from __future__ import annotations

from pathlib import Path

import click


class FormatName(click.ParamType):
    """An export format name, alias or media type; the registry is imported only when needed."""

    name = "format"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        from kg.export import list_formats

        return f"[{'|'.join(list_formats())}]"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from kg.errors import UsageError
        from kg.export import get_exporter

        try:
            return get_exporter(str(value)).name
        except UsageError as e:
            self.fail(str(e), param, ctx)


@click.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=FormatName(),
    help="Output format (aliases such as ttl or text/turtle work too); guessed from --out when omitted.",
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output file (csv: a folder, or a .zip file).",
)
def command(graph: Path, fmt: str | None, out: Path) -> None:
    """Write GRAPH (an RDF file, or a build folder holding graph.ttl) in another format.

    RDF formats: turtle, ntriples, nquads and trig (one named graph per article),
    json-ld. Graph-tool formats: graphml, gexf, csv (nodes.csv + edges.csv).
    """
    from kg.export import export_graph, load_graph

    written = export_graph(load_graph(graph), fmt, out)
    click.echo(f"wrote {written}")
