"""``kg export GRAPH --format F --out FILE``: write a graph in another format."""

from __future__ import annotations

import sys
import tempfile
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
    help="Output format (aliases such as ttl, xml or text/turtle work too); guessed from --out when omitted "
    "(turtle for standard output).",
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(allow_dash=True, path_type=Path),
    help="Output file, - for standard output (csv: a folder, or a .zip file).",
)
@click.option(
    "--allow-remote-context",
    is_flag=True,
    help="Let a JSON-LD GRAPH fetch its remote or file:// @context (refused by default).",
)
def command(graph: Path, fmt: str | None, out: Path, allow_remote_context: bool) -> None:
    """Write GRAPH (an RDF file, or a build folder holding graph.ttl) in another format.

    RDF formats: turtle, ntriples, nquads and trig (one named graph per article),
    json-ld, rdfxml. Graph-tool formats: graphml, gexf, csv (nodes.csv + edges.csv).
    """
    from kg.errors import UsageError
    from kg.export import export_graph, get_exporter, load_graph

    data = load_graph(graph, allow_remote_context=allow_remote_context)
    if str(out) != "-":
        written = export_graph(data, fmt, out)
        click.echo(f"wrote {written}", err=True)
        return
    exporter = get_exporter(fmt or "turtle")
    if exporter.name == "csv":
        raise UsageError("csv output is two tables (nodes.csv, edges.csv); give a folder or a .zip file with --out")
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        target = Path(tmp) / f"graph{exporter.suffix}"
        export_graph(data, exporter.name, target)
        sys.stdout.buffer.write(target.read_bytes())
        sys.stdout.flush()
