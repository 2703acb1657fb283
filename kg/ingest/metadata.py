"""Metadata given beside the articles: ``NAME.meta.json`` sidecars and a corpus manifest.

Both give the same keys (``title``, ``lang``, ``date``, ``publisher``,
``source``; ``url`` and ``site`` are read as ``source`` and ``publisher``), and
both override what is detected in the text.  A sidecar beats the manifest.  A
``null`` or empty value means "not known", not "override with nothing".
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from pathlib import Path

from kg.ingest.clean import one_line
from kg.ingest.jsontext import JsonProblem, load_json

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
MANIFEST_NAMES: tuple[str, ...] = ("manifest.json", "manifest.jsonl")
#: Metadata keys kg uses, with the aliases read into each.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "lang": ("lang", "language"),
    "date": ("date", "published", "date_published", "datePublished"),
    "publisher": ("publisher", "site", "sitename"),
    "source": ("source", "url"),
}
_FILE_KEYS = ("file", "path", "filename", "name")


def is_sidecar(path: Path) -> bool:
    """Return True for a metadata sidecar (``NAME.meta.json``)."""
    return path.name.endswith(SIDECAR_SUFFIX)


def is_manifest(path: Path) -> bool:
    """Return True for a corpus manifest (``manifest.json`` / ``manifest.jsonl``)."""
    return path.name in MANIFEST_NAMES


def pick_meta(obj: Mapping[str, object]) -> dict[str, str]:
    """Read kg's metadata keys (and their aliases) out of a JSON object.

    Args:
        obj: A sidecar, a manifest record, or an article object.

    Returns:
        The known keys with non-empty string (or numeric date) values.
    """
    meta: dict[str, str] = {}
    for key, aliases in META_KEYS.items():
        for alias in aliases:
            value = obj.get(alias)
            if isinstance(value, int | float) and not isinstance(value, bool) and key == "date":
                value = str(int(value)) if math.isfinite(value) else None
            if isinstance(value, str) and one_line(value):
                meta[key] = one_line(value)
                break
    return meta


def sidecar_for(path: Path) -> Path | None:
    """Return the sidecar of an article file, when there is one.

    ``NAME.meta.json`` is looked for first, then ``NAME.EXT.meta.json``.  A
    symlinked sidecar is not read: it could point anywhere.
    """
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file() and not candidate.is_symlink():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, str], str | None]:
    """Read an article's sidecar.

    Args:
        path: The article file.

    Returns:
        The metadata (empty when there is no usable sidecar) and a note on what
        was wrong with the sidecar, if anything.
    """
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}, None
    try:
        obj = load_json(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, JsonProblem) as e:
        return {}, f"sidecar {sidecar.name} ignored: {_why(e)}"
    if not isinstance(obj, dict):
        return {}, f"sidecar {sidecar.name} ignored: expected a JSON object, got {type(obj).__name__}"
    return pick_meta(obj), None


def _why(e: Exception) -> str:
    if isinstance(e, JsonProblem):
        return str(e)
    if isinstance(e, UnicodeDecodeError):
        return "not UTF-8"
    return e.strerror or str(e) if isinstance(e, OSError) else str(e)


def read_manifest(root: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Read the corpus manifest in a folder, if any.

    ``manifest.json`` is either an object mapping file names (relative to the
    folder) to metadata objects, or a list of metadata objects that name their
    file under ``file``/``path``/``filename``/``name``; ``manifest.jsonl`` has
    one such object per line.

    Args:
        root: The corpus folder.

    Returns:
        Metadata per relative file name (``/``-separated), and notes on any
        problems with the manifest.
    """
    entries: dict[str, dict[str, str]] = {}
    notes: list[str] = []
    for name in MANIFEST_NAMES:
        path = root / name
        if not path.is_file() or path.is_symlink():
            continue
        try:
            raw = path.read_text(encoding="utf-8-sig")
            records: list[object]
            if name.endswith(".jsonl"):
                records = [load_json(line) for line in raw.splitlines() if line.strip()]
            else:
                data = load_json(raw)
                if isinstance(data, dict):
                    records = [{"file": k, **v} if isinstance(v, dict) else None for k, v in data.items()]
                else:
                    records = data if isinstance(data, list) else [None]
        except (OSError, UnicodeDecodeError, JsonProblem) as e:
            notes.append(f"manifest {name} ignored: {_why(e)}")
            continue
        bad = 0
        for record in records:
            file = next((record[k] for k in _FILE_KEYS if isinstance(record, dict) and k in record), None)
            if not isinstance(record, dict) or not isinstance(file, str):
                bad += 1
                continue
            entries[file.replace("\\", "/").removeprefix("./")] = pick_meta(record)
        if bad:
            notes.append(f"manifest {name}: {bad} record(s) without a file name ignored")
    for note in notes:
        log.warning("%s: %s", root, note)
    return entries, notes
