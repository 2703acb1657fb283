"""``kg stats GRAPH``: counts, central entities, components, communities, country and technology summaries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from kg.cli.output import emit, output_options

#: How many names to print in one cell of a summary before "+N more".
_NAMES_SHOWN = 8


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Return rows as a plain-text table; numbers are right-aligned, text left-aligned.

    Example:
        >>> print(table(["class", "count"], [["Country", 5], ["Technology", 12]]))
        class       count
        ----------  -----
        Country         5
        Technology     12
    """
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], int | float) for row in rows) and bool(rows) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])])


def _names(refs: Sequence[dict[str, Any]], limit: int = _NAMES_SHOWN) -> str:
    shown = ", ".join(r["label"] for r in refs[:limit])
    return shown + (f" (+{len(refs) - limit} more)" if len(refs) > limit else "")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def format_stats(stats: dict[str, Any], *, source: str = "") -> str:
    """Render :func:`kg.analytics.graph_stats` output as human-readable sections and tables."""
    s = stats["summary"]
    out = [
        f"Graph {source}".rstrip(),
        f"  {s['triples']} triples, {s['entities']} entities, {s['relations']} relations, "
        f"{s['articles']} articles, {s['evidence']} evidence records",
        "",
        "Entities per class",
        table(["class", "entities"], list(stats["classes"].items())),
        "",
        "Relations per property",
        table(["property", "relations"], list(stats["properties"].items())),
    ]
    top = stats["top"]
    out += [
        "",
        "Top entities by degree (distinct related entities; relations counts every triple)",
        table(
            ["#", "entity", "class", "degree", "relations"],
            [[i, e["label"], e["class"], e["degree"], e["relations"]] for i, e in enumerate(top["degree"], 1)],
        ),
    ]
    for key, title in (("pagerank", "PageRank"), ("betweenness", "betweenness")):
        out += [
            "",
            f"Top entities by {title}",
            table(
                ["#", "entity", "class", "score"],
                [[i, e["label"], e["class"], f"{e['score']:.4f}"] for i, e in enumerate(top[key], 1)],
            ),
        ]
    comp = stats["components"]
    out += ["", f"Connected components: {comp['count']} (sizes {', '.join(map(str, comp['sizes'])) or '-'})"]
    if comp["isolated"]:
        out.append(f"  entities with no relation: {_names(comp['isolated'], 20)}")
    comm = stats["communities"]
    modularity = "-" if comm["modularity"] is None else f"{comm['modularity']:.3f}"
    listed = [c for c in comm["communities"] if c["size"] > 1]
    out += [
        "",
        f"Communities ({comm['method']}, seed {comm['seed']}): {comm['count']}, modularity {modularity}"
        + (f"; {comm['count'] - len(listed)} single entities not listed" if len(listed) < comm["count"] else ""),
    ]
    for i, c in enumerate(listed, 1):
        out.append(f"  {i}. {c['hub']['label']} and {c['size'] - 1} more: {_names(c['members'][1:])}")
    out += ["", "Countries (entities whose mk:country it is)"]
    for c in stats["countries"]:
        partners = f"; cooperates with {_names(c['cooperates_with'])}" if c["cooperates_with"] else ""
        out.append(f"  {c['label']}: {_plural(c['count'], 'entity', 'entities')}{partners}")
        out.extend(f"    {cls}: {_names(refs)}" for cls, refs in c["by_class"].items())
    out += ["", "Technologies (what mk:concerns them)"]
    for t in stats["technologies"]:
        out.append(f"  {t['label']}: concerned by {_plural(t['count'], 'entity', 'entities')}")
        out.extend(f"    {cls}: {_names(refs)}" for cls, refs in t["by_class"].items())
    return "\n".join(out)


@click.command("stats")
@click.argument("graph", type=click.Path(path_type=Path))
@output_options(("table", "json"))
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Entities listed per centrality measure.",
)
def command(graph: Path, fmt: str, output: Path, top: int) -> None:
    """Summarise GRAPH (an RDF file written by kg build, or a build folder holding graph.ttl).

    Prints entities per class, relations per property, the most central entities
    (degree, PageRank, betweenness on the undirected graph of relations),
    connected components, communities (Louvain, fixed seed), and per-country and
    per-technology summaries (--json or --format json: one JSON object).  Exits 2
    when GRAPH cannot be read.
    """
    from kg.analytics import graph_stats, load_graph

    stats = graph_stats(load_graph(graph), top=top)
    emit(json.dumps(stats, ensure_ascii=False, indent=1) if fmt == "json" else format_stats(stats, source=str(graph)), output)
