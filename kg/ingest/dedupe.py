"""Duplicate articles: exact copies by hash, near copies by MinHash with LSH banding.

Exact duplicates are found by the SHA-256 of the normalised text (case-folded,
whitespace collapsed).  Near duplicates (the same story with another trailer
line or byline) are found by the Jaccard similarity of their shingle sets,
estimated from a MinHash signature of :data:`NUM_PERM` values per article.
Signatures are cut into :data:`BANDS` bands; articles sharing a band are
candidates, and a candidate whose estimated similarity reaches the threshold
is a near duplicate.  Memory is one hash and one small signature per article.

Shingles are word 5-grams, or character 8-grams for text written without
spaces between words (Thai, Lao, Khmer), where "words" are whole phrases.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

NUM_PERM = 128
BANDS = 16
WORD_SHINGLE = 5
CHAR_SHINGLE = 8
#: Texts with fewer shingles than this are only checked for exact duplicates.
MIN_SHINGLES = 5
_PRIME = (1 << 32) - 5  # largest prime below 2**32: a*h + b stays within uint64
_PUNCT = "\"'“”‘’«»()[]{}.,;:!?…-–—/|*#"


@dataclass(frozen=True)
class Duplicate:
    """An article found to duplicate an earlier one.

    Attributes:
        of: The label (file name) of the earlier article.
        similarity: Estimated Jaccard similarity; 1.0 for an exact duplicate.
        exact: Whether the normalised texts are identical.
    """

    of: str
    similarity: float
    exact: bool

    @property
    def reason(self) -> str:
        """The report's reason for skipping the later article."""
        if self.exact:
            return f"duplicate of {self.of}"
        return f"near-duplicate of {self.of} (similarity {self.similarity:.2f})"


def normalise_for_hash(text: str) -> str:
    """Case-fold and collapse whitespace, so trivial differences do not hide a copy."""
    return " ".join(text.casefold().split())


def shingles(text: str) -> set[str]:
    """Return the shingle set of a normalised text (word 5-grams, or character 8-grams).

    Args:
        text: Text from :func:`normalise_for_hash`.
    """
    words = [w for w in (t.strip(_PUNCT) for t in text.split()) if w]
    if words and sum(map(len, words)) / len(words) <= 12:
        return {" ".join(words[i : i + WORD_SHINGLE]) for i in range(max(1, len(words) - WORD_SHINGLE + 1))}
    squeezed = "".join(words)
    return {squeezed[i : i + CHAR_SHINGLE] for i in range(max(1, len(squeezed) - CHAR_SHINGLE + 1))}


def _blake4(shingle: str) -> bytes:
    return hashlib.blake2b(shingle.encode("utf-8", "surrogatepass"), digest_size=4).digest()


class Deduplicator:
    """Remembers the articles seen so far and tells whether a new one repeats one of them.

    Args:
        threshold: Estimated Jaccard similarity from which an article is a near duplicate.
    """

    def __init__(self, *, threshold: float = 0.9) -> None:
        import numpy as np  # imported here: numpy is only needed once articles arrive

        self.threshold = threshold
        self._np = np
        rng = np.random.default_rng(20240530)  # fixed: signatures must not change between runs
        self._a = rng.integers(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
        self._b = rng.integers(0, _PRIME, size=NUM_PERM, dtype=np.uint64)
        self._exact: dict[str, str] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]

    def _signature(self, items: set[str]) -> np.ndarray:
        np = self._np
        hashes = np.fromiter(
            (int.from_bytes(_blake4(s), "little") for s in items),
            dtype=np.uint64,
            count=len(items),
        )
        # one row per permutation; chunks keep the temporary matrix small for long texts
        sig = np.full(NUM_PERM, _PRIME, dtype=np.uint64)
        for start in range(0, len(hashes), 4096):
            chunk = hashes[start : start + 4096]
            values = (self._a[:, None] * chunk[None, :] + self._b[:, None]) % np.uint64(_PRIME)
            sig = np.minimum(sig, values.min(axis=1))
        return sig

    def check(self, text: str, label: str) -> Duplicate | None:
        """Return the duplicate an article is of, or remember it as new.

        Args:
            text: The article's clean text.
            label: How to name the article in a later duplicate's reason.

        Returns:
            The earlier article it duplicates, or None (and the article is remembered).
        """
        norm = normalise_for_hash(text)
        digest = hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()  # ingest removes them; never a crash
        if digest in self._exact:
            return Duplicate(self._exact[digest], 1.0, exact=True)
        self._exact[digest] = label
        items = shingles(norm)
        if len(items) < MIN_SHINGLES:
            return None
        sig = self._signature(items)
        rows = NUM_PERM // BANDS
        keys = [sig[i * rows : (i + 1) * rows].tobytes() for i in range(BANDS)]
        best: Duplicate | None = None
        for band, key in zip(self._bands, keys, strict=True):
            for other in band.get(key, ()):
                similarity = float((self._signatures[other] == sig).mean())
                if similarity >= self.threshold and (best is None or similarity > best.similarity):
                    best = Duplicate(other, similarity, exact=False)
        if best is not None:
            del self._exact[digest]  # a skipped article is not an original for later ones
            return best
        self._signatures[label] = sig
        for band, key in zip(self._bands, keys, strict=True):
            band.setdefault(key, []).append(label)
        return None
