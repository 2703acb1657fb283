"""The build report: every input accounted for, counts, timings, checks.

Written as ``report.json`` beside the graph.  Every file the build looked at has
one entry with status ``ok``, ``skipped`` (not an article, or a duplicate) or
``failed`` (unusable), and why.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from kg import profiling
from kg.atomic import atomic_write_text

Status = Literal["ok", "skipped", "failed"]

#: Skip reasons that are kg working as intended, not problems with the input (see :meth:`BuildReport.problems`).
BENIGN_SKIPS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^not an article format$"),
    re.compile(r"^metadata file, not an article$"),
    re.compile(r"^kg build output, not an article$"),
    re.compile(r"^(near-)?duplicate of "),
)
#: Notes that are problems with the input (see :meth:`BuildReport.problems`); other notes are informational.
PROBLEM_NOTES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(sidecar|manifest) .*ignored"),
    re.compile(r"^date .* not understood"),
    re.compile(r"^lang .* is not a language tag"),
    re.compile(r"^language not recognised"),
    re.compile(r"not one of the corpus languages"),
    re.compile(r"invalid UTF-8 byte sequence"),
    re.compile(r"lone surrogate"),
    re.compile(r"^file name is not valid UTF-8"),
)


def _is_benign_skip(reason: str | None) -> bool:
    return reason is not None and any(p.search(reason) for p in BENIGN_SKIPS)


def _is_problem_note(note: str) -> bool:
    return any(p.search(note) for p in PROBLEM_NOTES)


@dataclass
class FileEntry:
    """What happened to one input file."""

    path: str
    status: Status
    reason: str | None = None
    article_id: str | None = None
    lang: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    """Accumulates what a build did; serialised to ``report.json``."""

    corpus: str = ""
    files: list[FileEntry] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    validation: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    #: digest of everything the build read (see :mod:`kg.freshness`)
    inputs_digest: str | None = None
    #: output name -> ``{"file": name in the output folder, "sha256": ...}``
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    #: True when the outputs were already up to date and left untouched
    up_to_date: bool = False
    #: where the graph was held: ``memory`` (rdflib) or ``oxigraph`` (see :func:`kg.pipeline.choose_store`)
    store: str | None = None
    #: the folder of an on-disk Oxigraph store (``--store oxigraph:DIR``), else None
    store_dir: str | None = None

    def add_file(
        self,
        path: Path | str,
        status: Status,
        *,
        reason: str | None = None,
        article_id: str | None = None,
        lang: str | None = None,
        notes: list[str] | None = None,
    ) -> FileEntry:
        """Record the outcome for one input file and return its entry."""
        entry = FileEntry(str(path), status, reason, article_id, lang, list(notes or []))
        self.files.append(entry)
        return entry

    def entry_for(self, article_id: str) -> FileEntry | None:
        """Return the entry of the file an article came from."""
        return next((f for f in self.files if f.article_id == article_id), None)

    def problems(self) -> list[str]:
        """Everything ``kg build --strict`` fails on, one line each; empty when the build is clean.

        The one place that decides what a problem is:

        - every ``failed`` file (unreadable, binary, too large, not valid JSON ...);
        - every ``skipped`` file except the deliberate skips in
          :data:`BENIGN_SKIPS` (not an article format, a metadata file, kg's own
          outputs, an exact or near duplicate: its text is in the graph once, which is what
          deduplication is for), so an empty file, a file with no text left
          after cleaning or a symlink that is not followed is a problem, and so
          is any skip reason added later;
        - notes matching :data:`PROBLEM_NOTES`: malformed metadata (a sidecar or
          manifest ignored, a date or language tag not understood), a language
          kg does not support (not recognised, or not one of the corpus
          languages), text damaged by invalid UTF-8.  Informational notes (an
          encoding decoded, mojibake repaired, an id renamed, thin NLP coverage
          for Lao and Khmer, which are corpus languages) are not problems;
        - a graph that does not conform to the SHACL shapes.
        """
        out = [f"{self.corpus or 'corpus'}: {note}" for note in self.notes if _is_problem_note(note)]
        for f in self.files:
            if f.status == "failed" or (f.status == "skipped" and not _is_benign_skip(f.reason)):
                out.append(f"{f.path}: {f.status}: {f.reason}")
            out += [f"{f.path}: {note}" for note in f.notes if _is_problem_note(note)]
        if self.validation is not None and self.validation.get("conforms") is False:
            out.append("the graph does not conform to the SHACL shapes (violations in report.json)")
        return out

    def status_counts(self) -> dict[str, int]:
        """Number of files per status."""
        out = {"ok": 0, "skipped": 0, "failed": 0}
        for f in self.files:
            out[f.status] += 1
        return out

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Time a pipeline stage into ``timings`` (seconds, accumulated; with ``KG_PROFILE_DIR`` set,
        also its start and end for a benchmark's memory samples: :mod:`kg.profiling`)."""
        start, started = time.perf_counter(), time.time()
        try:
            yield
        finally:
            self.timings[stage] = round(self.timings.get(stage, 0.0) + time.perf_counter() - start, 4)
            profiling.record_build_stage(stage, started, time.time())

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        data = asdict(self)
        data["summary"] = self.status_counts()
        return data

    def write(self, path: Path | str) -> None:
        """Write the report as JSON, atomically."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"
        # a lone surrogate that reached a note (a file name not in UTF-8) is written as U+FFFD, not a crash
        atomic_write_text(path, text.encode("utf-8", "replace").decode("utf-8"))
