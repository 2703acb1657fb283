"""Tests of kg.ingest.clean: repair, chrome, title, dateline, paragraphs."""

from __future__ import annotations

import pytest

from kg.ingest.clean import clean_text, looks_like_title, normalise_lines, repair_mojibake, title_key


@pytest.mark.parametrize(
    "text, fixed, changed",
    [
        ("CafÃ© owners welcome the e-wallet â€” naÃ¯ve", "Café owners welcome the e-wallet — naïve", True),
        ("Hội nghị cấp bộ trưởng", "Hội nghị cấp bộ trưởng", False),
        ("ลาวมุ่งพัฒนา “บล็อกเชน 4.0”", "ลาวมุ่งพัฒนา “บล็อกเชน 4.0”", False),
        ("Prices rose 5°C and “quotes” stay curly", "Prices rose 5°C and “quotes” stay curly", False),
    ],
    ids=["mojibake", "vietnamese", "thai", "typography"],
)
def test_clean_repair_mojibake_only_when_bad(text: str, fixed: str, changed: bool) -> None:
    assert repair_mojibake(text) == (fixed, changed)


@pytest.mark.parametrize(
    "text, lines",
    [
        ("Ho\u0302\u0323i  nghi\u0323\t\tx", ["Hội nghị x"]),
        ("a\r\nb\rc\u2028d", ["a", "b", "c", "d"]),
        ("\ufeffsoft\u00adhyphen\x07 bell\u00a0nbsp", ["softhyphen bell nbsp"]),
        ("ខ្មែរ\u200bភាសា", ["ខ្មែរ\u200bភាសា"]),
    ],
    ids=["nfc-and-spaces", "line-breaks", "invisibles", "zwsp-kept"],
)
def test_clean_normalise_lines(text: str, lines: list[str]) -> None:
    assert normalise_lines(text)[0] == lines


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Lao Govt Keen on Promoting Digital Transformation Via Blockchain Technology", True),
        ("Is Laos ready for blockchain?", True),
        ("Mr. Sonexay Siphandone, the Prime Minister of Laos.", False),
        ("word " * 31, False),
        ("2023", False),
        ("", False),
    ],
)
def test_clean_looks_like_title(line: str, expected: bool) -> None:
    assert looks_like_title(line.strip()) is expected


@pytest.mark.parametrize(
    "text, title, date, body",
    [
        ("Big news\n\n05:40, 30/05/2023\n\nFirst para.\nSame para.\n\n\n\nSecond para.",
         "Big news", "2023-05-30", "First para.\nSame para.\n\nSecond para."),
        ("Big news\n\nBig news\nCaption line.\n\nBody.", "Big news", None, "Caption line.\n\nBody."),
        ("Only one line of text.", None, None, "Only one line of text."),
        ("Home > News > Laos opens a data centre\n\nThe centre opened.\n\nWatch: more videos",
         "Laos opens a data centre", None, "The centre opened."),
        ("<?php wp_title(); ?>\n\nHeadline here\n\nFollow us on Facebook\n\nText.\n\nSource: KPL",
         "Headline here", None, "Text."),
    ],
    ids=["dateline-and-paragraphs", "repeated-title", "no-title", "breadcrumb-title", "chrome"],
)  # fmt: skip
def test_clean_text_title_date_body(text: str, title: str | None, date: str | None, body: str) -> None:
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.date, cleaned.text) == (title, date, body)


@pytest.mark.parametrize("known", ["Laos, Cambodia, Vietnam to Enhance Cooperation"])
def test_clean_text_known_title_repeats_removed(known: str) -> None:
    cleaned = clean_text(f"{known}\n\n{known.upper()}\nCaption.\n\nBody.", title=known)
    assert cleaned.text == "Caption.\n\nBody."
    assert cleaned.title is None  # the known title is the caller's, not found in the text


@pytest.mark.parametrize("text", ["Title\n\nBody text.\n\nที่มา: Cointelegraph"])
def test_clean_text_origin_noted(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.origin == "Cointelegraph"
    assert cleaned.notes == ["origin source: Cointelegraph"]
    assert "Cointelegraph" not in cleaned.text


@pytest.mark.parametrize("text", ["CafÃ© news\n\nThe cafÃ© opened."])
def test_clean_text_notes_mojibake(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.notes == ["mojibake repaired"]
    assert (cleaned.title, cleaned.text) == ("Café news", "The café opened.")


@pytest.mark.parametrize("a, b", [("Vietnam calls: for digital transformation!", "VIETNAM calls for  digital transformation")])
def test_clean_title_key_ignores_case_and_punctuation(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


def test_hard_wrapped_lines_are_joined_into_whole_sentences() -> None:
    from kg.ingest.clean import clean_text

    wrapped = (
        "The Ministry of Zelora Affairs and the Kitramo Bank signed a memorandum\n"
        "of understanding on Monday to connect their payment systems across the\n"
        "border, officials of both sides said in a statement released in Vientiane.\n"
        "\n"
        "- first item\n"
        "- second item\n"
    )
    text = clean_text(wrapped, detect_title=False, detect_date=False).text
    assert "memorandum of understanding on Monday to connect their payment systems across the border" in text
    assert "- first item\n- second item" in text


def test_a_line_that_ends_a_sentence_stays_a_line() -> None:
    from kg.ingest.clean import soft_break

    assert not soft_break("The forum opened on Monday.", "Delegates from ten countries attended", wrapped=True)
    assert soft_break("signed by the Minister of", "Zelora Affairs on Monday", wrapped=False)
    assert soft_break("The two banks will link", "their systems next year", wrapped=False)
