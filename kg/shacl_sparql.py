"""SHACL core constraints compiled to SPARQL and run set-at-a-time in an Oxigraph store.

pySHACL validates an rdflib graph node by node: for every shape it lists the focus nodes,
then for every focus node (and every value node) it looks the constraint up in Python. It
cannot read a pyoxigraph ``Store``, and on a graph of millions of triples the per-node
loop is slow and rdflib's memory use large. Here every constraint of the shapes becomes
one SPARQL SELECT query, run once over the whole store, whose solutions are exactly the
validation results pySHACL would report:

* targets (``sh:targetClass`` with ``rdf:type/rdfs:subClassOf*``, ``sh:targetSubjectsOf``)
  become a ``SELECT DISTINCT ?this`` sub-query, the union of the shape's targets;
* ``sh:minCount`` / ``sh:maxCount`` / ``sh:uniqueLang`` become ``GROUP BY ?this`` queries
  (``FILTER NOT EXISTS`` for a minimum of one);
* value constraints (``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:pattern``,
  ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:hasValue``, ``sh:node``, ``sh:or``) become a
  SPARQL boolean expression over the value variable, which never raises an error (``COALESCE``
  turns errors into ``false``), and the query keeps the values for which it is false:
  ``SELECT DISTINCT ?this ?value WHERE { <targets> ?this <path> ?value FILTER (!<expression>) }``;
* shapes referenced by ``sh:node`` / ``sh:or`` are compiled recursively into such
  expressions (``EXISTS { ?value rdf:type/rdfs:subClassOf* mk:Person }``); the checks of a
  shape under ``sh:node`` are also projected (``BIND (... AS ?d0)``) so that the nested
  results pySHACL attaches with ``sh:detail`` can be reported too.

The ``sh:sparql`` constraints of the shapes are run by :mod:`kg.validate`'s helpers, so
:func:`validate_store` is the whole validation. The report graph, the messages (the shape's
``sh:message`` values, else pySHACL's generated text) and thus
:func:`kg.validate.violation_lines` are the same as pySHACL's (run as
:func:`kg.validate.validate_graph` runs it: ``allow_warnings`` and ``allow_infos``).

Where the results may differ (none of it changes which focus nodes and values are reported
for ``ontology/shapes.ttl`` on graphs written by kg):

* Oxigraph holds RDF 1.1 terms: ``"x"`` and ``"x"^^xsd:string`` are one term (reported as
  ``"x"``), and numbers are reported in their canonical form (``"1.50"`` as ``"1.5"``);
* data blank nodes keep Oxigraph's ids, and a generated message writes them ``_:id``
  where pySHACL describes their triples;
* ``sh:datatype`` checks the lexical form, as rdflib does for pySHACL, of xsd:decimal,
  integer, float, double, boolean, date, time and dateTime, with Oxigraph's XSD casts (rdflib's
  Python parsers accept a few more forms, such as ``"1e5"^^xsd:decimal``); like pySHACL it
  accepts an ill-typed xsd:gYear or xsd:gYearMonth (``"20x5"^^xsd:gYear``: rdflib does not
  parse those types); unlike pySHACL it does not check the lexical form of xsd:int,
  xsd:short and the other derived integer types;
* ``sh:minInclusive`` / ``sh:maxInclusive`` follow rdflib's ordering, which pySHACL uses:
  literals SPARQL cannot compare are ordered by their datatype IRIs (see :func:`_range_test`);
* anything else of SHACL (complex paths, ``sh:targetNode``, ``sh:in``, ``sh:qualifiedValueShape``,
  shapes with property shapes used through ``sh:node`` / ``sh:or``, ...) raises
  ``NotImplementedError`` naming the shape and the terms.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from textwrap import indent
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.graph.store import to_rdflib
from kg.validate import SH, _run_constraints, _take_sparql_constraints

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["validate_store"]

_PREFIXES = f"PREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\nPREFIX xsd: <{XSD}>\n"

# Shape terms that carry no constraint.
_NON_VALIDATING = {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf}
_VALUE_PARAMETERS = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.pattern,
    SH.flags,
    SH.minInclusive,
    SH.maxInclusive,
    SH.hasValue,
    SH.node,
    SH["or"],
}
_PROPERTY_PARAMETERS = {SH.path, SH.minCount, SH.maxCount, SH.uniqueLang}
_ALL_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.targetObjectsOf, SH.target}

# Datatypes whose ill-typed literals rdflib (and so pySHACL) recognises, and Oxigraph can cast to.
_CHECKED_DATATYPES = {XSD.decimal, XSD.integer, XSD.float, XSD.double, XSD.boolean, XSD.date, XSD.time, XSD.dateTime}

# Datatypes whose literals rdflib gives a Python string as value (pySHACL's "string" literals).
_STRING_DATATYPES = {XSD.string, RDF.langString, XSD.anyURI, XSD.normalizedString, XSD.token, XSD.language}

_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNode: "isBlank({v})",
    SH.BlankNodeOrIRI: "!isLiteral({v})",
    SH.BlankNodeOrLiteral: "!isIRI({v})",
    SH.IRIOrLiteral: "!isBlank({v})",
}

# pySHACL, as kg.validate runs it (allow_warnings, allow_infos), counts a shape of these
# severities as conforming inside sh:or whatever its constraints say.
_LENIENT_SEVERITIES = {SH.Warning, SH.Info}


def validate_store(
    store: pyoxigraph.Store,
    shapes: Graph,
    *,
    namespaces: Iterable[tuple[str, Node]] | None = None,
) -> tuple[bool, Graph, str]:
    """Validate the default graph of ``store`` against ``shapes``, as pySHACL would.

    The store must already hold the data and the ontology (for ``rdfs:subClassOf``), as
    :func:`kg.validate.validate_graph` mixes the ontology into the data for pySHACL.

    Args:
        store: A ``pyoxigraph.Store``.
        shapes: The SHACL shapes graph, with its ``sh:sparql`` constraints (not modified).
        namespaces: The data graph's prefixes (``graph.namespaces()``), with which pySHACL
            writes data IRIs in the messages it generates; rdflib's defaults when None.

    Returns:
        ``(conforms, report_graph, report_text)``: conforms is False iff some result has
        severity ``sh:Violation``; the report graph holds one ``sh:ValidationReport``.

    Raises:
        NotImplementedError: When a shape uses SHACL this module does not compile.
    """
    working = _copy_graph(shapes)
    sparql_constraints = [c for c in _take_sparql_constraints(working) if not _deactivated(working, c.shape)]
    data_names = _data_namespaces(namespaces)
    compiler = _Compiler(working, _Writer(working, data_names))
    queries = compiler.compile()  # raises before anything runs

    report = Graph(bind_namespaces="core")
    for prefix, ns in shapes.namespaces():
        report.bind(prefix, ns, override=True, replace=True)
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))

    results = [result for query in queries for result in query.run(store)]
    builder = _ReportBuilder(report, root, working, compiler.writer)
    texts = [builder.add(result) for result in results]
    before = set(report.objects(root, SH.result))
    _run_constraints(store, sparql_constraints, report)
    sparql_nodes = [node for node in report.objects(root, SH.result) if node not in before]
    texts += [builder.describe_added(node) for node in sparql_nodes]

    severities = [r.severity for r in results] + [report.value(n, SH.resultSeverity) for n in sparql_nodes]
    conforms = SH.Violation not in severities
    report.add((root, SH.conforms, Literal(conforms)))
    text = f"Validation Report\nConforms: {conforms}\n"
    if texts:
        text += f"Results ({len(texts)}):\n" + "".join(sorted(texts))
    return conforms, report, text


# ---------------------------------------------------------------------------
# Writing terms as pySHACL does (pyshacl.rdfutil.stringify)
# ---------------------------------------------------------------------------


def _copy_graph(graph: Graph) -> Graph:
    copy = Graph(bind_namespaces="none")
    for prefix, ns in graph.namespaces():
        copy.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        copy.add(triple)
    return copy


def _data_namespaces(namespaces: Iterable[tuple[str, Node]] | None) -> NamespaceManager:
    if namespaces is None:
        return Graph().namespace_manager
    graph = Graph(bind_namespaces="none")
    for prefix, ns in namespaces:
        graph.bind(prefix, ns, override=True, replace=True)
    return graph.namespace_manager


class _Writer:
    """Writes shape and data terms the way pySHACL's ``stringify_node`` does."""

    def __init__(self, shapes: Graph, data_names: NamespaceManager) -> None:
        self.shapes = shapes
        self.shape_names = shapes.namespace_manager
        self.shape_names.bind("sh", SH, override=False, replace=False)
        self.data_names = data_names
        self.data_names.bind("sh", SH, override=False, replace=False)
        self._blank_cache: dict[Node, str] = {}

    def shape(self, node: Node | None, depth: int = 0) -> str:
        """A term of the shapes graph: a prefixed name, a literal, or a blank node's description."""
        if isinstance(node, Literal):
            return self._literal(node, self.shape_names)
        if isinstance(node, BNode):
            return self._blank(node, depth + 1)
        return self._iri(node, self.shape_names)

    def data(self, node: Node | None) -> str:
        """A term of the data graph (blank nodes are written ``_:id``: the store cannot describe them)."""
        if isinstance(node, Literal):
            return self._literal(node, self.data_names)
        if isinstance(node, BNode):
            return node.n3()
        return self._iri(node, self.data_names)

    @staticmethod
    def _iri(node: Node | None, names: NamespaceManager) -> str:
        if isinstance(node, URIRef):
            try:
                return node.n3(namespace_manager=names)
            except Exception:  # rdflib refuses some IRIs; pySHACL then writes them as they are
                return str(node)
        return str(node)

    def _literal(self, node: Literal, names: NamespaceManager) -> str:
        value = None if node.value is None else str(node.value)
        if value is not None and " object at 0x" in value:
            value = value[: value.find(" object at 0x")]
        text = f'"{node}" = {value}' if value is not None and value != str(node) else f'"{node}"'
        if node.language:
            text += f", lang={node.language}"
        if node.datatype:
            text += f", datatype={self._iri(node.datatype, names)}"
        return f"Literal({text})"

    def _blank(self, node: BNode, depth: int) -> str:
        if depth >= 12:
            return "<http://recursion.too.deep>"
        if node in self._blank_cache:
            return self._blank_cache[node]
        predicates = list(self.shapes.predicates(node))
        if not predicates:
            return "[ ]"
        if RDF.first in predicates:
            return "( " + " ".join(self.shape(item, depth + 1) for item in self.shapes.items(node)) + " )"
        parts = {}
        for p in predicates:
            objects = sorted(self.shape(o, depth + 1) for o in self.shapes.objects(node, p))
            parts[p.n3(namespace_manager=self.shape_names)] = ", ".join(objects)
        text = "[ " + " ; ".join(f"{p} {o}" for p, o in sorted(parts.items())) + " ]"
        self._blank_cache[node] = text
        return text


# ---------------------------------------------------------------------------
# Compiled constraints and their results
# ---------------------------------------------------------------------------

# A generated message: (focus node, value node) -> text.
_Generic = Callable[[Node, "Node | None"], str]


@dataclass
class _Check:
    """One constraint of a shape as a condition on a value node.

    Attributes:
        shape: The shape declaring the constraint (``sh:sourceShape``).
        component: Its constraint component, e.g. ``sh:ClassConstraintComponent``.
        test: The SPARQL boolean expression for a variable (``"?value"``); it never raises an error.
        generic: pySHACL's generated message, used when the shape has no ``sh:message``.
        severity: The shape's ``sh:severity``.
        messages: The shape's ``sh:message`` values.
        reports_value: Whether a result carries ``sh:value`` (not for ``sh:hasValue``).
        details: For ``sh:node``, the checks of the referenced shape, reported under ``sh:detail``.
    """

    shape: Node
    component: URIRef
    test: Callable[[str], str]
    generic: _Generic
    severity: URIRef
    messages: list[Literal]
    reports_value: bool = True
    details: list[_Check] = field(default_factory=list)


@dataclass
class _Result:
    """A validation result, before it is written to the report graph."""

    focus: Node
    shape: Node
    component: URIRef
    severity: URIRef
    messages: list[Literal]
    value: Node | None = None
    path: Node | None = None
    details: list[_Result] = field(default_factory=list)


@dataclass
class _Query:
    """One compiled constraint: a SELECT whose solutions are its validation results.

    The query binds ``?this`` (the focus node), the value node (``value_var``) for value
    constraints, and one boolean ``?d<i>`` per detail check (``_flatten(details)``).
    """

    sparql: str
    shape: Node
    component: URIRef
    severity: URIRef
    messages: list[Literal]
    generic: _Generic
    path: Node | None = None
    value_var: str | None = None
    details: list[_Check] = field(default_factory=list)

    def run(self, store: pyoxigraph.Store) -> list[_Result]:
        """Run the query on the store: one result per solution."""
        results = []
        count = len(_flatten(self.details))
        for solution in store.query(self.sparql):
            focus = _term(solution["this"])
            value = _term(solution[self.value_var]) if self.value_var else None
            result = _Result(
                focus,
                self.shape,
                self.component,
                self.severity,
                self.messages or [Literal(self.generic(focus, value))],
                value,
                self.path,
            )
            if value is not None and count:
                flags = [solution[f"d{i}"] is not None and solution[f"d{i}"].value == "true" for i in range(count)]
                result.details = _detail_results(self.details, value, flags, itertools.count())
            results.append(result)
        return results


def _term(term: object) -> Node:
    """An Oxigraph term as rdflib's (an xsd:string literal as the simple literal it is in RDF 1.1)."""
    return to_rdflib(term)


def _flatten(checks: list[_Check]) -> list[_Check]:
    """The detail checks in the order of their ``?d<i>`` variables (depth first)."""
    out = []
    for check in checks:
        out.append(check)
        out.extend(_flatten(check.details))
    return out


def _detail_results(checks: list[_Check], value: Node, flags: list[bool], counter: Iterable[int]) -> list[_Result]:
    """The results pySHACL nests under a failed ``sh:node``: the referenced shape's failed checks on the value."""
    out = []
    for check in checks:
        passed = flags[next(counter)]
        nested = _detail_results(check.details, value, flags, counter)  # always walked: it numbers the flags
        if passed:
            continue
        messages = check.messages or [Literal(check.generic(value, value))]
        reported = value if check.reports_value else None
        out.append(_Result(value, check.shape, check.component, check.severity, messages, reported, None, nested))
    return out


# ---------------------------------------------------------------------------
# Compiling shapes
# ---------------------------------------------------------------------------


def _deactivated(shapes: Graph, shape: Node) -> bool:
    return any(isinstance(v, Literal) and v.value is True for v in shapes.objects(shape, SH.deactivated))


def _sparql(term: Node) -> str:
    """A shapes-graph term in SPARQL syntax."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise NotImplementedError(f"kg.shacl_sparql cannot write the blank node {term.n3()} of a constraint into SPARQL")


def _all(expressions: list[str]) -> str:
    if len(expressions) < 2:
        return expressions[0] if expressions else "true"
    return "(" + " && ".join(expressions) + ")"


def _any(expressions: list[str]) -> str:
    if len(expressions) < 2:
        return expressions[0] if expressions else "false"
    return "(" + " || ".join(expressions) + ")"


def _local(term: Node) -> str:
    return str(term).rsplit("#", 1)[-1]


class _Compiler:
    """Compiles the shapes graph (without its ``sh:sparql`` constraints) into :class:`_Query` objects."""

    def __init__(self, shapes: Graph, writer: _Writer) -> None:
        self.g = shapes
        self.writer = writer
        self._stack: list[Node] = []

    # -- shapes ------------------------------------------------------------

    def compile(self) -> list[_Query]:
        """All the queries of the shapes that have targets (other shapes are reached through them)."""
        classes = {RDFS.Class, *self.g.subjects(RDFS.subClassOf, RDFS.Class)}
        for shape in {s for c in classes for s in self.g.subjects(RDF.type, c)}:
            if any(str(p).startswith(str(SH)) for p in self.g.predicates(shape)) or (shape, RDF.type, SH.NodeShape) in self.g:
                self._unsupported(shape, RDF.type, "a shape that is a class: implicit class targets")
        shapes = {s for p in _ALL_TARGETS for s in self.g.subjects(p, None)}
        queries = []
        for shape in sorted(shapes, key=str):
            if not _deactivated(self.g, shape):
                queries += self._target_shape(shape)
        return queries

    def _target_shape(self, shape: Node) -> list[_Query]:
        is_property = (shape, SH.path, None) in self.g
        extra = _PROPERTY_PARAMETERS if is_property else {SH.property}
        self._require(shape, _NON_VALIDATING | _TARGETS | _VALUE_PARAMETERS | extra)
        focus = self._targets(shape)
        if is_property:
            return self._property_queries(shape, focus)
        queries = [self._node_query(check, focus) for check in self._checks(shape, has_value=True)]
        for prop in sorted(self.g.objects(shape, SH.property), key=str):
            if not _deactivated(self.g, prop):
                self._require(prop, _NON_VALIDATING | _TARGETS | _VALUE_PARAMETERS | _PROPERTY_PARAMETERS)
                queries += self._property_queries(prop, focus)
        return queries

    def _require(self, shape: Node, allowed: set[URIRef], context: str = "") -> None:
        """Raise NotImplementedError when the shape uses a SHACL term outside ``allowed``."""
        unknown = sorted({p for p in self.g.predicates(shape) if str(p).startswith(str(SH)) and p not in allowed}, key=str)
        if unknown:
            self._unsupported(shape, unknown, context)

    def _unsupported(self, shape: Node, terms: Node | list[Node], context: str = "") -> None:
        terms = terms if isinstance(terms, list) else [terms]
        written = ", ".join(self.writer.shape(t) for t in terms)
        where = f" ({context})" if context else ""
        verb = "is" if len(terms) == 1 else "are"
        raise NotImplementedError(
            f"kg.shacl_sparql cannot compile shape {self.writer.shape(shape)}: {written}{where} {verb} not supported"
        )

    def _targets(self, shape: Node) -> str:
        """A group binding ``?this`` to each focus node of the shape once: the union of its targets."""
        parts = []
        classes = sorted(self.g.objects(shape, SH.targetClass), key=str)
        predicates = sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str)
        if classes:
            values = " ".join(_sparql(c) for c in classes)
            parts.append(f"{{ VALUES ?class {{ {values} }} ?this rdf:type/rdfs:subClassOf* ?class }}")
        if predicates:
            values = " ".join(_sparql(p) for p in predicates)
            parts.append(f"{{ VALUES ?predicate {{ {values} }} ?this ?predicate ?object }}")
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"

    def _messages(self, shape: Node) -> list[Literal]:
        return [m for m in self.g.objects(shape, SH.message) if isinstance(m, Literal)]

    def _severity(self, shape: Node) -> URIRef:
        return self.g.value(shape, SH.severity) or SH.Violation

    # -- queries -----------------------------------------------------------

    def _node_query(self, check: _Check, focus: str) -> _Query:
        """A node-level constraint of a target node shape: the focus node is the value node."""
        binds, variables = self._detail_binds(check, "?this")
        sparql = f"{_PREFIXES}SELECT DISTINCT ?this{variables} WHERE {{\n  {focus}\n  FILTER (!{check.test('?this')})\n{binds}}}"
        return _Query(
            sparql,
            check.shape,
            check.component,
            check.severity,
            check.messages,
            check.generic,
            value_var="this" if check.reports_value else None,
            details=check.details,
        )

    def _property_queries(self, prop: Node, focus: str) -> list[_Query]:
        """The queries of a property shape over the focus nodes bound by ``focus``."""
        path = self.g.value(prop, SH.path)
        if not isinstance(path, URIRef):
            self._unsupported(prop, SH.path, "a complex path")
        queries = self._count_queries(prop, path, focus)
        for term in self.g.objects(prop, SH.hasValue):
            queries.append(self._has_value_query(prop, path, focus, term))
        for check in self._checks(prop, has_value=False):
            binds, variables = self._detail_binds(check, "?value")
            sparql = (
                f"{_PREFIXES}SELECT DISTINCT ?this ?value{variables} WHERE {{\n  {focus}\n"
                f"  ?this {_sparql(path)} ?value .\n  FILTER (!{check.test('?value')})\n{binds}}}"
            )
            queries.append(
                _Query(sparql, prop, check.component, check.severity, check.messages, check.generic, path, "value", check.details)
            )
        return queries

    def _count_queries(self, prop: Node, path: URIRef, focus: str) -> list[_Query]:
        """``sh:minCount``, ``sh:maxCount`` and ``sh:uniqueLang``: one result per focus node (or language)."""
        queries = []
        minimum = self._single_integer(prop, SH.minCount)
        if minimum:  # a minimum of zero always holds
            queries.append(self._min_count_query(prop, path, focus, minimum))
        maximum = self._single_integer(prop, SH.maxCount)
        if maximum is not None:
            queries.append(self._max_count_query(prop, path, focus, maximum))
        unique = self._single(prop, SH.uniqueLang)
        if isinstance(unique, Literal) and unique.value is True:
            queries.append(self._unique_lang_query(prop, path, focus))
        return queries

    def _min_count_query(self, prop: Node, path: URIRef, focus: str, minimum: int) -> _Query:
        p, shape_path = _sparql(path), self.writer.shape(path)
        if minimum == 1:
            where = f"{focus}\n  FILTER NOT EXISTS {{ ?this {p} ?value }}\n}}"
        else:
            where = f"{focus}\n  OPTIONAL {{ ?this {p} ?value }}\n}} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {minimum})"
        return _Query(
            f"{_PREFIXES}SELECT ?this WHERE {{\n  {where}",
            prop,
            SH.MinCountConstraintComponent,
            self._severity(prop),
            self._messages(prop),
            lambda f, v: f"Less than {minimum} values on {self.writer.data(f)}->{shape_path}",
            path,
        )

    def _max_count_query(self, prop: Node, path: URIRef, focus: str, maximum: int) -> _Query:
        shape_path = self.writer.shape(path)
        return _Query(
            f"{_PREFIXES}SELECT ?this WHERE {{\n  {focus}\n  ?this {_sparql(path)} ?value .\n}}"
            f" GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {maximum})",
            prop,
            SH.MaxCountConstraintComponent,
            self._severity(prop),
            self._messages(prop),
            lambda f, v: f"More than {maximum} values on {self.writer.data(f)}->{shape_path}",
            path,
        )

    def _unique_lang_query(self, prop: Node, path: URIRef, focus: str) -> _Query:
        """One result per focus node and language tag (compared case-insensitively) used more than once."""
        return _Query(
            f"{_PREFIXES}SELECT ?this ?lang WHERE {{\n  {focus}\n  ?this {_sparql(path)} ?value .\n"
            f'  FILTER (isLiteral(?value) && LANG(?value) != "")\n  BIND (LCASE(LANG(?value)) AS ?lang)\n}}'
            " GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?value) > 1)",
            prop,
            SH.UniqueLangConstraintComponent,
            self._severity(prop),
            self._messages(prop),
            lambda f, v: "More than one String shares the same Language",
            path,
        )

    def _has_value_query(self, prop: Node, path: URIRef, focus: str, term: Node) -> _Query:
        wanted = str([self.writer.shape(t) for t in self.g.objects(prop, SH.hasValue)])
        shape_path = self.writer.shape(path)
        return _Query(
            f"{_PREFIXES}SELECT ?this WHERE {{\n  {focus}\n  FILTER NOT EXISTS {{ ?this {_sparql(path)} {_sparql(term)} }}\n}}",
            prop,
            SH.HasValueConstraintComponent,
            self._severity(prop),
            self._messages(prop),
            lambda f, v: f"Node {self.writer.data(f)}->{shape_path} does not contain a value in the set: {wanted}",
            path,
        )

    def _single_integer(self, shape: Node, parameter: URIRef) -> int | None:
        values = list(self.g.objects(shape, parameter))
        if len(values) > 1:
            raise ValueError(f"{self.writer.shape(shape)} has more than one {self.writer.shape(parameter)}")
        return int(values[0]) if values else None

    def _detail_binds(self, check: _Check, var: str) -> tuple[str, str]:
        """BIND lines projecting each detail check of ``check`` as ``?d<i>``, and the projected variables."""
        details = _flatten(check.details)
        binds = "".join(f"  BIND ({d.test(var)} AS ?d{i})\n" for i, d in enumerate(details))
        return binds, "".join(f" ?d{i}" for i in range(len(details)))

    # -- value conditions --------------------------------------------------

    def _checks(self, shape: Node, *, has_value: bool) -> list[_Check]:
        """The value constraints of a shape, one check per parameter value (as pySHACL reports them)."""
        checks = []
        checks += self._class_checks(shape)
        checks += self._datatype_checks(shape)
        checks += self._node_kind_checks(shape)
        checks += self._pattern_checks(shape)
        checks += self._range_checks(shape, SH.minInclusive, ">=", SH.MinInclusiveConstraintComponent)
        checks += self._range_checks(shape, SH.maxInclusive, "<=", SH.MaxInclusiveConstraintComponent)
        if has_value:
            checks += self._has_value_checks(shape)
        checks += self._node_checks(shape)
        checks += self._or_checks(shape)
        return checks

    def _check(self, shape: Node, component: URIRef, test: Callable[[str], str], generic: _Generic, **kw: object) -> _Check:
        return _Check(shape, component, test, generic, self._severity(shape), self._messages(shape), **kw)

    def _class_checks(self, shape: Node) -> list[_Check]:
        classes = list(self.g.objects(shape, SH["class"]))
        if len(classes) == 1:
            text = f"Value does not have class {self.writer.shape(classes[0])}"
        else:
            text = f"Value class is not in classes ({', '.join(self.writer.shape(c) for c in classes)})"
        return [
            self._check(
                shape,
                SH.ClassConstraintComponent,
                lambda v, c=c: f"(!isLiteral({v}) && EXISTS {{ {v} rdf:type/rdfs:subClassOf* {_sparql(c)} }})",
                lambda f, v: text,
            )
            for c in classes
        ]

    def _datatype_checks(self, shape: Node) -> list[_Check]:
        datatype = self._single(shape, SH.datatype)
        if datatype is None:
            return []
        if datatype == RDFS.Datatype:
            self._unsupported(shape, SH.datatype, "with rdfs:Datatype")
        return [
            self._check(
                shape,
                SH.DatatypeConstraintComponent,
                lambda v: _datatype_test(datatype, v),
                lambda f, v: f"Value is not Literal with datatype {self.writer.shape(datatype)}",
            )
        ]

    def _node_kind_checks(self, shape: Node) -> list[_Check]:
        kind = self._single(shape, SH.nodeKind)
        if kind is None:
            return []
        if kind not in _NODE_KINDS:
            raise ValueError(f"{self.writer.shape(shape)}: {self.writer.shape(kind)} is not a SHACL node kind")
        return [
            self._check(
                shape,
                SH.NodeKindConstraintComponent,
                lambda v: _NODE_KINDS[kind].format(v=v),
                lambda f, v: f"Value is not of Node Kind {self.writer.shape(kind)}",
            )
        ]

    def _pattern_checks(self, shape: Node) -> list[_Check]:
        patterns = list(self.g.objects(shape, SH.pattern))
        flags = next(iter(self.g.objects(shape, SH.flags)), None)
        # pySHACL honours only the i and m flags
        wanted = "".join(f for f in "im" if flags is not None and f in str(flags).lower())
        if len(patterns) == 1:
            text = f"Value does not match pattern '{patterns[0]}'"
        else:
            text = "Value does not match every pattern in ('{}')".format("', '".join(str(p) for p in patterns))
        return [
            self._check(
                shape,
                SH.PatternConstraintComponent,
                lambda v, p=p: _pattern_test(v, str(p), wanted),
                lambda f, v: text,
            )
            for p in patterns
        ]

    def _range_checks(self, shape: Node, parameter: URIRef, operator: str, component: URIRef) -> list[_Check]:
        bounds = list(self.g.objects(shape, parameter))
        for bound in bounds:
            if not isinstance(bound, Literal):
                raise ValueError(f"{self.writer.shape(shape)}: {self.writer.shape(parameter)} must be a literal")
        if len(bounds) == 1:
            text = f"Value is not {operator} {self.writer.shape(bounds[0])}"
        else:
            text = f"Value is not {operator} in ({', '.join(self.writer.shape(b) for b in bounds)})"
        return [self._check(shape, component, lambda v, b=b: _range_test(v, operator, b), lambda f, v: text) for b in bounds]

    def _has_value_checks(self, shape: Node) -> list[_Check]:
        terms = list(self.g.objects(shape, SH.hasValue))
        wanted = str([self.writer.shape(t) for t in terms])
        return [
            self._check(
                shape,
                SH.HasValueConstraintComponent,
                lambda v, t=t: f"sameTerm({v}, {_sparql(t)})",
                lambda f, v: f"Node {self.writer.data(f)} value is not a in the set of values: {wanted}",
                reports_value=False,
            )
            for t in terms
        ]

    def _node_checks(self, shape: Node) -> list[_Check]:
        targets = list(self.g.objects(shape, SH.node))
        if len(targets) == 1:
            text = f"Value does not conform to Shape {self.writer.shape(targets[0])}."
        else:
            text = "Value must conform to every Shape in ('{}').".format("', '".join(self.writer.shape(t) for t in targets))
        text += " See details for more information."
        checks = []
        for target in targets:
            nested = [] if _deactivated(self.g, target) else self._nested_checks(target, shape)
            checks.append(
                self._check(
                    shape,
                    SH.NodeConstraintComponent,
                    lambda v, nested=nested: _all([c.test(v) for c in nested]),
                    lambda f, v: text,
                    details=nested,
                )
            )
        return checks

    def _or_checks(self, shape: Node) -> list[_Check]:
        lists = list(self.g.objects(shape, SH["or"]))
        members = [list(self.g.items(node)) for node in lists]
        if any(not m for m in members):
            raise ValueError(f"{self.writer.shape(shape)}: the list of sh:or is empty or not an RDF list")
        written = [" , ".join(self.writer.shape(m) for m in ms) for ms in members]
        listing = written[0] if len(written) == 1 else " and ".join(f"({w})" for w in written)
        checks = []
        for ms in members:
            conditions = [self._member_condition(m, shape) for m in ms]
            checks.append(
                self._check(
                    shape,
                    SH.OrConstraintComponent,
                    lambda v, conditions=conditions: _any([c(v) for c in conditions]),
                    lambda f, v: f"Node {self.writer.data(v)} must conform to one or more shapes in {listing}",
                )
            )
        return checks

    def _member_condition(self, member: Node, parent: Node) -> Callable[[str], str]:
        """Whether a value conforms to a member of ``sh:or`` (pySHACL drops the members' own results)."""
        if _deactivated(self.g, member) or self._severity(member) in _LENIENT_SEVERITIES:
            return lambda v: "true"
        nested = self._nested_checks(member, parent)
        return lambda v: _all([c.test(v) for c in nested])

    def _nested_checks(self, shape: Node, parent: Node) -> list[_Check]:
        """The checks of a shape used through ``sh:node`` / ``sh:or``, on a value node."""
        if shape in self._stack:
            self._unsupported(shape, SH.node, "recursive shapes")
        context = f"in a shape used through sh:node or sh:or of {self.writer.shape(parent)}"
        if (shape, SH.path, None) in self.g:
            self._unsupported(shape, SH.path, context)
        self._require(shape, _NON_VALIDATING | _ALL_TARGETS | _VALUE_PARAMETERS, context)
        self._stack.append(shape)
        try:
            return self._checks(shape, has_value=True)
        finally:
            self._stack.pop()

    def _single(self, shape: Node, parameter: URIRef) -> Node | None:
        values = list(self.g.objects(shape, parameter))
        if len(values) > 1:
            raise ValueError(f"{self.writer.shape(shape)} has more than one {self.writer.shape(parameter)}")
        return values[0] if values else None


def _pattern_test(v: str, pattern: str, flags: str) -> str:
    """``sh:pattern``: blank nodes never match; literals and IRIs are matched by their string."""
    return f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {Literal(pattern).n3()}, {Literal(flags).n3()}), false)"


def _range_test(v: str, operator: str, bound: Literal) -> str:
    """``sh:minInclusive`` / ``sh:maxInclusive`` as pySHACL compares (rdflib's SPARQL ordering of literals).

    A string value never passes a non-string bound nor the reverse. Values SPARQL cannot compare
    with the bound (``"abc"^^xsd:decimal``, a date against a number) are ordered, as rdflib
    orders them, by their datatype IRIs; an ill-typed value of the bound's own datatype fails.
    """
    is_string = f"(DATATYPE({v}) IN ({', '.join(_sparql(t) for t in sorted(_STRING_DATATYPES))}))"
    if isinstance(bound.value, str):
        return f"(isLiteral({v}) && {is_string} && COALESCE({v} {operator} {_sparql(bound)}, false))"
    datatype = bound.datatype or XSD.string
    by_datatype = f"(DATATYPE({v}) != {_sparql(datatype)} && STR(DATATYPE({v})) {operator[0]} {Literal(str(datatype)).n3()})"
    return f"(isLiteral({v}) && !{is_string} && COALESCE({v} {operator} {_sparql(bound)}, {by_datatype}))"


def _datatype_test(datatype: Node, v: str) -> str:
    """``sh:datatype`` as pySHACL checks it: the literal's datatype, and its lexical form where rdflib checks it."""
    if datatype == RDF.langString:
        return f'(isLiteral({v}) && LANG({v}) != "")'
    if datatype == RDFS.Literal:
        return f"isLiteral({v})"
    test = f"isLiteral({v}) && DATATYPE({v}) = {_sparql(datatype)}"
    if datatype in _CHECKED_DATATYPES:
        test += f" && COALESCE(isLiteral({_sparql(datatype)}({v})), false)"
    return f"({test})"


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


class _ReportBuilder:
    """Writes results into the report graph, and their text, as pySHACL does."""

    def __init__(self, report: Graph, root: Node, shapes: Graph, writer: _Writer) -> None:
        self.report = report
        self.root = root
        self.shapes = shapes
        self.writer = writer
        self._cloned: set[Node] = set()

    def add(self, result: _Result, *, top: bool = True) -> str:
        """Add a result (and its details) to the report; return its description."""
        return self._add(result, top=top)[1]

    def _add(self, result: _Result, *, top: bool) -> tuple[Node, str]:
        node = BNode()
        r = self.report
        if top:
            r.add((self.root, SH.result, node))
        r.add((node, RDF.type, SH.ValidationResult))
        r.add((node, SH.sourceConstraintComponent, result.component))
        r.add((node, SH.sourceShape, self._clone(result.shape)))
        r.add((node, SH.resultSeverity, result.severity))
        r.add((node, SH.focusNode, result.focus))
        if result.value is not None:
            r.add((node, SH.value, result.value))
        if result.path is not None:
            r.add((node, SH.resultPath, self._clone(result.path)))
        for message in result.messages:
            r.add((node, SH.resultMessage, message))
        text = self._describe(result.component, result.severity, result.shape, result.focus, result.value, result.path)
        text += "".join(f"\tMessage: {m}\n" for m in sorted(str(m) for m in result.messages))
        if result.component == SH.NodeConstraintComponent:
            text += "\tDetails:\n"
            for detail in result.details:
                child, child_text = self._add(detail, top=False)
                r.add((node, SH.detail, child))
                text += indent(child_text, "\t\t")
        return node, text

    def describe_added(self, node: Node) -> str:
        """The description of a result already in the report (those of the ``sh:sparql`` constraints).

        Unlike pySHACL's, it leaves out the ``sh:sourceConstraint`` (the whole query).
        """
        r = self.report
        text = self._describe(
            r.value(node, SH.sourceConstraintComponent),
            r.value(node, SH.resultSeverity),
            r.value(node, SH.sourceShape),
            r.value(node, SH.focusNode),
            r.value(node, SH.value),
            r.value(node, SH.resultPath),
        )
        return text + "".join(f"\tMessage: {m}\n" for m in sorted(str(m) for m in r.objects(node, SH.resultMessage)))

    def _describe(self, component: Node, severity: Node, shape: Node, focus: Node, value: Node | None, path: Node | None) -> str:
        kind = "Constraint Violation" if severity == SH.Violation else "Validation Result"
        text = (
            f"{kind} in {_local(component)} ({component}):\n\tSeverity: {self.writer.shape(severity)}\n"
            f"\tSource Shape: {self.writer.shape(shape)}\n\tFocus Node: {self.writer.data(focus)}\n"
        )
        if value is not None:
            text += f"\tValue Node: {self.writer.data(value)}\n"
        if path is not None:
            text += f"\tResult Path: {self.writer.shape(path)}\n"
        return text

    def _clone(self, node: Node) -> Node:
        """Copy a blank node of the shapes graph (a property shape) into the report, keeping its id, as pySHACL does."""
        if isinstance(node, BNode) and node not in self._cloned:
            self._cloned.add(node)
            for p, o in self.shapes.predicate_objects(node):
                self.report.add((node, p, self._clone(o)))
        return node
