"""The registry of exporters: one name per format, with aliases (``ttl``, ``text/turtle`` -> ``turtle``).

Each exporter is a plain function ``write(graph, path)`` that writes one format
atomically.  The CLI's ``--format`` choices, :func:`kg.export.list_formats` and
the round-trip tests all loop over this registry, so a format added here is
exposed and tested everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import UsageError

#: The signature of an exporter: write ``graph`` to ``path``.
WriteFunction = Callable[[Graph, Path], None]


@dataclass(frozen=True)
class Exporter:
    """One output format.

    Attributes:
        name: Canonical name (``turtle``).
        write: The function writing a graph to a path.
        suffix: File suffix the format is written under (``.ttl``); empty for folders.
        media_type: IANA media type, also accepted as an alias.
        description: One line for ``kg export --help``.
        aliases: Other names accepted for the format.
        rdf_format: rdflib parser name when the output is RDF (used to read it back), else None.
        dataset: True when the output holds named graphs (TriG, N-Quads).
    """

    name: str
    write: WriteFunction
    suffix: str
    media_type: str
    description: str
    aliases: tuple[str, ...] = ()
    rdf_format: str | None = None
    dataset: bool = False
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", (self.name, *self.aliases, self.media_type))


_REGISTRY: dict[str, Exporter] = {}
_ALIASES: dict[str, str] = {}


def register(exporter: Exporter) -> Exporter:
    """Add an exporter under its name, aliases and media type.

    Raises:
        ValueError: When one of its names is already taken by another format.
    """
    for alias in exporter.names:
        key = alias.lower()
        if _ALIASES.get(key, exporter.name) != exporter.name:
            raise ValueError(f"format name {alias!r} is already used by {_ALIASES[key]!r}")
        _ALIASES[key] = exporter.name
    _REGISTRY[exporter.name] = exporter
    return exporter


def get_exporter(fmt: str) -> Exporter:
    """Return the exporter for a format name, alias or media type (case-insensitive).

    Raises:
        UsageError: When no exporter answers to ``fmt``.
    """
    name = _ALIASES.get(fmt.strip().lower())
    if name is None:
        raise UsageError(f"unknown export format {fmt!r}; choose one of: {', '.join(list_formats())}")
    return _REGISTRY[name]


def exporters() -> list[Exporter]:
    """Return every registered exporter, in registration order."""
    return list(_REGISTRY.values())


def list_formats() -> list[str]:
    """Return the canonical names of the export formats, in registration order."""
    return list(_REGISTRY)


def all_format_names() -> list[str]:
    """Return every accepted format name: canonical names, aliases and media types."""
    return sorted(_ALIASES)


def format_for_suffix(path: Path | str) -> Exporter | None:
    """Return the exporter whose suffix ``path`` ends with, or None."""
    name = Path(path).name.lower()
    if name.endswith(".csv") and "csv" in _REGISTRY:
        return _REGISTRY["csv"]
    for exporter in _REGISTRY.values():
        if exporter.suffix and name.endswith(exporter.suffix):
            return exporter
    return None
