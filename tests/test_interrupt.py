"""SIGKILL at any moment: the previous outputs survive whole, no junk is left for later builds.

The bundled corpus is built with the real CLI; then ``kg build`` of a
*different* corpus (the seeds plus one article, so every output would change)
into the same folder is killed with SIGKILL at several moments: right after
start, in the language-model stage, and in the write stage (caught by polling
the folder for the temporary files of :mod:`kg.atomic`).  Every output must
then be the previous file or the new one, whole, and a later uninterrupted
build must succeed and leave no temporary file behind.

The helpers of :mod:`kg.atomic` are checked the same way, on real processes
killed while writing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, kg_command
from rdflib import Graph

from kg.atomic import atomic_write_text, remove_stale_temps

pytestmark = pytest.mark.slow

OUTPUTS = ("graph.ttl", "graph.html", "report.json")
EXTRA_ARTICLE = """\
Cambodia and Laos sign digital payments agreement in Phnom Penh

PHNOM PENH, 12 May 2025 - The National Bank of Cambodia and the Bank of the Lao PDR signed a memorandum
of understanding on cross-border QR code payments at the Cambodia Digital Forum 2025 in Phnom Penh.

The agreement links Bakong, the Cambodian payment system, with LAOQR, so that travellers can pay by
scanning a QR code in either country. Officials said the project supports the ASEAN Digital Masterplan 2025
and will use blockchain technology for settlement.
"""


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".tmp"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


class _Build:
    """``kg build`` of a corpus into a folder, as a real child process whose stderr is read as it comes."""

    def __init__(self, corpus: Path, out: Path, cache: Path) -> None:
        env = {**os.environ, "KG_CACHE_DIR": str(cache), "KG_PROGRESS": "1"}  # the bar through a pipe
        self.proc = subprocess.Popen(
            [*kg_command(), "build", str(corpus), "--out", str(out)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self.stderr = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        while chunk := self.proc.stderr.read1(4096):
            self.stderr += chunk

    def wait_for(self, condition: Callable[[], bool], timeout: float = 300) -> bool:
        """Poll ``condition`` as fast as possible; False when the build ended first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            if self.proc.poll() is not None:
                return condition()
        raise AssertionError(f"timed out; stderr so far:\n{self.stderr.decode(errors='replace')}")

    def kill(self) -> int:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # the whole session: worker processes too
        code = self.proc.wait(timeout=60)
        self._reader.join(timeout=10)
        return code


@pytest.fixture(scope="module")
def previous(built_corpus: Path) -> dict[str, bytes]:
    """The outputs of the real ``kg build`` of the bundled corpus."""
    return _snapshot(built_corpus)


@pytest.fixture(scope="module")
def new_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus one more article: every output of its build differs from the seeds'."""
    corpus = tmp_path_factory.mktemp("corpus-plus-one")
    for path in CORPUS.iterdir():
        shutil.copyfile(path, corpus / path.name)
    (corpus / "005_extra.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def new_outputs(new_corpus: Path, previous: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The outputs of an uninterrupted build of the new corpus."""
    out = tmp_path_factory.mktemp("new-build")
    build = _Build(new_corpus, out, tmp_path_factory.mktemp("cache"))
    assert build.proc.wait(timeout=600) == 0, build.stderr.decode(errors="replace")
    outputs = _snapshot(out)
    assert all(outputs[name] != previous[name] for name in OUTPUTS)
    return outputs


@pytest.fixture
def out(built_corpus: Path, tmp_path: Path) -> Path:
    """An output folder holding the previous build."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name in OUTPUTS:
        shutil.copy2(built_corpus / name, folder / name)
    return folder


def _is_new_report(data: bytes, corpus: Path) -> bool:
    report = json.loads(data)
    return report["corpus"] == str(corpus) and any(f["path"] == "005_extra.txt" for f in report["files"])


def _rebuild_cleanly(new_corpus: Path, out: Path, cache: Path, new_outputs: dict[str, bytes]) -> None:
    """A later uninterrupted build succeeds, writes the new outputs, and leaves no temporary file."""
    build = _Build(new_corpus, out, cache)
    assert build.proc.wait(timeout=600) == 0, build.stderr.decode(errors="replace")
    assert _temps(out) == []
    after = _snapshot(out)
    assert after["graph.ttl"] == new_outputs["graph.ttl"]
    assert after["graph.html"] == new_outputs["graph.html"]
    assert _is_new_report(after["report.json"], new_corpus)


@pytest.mark.parametrize("moment", ["right-after-start", "in-the-language-model-stage"])
def test_interrupt_kill_before_writing(
    moment: str, out: Path, new_corpus: Path, previous: dict[str, bytes], new_outputs: dict[str, bytes], tmp_path: Path
) -> None:
    build = _Build(new_corpus, out, tmp_path / "cache")
    if moment == "right-after-start":
        time.sleep(0.2)
    else:
        assert build.wait_for(lambda: b"extracting" in build.stderr), "the build ended before its progress bar showed"
    assert build.kill() == -signal.SIGKILL
    assert _snapshot(out) == previous
    assert _temps(out) == []
    _rebuild_cleanly(new_corpus, out, tmp_path / "cache", new_outputs)


def test_interrupt_kill_while_writing(
    out: Path, new_corpus: Path, previous: dict[str, bytes], new_outputs: dict[str, bytes], tmp_path: Path
) -> None:
    caught = []
    for _attempt in range(5):  # a temporary file lives for milliseconds; a fast build may slip through
        build = _Build(new_corpus, out, tmp_path / "cache")
        seen = build.wait_for(lambda: bool(_temps(out)))
        code = build.kill()
        if seen and code == -signal.SIGKILL:
            caught.append(_temps(out))
            break
    assert caught, "never caught the build with a temporary file in its output folder"
    after = _snapshot(out)
    for name in ("graph.ttl", "graph.html"):
        assert after[name] in (previous[name], new_outputs[name]), f"{name} is neither the old nor the new file"
    assert after["report.json"] == previous["report.json"] or _is_new_report(after["report.json"], new_corpus)
    Graph().parse(out / "graph.ttl", format="turtle")
    # the killed build's temporary files are hidden, and the next build removes them
    assert all(name.startswith(".") for name in _temps(out))
    _rebuild_cleanly(new_corpus, out, tmp_path / "cache", new_outputs)


def test_interrupt_outputs_are_replaced_together(
    out: Path, new_corpus: Path, previous: dict[str, bytes], new_outputs: dict[str, bytes], tmp_path: Path
) -> None:
    """Killed a moment into the write stage (while the view is written or the graph validated): all old or all new.

    Several files cannot be renamed as one; :func:`kg.atomic.atomic_group` leaves
    only the microseconds of its rename loop, which a kill a quarter-second in does not hit.
    """
    build = _Build(new_corpus, out, tmp_path / "cache")
    build.wait_for(lambda: any(name.startswith(".graph.ttl.") for name in _temps(out)))
    time.sleep(0.25)
    build.kill()
    after = _snapshot(out)
    kept = [name for name in OUTPUTS if after[name] == previous[name]]
    assert kept in ([], list(OUTPUTS)), f"a mix of old and new outputs: {kept} old, the rest new"


# ---- kg.atomic on real processes ---------------------------------------------------------------------------------


WRITER = """
import sys, time
from kg.atomic import atomic_group, atomic_open
folder = sys.argv[1]
with atomic_group():
    for name in ("a.txt", "b.txt"):
        with atomic_open(f"{folder}/{name}") as fh:
            fh.write("new " + name)
    print("written", flush=True)
    if sys.argv[2] == "stall":
        time.sleep(600)
"""


def _writer(folder: Path, mode: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(folder), mode], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "written\n"
    return proc


def test_interrupt_atomic_group_replaces_all_or_none(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        atomic_write_text(tmp_path / name, f"old {name}")
    stalled = _writer(tmp_path, "stall")
    assert len(_temps(tmp_path)) == 2  # both written, neither renamed yet
    assert remove_stale_temps(tmp_path / "a.txt") == []  # the writer is alive: its files stay
    stalled.kill()
    stalled.wait(timeout=30)
    assert {p.name: p.read_text() for p in tmp_path.glob("*.txt")} == {"a.txt": "old a.txt", "b.txt": "old b.txt"}
    assert len(_temps(tmp_path)) == 2  # a killed process cannot clean up ...
    done = _writer(tmp_path, "finish")
    assert done.wait(timeout=30) == 0
    assert {p.name: p.read_text() for p in tmp_path.glob("*.txt")} == {"a.txt": "new a.txt", "b.txt": "new b.txt"}
    assert _temps(tmp_path) == []  # ... the next write to the same files does


def test_interrupt_atomic_group_failure_replaces_nothing(tmp_path: Path) -> None:
    from kg.atomic import atomic_group

    atomic_write_text(tmp_path / "a.txt", "old")
    with pytest.raises(RuntimeError), atomic_group():
        atomic_write_text(tmp_path / "a.txt", "new")
        atomic_write_text(tmp_path / "a.txt", "newer")
        atomic_write_text(tmp_path / "b.txt", "new")
        assert (tmp_path / "a.txt").read_text() == "old" and not (tmp_path / "b.txt").exists()
        raise RuntimeError("failed in the middle")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "old"
    with atomic_group():
        atomic_write_text(tmp_path / "a.txt", "new")
        atomic_write_text(tmp_path / "a.txt", "newer")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "newer"
