"""The one place where resource IRIs are minted.

IRIs are deterministic (the same key gives the same IRI whatever the corpus)
and plain ASCII, so every Turtle parser and triple store accepts them.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import MKR

_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae"})
_KIND = re.compile(r"^[a-z][a-z0-9-]*$")


def slugify(text: str, *, max_length: int = 80) -> str:
    """Return a lowercase ASCII slug of ``text``.

    Latin-script text keeps its letters (diacritics folded: ``Tô Lâm`` -> ``to-lam``);
    text with nothing left after folding (Thai, Lao, Khmer ...) becomes ``u-`` and
    a hash of its normalised form, so that the slug is still deterministic.

    Args:
        text: Any Unicode text.
        max_length: Longest slug returned; longer ones are cut and given a hash suffix.

    Returns:
        A slug of ``[a-z0-9-]`` characters, never empty.
    """
    norm = unicodedata.normalize("NFKC", text).casefold().strip()
    folded = unicodedata.normalize("NFKD", norm.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    digest = hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()[:10]  # a stray surrogate is no crash
    letters_lost = sum(ch.isalpha() for ch in norm) > 2 * sum(ch.isalpha() for ch in ascii_text)
    if not slug or letters_lost:
        readable = _romanized_slug(norm)  # "เศรษฐพุฒิ สุทธิวาทนฤพุฒิ" -> "senttphuthi-sutthiwatnruephuthi-…"
        if readable:
            return f"{readable[:max_length].rstrip('-')}-{digest[:6]}"
        return f"u-{digest}"
    if len(slug) > max_length:
        return f"{slug[:max_length].rstrip('-')}-{digest[:6]}"
    return slug


_THAI = re.compile(r"[\u0e00-\u0e7f]")
_KHMER = re.compile(r"[\u1780-\u17ff]")
_LAO = re.compile(r"[\u0e80-\u0eff]")


@functools.lru_cache(maxsize=65536)
def _romanized_slug(text: str) -> str:
    """A slug of Thai text romanised by the Royal Institute system (pythainlp, offline), of Lao text by
    :func:`kg.linking.romanize.romanize`; else ``""``.

    The romanisation is a reading aid, not a key: the caller adds a hash of the text, so two
    names that romanise alike still get two IRIs. Other scripts (Khmer) keep the hash alone.
    """
    if _LAO.search(text) and not _THAI.search(text):
        from kg.linking.romanize import romanize as romanize_lao

        reading = romanize_lao(text, "lo") or ""
        return re.sub(r"[^a-z0-9]+", "-", reading.casefold()).strip("-")
    if _KHMER.search(text) and not _THAI.search(text):  # "ជា វ៉ាន់ដេត" -> "chea-vandet"
        from kg.linking.romanize import romanize as romanize_khmer

        reading = romanize_khmer(text, "km") or ""
        return re.sub(r"[^a-z0-9]+", "-", reading.casefold()).strip("-")
    if not _THAI.search(text):
        return ""
    try:
        from pythainlp.transliterate import romanize
    except ImportError:  # pythainlp is a dependency; stay deterministic without it all the same
        return ""
    ascii_text = unicodedata.normalize("NFKD", romanize(text, engine="royin")).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def resource_iri(kind: str, key: str) -> URIRef:
    """Return the IRI ``mkr:{kind}/{slug(key)}``.

    Args:
        kind: Lowercase resource kind (``country``, ``person``, ``article``, ``evidence`` ...).
        key: The identifying text; slugified unless it already is a slug.

    Raises:
        ValueError: When ``kind`` is not a lowercase ASCII word.
    """
    if not _KIND.match(kind):
        raise ValueError(f"resource kind must be a lowercase ASCII word, not {kind!r}")
    slug = key if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", key) else slugify(key)
    return MKR[f"{kind}/{slug}"]


def entity_iri(entity_key: str) -> URIRef:
    """Return the IRI of an entity from its key ``kind/identifier``."""
    kind, _, ident = entity_key.partition("/")
    return resource_iri(kind, ident or kind)


def article_iri(article_id: str) -> URIRef:
    """Return the IRI of an article from its id."""
    return resource_iri("article", article_id)


def source_iri(name: str) -> URIRef:
    """Return the IRI of a curated source of facts (``gazetteer``): what a curated fact's evidence cites."""
    return resource_iri("source", name)


def evidence_iri(subject: URIRef, predicate: URIRef, obj: URIRef, article_id: str, sentence: str) -> URIRef:
    """Return the IRI of the evidence record for one triple, one article and one sentence."""
    raw = "\x1f".join((str(subject), str(predicate), str(obj), article_id, sentence))
    return MKR[f"evidence/{hashlib.sha1(raw.encode('utf-8', 'surrogatepass')).hexdigest()[:20]}"]
