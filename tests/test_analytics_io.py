"""Reading graph files by suffix (kg.export.load, also kg.analytics.load_graph), clear errors; docstring examples."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from kg.analytics import load_graph, sample_graph
from kg.errors import InputError
from kg.export.load import DATASET_FORMATS as QUAD_FORMATS
from kg.export.load import RDF_SUFFIXES as FORMATS


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".n3"])
def test_io_load_graph_round_trip(tmp_path: Path, suffix: str) -> None:
    graph = sample_graph()
    path = tmp_path / f"graph{suffix}"
    if FORMATS[suffix] in QUAD_FORMATS:
        dataset = Dataset()
        named = dataset.graph(URIRef("urn:kg:test"))
        for triple in graph:
            named.add(triple)
        dataset.serialize(path, format=FORMATS[suffix])
    else:
        graph.serialize(path, format=FORMATS[suffix])
    assert isomorphic(load_graph(path), graph)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.ttl", None, "no such graph file"),
        ("graph.csv", "a,b,c\n", "cannot tell the RDF format from the suffix '.csv'"),
        ("broken.ttl", "<urn:a> <urn:b> .\n", "not valid turtle"),
        ("broken.jsonld", "{not json", "not valid json-ld"),
    ],
)
def test_io_load_graph_errors_name_the_file(tmp_path: Path, name: str, content: str | None, problem: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_graph(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "module", ["kg.export.load", "kg.analytics.paths", "kg.analytics.sample", "kg.analytics.stats", "kg.cli.stats"]
)
def test_analytics_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
