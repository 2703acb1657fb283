"""Gold annotations: checking one file and merging the parts of a development set.

Standard library only, so that ``scripts/check_gold.py`` runs with any Python.
The format is the graph contract's (``mekong-kg-gold/1``): ``documents``,
``entities`` (``id``, ``type``, ``names`` or, for agreements, ``parties``,
``docs``, optional ``wikidata``/``optional``) and ``relations`` (``s``, ``p``,
``o``, ``docs``, optional ``optional``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from pathlib import Path

GOLD_FORMAT = "mekong-kg-gold/1"
_CLASS_NAMES = "Country Place Organization PublicBody Government Ministry Company Person Program Event Technology"
GOLD_CLASSES = frozenset([*_CLASS_NAMES.split(), "Agreement", "Product"])
_PROPERTY_NAMES = "country subOrganizationOf holdsPositionIn implements issuedBy organizer supporter chair participant"
GOLD_PROPERTIES = frozenset(
    [*_PROPERTY_NAMES.split(), "location", "party", "signedAt", "partner", "cooperatesWith", "concerns", "partOf", "developedBy"]
)
LANGUAGES = frozenset({"en", "vi", "th", "lo", "km"})


def _fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def check_gold(gold: dict, docs_dir: Path | None = None) -> list[str]:
    """Every problem of one gold file, one line each (an empty list: the file is sound).

    With ``docs_dir``, each document must also be a ``.txt`` file stem there.
    """
    problems: list[str] = []
    if gold.get("format") != GOLD_FORMAT:
        problems.append(f"format is {gold.get('format')!r}, not {GOLD_FORMAT!r}")
    documents = gold.get("documents") or {}
    for doc, meta in documents.items():
        if meta.get("lang") not in LANGUAGES:
            problems.append(f"document {doc}: lang {meta.get('lang')!r} is not one of {sorted(LANGUAGES)}")
        if docs_dir is not None and not (docs_dir / f"{doc}.txt").is_file():
            problems.append(f"document {doc}: no file {docs_dir / (doc + '.txt')}")
    ids: dict[str, dict] = {}
    for e in gold.get("entities") or []:
        eid = e.get("id")
        if not eid:
            problems.append(f"entity without id: {e}")
            continue
        if eid in ids:
            problems.append(f"entity {eid}: listed twice")
        ids[eid] = e
        if e.get("type") not in GOLD_CLASSES:
            problems.append(f"entity {eid}: type {e.get('type')!r} is not a contract class")
        if e.get("type") == "Agreement":
            if len(e.get("parties") or []) < 2:
                problems.append(f"entity {eid}: an agreement needs two or more parties")
        elif not e.get("names"):
            problems.append(f"entity {eid}: no names")
        if not e.get("docs"):
            problems.append(f"entity {eid}: no docs")
        problems += [f"entity {eid}: doc {d} is not in documents" for d in e.get("docs") or [] if d not in documents]
    for e in ids.values():
        problems += [f"agreement {e['id']}: party {p} is not an entity" for p in e.get("parties") or [] if p not in ids]
    for r in gold.get("relations") or []:
        where = f"relation {r.get('s')} {r.get('p')} {r.get('o')}"
        if r.get("p") not in GOLD_PROPERTIES:
            problems.append(f"{where}: {r.get('p')!r} is not a contract property")
        problems += [f"{where}: {r.get(k)} is not an entity" for k in ("s", "o") if r.get(k) not in ids]
        if not r.get("docs"):
            problems.append(f"{where}: no docs")
        problems += [f"{where}: doc {d} is not in documents" for d in r.get("docs") or [] if d not in documents]
    return problems


def merge_gold(parts: Iterable[dict]) -> dict:
    """One gold set from several parts: an entity id named in several parts is one entity.

    Names, docs and parties are united in order of first appearance; an entity is
    optional only where every part says so. Relations with the same (s, p, o)
    are one relation with their docs united. Raises ``ValueError`` where two
    parts give one id two types, or one document two languages.
    """
    documents: dict[str, dict] = {}
    entities: dict[str, dict] = {}
    relations: dict[tuple[str, str, str], dict] = {}
    for part in parts:
        for doc, meta in (part.get("documents") or {}).items():
            if doc in documents and documents[doc].get("lang") != meta.get("lang"):
                raise ValueError(f"document {doc}: two languages {documents[doc].get('lang')} and {meta.get('lang')}")
            documents.setdefault(doc, dict(meta))
        for e in part.get("entities") or []:
            have = entities.get(e["id"])
            if have is None:
                entities[e["id"]] = json.loads(json.dumps(e))
                continue
            if have["type"] != e["type"]:
                raise ValueError(f"entity {e['id']}: two types {have['type']} and {e['type']}")
            for key in ("names", "docs", "parties"):
                if key in e:
                    have[key] = list(dict.fromkeys([*have.get(key, []), *e[key]]))
            if not e.get("optional"):
                have.pop("optional", None)
            if "wikidata" in e:
                have.setdefault("wikidata", e["wikidata"])
        for r in part.get("relations") or []:
            key = (r["s"], r["p"], r["o"])
            have = relations.get(key)
            if have is None:
                relations[key] = json.loads(json.dumps(r))
                continue
            have["docs"] = list(dict.fromkeys([*have.get("docs", []), *r.get("docs", [])]))
            if not r.get("optional"):
                have.pop("optional", None)
    return {
        "format": GOLD_FORMAT,
        "documents": documents,
        "entities": list(entities.values()),
        "relations": list(relations.values()),
    }


def shared_names(parts: dict[str, dict]) -> list[str]:
    """Names given to different entity ids in different parts: candidates for one id."""
    owner: dict[str, tuple[str, str]] = {}
    found: set[str] = set()
    for part_name, part in parts.items():
        for e in part.get("entities") or []:
            for name in e.get("names") or []:
                key = _fold(name)
                if key in owner and owner[key][1] != e["id"] and owner[key][0] != part_name:
                    found.add(f"{name!r}: {owner[key][1]} ({owner[key][0]}) and {e['id']} ({part_name})")
                owner.setdefault(key, (part_name, e["id"]))
    return sorted(found)


def read_gold_parts(folder: Path) -> dict[str, dict]:
    """The gold parts of a development set folder: ``core.json`` first, then the rest by name."""
    paths = sorted(folder.glob("*.json"), key=lambda p: (p.stem != "core", p.stem))
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in paths}
