"""``kg path GRAPH FROM TO``: the chains of relations between two entities, with their evidence."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.output import emit, output_options, rows_text

if TYPE_CHECKING:
    from kg.analytics import Step


def format_paths(source_label: str, target_label: str, paths: list[list[Step]]) -> str:
    """Render paths step by step, each step's evidence sentence and article beneath it."""
    if not paths:
        return f"No chain of relations connects {source_label} and {target_label}."
    if paths == [[]]:
        return f"{source_label} and {target_label} are the same entity."
    noun = "path" if len(paths) == 1 else "paths"
    out = [f"{source_label} → {target_label}: {len(paths)} {noun}"]
    for i, path in enumerate(paths, 1):
        out += ["", f"Path {i} ({len(path)} step{'s' if len(path) != 1 else ''})"]
        for step in path:
            out.append(f"  {step.arrow()}")
            curated = next((e["source"] for e in step.evidence if e.get("source")), None)
            if step.sentence:
                out.append(textwrap.fill(f"“{step.sentence}”", width=100, initial_indent=" " * 6, subsequent_indent=" " * 7))
                out.append(f"      — article {step.article}")
            elif curated:
                out.append(f"      — curated: {curated}")
            else:
                out.append("      (no evidence recorded)")
    return "\n".join(out)


#: Columns of ``kg path --format csv|tsv``: one row per step.
STEP_COLUMNS: tuple[str, ...] = (
    "path",
    "step",
    "source",
    "source_label",
    "property",
    "direction",
    "target",
    "target_label",
    "sentence",
    "article",
)


@click.command("path")
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--max", "max_paths", type=click.IntRange(min=1), default=3, show_default=True, help="Most paths shown.")
@output_options(("table", "json", "csv", "tsv"))
@click.pass_context
def command(ctx: click.Context, graph: Path, source: str, target: str, max_paths: int, fmt: str, output: Path) -> None:
    """Show how FROM and TO are connected in GRAPH (an RDF file, or a build folder), shortest chains first.

    FROM and TO are labels in any language, matched without regard to case, or
    ids such as mkr:company/soramitsu.  Relations are followed in either direction; each step
    shows the relation as stated, its evidence sentence and the article it comes
    from.  Exits 1 when no chain connects them, 2 when an entity is not found or
    ambiguous, or GRAPH cannot be read.
    """
    from kg.analytics import find_entity, load_graph, shortest_paths
    from kg.analytics._common import node_ref, short_id
    from kg.graph import to_networkx

    G = to_networkx(load_graph(graph))
    u, v = find_entity(G, source), find_entity(G, target)
    paths = shortest_paths(G, u, v, max_paths=max_paths)
    if fmt == "json":
        result = {
            "source": node_ref(G, u),
            "target": node_ref(G, v),
            "paths": [[step.as_dict() for step in path] for path in paths],
        }
        emit(json.dumps(result, ensure_ascii=False, indent=1), output)
    elif fmt in ("csv", "tsv"):
        rows = [
            [i, j, short_id(s.source), s.source_label, s.property, "forward" if s.forward else "backward",
             short_id(s.target), s.target_label, s.sentence, s.article]
            for i, path in enumerate(paths, 1)
            for j, s in enumerate(path, 1)
        ]  # fmt: skip
        emit(rows_text(STEP_COLUMNS, rows, fmt), output)
    else:
        emit(format_paths(G.nodes[u]["label"], G.nodes[v]["label"], paths), output)
    ctx.exit(0 if paths else 1)
