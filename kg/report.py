"""The build report: every input accounted for, counts, timings, checks.

Written as ``report.json`` beside the graph.  Every file the build looked at has
one entry with status ``ok``, ``skipped`` (not an article, or a duplicate) or
``failed`` (unusable), and why.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from kg.atomic import atomic_write_text

Status = Literal["ok", "skipped", "failed"]


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

    @property
    def problems(self) -> list[FileEntry]:
        """Entries that are not plainly ok (failed, or ok with notes)."""
        return [f for f in self.files if f.status == "failed" or (f.status == "ok" and f.notes)]

    def status_counts(self) -> dict[str, int]:
        """Number of files per status."""
        out = {"ok": 0, "skipped": 0, "failed": 0}
        for f in self.files:
            out[f.status] += 1
        return out

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Time a pipeline stage into ``timings`` (seconds, accumulated)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = round(self.timings.get(stage, 0.0) + time.perf_counter() - start, 4)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        data = asdict(self)
        data["summary"] = self.status_counts()
        return data

    def write(self, path: Path | str) -> None:
        """Write the report as JSON, atomically."""
        atomic_write_text(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n")
