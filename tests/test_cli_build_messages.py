"""``kg build`` prints each input problem once, and no progress bar into a log (its summary on a line of its own)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_kg


def test_each_problem_is_printed_once_and_the_summary_has_its_own_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Velmora Bank opened a branch in Vientiane, Laos.\n", encoding="utf-8")
    (corpus / "lines.jsonl").write_text('{"text": "Sorvane Telecom launched 5G in Laos."}\n{"text": broken\n', encoding="utf-8")
    (corpus / "bad.json").write_text('{"text": ', encoding="utf-8")
    proc = run_kg("build", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--no-html")
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr.splitlines()
    for name in ("lines.jsonl:2", "bad.json"):
        hits = [line for line in err if name in line]
        assert len(hits) == 1, err
        assert hits[0].startswith(f"kg: {name}: failed: not valid JSON")
    assert "extracting" not in proc.stderr + proc.stdout  # no progress bar when stderr is not a terminal
    assert proc.stdout.splitlines()[0].startswith("built 2 articles (0 skipped, 2 failed)")
