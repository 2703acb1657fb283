"""Curated, general knowledge: countries, places, governments, ministries, central banks,
regional bodies and a technology taxonomy, with labels in en/vi/th/lo/km and Wikidata ids.

Entries live in ``data/gazetteer/*.jsonl`` (one JSON object a line, schema in
``data/gazetteer/README.md``); glossaries for cross-lingual matching in
``data/lexicons/glossary_{lang}.tsv``.  The gazetteer is the general backbone
only: names that no list can hold (the programs, events, companies and people
of a particular article) are for the rules and models of :mod:`kg.mentions`.

Example:
    >>> gaz = load_gazetteer(kinds={"country"})
    >>> [e.id for e in gaz.lookup("Lào")]
    ['country/laos']
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
from kg.records import ENTITY_CLASSES, LANGUAGES
from kg.resources import data_dir

#: The kinds of id (``kind/slug``) and the classes each kind may carry.
KIND_CLASSES: dict[str, frozenset[str]] = {
    "country": frozenset({"Country"}),
    "place": frozenset({"Place"}),
    "organization": frozenset({"Organization"}),
    "publicbody": frozenset({"PublicBody"}),
    "government": frozenset({"Government"}),
    "ministry": frozenset({"Ministry"}),
    "company": frozenset({"Company"}),
    "technology": frozenset({"Technology"}),
}

_ID = re.compile(r"^([a-z]+)/[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9]\d*$")
_FIELDS = frozenset(
    {
        "id",
        "type",
        "labels",
        "wikidata",
        "country",
        "parent",
        "acronyms",
        "ambiguous_acronyms",
        "ambiguous_labels",
        "demonyms",
        "broader",
    }
)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Vowel pairs whose tone mark Vietnamese writes on either letter (hòa / hoà, thủy / thuỷ).
_TONE_PAIRS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})


def _canonical_tone(word: str) -> str:
    """Move a word-final ``oa``/``oe``/``uy`` tone mark onto the second vowel (hòa → hoà)."""
    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if clusters and unicodedata.combining(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    if len(clusters) < 2:
        return word
    first, second = clusters[-2], clusters[-1]
    if (first[0].lower(), second[0].lower()) not in _TONE_PAIRS:
        return word
    # "quý": the u belongs to the consonant qu, the mark can only sit on y
    if first[0].lower() == "u" and len(clusters) > 2 and clusters[-3][0].lower() == "q":
        return word
    marks = [m for m in first[1:] if m in _TONE_MARKS]
    if not marks or any(m in _TONE_MARKS for m in second[1:]):
        return word
    clusters[-2] = [first[0], *(m for m in first[1:] if m not in _TONE_MARKS)]
    clusters[-1] = [*second, *marks]
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


def normalize(text: str) -> str:
    """Return the key under which a surface form is compared.

    NFKC, case folding and collapsed whitespace, as the contract's matching rule;
    Vietnamese diacritics are kept, but the two spellings of a final ``oa``,
    ``oe`` or ``uy`` syllable (``Hòa``/``Hoà``, ``Thủy``/``Thuỷ``) compare equal.

    Args:
        text: A surface form in any language.

    Returns:
        The comparison key.
    """
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    if not text.isascii():
        text = re.sub(r"\w+", lambda m: _canonical_tone(m.group()), text)
        text = unicodedata.normalize("NFKC", text)
    return text


def _acronym_lang(acronym: str) -> str:
    return "en" if acronym.isascii() else "vi"


@dataclass(frozen=True, eq=False)
class GazetteerEntry:
    """One curated entity.

    Attributes:
        id: ``kind/slug`` (``country/laos``, ``ministry/finance-laos``); also the entity key.
        cls: Contract class name (``Country``, ``Ministry`` ...).
        labels: Names per language, the first English one preferred.
        wikidata: Wikidata Q-id where known for certain.
        country: Id of the country it belongs to (a country's own id for a country).
        parent: Id of the organisation it is a sub-organisation of.
        acronyms: Short forms matched case-sensitively (``MTC``, ``AI``).
        ambiguous_labels: Names per language that also name other things (``Ministry of
            Finance``, ``Quốc hội``): candidates to resolve by context, never proof.
        demonyms: Adjectives of a country per language (``Lao``, ``Vietnamese``).
        broader: Id of the broader technology of a technology.
        ambiguous_acronyms: Acronyms shared with other entries or common words (``MOF``, ``BOT``).
    """

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
    ambiguous_acronyms: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The id's kind (``country``, ``ministry`` ...)."""
        return self.id.split("/", 1)[0]

    @property
    def label(self) -> str:
        """The preferred English label."""
        return self.labels["en"][0]


class Gazetteer:
    """A set of curated entries with lookup by id, by surface form and by demonym."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self._labels: dict[str, list[tuple[str, GazetteerEntry, bool]]] = {}
        self._acronyms: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        self._demonyms: dict[str, str] = {}
        for surface, lang, entry, is_acronym, is_ambiguous in self.surface_forms():
            if is_acronym:
                self._acronyms.setdefault(surface, []).append((entry, is_ambiguous))
            else:
                self._labels.setdefault(normalize(surface), []).append((lang, entry, is_ambiguous))
        for e in entries:
            for forms in e.demonyms.values():
                for form in forms:
                    self._demonyms.setdefault(normalize(form), e.id)
        # "Japan's", "Laos'": a country's own name also qualifies what belongs to it
        for e in entries:
            if e.cls == "Country":
                for forms in e.labels.values():
                    for form in forms:
                        self._demonyms.setdefault(normalize(form), e.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def get(self, entry_id: str | None) -> GazetteerEntry | None:
        """Return the entry with this id, or None."""
        return self._by_id.get(entry_id) if entry_id else None

    def lookup(self, surface: str, lang: str | None = None, *, ambiguous: bool = True) -> list[GazetteerEntry]:
        """Return the entries that ``surface`` names.

        Labels compare after :func:`normalize`; acronyms compare exactly (``AI`` is an
        acronym, ``ai`` is not).

        Args:
            surface: The name as written.
            lang: Only labels of this language (acronyms match whatever the language).
            ambiguous: Also return entries for which ``surface`` is an ambiguous label
                or acronym (``Ministry of Finance`` gives every country's ministry).

        Returns:
            Matching entries, unambiguous ones first, without duplicates.
        """
        found: list[tuple[bool, GazetteerEntry]] = []
        for label_lang, entry, is_ambiguous in self._labels.get(normalize(surface), ()):
            if lang is None or label_lang == lang:
                found.append((is_ambiguous, entry))
        for entry, is_ambiguous in self._acronyms.get(surface.strip(), ()):
            found.append((is_ambiguous, entry))
        found.sort(key=lambda pair: pair[0])
        return list(dict.fromkeys(entry for is_ambiguous, entry in found if ambiguous or not is_ambiguous))

    def surface_forms(self) -> Iterator[tuple[str, str, GazetteerEntry, bool, bool]]:
        """Yield ``(surface, lang, entry, is_acronym, is_ambiguous)`` for every name.

        Acronyms are to be matched case-sensitively; ambiguous names only give
        candidates that the linker resolves by the article's country.
        """
        for e in self.entries:
            for lang, forms in e.labels.items():
                for form in forms:
                    yield form, lang, e, False, False
            for lang, forms in e.ambiguous_labels.items():
                for form in forms:
                    yield form, lang, e, False, True
            for form in e.acronyms:
                yield form, _acronym_lang(form), e, True, False
            for form in e.ambiguous_acronyms:
                yield form, _acronym_lang(form), e, True, True

    def demonym_to_country(self, word: str) -> str | None:
        """Return the country id of a demonym or adjective, if known.

        Args:
            word: ``Lao``, ``Vietnamese``, ``ไทย``, or a country's name used as one
                (``Japan's``, ``Laos'``, ``Vietnam``).

        Returns:
            The country's id, or None.
        """
        word = re.sub(r"(?:'s|’s|'|’)$", "", word.strip())
        return self._demonyms.get(normalize(word))

    def of_kind(self, *kinds: str) -> list[GazetteerEntry]:
        """Return the entries whose id kind is one of ``kinds``."""
        return [e for e in self.entries if e.kind in kinds]


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {name} must be a list of non-empty strings")
    return tuple(value)


def _per_lang(value: object, where: str, name: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {name} must be an object of language -> list of names")
    out = {}
    for lang, forms in value.items():
        if lang not in LANGUAGES:
            raise ConfigError(f"{where}: {name} has unknown language {lang!r} (one of {', '.join(LANGUAGES)})")
        out[lang] = _strings(forms, where, f"{name}.{lang}")
    return out


def _entry(data: object, where: str) -> GazetteerEntry:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: an entry must be a JSON object")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    entry_id, cls = data.get("id"), data.get("type")
    match = _ID.match(entry_id) if isinstance(entry_id, str) else None
    if not match or match.group(1) not in KIND_CLASSES:
        raise ConfigError(f"{where}: bad id {entry_id!r} (kind/slug, kind one of {', '.join(KIND_CLASSES)})")
    if cls not in ENTITY_CLASSES:
        raise ConfigError(f"{where}: unknown type {cls!r}")
    if cls not in KIND_CLASSES[match.group(1)]:
        raise ConfigError(f"{where}: type {cls} does not fit id kind {match.group(1)!r}")
    labels = _per_lang(data.get("labels"), where, "labels")
    if not labels.get("en"):
        raise ConfigError(f"{where}: {entry_id} has no English label")
    wikidata = data.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _QID.match(wikidata)):
        raise ConfigError(f"{where}: bad Wikidata id {wikidata!r} (expected Q followed by digits)")
    refs = {}
    for name in ("country", "parent", "broader"):
        ref = data.get(name)
        if ref is not None and not (isinstance(ref, str) and _ID.match(ref)):
            raise ConfigError(f"{where}: bad {name} reference {ref!r}")
        refs[name] = ref
    return GazetteerEntry(
        id=entry_id,
        cls=cls,
        labels=labels,
        wikidata=wikidata,
        country=refs["country"],
        parent=refs["parent"],
        acronyms=_strings(data.get("acronyms"), where, "acronyms"),
        ambiguous_labels=_per_lang(data.get("ambiguous_labels"), where, "ambiguous_labels"),
        demonyms=_per_lang(data.get("demonyms"), where, "demonyms"),
        broader=refs["broader"],
        ambiguous_acronyms=_strings(data.get("ambiguous_acronyms"), where, "ambiguous_acronyms"),
    )


def _check_refs(entries: list[GazetteerEntry], where: dict[str, str]) -> None:
    by_id = {e.id: e for e in entries}
    for e in entries:
        for name, expected in (("country", "Country"), ("parent", None), ("broader", "Technology")):
            ref = getattr(e, name)
            if ref is None:
                continue
            target = by_id.get(ref)
            if target is None:
                raise ConfigError(f"{where[e.id]}: {e.id} refers to unknown {name} {ref}")
            if expected and target.cls != expected:
                raise ConfigError(f"{where[e.id]}: {e.id}'s {name} {ref} is a {target.cls}, not a {expected}")
            if name == "parent" and target.cls in {"Country", "Place", "Technology"}:
                raise ConfigError(f"{where[e.id]}: {e.id}'s parent {ref} is not an organisation")


@functools.cache
def _load(path: Path) -> tuple[GazetteerEntry, ...]:
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise ConfigError(f"{path}: gazetteer not found")
    entries: list[GazetteerEntry] = []
    seen: dict[str, str] = {}
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{file}: cannot read ({e})") from e
        for n, line in enumerate(lines, 1):
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
    _check_refs(entries, seen)
    return tuple(entries)


def load_gazetteer(path: Path | None = None, *, kinds: set[str] | None = None) -> Gazetteer:
    """Load the gazetteer, optionally keeping only some kinds of entry.

    Args:
        path: A folder of ``*.jsonl`` files or one file (default: ``data/gazetteer``).
        kinds: Keep only entries whose id kind is in this set (``{"country", "technology"}``);
            lets tests see what extraction finds without the curated names.

    Returns:
        The gazetteer.

    Raises:
        ConfigError: Naming the file and line of a malformed entry or dangling reference.
    """
    entries = _load(Path(path) if path else data_dir() / "gazetteer")
    if kinds:
        unknown = set(kinds) - set(KIND_CLASSES)
        if unknown:
            raise ConfigError(f"unknown gazetteer kind(s) {', '.join(sorted(unknown))}")
        entries = tuple(e for e in entries if e.kind in kinds)
    return Gazetteer(list(entries))


@functools.cache
def _read_glossary(path: Path) -> tuple[tuple[str, str], ...]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        source, tab, target = line.partition("\t")
        if not tab or not source.strip() or not target.strip():
            raise ConfigError(f"{path}:{n}: expected 'source<TAB>English'")
        pairs.append((unicodedata.normalize("NFC", source.strip()), target.strip()))
    return tuple(pairs)


def load_glossary(lang: str) -> dict[str, str]:
    """Read the bilingual glossary ``data/lexicons/glossary_{lang}.tsv``.

    Args:
        lang: ``vi`` or ``th`` (any language with a glossary file).

    Returns:
        Source term -> English term, longest source terms first (so that a
        caller replacing phrases meets ``Kế hoạch và Đầu tư`` before ``Kế hoạch``);
        empty when there is no glossary for the language.

    Raises:
        ConfigError: Naming the file and line of a malformed entry.
    """
    path = data_dir() / "lexicons" / f"glossary_{lang}.tsv"
    if not path.exists():
        return {}
    table: dict[str, str] = {}
    for source, target in _read_glossary(path):
        table.setdefault(source, target)
    return dict(sorted(table.items(), key=lambda kv: (-len(kv[0]), kv[0])))
