"""Serve a graph over the SPARQL 1.1 Protocol with Oxigraph.

The ``oxigraph`` command-line server (PyPI package ``oxigraph``) loads the graph
into a RocksDB folder (``oxigraph load``) and then serves it (``oxigraph serve``),
by default read-only and on the loopback interface only.

Oxigraph listens on a private loopback port; clients talk to a small guard in
front of it (:class:`SparqlGuard`) which predeclares kg's prefixes (``mk:``,
``mkr:`` ...) in every query and refuses ``SERVICE`` clauses unless allowed: a
federated query would make the server send requests to any address a client
names. Queries stop after a timeout (60 s by default).
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.errors import ConfigError, KgError, UsageError
from kg.export.load import RDF_SUFFIXES, check_jsonld_contexts, load_graph, resolve_graph_path

#: Seconds a query may run in ``kg serve`` unless told otherwise.
DEFAULT_TIMEOUT = 60.0

#: Largest request body the guard reads (a query or an update).
MAX_BODY = 10_000_000

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
    """Return True when nothing listens on ``host:port`` (a port left in TIME_WAIT by a stopped server is free)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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


def _prefix_block() -> str:
    from kg.query import DISPLAY_PREFIXES

    return "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in DISPLAY_PREFIXES.items())


def _has_service(text: str) -> bool:
    """True when a query or update holds SERVICE; text rdflib cannot parse is checked for the keyword."""
    import re

    from kg.query import _SPARQL_TOKENS, uses_service

    try:
        return uses_service(text)
    except UsageError:
        bare = _SPARQL_TOKENS.sub(lambda m: " " if m.group("skip") else m.group(0), text)
        return re.search(r"\bSERVICE\b", bare, re.IGNORECASE) is not None


class _GuardHandler(http.server.BaseHTTPRequestHandler):
    """Forwards one request to Oxigraph after checking and completing its query or update."""

    server: SparqlGuard
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        logger.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._forward(None)

    def do_HEAD(self) -> None:
        self._forward(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._refuse(413, f"request body over {MAX_BODY} bytes")
            return
        self._forward(self.rfile.read(length) if length else b"")

    def do_PUT(self) -> None:
        self.do_POST()

    def do_DELETE(self) -> None:
        self._forward(None)

    def _refuse(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _check(self, text: str) -> str | None:
        """The refusal message for a query or update, or None when it may run."""
        if not self.server.allow_service and _has_service(text):
            return "SERVICE (a federated query) is refused by this server; start kg serve with --allow-service to allow it"
        return None

    def _complete(self, text: str) -> str:
        """The query or update with kg's prefixes declared before it (its own declarations come later and win)."""
        return self.server.prefixes + text

    def _forward(self, body: bytes | None) -> None:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        texts: list[str] = []
        new_params = []
        for key, value in params:
            if key in ("query", "update"):
                texts.append(value)
                value = self._complete(value)
            new_params.append((key, value))
        if body is not None and content_type == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            new_form = []
            for key, value in form:
                if key in ("query", "update"):
                    texts.append(value)
                    value = self._complete(value)
                new_form.append((key, value))
            body = urllib.parse.urlencode(new_form).encode("utf-8")
        elif body is not None and content_type in ("application/sparql-query", "application/sparql-update"):
            text = body.decode("utf-8", "replace")
            texts.append(text)
            body = self._complete(text).encode("utf-8")
        for text in texts:
            refusal = self._check(text)
            if refusal:
                self._refuse(400, refusal)
                return
        path = urllib.parse.urlunsplit(("", "", url.path, urllib.parse.urlencode(new_params), ""))
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in ("host", "connection", "content-length", "keep-alive", "transfer-encoding")
        }
        connection = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=self.server.upstream_timeout)
        try:
            connection.request(self.command, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as e:
            self._refuse(502, f"the SPARQL server did not answer ({e.__class__.__name__})")
            return
        finally:
            connection.close()
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in ("connection", "content-length", "keep-alive", "transfer-encoding", "server", "date"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class SparqlGuard(http.server.ThreadingHTTPServer):
    """The HTTP front of ``kg serve``: checks every query, then forwards it to Oxigraph.

    Attributes:
        upstream_port: Oxigraph's private loopback port.
        allow_service: Let SERVICE clauses through.
        prefixes: PREFIX declarations put before every query (kg's prefixes).
        upstream_timeout: Seconds to wait for Oxigraph's answer.
    """

    daemon_threads = True
    allow_reuse_address = True  # a restart on the same port works at once

    def __init__(self, host: str, port: int, upstream_port: int, *, allow_service: bool, timeout: float | None) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.upstream_port = upstream_port
        self.allow_service = allow_service
        self.prefixes = _prefix_block()
        self.upstream_timeout = (timeout or 3600.0) + 10.0
        super().__init__((host, port), _GuardHandler)


@dataclass
class OxigraphServer:
    """A running Oxigraph server behind kg's guard; stop it with :meth:`stop` or use it as a context manager.

    Attributes:
        process: The Oxigraph server process.
        host: The interface the guard listens on.
        port: Its TCP port.
        location: The database folder.
        upstream_port: Oxigraph's own loopback port.
    """

    process: subprocess.Popen
    host: str
    port: int
    location: Path
    _cleanup: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _log: IO[str] | None = field(default=None, repr=False)
    upstream_port: int = 0
    _guard: SparqlGuard | None = field(default=None, repr=False)

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
        if self._guard is not None:
            self._guard.shutdown()
            self._guard.server_close()
            self._guard = None
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
    if RDF_SUFFIXES.get(suffix) == "json-ld":
        check_jsonld_contexts(source)
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
    query_timeout: float | None = DEFAULT_TIMEOUT,
    allow_service: bool = False,
) -> OxigraphServer:
    """Load a graph into Oxigraph and start its SPARQL server.

    Args:
        graph_path: The graph file (or a build folder holding ``graph.ttl``).
        port: TCP port; a free one when None.
        bind: Interface to listen on; loopback by default.
        location: Database folder to keep; a temporary folder (removed on stop) when None.
        read_only: Serve with ``serve-read-only`` (no SPARQL Update, no Graph Store writes).
        timeout: Seconds to wait for the server to answer.
        query_timeout: Seconds a query may run (Oxigraph's ``--timeout-s``); None for no limit.
        allow_service: Let queries hold SERVICE clauses (refused with HTTP 400 otherwise).

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
    guard = None
    try:
        if port is not None and not port_is_free(bind, port):
            raise UsageError(f"port {port} on {bind} is already in use; choose another with --port")
        load_into_oxigraph(Path(graph_path), db)
        try:
            guard = SparqlGuard(bind, port or 0, 0, allow_service=allow_service, timeout=query_timeout)
        except OSError as e:
            raise UsageError(f"cannot listen on {bind}:{port}: {e.strerror or e}; choose another with --port") from e
        port = int(guard.server_address[1])
        upstream = free_port("127.0.0.1")
        guard.upstream_port = upstream
        mode = "serve-read-only" if read_only else "serve"
        command = [oxigraph_executable(), mode, "--location", str(db), "--bind", f"127.0.0.1:{upstream}"]
        if query_timeout is not None:
            command += ["--timeout-s", str(max(1, round(query_timeout)))]
        logger.info("running %s", " ".join(command))
        # a file, not a pipe: a long-running server must never block on a full pipe
        log = tempfile.TemporaryFile(mode="w+", prefix="kg-oxigraph-", suffix=".log")  # noqa: SIM115
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, preexec_fn=_die_with_parent)
    except BaseException:
        if guard is not None:
            guard.server_close()
        if cleanup is not None:
            cleanup.cleanup()
        raise
    server = OxigraphServer(process, bind, port, db, cleanup, log, upstream, guard)
    try:
        wait_for_sparql(f"http://127.0.0.1:{upstream}/query", timeout=timeout, process=process)
        time.sleep(0.2)
        if process.poll() is not None:  # another server answered on that port
            raise ServerError(f"the SPARQL server exited with code {process.returncode}")
        threading.Thread(target=guard.serve_forever, name="kg-serve-guard", daemon=True).start()
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


def _die_with_parent() -> None:
    """In the Oxigraph child (Linux): be sent SIGTERM when kg dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
