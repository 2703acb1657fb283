"""Tests of kg.ingest.decode: bytes to text."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.ingest.decode import decode_bytes

TEXT = "Hội nghị về kinh tế số — ลาว ດີຈີຕອນ កម្ពុជា"


@pytest.mark.parametrize(
    "data, encoding, notes",
    [
        (TEXT.encode("utf-8"), "utf-8", []),
        (TEXT.encode("utf-8-sig"), "utf-8", []),
        (TEXT.encode("utf-16"), "utf-16-le", ["encoding utf-16-le decoded"]),
        ("\ufeff".encode("utf-16-be") + TEXT.encode("utf-16-be"), "utf-16-be", ["encoding utf-16-be decoded"]),
        (TEXT.encode("utf-32"), "utf-32-le", ["encoding utf-32-le decoded"]),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom"],
)
def test_decode_bytes_unicode_with_and_without_bom(data: bytes, encoding: str, notes: list[str]) -> None:
    decoded = decode_bytes(data, "a.txt")
    assert (decoded.text, decoded.encoding, decoded.notes) == (TEXT, encoding, notes)


@pytest.mark.parametrize(
    "text, codec, expected",
    [
        ("The café’s owner — naïve, costs €5.", "cp1252", "cp1252"),
        ("รัฐบาลลาวได้เป็นเจ้าภาพในการจัดการประชุมระดับรัฐมนตรี เรื่องเศรษฐกิจดิจิทัลของประเทศ", "cp874", "cp874"),
    ],
    ids=["cp1252", "thai-cp874"],
)
def test_decode_bytes_legacy_encodings(text: str, codec: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(codec), "a.txt")
    assert decoded.text == text
    assert decoded.notes == [f"encoding {expected} decoded"]


@pytest.mark.parametrize("bad", [b"\xff", b"\xc3"])
def test_decode_bytes_utf8_with_a_few_bad_bytes_is_still_utf8(bad: bytes) -> None:
    good = "Hội nghị cấp bộ trưởng về ứng dụng công nghệ blockchain"
    decoded = decode_bytes(good.encode() + b" " + bad + b" " + good.encode(), "a.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.count(good) == 2
    assert decoded.notes == ["1 invalid UTF-8 byte sequence(s) replaced"]


@pytest.mark.parametrize("charset", ["koi8-r"])
def test_decode_bytes_html_meta_charset_honoured(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>Цифровая экономика Лаоса</p></body></html>'
    decoded = decode_bytes(page.encode(charset), "a.html", html=True)
    assert "Цифровая экономика Лаоса" in decoded.text
    assert decoded.notes == [f"encoding {charset} decoded"]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"abc\x00def",
        bytes(range(1, 32)) * 100,
        b"\xff\xfe\x00\xd8",  # UTF-16 BOM, then a lone surrogate
    ],
    ids=["png", "pdf", "nul", "control-characters", "bad-utf16"],
)
def test_decode_bytes_binary_fails(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: binary file"):
        decode_bytes(data, "a.txt")
