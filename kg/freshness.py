"""Is a build's output up to date? One digest of everything a build reads, and the outputs' hashes.

``report.json`` records the digest of the inputs (every input file's entry,
every article's cache key, which folds in the pipeline's fingerprint, the
build options, the ontology and the view's files) and the SHA-256 of each output file. When a rebuild finds the
same digest and every recorded output unchanged on disk, nothing needs
redoing: like ``make``, ``kg build`` leaves the outputs untouched.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.report import BuildReport


def inputs_digest(report: BuildReport, article_keys: Iterable[str], options: dict[str, Any]) -> str:
    """Digest of a build's inputs: the ingest report's file entries, the articles' cache keys, the options."""
    digest = hashlib.sha256()
    digest.update(json.dumps([dataclasses.asdict(f) for f in report.files], sort_keys=True, default=str).encode())
    for key in article_keys:
        digest.update(key.encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    digest.update(output_fingerprint().encode())
    return digest.hexdigest()


@functools.cache
def output_fingerprint() -> str:
    """Hash of what shapes the outputs beyond the articles: the ontology folder and the view's static files."""
    import kg
    from kg.cache import hash_files
    from kg.resources import ontology_dir

    digest = hashlib.sha256()
    hash_files(digest, [ontology_dir(), Path(kg.__file__).parent / "view"])
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def previous_report(out: Path, digest: str) -> dict[str, Any] | None:
    """The previous ``report.json`` in ``out`` when it was made from the same inputs and its outputs are intact."""
    try:
        data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("inputs_digest") != digest:
        return None
    outputs = data.get("outputs")
    if not isinstance(outputs, dict) or "turtle" not in outputs:
        return None
    for name, entry in outputs.items():
        if name == "report":
            continue
        try:
            if file_sha256(out / entry["file"]) != entry["sha256"]:
                return None
        except (OSError, KeyError, TypeError):
            return None
    return data
