"""Clean article text: repair, normalise, drop page chrome, find the title and dateline.

Paragraph breaks (blank lines) are kept because sentence splitting uses them;
line breaks inside a paragraph are kept too, while runs of spaces and tabs
collapse to one space.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from kg.ingest.chrome import SOURCE_LINE, breadcrumb_title, chrome_kind
from kg.ingest.dates import find_dateline

log = logging.getLogger(__name__)

#: How many non-empty lines from the top may hold the title or its repetitions.
TITLE_LINES = 5
#: A headline is at most this long ...
TITLE_MAX_CHARS = 200
#: ... and has at most this many words.
TITLE_MAX_WORDS = 30

_SPACES = re.compile(r"[^\S\n]+")
# control characters other than tab, plus the BOM and soft hyphen.  Unicode
# noncharacters (U+FDD0..U+FDEF, U+FFFE/U+FFFF of every plane) go too: they are
# never text, and raptor silently cuts a literal short at one (and at NUL)
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(p + 0xFFFE) + chr(p + 0xFFFF) for p in range(0, 0x110000, 0x10000))
# Lone surrogates (from a JSON "\\ud800" escape or a file name that is not UTF-8) are no text either and
# cannot be written as UTF-8; bidirectional controls only hide in labels. Zero-width spaces, joiners and the
# word joiner would cut a Latin name in two ("Uni\\u200btel"): they go between Latin letters and digits, and
# stay in Khmer, Thai and Lao text, which uses them between words.
_SURROGATES = "\ud800-\udfff"
_BIDI_CONTROLS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_LATIN = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_INVISIBLE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u00ad{_NONCHARACTERS}{_SURROGATES}{_BIDI_CONTROLS}]"
    f"|(?<=[{_LATIN}])[\u200b-\u200d\u2060]+(?=[{_LATIN}])"
)
_LONE_SURROGATE = re.compile(f"[{_SURROGATES}]")
#: a run of more symbols or punctuation marks than this, without a letter, digit or space, is cut to
#: this length: it is no prose, spaCy's tokenizer takes time growing with the square of a run's length
#: (15,000 '&' took 23 s) and its parser a long time over the tokens of a long one (300,000 '&amp;')
SYMBOL_RUN = 32
_SYMBOL_RUN = re.compile(f"[^\\w\\s]{{{SYMBOL_RUN + 1},}}")
_KEY = re.compile(r"\w+")
_NOT_A_TITLE_END = (".", ":", ";", ",", "។")
# UTF-8 read as cp1252/latin-1 always shows a lead byte (Â..ô) followed by a continuation
# byte (U+0080..U+00BF or its cp1252 character); text without that pair skips ftfy, which is slow
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


@dataclass
class Cleaned:
    """The result of cleaning one article's text.

    Attributes:
        text: Clean body text, paragraphs separated by one blank line.
        title: The title found in the text (a headline line or breadcrumb), if any.
        date: The dateline's ISO date, if any.
        origin: Where the story came from, read off an attribution line ("ที่มา: Cointelegraph").
        notes: What the cleaning changed that the report should say.
    """

    text: str
    title: str | None = None
    date: str | None = None
    origin: str | None = None
    notes: list[str] = field(default_factory=list)


def one_line(value: str) -> str:
    """Return a metadata value or id as one line: invisible characters dropped, whitespace collapsed."""
    return " ".join(_INVISIBLE.sub("", " ".join(value.split())).split())


def drop_surrogates(text: str) -> tuple[str, str | None]:
    """Remove lone surrogates (a JSON ``"\\ud800"``): they are not text and cannot be written as UTF-8.

    Returns:
        The text, and a note for the report when any were removed.
    """
    found = len(_LONE_SURROGATE.findall(text))
    if not found:
        return text, None
    return _LONE_SURROGATE.sub("", text), f"{found} lone surrogate(s) removed (not Unicode text)"


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 read as cp1252/latin-1 ("CafÃ©" → "Café"), and nothing else.

    ftfy's encoding fixer runs only when the text has the byte pattern of
    mojibake and ftfy's badness heuristic agrees, so correct Vietnamese or Thai
    text is never touched (and large clean files are not slowed down).

    Args:
        text: Decoded text.

    Returns:
        The text and whether it was changed.
    """
    from ftfy import fix_encoding  # imported here: ftfy is slowish to import
    from ftfy.badness import is_bad

    if not _MOJIBAKE_HINT.search(text) or not is_bad(text):
        return text, False
    fixed = fix_encoding(text)
    return fixed, fixed != text


def normalise_lines(text: str) -> tuple[list[str], list[str]]:
    """Repair mojibake, apply NFC, drop invisible characters, shorten long symbol runs and collapse spaces.

    Args:
        text: Decoded text.

    Returns:
        The stripped lines, and notes for the report.
    """
    notes: list[str] = []
    text, note = drop_surrogates(text)
    notes += [note] if note else []
    text, repaired = repair_mojibake(text)
    if repaired:
        notes.append("mojibake repaired")
    text = unicodedata.normalize("NFC", text)
    if _SYMBOL_RUN.search(text):
        notes.append(f"runs of more than {SYMBOL_RUN} symbols shortened")
        text = _SYMBOL_RUN.sub(lambda m: m.group()[:SYMBOL_RUN], text)
    lines = [_SPACES.sub(" ", _INVISIBLE.sub("", line.replace("\t", " "))).strip() for line in text.splitlines()]
    return lines, notes


def title_key(text: str) -> str:
    """A comparison key for titles: case-folded words, punctuation and spacing ignored."""
    return " ".join(_KEY.findall(text.casefold()))


def looks_like_title(line: str) -> bool:
    """Return True when a line looks like a headline: short, with letters, no final period.

    Args:
        line: A stripped line.
    """
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith(_NOT_A_TITLE_END)
        and any(ch.isalpha() for ch in line)
    )


#: a line that ends a sentence (or a heading's colon) is never joined to the next
_LINE_END = re.compile(r"[.!?…:;]['\"”’)\]]*$")
#: a line that opens a list item stays a line of its own
_LIST_ITEM = re.compile(r"^(?:[-*•·–]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
#: words a sentence does not end on: a line ending on one runs on in the next ("the Ministry of\nFinance")
_RUN_ON_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "which"}
    | {"who", "và", "của", "các", "những", "với", "cho", "trong", "tại", "về", "là"}
)
#: the width of hard-wrapped text (plain text and Markdown wrapped at 60-100 columns)
WRAP_WIDTH = (55, 100)


def _wrapped_block(block: list[str]) -> bool:
    """A run of lines hard-wrapped at one width: three or more, and most lines but the last that wide."""
    if len(block) < 3:
        return False
    body = block[:-1]
    wide = [line for line in body if WRAP_WIDTH[0] <= len(line) <= WRAP_WIDTH[1]]
    return len(wide) * 3 >= len(body) * 2 and max(map(len, wide), default=0) - min(map(len, wide), default=0) <= 30


def soft_break(prev: str, line: str, wrapped: bool) -> bool:
    """Whether the line break between ``prev`` and ``line`` is inside a sentence (a hard wrap).

    Never after a sentence end or before a list item; then where the next line opens in lower case,
    the line ends on a word no sentence ends on, or the lines are one hard-wrapped block.
    """
    if _LINE_END.search(prev) or _LIST_ITEM.match(line):
        return False
    first = next((ch for ch in line if ch.isalpha()), "")
    words = prev.rsplit(None, 1)
    return (first.islower() and first.upper() != first) or (words[-1].casefold() in _RUN_ON_WORDS) or wrapped


def _paragraphs(lines: list[str]) -> str:
    """Lines joined into paragraphs: blank lines kept as one, hard-wrapped lines joined with a space."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        wrapped = _wrapped_block(block)
        text = block[0]
        for prev, line in itertools.pairwise(block):
            text += (" " if soft_break(prev, line, wrapped) else "\n") + line
        out.append(text)
        block.clear()

    for line in lines:
        if line:
            block.append(line)
        elif block:
            flush()
    if block:
        flush()
    return "\n\n".join(out).strip()


def _top_indices(lines: list[str], n: int) -> list[int]:
    return [i for i, line in enumerate(lines) if line][:n]


def clean_text(
    text: str,
    *,
    title: str | None = None,
    detect_title: bool = True,
    detect_date: bool = True,
) -> Cleaned:
    """Clean an article's text.

    Args:
        text: Decoded text (plain text; Markdown and HTML already converted).
        title: The title when known from metadata; its repetitions at the top are removed.
        detect_title: Whether to take a headline-like first line as the title.
        detect_date: Whether to look for a dateline.

    Returns:
        The clean text with the title, date and origin found in it.
    """
    lines, notes = normalise_lines(text)
    result = Cleaned("", notes=notes)

    dateline = find_dateline(lines) if detect_date else None
    if dateline is not None:
        result.date = dateline.date
        if dateline.lone:
            lines[dateline.line] = ""

    crumb_title: str | None = None
    for i, line in enumerate(lines):
        kind = chrome_kind(line)
        if kind is None:
            continue
        log.debug("dropping %s line: %s", kind, line[:80])
        if kind == "breadcrumb" and crumb_title is None:
            crumb_title = breadcrumb_title(line)
        elif kind == "source" and (m := SOURCE_LINE.match(line)):
            result.origin = m["origin"].strip()
        lines[i] = ""
    if result.origin:
        result.notes.append(f"origin source: {result.origin}")

    top = _top_indices(lines, TITLE_LINES)
    if title is None and detect_title and len(_top_indices(lines, 2)) == 2 and looks_like_title(lines[top[0]]):
        title = lines[top[0]]
        result.title = title
    if title is None and detect_title and crumb_title:
        title = result.title = crumb_title
    if title:
        key = title_key(title)
        for i in top:
            if key and title_key(lines[i]) == key:
                lines[i] = ""

    result.text = _paragraphs(lines)
    return result
