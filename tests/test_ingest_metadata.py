"""Tests of kg.ingest.metadata: sidecars and the corpus manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest.metadata import is_manifest, is_sidecar, pick_meta, read_manifest, read_sidecar, sidecar_for


@pytest.mark.parametrize(
    "obj, meta",
    [
        ({"title": "T", "lang": "en", "date": None, "publisher": None, "source": "a.txt"},
         {"title": "T", "lang": "en", "source": "a.txt"}),
        ({"headline": " Two  spaces ", "language": "th", "published": 2023, "site": "S", "url": "https://u"},
         {"title": "Two spaces", "lang": "th", "date": "2023", "publisher": "S", "source": "https://u"}),
        ({"title": "", "lang": 5, "extra": "ignored"}, {}),
    ],
)  # fmt: skip
def test_metadata_pick_meta_keys_and_aliases(obj: dict[str, object], meta: dict[str, str]) -> None:
    assert pick_meta(obj) == meta


@pytest.mark.parametrize("sidecar", ["a.meta.json", "a.txt.meta.json"])
def test_metadata_sidecar_names(tmp_path: Path, sidecar: str) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / sidecar).write_text('{"title": "T"}', encoding="utf-8")
    assert sidecar_for(tmp_path / "a.txt") == tmp_path / sidecar
    assert read_sidecar(tmp_path / "a.txt") == ({"title": "T"}, None)


@pytest.mark.parametrize(
    "content, note",
    [
        ('{"title": "T",}', "sidecar a.meta.json ignored: not valid JSON (Expecting property name enclosed in "
                            "double quotes at line 1 column 15)"),
        ("[1, 2]", "sidecar a.meta.json ignored: expected a JSON object, got list"),
    ],
    ids=["malformed", "not-an-object"],
)  # fmt: skip
def test_metadata_bad_sidecar_noted(tmp_path: Path, content: str, note: str) -> None:
    (tmp_path / "a.meta.json").write_text(content, encoding="utf-8")
    assert read_sidecar(tmp_path / "a.txt") == ({}, note)


@pytest.mark.parametrize("name", ["a.meta.json"])
def test_metadata_symlinked_sidecar_not_read(tmp_path: Path, name: str) -> None:
    (tmp_path / "elsewhere.json").write_text('{"title": "T"}', encoding="utf-8")
    (tmp_path / name).symlink_to(tmp_path / "elsewhere.json")
    assert sidecar_for(tmp_path / "a.txt") is None


@pytest.mark.parametrize(
    "name, content, entries, notes",
    [
        ("manifest.json", {"a.txt": {"title": "A"}, "./sub/b.txt": {"lang": "vi"}},
         {"a.txt": {"title": "A"}, "sub/b.txt": {"lang": "vi"}}, []),
        ("manifest.json", [{"file": "a.txt", "date": "2024-01-01"}, {"title": "no file"}],
         {"a.txt": {"date": "2024-01-01"}}, ["manifest manifest.json: 1 record(s) without a file name ignored"]),
        ("manifest.jsonl", [{"path": "a.txt", "publisher": "P"}], {"a.txt": {"publisher": "P"}}, []),
        ("manifest.json", "{broken", {}, ["manifest manifest.json ignored: not valid JSON "
                                          "(Expecting property name enclosed in double quotes at line 1 column 2)"]),
    ],
    ids=["mapping", "list", "jsonl", "malformed"],
)  # fmt: skip
def test_metadata_read_manifest(
    tmp_path: Path, name: str, content: object, entries: dict[str, dict[str, str]], notes: list[str]
) -> None:
    if isinstance(content, str):
        raw = content
    elif name.endswith(".jsonl"):
        raw = "\n".join(json.dumps(r) for r in content)  # type: ignore[union-attr]
    else:
        raw = json.dumps(content)
    (tmp_path / name).write_text(raw, encoding="utf-8")
    assert read_manifest(tmp_path) == (entries, notes)


@pytest.mark.parametrize(
    "name, sidecar, manifest",
    [("a.meta.json", True, False), ("manifest.json", False, True), ("manifest.jsonl", False, True),
     ("a.json", False, False)],
)  # fmt: skip
def test_metadata_file_kinds(name: str, sidecar: bool, manifest: bool) -> None:
    assert (is_sidecar(Path(name)), is_manifest(Path(name))) == (sidecar, manifest)
