"""``kg build --strict``: exit 1 whenever the build reported a problem, decided in one place.

:meth:`kg.report.BuildReport.problems` is that place.  Its cases are checked on
reports filled by the real ingest (and a real SHACL validation), then the exit
codes through the real CLI: 1 under --strict with a problem, 0 without
--strict, 3 when nothing can be built, 2 on a usage error.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, run_kg
from rdflib import RDF, Graph

from kg.ingest import read_articles
from kg.report import BuildReport
from kg.validate import validate_graph
from kg.vocab import MK, MKR

GOOD = CORPUS / "000_3f0ed15193be0ca2.txt"
OTHER = CORPUS / "002_80ea0a3f9ccdb108.txt"
VIETNAMESE = CORPUS / "001_fb309f23a7c12424.txt"
LAO = REPO / "tests" / "data" / "ingest" / "lao.txt"
GERMAN = (
    "Die Bundesregierung hat heute in Berlin eine neue Strategie für künstliche Intelligenz vorgestellt.\n\n"
    "Der Minister sagte, dass die Digitalisierung der Verwaltung bis zum Jahr 2030 abgeschlossen sein soll."
)


def _corpus(tmp_path: Path, files: dict[str, str | bytes | Path]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        path = corpus / name
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return corpus


def _problems(corpus: Path, **kwargs: int) -> list[str]:
    report = BuildReport(corpus=str(corpus))
    list(read_articles(corpus, report=report, **kwargs))
    assert any(f.status == "ok" for f in report.files)  # the good article is always read
    return report.problems()


PROBLEM_CASES: dict[str, dict[str, str | bytes | Path]] = {
    "failed: binary": {"bin.txt": bytes(range(256)) * 4},
    "failed: not JSON": {"bad.json": "{"},
    "failed: bad JSON Lines line": {"many.jsonl": json.dumps({"text": GOOD.read_text()}) + "\n{nope\n"},
    "skipped: empty file": {"empty.txt": ""},
    "skipped: no text after cleaning": {"chrome.md": "# \n\n---\n"},
    "note: sidecar malformed": {"good.meta.json": "{not json"},
    "note: date not understood": {"good.meta.json": json.dumps({"date": "the other day"})},
    "note: lang not a tag": {"good.meta.json": json.dumps({"lang": "English!"})},
    "note: language not supported": {"de.txt": GERMAN},
    "note: invalid UTF-8": {"broken.txt": VIETNAMESE.read_bytes()[:400] + b"\xff" + VIETNAMESE.read_bytes()[400:]},
    "corpus note: manifest malformed": {"manifest.json": "[{"},
}


@pytest.mark.parametrize("files", PROBLEM_CASES.values(), ids=PROBLEM_CASES.keys())
def test_strict_problems_are_reported(tmp_path: Path, files: dict[str, str | bytes | Path]) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD, **files})
    problems = _problems(corpus)
    assert problems, "a problem input gave no problem"
    assert all(isinstance(p, str) and p.strip() for p in problems)


def test_strict_too_large_is_a_problem(tmp_path: Path) -> None:
    size = GOOD.stat().st_size
    corpus = _corpus(tmp_path, {"a.txt": GOOD.read_text()[: size // 2], "big.txt": GOOD})
    assert _problems(corpus, max_bytes=size - 1) == [
        f"big.txt: failed: file is {size} bytes, over the limit of {size - 1} (use --max-bytes)"
    ]


NOT_PROBLEM_CASES: dict[str, dict[str, str | bytes | Path]] = {
    "exact duplicate": {"copy.txt": GOOD},
    "near duplicate": {"near.txt": GOOD.read_text().replace("\n\n", "\n\nRead more.\n\n", 1)},
    "not an article format": {"photo.png": b"\x89PNG\r\n\x1a\n" + bytes(64), "notes.csv": "a,b\n"},
    "hidden file": {".DS_Store": bytes(range(256))},
    "good sidecar and manifest": {
        "good.meta.json": json.dumps({"title": "T", "date": "2025-03-01", "lang": "en"}),
        "manifest.json": json.dumps({"good.txt": {"publisher": "P"}}),
    },
    "Lao (thin coverage, a corpus language)": {"lao.txt": LAO},
    "id renamed": {"a.json": json.dumps({"id": "good", "text": OTHER.read_text()})},
}


@pytest.mark.parametrize("files", NOT_PROBLEM_CASES.values(), ids=NOT_PROBLEM_CASES.keys())
def test_strict_deliberate_skips_and_information_are_not_problems(tmp_path: Path, files: dict[str, str | bytes | Path]) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD, **files})
    report = BuildReport(corpus=str(corpus))
    list(read_articles(corpus, report=report))
    assert report.problems() == []
    assert [f.status for f in report.files].count("ok") >= 1


def test_strict_non_conforming_graph_is_a_problem() -> None:
    graph = Graph()
    graph.add((MKR["person/nobody"], RDF.type, MK.Person))  # no rdfs:label: violates the shapes
    result = validate_graph(graph)
    assert result.conforms is False
    report = BuildReport(validation={"conforms": result.conforms, "violations": result.violations})
    assert report.problems() == ["the graph does not conform to the SHACL shapes (violations in report.json)"]
    report.validation = {"conforms": True, "violations": []}
    assert report.problems() == []


# ---- through the real CLI ---------------------------------------------------------------------------------------


def test_strict_cli_exit_1_with_a_failed_file_else_0(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD, "bad.json": "{"})
    strict = run_kg("build", str(corpus), "--out", str(tmp_path / "strict"), "--strict", "-q")
    assert strict.returncode == 1, strict.stderr
    assert "bad.json" in strict.stderr
    assert (tmp_path / "strict" / "graph.ttl").is_file()  # built all the same
    lenient = run_kg("build", str(corpus), "--out", str(tmp_path / "lenient"), "-q")
    assert lenient.returncode == 0, lenient.stderr
    report = json.loads((tmp_path / "lenient" / "report.json").read_text())
    assert report["summary"] == {"ok": 1, "skipped": 0, "failed": 1}


def test_strict_cli_exit_1_with_a_skipped_empty_file(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD, "empty.txt": ""})
    assert run_kg("build", str(corpus), "--out", str(tmp_path / "lenient"), "-q").returncode == 0
    strict = run_kg("build", str(corpus), "--out", str(tmp_path / "strict"), "--strict", "-q")
    assert strict.returncode == 1, strict.stderr


def test_strict_cli_exit_0_on_a_clean_corpus_with_a_duplicate(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD, "copy.txt": GOOD, "photo.png": b"\x89PNG\r\n\x1a\n"})
    proc = run_kg("build", str(corpus), "--out", str(tmp_path / "out"), "--strict", "-q")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["summary"] == {"ok": 1, "skipped": 2, "failed": 0}


@pytest.mark.parametrize("strict", [[], ["--strict"]], ids=["lenient", "strict"])
def test_strict_cli_exit_3_when_nothing_can_be_built(tmp_path: Path, strict: list[str]) -> None:
    corpus = _corpus(tmp_path, {"bad.json": "{", "empty.txt": "", "bin.txt": bytes(range(256))})
    proc = run_kg("build", str(corpus), "--out", str(tmp_path / "out"), "-q", *strict)
    assert proc.returncode == 3, proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "args",
    [["--no-such-option"], ["{missing}"], ["{corpus}", "--max-bytes", "lots"], ["{corpus}", "--out", "{file}"]],
    ids=["unknown option", "missing corpus", "bad number", "out is a file"],
)
def test_strict_cli_exit_2_on_usage_error(tmp_path: Path, args: list[str]) -> None:
    corpus = _corpus(tmp_path, {"good.txt": GOOD})
    (tmp_path / "file").write_text("not a folder")
    where = {"corpus": str(corpus), "missing": str(tmp_path / "missing"), "file": str(tmp_path / "file")}
    proc = run_kg("build", *[a.format(**where) for a in args], "--strict", "-q")
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.strip()
