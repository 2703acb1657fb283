"""Where a score comes from: figures per language, class, property and extractor.

``kg.evaluate.score`` gives the reference scorer's figures for a whole graph.
This module cuts them up so that a rule that is wrong more often than right
shows:

- ``restrict(gold, graph, docs)``: the gold and the graph of some documents
  only (entities mentioned in them, relations evidenced by them), so that the
  reference measures can be taken per language;
- ``judge_relations(gold, graph)``: every relation triple of the graph with its
  verdict (``tp``, ``fp`` or ``optional``), the extractors and sentences of its
  evidence;
- ``breakdown(gold, graph)``: the whole score, the score per language,
  precision/recall per property and precision per extractor, with each
  spurious fact's sentence and each missed fact's documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, Graph, URIRef

from kg.evaluate import MK, PROV, RELATIONS, SYMMETRIC, align, prf, score, system_entities

ARTICLE_PREFIX = "https://w3id.org/mekong-kg/resource/article/"


def _doc_id(article: URIRef) -> str:
    return str(article)[len(ARTICLE_PREFIX) :] if str(article).startswith(ARTICLE_PREFIX) else str(article)


def restrict(gold: dict, graph: Graph, docs: set[str]) -> tuple[dict, Graph]:
    """The gold and the graph cut down to the documents ``docs`` (ids = file stems).

    Gold keeps the entities and relations whose ``docs`` meet ``docs``; the
    graph keeps the relation triples with an evidence record derived from one
    of them, those records, and the entities mentioned in them or at either end
    of such a triple (all their types and labels).
    """
    sub_gold = {
        "format": gold.get("format"),
        "documents": {d: m for d, m in gold.get("documents", {}).items() if d in docs},
        "entities": [{**e, "docs": [d for d in e["docs"] if d in docs]} for e in gold["entities"] if set(e["docs"]) & docs],
        "relations": [{**r, "docs": [d for d in r["docs"] if d in docs]} for r in gold["relations"] if set(r["docs"]) & docs],
    }
    articles = {a for a in graph.subjects(RDF.type, MK.Article) if _doc_id(a) in docs}
    keep = {s for s, a in graph.subject_objects(MK.mentionedIn) if a in articles}
    out = Graph()
    for record, article in graph.subject_objects(PROV.wasDerivedFrom):
        s, p, o = (graph.value(record, k) for k in (RDF.subject, RDF.predicate, RDF.object))
        curated = (article, RDF.type, MK.CuratedSource) in graph
        if article not in articles and not (curated and any((s, MK.mentionedIn, a) in graph for a in articles)):
            continue  # a curated fact counts in the documents that mention its subject
        if p in _RELATION_URIS and (s, p, o) in graph:
            keep |= {s, o}  # the ends of a relation the documents state are entities of theirs
            out.add((s, p, o))
            for rp, ro in graph.predicate_objects(record):
                out.add((record, rp, ro))
    for node in keep:
        for p, o in graph.predicate_objects(node):
            if p != MK.mentionedIn and p not in _RELATION_URIS:  # relations come with their evidence above
                out.add((node, p, o))
    return sub_gold, out


_RELATION_URIS = {MK[p] for p in RELATIONS}


@dataclass
class Judged:
    """One relation triple of the graph and what the gold says of it."""

    subject: str  # gold id, or the node's label where it matches none
    prop: str
    object: str
    verdict: str  # tp | fp | optional
    extractors: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)


def _gold_relations(gold: dict) -> tuple[set, set]:
    required, optional = set(), set()
    party = [
        {"s": e["id"], "p": "party", "o": p, "optional": e.get("optional", False)}
        for e in gold["entities"]
        if e["type"] == "Agreement"
        for p in e["parties"]
    ]
    for r in gold["relations"] + party:
        target = optional if r.get("optional") else required
        target.add((r["s"], r["p"], r["o"]))
        if r["p"] in SYMMETRIC:
            target.add((r["o"], r["p"], r["s"]))
    return required, optional


def judge_relations(gold: dict, graph: Graph) -> list[Judged]:
    """Every relation triple between entities of ``graph``, judged as the reference scorer does."""
    gold_by_id = {e["id"]: e for e in gold["entities"]}
    ents = system_entities(graph)
    mapping = align(graph, gold, ents)
    required, optional = _gold_relations(gold)
    evidence: dict[tuple, list[URIRef]] = defaultdict(list)
    for record in graph.subjects(RDF.type, MK.Evidence):
        key = tuple(graph.value(record, k) for k in (RDF.subject, RDF.predicate, RDF.object))
        evidence[key].append(record)

    def name(node: URIRef) -> str:
        gid = mapping.get(node)
        return gid or (sorted(ents[node]["labels"])[0] if ents[node]["labels"] else str(node))

    judged = []
    for p in RELATIONS:
        for s, o in graph.subject_objects(MK[p]):
            if s not in ents or o not in ents:
                continue
            key = (mapping.get(s), p, mapping.get(o))
            if key in required:
                verdict = "tp"
            elif key in optional or any(gid and gold_by_id[gid].get("optional") for gid in (key[0], key[2])):
                verdict = "optional"
            else:
                verdict = "fp"
            records = evidence.get((s, MK[p], o), [])
            judged.append(
                Judged(
                    name(s),
                    p,
                    name(o),
                    verdict,
                    sorted({str(graph.value(r, MK.extractor)) for r in records}),
                    sorted({str(graph.value(r, MK.sentence)) for r in records if graph.value(r, MK.sentence)}),
                    sorted({_doc_id(graph.value(r, PROV.wasDerivedFrom)) for r in records}),
                )
            )
    return judged


def _missed_relations(gold: dict, judged: list[Judged]) -> list[dict]:
    required, _ = _gold_relations(gold)
    found = {(j.subject, j.prop, j.object) for j in judged if j.verdict == "tp"}
    found |= {(o, p, s) for s, p, o in found if p in SYMMETRIC}
    docs = {(r["s"], r["p"], r["o"]): r["docs"] for r in gold["relations"]}
    for e in gold["entities"]:
        for party in e.get("parties") or []:
            docs[(e["id"], "party", party)] = e["docs"]
    seen, missed = set(), []
    for key in sorted(required - found):
        canon = key if key[1] not in SYMMETRIC or key[0] <= key[2] else (key[2], key[1], key[0])
        if canon in seen:
            continue
        seen.add(canon)
        reverse = (key[2], key[1], key[0])
        missed.append({"s": key[0], "p": key[1], "o": key[2], "docs": docs.get(key) or docs.get(reverse) or []})
    return missed


def breakdown(gold: dict, graph: Graph) -> dict:
    """The score of ``graph`` against ``gold``, cut by language, property and extractor."""
    result: dict = {"overall": score(gold, graph)}
    by_lang: dict[str, set[str]] = defaultdict(set)
    for doc, meta in gold.get("documents", {}).items():
        by_lang[meta.get("lang", "und")].add(doc)
    result["by_language"] = {}
    for lang, docs in sorted(by_lang.items()):
        sub_gold, sub_graph = restrict(gold, graph, docs)
        s = score(sub_gold, sub_graph)
        result["by_language"][lang] = {
            "documents": len(docs),
            "entities": s["entities"],
            "relations": s["relations"],
            "duplicate_nodes": s["duplicate_nodes"],
            "crosslingual_merged": s["crosslingual_merged"],
        }
    judged = judge_relations(gold, graph)
    missed = _missed_relations(gold, judged)
    per_prop: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_extractor: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    counted = set()
    for j in judged:
        canon = (
            (j.subject, j.prop, j.object) if j.prop not in SYMMETRIC or j.subject <= j.object else (j.object, j.prop, j.subject)
        )
        if j.verdict == "tp" and canon in counted:
            continue
        counted.add(canon)
        slot = {"tp": 0, "fp": 1}.get(j.verdict)
        if slot is None:
            continue
        per_prop[j.prop][slot] += 1
        for name in j.extractors or ["(no evidence)"]:
            per_extractor[name][slot] += 1
    for m in missed:
        per_prop[m["p"]][2] += 1
    result["by_property"] = {p: prf(*v) for p, v in sorted(per_prop.items())}
    result["by_extractor"] = {
        name: {"tp": v[0], "fp": v[1], "precision": round(v[0] / (v[0] + v[1]), 3) if v[0] + v[1] else 0.0}
        for name, v in sorted(per_extractor.items())
    }
    result["spurious_relations"] = [
        {
            "s": j.subject,
            "p": j.prop,
            "o": j.object,
            "extractors": j.extractors,
            "docs": j.docs,
            "sentence": j.sentences[0] if j.sentences else "",
        }
        for j in judged
        if j.verdict == "fp"
    ]
    result["missed_relations"] = missed
    return result


def format_breakdown(result: dict, errors: bool = True, by_extractor: bool = False) -> str:
    """The breakdown as ``kg evaluate`` prints it below the reference figures."""
    lines = ["by language:"]
    for lang, s in result["by_language"].items():
        e, r = s["entities"], s["relations"]
        lines.append(
            f"  {lang}  {s['documents']:>3} docs  entities P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}"
            f"  relations P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
            f"  duplicates {s['duplicate_nodes']}"
        )
    lines.append("by property:")
    for p, v in result["by_property"].items():
        lines.append(
            f"  {p:<18} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})"
        )
    if by_extractor:
        lines.append("by extractor (relations):")
        for name, v in sorted(result["by_extractor"].items(), key=lambda kv: (kv[1]["precision"], kv[0])):
            flag = "  <- wrong more often than right" if v["fp"] > v["tp"] else ""
            lines.append(f"  {name:<40} P {v['precision']:.3f}  (tp {v['tp']} fp {v['fp']}){flag}")
    if errors:
        lines.append(f"spurious relations ({len(result['spurious_relations'])}):")
        for f in result["spurious_relations"]:
            lines.append(f"  {f['s']} {f['p']} {f['o']}  [{', '.join(f['extractors'])}] {', '.join(f['docs'])}")
            if f["sentence"]:
                lines.append(f"      « {f['sentence'][:300]} »")
        lines.append(f"missed relations ({len(result['missed_relations'])}):")
        for m in result["missed_relations"]:
            lines.append(f"  {m['s']} {m['p']} {m['o']}  {', '.join(m['docs'])}")
    return "\n".join(lines)
