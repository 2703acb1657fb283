"""kg evaluate's breakdown: per language, per property, per extractor, errors with sentences."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_kg
from rdflib import Graph

from kg.evaluate_breakdown import breakdown, restrict
from kg.gold import check_gold, merge_gold

TTL = """
@prefix mk: <https://w3id.org/mekong-kg/ontology#> .
@prefix mkr: <https://w3id.org/mekong-kg/resource/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix art: <https://w3id.org/mekong-kg/resource/article/> .
art:a1 a mk:Article ; dcterms:language "en" .
art:a2 a mk:Article ; dcterms:language "vi" .
mkr:p a mk:Person ; rdfs:label "Vanna Zorel" ; mk:mentionedIn art:a1 ; mk:holdsPositionIn mkr:m, mkr:x .
mkr:m a mk:Ministry ; rdfs:label "Ministry of Kites" ; mk:mentionedIn art:a1, art:a2 .
mkr:x a mk:Company ; rdfs:label "Zorel Kites" ; mk:mentionedIn art:a2 .
mkr:e1 a rdf:Statement, mk:Evidence ; rdf:subject mkr:p ; rdf:predicate mk:holdsPositionIn ; rdf:object mkr:m ;
  prov:wasDerivedFrom art:a1 ; mk:extractor "rule:good:en" ; mk:sentence "Minister Vanna Zorel of the Ministry of Kites."@en .
mkr:e2 a rdf:Statement, mk:Evidence ; rdf:subject mkr:p ; rdf:predicate mk:holdsPositionIn ; rdf:object mkr:x ;
  prov:wasDerivedFrom art:a2 ; mk:extractor "rule:bad:vi" ; mk:sentence "Zorel Kites bán diều."@vi .
"""
GOLD = {
    "format": "mekong-kg-gold/1",
    "documents": {"a1": {"lang": "en"}, "a2": {"lang": "vi"}},
    "entities": [
        {"id": "p", "type": "Person", "names": ["Vanna Zorel"], "docs": ["a1"]},
        {"id": "m", "type": "Ministry", "names": ["Ministry of Kites", "Bộ Diều"], "docs": ["a1", "a2"]},
        {"id": "x", "type": "Company", "names": ["Zorel Kites"], "docs": ["a2"]},
        {"id": "q", "type": "Person", "names": ["Lok Dara"], "docs": ["a2"]},
    ],
    "relations": [
        {"s": "p", "p": "holdsPositionIn", "o": "m", "docs": ["a1"]},
        {"s": "q", "p": "holdsPositionIn", "o": "x", "docs": ["a2"]},
    ],
}


def graph() -> Graph:
    return Graph().parse(data=TTL, format="turtle")


def test_figures_per_language() -> None:
    result = breakdown(GOLD, graph())
    en, vi = result["by_language"]["en"], result["by_language"]["vi"]
    assert (en["entities"]["tp"], en["entities"]["fp"], en["entities"]["fn"]) == (2, 0, 0)
    assert (en["relations"]["tp"], en["relations"]["fp"]) == (1, 0)
    assert (vi["entities"]["tp"], vi["entities"]["fn"]) == (2, 1)  # Lok Dara missed
    assert (vi["relations"]["tp"], vi["relations"]["fp"], vi["relations"]["fn"]) == (0, 1, 1)


def test_restrict_keeps_only_relations_evidenced_by_the_documents() -> None:
    gold, sub = restrict(GOLD, graph(), {"a1"})
    assert [e["id"] for e in gold["entities"]] == ["p", "m"]
    assert len(list(sub.triples((None, None, None)))) > 0
    assert {str(o) for o in sub.objects(None, None) if str(o).endswith("/x")} == set()


def test_extractor_precision_and_errors_carry_the_sentence() -> None:
    result = breakdown(GOLD, graph())
    assert result["by_extractor"]["rule:good:en"] == {"tp": 1, "fp": 0, "precision": 1.0}
    assert result["by_extractor"]["rule:bad:vi"] == {"tp": 0, "fp": 1, "precision": 0.0}
    [wrong] = result["spurious_relations"]
    assert (wrong["s"], wrong["p"], wrong["o"], wrong["sentence"]) == ("p", "holdsPositionIn", "x", "Zorel Kites bán diều.")
    assert result["missed_relations"] == [{"s": "q", "p": "holdsPositionIn", "o": "x", "docs": ["a2"]}]
    assert result["by_property"]["holdsPositionIn"]["tp"] == 1


def test_cli_prints_breakdown_and_extractors(tmp_path: Path) -> None:
    (tmp_path / "g.ttl").write_text(TTL, encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    proc = run_kg("evaluate", str(tmp_path / "gold.json"), str(tmp_path / "g.ttl"), "--by-extractor")
    assert proc.returncode == 0, proc.stderr
    assert "by language:" in proc.stdout and "  vi    1 docs" in proc.stdout
    assert "rule:bad:vi" in proc.stdout and "wrong more often than right" in proc.stdout
    assert "« Zorel Kites bán diều. »" in proc.stdout


def test_gold_parts_merge_into_one_entity_per_id() -> None:
    part = {
        "format": "mekong-kg-gold/1",
        "documents": {"b1": {"lang": "km"}},
        "entities": [{"id": "m", "type": "Ministry", "names": ["ក្រសួងខ្លែង"], "docs": ["b1"]}],
        "relations": [],
    }
    merged = merge_gold([GOLD, part])
    [m] = [e for e in merged["entities"] if e["id"] == "m"]
    assert m["names"] == ["Ministry of Kites", "Bộ Diều", "ក្រសួងខ្លែង"] and m["docs"] == ["a1", "a2", "b1"]
    assert check_gold(merged) == []
    broken = {**part, "relations": [{"s": "m", "p": "owns", "o": "zz", "docs": ["b9"]}]}
    assert len(check_gold(broken)) == 3


def test_bundled_dev_gold_is_current_and_sound() -> None:
    from kg.gold import read_gold_parts

    dev = Path(__file__).resolve().parents[1] / "data" / "dev"
    merged = merge_gold(read_gold_parts(dev / "gold").values())
    assert json.loads((dev / "gold.json").read_text(encoding="utf-8")) == merged
    assert check_gold(merged, dev / "docs") == []
