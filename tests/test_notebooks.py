"""The notebooks: stored without outputs, and each one runs top to bottom in this environment's kernel."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

NOTEBOOKS = ["01_build_and_explore.ipynb", "02_sparql_questions.ipynb", "03_add_your_articles.ipynb"]


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(REPO / "notebooks" / name, as_version=4)


def test_notebooks_all_listed() -> None:
    assert sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb")) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_stored_without_outputs(name: str) -> None:
    nb = read(name)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a cell has stored outputs"
            assert cell.execution_count is None, f"{name}: a cell has an execution count"


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_run(name: str, built_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    # notebooks 02 and 03 reuse the session's build instead of building the corpus again
    monkeypatch.setenv("KG_NOTEBOOK_BUILD", str(built_corpus))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    nb = read(name)
    client = NotebookClient(nb, kernel_name="python3", timeout=900, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    setup = next(cell for cell in nb.cells if cell.cell_type == "code")
    printed = "".join(out.get("text", "") for out in setup.outputs if out.output_type == "stream")
    assert f"python: {sys.executable}\n" in printed, printed
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [out for out in cell.outputs if out.output_type == "error"]
