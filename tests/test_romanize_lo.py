"""Lao romanisation (kg/linking/romanize_lo.py), the match of Lao and English person names, readable IRIs."""

from __future__ import annotations

import pytest

from kg.linking.romanize import romanize
from kg.linking.romanize_lo import merge_people, romanize_word, same_person, skeleton


@pytest.mark.parametrize(
    ("lao", "reading"),
    [
        ("ສົມພອນ", "somphon"),  # ອ as the vowel o
        ("ແກ້ວມະນີ", "kaeomani"),  # preposed ແ, tone mark left out, final ວ
        ("ວຽງສະຫວັນ", "viengsavan"),  # ຽ, silent ຫ before ວ
        ("ບຸນເຫຼືອ", "bounleua"),  # ຸ as ou, ເ-ືອ, ຫຼ
        ("ໄຊຍະວົງ", "xaiyavong"),  # ໄ before its consonant, ຊ as x
        ("ຄຳໄຊ", "khamxay"),  # ຳ, and ໄ- at a word's end as ay
        ("ຄໍາໄຊ", "khamxay"),  # the two-letter spelling of ຳ
        ("ເຕົາ", "tao"),  # ເ-ົາ
    ],
)
def test_romanize_word(lao: str, reading: str) -> None:
    assert romanize_word(lao) == reading


def test_romanize_dispatches_lao_and_refuses_other_scripts() -> None:
    assert romanize("ທ່ານ ສົມພອນ ແກ້ວມະນີ", "lo") == "than somphon kaeomani"
    assert romanize("Somphone Keomany", "lo") is None
    assert romanize("ສົມພອນ", "th") is None


@pytest.mark.parametrize(
    ("lao", "english"),
    [
        ("ສົມພອນ ແກ້ວມະນີ", "Somphone Keomany"),
        ("ບຸນເຫຼືອ ໄຊຍະວົງ", "Bounleua Xayavong"),
        ("ຄຳໄຊ ວົງດາລາ", "Khamxay Vongdara"),  # ລ read as l, written r in English
        ("ວຽງສະຫວັນ ພົມມະຈັກ", "Viengsavanh Phommachack"),
    ],
)
def test_same_person_across_scripts(lao: str, english: str) -> None:
    assert same_person(romanize(lao, "lo") or "", english)


@pytest.mark.parametrize(
    ("lao", "english"),
    [
        ("ສົມພອນ ແກ້ວມະນີ", "Somphone Phommachack"),  # same given name, another family
        ("ສົມພອນ ແກ້ວມະນີ", "Bounleua Keomany"),  # same family, another given name
        ("ສົມພອນ ແກ້ວມະນີ", "Somphone"),  # one part is not enough
        ("ບຸນເຫຼືອ ໄຊຍະວົງ", "Bounthavy Xaysana"),
    ],
)
def test_different_people_do_not_match(lao: str, english: str) -> None:
    assert not same_person(romanize(lao, "lo") or "", english)


def test_skeleton_folds_spelling_variants() -> None:
    assert skeleton("Vongdara") == skeleton("vongdala") == skeleton("Wongdala")
    assert skeleton("Sonexay") == skeleton("sonxay")


class _M:
    def __init__(self, text: str, lang: str) -> None:
        self.text, self.lang = text, lang


class _C:
    def __init__(self, text: str, lang: str, cls: str = "Person", key: str | None = None) -> None:
        self.mentions, self.cls, self.key = [_M(text, lang)], cls, key


def test_merge_people_unites_the_same_person_only() -> None:
    clusters = [
        _C("ສົມພອນ ແກ້ວມະນີ", "lo"),
        _C("Somphone Keomany", "en"),
        _C("Somphone Phommachack", "en"),
        _C("ບຸນເຫຼືອ ໄຊຍະວົງ", "lo"),
        _C("Bounleua Xayavong", "vi", cls="Company"),  # not a person: never united with one
    ]
    united: list[tuple[int, int]] = []
    merge_people(clusters, lambda a, b: united.append((a, b)), lambda m: m.text)
    assert united == [(0, 1)]


def test_lao_iri_is_readable_and_keeps_a_hash() -> None:
    from kg.iri import slugify

    slug = slugify("ສົມພອນ ແກ້ວມະນີ")
    assert slug.startswith("somphon-kaeomani-") and len(slug.rsplit("-", 1)[1]) == 6
    assert slugify("ສົມພອນ ແກ້ວມະນີ") != slugify("ສົມພອນ ແກ້ວມະນິ")  # names that read alike keep their own IRIs
