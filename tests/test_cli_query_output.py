"""``kg query`` output: SELECT * column order, CONSTRUCT as Turtle, tsv, ``-`` for standard input and
output, IRIs shortened in tables, GROUP_CONCAT over OPTIONAL, SERVICE and remote @context refused
(no connection is made), --timeout, and "did you mean"."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_kg

from kg.cli import cli
from kg.errors import KgError, UsageError
from kg.export.load import load_graph, load_store_graph
from kg.query import run_query

TURTLE = """\
@prefix mk: <https://w3id.org/mekong-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/mekong-kg/resource/company/zentrova> a mk:Company ; rdfs:label "Zentrova"@en ;
    mk:concerns <https://w3id.org/mekong-kg/resource/technology/qubit-ledger> .
<https://w3id.org/mekong-kg/resource/company/aldermoor> a mk:Company ; rdfs:label "Aldermoor"@en .
<https://w3id.org/mekong-kg/resource/technology/qubit-ledger> a mk:Technology ; rdfs:label "qubit ledger"@en .
"""


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def kg(*args: str, input: str | None = None) -> tuple[int, str]:
    """Run the CLI in process; a KgError gives its exit code and message, as ``kg.cli.main`` does."""
    result = CliRunner().invoke(cli, list(args), input=input)
    if isinstance(result.exception, KgError):
        return result.exception.exit_code, result.output + str(result.exception)
    return result.exit_code, result.output


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_select_star_columns_follow_the_query(graph_file: Path, store: str) -> None:
    code, out = kg(
        "query", str(graph_file), "--store", store, "SELECT * WHERE { ?thing rdfs:label ?name ; a ?kind } ORDER BY ?name"
    )
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].split() == ["thing", "name", "kind"]
    assert lines[2].split() == ["mkr:company/aldermoor", "Aldermoor", "mk:Company"]
    assert lines[3].split() == ["mkr:company/zentrova", "Zentrova", "mk:Company"]
    assert lines[-1] == "(3 rows)"


def test_select_star_exact_table(graph_file: Path) -> None:
    code, out = kg("query", str(graph_file), "SELECT * WHERE { ?c a mk:Company ; rdfs:label ?l } ORDER BY ?l")
    assert code == 0, out
    assert out == (
        "c                      l\n"
        "---------------------  ---------\n"
        "mkr:company/aldermoor  Aldermoor\n"
        "mkr:company/zentrova   Zentrova\n"
        "(2 rows)\n"
    )


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_construct_prints_turtle(graph_file: Path, store: str) -> None:
    code, out = kg("query", str(graph_file), "--store", store, "CONSTRUCT { ?c mk:concerns ?t } WHERE { ?c mk:concerns ?t }")
    assert code == 0, out
    assert out == (
        "@prefix mk: <https://w3id.org/mekong-kg/ontology#> .\n\n"
        "<https://w3id.org/mekong-kg/resource/company/zentrova> "
        "mk:concerns <https://w3id.org/mekong-kg/resource/technology/qubit-ledger> .\n"
    )


def test_describe_prints_turtle(graph_file: Path) -> None:
    code, out = kg("query", str(graph_file), "DESCRIBE <https://w3id.org/mekong-kg/resource/company/aldermoor>")
    assert code == 0, out
    assert '"Aldermoor"@en' in out and "(1 row" not in out and out.startswith("@prefix")


def test_query_from_standard_input_to_tsv(graph_file: Path) -> None:
    code, out = kg(
        "query", str(graph_file), "--file", "-", "--format", "tsv",
        input="SELECT ?l ?c WHERE { ?c a mk:Company ; rdfs:label ?l } ORDER BY ?l",
    )  # fmt: skip
    assert code == 0, out
    assert out == (
        "?l\t?c\n"
        '"Aldermoor"@en\t<https://w3id.org/mekong-kg/resource/company/aldermoor>\n'
        '"Zentrova"@en\t<https://w3id.org/mekong-kg/resource/company/zentrova>\n'
    )


def test_output_file_and_format_aliases(graph_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    code, _ = kg("query", str(graph_file), "--csv", "--output", str(target), "SELECT ?l WHERE { ?c rdfs:label ?l } ORDER BY ?l")
    assert code == 0
    assert target.read_text(encoding="utf-8") == "l\nAldermoor\nZentrova\nqubit ledger\n"
    code, out = kg("query", str(graph_file), "--json", "--format", "csv", "ASK {}")
    assert code == 2 and "one output format" in out


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_group_concat_distinct_over_optional(graph_file: Path, store: str) -> None:
    graph = load_store_graph(graph_file) if store == "oxigraph" else load_graph(graph_file)
    result = run_query(
        graph,
        "SELECT ?l (GROUP_CONCAT(DISTINCT ?tl; separator='|') AS ?techs) (COUNT(DISTINCT ?t) AS ?n) WHERE {"
        " ?c a mk:Company ; rdfs:label ?l . OPTIONAL { ?c mk:concerns ?t . ?t rdfs:label ?tl } } GROUP BY ?l ORDER BY ?l",
    )
    # an empty GROUP_CONCAT is "" in rdflib, unbound in Oxigraph
    assert [["" if v is None else str(v) for v in row] for row in result.rows] == [
        ["Aldermoor", "", "0"],
        ["Zentrova", "qubit ledger", "1"],
    ]


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(1)
            try:
                seen.append(conn.recv(1024) or b"(connected)")
            except OSError:
                seen.append(b"(connected)")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(2)
    server.close()


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_service_is_refused_and_makes_no_connection(graph_file: Path, listener, store: str) -> None:
    port, seen = listener
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    code, out = kg("query", str(graph_file), "--store", store, query)
    assert code == 2 and "SERVICE" in out and "--allow-service" in out
    graph = load_store_graph(graph_file) if store == "oxigraph" else load_graph(graph_file)
    with pytest.raises(UsageError, match="SERVICE"):
        run_query(graph, f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?x }} }} }}")
    assert seen == []


def test_a_remote_or_file_context_is_not_fetched(tmp_path: Path, listener) -> None:
    port, seen = listener
    secret = tmp_path / "secret.jsonld"
    secret.write_text(json.dumps({"@context": {"name": "urn:secret-value-of-the-host"}}), encoding="utf-8")
    remote = tmp_path / "remote.jsonld"
    remote.write_text(
        json.dumps({"@context": f"http://127.0.0.1:{port}/context.jsonld", "@id": "urn:a", "name": "Zentrova"}),
        encoding="utf-8",
    )
    local = tmp_path / "local.jsonld"
    local.write_text(json.dumps({"@graph": [{"@context": [secret.as_uri()], "@id": "urn:b", "name": "x"}]}), encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": [], "relations": []}), encoding="utf-8")
    for path in (remote, local):
        for args in (
            ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"],
            ["query", "--store", "oxigraph", str(path), "SELECT * WHERE { ?s ?p ?o }"],
            ["validate", str(path)],
            ["export", str(path), "--format", "nt", "--out", str(tmp_path / "x.nt")],
            ["evaluate", str(gold), str(path)],
        ):
            code, out = kg(*args)
            assert code == 2, (args, out)
            assert "--allow-remote-context" in out and "secret-value" not in out
    assert seen == []
    inline = tmp_path / "inline.jsonld"
    inline.write_text(json.dumps({"@context": {"name": "urn:n"}, "@id": "urn:c", "name": "Aldermoor"}), encoding="utf-8")
    code, out = kg("query", str(inline), "--csv", "SELECT ?o WHERE { ?s ?p ?o }")
    assert (code, out) == (0, "o\nAldermoor\n")


def test_a_query_past_its_timeout_is_abandoned(graph_file: Path) -> None:
    many = graph_file.with_name("many.nt")
    many.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i}> .\n" for i in range(300)), encoding="utf-8")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    proc = run_kg("query", str(many), "--timeout", "1", slow)
    assert proc.returncode == 2
    assert "longer than 1 s" in proc.stderr


def test_did_you_mean(graph_file: Path) -> None:
    code, out = kg("query", str(graph_file), "--name", "ofices")
    assert code == 2 and "did you mean offices?" in out
    code, out = kg("qeury", str(graph_file))
    assert code == 2 and "Did you mean query?" in out


def test_tsv_escapes_tabs_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "t.nt"
    path.write_text('<urn:a> <urn:note> "line one\\n\\tindented \\"quoted\\""@en .\n', encoding="utf-8")
    code, out = kg("query", str(path), "--format", "tsv", "SELECT ?n WHERE { ?s ?p ?n }")
    assert code == 0, out
    assert out == '?n\n"line one\\n\\tindented \\"quoted\\""@en\n'
