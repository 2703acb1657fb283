"""Score a built graph against gold annotations (the gold format of the graph contract).

The measures are those of the project's reference scorer: typed entity
precision/recall/F1, relation precision/recall/F1, duplicate nodes, wrong-type
nodes, cross-lingual merging and evidence coverage.  ``score`` is kept
line-for-line equivalent to the reference so that ``kg evaluate`` and the
reference agree (the reference is not part of this repository, so no test can
run it; ``tests/test_build_e2e.py`` checks the measures on the bundled gold).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.records import CLASS_PARENT, ENTITY_CLASSES, RELATION_PROPERTIES, SYMMETRIC_PROPERTIES

MK = Namespace("https://w3id.org/mekong-kg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")

# the contract's classes and relations, as kg/records.py defines them (same order as the reference)
PARENT = CLASS_PARENT  # child -> parent, for "most specific type" and subclass-tolerant type checks
CLASSES = list(ENTITY_CLASSES)
RELATIONS = list(RELATION_PROPERTIES)
SYMMETRIC = set(SYMMETRIC_PROPERTIES)
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).translate(DASHES).casefold()
    text = re.sub(r"\s+", " ", text).strip(" \t\"'“”‘’.,;:()")
    return text[4:] if text.startswith("the ") else text


def ancestors(cls: str) -> list[str]:
    chain = [cls]
    while chain[-1] in PARENT:
        chain.append(PARENT[chain[-1]])
    return chain


def most_specific(types: set[str]) -> str:
    return max(types, key=lambda t: len(ancestors(t)))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def system_entities(g: Graph) -> dict[URIRef, dict]:
    found: dict[URIRef, dict] = {}
    for cls in CLASSES:
        for node in g.subjects(RDF.type, MK[cls]):
            found.setdefault(node, {"types": set()})["types"].add(cls)
    for node, info in found.items():
        info["type"] = most_specific(info["types"])
        labels = set()
        for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            labels.update(norm(v) for v in g.objects(node, prop))
        info["labels"] = labels - {""}
    return found


def align(g: Graph, gold: dict, sys_ents: dict) -> dict[URIRef, str]:
    """Map each system node to at most one gold entity id."""
    by_name = defaultdict(set)
    gold_by_id = {e["id"]: e for e in gold["entities"]}
    for e in gold["entities"]:
        for name in e.get("names") or []:
            by_name[norm(name)].add(e["id"])
    mapping: dict[URIRef, str] = {}
    for node, info in sys_ents.items():
        if info["type"] == "Agreement":
            continue
        votes = defaultdict(int)
        for label in info["labels"]:
            for gid in by_name.get(label, ()):
                votes[gid] += 1
        if not votes:
            continue

        def rank(gid: str):
            same_type = gold_by_id[gid]["type"] in ancestors(info["type"])
            return (same_type, votes[gid], not gold_by_id[gid].get("optional", False))

        mapping[node] = max(votes, key=rank)
    # agreements: matched through their parties
    for node, info in sys_ents.items():
        if info["type"] != "Agreement":
            continue
        parties = {mapping.get(p) for p in g.objects(node, MK.party)} - {None}
        for e in gold["entities"]:
            if e["type"] == "Agreement" and set(e["parties"]) <= parties:
                mapping[node] = e["id"]
                break
    return mapping


def score(gold: dict, g: Graph) -> dict:
    gold_by_id = {e["id"]: e for e in gold["entities"]}
    sys_ents = system_entities(g)
    mapping = align(g, gold, sys_ents)

    # entities
    nodes_of = defaultdict(list)
    for node, gid in mapping.items():
        nodes_of[gid].append(node)
    ent_tp = ent_fn = ent_fp = dups = wrong_type = 0
    per_type = defaultdict(lambda: [0, 0, 0])
    missed, spurious = [], []
    for e in gold["entities"]:
        typed = [
            n
            for n in nodes_of.get(e["id"], [])
            if e["type"] in ancestors(sys_ents[n]["type"]) and len(ancestors(sys_ents[n]["type"])) >= len(ancestors(e["type"]))
        ]
        if e.get("optional"):
            continue
        if typed:
            ent_tp += 1
            per_type[e["type"]][0] += 1
        else:
            ent_fn += 1
            per_type[e["type"]][2] += 1
            missed.append(e["id"] + (f" (found as {sys_ents[nodes_of[e['id']][0]]['type']})" if nodes_of.get(e["id"]) else ""))
    for gid, nodes in nodes_of.items():
        extra = len(nodes) - 1
        if extra > 0:
            dups += extra
            ent_fp += extra
            per_type[gold_by_id[gid]["type"]][1] += extra
        for n in nodes:
            ge = gold_by_id[gid]
            if not (
                ge["type"] in ancestors(sys_ents[n]["type"]) and len(ancestors(sys_ents[n]["type"])) >= len(ancestors(ge["type"]))
            ):
                wrong_type += 1
                if not ge.get("optional"):
                    ent_fp += 1
                    per_type[sys_ents[n]["type"]][1] += 1
    for node, info in sys_ents.items():
        if node not in mapping:
            ent_fp += 1
            per_type[info["type"]][1] += 1
            label = sorted(info["labels"])[0] if info["labels"] else str(node)
            spurious.append(f"{info['type']}: {label}")

    # cross-lingual merging: gold entities mentioned in documents of two or more languages
    langs = {d: meta.get("lang") for d, meta in gold.get("documents", {}).items()}
    multi = [e for e in gold["entities"] if not e.get("optional") and len({langs.get(d) for d in e["docs"]}) > 1]
    merged = sum(1 for e in multi if len(nodes_of.get(e["id"], [])) == 1)

    # relations
    gold_rel, optional_rel = set(), set()
    party_rel = [
        {"s": e["id"], "p": "party", "o": party, "optional": e.get("optional", False)}
        for e in gold["entities"]
        if e["type"] == "Agreement"
        for party in e["parties"]
    ]
    for r in gold["relations"] + party_rel:
        key = (r["s"], r["p"], r["o"])
        (optional_rel if r.get("optional") else gold_rel).add(key)
        if r["p"] in SYMMETRIC:
            (optional_rel if r.get("optional") else gold_rel).add((r["o"], r["p"], r["s"]))
    found_rel, rel_fp, wrong_rel = set(), 0, []
    sys_triples = 0
    evidenced = 0
    for p in RELATIONS:
        for s, o in g.subject_objects(MK[p]):
            if s not in sys_ents or o not in sys_ents:
                continue
            sys_triples += 1
            if any(
                True
                for st in g.subjects(RDF.subject, s)
                if (st, RDF.predicate, MK[p]) in g and (st, RDF.object, o) in g and g.value(st, PROV.wasDerivedFrom) is not None
            ):
                evidenced += 1
            gs, go = mapping.get(s), mapping.get(o)
            key = (gs, p, go)
            if key in gold_rel:
                found_rel.add(key if key[0] <= key[2] or p not in SYMMETRIC else (go, p, gs))
            elif key in optional_rel or (gs and gold_by_id[gs].get("optional")) or (go and gold_by_id[go].get("optional")):
                continue
            else:
                rel_fp += 1

                def name(n, gid):
                    return gid or (sorted(sys_ents[n]["labels"])[0] if sys_ents[n]["labels"] else str(n))

                wrong_rel.append(f"{name(s, gs)} {p} {name(o, go)}")
    canonical = {k if k[1] not in SYMMETRIC or k[0] <= k[2] else (k[2], k[1], k[0]) for k in gold_rel}
    rel_tp = len(found_rel)
    rel_fn = len(canonical) - rel_tp
    missed_rel = sorted(f"{s} {p} {o}" for s, p, o in canonical - found_rel)

    return {
        "entities": prf(ent_tp, ent_fp, ent_fn),
        "entities_by_type": {t: prf(*v) for t, v in sorted(per_type.items())},
        "duplicate_nodes": dups,
        "wrong_type_nodes": wrong_type,
        "crosslingual_merged": f"{merged}/{len(multi)}",
        "relations": prf(rel_tp, rel_fp, rel_fn),
        "relation_triples": sys_triples,
        "evidence_coverage": round(evidenced / sys_triples, 3) if sys_triples else 0.0,
        "missed_entities": missed,
        "spurious_entities": sorted(spurious),
        "missed_relations": missed_rel,
        "spurious_relations": sorted(wrong_rel),
    }


def load_gold(path: Path | str) -> dict:
    """Read a gold file, raising InputError naming the file when it is not usable."""
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(path, f"cannot read gold annotations: {e}") from e
    if not isinstance(gold, dict) or "entities" not in gold or "relations" not in gold:
        raise InputError(path, "not a gold file: needs 'entities' and 'relations'")
    return gold


def format_score(result: dict) -> str:
    """Render a score as the reference scorer prints it."""
    lines = []
    for key in ("missed_entities", "spurious_entities", "missed_relations", "spurious_relations"):
        if result[key]:
            lines.append(f"{key.replace('_', ' ')} ({len(result[key])}):")
            lines.extend(f"    {item}" for item in result[key])
    lines.append("by type: " + ", ".join(f"{t} {v['f1']}" for t, v in result["entities_by_type"].items()))
    lines.append(
        f"duplicate nodes {result['duplicate_nodes']}, wrong-type nodes {result['wrong_type_nodes']}, "
        f"cross-lingual merged {result['crosslingual_merged']}, evidence coverage {result['evidence_coverage']}"
    )
    e, r = result["entities"], result["relations"]
    lines.append(
        f"entities  P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}  (tp {e['tp']} fp {e['fp']} fn {e['fn']})"
    )
    lines.append(
        f"relations P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}  (tp {r['tp']} fp {r['fp']} fn {r['fn']})"
    )
    return "\n".join(lines)
