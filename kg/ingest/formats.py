"""One reader per input format, registered by file extension.

A reader turns a file's decoded text into :class:`RawDoc` records: the text to
clean plus the metadata the file itself states.  Most formats give one record;
JSON Lines gives one per line, and a bad line becomes a record with a
``failure`` so that it is reported alone while its neighbours are read.  A
reader raises :class:`~kg.errors.InputError` when the whole file is unusable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.ingest.clean import drop_surrogates
from kg.ingest.html import extract_html
from kg.ingest.jsontext import JsonProblem, load_json
from kg.ingest.markdown import front_matter, strip_markdown
from kg.ingest.metadata import pick_meta

#: Keys that may hold an article object's text, in order of preference.
TEXT_KEYS: tuple[str, ...] = ("text", "body", "content")
_LOOKS_LIKE_HTML = re.compile(r"<(?:p|div|br|html|body|article|h[1-6])\b[^>]*>", re.IGNORECASE)


@dataclass
class RawDoc:
    """One article as read from a file, before cleaning.

    Attributes:
        text: Plain text to clean (Markdown and HTML already converted).
        meta: Metadata the file states (``title``, ``lang``, ``date``, ``publisher``, ``source``).
        notes: Remarks for the report.
        line: Line number within a JSON Lines file.
        doc_id: The article's own id, when the file gives one.
        declared_lang: A language the page declares (``<html lang>``), trusted less than detection.
        failure: Why this record is unusable, when it is.
    """

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    line: int | None = None
    doc_id: str | None = None
    declared_lang: str | None = None
    failure: str | None = None


Reader = Callable[[str, Path], list[RawDoc]]


def read_plain(text: str, path: Path) -> list[RawDoc]:
    """Read a plain-text article."""
    return [RawDoc(text)]


def read_markdown(text: str, path: Path) -> list[RawDoc]:
    """Read a Markdown article; front matter gives metadata."""
    meta, body = front_matter(text)
    return [RawDoc(strip_markdown(body), pick_meta(meta))]


def _from_html(markup: str) -> RawDoc:
    page = extract_html(markup)
    meta = dict(page.meta)
    declared = meta.pop("lang", None)
    return RawDoc(page.text, meta, list(page.notes), declared_lang=declared)


def read_html(text: str, path: Path) -> list[RawDoc]:
    """Read a saved web page: main text and metadata via trafilatura."""
    return [_from_html(text)]


def _from_object(obj: object) -> RawDoc:
    if not isinstance(obj, Mapping):
        return RawDoc("", failure=f"expected an article object, got {_json_type(obj)}")
    body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if body is None:
        present = [k for k in TEXT_KEYS if k in obj]
        problem = f"empty {present[0]} field" if present else f"no text field (expected one of {', '.join(TEXT_KEYS)})"
        return RawDoc("", failure=problem)
    body, note = drop_surrogates(body)
    doc = _from_html(body) if _LOOKS_LIKE_HTML.search(body) else RawDoc(body)
    doc.notes += [note] if note else []
    doc.meta.update(pick_meta(obj))
    raw_id = obj.get("id")
    if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip():
        doc.doc_id = str(raw_id).strip()
    return doc


def _json_type(obj: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", type(None): "null", bool: "a boolean"}.get(type(obj), "a number")


def read_json(text: str, path: Path) -> list[RawDoc]:
    """Read one article object (``text``/``body``/``content``, ``title``, ``lang``, ``date`` ...).

    Raises:
        InputError: When the file is not JSON, not an object, or has no text.
    """
    try:
        obj = load_json(text)
    except JsonProblem as e:
        raise InputError(path, str(e)) from e
    if isinstance(obj, list):
        raise InputError(path, "expected one article object, got a list (use .jsonl for many articles)")
    doc = _from_object(obj)
    if doc.failure:
        raise InputError(path, doc.failure)
    return [doc]


def read_jsonl(text: str, path: Path) -> list[RawDoc]:
    """Read one article object per line; a bad line becomes a failed record, blank lines are ignored."""
    docs: list[RawDoc] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = load_json(line)
        except JsonProblem as e:
            doc = RawDoc("", failure=str(e).replace(" at line 1 column", " at column"))
        else:
            doc = _from_object(obj)
        doc.line = number
        docs.append(doc)
    return docs


#: extension -> reader; the extensions ingest reads, every other file is "not an article format".
FORMATS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}
