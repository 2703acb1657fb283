"""Shared fixtures: the bundled corpus built once per session through the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
GOLD = REPO / "data" / "gold" / "seeds.json"


def mentions_of(text: str, lang: str = "en") -> dict[str, str]:
    """Name -> class of the mentions (not anaphors) found in one text, gazetteer and rules together."""
    from kg.mentions import find_mentions
    from kg.nlp import analyze
    from kg.records import Article

    (analysis,) = analyze([Article("t", text, lang)])
    return {m.text: m.cls for m in find_mentions(analysis) if m.cls != "Ref"}


def relations_of(text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    """(subject label, property, object label) of the relations read in one text, as the pipeline reads them:
    mentions and dependency matches first, then the parse dropped, then linking and relations."""
    from kg.gazetteer import load_gazetteer
    from kg.linking import link_mentions
    from kg.mentions import find_mentions
    from kg.nlp import analyze
    from kg.records import Article
    from kg.relations import extract_relations
    from kg.relations.dependency import match_dependencies

    gazetteer = load_gazetteer()
    analyses = list(analyze([Article("a", text, lang)]))
    mentions = {}
    for a in analyses:
        mentions[a.article.id] = find_mentions(a)
        a.dependency_matches = match_dependencies(a)
        a.doc = None
    corpus = link_mentions(analyses, mentions, gazetteer=gazetteer)
    found = extract_relations(analyses, corpus, gazetteer)
    for r in found:
        assert r.evidence.sentence in text and r.evidence.article_id == "a"
    label = {k: e.label for k, e in corpus.entities.items()}
    return {(label[r.subject], r.predicate, label[r.object]) for r in found}


def kg_command() -> list[str]:
    """The kg CLI of the environment running the tests."""
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg"]


def run_kg(*args: str, cwd: Path | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """Run the real ``kg`` CLI and capture its output."""
    proc = subprocess.run([*kg_command(), *args], cwd=cwd or REPO, capture_output=True, text=True, timeout=600, check=False)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One incremental cache for the whole session (never the user's ~/.cache/kg); kg subprocesses inherit it."""
    if "KG_CACHE_DIR" not in os.environ:
        os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("kg-cache"))


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundled corpus with ``kg build`` once; return the output folder.

    The folder holds graph.ttl, graph.html and report.json.  The build is also
    copied to ``build/`` (when that folder is absent or a previous test build) so
    that a person can look at what the tests saw.
    """
    out = tmp_path_factory.mktemp("build")
    run_kg("build", str(CORPUS), "--out", str(out), check=True)
    return out


@pytest.fixture(scope="session")
def built_graph_path(built_corpus: Path) -> Path:
    """Path to the graph.ttl of the bundled corpus."""
    return built_corpus / "graph.ttl"


@pytest.fixture(scope="session")
def in_ci() -> bool:
    """True when running under CI (CI=true), where missing system tools are failures."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_tool(name: str, in_ci: bool) -> str:
    """Return the path of a system tool; skip the test when absent, fail under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (make test installs it)"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    return path
