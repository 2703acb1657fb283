"""Linking: one entity per thing across articles and languages; short forms within an article."""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.linking import link_mentions
from kg.mentions import find_mentions
from kg.nlp import analyze
from kg.records import Article


def link(*articles: Article):
    analyses = list(analyze(list(articles)))
    mentions = {a.article.id: find_mentions(a) for a in analyses}
    return link_mentions(analyses, mentions, gazetteer=load_gazetteer())


def keys_with_label(corpus, label: str) -> set[str]:
    return {e.key for e in corpus.entities.values() if any(label in forms for forms in e.labels.values())}


@pytest.mark.parametrize(("full", "short"), [("Khamla Souvanh", "Souvanh")])
def test_linking_surname_is_the_person(full: str, short: str) -> None:
    corpus = link(Article("a", f"Minister {full} spoke. {short} said more.", "en"))
    assert keys_with_label(corpus, full) == keys_with_label(corpus, short) != set()


@pytest.mark.parametrize(("long", "acronym"), [("Mekong Fintech Association", "MFA")])
def test_linking_acronym_is_its_long_form(long: str, acronym: str) -> None:
    corpus = link(Article("a", f"The {long} ({acronym}) met. Later {acronym} said yes.", "en"))
    assert keys_with_label(corpus, long) == keys_with_label(corpus, acronym) != set()


@pytest.mark.parametrize(("en", "vi"), [("Tô Lâm", "Tô Lâm")])
def test_linking_person_across_languages(en: str, vi: str) -> None:
    corpus = link(
        Article("a", "Party General Secretary To Lam spoke.", "en"),
        Article("b", f"Tổng Bí thư {vi} phát biểu tại Hà Nội.", "vi"),
    )
    people = [e for e in corpus.entities.values() if e.cls == "Person"]
    assert len(people) == 1 and people[0].articles == {"a", "b"}


@pytest.mark.parametrize("years", ["2021-2040"])
def test_linking_program_across_languages_by_signature(years: str) -> None:
    corpus = link(
        Article("a", f"Laos implements the National Digital Economy Vision for {years}.", "en"),
        Article("b", f"Lào triển khai Tầm nhìn kinh tế số quốc gia giai đoạn {years}.", "vi"),
    )
    programs = [e for e in corpus.entities.values() if e.cls == "Program"]
    assert len(programs) == 1 and programs[0].attrs["startYear"] == 2021 and programs[0].attrs["endYear"] == 2040


@pytest.mark.parametrize("country", ["country/laos"])
def test_linking_curated_country_merges_scripts(country: str) -> None:
    corpus = link(Article("a", "Laos grows.", "en"), Article("b", "ลาวเติบโต", "th"), Article("c", "Lào phát triển.", "vi"))
    assert corpus.entities[country].articles == {"a", "b", "c"}


def _brute_force_components(clusters: list, sigs: list[tuple[int, frozenset[str]]]) -> set[frozenset[int]]:
    from kg.linking.linker import _same_signature, _UnionFind
    from kg.linking.normalize import years

    def dated_apart(i: int, j: int) -> bool:
        """The year rules of the merge: two different years never (the random names hold one year at most,
        so an undated event never meets two editions here)."""
        yi, yj = years(clusters[i].mentions[0].text), years(clusters[j].mentions[0].text)
        return bool(yi and yj and yi != yj)

    uf = _UnionFind()
    for a, (i, sig_i) in enumerate(sigs):
        for j, sig_j in sigs[a + 1 :]:
            same_class = clusters[i].cls == clusters[j].cls and not (clusters[i].key and clusters[j].key)
            if same_class and not dated_apart(i, j) and _same_signature(clusters[i].cls, sig_i, sig_j):
                uf.union(i, j)
    groups: dict[int, set[int]] = {}
    for i in range(len(clusters)):
        groups.setdefault(uf.find(i), set()).add(i)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(5))
def test_signature_blocking_merges_exactly_like_all_pairs(seed: int) -> None:
    """The prefix-filtered merge is exact: same components as comparing every pair (random names)."""
    import random

    from kg.linking.linker import _Cluster, _merge_by_signature, _UnionFind
    from kg.linking.normalize import signature
    from kg.records import Mention

    rng = random.Random(seed)
    words = ["Digital", "Mekong", "Payment", "Forum", "Blockchain", "Summit", "Week", "Council", "Vision", "Cloud", "2030"]
    clusters, sigs = [], []
    for i in range(120):
        name = " ".join(rng.sample(words, rng.randint(2, 4)))
        cls = rng.choice(["Event", "Program", "Organization"])
        key = f"org/curated-{i}" if rng.random() < 0.15 else None
        clusters.append(_Cluster([Mention("a", name, 0, len(name), cls, "en", "test")], key, cls))
        sig = frozenset(w for w in signature(name, "en") if not w.isdigit() or len(w) != 4)
        if len(sig) >= 2:
            sigs.append((i, sig))
    uf = _UnionFind()
    _merge_by_signature(clusters, uf)
    groups: dict[int, set[int]] = {}
    for i in range(len(clusters)):
        groups.setdefault(uf.find(i), set()).add(i)
    blocked = {frozenset(g) for g in groups.values()}
    assert blocked == _brute_force_components(clusters, sigs)
    assert any(len(g) > 1 for g in blocked)  # the names do overlap: something merged


@pytest.mark.parametrize(
    ("text", "ref", "label"),
    [
        (
            "Lotus Logistics and Bokeo Telecom Company met the Ministry of Rural Innovation and Startups. "
            "The ministry said it welcomed the deal.",
            "The ministry",
            "Ministry of Rural Innovation and Startups",
        ),
        (
            "Bokeo Telecom Company signed a deal with the Ministry of Rural Innovation and Startups on Monday. "
            "Later, the company said it would hire 200 engineers.",
            "the company",
            "Bokeo Telecom Company",
        ),
        (
            "Vantiko Group and the Bank of the Lao PDR launched a pilot. The bank said merchants would benefit.",
            "The bank",
            "Bank of the Lao PDR",
        ),
    ],
)
def test_linking_the_ministry_bank_company_is_the_nearest_named_before(text: str, ref: str, label: str) -> None:
    corpus = link(Article("a", text, "en"))
    refs = [m for m in corpus.mentions["a"] if m.cls == "Ref" and m.text == ref]
    assert refs, "reference not resolved"
    assert corpus.entity_of(refs[0]).label == label


def test_linking_acronym_then_head_is_the_long_form() -> None:
    corpus = link(
        Article("a", "MRIS Ministry signs deal. The Ministry of Rural Innovation and Startups (MRIS) signed it in Pakse.", "en")
    )
    assert (
        keys_with_label(corpus, "MRIS Ministry") == keys_with_label(corpus, "Ministry of Rural Innovation and Startups") != set()
    )


def test_linking_company_with_and_without_its_designator_in_one_article() -> None:
    corpus = link(Article("a", "Kolab Group will invest in Pakse. Kolab Chairman Vilay Sith said so.", "en"))
    assert keys_with_label(corpus, "Kolab Group") == keys_with_label(corpus, "Kolab") != set()


def test_linking_surname_alone_still_finds_its_person() -> None:
    corpus = link(Article("a", "Deputy Governor Khamla Souvanh spoke in Pakse. Souvanh said more banks would join.", "en"))
    assert keys_with_label(corpus, "Souvanh") == keys_with_label(corpus, "Khamla Souvanh") != set()


def test_linking_thai_names_differing_only_in_untranslated_words_stay_apart() -> None:
    from kg.linking.normalize import signature

    a = signature("ศูนย์การประชุมแห่งชาติสิริกิติ์", "th")
    b = signature("ศูนย์การประชุมแห่งชาติมหาสารคาม", "th")
    assert a != b and a & b  # shared "convention center", not the proper names
    assert signature("บริษัท ทรู คอร์ปอเรชั่น จำกัด (มหาชน)", "th") != signature("บริษัท ดีแทค จำกัด (มหาชน)", "th")
    corpus = link(
        Article("a", "บริษัท สวนมะลิ จำกัด ลงนามกับธนาคารแห่งประเทศไทย", "th"),
        Article("b", "บริษัท ภูผาทอง จำกัด เปิดตัวแอปใหม่", "th"),
    )
    companies = [e for e in corpus.entities.values() if e.cls == "Company"]
    assert len(companies) == 2


def test_linking_company_short_name_the_parser_read_as_a_person() -> None:
    corpus = link(
        Article("a", "Kolabra Cloud Technology will build the centre. Kolabra Cloud said it would hire 300 staff.", "en")
    )
    keys = keys_with_label(corpus, "Kolabra Cloud Technology")
    assert keys and keys == keys_with_label(corpus, "Kolabra Cloud")
    assert all(corpus.entities[k].cls == "Company" for k in keys)


def test_linking_product_cue_beats_a_parser_place_reading() -> None:
    corpus = link(
        Article("a", "Banks joined Sabai, the central bank's payment system, last year. Shops in Pakse now accept Sabai.", "en")
    )
    assert {corpus.entities[k].cls for k in keys_with_label(corpus, "Sabai")} <= {"Product"}


def test_linking_vietnamese_body_with_and_without_its_province() -> None:
    corpus = link(
        Article(
            "a",
            "Sở Thông tin và Truyền thông tỉnh Hà Sơn ban hành kế hoạch mới. "
            "Theo Sở Thông tin và Truyền thông, kế hoạch sẽ được triển khai từ năm 2025.",
            "vi",
        )
    )
    keys = keys_with_label(corpus, "Sở Thông tin và Truyền thông tỉnh Hà Sơn")
    assert keys and keys == keys_with_label(corpus, "Sở Thông tin và Truyền thông")


def test_linking_person_reading_that_opens_a_company_name_is_the_company() -> None:
    corpus = link(
        Article(
            "a",
            "Kolabra Cloud Intelligence, a subsidiary of Vantiko Group, signed the deal. "
            "Officials said Kolabra Cloud will migrate the tax system.",
            "en",
        )
    )
    keys = keys_with_label(corpus, "Kolabra Cloud")
    assert keys and keys == keys_with_label(corpus, "Kolabra Cloud Intelligence")


def test_events_with_different_ordinals_or_few_shared_words_stay_apart() -> None:
    from kg.linking.linker import _same_signature
    from kg.linking.normalize import signature

    eleventh = signature("11th Zelora Finance Ministers' and Central Bank Governors' Meeting", "en")
    sixth = signature("Hội nghị Bộ trưởng số Zelora lần thứ 6", "vi")
    assert not _same_signature("Event", eleventh, sixth)
    assert not _same_signature("Event", signature("Zelora Digital Day", "en"), signature("Zelora Digital Week 2024", "en"))
    assert _same_signature("Event", signature("Zelora Digital Week 2024", "en"), signature("Zelora Digital Week", "en"))


def test_a_latin_name_inside_a_thai_name_is_an_english_label() -> None:
    from kg.linking.linker import _latin_name_inside

    assert _latin_name_inside("งานสัมมนา Zelora Payments Summit 2026", "th", "Event") == "Zelora Payments Summit 2026"
    assert _latin_name_inside("นาย Somchai", "th", "Person") is None
    assert _latin_name_inside("Zelora Payments Summit", "en", "Event") is None


def test_a_yearless_event_name_is_no_bridge_between_two_editions() -> None:
    from kg.gazetteer import load_gazetteer
    from kg.linking import link_mentions
    from kg.mentions import find_mentions
    from kg.nlp import analyze
    from kg.records import Article

    texts = {
        "a": "The Zelora Digital Week 2022 opened in Vientiane on Monday.",
        "b": "The Zelora Digital Week 2025 opened in Vientiane on Monday.",
        "c": "Officials praised the Zelora Digital Week for its start-up fair.",
    }
    analyses = list(analyze([Article(k, v, "en") for k, v in texts.items()]))
    corpus = link_mentions(analyses, {a.article.id: find_mentions(a) for a in analyses}, gazetteer=load_gazetteer())
    events = [e for e in corpus.entities.values() if e.cls == "Event"]
    labels = sorted(e.label for e in events)
    assert "Zelora Digital Week 2022" in labels and "Zelora Digital Week 2025" in labels
