"""``kg evaluate GOLD GRAPH``: the reference measures, on the same gold format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.output import emit, output_options


@click.command("evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("graphs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_options(("table", "json"))
@click.option("--by-extractor", is_flag=True, help="Also give the precision of every extractor (rule) name.")
@click.option("--summary", is_flag=True, help="Only the figures: no list of missed and spurious facts.")
@click.option("--min-entity-f1", type=float, default=0.0, show_default=True, help="Exit 1 below this entity F1.")
@click.option("--min-relation-f1", type=float, default=0.0, show_default=True, help="Exit 1 below this relation F1.")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also answer these competency questions (data/dev/questions.json) in Oxigraph.",
)
@click.option(
    "--allow-remote-context",
    is_flag=True,
    help="Let a JSON-LD GRAPH fetch its remote or file:// @context (refused by default).",
)
@click.pass_context
def command(
    ctx: click.Context,
    gold: Path,
    graphs: tuple[Path, ...],
    fmt: str,
    output: Path,
    by_extractor: bool,
    summary: bool,
    min_entity_f1: float,
    min_relation_f1: float,
    questions: Path | None,
    allow_remote_context: bool,
) -> None:
    """Score GRAPH (one or more RDF files) against GOLD annotations.

    Prints the reference scorer's figures (entity and relation precision,
    recall and F1, duplicate nodes, cross-lingual merging, evidence coverage),
    then the same per language of the gold's documents and per property, and
    every spurious relation with its extractor and sentence and every missed
    one with its documents. Exits 1 when a --min-* threshold is not met.
    """
    from rdflib import Graph

    from kg.errors import InputError
    from kg.evaluate import format_score, load_gold
    from kg.evaluate_breakdown import breakdown, format_breakdown
    from kg.export.load import RDF_SUFFIXES, check_jsonld_contexts

    graph = Graph()
    for path in graphs:
        if RDF_SUFFIXES.get(path.suffix.lower()) == "json-ld":
            check_jsonld_contexts(path, allow_remote_context=allow_remote_context)
        try:
            graph.parse(path)
        except Exception as e:  # rdflib raises many parser-specific types
            raise InputError(path, f"cannot parse graph: {e}") from e
    gold_data = load_gold(gold)
    detail = breakdown(gold_data, graph)
    result = detail["overall"]
    answers = None
    if questions is not None:
        from kg.competency import answer_questions

        answers = answer_questions(gold_data, json.loads(questions.read_text(encoding="utf-8")), graph)
    if fmt == "json":
        emit(
            json.dumps(
                {
                    **result,
                    "breakdown": {k: v for k, v in detail.items() if k != "overall"},
                    **({"questions": [a.__dict__ for a in answers]} if answers is not None else {}),
                },
                ensure_ascii=False,
                indent=1,
                default=list,
            ),
            output,
        )
    else:
        text = format_score(result) + "\n" + format_breakdown(detail, errors=not summary, by_extractor=by_extractor)
        if answers is not None:
            from kg.competency import format_answers

            text += "\n" + format_answers(answers)
        emit(text, output)
    ok = result["entities"]["f1"] >= min_entity_f1 and result["relations"]["f1"] >= min_relation_f1
    ctx.exit(0 if ok else 1)
