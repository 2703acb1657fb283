"""Run SPARQL against a graph, and the named competency questions of ``ontology/queries/``.

Queries are read-only unless the caller allows updates: an ``INSERT``,
``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``, ``ADD``, ``MOVE`` or
``COPY`` is refused with a :class:`~kg.errors.UsageError` by default.  The check
parses the text with rdflib's SPARQL grammars rather than looking for keywords,
so a query that merely mentions ``DELETE`` in a string is not refused.

Queries never reach outside the graph unless the caller allows it: a ``SERVICE``
clause (a federated query, which makes the query engine send HTTP requests to any
address) is refused unless ``allow_service`` is given, and a ``timeout`` bounds the
time a query may run.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError, UsageError
from kg.export.load import load_graph
from kg.graph.builder import PREFIXES
from kg.graph.store import GraphLike, OxigraphGraph, to_rdflib
from kg.resources import ontology_dir

logger = logging.getLogger(__name__)

QueryKind = TypingLiteral["select", "ask", "construct", "describe", "update"]
OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "ttl")


def _fix_rdflib_distinct_aggregates() -> None:
    """rdflib 7 evaluates the expression of ``GROUP_CONCAT(DISTINCT ?x)`` (and SUM, AVG ...
    DISTINCT) before the aggregate skips unbound values, so an OPTIONAL variable fails the
    whole query with "Variable x is not bound"; an unbound or erroneous row is skipped instead,
    as the SPARQL 1.1 aggregate definitions (and Oxigraph) do."""
    from rdflib.plugins.sparql.aggregates import Accumulator
    from rdflib.plugins.sparql.parserutils import value as _eval
    from rdflib.plugins.sparql.sparql import NotBoundError, SPARQLTypeError

    if getattr(Accumulator.use_row, "_kg_fixed", False):
        return

    def use_row(self: Accumulator, row: object) -> bool:
        try:
            return _eval(self.expr, row) not in self.seen  # type: ignore[arg-type]
        except (NotBoundError, SPARQLTypeError):
            return False

    use_row._kg_fixed = True  # type: ignore[attr-defined]
    Accumulator.use_row = use_row  # type: ignore[method-assign]


_fix_rdflib_distinct_aggregates()


def shorten(term: Node | None, prefixes: dict[str, str] | None = None) -> str:
    """Return ``term`` for display: an IRI as ``prefix:local`` where one of kg's prefixes covers it
    (the longest), other IRIs in full, literals as their lexical form, unbound as ``""``.

    Example:
        >>> shorten(URIRef("https://w3id.org/mekong-kg/resource/company/soramitsu"))
        'mkr:company/soramitsu'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        best = ""
        for prefix, ns in (prefixes or DISPLAY_PREFIXES).items():
            if text.startswith(ns) and len(text) > len(ns) and len(ns) > len(best):
                best, chosen = ns, prefix
        return f"{chosen}:{text[len(best) :]}" if best else text
    return str(term)


#: Prefixes used to shorten IRIs in tables: kg's, and rdf:.
DISPLAY_PREFIXES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


@dataclass
class QueryResult:
    """The answer to a SPARQL query.

    Attributes:
        kind: ``select``, ``ask``, ``construct``, ``describe`` or ``update``.
        variables: Column names (``subject predicate object`` for graph results).
        rows: One tuple of RDF terms (or None when unbound) per solution or triple.
        boolean: The answer of an ASK query.
        graph: The result graph of a CONSTRUCT or DESCRIBE query.
        changed: For an update, the number of triples added minus removed.
    """

    kind: QueryKind
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = field(default=None, repr=False)
    changed: int = 0

    def values(self) -> list[list[str | None]]:
        """Return the rows as lists of plain strings (the lexical form of literals, IRIs as text)."""
        return [[None if term is None else str(term) for term in row] for row in self.rows]

    def to_table(self, *, short: bool = True) -> str:
        """Return the result as an aligned text table (``true``/``false`` for ASK, Turtle for
        CONSTRUCT and DESCRIBE); IRIs are shortened to kg's prefixes unless ``short`` is False."""
        if self.kind == "ask":
            return "true" if self.boolean else "false"
        if self.kind == "update":
            return f"update applied ({self.changed:+d} triples)"
        if self.kind in ("construct", "describe"):
            return self.to_turtle()
        header = list(self.variables)
        body = [[shorten(term) if short else ("" if term is None else str(term)) for term in row] for row in self.rows]
        widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(header)]
        lines = [
            "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
            "  ".join("-" * w for w in widths),
        ]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body]
        lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
        return "\n".join(lines)

    def to_csv(self) -> str:
        """Return the result as CSV with a header row (SPARQL 1.1 CSV results: plain values)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if self.kind == "ask":
            writer.writerow(["boolean"])
            writer.writerow(["true" if self.boolean else "false"])
        else:
            writer.writerow(self.variables)
            writer.writerows([["" if v is None else v for v in row] for row in self.values()])
        return buffer.getvalue()

    def to_tsv(self) -> str:
        """Return the result in the SPARQL 1.1 TSV results format: a ``?var`` header, terms in
        Turtle/N-Triples syntax (``<iri>``, ``"text"@en``), empty cells for unbound."""
        if self.kind == "ask":
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join(_tsv_term(term) for term in row) for row in self.rows]
        return "\n".join(lines) + "\n"

    def to_turtle(self) -> str:
        """Return the graph of a CONSTRUCT or DESCRIBE result as Turtle with kg's prefixes.

        Raises:
            UsageError: For a SELECT or ASK result.
        """
        if self.graph is None:
            raise UsageError("ttl output is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
        out = Graph()
        for prefix, ns in DISPLAY_PREFIXES.items():
            out.bind(prefix, ns, override=True)
        for triple in self.graph:
            out.add(triple)
        return out.serialize(format="turtle")

    def to_json(self) -> str:
        """Return the result in the SPARQL 1.1 Query Results JSON format (graph results as rows too)."""
        if self.kind == "ask":
            doc: dict = {"head": {}, "boolean": bool(self.boolean)}
        else:
            bindings = [
                {var: _json_term(term) for var, term in zip(self.variables, row, strict=True) if term is not None}
                for row in self.rows
            ]
            doc = {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=2)

    def render(self, fmt: str) -> str:
        """Return the result as ``table``, ``csv``, ``tsv``, ``json`` or ``ttl`` (graph results).

        Raises:
            UsageError: For any other format.
        """
        if fmt == "table":
            return self.to_table()
        if fmt == "csv":
            return self.to_csv()
        if fmt == "tsv":
            return self.to_tsv()
        if fmt == "ttl":
            return self.to_turtle()
        if fmt == "json":
            return self.to_json()
        raise UsageError(f"unknown query output format {fmt!r}; choose one of: {', '.join(OUTPUT_FORMATS)}")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Node | None) -> str:
    """A term as the SPARQL TSV format writes it: ``<iri>``, ``_:b``, ``"text"@lang`` or
    ``"1"^^<datatype>``, with tabs, newlines, quotes and backslashes escaped as in N-Triples."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_TSV_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^<{term.datatype}>"
        return text
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def is_update(sparql: str) -> bool:
    """Return True when ``sparql`` is a SPARQL Update request rather than a query.

    Raises:
        UsageError: When the text is neither a valid query nor a valid update.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(sparql)
        return False
    except ParseException as query_error:
        try:
            parseUpdate(sparql)
        except ParseException:
            raise UsageError(f"not a valid SPARQL query: {_parse_message(query_error)}") from query_error
        return True


def _parse_message(error: Exception) -> str:
    return " ".join(str(error).split())


#: Tokens of SPARQL text that may hold a ``?`` or ``$`` that is not a variable.
_SPARQL_TOKENS = re.compile(
    r"""(?P<skip>"{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|\#[^\n]*)"""
    r"|[?$](?P<var>[A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)",
    re.DOTALL,
)
_SELECT_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.IGNORECASE)


def variables_in_order(sparql: str) -> list[str]:
    """Return the variables of ``sparql`` in the order they first appear (strings, IRIs and comments skipped).

    Example:
        >>> variables_in_order('SELECT * WHERE { ?s <urn:p?x> ?o . # ?c\\n ?o ?p "?q" }')
        ['s', 'o', 'p']
    """
    seen: dict[str, None] = {}
    for match in _SPARQL_TOKENS.finditer(sparql):
        if match.group("var"):
            seen.setdefault(match.group("var"), None)
    return list(seen)


def _star_order(sparql: str, variables: list[str]) -> list[str]:
    """For ``SELECT *``, the columns in the order the query names them (rdflib and Oxigraph
    return them in hash order); other queries keep their projection order."""
    if not _SELECT_STAR.search(_SPARQL_TOKENS.sub(lambda m: " " if m.group("skip") else m.group(0), sparql)):
        return variables
    order = [v for v in variables_in_order(sparql) if v in variables]
    return order + [v for v in variables if v not in order]


def _reorder(result: QueryResult, sparql: str) -> QueryResult:
    order = _star_order(sparql, result.variables)
    if order == result.variables:
        return result
    index = [result.variables.index(v) for v in order]
    result.rows = [tuple(row[i] for i in index) for row in result.rows]
    result.variables = order
    return result


def uses_service(sparql: str) -> bool:
    """Return True when the query or update holds a ``SERVICE`` clause (a federated query).

    Raises:
        UsageError: When the text is not valid SPARQL.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree: object = parseQuery(sparql)
    except ParseException:
        try:
            tree = parseUpdate(sparql)
        except ParseException as e:
            raise UsageError(f"not a valid SPARQL query: {_parse_message(e)}") from e

    def walk(node: object) -> bool:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            return any(walk(v) for v in node.values())
        if isinstance(node, dict):
            return any(walk(v) for v in node.values())
        if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            return any(walk(v) for v in node)  # type: ignore[attr-defined]
        return False

    return walk(tree)


def refuse_service() -> UsageError:
    """The error for a query with a SERVICE clause that was not allowed."""
    return UsageError(
        "this query has a SERVICE clause, which sends requests to other servers; refused unless allowed (--allow-service)"
    )


class QueryTimeout(UsageError):
    """A query ran longer than its time limit."""


def _with_timeout(timeout: float | None, work):  # type: ignore[no-untyped-def]
    """Run ``work()`` and return its value, or raise :class:`QueryTimeout` after ``timeout`` seconds.

    Neither rdflib nor pyoxigraph can interrupt a query, so it runs in a daemon thread that is
    abandoned (it never stops the process from exiting) when the time is up.
    """
    if timeout is None:
        return work()
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as e:  # handed to the caller's thread
            box["error"] = e

    thread = threading.Thread(target=target, name="kg-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryTimeout(f"the query ran longer than {timeout:g} s (--timeout) and was abandoned")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]


def run_query(
    graph_or_path: GraphLike | Path | str,
    sparql: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run a SPARQL 1.1 query (or, when allowed, an update) with rdflib, or in Oxigraph for an
    :class:`~kg.graph.store.OxigraphGraph` (same answers; much faster on large graphs).

    kg's prefixes (``mk:``, ``mkr:``, ``rdfs:``, ``skos:``, ...) are predeclared.

    Args:
        graph_or_path: A graph, or a graph file / build folder to load (see :func:`kg.export.load_graph`).
        sparql: The query text.
        allow_update: Allow SPARQL Update; the graph given is changed in place
            (a graph loaded from a path is changed in memory only).
        allow_service: Allow ``SERVICE`` clauses, which make the engine send HTTP requests.
        timeout: Seconds the query may run; None for no limit.

    Returns:
        A :class:`QueryResult`; the columns of ``SELECT *`` are in the order the query names them.

    Raises:
        UsageError: When the text is not valid SPARQL, is an update and updates are not allowed,
            holds a SERVICE clause that is not allowed, or runs past ``timeout``
            (:class:`QueryTimeout`).
        InputError: When the graph file cannot be read.
    """
    if not allow_service and uses_service(sparql):
        raise refuse_service()
    if isinstance(graph_or_path, OxigraphGraph):
        store_graph = graph_or_path
        result = _with_timeout(timeout, lambda: _run_in_store(store_graph, sparql, allow_update=allow_update))
        return _reorder(result, sparql)
    graph = graph_or_path if isinstance(graph_or_path, Graph) else load_graph(graph_or_path)
    return _reorder(_with_timeout(timeout, lambda: _run_in_rdflib(graph, sparql, allow_update=allow_update)), sparql)


def _run_in_rdflib(graph: Graph, sparql: str, *, allow_update: bool) -> QueryResult:
    init_ns = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    if is_update(sparql):
        if not allow_update:
            raise _refuse_update()
        before = len(graph)
        graph.update(sparql, initNs=init_ns)
        return QueryResult("update", changed=len(graph) - before)
    try:
        result = graph.query(sparql, initNs=init_ns)
    except Exception as e:  # rdflib evaluation errors have no common base class
        raise UsageError(f"the SPARQL query failed: {_parse_message(e)}") from e
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = result.graph
        rows = sorted(out) if out is not None else []
        return QueryResult(
            "construct" if result.type == "CONSTRUCT" else "describe",
            ["subject", "predicate", "object"],
            [tuple(t) for t in rows],
            graph=out,
        )
    variables = [str(v) for v in result.vars or []]
    rows = [tuple(row) for row in result]  # type: ignore[arg-type]
    return QueryResult("select", variables, rows)


def _refuse_update() -> UsageError:
    return UsageError(
        "this is a SPARQL Update (INSERT/DELETE/LOAD/CLEAR/DROP/CREATE/...), refused unless updates are allowed (--allow-update)"
    )


def _is_describe(sparql: str) -> bool:
    from rdflib.plugins.sparql.parser import parseQuery

    return parseQuery(sparql)[1].name == "DescribeQuery"


def _run_in_store(graph: OxigraphGraph, sparql: str, *, allow_update: bool) -> QueryResult:
    """:func:`run_query` over a graph held in Oxigraph: the query runs in the store, terms come back as rdflib's."""
    import pyoxigraph as ox

    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    if is_update(sparql):
        if not allow_update:
            raise _refuse_update()
        before = len(graph)
        graph.store.update(sparql, prefixes=prefixes)
        return QueryResult("update", changed=len(graph) - before)
    try:
        result = graph.store.query(sparql, prefixes=prefixes)
    except (SyntaxError, OSError, ValueError) as e:
        raise UsageError(f"the SPARQL query failed: {_parse_message(e)}") from e
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        out = Graph()
        for triple in result:
            out.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        kind: QueryKind = "describe" if _is_describe(sparql) else "construct"
        return QueryResult(kind, ["subject", "predicate", "object"], [tuple(t) for t in sorted(out)], graph=out)
    variables = [v.value for v in result.variables]
    rows = [tuple(None if solution[v] is None else to_rdflib(solution[v]) for v in variables) for solution in result]
    return QueryResult("select", variables, rows)


@dataclass(frozen=True)
class NamedQuery:
    """A competency question stored as ``ontology/queries/<name>.rq``.

    Attributes:
        name: The file stem.
        description: The first ``#`` comment line.
        path: The ``.rq`` file.
        expected_path: ``<name>.expected.json`` beside it (may not exist).
    """

    name: str
    description: str
    path: Path

    @property
    def sparql(self) -> str:
        """The query text."""
        return self.path.read_text(encoding="utf-8")

    @property
    def expected_path(self) -> Path:
        """The file holding the expected answer on the bundled corpus."""
        return self.path.with_name(f"{self.name}.expected.json")

    def expected(self) -> list[list[str | None]] | None:
        """Return the expected rows (sorted lists of labels), or None when there is no expected file."""
        if not self.expected_path.is_file():
            return None
        try:
            return json.loads(self.expected_path.read_text(encoding="utf-8"))
        except ValueError as e:
            raise InputError(self.expected_path, f"not valid JSON ({e})") from e


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Return the named queries of ``ontology/queries/``, by name (sorted).

    Args:
        folder: Where to look; ``ontology/queries`` when None.
    """
    folder = folder or ontology_dir() / "queries"
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        description = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                if line.lstrip().startswith("#"):
                    description = line.lstrip()[1:].strip()
                break
        queries[path.stem] = NamedQuery(path.stem, description, path)
    return queries


def get_named_query(name: str) -> NamedQuery:
    """Return the named query ``name``.

    Raises:
        UsageError: When there is no such query.
    """
    queries = named_queries()
    if name not in queries:
        import difflib

        close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}? " if close else ""
        raise UsageError(f"no named query {name!r}; {hint}choose one of: {', '.join(queries) or '(none)'}")
    return queries[name]


def canonical_rows(result: QueryResult) -> list[list[str | None]]:
    """Return the rows of a SELECT result as plain strings, sorted: the form of ``*.expected.json``."""
    return sorted(result.values(), key=lambda row: [("" if v is None else v) for v in row])
