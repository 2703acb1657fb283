#!/usr/bin/env python3
"""Check gold files of the development set: python scripts/check_gold.py data/dev/gold/th.json [...]

Exits 1 and prints one line per problem; checks that each document has its
text in data/dev/docs (or --docs DIR).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kg.gold import check_gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--docs", type=Path, default=Path(__file__).resolve().parents[1] / "data/dev/docs")
    args = ap.parse_args()
    bad = 0
    for path in args.gold:
        gold = json.loads(path.read_text(encoding="utf-8"))
        problems = check_gold(gold, args.docs)
        for line in problems:
            print(f"{path}: {line}")
        bad += len(problems)
        print(
            f"{path}: {len(gold.get('documents', {}))} documents, {len(gold.get('entities', []))} entities, "
            f"{len(gold.get('relations', []))} relations, {len(problems)} problems"
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
