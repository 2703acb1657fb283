"""Check a graph against the SHACL shapes of the contract (``ontology/shapes.ttl``).

One public function, :func:`validate_graph`, after pySHACL's ``validate``; the
CLI follows pySHACL's exit codes (0 conforms, 1 does not, 2 error).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.errors import ConfigError
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
    graph: Graph,
    *,
    shapes_path: Path | str | None = None,
    inference: bool = False,
) -> ValidationResult:
    """Validate ``graph`` against the contract's SHACL shapes.

    The OWL ontology (``ontology/mekong-kg.ttl``) is mixed in as pySHACL's
    ``ont_graph`` so that class hierarchies are known to ``sh:class`` checks.

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
    conforms, report_graph, report_text = validate(
        graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="owlrl" if inference else "none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        meta_shacl=False,
        advanced=True,
        inplace=False,
    )
    lines = violation_lines(report_graph, graph)
    return ValidationResult(bool(conforms), lines, str(report_text), report_graph)


def violation_lines(report: Graph, data: Graph | None = None) -> list[str]:
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


def _short(term: Node | None, graph: Graph) -> str:
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
