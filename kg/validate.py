"""Check a graph against the SHACL shapes of the contract (``ontology/shapes.ttl``).

One public function, :func:`validate_graph`, after pySHACL's ``validate``; the
CLI follows pySHACL's exit codes (0 conforms, 1 does not, 2 error).

Core constraints go to pySHACL. SHACL-SPARQL constraints (``sh:sparql``) are
evaluated here set-at-a-time: pySHACL runs such a query once per focus node
and re-parses it each time (0.05-0.1 s a node: minutes on a corpus of a
thousand articles), while the same query with ``$this`` left unbound, run
once over the whole graph, yields exactly the same violations whenever its
pattern binds ``$this`` to a target node, as every query in our shapes does
(``$this ?path ?value`` / ``$this rdf:type ?value``). The results are added
to pySHACL's report graph as ordinary ``sh:ValidationResult`` nodes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.errors import ConfigError
from kg.graph.store import GraphLike, OxigraphGraph, to_oxigraph, to_rdflib
from kg.resources import ontology_dir

logger = logging.getLogger(__name__)

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class ValidationResult:
    """The outcome of a validation.

    Attributes:
        conforms: True when no result of severity ``sh:Violation`` was found.
        violations: One readable line per validation result (violations, warnings
            and infos), ``Severity: <focus node> <path>: message``, sorted.
        report_text: pySHACL's full text report.
        report_graph: The SHACL validation report as RDF.
    """

    conforms: bool
    violations: list[str] = field(default_factory=list)
    report_text: str = ""
    report_graph: Graph | None = field(default=None, repr=False)


def default_shapes_path() -> Path:
    """Return ``ontology/shapes.ttl``."""
    return ontology_dir() / "shapes.ttl"


def _parse(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise ConfigError(f"{path}: the {what} file is missing")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as e:  # rdflib's parsers raise many unrelated exception types
        raise ConfigError(f"{path}: the {what} file is not valid Turtle ({e})") from e


def validate_graph(
    graph: GraphLike,
    *,
    shapes_path: Path | str | None = None,
    inference: bool = False,
) -> ValidationResult:
    """Validate ``graph`` against the contract's SHACL shapes.

    The OWL ontology (``ontology/mekong-kg.ttl``) is mixed in as pySHACL's
    ``ont_graph`` so that class hierarchies are known to ``sh:class`` checks.

    A graph held in Oxigraph (:class:`~kg.graph.store.OxigraphGraph`) is checked by the same
    shapes compiled to SPARQL (:mod:`kg.shacl_sparql`), with the same results.

    Args:
        graph: The data graph (not modified).
        shapes_path: A SHACL shapes file; ``ontology/shapes.ttl`` when None.
        inference: Expand the data with OWL 2 RL inference (owlrl) before validating.

    Returns:
        A :class:`ValidationResult`.

    Raises:
        ConfigError: When the shapes or the ontology cannot be read.
    """
    from pyshacl import validate  # heavy: imported only when validating

    shapes = _parse(Path(shapes_path) if shapes_path else default_shapes_path(), "SHACL shapes")
    ontology_path = ontology_dir() / "mekong-kg.ttl"
    ontology = _parse(ontology_path, "ontology") if ontology_path.is_file() else None
    if ontology is None:
        logger.warning("%s is missing; validating without the ontology", ontology_path)
    logger.info("validating %d triples (inference: %s)", len(graph), "owlrl" if inference else "none")
    if isinstance(graph, OxigraphGraph):
        if not inference:
            return _validate_in_store(graph, shapes, ontology)
        graph = graph.to_rdflib()  # OWL RL inference runs on rdflib
    sparql_constraints = _take_sparql_constraints(shapes)
    # pySHACL copies the data graph to mix the ontology in; a graph of a million triples would be
    # held twice. Without inference, mix the ontology into the graph ourselves and take it out after.
    mixed = [t for t in ontology if t not in graph] if ontology is not None and not inference else []
    try:
        for triple in mixed:
            graph.add(triple)
        conforms, report_graph, report_text = validate(
            graph,
            shacl_graph=shapes,
            ont_graph=ontology if inference else None,
            inference="owlrl" if inference else "none",
            abort_on_first=False,
            allow_infos=True,
            allow_warnings=True,
            meta_shacl=False,
            advanced=True,
            inplace=not inference,
        )
    finally:
        for triple in mixed:
            graph.remove(triple)
    extra = _evaluate_sparql_constraints(graph, ontology, sparql_constraints, report_graph)
    if extra:
        conforms = False
        report_graph.set((next(report_graph.subjects(RDF.type, SH.ValidationReport)), SH.conforms, Literal(False)))
        report_text = str(report_text).replace("Conforms: True", "Conforms: False") + "".join(
            f"Constraint Violation in SPARQLConstraintComponent (http://www.w3.org/ns/shacl#SPARQLConstraintComponent):\n"
            f"\tSeverity: sh:Violation\n\tFocus Node: {focus}\n\tMessage: {message}\n"
            for focus, message in extra
        )
    lines = violation_lines(report_graph, graph)
    return ValidationResult(bool(conforms), lines, str(report_text), report_graph)


def _validate_in_store(graph: OxigraphGraph, shapes: Graph, ontology: Graph | None) -> ValidationResult:
    """Validate a graph held in Oxigraph: the ontology mixed into the store for the run, every shape in SPARQL."""
    import pyoxigraph as ox

    from kg.shacl_sparql import validate_store  # imports this module: not at the top

    quads = [ox.Quad(*(to_oxigraph(t) for t in triple), ox.DefaultGraph()) for triple in ontology or ()]
    mixed = [q for q in quads if q not in graph.store]
    try:
        graph.store.extend(mixed)
        conforms, report_graph, report_text = validate_store(graph.store, shapes, namespaces=graph.namespaces())
    finally:
        for quad in mixed:
            graph.store.remove(quad)
    return ValidationResult(bool(conforms), violation_lines(report_graph, graph), report_text, report_graph)


@dataclass
class _SparqlConstraint:
    shape: Node
    node: Node
    select: str
    messages: list[Literal]
    severity: Node


def _take_sparql_constraints(shapes: Graph) -> list[_SparqlConstraint]:
    """Remove the ``sh:sparql`` constraints from ``shapes`` and return them with their prefixes applied."""
    found = []
    for shape, node in list(shapes.subject_objects(SH.sparql)):
        if (node, SH.deactivated, Literal(True)) in shapes:
            shapes.remove((shape, SH.sparql, node))
            continue
        prefixes = "".join(
            f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>\n"
            for owner in shapes.objects(node, SH.prefixes)
            for decl in shapes.objects(owner, SH.declare)
        )
        select = str(shapes.value(node, SH.select))
        found.append(
            _SparqlConstraint(
                shape,
                node,
                prefixes + select,
                list(shapes.objects(node, SH.message)) or list(shapes.objects(shape, SH.message)),
                shapes.value(shape, SH.severity) or SH.Violation,
            )
        )
        shapes.remove((shape, SH.sparql, node))
    return found


@contextlib.contextmanager
def _oxigraph_store(graph: Graph, ontology: Graph | None) -> Iterator[object]:
    """The data (and ontology) in an in-memory Oxigraph store, for whole-graph SPARQL.

    Loaded from a temporary N-Triples file with ``load`` (not ``bulk_load``, whose batches
    need twice the memory): about 330 MB more for a million triples.
    """
    import tempfile

    import pyoxigraph

    store = pyoxigraph.Store()
    with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
        for g in (graph, ontology):
            if g is not None:
                nt = Path(tmp) / "data.nt"
                g.serialize(destination=str(nt), format="nt", encoding="utf-8")
                store.load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
                nt.unlink()
    yield store


def _evaluate_sparql_constraints(
    graph: Graph, ontology: Graph | None, constraints: list[_SparqlConstraint], report: Graph
) -> list[tuple[str, str]]:
    """Run each constraint once over the whole graph; add a result node per solution to ``report``."""
    if not constraints:
        return []
    with _oxigraph_store(graph, ontology) as store:
        return _run_constraints(store, constraints, report)


def _run_constraints(store: object, constraints: list[_SparqlConstraint], report: Graph) -> list[tuple[str, str]]:
    out = []
    root = next(report.subjects(RDF.type, SH.ValidationReport))
    for c in constraints:
        query = c.select.replace("$this", "?this")
        solutions = store.query(query)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            values = {name: to_rdflib(solution[name]) for name in names if solution[name] is not None}
            focus = values.get("this")
            if focus is None:
                continue
            result = BNode()
            report.add((root, SH.result, result))
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, focus))
            report.add((result, SH.resultSeverity, c.severity))
            report.add((result, SH.sourceShape, c.shape))
            report.add((result, SH.sourceConstraint, c.node))
            report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            if values.get("path") is not None:
                report.add((result, SH.resultPath, values["path"]))
            if values.get("value") is not None:
                report.add((result, SH.value, values["value"]))
            first = ""
            for message in c.messages:
                text = str(message).replace("{$this}", str(focus))
                for name, value in values.items():
                    text = text.replace("{?" + name + "}", str(value)).replace("{$" + name + "}", str(value))
                report.add((result, SH.resultMessage, Literal(text, lang=message.language)))
                first = first or text
            out.append((str(focus), first))
    return out


def violation_lines(report: Graph, data: GraphLike | None = None) -> list[str]:
    """Return one readable line per ``sh:ValidationResult`` of a SHACL report, sorted.

    Args:
        report: The validation report graph.
        data: The data graph, whose prefixes shorten the IRIs in the lines.

    Returns:
        Lines such as ``Violation: mkr:evidence/… rdf:subject: An evidence record must … (value: …)``.
    """
    names = data if data is not None else report
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        message = messages[0] if messages else _constraint_name(report.value(result, SH.sourceConstraintComponent))
        line = f"{_local(severity) or 'Violation'}: {_short(focus, names)}"
        if path is not None:
            line += f" {_short(path, names)}"
        line += f": {message}"
        if value is not None and value != focus:
            line += f" (value: {_short(value, names)})"
        lines.append(line)
    return sorted(lines)


def _local(term: Node | None) -> str:
    if term is None:
        return ""
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _constraint_name(term: Node | None) -> str:
    return f"fails {_local(term)}" if term is not None else "fails a constraint"


def _short(term: Node | None, graph: GraphLike) -> str:
    """Return a short readable form of a term: a prefixed name where possible."""
    if term is None:
        return "?"
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(graph.namespaces(), key=lambda item: -len(str(item[1]))):
            if prefix and text.startswith(str(ns)) and len(text) > len(str(ns)):
                return f"{prefix}:{text[len(str(ns)) :]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        return term.n3()
    return term.n3() if hasattr(term, "n3") else str(term)
