"""Tests of kg.ingest.dates: datelines and metadata dates."""

from __future__ import annotations

import pytest

from kg.ingest.dates import Dateline, find_date, find_dateline, parse_date


@pytest.mark.parametrize(
    "line, date, lone",
    [
        ("2025-02-26", "2025-02-26", True),
        (" date 2025-02-26 Homepage > News > Business > Vietnam calls", "2025-02-26", False),
        ("05:40, 30/05/2023", "2023-05-30", True),
        ("30/05/2023", "2023-05-30", True),
        ("Thứ ba, 30/5/2023 05:40 (GMT+7)", "2023-05-30", True),
        ("Ngày 30 tháng 5 năm 2023", "2023-05-30", True),
        ("May 30, 2023", "2023-05-30", True),
        ("Published: 30 May 2023", "2023-05-30", True),
        ("Sept. 4, 2023 10:15 AM", "2023-09-04", True),
        ("26 พฤษภาคม 2566", "2023-05-26", True),
        ("วันที่ ๒๖ พ.ค. ๒๕๖๖", "2023-05-26", True),
        ("26 ພຶດສະພາ 2023", "2023-05-26", True),
        ("២៦ ឧសភា ២០២៣", "2023-05-26", True),
        ("VIENTIANE, May 30, 2023 (KPL) – The Lao government has approved a plan for the digital economy "
         "that runs to 2030, officials said.", "2023-05-30", False),
    ],
)  # fmt: skip
def test_dates_find_dateline_forms(line: str, date: str, lone: bool) -> None:
    assert find_dateline(["", line, "Body text."]) == Dateline(date, 1, lone)


@pytest.mark.parametrize(
    "lines",
    [
        ["Title", "", "The plan covers 2021-2025 and 2021-2040."],
        ["Title", "เมื่อวันที่ 26 พฤษภาคม รัฐบาลลาว ได้เป็นเจ้าภาพ"],
        ["Title", "31/02/2023"],
        ["A", "B", "C", "D", "E", "30/05/2023"],
        ["Title", "The ministry, which has been preparing the plan since the beginning of last year, "
         "said the new rules would take effect on 1 July 2024 across the country."],
    ],
    ids=["year-ranges", "no-year", "impossible-date", "below-the-top", "date-deep-in-a-sentence"],
)  # fmt: skip
def test_dates_find_dateline_ignores_body_dates(lines: list[str]) -> None:
    assert find_dateline(lines) is None


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2023-05-30", "2023-05-30"),
        ("2023-05-30T10:00:00+07:00", "2023-05-30"),
        ("2023-05", "2023-05"),
        ("2023", "2023"),
        (2023, "2023"),
        ("30/05/2023", "2023-05-30"),
        ("May 30, 2023", "2023-05-30"),
        ("2566-05-26", "2023-05-26"),
        ("yesterday", None),
        ("2023-13", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_dates_parse_date_metadata(value: object, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize("text, span", [("on 30/05/2023 and 2024-01-01", (3, 13))])
def test_dates_find_date_earliest(text: str, span: tuple[int, int]) -> None:
    assert find_date(text) == ("2023-05-30", *span)
