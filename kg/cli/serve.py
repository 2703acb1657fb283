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
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let queries use SERVICE, which makes the server send requests to other addresses (refused by default).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60.0,
    show_default=True,
    help="Stop a query after this many seconds (0: no limit).",
)
def command(
    graph: Path,
    port: int | None,
    bind: str,
    location: Path | None,
    writable: bool,
    allow_service: bool,
    timeout: float,
) -> None:
    """Load GRAPH into Oxigraph and serve it until interrupted (Ctrl-C or SIGTERM).

    Prints the SPARQL query endpoint URL. The server is read-only unless
    --writable is given, and listens on 127.0.0.1 unless --bind says otherwise.
    kg's prefixes (mk:, mkr:, rdfs:, skos: ...) are predeclared in every query;
    SERVICE clauses are refused (HTTP 400) unless --allow-service is given. On
    exit the Oxigraph process and a temporary database are removed.
    """
    import signal
    import time

    from kg.serve import start_server

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGTERM (kill, systemd, docker stop) and SIGHUP stop the server as Ctrl-C does, through the finally below
    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    server = None
    try:
        server = start_server(
            graph,
            port=port,
            bind=bind,
            location=location,
            read_only=not writable,
            query_timeout=timeout or None,
            allow_service=allow_service,
        )
        click.echo(f"SPARQL endpoint: {server.query_url}")
        click.echo(f"web UI:          {server.base_url}/")
        click.echo("press Ctrl-C to stop", err=True)
        while server.process.poll() is None:
            time.sleep(0.5)
        click.echo(f"the server exited with code {server.process.returncode}", err=True)
    except KeyboardInterrupt:
        click.echo("stopping", err=True)
    finally:
        # a second signal while stopping must not cut the clean-up short
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        if server is not None:
            server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
