#!/usr/bin/env python3
"""Merge the gold parts of the development set: python scripts/merge_gold.py [--check]

Reads data/dev/gold/*.json (core first), writes data/dev/gold.json; prints the
names that different parts give different ids (candidates for one id). With
--check, writes nothing and exits 1 when data/dev/gold.json is not current.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.gold import check_gold, merge_gold, read_gold_parts, shared_names  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=ROOT / "data/dev")
    ap.add_argument("--check", action="store_true", help="exit 1 when gold.json is not the merge of the parts")
    args = ap.parse_args()
    parts = read_gold_parts(args.dev / "gold")
    merged = merge_gold(parts.values())
    problems = check_gold(merged, args.dev / "docs")
    for line in problems:
        print("problem:", line)
    for line in shared_names(parts):
        print("same name, two ids:", line)
    text = json.dumps(merged, ensure_ascii=False, indent=1) + "\n"
    out = args.dev / "gold.json"
    if args.check:
        current = out.is_file() and out.read_text(encoding="utf-8") == text
        print("gold.json is current" if current else "gold.json is not the merge of the parts")
        return 0 if current and not problems else 1
    out.write_text(text, encoding="utf-8")
    print(
        f"{out}: {len(merged['documents'])} documents, {len(merged['entities'])} entities, "
        f"{len(merged['relations'])} relations from {', '.join(parts)}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
