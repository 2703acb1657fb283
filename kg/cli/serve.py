"""``kg serve GRAPH``: serve a graph over the SPARQL protocol with Oxigraph."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-p", "--port", type=click.IntRange(1, 65535), help="TCP port (default: a free one).")
@click.option("--bind", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--location",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the Oxigraph database in this folder (default: a temporary one, removed on exit).",
)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update and Graph Store writes.")
def command(graph: Path, port: int | None, bind: str, location: Path | None, writable: bool) -> None:
    """Load GRAPH into Oxigraph and serve it until interrupted (Ctrl-C).

    Prints the SPARQL query endpoint URL. The server is read-only unless
    --writable is given, and listens on 127.0.0.1 unless --bind says otherwise.
    """
    import time

    from kg.serve import start_server

    server = start_server(graph, port=port, bind=bind, location=location, read_only=not writable)
    try:
        click.echo(f"SPARQL endpoint: {server.query_url}")
        click.echo(f"web UI:          {server.base_url}/")
        click.echo("press Ctrl-C to stop", err=True)
        while server.process.poll() is None:
            time.sleep(0.5)
        click.echo(f"the server exited with code {server.process.returncode}", err=True)
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        server.stop()
