"""Competency questions: SPARQL a user would write against the contract, answered in Oxigraph.

A question file (``data/dev/questions.json``) lists questions whose SPARQL writes ``<<id>>`` for the
graph node aligned to gold entity ``id`` (the reference scorer's alignment, :func:`kg.evaluate.align`),
and the expected rows as gold ids or plain strings. ``kg evaluate GOLD GRAPH --questions FILE``
answers them; the dev-set test asserts how many are right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.evaluate import align, system_entities

PREFIXES = """PREFIX mk: <https://w3id.org/mekong-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_GOLD_ID = re.compile(r"<<([\w-]+)>>")


@dataclass
class Answer:
    """One question's outcome: whether it was answered right, and the rows found and expected."""

    id: str
    question: str
    ok: bool
    got: list[tuple] = field(default_factory=list)
    want: list[tuple] = field(default_factory=list)
    problem: str = ""


def answer_questions(gold: dict, questions: list[dict], graph: Graph) -> list[Answer]:
    """Answer every question over ``graph`` (an entity split over several nodes is asked with each)."""
    import pyoxigraph as ox

    mapping = align(graph, gold, system_entities(graph))
    nodes: dict[str, list[str]] = {}
    for node, gid in mapping.items():
        nodes.setdefault(gid, []).append(str(node))
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    out = []
    for q in questions:
        wanted_ids = set(_GOLD_ID.findall(q["sparql"]))
        missing = sorted(g for g in wanted_ids if g not in nodes)
        want = sorted(tuple(r) for r in q["expect"])
        if missing:
            out.append(Answer(q["id"], q["question"], False, want=want, problem=f"no node for {', '.join(missing)}"))
            continue
        variants = [q["sparql"]]
        for gid in sorted(wanted_ids):
            variants = [v.replace(f"<<{gid}>>", f"<{iri}>") for v in variants for iri in nodes[gid]]
        rows: set[tuple] = set()
        try:
            for sparql in variants:
                for solution in store.query(PREFIXES + sparql):  # type: ignore[union-attr]
                    rows.add(tuple(_cell(term, mapping) for term in solution))
        except (SyntaxError, OSError, ValueError) as e:
            out.append(Answer(q["id"], q["question"], False, want=want, problem=f"query failed: {e}"))
            continue
        expect = {tuple(r) for r in q["expect"]}
        if q.get("at_least"):
            ok = len(rows) >= q["at_least"]
        elif q.get("match") == "contains":
            ok = expect <= rows and len(rows) <= len(expect) + q.get("extra", 0)
        else:
            ok = rows == expect
        out.append(Answer(q["id"], q["question"], ok, got=sorted(rows, key=str), want=want))
    return out


def _cell(term: object, mapping: dict) -> str | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return mapping.get(URIRef(term.value), term.value)
    return term.value  # type: ignore[attr-defined]


def format_answers(answers: list[Answer]) -> str:
    """One line per question (with what was found and wanted when wrong), then ``answered K/N``."""
    lines = []
    for a in answers:
        lines.append(f"{a.id}: {'ok' if a.ok else 'WRONG'}  {a.question}")
        if not a.ok:
            lines.append(
                f"    {a.problem}"
                if a.problem
                else f"    got {[list(r) for r in a.got][:12]}\n    want {[list(r) for r in a.want]}"
            )
    lines.append(f"answered {sum(a.ok for a in answers)}/{len(answers)}")
    return "\n".join(lines)
