"""Extraction without curated organisations: what the rules find on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, GOLD

from kg.evaluate import load_gold, score
from kg.gazetteer import load_gazetteer
from kg.pipeline import build


@pytest.mark.parametrize("kinds", [frozenset({"country", "place", "technology"})])
def test_leave_out_recall_without_curated_organisations(tmp_path: Path, kinds: frozenset[str]) -> None:
    result = build(CORPUS, tmp_path, html=False, validate=False, gazetteer_kinds=set(kinds))
    measured = score(load_gold(GOLD), result.graph)
    assert measured["entities"]["recall"] >= 0.70
    assert measured["duplicate_nodes"] <= 2


def test_leave_out_figures_with_the_rules_seeing_only_the_reduced_gazetteer(tmp_path: Path) -> None:
    result = build(CORPUS, tmp_path, html=False, validate=False, gazetteer_kinds={"country", "place", "technology"})
    measured = score(load_gold(GOLD), result.graph)
    assert measured["entities"]["f1"] >= 0.93
    assert measured["relations"]["f1"] >= 0.85


def test_the_english_rules_consult_the_matcher_of_the_build() -> None:
    from kg.mentions.gazetteer_match import GazetteerMatcher, active_matcher, default_matcher, using
    from kg.mentions.lang.en import _curated

    reduced = GazetteerMatcher(load_gazetteer(kinds={"country"}))
    assert _curated("Bank of Thailand")  # the bundled gazetteer knows it
    with using(reduced):
        assert active_matcher() is reduced
        assert not _curated("Bank of Thailand")  # a build without curated bodies: the rules do not know it either
    assert active_matcher() is default_matcher()
