"""Serve a graph over the SPARQL 1.1 Protocol with Oxigraph.

The ``oxigraph`` command-line server (PyPI package ``oxigraph``) loads the graph
into a RocksDB folder (``oxigraph load``) and then serves it (``oxigraph serve``),
by default read-only and on the loopback interface only.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.errors import ConfigError, KgError, UsageError
from kg.export.load import RDF_SUFFIXES, load_graph, resolve_graph_path

logger = logging.getLogger(__name__)

#: Suffixes that ``oxigraph load`` reads directly; other formats are converted to N-Triples first.
OXIGRAPH_SUFFIXES: frozenset[str] = frozenset({".ttl", ".nt", ".nq", ".trig", ".rdf", ".n3", ".jsonld"})


class ServerError(KgError):
    """The SPARQL server could not be started."""


def oxigraph_executable() -> str:
    """Return the path of the ``oxigraph`` CLI: beside this Python, else on PATH.

    Raises:
        ConfigError: When it is not installed.
    """
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ConfigError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_is_free(host: str, port: int) -> bool:
    """Return True when nothing listens on ``host:port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def wait_for_sparql(url: str, *, timeout: float = 30.0, process: subprocess.Popen | None = None) -> None:
    """Wait until ``url`` answers ``ASK {}``.

    Args:
        url: The SPARQL query endpoint.
        timeout: Seconds to wait at most.
        process: The server process; when it exits, waiting stops at once.

    Raises:
        ServerError: When the endpoint does not answer in time or the process died.
    """
    deadline = time.monotonic() + timeout
    probe = f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerError(f"the SPARQL server exited with code {process.returncode} before it answered")
        with contextlib.suppress(OSError), urllib.request.urlopen(probe, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.1)
    raise ServerError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class OxigraphServer:
    """A running Oxigraph server; stop it with :meth:`stop` or use it as a context manager.

    Attributes:
        process: The server process.
        host: The interface it listens on.
        port: Its TCP port.
        location: The database folder.
    """

    process: subprocess.Popen
    host: str
    port: int
    location: Path
    _cleanup: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _log: IO[str] | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        """``http://host:port``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.base_url}/query"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server (terminate, then kill after ``timeout`` seconds) and remove a temporary database."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        if self._log is not None and not self._log.closed:
            self._log.close()
        if self._cleanup is not None:
            self._cleanup.cleanup()
            self._cleanup = None

    def __enter__(self) -> OxigraphServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def load_into_oxigraph(graph_path: Path, location: Path, *, timeout: float = 300.0) -> None:
    """Bulk-load a graph file into an Oxigraph database folder with ``oxigraph load``.

    Files in formats Oxigraph does not read are parsed with rdflib and loaded as N-Triples.

    Raises:
        InputError: When the file cannot be read.
        ServerError: When ``oxigraph load`` fails.
    """
    source = resolve_graph_path(graph_path)
    suffix = source.suffix.lower()
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        if suffix not in OXIGRAPH_SUFFIXES:
            if suffix not in RDF_SUFFIXES:
                load_graph(source)  # raises a clear InputError
            converted = Path(tmp) / "graph.nt"
            load_graph(source).serialize(converted, format="nt", encoding="utf-8")
            source = converted
        command = [oxigraph_executable(), "load", "--location", str(location), "--file", str(source)]
        logger.info("running %s", " ".join(command))
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise ServerError(f"{graph_path}: oxigraph could not load it: {detail[-1] if detail else proc.returncode}")


def start_server(
    graph_path: Path | str,
    *,
    port: int | None = None,
    bind: str = "127.0.0.1",
    location: Path | str | None = None,
    read_only: bool = True,
    timeout: float = 30.0,
) -> OxigraphServer:
    """Load a graph into Oxigraph and start its SPARQL server.

    Args:
        graph_path: The graph file (or a build folder holding ``graph.ttl``).
        port: TCP port; a free one when None.
        bind: Interface to listen on; loopback by default.
        location: Database folder to keep; a temporary folder (removed on stop) when None.
        read_only: Serve with ``serve-read-only`` (no SPARQL Update, no Graph Store writes).
        timeout: Seconds to wait for the server to answer.

    Returns:
        The running server (stop it with :meth:`OxigraphServer.stop`).

    Raises:
        UsageError: When the location exists and is not a folder.
        ServerError: When the server cannot load the graph or does not start.
    """
    cleanup = None
    if location is None:
        cleanup = tempfile.TemporaryDirectory(prefix="kg-oxigraph-")
        db = Path(cleanup.name)
    else:
        db = Path(location)
        if db.exists() and not db.is_dir():
            raise UsageError(f"{db}: the database location must be a folder")
        db.mkdir(parents=True, exist_ok=True)
    try:
        load_into_oxigraph(Path(graph_path), db)
        if port is None:
            port = free_port(bind)
        elif not port_is_free(bind, port):
            raise UsageError(f"port {port} on {bind} is already in use; choose another with --port")
        host = f"[{bind}]" if ":" in bind else bind
        mode = "serve-read-only" if read_only else "serve"
        command = [oxigraph_executable(), mode, "--location", str(db), "--bind", f"{host}:{port}"]
        logger.info("running %s", " ".join(command))
        # a file, not a pipe: a long-running server must never block on a full pipe
        log = tempfile.TemporaryFile(mode="w+", prefix="kg-oxigraph-", suffix=".log")  # noqa: SIM115
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    except BaseException:
        if cleanup is not None:
            cleanup.cleanup()
        raise
    server = OxigraphServer(process, bind, port, db, cleanup, log)
    try:
        wait_for_sparql(server.query_url, timeout=timeout, process=process)
        time.sleep(0.2)
        if process.poll() is not None:  # another server answered on that port
            raise ServerError(f"the SPARQL server exited with code {process.returncode}")
    except BaseException as e:
        stderr = ""
        if process.poll() is not None:
            log.seek(0)
            stderr = log.read().strip()
        server.stop()
        if isinstance(e, ServerError) and stderr:
            raise ServerError(f"{e}: {stderr.splitlines()[-1]}") from e
        raise
    return server
