"""Saved web pages: the article's main text and metadata, via trafilatura.

trafilatura finds the main content and drops navigation, footers, scripts and
comments; its ``bare_extraction`` also reads the title, date and site name.
When it finds nothing (a page too small or too odd for its heuristics), a
plain tag stripper that skips ``script``/``style``/``nav``/``header``/
``footer``/``aside``/``form`` takes over.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

log = logging.getLogger(__name__)

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9-]+)?", re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe",
     "button", "select", "head"}
)  # fmt: skip
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
     "blockquote", "pre", "table", "tr", "figcaption", "figure", "dd", "dt", "hr"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"})


@dataclass
class HtmlPage:
    """What was read from a saved web page.

    Attributes:
        text: Main text, one paragraph per block, blank lines between.
        meta: ``title``, ``date``, ``lang``, ``publisher``, ``source`` where found.
        notes: How the text was obtained when not in the usual way.
    """

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


class _TagStripper(HTMLParser):
    """Collect the text outside of non-content elements, one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def strip_tags(markup: str) -> str:
    """Return the visible text of an HTML fragment or page, without trafilatura.

    Args:
        markup: HTML.

    Returns:
        The text outside scripts, styles and navigation, blank lines between blocks.
    """
    parser = _TagStripper()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _as_dict(doc: object) -> dict[str, object]:
    # trafilatura 2.x returns a Document, 1.x a dict
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    as_dict = getattr(doc, "as_dict", None)
    return as_dict() if callable(as_dict) else {}


def _table_row(line: str) -> str:
    """A line of trafilatura's Markdown-like table ("| a | b |") as plain words; others unchanged."""
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return line
    cells = [c.strip() for c in line.strip("|").split("|")]
    if all(set(c) <= set(":- ") for c in cells):
        return ""  # separator row
    return " ".join(c for c in cells if c)


def extract_html(markup: str) -> HtmlPage:
    """Extract an article's main text and metadata from a saved web page.

    Args:
        markup: The page's HTML.

    Returns:
        The page's text and metadata; the text is empty when the page has none.
    """
    import trafilatura  # imported here: heavy, and only HTML inputs need it

    meta: dict[str, str] = {}
    if m := _HTML_LANG.search(markup[:5000]):
        meta["lang"] = m.group(1).lower()
    found = _as_dict(
        trafilatura.bare_extraction(
            markup,
            output_format="python",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # only dates the page states in its markup; a full-text search takes copyright years
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    )
    for ours, theirs in (("title", "title"), ("date", "date"), ("publisher", "sitename"), ("source", "url")):
        value = found.get(theirs)
        if isinstance(value, str) and value.strip():
            meta[ours] = value.strip()
    text = found.get("text")
    if isinstance(text, str) and text.strip():
        # trafilatura puts one block per line; the pipeline wants blank lines between paragraphs
        blocks = (_table_row(line) for line in text.splitlines())
        return HtmlPage("\n\n".join(b for b in blocks if b), meta)
    if "title" not in meta and (t := _TITLE.search(markup)):
        meta["title"] = " ".join(html_lib.unescape(t.group(1)).split())
    log.debug("trafilatura found no main text; stripping tags")
    return HtmlPage(strip_tags(markup), meta, ["main text not found by trafilatura; tags stripped"])
