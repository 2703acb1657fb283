"""The view's embedded Thai, Lao and Khmer web fonts: which the page embeds, and that a real chromium with no
fonts for those scripts draws them with the embedded faces and not as boxes (tofu)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph
from test_view import _entity, _rel, contract_entities, sample_graph

from kg.graph import build_graph
from kg.records import Article
from kg.view import write_html
from kg.view.html import FONT_STACK, WEB_FONTS, font_faces

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
FONTS = resources.files("kg.view") / "static" / "fonts"

#: Invented names, one organisation and one person per script (subscripts and stacked vowels on purpose).
THAI_COMPANY = "บริษัท ฟ้าใส ดิจิทัล"
THAI_PERSON = "สมพร ใจดีงาม"
LAO_COMPANY = "ບໍລິສັດ ດາວເງິນ ດິຈິຕອນ"
LAO_PERSON = "ບຸນມີ ແກ້ວສີທອງ"
KHMER_COMPANY = "ក្រុមហ៊ុន ស្រីពេជ្រ ឌីជីថល"
KHMER_PERSON = "សុខ វណ្ណារី"
SCRIPT_NODES = {
    "th": ("company/fahsai-digital", THAI_COMPANY),
    "lo": ("company/daongeun-digital", LAO_COMPANY),
    "km": ("company/sreipich-digital", KHMER_COMPANY),
}
FAMILIES = {"th": "Noto Sans Thai", "lo": "Noto Sans Lao", "km": "Noto Sans Khmer"}


def mekong_graph() -> Graph:
    """A small corpus with Thai, Lao and Khmer articles, names and evidence (all names invented)."""
    articles = [
        Article("100_th", "…", "th", title="ฟ้าใส ดิจิทัล เปิดตัวแอปใหม่"),
        Article("101_lo", "…", "lo", title="ດາວເງິນ ດິຈິຕອນ ເປີດຕົວລະບົບໃໝ່"),
        Article("102_km", "…", "km", title="ស្រីពេជ្រ ឌីជីថល ចុះហត្ថលេខា"),
    ]
    entities = [
        _entity("country/thailand", "Country", "Thailand", ["100_th"], th=["ประเทศไทย"]),
        _entity("country/laos", "Country", "Laos", ["101_lo"], lo=["ລາວ"]),
        _entity("country/cambodia", "Country", "Cambodia", ["102_km"], km=["កម្ពុជា"]),
        _entity("company/fahsai-digital", "Company", "Fahsai Digital", ["100_th"], th=[THAI_COMPANY]),
        _entity("person/somporn-jaidee", "Person", "Somporn Jaidee", ["100_th"], th=[THAI_PERSON]),
        _entity("company/daongeun-digital", "Company", "Daongeun Digital", ["101_lo"], lo=[LAO_COMPANY]),
        _entity("person/bounmy-keosithong", "Person", "Bounmy Keosithong", ["101_lo"], lo=[LAO_PERSON]),
        _entity("company/sreipich-digital", "Company", "Sreipich Digital", ["102_km"], km=[KHMER_COMPANY]),
        _entity("person/sok-vannary", "Person", "Sok Vannary", ["102_km"], km=[KHMER_PERSON]),
    ]
    relations = [
        _rel("company/fahsai-digital", "country", "country/thailand", "100_th", "ฟ้าใส ดิจิทัล ในประเทศไทย", "th"),
        _rel("person/somporn-jaidee", "holdsPositionIn", "company/fahsai-digital", "100_th", "สมพร ใจดีงาม ผู้บริหาร", "th"),
        _rel("company/daongeun-digital", "country", "country/laos", "101_lo", "ດາວເງິນ ດິຈິຕອນ ຢູ່ ລາວ", "lo"),
        _rel("person/bounmy-keosithong", "holdsPositionIn", "company/daongeun-digital", "101_lo", "ທ່ານ ບຸນມີ ແກ້ວສີທອງ", "lo"),
        _rel("company/sreipich-digital", "country", "country/cambodia", "102_km", "ស្រីពេជ្រ ឌីជីថល នៅកម្ពុជា", "km"),
        _rel("person/sok-vannary", "holdsPositionIn", "company/sreipich-digital", "102_km", "លោកស្រី សុខ វណ្ណារី", "km"),
        _rel("company/daongeun-digital", "partner", "company/sreipich-digital", "101_lo", "ຮ່ວມມືກັບ ស្រីពេជ្រ", "lo"),
    ]
    return build_graph(articles, entities, relations)


def _faces(page: str) -> list[str]:
    return re.findall(r"@font-face \{ font-family: '([^']+)'", page)


# ---- what the page embeds (no browser) ------------------------------------------------------------


def test_fonts_ship_with_the_package_with_their_licence() -> None:
    for _family, filename, _script, _range in WEB_FONTS:
        data = (FONTS / filename).read_bytes()
        assert data[:4] == b"wOF2", f"{filename} is not WOFF2"
        assert 3_000 < len(data) < 40_000, f"{filename} is not a subset ({len(data)} bytes)"
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    assert "pyftsubset" in (FONTS / "README.md").read_text(encoding="utf-8")


def test_english_only_page_embeds_no_font(tmp_path: Path) -> None:
    graph = build_graph(
        [Article("200_en", "…", "en", title="Fahsai Digital opens an office")],
        [_entity("company/fahsai-digital", "Company", "Fahsai Digital", ["200_en"], vi=["Công ty Fahsai"])],
        [],
    )
    write_html(graph, tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert _faces(page) == [] and "font/woff2" not in page


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Fahsai Digital, Công ty Fahsai", []),
        (THAI_PERSON, ["Noto Sans Thai"]),
        (f"{LAO_PERSON} and {KHMER_PERSON}", ["Noto Sans Lao", "Noto Sans Khmer"]),
        ("។", ["Noto Sans Khmer"]),  # Khmer punctuation alone is Khmer
    ],
)
def test_only_the_scripts_present_are_embedded(text: str, families: list[str]) -> None:
    css = font_faces(text)
    assert _faces(css) == families
    assert css.count("unicode-range:") == len(families)


def test_sample_page_with_thai_and_lao_labels_embeds_those_two(tmp_path: Path) -> None:
    write_html(sample_graph(), tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert _faces(page) == ["Noto Sans Thai", "Noto Sans Lao"]
    assert "font-src data:" in page, "the page's CSP must let the data: fonts load"


def test_embedded_fonts_lead_the_font_stacks(tmp_path: Path) -> None:
    write_html(mekong_graph(), tmp_path / "graph.html")
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert FONT_STACK.startswith("'Noto Sans Thai', 'Noto Sans Lao', 'Noto Sans Khmer',")
    assert f'"face":"{FONT_STACK}"' in page.replace("\\u0027", "'"), "canvas labels use the stack"
    css = (resources.files("kg.view") / "static" / "view.css").read_text(encoding="utf-8")
    assert re.search(r'--font: "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer",', css), "the panel uses the stack"


# ---- a real chromium that has no Thai, Lao or Khmer font --------------------------------------------


@pytest.fixture(scope="module")
def bare_browser(in_ci: bool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Chromium whose fontconfig sees only DejaVu Serif (Latin; no Thai, Lao or Khmer glyphs), or no font at all."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (make test installs it)"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    conf_dir = tmp_path_factory.mktemp("fontconfig")
    (conf_dir / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
        # DejaVu Sans has Lao glyphs: only the serif faces (Latin, Greek, Cyrillic) are let in
        "  <selectfont><rejectfont><glob>*/DejaVuSans*</glob></rejectfont></selectfont>\n"
        f"  <cachedir>{conf_dir / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf_dir / "fonts.conf"), "FONTCONFIG_PATH": str(conf_dir)}
    args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=args, env=env)
        yield chromium
        chromium.close()


MEASURE = """([family, text]) => {
  const ctx = document.createElement("canvas").getContext("2d");
  const width = (font, t) => { ctx.font = font; return ctx.measureText(t).width; };
  const chars = [...text].filter((c) => c !== " ");
  return {
    embedded: width(`32px "${family}", serif`, text),
    boxes: width(`32px "${family}", serif`, "\\u25a1".repeat([...text].length)),
    embeddedChars: chars.map((c) => width(`32px "${family}", serif`, c)),
    fallbackChars: chars.map((c) => width("32px serif", c)),
    notdef: width("32px serif", "\\ue000"),
  };
}"""


@pytest.mark.browser
def test_view_fonts_draw_thai_lao_khmer_without_system_fonts(tmp_path: Path, bare_browser: object) -> None:
    graph = mekong_graph()
    write_html(graph, tmp_path / "graph.html")
    context = bare_browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []

    def route(route: object) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((tmp_path / "graph.html").as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=60_000)
    assert page.evaluate("() => network.body.data.nodes.length") == len(contract_entities(graph))

    faces = page.evaluate("() => Array.from(document.fonts).map(f => [f.family.replace(/[\"']/g, ''), f.status])")
    assert sorted(faces) == sorted([family, "loaded"] for family in FAMILIES.values())

    (REPO / "build").mkdir(exist_ok=True)
    for lang, (key, label) in SCRIPT_NODES.items():
        page.click(f'#kg-langs button[data-lang="{lang}"]')
        node = next(n for n in contract_entities(graph) if n.endswith(key))
        assert page.evaluate("(id) => network.body.data.nodes.get(id).label", node) == label
        page.evaluate("(id) => kgSelect(id)", node)
        assert page.locator("#kg-details-title").inner_text() == label
        family = FAMILIES[lang]
        assert page.evaluate('([f, t]) => document.fonts.check(`16px "${f}"`, t)', [family, label])
        m = page.evaluate(MEASURE, [family, label])
        # this machine's fonts cannot draw the script: every letter falls back to the missing-glyph box (marks to nothing)
        assert {round(w) for w in m["fallbackChars"]} <= {0, round(m["notdef"])}, f"a system font draws {lang}: {m}"
        # the embedded face draws it: letters of many widths, not one box each
        assert len({round(w) for w in m["embeddedChars"] if w > 0}) >= 3, m
        assert abs(m["embedded"] - m["boxes"]) > 8, m
        # the panel's heading (DOM, not canvas) is set in the stack led by the embedded faces
        stack = page.evaluate("() => getComputedStyle(document.getElementById('kg-details-title')).fontFamily")
        assert stack.startswith('"Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer"'), stack
        page.evaluate("() => network.fit()")
        page.wait_for_timeout(300)
        page.screenshot(path=str(REPO / "build" / f"graph-{lang}.png"))
    assert requests == [], f"the page tried to reach the network: {requests}"
    assert errors == [], f"the page logged errors: {errors}"
    context.close()
