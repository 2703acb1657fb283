"""Ingest: files in a corpus folder to clean :class:`~kg.records.Article` records.

The stage's entry points are :func:`discover_inputs` (which files to look at)
and :func:`read_articles` (read, clean, identify, deduplicate).  Every input
file (each line of a JSON Lines file) gets exactly one entry in the
:class:`~kg.report.BuildReport`: ``ok``, ``skipped`` (not an article, empty, a
duplicate) or ``failed`` (unusable), with the reason.  A bad file never stops
the stage; it is logged as one warning line naming the file and the problem.

Modules: :mod:`~kg.ingest.decode` (bytes to text), :mod:`~kg.ingest.formats`
(one reader per extension, using :mod:`~kg.ingest.markdown` and
:mod:`~kg.ingest.html`), :mod:`~kg.ingest.clean` (repair, page chrome from
:mod:`~kg.ingest.chrome`, title, dateline from :mod:`~kg.ingest.dates`),
:mod:`~kg.ingest.metadata` (sidecars and manifest),
:mod:`~kg.ingest.language` and :mod:`~kg.ingest.dedupe`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.clean import clean_text, one_line
from kg.ingest.dates import parse_date
from kg.ingest.decode import decode_bytes
from kg.ingest.dedupe import Deduplicator
from kg.ingest.formats import FORMATS, RawDoc
from kg.ingest.language import detect_language
from kg.ingest.metadata import is_manifest, is_sidecar, read_manifest, read_sidecar
from kg.iri import article_iri
from kg.records import LANGUAGES, Article
from kg.report import BuildReport, Status

__all__ = ["DEFAULT_MAX_BYTES", "detect_language", "discover_inputs", "printable_name", "read_articles"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
#: Corpus languages for which kg's NLP has little to work with.
THIN_COVERAGE: frozenset[str] = frozenset({"lo", "km"})
_LANG_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def discover_inputs(corpus: Path) -> list[Path]:
    """List the candidate input files under a folder, recursively, sorted.

    Hidden files and folders (``.name``) are left out, and so are metadata files
    (``NAME.meta.json`` sidecars and ``manifest.json``/``manifest.jsonl``).
    Symlinked folders, and folders that cannot be listed, are listed as paths, not
    entered, so that :func:`read_articles` accounts for them.

    Args:
        corpus: The corpus folder.

    Returns:
        The files, sorted by their path relative to ``corpus``.

    Raises:
        InputError: When ``corpus`` is not a folder.
    """
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise InputError(corpus, "no such folder")
    found: list[Path] = []

    def unreadable(error: OSError) -> None:  # a folder that cannot be listed is reported, not left out
        if error.filename is not None:
            found.append(Path(error.filename))

    for dirpath, dirnames, filenames in os.walk(corpus, onerror=unreadable, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [here / d for d in dirnames if (here / d).is_symlink()]
        for name in filenames:
            path = here / name
            if name.startswith(".") or is_sidecar(path) or is_manifest(path):
                continue
            found.append(path)
    return sorted(dict.fromkeys(found), key=lambda p: p.relative_to(corpus).as_posix())


def printable_name(name: str) -> str:
    """A file name as text that can be written: bytes that were not UTF-8 (held by Python as lone
    surrogates, ``"\\udcff"``) become U+FFFD."""
    try:
        return name.encode("utf-8").decode("utf-8")
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte gave
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def is_build_output(path: Path) -> bool:
    """Return True for a file ``kg build`` wrote: ``graph.*`` or ``report.json`` beside a graph.ttl and report.json.

    An output folder inside the corpus (``kg build corpus --out corpus/build``)
    would otherwise feed the last build's graph.html back in as an article.
    """
    if path.name != "report.json" and not path.name.startswith("graph."):
        return False
    return (path.parent / "graph.ttl").is_file() and (path.parent / "report.json").is_file()


def read_articles(
    paths_or_dir: Path | str | Iterable[Path | str],
    *,
    report: BuildReport,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Read every input, yield the clean articles, and account for every file in the report.

    Report entries are added as the iterator is consumed.  Metadata from a
    sidecar or the corpus manifest overrides what is detected in the text.

    Args:
        paths_or_dir: A corpus folder (read recursively, see
            :func:`discover_inputs`), one file, or several files and folders;
            the corpus folder of a list is the common parent of its items.
        report: The build report that receives one entry per file (per line
            for JSON Lines).
        max_bytes: Files larger than this fail without being read.

    Returns:
        An iterator of articles, in input order, duplicates left out.

    Raises:
        InputError: When a folder given does not exist (bad files are reported, not raised).
    """
    if isinstance(paths_or_dir, str | Path):
        given = Path(paths_or_dir)
        if given.is_dir():
            return _Reader(given, report, max_bytes).run(discover_inputs(given))
        if not given.exists() and not given.is_symlink():
            raise InputError(given, "no such file or folder")
        return _Reader(given.parent, report, max_bytes).run([given])
    paths: list[Path] = []
    items = [Path(p) for p in paths_or_dir]
    for item in items:
        paths += discover_inputs(item) if item.is_dir() and not item.is_symlink() else [item]
    parents = [str(p.absolute() if p.is_dir() and not p.is_symlink() else p.absolute().parent) for p in items]
    root = Path(os.path.commonpath(parents)) if parents else Path.cwd()
    return _Reader(root, report, max_bytes).run(paths)


class _Reader:
    """The state of one ingest run: corpus root, manifest, ids and texts seen."""

    def __init__(self, root: Path, report: BuildReport, max_bytes: int) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.report = report
        self.max_bytes = max_bytes
        self.dedupe = Deduplicator()
        self.ids: dict[str, str] = {}  # article IRI -> the label of the file that has it
        self.manifest, notes = read_manifest(root)
        report.notes += notes

    def run(self, paths: list[Path]) -> Iterator[Article]:
        for path in paths:
            yield from self._file(path)

    def _label(self, path: Path) -> str:
        try:
            label = path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            label = path.as_posix()
        return printable_name(label)

    def _record(
        self,
        label: str,
        status: Status,
        reason: str | None = None,
        *,
        article_id: str | None = None,
        lang: str | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.report.add_file(label, status, reason=reason, article_id=article_id, lang=lang, notes=notes)
        if status != "ok":
            quiet = reason in {"not an article format", "kg build output, not an article"}
            (log.info if quiet else log.warning)("%s: %s", label, reason)

    def _file(self, path: Path) -> Iterator[Article]:
        label = self._label(path)
        recorded = len(self.report.files)
        try:
            yield from self._read_file(path, label)
        except Exception as e:  # a bug on one odd file must not stop the build
            if len(self.report.files) == recorded:
                log.debug("%s", label, exc_info=True)
                self._record(label, "failed", f"could not be read: {type(e).__name__}: {str(e)[:200]}")

    def _read_file(self, path: Path, label: str) -> Iterator[Article]:
        problem = self._refusal(path)
        if problem:
            self._record(label, *problem)
            return
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise InputError(path, f"file is {size} bytes, over the limit of {self.max_bytes} (use --max-bytes)")
            data = path.read_bytes()
            decoded = decode_bytes(data, path, html=path.suffix.lower() in {".html", ".htm", ".xhtml"})
            if not decoded.text.strip():
                self._record(label, "skipped", "empty file")
                return
            docs = FORMATS[path.suffix.lower()](decoded.text, path)
        except InputError as e:
            self._record(label, "failed", e.problem)
            return
        except OSError as e:
            self._record(label, "failed", f"cannot read: {e.strerror or e}")
            return
        if not docs:
            self._record(label, "skipped", "empty file")
            return
        sidecar_meta, sidecar_note = read_sidecar(path) if path.suffix.lower() not in {".jsonl", ".ndjson"} else ({}, None)
        for doc in docs:
            doc_label = label if doc.line is None else f"{label}:{doc.line}"
            notes = list(decoded.notes)
            if printable_name(path.name) != path.name:
                notes.append("file name is not valid UTF-8; undecodable bytes shown as \ufffd")
            if sidecar_note:
                notes.append(sidecar_note)
                log.warning("%s: %s", label, sidecar_note)
            given = {**doc.meta, **self.manifest.get(doc_label, {}), **sidecar_meta}
            try:
                article = self._article(path, doc, doc_label, given, notes)
            except Exception as e:  # one bad line of a JSON Lines file fails alone
                log.debug("%s", doc_label, exc_info=True)
                self._record(doc_label, "failed", f"could not be read: {type(e).__name__}: {str(e)[:200]}")
                continue
            if article is not None:
                yield article

    def _refusal(self, path: Path) -> tuple[Status, str] | None:
        """Why a path is not read at all, or None."""
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # missing target, or a loop (RuntimeError before 3.13)
                return "skipped", "broken symlink"
            if not target.is_relative_to(self.real_root):
                return "skipped", "symlink outside the corpus"
            if target.is_dir():
                return "skipped", "symlinked folder not followed"
        elif not path.exists():
            return "failed", "no such file"
        elif path.is_dir():
            try:
                with os.scandir(path):
                    pass
            except OSError as e:
                return "failed", f"cannot read folder: {e.strerror or e}"
        if is_sidecar(path) or is_manifest(path):
            return "skipped", "metadata file, not an article"
        if is_build_output(path):
            return "skipped", "kg build output, not an article"
        if path.suffix.lower() not in FORMATS:
            return "skipped", "not an article format"
        if not path.is_file():
            return "skipped", "not a regular file"
        return None

    def _article(self, path: Path, doc: RawDoc, label: str, given: dict[str, str], notes: list[str]) -> Article | None:
        if doc.failure:
            self._record(label, "failed", doc.failure)
            return None
        notes += doc.notes
        cleaned = clean_text(doc.text, title=given.get("title"))
        notes += cleaned.notes
        if not cleaned.text:
            self._record(label, "skipped", "no article text after cleaning", notes=notes)
            return None
        title = given.get("title") or cleaned.title
        date = cleaned.date
        if "date" in given:
            date = parse_date(given["date"]) or date
            if parse_date(given["date"]) is None:
                notes.append(f"date {given['date']!r} not understood; ignored")
        lang = self._language(given, doc, f"{title or ''}\n{cleaned.text}", notes)
        dup = self.dedupe.check(cleaned.text, label)
        if dup is not None:
            self._record(label, "skipped", dup.reason, lang=lang, notes=notes)
            return None
        source = given.get("source", "")
        article = Article(
            id=self._unique_id(doc, path, label, notes),
            text=cleaned.text,
            lang=lang,
            title=title,
            date=date,
            source=source if "://" in source else label,
            publisher=given.get("publisher"),
            sha256=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest(),
            path=path,
        )
        self._record(label, "ok", article_id=article.id, lang=lang, notes=notes)
        if notes:
            log.info("%s: %s", label, "; ".join(notes))
        return article

    @staticmethod
    def _language(given: dict[str, str], doc: RawDoc, text: str, notes: list[str]) -> str:
        detected = detect_language(text)
        stated = given.get("lang")
        m = _LANG_TAG.match(stated) if stated else None
        if stated and not m:
            notes.append(f"lang {stated!r} is not a language tag; ignored")
        if m:
            lang, how = m.group(1).lower(), "given"
            if detected not in ("und", lang):
                notes.append(f"lang given as {lang} but the text looks {detected}")
        elif detected == "und" and doc.declared_lang:
            lang, how = doc.declared_lang, "declared by the page"
        else:
            lang, how = detected, "detected"
            if doc.declared_lang and doc.declared_lang != detected:
                notes.append(f"page declares lang {doc.declared_lang} but the text looks {detected}")
        if lang == "und":
            notes.append("language not recognised")
        elif lang in THIN_COVERAGE:
            notes.append(f"language {how} as {lang}: thin NLP coverage")
        elif lang not in LANGUAGES:
            notes.append(f"language {how} as {lang}: not one of the corpus languages ({', '.join(LANGUAGES)})")
        return lang

    def _unique_id(self, doc: RawDoc, path: Path, label: str, notes: list[str]) -> str:
        """The article's id: as given (one line), else from the file name; unique by the IRI it mints.

        Two ids that differ only in case or punctuation ("A B", "a-b") would
        mint the same article IRI and merge two articles into one node, so the
        later one is renamed.  An id is only ever a name: it is never used as a path.
        """
        stem = one_line(printable_name(path.stem)) or "article"
        if doc.doc_id and one_line(doc.doc_id):
            wanted = one_line(doc.doc_id)
        elif doc.line is not None:
            wanted = f"{stem}-{doc.line}"
        else:
            wanted = stem
        article_id, n = wanted, 1
        while article_iri(article_id) in self.ids:
            n += 1
            article_id = f"{wanted}-{n}"
        if article_id != wanted:
            notes.append(f"id {wanted} already used by {self.ids[article_iri(wanted)]}; this article is {article_id}")
        self.ids[article_iri(article_id)] = label
        return article_id
