"""``kg serve``: SIGTERM leaves no process and no temporary database, a restart on the same port works
at once, kg's prefixes are predeclared, SERVICE is refused (no connection is made) unless allowed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_cli_query_output import TURTLE, listener  # noqa: F401 (a fixture)

from kg.serve import free_port, oxigraph_executable, start_server

TIMEOUT = 60

pytestmark = pytest.mark.store


@pytest.fixture(autouse=True)
def _needs_oxigraph() -> None:
    try:
        oxigraph_executable()
    except Exception:
        pytest.skip("the oxigraph server is not installed")


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def ask(url: str, query: str, *, method: str = "GET") -> tuple[int, str]:
    if method == "GET":
        request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}")
    else:
        request = urllib.request.Request(
            url, data=query.encode("utf-8"), headers={"Content-Type": "application/sparql-query"}, method="POST"
        )
    request.add_header("Accept", "application/sparql-results+json")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def processes_mentioning(text: str) -> list[int]:
    """Pids of the running processes whose command line holds ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def start_kg_serve(graph: Path, port: int, tmp: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(graph), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp)},
        start_new_session=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    assert line == f"SPARQL endpoint: http://127.0.0.1:{port}/query\n", process.stderr.read() if process.stderr else ""
    return process


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_leaves_nothing_behind_and_the_port_is_free_at_once(graph_file: Path, tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    for _ in range(2):  # the second start reuses the port right after the first stopped
        process = start_kg_serve(graph_file, port, tmp)
        try:
            status, body = ask(f"http://127.0.0.1:{port}/query", "SELECT ?c WHERE { ?c a mk:Company }")
            assert status == 200
            assert len(json.loads(body)["results"]["bindings"]) == 2
            assert processes_mentioning(str(tmp)), "oxigraph should run from the temporary database"
            os.kill(process.pid, signal.SIGTERM)  # kg only, not its process group
            assert process.wait(timeout=TIMEOUT) == 0
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=TIMEOUT)
        deadline = time.monotonic() + 10
        while processes_mentioning(str(tmp)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert processes_mentioning(str(tmp)) == []
        assert [p.name for p in tmp.iterdir() if p.name.startswith("kg-")] == []


def test_prefixes_are_predeclared_and_service_is_refused(graph_file: Path, listener) -> None:  # noqa: F811
    port, seen = listener
    with start_server(graph_file, timeout=TIMEOUT) as server:
        status, body = ask(server.query_url, "SELECT ?l WHERE { ?c a mk:Company ; rdfs:label ?l } ORDER BY ?l")
        assert status == 200
        assert [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Aldermoor", "Zentrova"]
        federated = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        for method in ("GET", "POST"):
            status, body = ask(server.query_url, federated, method=method)
            assert status == 400 and "--allow-service" in body
        status, _ = ask(server.query_url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", method="POST")
        assert status == 200
    assert seen == []
    assert server.process.poll() is not None


def test_a_writable_server_predeclares_prefixes_in_updates(graph_file: Path) -> None:
    with start_server(graph_file, read_only=False, timeout=TIMEOUT) as server:
        update = "INSERT DATA { <https://w3id.org/mekong-kg/resource/company/brightwell> a mk:Company }"
        request = urllib.request.Request(
            f"{server.base_url}/update",
            data=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            assert response.status in (200, 204)
        status, body = ask(server.query_url, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a mk:Company }")
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
