"""``kg evaluate GOLD GRAPH``: the reference measures, on the same gold format."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("graphs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--min-entity-f1", type=float, default=0.0, show_default=True, help="Exit 1 below this entity F1.")
@click.option("--min-relation-f1", type=float, default=0.0, show_default=True, help="Exit 1 below this relation F1.")
@click.pass_context
def command(
    ctx: click.Context,
    gold: Path,
    graphs: tuple[Path, ...],
    as_json: bool,
    min_entity_f1: float,
    min_relation_f1: float,
) -> None:
    """Score GRAPH (one or more RDF files) against GOLD annotations.

    Prints entity and relation precision, recall and F1, duplicate nodes,
    cross-lingual merging and evidence coverage. Exits 1 when a --min-* threshold
    is not met.
    """
    from rdflib import Graph

    from kg.errors import InputError
    from kg.evaluate import format_score, load_gold, score

    graph = Graph()
    for path in graphs:
        try:
            graph.parse(path)
        except Exception as e:  # rdflib raises many parser-specific types
            raise InputError(path, f"cannot parse graph: {e}") from e
    result = score(load_gold(gold), graph)
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json else format_score(result))
    ok = result["entities"]["f1"] >= min_entity_f1 and result["relations"]["f1"] >= min_relation_f1
    ctx.exit(0 if ok else 1)
