"""One bundle of output options for every command that prints results (in the manner of sqlite-utils).

``-f/--format table|json|csv|tsv|ttl`` chooses the format (each command accepts the
ones that fit its results), ``--json``/``--csv``/``--tsv`` are short aliases, and
``--output FILE`` writes the results to a file instead of standard output (``-``,
the default, is standard output).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

#: Every output format a command may offer.
ALL_FORMATS: tuple[str, ...] = ("table", "json", "csv", "tsv", "ttl")

_ALIASES: tuple[str, ...] = ("json", "csv", "tsv")


def output_options(formats: Sequence[str] = ALL_FORMATS, *, default: str = "table") -> Callable:
    """Add ``--format``, its ``--json``/``--csv``/``--tsv`` aliases and ``--output`` to a click command.

    The command receives ``fmt`` (the chosen format) and ``output`` (a path, or ``-``).
    Giving two different formats is a usage error.
    """
    formats = tuple(formats)

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            chosen = {kwargs.pop("fmt")} - {None}
            for alias in _ALIASES:
                if kwargs.pop(f"as_{alias}", False):
                    chosen.add(alias)
            if len(chosen) > 1:
                raise click.UsageError(f"choose one output format, not {' and '.join(sorted(chosen))}")
            kwargs["fmt"] = chosen.pop() if chosen else default
            return func(*args, **kwargs)

        options = [
            click.option(
                "-f",
                "--format",
                "fmt",
                type=click.Choice(formats),
                default=None,
                help=f"Output format [default: {default}].",
            ),
            *[
                click.option(f"--{alias}", f"as_{alias}", is_flag=True, help=f"Same as --format {alias}.")
                for alias in _ALIASES
                if alias in formats
            ],
            click.option(
                "--output",
                "output",
                type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
                default=Path("-"),
                show_default=True,
                help="Write the results to this file (- is standard output).",
            ),
        ]
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate


def emit(text: str, output: Path | str = "-") -> None:
    """Write ``text`` (one final newline added if missing) to ``output``: a file, or ``-`` for standard output."""
    if not text.endswith("\n"):
        text += "\n"
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    from kg.atomic import atomic_write_text

    atomic_write_text(Path(output), text)
    click.echo(f"wrote {output}", err=True)


def rows_text(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    """Return rows as ``csv``, ``tsv`` (tabs and newlines inside values escaped) or ``json`` (a list of objects)."""
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps([dict(zip(headers, row, strict=True)) for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "tsv":

        def cell(value: Any) -> str:
            return "" if value is None else str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

        return "\n".join("\t".join(cell(v) for v in row) for row in [list(headers), *rows]) + "\n"
    raise click.UsageError(f"no {fmt} output here")
