"""The one catalogue of errors raised by kg.

Library code raises these; only the CLI turns them into one line on stderr and
an exit code (see :mod:`kg.cli`).
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 2


class InputError(KgError):
    """An input file cannot be used; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UsageError(KgError):
    """The user asked for something that cannot be done as asked."""


class OutputError(KgError):
    """An output (or cache) path cannot be written: read-only, full, or a folder in the way."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NothingBuiltError(KgError):
    """No input could be turned into a graph."""

    exit_code = 3


class ConfigError(KgError):
    """kg's own data (gazetteer, lexicons, ontology) is missing or malformed."""
