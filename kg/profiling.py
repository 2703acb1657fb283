"""Time spent in each sub-stage of the per-article stage, measured where it runs (this process or a worker).

Off unless ``KG_PROFILE_DIR`` names a folder. Then every call of
:func:`kg.process.process_articles` (one chunk of articles, in whichever process
runs it) times its sub-stages with a :class:`StageClock` and appends one JSON
line to ``KG_PROFILE_DIR/per-article-<pid>.jsonl``; :func:`summarise` adds the
lines of a build up. Sub-stages, each counted exclusively (a nested one is not
counted again in the one around it):

- ``load``: loading the language models and the gazetteer (once per process);
- ``parse``: the language pipeline (``nlp.pipe``), sentence splitting, token list;
- ``mentions``: the mention rules, without the gazetteer matching inside them;
- ``gazetteer``: every :meth:`kg.mentions.gazetteer_match.GazetteerMatcher.find` call;
- ``dependency``: dependency matches read off the parse;
- ``serialise``: pickling the chunk's results, as a worker process sends them to the parent.

``make bench`` sets the folder for the build it times and records the sums.

Example:
    >>> clock = StageClock()
    >>> with clock.stage("mentions"):
    ...     with clock.stage("gazetteer"):
    ...         pass
    >>> sorted(clock.seconds)
    ['gazetteer', 'mentions']
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import threading
import time
from collections.abc import Iterator
from pathlib import Path

#: Environment variable naming the folder that receives the per-article stage's timings.
PROFILE_ENV = "KG_PROFILE_DIR"

#: The sub-stages, in the order they run.
SUB_STAGES: tuple[str, ...] = ("load", "parse", "mentions", "gazetteer", "dependency", "serialise")

#: The clock of the chunk being processed in this thread (``.clock``), when profiling is on.
_local = threading.local()


class StageClock:
    """Exclusive wall-clock seconds per sub-stage: time inside a nested stage counts for it alone.

    Attributes:
        seconds: Sub-stage -> seconds spent in it, nested stages excluded.
        calls: Sub-stage -> times it was entered.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        #: bytes of the pickled results (see :func:`time_serialisation`)
        self.bytes = 0
        self._stack: list[list[float]] = []  # per open stage: [start, seconds of nested stages]

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block as ``name``; any stage opened inside it is subtracted from it."""
        frame = [time.perf_counter(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            elapsed = time.perf_counter() - frame[0]
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed - frame[1]
            self.calls[name] = self.calls.get(name, 0) + 1
            if self._stack:
                self._stack[-1][1] += elapsed


_NOTHING = contextlib.nullcontext()


def stage(name: str) -> contextlib.AbstractContextManager:
    """Time the block as sub-stage ``name`` on the active clock; nothing when profiling is off."""
    clock = getattr(_local, "clock", None)
    return clock.stage(name) if clock is not None else _NOTHING


def profile_dir() -> Path | None:
    """The folder named by ``KG_PROFILE_DIR``, or None (profiling off)."""
    value = os.environ.get(PROFILE_ENV)
    return Path(value) if value else None


@contextlib.contextmanager
def profiled_chunk(n_articles: int) -> Iterator[StageClock | None]:
    """Activate a clock for one chunk of the per-article stage when profiling is on, and append its
    line to the profile folder at the end; yields the clock (None when off)."""
    folder = profile_dir()
    if folder is None or getattr(_local, "clock", None) is not None:  # off, or already inside a profiled chunk
        yield None
        return
    clock = _local.clock = StageClock()
    started = time.perf_counter()
    try:
        yield clock
    finally:
        _local.clock = None
    line = {
        "pid": os.getpid(),
        "articles": n_articles,
        "seconds": {k: round(v, 6) for k, v in clock.seconds.items()},
        "calls": clock.calls,
        "wall": round(time.perf_counter() - started, 6),
        "bytes": clock.bytes,
    }
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"per-article-{os.getpid()}.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def time_serialisation(clock: StageClock | None, results: object) -> None:
    """Pickle ``results`` as a process pool sends them to the parent, timing it as ``serialise``
    and keeping the size on the clock (``clock.bytes``); nothing when ``clock`` is None."""
    if clock is None:
        return
    with clock.stage("serialise"):
        size = len(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    clock.bytes += size


def summarise(folder: Path) -> dict:
    """Add up the lines of a profile folder: seconds per sub-stage (summed over processes), articles,
    milliseconds per article, share of each sub-stage, and bytes sent per article.

    Returns:
        ``{"articles": N, "processes": P, "seconds": {...}, "ms_per_article": {...}, "share": {...},
        "bytes_per_article": B}``, or ``{}`` when the folder holds no line.
    """
    seconds: dict[str, float] = {}
    articles = size = 0
    wall = 0.0
    pids = set()
    for path in sorted(folder.glob("per-article-*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            line = json.loads(raw)
            pids.add(line["pid"])
            articles += line["articles"]
            size += line.get("bytes", 0)
            wall += line.get("wall", 0.0)
            for name, value in line["seconds"].items():
                seconds[name] = seconds.get(name, 0.0) + value
    if not articles:
        return {}
    names = [s for s in SUB_STAGES if s in seconds] + sorted(set(seconds) - set(SUB_STAGES))
    measured = sum(seconds.values())
    seconds["other"] = max(0.0, wall - measured)  # chunk bookkeeping outside the named sub-stages
    names.append("other")
    total = sum(seconds.values()) or 1.0
    return {
        "articles": articles,
        "processes": len(pids),
        "seconds": {n: round(seconds[n], 3) for n in names},
        "ms_per_article": {n: round(1000 * seconds[n] / articles, 2) for n in names},
        "share": {n: round(seconds[n] / total, 3) for n in names},
        "bytes_per_article": round(size / articles),
    }


def format_summary(summary: dict) -> str:
    """One line per sub-stage: ``parse       12.3 ms/article  61.0 %``."""
    if not summary:
        return "per-article sub-stages: no profile recorded"
    lines = [f"per-article sub-stages ({summary['articles']} articles, {summary['processes']} processes):"]
    for name, ms in summary["ms_per_article"].items():
        lines.append(f"  {name:<11}{ms:>9.2f} ms/article {100 * summary['share'][name]:>6.1f} %")
    lines.append(f"  sent to the parent: {summary['bytes_per_article']:,} bytes/article (pickled)")
    return "\n".join(lines)


def record_build_stage(name: str, started: float, ended: float) -> None:
    """Append a build stage's wall-clock start and end (``time.time()``) and the build process's
    peak memory so far to ``KG_PROFILE_DIR/stages.jsonl``; nothing when profiling is off.

    A benchmark that samples the memory of the build's process tree reads the peak of each stage off it.
    """
    folder = profile_dir()
    if folder is None:
        return
    import resource

    line = {
        "stage": name,
        "start": round(started, 3),
        "end": round(ended, 3),
        "process_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "stages.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def read_build_stages(folder: Path) -> list[dict]:
    """The lines :func:`record_build_stage` wrote, in order."""
    path = folder / "stages.jsonl"
    if not path.exists():
        return []
    return [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines() if raw.strip()]
