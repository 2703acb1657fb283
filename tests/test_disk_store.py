"""``kg build --store oxigraph:DIR``: the graph assembled in an on-disk Oxigraph store (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.errors import UsageError
from kg.graph.builder import store_folder
from kg.graph.store import OxigraphGraph, open_disk_store, write_store_ntriples
from kg.pipeline import RunOptions, build, choose_store
from kg.resources import default_corpus_dir

EX = "http://example.org/"


def _triple(i: int) -> tuple[URIRef, URIRef, Literal]:
    return URIRef(f"{EX}s{i % 7}"), URIRef(f"{EX}p{i % 3}"), Literal(f"value {i}", lang="en")


def test_bulk_graph_sees_triples_before_they_are_loaded(tmp_path: Path) -> None:
    graph = open_disk_store(tmp_path / "store")
    graph._bulk = 10  # load every 10 triples
    for i in range(25):
        graph.add(_triple(i))
    assert graph.on_disk and graph._pending  # five still gathered
    assert _triple(24) in graph and _triple(3) in graph and _triple(99) not in graph
    assert (URIRef(f"{EX}s3"), None, None) in graph  # a pattern loads what was gathered first
    assert len(graph) == 25 and not graph._pending
    assert graph.value(URIRef(f"{EX}s0"), URIRef(f"{EX}p0")) is not None


def test_disk_store_streams_triples_grouped_by_subject(tmp_path: Path) -> None:
    graph = open_disk_store(tmp_path / "store")
    for i in range(40):
        graph.add(_triple(i))
    out = tmp_path / "g.nt"
    with open(out, "wb") as fh:
        write_store_ntriples(graph, fh)
    lines = out.read_text(encoding="utf-8").splitlines()
    subjects = [line.split(" ", 1)[0] for line in lines]
    runs = [s for k, s in enumerate(subjects) if k == 0 or s != subjects[k - 1]]
    assert len(lines) == 40 and len(runs) == len(set(subjects)) == 7  # each subject's triples together
    assert isomorphic(Graph().parse(out, format="nt"), Graph().parse(data="\n".join(lines), format="nt"))


def test_disk_store_is_emptied_and_reopened(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    graph = open_disk_store(folder)
    graph.add(_triple(1))
    graph.flush()
    del graph  # the store's lock goes with it
    again = open_disk_store(folder)
    assert len(again) == 0  # a build starts from an empty graph


def test_foreign_folder_and_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="not an Oxigraph store"):
        open_disk_store(tmp_path / "notes")
    assert (tmp_path / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        open_disk_store(tmp_path / "file")


def test_store_specs() -> None:
    assert store_folder("oxigraph:store") == Path("store") and store_folder("memory") is None
    assert choose_store("oxigraph:/x/y", 3) == "oxigraph:/x/y"
    with pytest.raises(UsageError):
        choose_store("sqlite:/x", 3)


def test_bundled_corpus_on_disk_is_the_memory_graph(tmp_path: Path) -> None:
    run = RunOptions(workers=1, cache_dir=tmp_path / "cache")  # the second build reads the first's articles
    memory = build(default_corpus_dir(), tmp_path / "memory", store="memory", run=run)
    disk = build(default_corpus_dir(), tmp_path / "disk", store=f"oxigraph:{tmp_path / 'store'}", run=run)
    a = Graph().parse(memory.outputs["turtle"], format="turtle")
    b = Graph().parse(disk.outputs["turtle"], format="turtle")
    assert len(a) > 500 and isomorphic(a, b)
    report = json.loads(disk.outputs["report"].read_text(encoding="utf-8"))
    assert report["store"] == "oxigraph" and report["store_dir"] == str((tmp_path / "store").resolve())
    assert report["validation"] == json.loads(memory.outputs["report"].read_text(encoding="utf-8"))["validation"]
    assert (tmp_path / "disk" / "graph.html").stat().st_size > 0
    assert json.loads(memory.outputs["report"].read_text(encoding="utf-8"))["store_dir"] is None


def test_cli_builds_into_a_disk_store_and_refuses_unknown_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Norvanh Keosavang, director of Phakhao Digital Co., Ltd., met officials of the Bank of the Lao PDR "
        "in Vientiane to discuss QR code payments.",
        encoding="utf-8",
    )
    runner = CliRunner()
    store = tmp_path / "store"
    done = runner.invoke(
        cli, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "-q", "--store", f"oxigraph:{store}"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["store_dir"] == str(store.resolve())
    graph = OxigraphGraph  # the store is left for queries: it opens and holds the graph
    import pyoxigraph as ox

    assert len(graph(ox.Store(str(store)))) == len(Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle"))
    bad = runner.invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out2"), "--store", "sqlite"])
    assert bad.exit_code == 2 and "oxigraph:DIR" in bad.output


def test_a_foreign_store_folder_is_refused_before_the_long_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Vientiane hosted the Invented Digital Forum 2031 on QR code payments.", encoding="utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the per-article stage ran")

    monkeypatch.setattr(kg.pipeline, "extract_graph", never)
    with pytest.raises(UsageError, match="not an Oxigraph store"):
        build(corpus, tmp_path / "out", store=f"oxigraph:{tmp_path / 'photos'}")
    assert (tmp_path / "photos" / "cat.jpg").read_bytes() == b"\xff\xd8"
