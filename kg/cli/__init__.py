"""The ``kg`` command line: a thin click group over plain library functions.

Each command lives in its own module ``kg/cli/<name>.py`` and exposes a click
command named ``command``; modules are imported only when their command runs,
so ``kg --help`` stays fast.

Exit codes (all commands):
    0  success
    1  the command ran but its check failed (``validate``: does not conform;
       ``build --strict``: built with problems; ``evaluate``: below a threshold)
    2  usage error or unusable input
    3  nothing could be built
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from kg import __version__
from kg.errors import KgError

#: command name -> module under kg.cli (one module per command, as in spaCy's CLI)
COMMANDS: dict[str, str] = {
    "build": "build",
    "evaluate": "evaluate",
    "export": "export",
    "validate": "validate",
    "query": "query",
    "serve": "serve",
    "stats": "stats",
    "path": "path",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        """Resolve the command name, suggesting the nearest names for an unknown one."""
        name = args[0] if args else ""
        if args and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, list(COMMANDS), n=3, cutoff=0.5)
            hint = f" Did you mean {' or '.join(close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint} Commands: {', '.join(sorted(COMMANDS))}.")
        return super().resolve_command(ctx, args)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        module_name = COMMANDS.get(name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(f"kg.cli.{module_name}")
        except ModuleNotFoundError as e:
            if e.name == f"kg.cli.{module_name}":
                return None
            raise
        return module.command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Build, check and explore a knowledge graph of Mekong digital-economy news."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a :class:`KgError` becomes one line on stderr and its exit code."""
    try:
        code = cli.main(args=argv, prog_name="kg", standalone_mode=False)
        if isinstance(code, int) and code:  # ctx.exit(n) returns n when standalone_mode is off
            sys.exit(code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(2 if e.exit_code == 2 else e.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except KgError as e:
        click.echo(f"kg: error: {e}", err=True)
        sys.exit(e.exit_code)
    sys.exit(0)
