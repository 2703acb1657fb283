"""Language pipelines: sentences and tokens with exact offsets, per language."""

from __future__ import annotations

import pytest

from kg.nlp import analyze, get_pipeline
from kg.records import Article


@pytest.mark.parametrize(
    ("lang", "text", "n_sentences"),
    [
        ("en", "Dr. Sonethano spoke. The PM agreed.", 2),
        ("vi", "Bộ Công nghệ và Truyền thông Lào tổ chức hội nghị. Thủ tướng phát biểu.", 2),
        ("th", "รัฐบาลลาว ได้เป็นเจ้าภาพ\n\nMetaBank เป็นพาร์ทเนอร์", 2),
        ("lo", "ສະບາຍດີ ປະເທດລາວ", 1),
        ("km", "ព្រះរាជាណាចក្រកម្ពុជា។ សួស្តី", 2),
    ],
)
def test_nlp_sentences_and_token_offsets(lang: str, text: str, n_sentences: int) -> None:
    (analysis,) = analyze([Article("a", text, lang)])
    assert len(analysis.sentences) == n_sentences
    assert all(analysis.text[s.start : s.end] == s.text for s in analysis.sentences)
    assert analysis.tokens and all(analysis.text[t.start : t.end] == t.text for t in analysis.tokens)


@pytest.mark.parametrize("lang", ["en"])
def test_nlp_english_has_statistical_ner(lang: str) -> None:
    assert "ner" in get_pipeline(lang).pipe_names


@pytest.mark.parametrize("word", ["Công nghệ"])
def test_nlp_vietnamese_segments_words(word: str) -> None:
    (analysis,) = analyze([Article("a", f"Bộ {word} và Truyền thông", "vi")])
    assert word in [t.text for t in analysis.tokens]
