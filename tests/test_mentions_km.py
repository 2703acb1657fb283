"""Khmer mention rules and relation triggers on names no list contains (all names here are invented).

Invented: the people សុខ ដារា, កែវ សុភា, ម៉ៅ វិចិត្រ, ចាន់ ធីតា; the ministry ក្រសួងកោះសមុទ្រ (of sea
islands), the bank ធនាគារស្រីអំពិល, the institute វិទ្យាស្ថានទិន្នន័យព្រៃវែង, the company ក្រុមហ៊ុនដារាតិច,
the product PaySabai, and the events, plans and short forms below.
"""

from __future__ import annotations

import pytest
from conftest import mentions_of, relations_of

from kg.mentions.lang.km import find_mentions as km_rules
from kg.mentions.lang.km import fold
from kg.nlp import analyze
from kg.records import Article


def _rules(text: str) -> dict[str, dict]:
    """Name -> (class, attributes) of what the Khmer rules alone find."""
    (analysis,) = analyze([Article("t", text, "km")])
    return {m.text: {"cls": m.cls, **m.attrs} for m in km_rules(analysis)}


# --- people after honorifics -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ភ្នំពេញ៖ លោក សុខ ដារា បានថ្លែងថា គម្រោងនេះសំខាន់។", "សុខ ដារា"),
        ("លោកស្រី កែវ សុភា បានសរសេរនៅលើទំព័រផ្លូវការ។", "កែវ សុភា"),
        ("ក្រោមវត្តមានលោកជំទាវបណ្ឌិត ចាន់ ធីតា នៅថ្ងៃនេះ។", "ចាន់ ធីតា"),  # glued to the word before
        ("សម្ដេចធិបតី ម៉ៅ វិចិត្រ ៖ កម្ពុជាត្រៀមខ្លួនរួចរាល់", "ម៉ៅ វិចិត្រ"),
        ("ឯកឧត្តមបណ្ឌិត ម៉ៅ វិចិត្រ បានអញ្ជើញចូលរួម។", "ម៉ៅ វិចិត្រ"),
        ("លោកម៉ៅ វិចិត្របានមានប្រសាសន៍ថា ការងារនេះល្អ។", "ម៉ៅ វិចិត្រ"),  # the verb glued to the given name
        ("និងលោកជំទាវ Malavanh Sisouk បានចូលរួម។", "Malavanh Sisouk"),  # a Latin-script name
    ],
)
def test_km_person_after_honorific(text: str, name: str) -> None:
    assert mentions_of(text, "km").get(name) == "Person"


@pytest.mark.parametrize(
    ("text", "name", "title", "org_class"),
    [
        # the office after the name; where two follow, the one an organisation follows
        ("លោក សុខ ដារា រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានថ្លែង។", "សុខ ដារា", "រដ្ឋមន្ត្រី", "Ministry"),
        ("លោក សុខ ដារា ឧបនាយករដ្ឋមន្ត្រី រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានថ្លែង។", "សុខ ដារា", "រដ្ឋមន្ត្រី", "Ministry"),
        ("លោកស្រី កែវ សុភា ទេសាភិបាល ធនាគារស្រីអំពិល បានថ្លែង។", "កែវ សុភា", "ទេសាភិបាល", "PublicBody"),
        ("លោក ម៉ៅ វិចិត្រ រដ្ឋលេខាធិការក្រសួងកោះសមុទ្រ បានថ្លែង។", "ម៉ៅ វិចិត្រ", "រដ្ឋលេខាធិការ", "Ministry"),
        # the office between the honorific and the name; another spelling of the same title
        ("ឯកឧត្តមរដ្ឋមន្រ្តី សុខ ដារា បានថ្លែង។", "សុខ ដារា", "រដ្ឋមន្រ្តី", "Ministry"),
        ("លោកឧបនាយករដ្ឋមន្ត្រី ចាន់ ធីតា បានថ្លែង។", "ចាន់ ធីតា", "ឧបនាយករដ្ឋមន្ត្រី", "Government"),
        ("ឯកឧត្តមបណ្ឌិត ម៉ៅ វិចិត្រ ប្រធានវិទ្យាស្ថានទិន្នន័យព្រៃវែង បានថ្លែង។", "ម៉ៅ វិចិត្រ", "ប្រធាន", None),
        # an office opening the name, with no honorific; its country between them
        ("ភ្នំពេញ៖ នាយករដ្ឋមន្ត្រី ម៉ៅ វិចិត្រ បានថ្លែង។", "ម៉ៅ វិចិត្រ", "នាយករដ្ឋមន្ត្រី", "Government"),
        ("នាយករដ្ឋមន្ត្រីកម្ពុជា ម៉ៅ វិចិត្រ បានថ្លែង។", "ម៉ៅ វិចិត្រ", "នាយករដ្ឋមន្ត្រី", "Government"),
    ],
)
def test_km_person_title(text: str, name: str, title: str, org_class: str | None) -> None:
    found = _rules(text)[name]
    assert found["cls"] == "Person" and found["title"] == title and found["title_org_class"] == org_class


@pytest.mark.parametrize(
    "text",
    [
        "លោក បានមានប្រសាសន៍ថា ការងារនេះល្អ។",  # "he said": a pronoun, no name
        "ធនាគារពិភពលោក និង ម្ចាស់ជំនួយ បានគាំទ្រ។",  # the "លោក" of "ពិភពលោក" (world)
        "លោក និង លោកស្រី បានចូលរួម។",
        "រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ នៅថ្ងៃទី១៨ ខែកក្កដា បានថ្លែង។",  # an office, then a date: no name
        "កិច្ចប្រជុំថ្នាក់រដ្ឋមន្ត្រីឌីជីថលលើកទី១ តាមប្រព័ន្ធវីដេអូ",  # "ministerial" inside an event's name
    ],
)
def test_km_no_person_without_a_name(text: str) -> None:
    assert "Person" not in mentions_of(text, "km").values()


def test_km_minister_alone_is_an_anaphor() -> None:
    """ "លោករដ្ឋមន្ត្រីបានបញ្ជាក់" (the minister said): a reference with the title, no name."""
    (analysis,) = analyze([Article("t", "លោករដ្ឋមន្ត្រីបានបញ្ជាក់ថា ការងារល្អ។", "km")])
    refs = [m for m in km_rules(analysis) if m.cls == "Ref"]
    assert [(m.attrs["ref"], m.attrs["title"]) for m in refs] == [("Person", "រដ្ឋមន្ត្រី")]


# --- names opened by head words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("ក្រសួងកោះសមុទ្របានប្រកាសថា ...។", "ក្រសួងកោះសមុទ្រ", "Ministry"),  # cut at the verb
        ("ក្រសួងកោះសមុទ្រ និងព្រៃឈើ បានប្រកាស។", "ក្រសួងកោះសមុទ្រ និងព្រៃឈើ", "Ministry"),  # " និង..." continues it
        ("ធនាគារស្រីអំពិល បានប្រកាស។", "ធនាគារស្រីអំពិល", "Company"),
        ("ធនាគារកណ្តាលស្រីអំពិល បានប្រកាស។", "ធនាគារកណ្តាលស្រីអំពិល", "PublicBody"),
        ("វិទ្យាស្ថានទិន្នន័យព្រៃវែង និងក្រសួងកោះសមុទ្រ", "វិទ្យាស្ថានទិន្នន័យព្រៃវែង", "PublicBody"),  # "and" a head
        ("ក្រុមហ៊ុនដារាតិចបានវិនិយោគ។", "ក្រុមហ៊ុនដារាតិច", "Company"),
        ("សមាគមអ្នកបច្ចេកវិទ្យាព្រៃវែង បានរៀបចំ។", "សមាគមអ្នកបច្ចេកវិទ្យាព្រៃវែង", "Organization"),
    ],
)
def test_km_head_word_names(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "km").get(name) == cls


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # events: an ordinal, a topic after ស្តីពី, the workshop an opening ceremony is of
        ("ក្នុងឱកាសបើកសន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ នៅថ្ងៃនេះ", "សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "Event"),
        ("ក្នុងពិធីបើកសិក្ខាសាលាស្តីពី កសិកម្មឆ្លាតវៃ នាថ្ងៃទី២", "សិក្ខាសាលាស្តីពី កសិកម្មឆ្លាតវៃ", "Event"),
        ("សិក្ខាសាលាពិគ្រោះយោបល់រៀបចំឡើងនៅថ្ងៃនេះ", "សិក្ខាសាលាពិគ្រោះយោបល់", "Event"),
        ("ក្នុងពិធីបើកសប្តាហ៍ឌីជីថលព្រៃវែង ២០២៦ នៅថ្ងៃនេះ", "សប្តាហ៍ឌីជីថលព្រៃវែង ២០២៦", "Event"),  # digital, with a year
        # plans: years (Khmer digits), a quoted name with its English name in brackets
        ("ស្របតាមយុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០។", "យុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០", "Program"),
        ("បានរៀបចំកម្មវិធី “ភូមិឌីជីថល” (Digital Village) សម្រាប់យុវជន។", "ភូមិឌីជីថល", "Program"),
        ("បានរៀបចំកម្មវិធី “ភូមិឌីជីថល” (Digital Village) សម្រាប់យុវជន។", "Digital Village", "Program"),
        # a guide quoted after a workshop "on": the workshop, and the guide of its own head word
        (
            "សិក្ខាសាលាស្តីពី «មគ្គទេសក៍ទិន្នន័យបើកចំហ សម្រាប់កសិករ» បានបញ្ចប់។",
            "មគ្គទេសក៍ទិន្នន័យបើកចំហ សម្រាប់កសិករ",
            "Program",
        ),
        ("សិក្ខាសាលាស្តីពី «មគ្គទេសក៍ទិន្នន័យបើកចំហ សម្រាប់កសិករ» បានបញ្ចប់។", "សិក្ខាសាលា", "Event"),
        # products: a Latin name after a product word, a web address, a weak head with its short form
        ("ធនាគារបានដាក់ឱ្យដំណើរការប្រព័ន្ធ PaySabai ថ្មី។", "PaySabai", "Product"),
        ("តាមរយៈគេហទំព័រ kasikam.gov.khដែលជាមជ្ឈមណ្ឌល", "kasikam.gov.kh", "Product"),
        ("ការដាក់ឱ្យប្រើសេវាអត្តសញ្ញាណឌីជីថល (DIDS) ថ្មី", "សេវាអត្តសញ្ញាណឌីជីថល", "Product"),
        ("ក្រោមយន្តការមន្ត្រីជាន់ខ្ពស់ព្រៃវែង (PVSOM)។", "យន្តការមន្ត្រីជាន់ខ្ពស់ព្រៃវែង", "PublicBody"),
    ],
)
def test_km_events_programs_products(text: str, name: str, cls: str) -> None:
    assert mentions_of(text, "km").get(name) == cls


@pytest.mark.parametrize(
    "text",
    [
        "ផែនការនេះនឹងចាប់ផ្តើមឆ្នាំក្រោយ។",  # "this plan": no name
        "គ្រប់ក្រសួង-ស្ថាប័ន ត្រូវចូលរួម។",  # "ministries-institutions"
        "កិច្ចសហការក្នុងវិស័យធនាគារ និងហិរញ្ញវត្ថុ។",  # "the banking sector"
        "ក្រសួងបានបញ្ជាក់ថា ការងារល្អ។",  # "the ministry said": an anaphor
        "វេទិកាឌីជីថលថ្មីៗ បានរីកចម្រើន។",  # "new digital platforms"
    ],
)
def test_km_common_nouns_are_no_names(text: str) -> None:
    assert not any(c in {"Ministry", "Company", "Program", "PublicBody", "Event"} for c in mentions_of(text, "km").values())


def test_km_company_word_before_a_curated_latin_name_is_one_name() -> None:
    """ "ក្រុមហ៊ុន Huawei": the company word and the curated name, one mention with its id."""
    from kg.mentions import find_mentions

    (analysis,) = analyze([Article("t", "ក្រសួងកោះសមុទ្រ និងក្រុមហ៊ុន Huawei បានចុះហត្ថលេខា។", "km")])
    found = {m.text: m.key for m in find_mentions(analysis)}
    assert found.get("ក្រុមហ៊ុន Huawei") == "company/huawei"


@pytest.mark.parametrize(
    ("text", "name", "short", "cls"),
    [
        ("ក្រុមប្រឹក្សាទិន្នន័យព្រៃវែង (CDX) បានប្រកាស។", "ក្រុមប្រឹក្សាទិន្នន័យព្រៃវែង", "CDX", "PublicBody"),
        ("ក្រសួងកោះសមុទ្រ(ក.ក.ស.)បានប្រកាស។ ក.ក.ស. នឹងបន្ត។", "ក្រសួងកោះសមុទ្រ", "ក.ក.ស.", "Ministry"),
        # a short form up to two phrases after the head's phrase
        (
            "គណៈកម្មការសេដ្ឋកិច្ចព្រៃវែង និងសង្គមកិច្ច សម្រាប់តំបន់ខ្ពង់រាប (PV-ESC) នៅថ្ងៃនេះ",
            "គណៈកម្មការសេដ្ឋកិច្ចព្រៃវែង និងសង្គមកិច្ច សម្រាប់តំបន់ខ្ពង់រាប",
            "PV-ESC",
            "PublicBody",
        ),
    ],
)
def test_km_short_form_in_brackets(text: str, name: str, short: str, cls: str) -> None:
    found = _rules(text)
    assert found[name]["cls"] == cls and found[name]["acronym"] == short and found[short]["cls"] == cls


def test_km_defined_khmer_short_form_is_found_again() -> None:
    (analysis,) = analyze([Article("t", "ក្រសួងកោះសមុទ្រ(ក.ក.ស.)បានប្រកាស។ ក.ក.ស. នឹងបន្ត។", "km")])
    assert [m.extractor for m in km_rules(analysis) if m.text == "ក.ក.ស."] == ["rule:acronym", "rule:acronym"]


def test_km_every_rule_mention_names_its_rule() -> None:
    text = "លោក សុខ ដារា រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានចូលរួមសន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ និងប្រព័ន្ធ PaySabai។"
    (analysis,) = analyze([Article("t", text, "km")])
    extractors = {m.extractor for m in km_rules(analysis)}
    assert extractors and all(e.startswith("rule:") for e in extractors)
    assert {"rule:km:honorific", "rule:km:head", "rule:km:latin"} <= extractors


def test_km_fold_keeps_length_and_joins_spellings() -> None:
    for a, b in [("រដ្ឋមន្រ្តី", "រដ្ឋមន្ត្រី"), ("នាយករដ្ឋមន្ដ្រី", "នាយករដ្ឋមន្ត្រី"), ("បចេ្ចកវិទ្យា", "បច្ចេកវិទ្យា")]:
        assert len(fold(a)) == len(a) and fold(a) == fold(b)


# --- relation triggers ---------------------------------------------------------------------------

_SIGNED = "ក្រសួងកោះសមុទ្រ (MOSI) និងធនាគារស្រីអំពិល បានចុះហត្ថលេខាលើអនុស្សរណៈនៃការយោគយល់គ្នា។"
_BETWEEN = "ឯកឧត្តម ម៉ៅ វិចិត្រ ប្រធានវិទ្យាស្ថានទិន្នន័យព្រៃវែង បានអញ្ជើញចូលរួមក្នុង ពិធីចុះហត្ថលេខាលើអនុស្សរណៈរវាង ក្រសួងកោះសមុទ្រ និង ធនាគារស្រីអំពិល នៅថ្ងៃនេះ។"


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # signing: "A និង B ... ចុះហត្ថលេខា", and "... រវាង A និង B" (the parties after the trigger)
        (_SIGNED, ("Agreement between ធនាគារស្រីអំពិល and ក្រសួងកោះសមុទ្រ", "party", "ក្រសួងកោះសមុទ្រ")),
        (_SIGNED, ("Agreement between ធនាគារស្រីអំពិល and ក្រសួងកោះសមុទ្រ", "party", "ធនាគារស្រីអំពិល")),
        (_BETWEEN, ("Agreement between ធនាគារស្រីអំពិល and ក្រសួងកោះសមុទ្រ", "party", "ក្រសួងកោះសមុទ្រ")),
        # participant: attended / spoke at
        (
            "លោក សុខ ដារា បានអញ្ជើញចូលរួមក្នុងសន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ នៅថ្ងៃនេះ។",
            ("សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "participant", "សុខ ដារា"),
        ),
        # organizer: passive "រៀបចំដោយ" (organised by); chair: "ក្រោមអធិបតីភាព" (chaired by)
        (
            "សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ ត្រូវបានរៀបចំដោយក្រសួងកោះសមុទ្រ។",
            ("សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "organizer", "ក្រសួងកោះសមុទ្រ"),
        ),
        (
            "សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ បានប្រព្រឹត្តទៅក្រោមអធិបតីភាព ឯកឧត្តម កែវ សុភា។",
            ("សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "chair", "កែវ សុភា"),
        ),
        # location: "នៅ" (at) before a place
        (
            "សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ បានប្រព្រឹត្តទៅ នៅសៀមរាប។",
            ("សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "location", "Siem Reap"),
        ),
        # supporter: "ដោយមានការគាំទ្រពី" (with support from)
        (
            "សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣ បានប្រព្រឹត្តទៅ ដោយមានការគាំទ្រពីធនាគារស្រីអំពិល។",
            ("សន្និសីទបច្ចេកវិទ្យាមេគង្គលើកទី៣", "supporter", "ធនាគារស្រីអំពិល"),
        ),
        # a product launched by the bank named before the verb
        (
            "ធនាគារស្រីអំពិល បានដាក់ឱ្យដំណើរការប្រព័ន្ធ PaySabai ថ្មី។",
            ("PaySabai", "developedBy", "ធនាគារស្រីអំពិល"),
        ),
        # a plan put into use, and implemented, by the ministry
        (
            "ក្រសួងកោះសមុទ្រ បានដាក់ឱ្យប្រើប្រាស់យុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០។",
            ("យុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០", "issuedBy", "ក្រសួងកោះសមុទ្រ"),
        ),
        (
            "ក្រសួងកោះសមុទ្រ កំពុងអនុវត្តយុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០។",
            ("ក្រសួងកោះសមុទ្រ", "implements", "យុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០"),
        ),
        # a plan in line with a larger one
        (
            "ក្រសួងកោះសមុទ្របានរៀបចំកម្មវិធី “ភូមិឌីជីថល” ស្របតាមយុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០។",
            ("ភូមិឌីជីថល", "partOf", "យុទ្ធសាស្ត្រទិន្នន័យជាតិ ២០២៥-២០៣០"),
        ),
        # cooperation between two countries; a partner "សហការជាមួយ" (working with)
        ("កម្ពុជា និងឡាវ បានពង្រឹងកិច្ចសហប្រតិបត្តិការឌីជីថល។", ("Cambodia", "cooperatesWith", "Laos")),
        (
            "ធនាគារស្រីអំពិល បានសហការជាមួយក្រុមហ៊ុនដារាតិច ដើម្បីអភិវឌ្ឍសេវា។",
            ("ធនាគារស្រីអំពិល", "partner", "ក្រុមហ៊ុនដារាតិច"),
        ),
        # a plan named after a technology is about it
        (
            "ក្រសួងកោះសមុទ្របានដាក់ចេញយុទ្ធសាស្ត្របញ្ញាសិប្បនិម្មិតព្រៃវែង ២០២៥-២០៣០។",
            ("យុទ្ធសាស្ត្របញ្ញាសិប្បនិម្មិតព្រៃវែង ២០២៥-២០៣០", "concerns", "artificial intelligence"),
        ),
        # what a workshop is on: a technology in its sentence
        (
            "សិក្ខាសាលាស្តីពី បញ្ញាសិប្បនិម្មិត បានប្រព្រឹត្តទៅនៅថ្ងៃនេះ។",
            ("សិក្ខាសាលាស្តីពី បញ្ញាសិប្បនិម្មិត", "concerns", "artificial intelligence"),
        ),
    ],
)
def test_km_relation_triggers(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in relations_of(text, "km")


def test_km_minister_holds_office_in_the_ministry_named_after_the_title() -> None:
    found = relations_of("លោក សុខ ដារា រដ្ឋមន្ត្រីក្រសួងកោះសមុទ្រ បានថ្លែងថា ការងារល្អ។", "km")
    assert ("សុខ ដារា", "holdsPositionIn", "ក្រសួងកោះសមុទ្រ") in found


def test_km_no_agreement_without_two_parties() -> None:
    found = relations_of("ក្រសួងកោះសមុទ្រ បានចុះហត្ថលេខាលើអនុស្សរណៈនៃការយោគយល់គ្នា។", "km")
    assert not any(p == "party" for _, p, _ in found)


def test_km_short_name_of_a_curated_body_in_the_article_is_that_body() -> None:
    """ "ក្រសួងសេដ្ឋកិច្ច" after "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ" (curated): the same ministry, not a new one."""
    from kg.mentions import find_mentions

    text = "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ បានប្រកាស។ ក្រសួងសេដ្ឋកិច្ចបានបញ្ជាក់ថា ការងារល្អ។"
    (analysis,) = analyze([Article("t", text, "km")])
    keys = {m.text: m.key for m in find_mentions(analysis) if m.cls == "Ministry"}
    assert keys["ក្រសួងសេដ្ឋកិច្ច"] == keys["ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ"] == "ministry/economy-finance-cambodia"
    # a short name that two curated bodies share stays a name of its own
    text = "ក្រសួងកោះសមុទ្រ បានប្រកាស។ ក្រសួងកោះបានបញ្ជាក់។"
    (analysis,) = analyze([Article("t", text, "km")])
    assert all(m.key is None for m in find_mentions(analysis) if m.cls == "Ministry")


@pytest.mark.parametrize("text", ["  លោក សុខ ដារា  បានថ្លែង។ ", "ក្រសួងកោះសមុទ្រ\n\n  បានប្រកាស។  "])
def test_km_spaces_the_segmenter_drops_keep_every_character(text: str) -> None:
    """Where khmer-nltk's words do not give the text back, the tokens are its space-separated runs,
    double, leading and trailing spaces included (never an empty token)."""
    (analysis,) = analyze([Article("t", text, "km")])
    assert analysis.text == text
    assert all(text[m.start : m.end] == m.text for m in km_rules(analysis))
