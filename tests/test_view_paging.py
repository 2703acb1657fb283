"""The details panel of a node with hundreds of articles and evidence quotes stays small:
evidence grouped by article, articles, relations and quotes paged (real chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_view import _entity, _rel
from test_view_browser import browser, open_page  # noqa: F401 (fixtures)

from kg.graph import build_graph
from kg.records import Article
from kg.view import write_html

pytestmark = pytest.mark.browser

N_ARTICLES = 400
N_PARTNERS = 60


def hub_graph():
    ids = [f"{i:03d}_en" for i in range(N_ARTICLES)]
    articles = [Article(a, "…", "en", title=f"Dispatch number {i}") for i, a in enumerate(ids)]
    hub = _entity("company/orvanta", "Company", "Orvanta Holdings", ids)
    partners = [_entity(f"company/partner-{i}", "Company", f"Partner Firm {i}", ids[i : i + 1]) for i in range(N_PARTNERS)]
    relations = [
        # three quotes per article on one relation: 1,200 evidence records in all
        _rel("company/orvanta", "partner", "company/partner-0", a, f"Orvanta and Partner Firm 0, quote {k} of {a}.")
        for a in ids
        for k in range(3)
    ]
    relations += [
        _rel("company/orvanta", "partner", f"company/partner-{i}", ids[i], f"Orvanta works with Partner Firm {i}.")
        for i in range(1, N_PARTNERS)
    ]
    return build_graph(articles, [hub, *partners], relations)


def test_a_hub_node_renders_a_small_paged_panel(tmp_path: Path, open_page) -> None:  # noqa: F811
    graph = hub_graph()
    write_html(graph, tmp_path / "graph.html")
    opened = open_page(tmp_path / "graph.html")
    page = opened.page
    page.evaluate("(id) => kgSelect(id)", "https://w3id.org/mekong-kg/resource/company/orvanta")
    panel = page.locator("#kg-details")
    assert "MENTIONED IN 400 ARTICLES" in panel.inner_text().upper()
    assert page.locator("#kg-details-articles > li").count() == 25
    assert page.locator("#kg-details-relations > li").count() == 20
    assert page.locator("#kg-details blockquote p").count() <= 20 * 3 * 3
    height = page.evaluate("() => document.getElementById('kg-details').scrollHeight")
    assert height < 20_000, height

    # the relation with 1,200 quotes: grouped by article, 3 quotes under one source line, 3 articles shown
    first = page.locator("#kg-details-relations > li").filter(has_text="Partner Firm 0").first
    assert first.locator("blockquote").count() == 3
    assert first.locator("blockquote").first.locator("p").count() == 3
    assert "3 quotes" in first.locator("blockquote .kg-source").first.inner_text()
    first.locator("button.kg-more").click()
    assert first.locator("blockquote").count() == 13
    assert "(387 left)" in first.locator("button.kg-more").inner_text()

    # paging the lists
    page.locator("#kg-details-articles + button.kg-more").click()
    assert page.locator("#kg-details-articles > li").count() == 50
    relations_more = page.locator("#kg-details-relations + button.kg-more")
    for _ in range(2):
        relations_more.click()
    assert page.locator("#kg-details-relations > li").count() == N_PARTNERS
    assert relations_more.is_hidden()
    opened.assert_clean()
