"""Single-graph RDF exporters: Turtle, N-Triples and JSON-LD, each byte-stable.

A graph rebuilt from the same input must serialise to the same bytes whatever
the order its triples were added in, so that rebuilds diff cleanly and a
triple store reload is a no-op.  rdflib's Turtle serializer sorts subjects,
predicates and objects, which is stable as long as blank-node labels are;
:func:`stable_graph` relabels blank nodes canonically and rebinds kg's prefixes
so that the output does not depend on where the graph came from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from kg.atomic import atomic_open, atomic_write_text
from kg.errors import ConfigError
from kg.graph.builder import PREFIXES, new_graph
from kg.graph.store import GraphLike, OxigraphGraph, write_store_ntriples, write_store_turtle
from kg.resources import ontology_dir


def stable_graph(graph: Graph) -> Graph:
    """Return a copy of ``graph`` with kg's prefixes and canonical blank-node labels.

    Prefixes the graph binds beyond kg's own are kept, unless they clash with one of kg's.

    Args:
        graph: Any rdflib graph.

    Returns:
        A new graph holding the same triples (up to blank-node renaming).
    """
    out = new_graph()
    ours = {str(ns) for ns in PREFIXES.values()}
    for prefix, ns in graph.namespaces():
        if prefix and prefix not in PREFIXES and str(ns) not in ours:
            out.bind(prefix, ns, override=False)
    has_bnodes = any(isinstance(term, BNode) for triple in graph for term in triple)
    out += to_canonical_graph(graph) if has_bnodes else graph
    return out


def _already_stable(graph: Graph) -> bool:
    """True when ``graph`` binds exactly kg's prefixes (plus non-clashing others) and has no blank
    nodes: then it serialises stably as it is, and a large graph need not be copied."""
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    if any(bound.get(prefix) != str(ns) for prefix, ns in PREFIXES.items()):
        return False
    ours = {str(ns) for ns in PREFIXES.values()}
    if any(ns in ours and PREFIXES.get(prefix) is None for prefix, ns in bound.items() if prefix):
        return False
    return not any(isinstance(term, BNode) for triple in graph for term in triple)


def turtle_text(graph: Graph) -> str:
    """Return ``graph`` as sorted, prefixed Turtle (identical bytes for identical graphs)."""
    return (graph if _already_stable(graph) else stable_graph(graph)).serialize(format="turtle")


def ntriples_text(graph: Graph) -> str:
    """Return ``graph`` as N-Triples, one triple a line, lines sorted."""
    # split on "\n" only: str.splitlines() also breaks at \x85, \u2028 ... which N-Triples keeps raw inside literals
    lines = stable_graph(graph).serialize(format="nt").split("\n")
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip())


def write_turtle(graph: GraphLike, path: Path) -> None:
    """Write ``graph`` to ``path`` as stable Turtle, streamed to the file (no copy when it is already stable).

    An :class:`~kg.graph.store.OxigraphGraph` is written by Oxigraph's serializer, subject by subject.
    """
    with atomic_open(path, "wb") as fh:
        if isinstance(graph, OxigraphGraph):
            write_store_turtle(graph, fh)
            return
        (graph if _already_stable(graph) else stable_graph(graph)).serialize(destination=fh, format="turtle", encoding="utf-8")


def write_ntriples(graph: GraphLike, path: Path) -> None:
    """Write ``graph`` to ``path`` as sorted N-Triples (streamed from an :class:`~kg.graph.store.OxigraphGraph`)."""
    if isinstance(graph, OxigraphGraph):
        with atomic_open(path, "wb") as fh:
            write_store_ntriples(graph, fh)
        return
    atomic_write_text(path, ntriples_text(graph))


def rdfxml_text(graph: Graph) -> str:
    """Return ``graph`` as RDF/XML (rdflib's plain serializer, subjects and triples in sorted order)."""
    stable = stable_graph(graph)
    ordered = Graph()
    for prefix, namespace in stable.namespaces():
        ordered.bind(prefix, namespace, override=True)
    for triple in sorted(stable):  # the memory store yields subjects in insertion order
        ordered.add(triple)
    return ordered.serialize(format="xml")


def write_rdfxml(graph: Graph, path: Path) -> None:
    """Write ``graph`` to ``path`` as RDF/XML."""
    atomic_write_text(path, rdfxml_text(graph))


def jsonld_context() -> dict[str, Any]:
    """Return the ``@context`` object of ``ontology/context.jsonld``.

    Raises:
        ConfigError: When the context file is missing or not JSON.
    """
    path = ontology_dir() / "context.jsonld"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError) as e:
        raise ConfigError(f"{path}: cannot read the JSON-LD context ({e})") from e


def jsonld_text(graph: Graph) -> str:
    """Return ``graph`` as compacted JSON-LD with kg's context embedded, keys and nodes sorted."""
    context = jsonld_context()
    raw = stable_graph(graph).serialize(format="json-ld", context=context, auto_compact=True)
    doc = _sorted_json(json.loads(raw))
    if isinstance(doc, dict):
        doc["@context"] = context  # keep the context in the file's own (readable) order
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_jsonld(graph: Graph, path: Path) -> None:
    """Write ``graph`` to ``path`` as JSON-LD using ``ontology/context.jsonld``."""
    atomic_write_text(path, jsonld_text(graph))


def _sorted_json(value: Any) -> Any:
    """Sort object keys and the members of every array (JSON-LD arrays of values are unordered sets).

    ``@list`` arrays are ordered by definition and are left as they are.
    """
    if isinstance(value, dict):
        return {
            key: ([_sorted_json(v) for v in item] if key == "@list" and isinstance(item, list) else _sorted_json(item))
            for key, item in sorted(value.items())
        }
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=_node_sort_key)
    return value


def _node_sort_key(value: Any) -> tuple[str, str]:
    node_id = value.get("@id", "") if isinstance(value, dict) else ""
    return (str(node_id), json.dumps(value, ensure_ascii=False, sort_keys=True))
