"""``python -m kg.bench``: throughput and memory of a build beside raw spaCy on the same texts.

Generates N English articles (~300 words) from varied templates, runs
``kg build`` on them as a user would (the CLI, default workers, validation and
HTML view), then an unchanged rebuild (outputs up to date: nothing is
rewritten) and a ``--force`` rebuild (every article from the incremental cache,
the corpus-level stages and outputs redone), times raw ``nlp.pipe`` of
``en_core_web_sm`` (the whole model, as shipped) over the same texts, and writes docs/s,
words/s, peak memory of the whole process tree, time and peak memory per stage
and time per sub-stage of the per-article stage (parse, mentions, gazetteer,
dependency matches, serialisation to the parent: :mod:`kg.profiling`, measured
inside the stage, in the workers) to a JSON file. Figures, not assertions:
targets live in issues #8 and #18.

``--diverse`` generates articles with realistic entity diversity instead
(:mod:`kg.bench_corpus`: thousands of distinct people, companies and programmes);
``--store oxigraph:DIR`` builds into an on-disk store (``disk``: a folder beside the output).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_COUNTRIES = ["Laos", "Vietnam", "Cambodia", "Thailand", "Myanmar"]
_TECH = ["blockchain", "artificial intelligence", "cloud computing", "e-payments", "big data", "5G", "QR code"]
_HEADS = ["Association", "Committee", "Council", "Institute", "Agency"]
_EVENTS = ["Summit", "Forum", "Conference", "Expo"]
_FIRST = ["Khamla", "Somphone", "Vanh", "Bounmy", "Thida", "Nguyen", "Sokha", "Dara"]
_LAST = ["Souvanh", "Phommachanh", "Keo", "Chanthavong", "Tran", "Heng", "Sisouk"]


def make_article(i: int, rng: random.Random) -> str:
    """Return one synthetic news article of roughly 300 words."""
    country, other = rng.sample(_COUNTRIES, 2)
    tech, tech2 = rng.sample(_TECH, 2)
    org = f"{rng.choice(['Mekong', 'Regional', 'National', 'Digital'])} {tech.title()} {rng.choice(_HEADS)} {i}"
    event = f"{country} Digital {rng.choice(_EVENTS)} {2020 + i % 8}"
    person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    company = f"Tech{i}Pay"
    sentences = [
        f"The {event} was organised by the {org} in the capital.",
        f"It was chaired by Minister {person}, who said that {tech} and {tech2} would change the economy.",
        f"{company} signed a memorandum of understanding with the {org} to develop {tech} services.",
        f"{country} and {other} agreed to deepen cooperation on {tech2} and cross-border payments.",
        f"The government of {country} will be implementing the Digital Economy Plan for 2021-{2025 + i % 10}.",
        f"Experts at the event discussed {tech}, regulation and training for small businesses.",
    ]
    body = []
    while sum(len(s.split()) for s in body) < 300:
        body.append(rng.choice(sentences))
    return f"{event} puts {tech} on the agenda\n\n" + "\n\n".join(" ".join(body[k : k + 3]) for k in range(0, len(body), 3))


def write_corpus(folder: Path, n: int, *, seed: int = 7) -> list[str]:
    """Write N articles into ``folder``; return their texts."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        text = make_article(i, rng)
        (folder / f"bench_{i:06d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux ru_maxrss is in KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_command(
    argv: list[str], *, interval: float = 0.1, env: dict[str, str] | None = None, samples: list | None = None
) -> tuple[float, float, int]:
    """Run a command; return (wall seconds, peak resident memory of its whole process tree in MB, exit code).

    The tree (the build and its worker processes) is sampled every ``interval`` seconds with psutil;
    ``samples``, when given, receives each sample as ``(time.time(), MB)``.
    """
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    root, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            total = 0
            for p in tree:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    continue
            peak = max(peak, total)
            if samples is not None:
                samples.append((time.time(), total / 2**20))
        except psutil.Error:
            pass
        time.sleep(interval)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(proc.stderr.read().decode(errors="replace") if proc.stderr else "")
    return wall, round(peak / 2**20, 1), proc.returncode


def _kg() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def stage_figures(stages: list[dict], samples: list[tuple[float, float]], timings: dict[str, float]) -> dict:
    """Seconds and peak memory of the build's process tree (MB) per stage, from the stage times the
    build recorded (:func:`kg.profiling.record_build_stage`) and the memory samples taken meanwhile."""
    out: dict[str, dict] = {}
    for line in stages:
        inside = [mb for t, mb in samples if line["start"] <= t <= line["end"]]
        entry = out.setdefault(line["stage"], {"seconds": timings.get(line["stage"]), "peak_memory_mb": None})
        if inside:
            entry["peak_memory_mb"] = round(max([*inside, entry["peak_memory_mb"] or 0.0]), 1)
        entry["process_peak_mb"] = line["process_peak_mb"]
    return out


def run(
    n: int,
    out: Path,
    *,
    raw: bool = True,
    rebuild: bool = True,
    workers: int | None = None,
    store: str | None = None,
    diverse: bool = False,
    rapper: bool = False,
) -> dict:
    """Run the benchmark on N generated articles and write the results to ``out``.

    Times ``kg build`` exactly as a user runs it (the CLI, with validation and
    the HTML view, default workers, a fresh incremental cache), then an
    unchanged and a ``--force`` rebuild, beside raw ``nlp.pipe`` of the English model over the
    same texts (one process, and ``n_process`` = the build's workers).
    """
    from kg import profiling
    from kg.executors import resolve_workers

    n_workers = resolve_workers(workers, n)
    figures: dict = {"articles": n, "workers": n_workers, "cpus": os.cpu_count(), "corpus": "diverse" if diverse else "templates"}
    # other work on the machine skews every figure: the load average says how much there was
    figures["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, dest, cache = Path(tmp) / "corpus", Path(tmp) / "out", Path(tmp) / "cache"
        corpus.mkdir()
        if diverse:
            from kg.bench_corpus import write_diverse_corpus

            words, texts = write_diverse_corpus(corpus, n), []
        else:
            texts = write_corpus(corpus, n)
            words = sum(len(t.split()) for t in texts)
        figures["words"] = words
        if raw:
            from kg.nlp.lang.en import load

            if not texts:
                texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
            nlp = load(exclude=())  # the whole model, as shipped
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            figures["raw_spacy_seconds"] = round(time.perf_counter() - start, 2)
            if n_workers > 1:
                start = time.perf_counter()
                for _ in nlp.pipe(texts, batch_size=32, n_process=n_workers):
                    pass
                figures["raw_spacy_n_process_seconds"] = round(time.perf_counter() - start, 2)
        argv = [*_kg(), "build", str(corpus), "--out", str(dest), "--cache", str(cache), "-q"]
        if workers is not None:
            argv += ["--workers", str(workers)]
        if store == "disk":
            store = f"oxigraph:{Path(tmp) / 'store'}"
        if store is not None:
            argv += ["--store", store]
        texts = []
        profile = Path(tmp) / "profile"
        samples: list[tuple[float, float]] = []
        wall, peak, code = run_command(argv, env={**os.environ, profiling.PROFILE_ENV: str(profile)}, samples=samples)
        if code:
            raise RuntimeError(f"kg build exited {code}")
        report = json.loads((dest / "report.json").read_text(encoding="utf-8"))
        figures["per_article_substages"] = profiling.summarise(profile)
        figures["stages"] = stage_figures(profiling.read_build_stages(profile), samples, report.get("timings", {}))
        if rapper:
            figures["rapper"] = rapper_check(dest / "graph.ttl")
        figures.update(
            build_seconds=round(wall, 2),
            docs_per_second=round(n / wall, 1),
            words_per_second=round(words / wall),
            peak_memory_mb=peak,
            stages_seconds=report.get("timings", {}),
            entities=sum(report.get("counts", {}).get("classes", {}).values()),
            relations=sum(report.get("counts", {}).get("properties", {}).values()),
            triples=report.get("counts", {}).get("triples", {}).get("total"),
            store=report.get("store"),
            store_dir=report.get("store_dir"),
        )
        if raw:
            figures["build_over_raw_spacy"] = round(wall / figures["raw_spacy_seconds"], 2)
        if rebuild:
            again, again_peak, code = run_command(argv)
            if code:
                raise RuntimeError(f"kg build (rebuild) exited {code}")
            forced, forced_peak, code = run_command([*argv, "--force"])
            if code:
                raise RuntimeError(f"kg build --force exited {code}")
            figures.update(
                unchanged_rebuild_seconds=round(again, 2),
                unchanged_rebuild_over_build=round(again / wall, 2),
                unchanged_rebuild_peak_memory_mb=again_peak,
                # every article from the cache, but linking, relations, graph, view and validation redone
                cached_forced_rebuild_seconds=round(forced, 2),
                cached_forced_rebuild_over_build=round(forced / wall, 2),
                cached_forced_rebuild_peak_memory_mb=forced_peak,
            )
    figures["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return figures


def rapper_check(path: Path) -> dict:
    """Parse a Turtle file with Raptor's ``rapper`` (when installed): its triple count and exit code."""
    import shutil

    exe = shutil.which("rapper")
    if exe is None:
        return {"available": False}
    start = time.perf_counter()
    done = subprocess.run([exe, "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    match = re.search(r"returned (\d+) triples", done.stderr)
    return {
        "available": True,
        "exit_code": done.returncode,
        "triples": int(match.group(1)) if match else None,
        "seconds": round(time.perf_counter() - start, 2),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m kg.bench [--articles N] [--out FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="number of generated articles (default 200)")
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    parser.add_argument("--workers", type=int, default=None, help="kg build --workers (default: kg's own choice)")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw spaCy comparison (scale runs)")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the unchanged rebuild")
    parser.add_argument(
        "--store",
        default=None,
        help="kg build --store: auto, memory, oxigraph, oxigraph:DIR, or disk (on disk, in a temporary folder)",
    )
    parser.add_argument("--diverse", action="store_true", help="articles with thousands of distinct names (kg.bench_corpus)")
    parser.add_argument("--rapper", action="store_true", help="parse the graph.ttl built with rapper (Raptor)")
    args = parser.parse_args(argv)
    figures = run(
        args.articles,
        args.out,
        raw=not args.no_raw,
        rebuild=not args.no_rebuild,
        workers=args.workers,
        store=args.store,
        diverse=args.diverse,
        rapper=args.rapper,
    )
    from kg.profiling import format_summary

    sys.stdout.write(json.dumps(figures, indent=1) + "\n")
    sys.stdout.write(format_summary(figures.get("per_article_substages", {})) + "\n")
    for stage, entry in figures.get("stages", {}).items():
        peak = f"{entry['peak_memory_mb']:>8.1f} MB" if entry["peak_memory_mb"] else "       - (too short to sample)"
        sys.stdout.write(f"  {stage:<12}{entry['seconds'] or 0:>9.2f} s  peak {peak}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
