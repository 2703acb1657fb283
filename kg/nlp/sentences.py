"""Language-independent sentence splitting helpers working on character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
# A sentence ends at . ! ? … followed by space and an upper-case letter, a digit or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ0-9])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|No|Nos|St|Co|Ltd|Inc|Corp|vs|etc|H\.E|U\.S|Jr|Sr|TS|PGS|ThS)\.|\b[A-Z]\.)$"
)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the non-empty lines/paragraphs of ``text``."""
    pos = 0
    for match in _PARAGRAPH.finditer(text + "\n"):
        start, end = pos, match.start()
        pos = match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def split_punctuated(text: str) -> list[tuple[int, int]]:
    """Split text whose sentences end with . ! ? (English, Vietnamese ...) into (start, end) spans."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if _ABBREVIATIONS.search(text[start : match.start()]):
                continue
            end = match.start()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
            start = match.end()
        if p_end > start:
            spans.append((start, p_end))
    return spans


def split_long(text: str, spans: list[tuple[int, int]], *, limit: int = 500) -> list[tuple[int, int]]:
    """Cut spans longer than ``limit`` characters at the space nearest their middle (unspaced scripts)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            window = text[start + limit // 2 : start + limit]
            cut = window.rfind(" ")
            if cut < 0:
                break
            split_at = start + limit // 2 + cut
            out.append((start, split_at))
            start = split_at + 1
        out.append((start, end))
    return out
