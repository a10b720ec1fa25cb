"""axe-core finds no accessibility violations on the search and archive
pages of the demo site, nor on the keyboard path through them: a header
search, results with highlighted words, archives reached from an article."""

import pytest
from playwright.sync_api import expect

from .axe import describe

REACH_PAGES = [
    "/search/",
    "/search/?q=back+pain",
    "/search/?q=zebra",
    "/category/injuries/",
    "/tag/lower-back-pain/",
    "/author/sam-carter/",
    "/no-such-page/",
]


@pytest.fixture
def axe_page(new_context):
    """A page that lets axe-core be injected: the site's Content-Security-
    Policy (script-src 'self') would otherwise refuse the injected script."""
    return new_context(bypass_csp=True).new_page()


@pytest.mark.parametrize("path", REACH_PAGES)
def test_reach_pages_have_no_axe_violations(axe_page, site, axe_violations, path):
    page = axe_page
    response = page.goto(path)
    expected = 404 if path == "/no-such-page/" else 200
    assert response.status == expected
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_keyboard_reader_searches_from_the_header_and_opens_a_result(
    page, site, screenshot
):
    page.goto("/")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    search = page.get_by_role("searchbox", name="Search articles")
    search.focus()
    page.keyboard.type("stretches")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=stretches")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Search results for “stretches”"
    )
    first = page.locator(".search-result__title a").first
    expect(first.locator("mark").first).to_be_visible()
    screenshot(page, "search-results")
    first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/search/" not in page.url


def test_article_links_lead_to_their_archives(page, site):
    page.goto(site.article_url("running-with-lower-back-pain"))
    page.locator(".article__categories").get_by_role("link", name="Injuries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Injuries")
    page.go_back()
    page.locator(".tags").get_by_role("link", name="core").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tagged “core”")
