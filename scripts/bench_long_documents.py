#!/usr/bin/env python3
"""Long documents and bad input in one corpus: python scripts/bench_long_documents.py [--out build/bench-long.json]

Builds, with the real ``kg build``, a corpus of two good news articles beside a 1.5M-character article
(real English news paragraphs of the dev set, repeated) and a 4.9 MB article (generated news paragraphs),
both with invented names at their start and end, and the bad-input classes of the README (empty, binary,
broken JSON, deep JSON, a lone surrogate, a name that is not UTF-8). Records the exit code, the time,
the peak memory of the build and its workers, every file's status in report.json, and whether the names
of every article are in the graph.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
GOOD = {
    "good-1.txt": "Zelora fintech week\n\nThe Kitramo Payments Company signed an MoU with the Bank of Zelora on Monday.\n",
    "good-2.txt": "Vientiane data forum\n\nMinister of Zelora Affairs Tran Van Kiet opened the Vientiane Data Forum 2026.\n",
}
MARKERS = {
    "long-1.5M.txt": ("Morvane Analytics Company", "Quillon Robotics Company", 1_500_000),
    "long-4.9MB.txt": ("Tessaly Cloud Company", "Brindle Ledger Company", 4_900_000),
}


def long_text(first: str, last: str, size: int, *, generated: bool = False) -> str:
    """``size`` characters of news paragraphs, a sentence naming ``first`` at the start and one naming
    ``last`` at the end: real English dev-set paragraphs repeated, or (``generated``) paragraphs of
    ``kg.bench_corpus``'s generated articles, so that two long documents are not near-duplicates."""
    paragraphs = []
    if generated:
        import random

        from kg.bench_corpus import Pools, make_diverse_article

        rng, pools = random.Random(11), Pools(11)
        while sum(map(len, paragraphs)) < size:
            body = make_diverse_article(len(paragraphs), rng, pools).split("\n", 1)[-1]
            paragraphs += [p.strip() for p in body.split("\n") if p.strip()]
    for path in sorted((REPO / "data" / "dev" / "docs").glob("en*.txt")) if not generated else ():
        body = path.read_text(encoding="utf-8").split("\n", 2)[-1]
        paragraphs += [p.strip() for p in body.split("\n") if len(p.strip()) > 200]
    head = f"Long policy document\n\n{first} presented the digital economy plan in Vientiane on Monday.\n\n"
    tail = f"\n\n{last} will lead the next phase of the plan, the ministry said.\n"
    out, n = [head], len(head) + len(tail)
    while n < size:
        p = paragraphs[len(out) % len(paragraphs)]
        out.append(p + "\n\n")
        n += len(p) + 2
    return "".join(out) + tail


def write_corpus(folder: Path) -> None:
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, (first, last, size) in MARKERS.items():
        text = long_text(first, last, size, generated=size > 2_000_000)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "broken.json").write_text('{"text": "unfinished', encoding="utf-8")
    (folder / "deep.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    (folder / "surrogate.json").write_text('{"title": "x\\ud800", "text": "Sovanna Bank opened."}', encoding="utf-8")
    (folder / b"latin1-\xe9.txt".decode("utf-8", "surrogateescape")).write_text("Pakse Cloud Company grew.\n")


def run(corpus: Path, out: Path) -> dict:
    cmd = [str(Path(sys.executable).with_name("kg")), "build", str(corpus), "--out", str(out), "--no-cache", "-q"]
    started, peak = time.perf_counter(), 0
    with tempfile.TemporaryFile() as err:
        proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env={**os.environ})
        while proc.poll() is None:
            try:
                rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
            except psutil.Error:
                rss = 0
            peak = max(peak, rss)
            time.sleep(0.2)
        err.seek(0)
        tail = err.read().decode(errors="replace")[-600:]
    seconds = round(time.perf_counter() - started, 1)
    return {"exit": proc.returncode, "seconds": seconds, "peak_mb": peak // 2**20, "stderr_tail": tail}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "build" / "bench-long.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        write_corpus(corpus)
        result = run(corpus, out)
        report = json.loads((out / "report.json").read_text(encoding="utf-8")) if (out / "report.json").exists() else {}
        graph = (out / "graph.ttl").read_text(encoding="utf-8") if (out / "graph.ttl").exists() else ""
        files = {f["path"]: f["status"] + (f": {f.get('reason')}" if f.get("reason") else "") for f in report.get("files", [])}
        names = [n for first, last, _ in MARKERS.values() for n in (first, last)] + ["Kitramo Payments Company", "Tran Van Kiet"]
        result.update(
            files=files,
            inputs=len(os.listdir(corpus)),
            names_found={n: n in graph for n in names},
            sizes={name: (corpus / name).stat().st_size for name in MARKERS},
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "stderr_tail"}, indent=1, ensure_ascii=False))
    ok = result["exit"] == 0 and all(result["names_found"].values()) and len(files) == result["inputs"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
