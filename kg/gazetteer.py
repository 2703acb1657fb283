"""Curated, general knowledge: countries, places, governments, ministries, central banks,
regional bodies and a technology taxonomy, with labels in en/vi/th/lo/km and Wikidata ids.

Entries live in ``data/gazetteer/*.jsonl`` (one JSON object a line, schema in
``data/gazetteer/README.md``); glossaries for cross-lingual matching in
``data/lexicons/glossary_{lang}.tsv``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.records import ENTITY_CLASSES
from kg.resources import data_dir

_QID = re.compile(r"^Q\d+$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


@dataclass(frozen=True, eq=False)
class GazetteerEntry:
    """One curated entity."""

    id: str
    cls: str
    labels: dict[str, tuple[str, ...]]
    wikidata: str | None = None
    country: str | None = None
    parent: str | None = None
    acronyms: tuple[str, ...] = ()
    ambiguous_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    broader: str | None = None

    @property
    def kind(self) -> str:
        """The id's kind (``country``, ``ministry`` ...)."""
        return self.id.split("/", 1)[0]


class Gazetteer:
    """A set of curated entries with lookup by id and by surface form."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self._by_surface: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, str] = {}
        for surface, _lang, entry, is_acronym, _amb in self.surface_forms():
            key = surface if is_acronym else _norm(surface)
            self._by_surface.setdefault(key, []).append(entry)
        for e in entries:
            for forms in e.demonyms.values():
                for form in forms:
                    self._demonyms.setdefault(_norm(form), e.id)

    def get(self, entry_id: str | None) -> GazetteerEntry | None:
        """Return the entry with this id, or None."""
        return self._by_id.get(entry_id) if entry_id else None

    def lookup(self, surface: str, lang: str | None = None) -> list[GazetteerEntry]:
        """Entries having ``surface`` as a label (acronyms case-sensitive)."""
        return list(dict.fromkeys(self._by_surface.get(surface, []) + self._by_surface.get(_norm(surface), [])))

    def surface_forms(self) -> Iterator[tuple[str, str, GazetteerEntry, bool, bool]]:
        """Yield (surface, lang, entry, is_acronym, is_ambiguous) for every name."""
        for e in self.entries:
            for lang, forms in e.labels.items():
                for form in forms:
                    yield form, lang, e, False, False
            for lang, forms in e.ambiguous_labels.items():
                for form in forms:
                    yield form, lang, e, False, True
            for form in e.acronyms:
                yield form, "en", e, True, False

    def demonym_to_country(self, word: str) -> str | None:
        """The country id of a demonym or adjective (``Lao``, ``Vietnamese``), if known."""
        return self._demonyms.get(_norm(word))


def _entry(data: dict, where: str) -> GazetteerEntry:
    try:
        cls = data["type"]
        labels = {k: tuple(v) for k, v in data["labels"].items()}
        entry_id = data["id"]
    except (KeyError, AttributeError, TypeError) as e:
        raise ConfigError(f"{where}: missing or malformed field {e}") from e
    if cls not in ENTITY_CLASSES:
        raise ConfigError(f"{where}: unknown type {cls!r}")
    if not labels.get("en"):
        raise ConfigError(f"{where}: {entry_id} has no English label")
    if data.get("wikidata") and not _QID.match(data["wikidata"]):
        raise ConfigError(f"{where}: bad Wikidata id {data['wikidata']!r}")
    return GazetteerEntry(
        id=entry_id,
        cls=cls,
        labels=labels,
        wikidata=data.get("wikidata"),
        country=data.get("country"),
        parent=data.get("parent"),
        acronyms=tuple(data.get("acronyms") or ()),
        ambiguous_labels={k: tuple(v) for k, v in (data.get("ambiguous_labels") or {}).items()},
        demonyms={k: tuple(v) for k, v in (data.get("demonyms") or {}).items()},
        broader=data.get("broader"),
    )


@functools.cache
def _load(path: Path) -> tuple[GazetteerEntry, ...]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    entries: list[GazetteerEntry] = []
    seen: dict[str, str] = {}
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{file}:{n}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                raise ConfigError(f"{where}: not JSON ({e.msg})") from e
            entry = _entry(data, where)
            if entry.id in seen:
                raise ConfigError(f"{where}: duplicate id {entry.id} (first at {seen[entry.id]})")
            seen[entry.id] = where
            entries.append(entry)
    ids = set(seen)
    for e in entries:
        for ref in (e.country, e.parent):
            if ref and ref not in ids:
                raise ConfigError(f"{seen[e.id]}: {e.id} refers to unknown id {ref}")
    return tuple(entries)


def load_gazetteer(path: Path | None = None, *, kinds: set[str] | None = None) -> Gazetteer:
    """Load the gazetteer (default: ``data/gazetteer``), optionally only some kinds of entry.

    Args:
        path: A folder of ``*.jsonl`` files or one file.
        kinds: Keep only entries whose id kind is in this set (``{"country", "technology"}``).

    Raises:
        ConfigError: Naming the file and line of a malformed entry.
    """
    entries = _load(Path(path or data_dir() / "gazetteer"))
    if kinds:
        entries = tuple(e for e in entries if e.kind in kinds)
    return Gazetteer(list(entries))


@functools.cache
def load_glossary(lang: str) -> dict[str, str]:
    """Read ``data/lexicons/glossary_{lang}.tsv`` (source TAB English); empty when absent."""
    path = data_dir() / "lexicons" / f"glossary_{lang}.tsv"
    if not path.exists():
        return {}
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            source, target = line.split("\t", 1)
            table[source.strip()] = target.strip()
    return table
