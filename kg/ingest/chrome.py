"""Page chrome: the lines of a saved web page that are not part of the article.

Each :class:`ChromePattern` matches one whole line (after whitespace has been
collapsed) and carries a ``max_len`` so that a real paragraph which happens to
start the same way ("Related: the ministry said ...") is not thrown away: chrome
lines are short.  The patterns, in order:

``template``
    Server-side template or PHP code left in the text by a broken scrape
    (``<?php wp_title('|', true, 'right'); ?>``, ``{{ title }}``, ``{% block %}``),
    or a line made only of HTML tags.
``audio_player``
    Text-to-speech widgets: "Getting your Trinity Audio player ready...",
    "Listen to this article", Vietnamese "Nghe bài viết".
``breadcrumb``
    Navigation trails such as "Homepage > News > Business > Vietnam calls ...",
    recognised by a leading home crumb or by two or more ``>``/``»``/``›``
    separators between short crumbs.  The last crumb is often the title; see
    :func:`breadcrumb_title`.
``trailer``
    Links to other content: lines starting "Watch:", "Read more:", "Related:",
    "See also:", Vietnamese "Xem thêm:", "Tin liên quan:", Thai "อ่านเพิ่มเติม:".
``follow_us``
    Social-media calls: "Follow us on ...", Vietnamese "Theo dõi ... trên ...",
    Thai "ติดตาม…บน…" ("follow … on …", as in "ติดตามสยามบล็อกเชนบนSiam Blockchain").
``share``
    Share buttons: "Share this", "Share on Facebook", "Chia sẻ", "แชร์".
``cookie_banner``
    Consent banners: "We use cookies ...", "This website uses cookies ...".
``newsletter``
    "Subscribe to our newsletter", "Sign up for ...", "Đăng ký nhận tin".
``advertisement``
    A lone "Advertisement" / "Quảng cáo" / "โฆษณา" placeholder.
``tags``
    Tag lists: "Tags: ...", "Từ khóa: ...", "แท็ก: ...".

:data:`SOURCE_LINE` (attribution such as "ที่มา: Cointelegraph") is kept apart
because the name it gives is worth noting before the line is dropped.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class ChromePattern(NamedTuple):
    """One kind of page chrome line.

    Attributes:
        name: Short name, used in debug logs.
        regex: Matched with ``search`` against the whole, whitespace-collapsed line.
        max_len: Lines longer than this are never treated as this kind of chrome.
    """

    name: str
    regex: re.Pattern[str]
    max_len: int


_I = re.IGNORECASE

CHROME_PATTERNS: tuple[ChromePattern, ...] = (
    ChromePattern(
        "template",
        re.compile(r"^(?:<\?(?:php)?.*?\?>|\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|<[^<>]+>|\s)+$", _I),
        500,
    ),
    ChromePattern(
        "audio_player",
        re.compile(
            r"^(?:getting your\b.{0,40}\bplayer ready|listen to (?:this|the) (?:article|story)\b"
            r"|nghe (?:đọc )?bài viết\b)",
            _I,
        ),
        120,
    ),
    ChromePattern(
        "breadcrumb",
        re.compile(
            r"(?:^|\s)(?:home|homepage|trang chủ|หน้าแรก|ໜ້າຫຼັກ|ទំព័រដើម)\s*[>»›]\s*\S"
            r"|^[^>»›]{1,60}(?:\s[>»›]\s[^>»›]{1,100}){2,}$",
            _I,
        ),
        300,
    ),
    ChromePattern(
        "trailer",
        re.compile(
            r"^(?:watch|read more|read also|also read|related(?: articles?| news| stories)?|see also"
            r"|xem thêm|đọc thêm|tin liên quan|bài liên quan|อ่านเพิ่มเติม|อ่านข่าวที่เกี่ยวข้อง"
            r"|ข่าวที่เกี่ยวข้อง)\s*[:：]",
            _I,
        ),
        200,
    ),
    ChromePattern(
        "follow_us",
        re.compile(
            r"^(?:follow us\b|follow\b.{1,40}\bon\s+(?:facebook|twitter|x|telegram|line|google)\b"
            r"|theo dõi\b.{1,40}\btrên\b|ติดตาม.{1,60}บน)",
            _I,
        ),
        120,
    ),
    ChromePattern("share", re.compile(r"^(?:share (?:this|on|via)\b|share$|chia sẻ\b|แชร์)", _I), 80),
    ChromePattern(
        "cookie_banner",
        re.compile(
            r"\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|accept (?:all )?cookies"
            r"|cookie (?:policy|settings)|sử dụng cookie)",
            _I,
        ),
        400,
    ),
    ChromePattern(
        "newsletter",
        re.compile(r"^(?:subscribe to\b|sign up for\b.{0,40}\bnewsletter|đăng ký nhận (?:tin|bản tin))", _I),
        150,
    ),
    ChromePattern("advertisement", re.compile(r"^(?:advertisement|sponsored|quảng cáo|โฆษณา)\W*$", _I), 30),
    ChromePattern("tags", re.compile(r"^(?:tags?|từ khóa|từ khoá|แท็ก)\s*[:：]", _I), 300),
)

#: An attribution line; the ``origin`` group names where the story came from.
SOURCE_LINE: re.Pattern[str] = re.compile(
    r"^(?:source|sources|nguồn|ที่มา|แหล่งที่มา|ແຫຼ່ງຂໍ້ມູນ|ແຫຼ່ງທີ່ມາ|ប្រភព)\s*[:：]\s*(?P<origin>\S.{0,80})$",
    _I,
)

_CRUMB_SPLIT = re.compile(r"\s+[>»›]\s+")


def chrome_kind(line: str) -> str | None:
    """Return the name of the chrome pattern a line matches, or None for article text.

    Args:
        line: One line, stripped and whitespace-collapsed.

    Returns:
        The pattern's name, ``"source"`` for an attribution line, or None.
    """
    if not line:
        return None
    for pattern in CHROME_PATTERNS:
        if len(line) <= pattern.max_len and pattern.regex.search(line):
            return pattern.name
    if SOURCE_LINE.match(line):
        return "source"
    return None


def breadcrumb_title(line: str) -> str | None:
    """Return the last crumb of a breadcrumb line, which is usually the headline.

    Args:
        line: A line that :func:`chrome_kind` calls a breadcrumb.

    Returns:
        The last crumb when it looks like a phrase of several words, else None.
    """
    crumbs = _CRUMB_SPLIT.split(line)
    if len(crumbs) < 2:
        return None
    last = crumbs[-1].strip()
    return last if len(last.split()) >= 3 else None
