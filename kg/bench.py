"""``python -m kg.bench``: throughput and memory of a build beside raw spaCy on the same texts.

Generates N English articles (~300 words) from varied templates, builds them
with :func:`kg.pipeline.build`, times raw ``nlp.pipe`` of ``en_core_web_sm``
over the same texts, and writes docs/s, words/s, peak memory and time per
stage to a JSON file.  Figures, not assertions: targets live in issue #8.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
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


def run(n: int, out: Path) -> dict:
    """Run the benchmark on N generated articles and write the results to ``out``."""
    from kg.nlp import get_pipeline
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus, dest = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        texts = write_corpus(corpus, n)
        words = sum(len(t.split()) for t in texts)
        nlp = get_pipeline("en")
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        raw = time.perf_counter() - start
        start = time.perf_counter()
        result = build(corpus, dest, html=False, validate=False)
        wall = time.perf_counter() - start
    figures = {
        "articles": n,
        "words": words,
        "raw_spacy_seconds": round(raw, 2),
        "build_seconds": round(wall, 2),
        "build_over_raw_spacy": round(wall / raw, 2) if raw else None,
        "docs_per_second": round(n / wall, 1),
        "words_per_second": round(words / wall),
        "peak_memory_mb": peak_memory_mb(),
        "stages_seconds": result.report.timings,
        "entities": sum(result.report.counts.get("classes", {}).values()),
        "relations": sum(result.report.counts.get("properties", {}).values()),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m kg.bench [--articles N] [--out FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="number of generated articles (default 200)")
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    args = parser.parse_args(argv)
    figures = run(args.articles, args.out)
    sys.stdout.write(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
