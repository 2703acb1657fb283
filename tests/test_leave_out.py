"""Extraction without curated organisations: what the rules find on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, GOLD

from kg.evaluate import load_gold, score
from kg.pipeline import build


@pytest.mark.parametrize("kinds", [frozenset({"country", "place", "technology"})])
def test_leave_out_recall_without_curated_organisations(tmp_path: Path, kinds: frozenset[str]) -> None:
    result = build(CORPUS, tmp_path, html=False, validate=False, gazetteer_kinds=set(kinds))
    measured = score(load_gold(GOLD), result.graph)
    assert measured["entities"]["recall"] >= 0.70
    assert measured["duplicate_nodes"] <= 2
