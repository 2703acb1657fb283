"""Markdown to plain text: the words stay, the syntax goes.

Headings lose their ``#``, emphasis and inline code their markers, links become
their text, images and fenced code blocks are dropped (code is not prose), and
list, quote, table and rule syntax is removed.  A YAML front-matter block gives
metadata (``title``, ``date``, ``lang`` ...), not text.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Bracketed and parenthesised parts stop at the next opening bracket, and emphasis at the next marker,
# so that no match attempt scans past the start of another: time stays linear in the line (200,000 '['
# took minutes before, 40,000 characters of '**a ' seven seconds).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\[\]]*\]\([^()]*\)"), ""),  # images
    (re.compile(r"!\[[^\[\]]*\]\[[^\[\]]*\]"), ""),  # reference images
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(?:https?|mailto):[^<>\s]+>"), ""),  # autolinks
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),  # inline HTML tags
    (re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),  # strong **x**
    (re.compile(r"__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__"), r"\1"),  # strong __x__
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis *x*
    (re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"), r"\1"),  # emphasis _x_
    (re.compile(r"~~(.+?)~~"), r"\1"),  # strike-through
)
# escaped punctuation is parked in the private-use area while the rules run
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_PARK = 0xF000
_UNPARK = {_PARK + ord(c): c for c in "\\`*_{}[]()#+-.!>|~"}
_LINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # ATX heading
    (re.compile(r"^\s{0,3}(?:[=-]{3,}|[*_](?:\s*[*_]){2,})\s*$"), ""),  # setext underline, rule
    (re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$"), ""),  # link reference definition
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"), ""),  # table separator
    (re.compile(r"^\s{0,3}(?:>\s?)+"), ""),  # block quote
    (re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])\s+"), ""),  # list item
)


_BACKTICKS = re.compile(r"`+")


def _inline_code(line: str) -> str:
    """Drop the backticks of inline code spans: a run of backticks closes at the next run of the
    same length (one pass, linear; a regex with a back-reference took cubic time on a run of backticks)."""
    runs = list(_BACKTICKS.finditer(line))
    if len(runs) < 2:
        return line
    closer: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        width = len(runs[i].group())
        closer[i] = later.get(width)
        later[width] = i
    out: list[str] = []
    pos = i = 0
    while i < len(runs):
        j = closer[i]
        if j is None:
            i += 1
            continue
        inner = line[runs[i].end() : runs[j].start()]
        out += [line[pos : runs[i].start()], inner]
        pos = runs[j].end()
        i = j + 1
    out.append(line[pos:])
    return "".join(out)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a YAML front-matter block of simple ``key: value`` lines off a Markdown text.

    Args:
        text: The Markdown source.

    Returns:
        The metadata (lower-case keys, unquoted values) and the rest of the text.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m["body"].splitlines():
        fm = _FM_LINE.match(line)
        if fm and fm["value"]:
            meta[fm["key"].lower()] = fm["value"].strip("\"'")
    return meta, text[m.end() :]


def strip_markdown(text: str) -> str:
    """Return the plain text of a Markdown document (front matter not included).

    Args:
        text: Markdown source without front matter.

    Returns:
        The text, one output line per source line, fenced code removed.
    """
    out: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        line = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), line)
        for regex, repl in _LINE_RULES:
            line = regex.sub(repl, line)
        for regex, repl in _RULES:
            line = regex.sub(repl, line)
        line = _inline_code(line)
        if "|" in line and line.strip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(line.translate(_UNPARK))
    return "\n".join(out)
