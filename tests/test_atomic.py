"""Atomic writes: the old file survives a failed write; no temporary file is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.atomic import atomic_open, atomic_write_text


@pytest.mark.parametrize("content", ["new"])
def test_atomic_failed_write_keeps_previous(tmp_path: Path, content: str) -> None:
    path = tmp_path / "graph.ttl"
    atomic_write_text(path, "old")
    with pytest.raises(RuntimeError), atomic_open(path) as fh:
        fh.write(content)
        raise RuntimeError("killed")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize("content", ["new"])
def test_atomic_write_replaces_and_is_readable(tmp_path: Path, content: str) -> None:
    path = tmp_path / "out" / "report.json"
    atomic_write_text(path, content)
    assert path.read_text() == content
    assert path.stat().st_mode & 0o044  # readable by others, not mkstemp's 0600
