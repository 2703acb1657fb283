"""Finding entities by name and the chains of relations that connect them.

The search is undirected (a chain may follow a relation against its direction,
as a reader does: "Soramitsu is a partner of the Government of Laos, which
implements the plan"), but every step keeps the relation as the graph states
it: its subject, property, object and the evidence sentences it was read from.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import asdict, dataclass
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from kg.analytics._common import normalize, short_id, simple_projection, sort_key
from kg.errors import UsageError
from kg.records import SYMMETRIC_PROPERTIES
from kg.vocab import MKR_IRI

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    """One relation along a path, walked from ``source`` to ``target``.

    Attributes:
        source: IRI of the entity the step leaves.
        source_label: Its label.
        target: IRI of the entity the step reaches.
        target_label: Its label.
        property: Contract property of the relation (``partner``, ``organizer`` ...).
        forward: True when the graph states ``source property target``; False when it
            states ``target property source`` and the step walks the relation backwards.
            Symmetric properties (``partner``, ``cooperatesWith``) always walk forward.
        sentence: The evidence sentence (most confident first), or None without evidence.
        article: Id of the article the sentence comes from, or None.
        evidence: Every evidence record of the relation: ``{article, sentence, extractor, confidence}``.
    """

    source: str
    source_label: str
    target: str
    target_label: str
    property: str
    forward: bool
    sentence: str | None
    article: str | None
    evidence: tuple[dict[str, Any], ...] = ()

    @property
    def subject(self) -> str:
        """IRI of the relation's subject as stated in the graph."""
        return self.source if self.forward else self.target

    @property
    def object(self) -> str:
        """IRI of the relation's object as stated in the graph."""
        return self.target if self.forward else self.source

    def arrow(self) -> str:
        """Return the step as one line: ``Soramitsu —partner→ Government of Laos``.

        A relation walked against its direction points back: ``Soramitsu ←developedBy— DLak``
        reads "DLak was developed by Soramitsu".

        Example:
            >>> Step("a", "DLak", "b", "Soramitsu", "developedBy", True, None, None).arrow()
            'DLak —developedBy→ Soramitsu'
            >>> Step("b", "Soramitsu", "a", "DLak", "developedBy", False, None, None).arrow()
            'Soramitsu ←developedBy— DLak'
        """
        if self.forward:
            return f"{self.source_label} —{self.property}→ {self.target_label}"
        return f"{self.source_label} ←{self.property}— {self.target_label}"

    def as_dict(self) -> dict[str, Any]:
        """Return the step as a plain dict (JSON-ready), with short ids beside the IRIs."""
        out = asdict(self)
        out["evidence"] = [dict(e) for e in self.evidence]
        out["source_id"] = short_id(self.source)
        out["target_id"] = short_id(self.target)
        out["subject"] = self.subject
        out["object"] = self.object
        return out


def _labels(data: dict[str, Any]) -> list[str]:
    found = [data.get("label", "")]
    for forms in (data.get("labels") or {}).values():
        found.extend(forms)
    return [f for f in found if f]


def _describe(G: nx.MultiDiGraph, node: str) -> str:
    data = G.nodes[node]
    return f"{data.get('label', node)} ({short_id(node)}, {data.get('cls', '?')})"


def find_entity(G: nx.MultiDiGraph, name_or_iri: str) -> str:
    """Return the node of the one entity that a name, IRI or prefixed name designates.

    Matching tries, in order: the full IRI; a prefixed name ``mkr:kind/slug`` (or the
    bare ``kind/slug``); the entity's preferred label; any of its labels in any
    language.  Labels are compared after Unicode NFKC normalisation, case folding
    and whitespace collapsing, so ``"metabank"`` finds ``MetaBank Singapore`` via its
    alternative label ``MetaBank``.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.
        name_or_iri: What the user typed.

    Returns:
        The entity's IRI (the node key in ``G``).

    Raises:
        UsageError: When nothing matches (the message suggests close names) or when
            several entities match equally well (the message lists them).

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> G = to_networkx(sample_graph())
        >>> find_entity(G, "lào")
        'https://w3id.org/mekong-kg/resource/country/laos'
        >>> find_entity(G, "mkr:company/soramitsu")
        'https://w3id.org/mekong-kg/resource/company/soramitsu'
    """
    query = name_or_iri.strip()
    if not query:
        raise UsageError("an entity name is empty")
    for candidate in (query, MKR_IRI + query.removeprefix("mkr:"), MKR_IRI + query):
        if candidate in G:
            return candidate
    wanted = normalize(query)
    tiers = (
        [n for n, data in G.nodes(data=True) if normalize(data.get("label", "")) == wanted],
        [n for n, data in G.nodes(data=True) if wanted in {normalize(f) for f in _labels(data)}],
    )
    for matches in tiers:
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = "; ".join(_describe(G, n) for n in sorted(matches, key=lambda n: sort_key(G, n)))
            raise UsageError(f"{query!r} names {len(matches)} entities: {listed}; give an id (mkr:…) instead")
    raise UsageError(f"no entity named {query!r}{_suggest(G, wanted)}")


def _suggest(G: nx.MultiDiGraph, wanted: str, limit: int = 5) -> str:
    forms: dict[str, str] = {}
    for node, data in sorted(G.nodes(data=True), key=lambda nd: sort_key(G, nd[0])):
        for form in _labels(data):
            forms.setdefault(normalize(form), node)
    close = difflib.get_close_matches(wanted, list(forms), n=limit, cutoff=0.6)
    close += [f for f in sorted(forms) if wanted and wanted in f and f not in close]
    nodes = list(dict.fromkeys(forms[f] for f in close))[:limit]
    if not nodes:
        return ""
    return "; did you mean: " + "; ".join(_describe(G, n) for n in nodes)


def _resolve(G: nx.MultiDiGraph, name_or_iri: str) -> str:
    return name_or_iri if name_or_iri in G else find_entity(G, name_or_iri)


def _step(G: nx.MultiDiGraph, u: str, v: str) -> Step:
    """Choose the relation to show between two adjacent entities.

    Relations with evidence come first, then those stated in the walking direction,
    then by property name, so that the choice is the same on every run.
    """
    options = []
    for s, o in ((u, v), (v, u)):
        for key, data in (G.get_edge_data(s, o) or {}).items():
            forward = s == u or key in SYMMETRIC_PROPERTIES
            evidence = sorted(data.get("evidence", []), key=lambda e: (-e["confidence"], e["article"] or "", e["sentence"]))
            options.append((not evidence, s != u, key, forward, evidence))
    _, _, prop, forward, evidence = min(options, key=lambda o: o[:3])
    first = evidence[0] if evidence else {}
    return Step(
        source=u,
        source_label=G.nodes[u].get("label", u),
        target=v,
        target_label=G.nodes[v].get("label", v),
        property=prop,
        forward=forward,
        sentence=first.get("sentence") or None,
        article=first.get("article"),
        evidence=tuple(evidence),
    )


def shortest_paths(G: nx.MultiDiGraph, source: str, target: str, *, max_paths: int = 3) -> list[list[Step]]:
    """Return up to ``max_paths`` shortest chains of relations from ``source`` to ``target``.

    Paths are simple paths in the undirected simple projection of the relation
    graph, shortest first (Yen's algorithm), ties in the order of the projection's
    sorted nodes; each consecutive pair of entities becomes one :class:`Step`.

    Args:
        G: The networkx view of a graph, from :func:`kg.graph.to_networkx`.
        source: IRI, prefixed name or label of the first entity (see :func:`find_entity`).
        target: IRI, prefixed name or label of the last entity.
        max_paths: Most paths to return; at least 1.

    Returns:
        A list of paths, each a list of steps; empty when the entities are not connected.

    Raises:
        UsageError: When an entity cannot be found, or ``max_paths`` is below 1.

    Example:
        >>> from kg.analytics.sample import sample_graph
        >>> from kg.graph import to_networkx
        >>> paths = shortest_paths(to_networkx(sample_graph()), "Soramitsu", "MetaBank", max_paths=1)
        >>> [step.arrow() for step in paths[0]]  # doctest: +NORMALIZE_WHITESPACE
        ['Soramitsu —partner→ Government of Laos',
         'Government of Laos ←subOrganizationOf— Ministry of Technology and Communications',
         'Ministry of Technology and Communications —partner→ MetaBank Singapore']
    """
    if max_paths < 1:
        raise UsageError(f"max_paths must be at least 1, not {max_paths}")
    u, v = _resolve(G, source), _resolve(G, target)
    if u == v:
        return [[]]
    H = simple_projection(G)
    try:
        found = list(islice(nx.shortest_simple_paths(H, u, v), max_paths))
    except nx.NetworkXNoPath:
        logger.info("no path between %s and %s", u, v)
        return []
    return [[_step(G, a, b) for a, b in pairwise(path)] for path in found]
