"""Publication dates: read from a dateline near the top of an article, or from metadata.

Only the first few non-empty lines are searched, and only lines that look like a
dateline (short, or with the date near the start), so a date mentioned in the
body ("the plan for 2021-2025 ...", "on 26 May ...") is not taken for the
publication date.  Recognised forms:

* ISO ``2025-02-26`` (also ``2025/02/26``), as in ``date 2025-02-26``;
* day-first numeric ``30/05/2023``, ``30-05-2023``, ``30.05.2023`` (Vietnamese,
  Thai, Lao and Khmer sites write the day first), optionally with a time
  ``05:40, 30/05/2023``;
* Vietnamese ``Ngày 30 tháng 5 năm 2023``;
* English ``May 30, 2023``, ``30 May 2023``, ``Sept. 4 2023``;
* Thai ``26 พฤษภาคม 2566`` or ``26 พ.ค. 66``-style with a four-digit year, Lao
  ``26 ພຶດສະພາ 2023``, Khmer ``២៦ ឧសភា ២០២៣``.

Years of the Buddhist era (2400 and later) are converted by subtracting 543.
Digits of any script are understood (Python's ``int`` reads Thai, Lao and
Khmer digits).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_EN_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TH_MONTHS = (
    ("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค."),
)  # fmt: skip
_LO_MONTHS = (
    "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ",
    "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ",
)  # fmt: skip
_KM_MONTHS = (
    "មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា",
    "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ",
)  # fmt: skip
_LOCAL_MONTHS: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(_TH_MONTHS, start=1):
    _LOCAL_MONTHS[_full] = _LOCAL_MONTHS[_abbr] = _i
for _names in (_LO_MONTHS, _KM_MONTHS):
    for _i, _name in enumerate(_names, start=1):
        _LOCAL_MONTHS[_name] = _i
_LOCAL_MONTH_RE = "|".join(re.escape(m) for m in sorted(_LOCAL_MONTHS, key=len, reverse=True))

_Y = r"(?P<y>\d{4})"
_D = r"(?P<d>\d{1,2})"


def _ymd(m: re.Match[str]) -> tuple[int, int, int]:
    return int(m["y"]), int(m["m"]), int(m["d"])


def _en(m: re.Match[str]) -> tuple[int, int, int]:
    return int(m["y"]), _EN_MONTHS[m["mon"].lower()[:3]], int(m["d"])


def _local(m: re.Match[str]) -> tuple[int, int, int]:
    return int(m["y"]), _LOCAL_MONTHS[m["mon"]], int(m["d"])


#: (pattern, converter to (year, month, day)), tried in order on each line.
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[int, int, int]]], ...] = (
    (re.compile(rf"(?<![\d/.-]){_Y}[-/](?P<m>\d{{1,2}})[-/]{_D}(?![\d/-])"), _ymd),
    (re.compile(rf"ngày\s+{_D}\s+tháng\s+(?P<m>\d{{1,2}})\s*(?:năm|,)\s*{_Y}", re.IGNORECASE), _ymd),
    (re.compile(rf"(?<![\d/.:-]){_D}[/.-](?P<m>\d{{1,2}})[/.-]{_Y}(?![\d/.-]|\.\d)"), _ymd),
    (re.compile(rf"\b{_EN_MONTH_RE}\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}\b", re.IGNORECASE), _en),
    (re.compile(rf"(?<!\d){_D}(?:st|nd|rd|th)?\s+{_EN_MONTH_RE},?\s+{_Y}\b", re.IGNORECASE), _en),
    (re.compile(rf"(?<!\d){_D}\s*(?P<mon>{_LOCAL_MONTH_RE})\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*{_Y}(?!\d)"), _local),
)

#: Words that may stand beside a date in a line that is only a dateline.
_DATELINE_REST = re.compile(
    r"^(?:[\W_]|\d{1,2}[:h]\d{2}(?::\d{2})?|[+-]\d{1,2}(?::?\d{2})?|am|pm|gmt|ict|utc|date|dated|published|posted|updated"
    r"|last updated|on|ngày đăng|cập nhật|đăng|thứ\s*\w+|chủ nhật|วันที่|เผยแพร่|อัปเดต|ວັນທີ|ថ្ងៃ"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|\s)*$",
    re.IGNORECASE,
)

#: How many non-empty lines from the top may hold the dateline.
DATELINE_LINES = 5
#: A line at most this long may be a dateline wherever the date stands in it.
_SHORT_LINE = 120
#: In a longer line the date must start within this many characters.
_NEAR_START = 40


@dataclass(frozen=True)
class Dateline:
    """A date found near the top of an article.

    Attributes:
        date: ISO ``YYYY-MM-DD``.
        line: Index (into the lines searched) of the line holding it.
        lone: True when the line holds nothing but the date (and a time or a
            label such as "Published"), so it can be dropped from the text.
    """

    date: str
    line: int
    lone: bool


def _valid(y: int, m: int, d: int) -> str | None:
    if y >= 2400:  # Buddhist era, as on Thai and Lao sites
        y -= 543
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """Return the first recognisable date in a string.

    Args:
        text: A line of text.

    Returns:
        ``(iso_date, start, end)`` of the earliest match, or None.
    """
    best: tuple[str, int, int] | None = None
    for regex, convert in _PATTERNS:
        for m in regex.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            try:
                iso = _valid(*convert(m))
            except (KeyError, ValueError):
                continue
            if iso:
                best = (iso, m.start(), m.end())
                break
    return best


def find_dateline(lines: Sequence[str], *, max_lines: int = DATELINE_LINES) -> Dateline | None:
    """Find the publication date in the first non-empty lines of an article.

    Args:
        lines: The article's lines, top first.
        max_lines: How many non-empty lines to search.

    Returns:
        The dateline, or None when the top of the article states no date.
    """
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        found = find_date(line)
        if found is None:
            continue
        iso, start, end = found
        if len(line) > _SHORT_LINE and start > _NEAR_START:
            continue
        rest = line[:start] + " " + line[end:]
        return Dateline(iso, index, bool(_DATELINE_REST.match(rest)))
    return None


_ISO_PARTIAL = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{2}))?\s*$")
_ISO_DATETIME = re.compile(r"^\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ].*)?$")


def parse_date(value: object) -> str | None:
    """Normalise a date given as metadata to ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``).

    Args:
        value: The metadata value: an ISO date or date-time, a year, or any of
            the forms recognised in text.

    Returns:
        The ISO date, or None when the value is not understood.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DATETIME.match(value)
    if m:
        return _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _ISO_PARTIAL.match(value)
    if m:
        year = int(m["y"])
        if not 1900 <= year <= 2100 or (m["m"] and not 1 <= int(m["m"]) <= 12):
            return None
        return f"{year:04d}-{m['m']}" if m["m"] else f"{year:04d}"
    found = find_date(value)
    return found[0] if found else None
