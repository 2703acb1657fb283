"""Bytes to text: BOMs, strict UTF-8, then a legacy single-byte fallback.

The order of attempts:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. NUL bytes in the first 8 KB (without a BOM) mean UTF-32 or UTF-16 when they fall where
   those encodings put them and the whole file decodes to printable text, else a binary file;
3. strict UTF-8;
4. UTF-8 with a few corrupt bytes (far fewer than the valid multi-byte
   characters around them) is decoded with replacement characters, noted;
5. an encoding declared in an HTML ``<meta charset>``, when it decodes;
6. a regional legacy encoding when charset-normalizer is confident of one
   (Thai TIS-620/cp874, Vietnamese cp1258, CJK and Cyrillic code pages);
7. cp1252, then latin-1 (which decodes anything).

After decoding, text with many control characters is also called binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Legacy encodings whose guess by charset-normalizer we trust over cp1252.
_REGIONAL = frozenset(
    {"cp874", "tis_620", "iso8859_11", "cp1258", "big5", "gb18030", "gb2312", "gbk", "shift_jis",
     "cp932", "euc_jp", "euc_kr", "cp949", "cp1251", "koi8_r", "utf_16", "utf_16_le", "utf_16_be"}
)  # fmt: skip

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF = 8192
#: Share of control characters (other than tab, newlines, form feed) that makes text binary.
_MAX_CONTROL_SHARE = 0.05


@dataclass
class Decoded:
    """Text decoded from a file's bytes.

    Attributes:
        text: The decoded text (BOM removed).
        encoding: The codec that decoded it.
        notes: What was unusual (a legacy encoding, replaced bytes), for the report.
    """

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def _control_share(text: str) -> float:
    sample = text[:_SNIFF]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0)
    return controls / len(sample)


def _utf8_with_few_errors(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    return text if bad > 0 and bad * 10 <= multibyte else None


def _wide_unicode(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where its zero bytes fall; else None.

    Text in those encodings has zero bytes (the high bytes of Latin letters, digits and spaces) in
    one position of every unit and hardly ever in the others; binary data has them anywhere. The
    guess stands only when the whole file decodes strictly to printable text.
    """
    sample = data[:_SNIFF]
    candidates: list[str] = []
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(data) % width:
            continue
        units = len(sample) // width
        if not units:
            continue
        zeros = [sum(1 for i in range(k, units * width, width) if sample[i] == 0) / units for k in range(width)]
        low, high = (0, width - 1)  # where a little-endian unit has its low and its high byte
        if zeros[high] >= 0.3 and zeros[low] <= 0.05:
            candidates.append(names[0])
        elif zeros[low] >= 0.3 and zeros[high] <= 0.05:
            candidates.append(names[1])
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample_text = text[:_SNIFF]
        printable = sum(1 for ch in sample_text if ch.isprintable() or ch in "\t\n\r\f\v")
        if sample_text and printable >= 0.95 * len(sample_text):
            return encoding
    return None


def _legacy_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported here: only legacy files need it

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding not in _REGIONAL:
        return None
    return best.encoding


def decode_bytes(data: bytes, path: Path | str, *, html: bool = False) -> Decoded:
    """Decode a file's bytes to text.

    Args:
        data: The file's content.
        path: The file, named in errors.
        html: Whether to honour a ``<meta charset>`` declaration.

    Returns:
        The decoded text, its encoding and notes.

    Raises:
        InputError: "binary file" when the bytes are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(path, f"binary file (bad {encoding} after its byte-order mark)") from e
            notes = [] if encoding == "utf-8" else [f"encoding {encoding} decoded"]
            return _checked(Decoded(text, encoding, notes), path)
    if b"\x00" in data[:_SNIFF]:
        wide = _wide_unicode(data)
        if wide is None:
            raise InputError(path, "binary file")
        return _checked(Decoded(data.decode(wide), wide, [f"encoding {wide} decoded (no byte-order mark)"]), path)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError:
        pass
    text = _utf8_with_few_errors(data)
    if text is not None:
        bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        return _checked(Decoded(text, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced"]), path)
    candidates: list[str] = []
    if html and (m := _META_CHARSET.search(data[:4096])):
        candidates.append(m.group(1).decode("ascii").lower())
    guess = _legacy_guess(data)
    if guess:
        candidates.append(guess)
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            decoded = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(Decoded(decoded, encoding, [f"encoding {encoding} decoded"]), path)
    raise InputError(path, "binary file")  # unreachable: latin-1 decodes any bytes


def _checked(decoded: Decoded, path: Path | str) -> Decoded:
    if _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        raise InputError(path, "binary file")
    return decoded
