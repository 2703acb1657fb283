"""A curated fact (a gazetteer country) cites the gazetteer, never a sentence that does not state it."""

from __future__ import annotations

from pathlib import Path

from conftest import run_kg
from rdflib import RDF, Graph
from rdflib.namespace import PROV

from kg.vocab import MK, MKR


def test_curated_country_cites_the_gazetteer_and_the_graph_conforms(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Zelora fintech week opens\n\nThe Bank of Thailand said on Monday that Kitramo Pay will join its sandbox in Thailand.\n",
        encoding="utf-8",
    )
    run_kg("build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", check=True)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    bot, thailand = MKR["publicbody/bank-of-thailand"], MKR["country/thailand"]
    assert (bot, MK.country, thailand) in graph
    records = [
        r
        for r in graph.subjects(RDF.subject, bot)
        if graph.value(r, RDF.predicate) == MK.country
        and graph.value(r, RDF.object) == thailand
        and "gazetteer" in str(graph.value(r, MK.extractor))
    ]
    assert records
    for record in records:
        source = graph.value(record, PROV.wasDerivedFrom)
        assert (source, RDF.type, MK.CuratedSource) in graph
        assert graph.value(record, MK.sentence) is None
    assert run_kg("validate", str(tmp_path / "out" / "graph.ttl")).returncode == 0
    assert run_kg("validate", str(tmp_path / "out" / "graph.ttl"), "--store", "oxigraph").returncode == 0
