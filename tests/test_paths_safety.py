"""No input makes kg read or write outside the paths it is given.

Hostile ids, titles, sources and file names (``../../etc/x``), manifest
records naming files outside the corpus, symlinked articles, sidecars,
manifests and folders pointing out of it, and an output folder inside the
corpus.  Decisions: a symlink is followed only when its target is inside the
corpus (then it is read like any file); one pointing outside, or to a folder, is
skipped and reported (a problem under --strict); symlinked sidecars and
manifests are not read; kg's own outputs inside the corpus are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, kg_command

SECRET = "Ministry of Secrets"  # text only reachable by leaving the corpus
GOOD = CORPUS / "000_3f0ed15193be0ca2.txt"
OTHER = CORPUS / "002_80ea0a3f9ccdb108.txt"


def _tree(root: Path) -> dict[str, bytes | str]:
    """Every file and symlink under ``root``: contents, or the link target."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[rel] = f"-> {os.readlink(path)}"
            elif path.is_file():
                out[rel] = path.read_bytes()
    return out


def _kg(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_CACHE_DIR": str(cache)}
    return subprocess.run([*kg_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """tmp/{outside/, corpus/, cwd/}: a corpus full of ways out, and secrets beside it."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    secret_text = f"The {SECRET} in Vientiane announced a blockchain plan for Laos.\n\n{OTHER.read_text()}"
    (outside / "secret.txt").write_text(secret_text, encoding="utf-8")
    (outside / "folder" / "more.txt").write_text(secret_text, encoding="utf-8")
    (outside / "secret.meta.json").write_text(json.dumps({"title": SECRET}), encoding="utf-8")
    (outside / "manifest.json").write_text(json.dumps({"good.txt": {"title": SECRET}}), encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    shutil.copyfile(GOOD, corpus / "good.txt")
    hostile = {
        "id": "../../etc/x",
        "title": "../../../etc/passwd",
        "source": "../../outside/secret.txt",
        "text": OTHER.read_text(),
    }
    (corpus / "sub" / "evil.json").write_text(json.dumps(hostile), encoding="utf-8")
    (corpus / "a..b.txt").write_text("Laos and Vietnam signed a digital cooperation agreement in Hanoi.", encoding="utf-8")
    (corpus / "x\\..\\..\\y.txt").write_text("Cambodia launched the Bakong payment system in Phnom Penh.", encoding="utf-8")
    (corpus / "manifest.jsonl").write_text(
        json.dumps({"file": "../outside/secret.txt", "title": SECRET}) + "\n" + json.dumps({"file": "/etc/passwd"}) + "\n",
        encoding="utf-8",
    )
    os.symlink(outside / "secret.txt", corpus / "link-out.txt")  # outside: skipped
    os.symlink("../../outside/secret.txt", corpus / "sub" / "relative-out.txt")  # outside, relative: skipped
    os.symlink(outside / "folder", corpus / "folder-out")  # folder outside: skipped
    os.symlink(corpus / "sub", corpus / "folder-in")  # folder inside: not followed (its files are read once, in sub/)
    os.symlink(corpus / "good.txt", corpus / "alias.txt")  # inside: followed (a duplicate of good.txt)
    os.symlink(corpus / "loop.txt", corpus / "loop.txt")  # loop: broken
    os.symlink(outside / "secret.meta.json", corpus / "good.meta.json")  # symlinked sidecar: not read
    (tmp_path / "cwd").mkdir()
    return tmp_path


def test_paths_hostile_corpus_reads_and_writes_only_the_given_paths(sandbox: Path) -> None:
    corpus, out, cwd, cache = sandbox / "corpus", sandbox / "out" / "nested", sandbox / "cwd", sandbox / "cache"
    before = _tree(sandbox)
    proc = _kg("build", str(corpus), "--out", str(out), "-q", cwd=cwd, cache=cache)
    assert proc.returncode == 0, proc.stderr

    after = _tree(sandbox)
    written = {k for k in after if k not in before or after[k] != before[k]}
    assert {k for k in written if not k.startswith(("out/nested/", "cache/"))} == set()
    assert {k for k in written if k.startswith("out/")} == {f"out/nested/{n}" for n in ("graph.ttl", "graph.html", "report.json")}
    assert not (sandbox / "etc").exists() and os.listdir(cwd) == []

    outputs = "".join((out / n).read_text(encoding="utf-8") for n in ("graph.ttl", "graph.html", "report.json"))
    assert SECRET not in outputs  # nothing outside the corpus was read
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    status = {f["path"]: (f["status"], f["reason"]) for f in report["files"]}
    assert status["link-out.txt"] == ("skipped", "symlink outside the corpus")
    assert status["sub/relative-out.txt"] == ("skipped", "symlink outside the corpus")
    assert status["folder-out"] == ("skipped", "symlink outside the corpus")
    assert status["folder-in"] == ("skipped", "symlinked folder not followed")
    assert status["loop.txt"] == ("skipped", "broken symlink")
    assert status["alias.txt"][0] == "ok" and status["good.txt"][0] == "skipped"  # followed: one of the two is a duplicate
    assert status["sub/evil.json"][0] == "ok" and status["a..b.txt"][0] == "ok" and status["x\\..\\..\\y.txt"][0] == "ok"
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "/resource/article/etc-x>" in graph  # the id is a name, slugified into the IRI, never a path
    assert '"../../../etc/passwd"' in graph  # the title is only a literal


def test_paths_output_folder_inside_the_corpus_is_not_read_back(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(GOOD, corpus / "good.txt")
    for _ in range(2):  # the second build finds the first one's outputs in its corpus
        proc = _kg("build", str(corpus), "--out", str(corpus / "build"), "-q", "--strict", cwd=tmp_path, cache=tmp_path / "c")
        assert proc.returncode == 0, proc.stderr
    report = json.loads((corpus / "build" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"ok": 1, "skipped": 3, "failed": 0}
    assert {f["path"]: f["reason"] for f in report["files"] if f["status"] == "skipped"} == {
        f"build/{n}": "kg build output, not an article" for n in ("graph.html", "graph.ttl", "report.json")
    }
    assert "build/graph.html" not in (corpus / "build" / "graph.ttl").read_text(encoding="utf-8")
