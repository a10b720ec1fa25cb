"""Accessibility checks that need no browser, on every kind of public page:
one h1, headings that do not skip a level, landmarks, a working skip link,
labelled form fields, alt text. The comment form's error state is tested in
tests/comments/test_form_accessibility.py, and axe-core in a real browser in
tests/e2e/test_axe_reach_pages.py."""

import pytest
from bs4 import BeautifulSoup

from tests.comment_helpers import add_comment
from tests.factories import CategoryFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(make_article, blog_index):
    """The public pages of a small site: home, an article with a discussion
    and a video, its archives, search with and without results, and a 404."""
    category = CategoryFactory(name="Injuries", slug="injuries")
    body = [
        ("heading", {"text": "What it is", "level": "h2"}),
        ("paragraph", "<p>Pain along the shin.</p>"),
        ("heading", {"text": "Early signs", "level": "h3"}),
        ("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Calf raise"}),
    ]
    article = make_article(
        title="Shin splints",
        body=body,
        categories=[category],
        tags=["shins"],
        hero_image=ImageFactory(),
    )
    first = add_comment(article, "Ice helped.", name="Ana")
    add_comment(article, "Same here.", parent=first, name="Ben")
    return {
        "home": ("/", 200),
        "article": (article.url, 200),
        "category": ("/category/injuries/", 200),
        "tag": ("/tag/shins/", 200),
        "author": (f"/author/{article.author.slug}/", 200),
        "search": ("/search/?q=shin", 200),
        "search-empty": ("/search/?q=zebra", 200),
        "search-form": ("/search/", 200),
        "not-found": ("/no-such-page/", 404),
    }


PAGES = [
    "home",
    "article",
    "category",
    "tag",
    "author",
    "search",
    "search-empty",
    "search-form",
    "not-found",
]


def load(client, site_pages, name):
    url, status = site_pages[name]
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("name", PAGES)
class TestEveryPage:
    def test_one_h1_and_no_skipped_heading_levels(self, client, site_pages, name):
        html = load(client, site_pages, name)
        levels = [int(h.name[1]) for h in html.find_all(["h1", "h2", "h3", "h4"])]
        assert levels.count(1) == 1 and levels[0] == 1, levels
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, levels

    def test_landmarks_and_skip_link(self, client, site_pages, name):
        html = load(client, site_pages, name)
        assert html.html["lang"] == "en-GB"
        skip = html.body.find("a")
        assert skip["href"] == "#main" and skip.text == "Skip to content"
        assert html.select("body > main#main") and len(html.find_all("main")) == 1
        assert len(html.select("body > header")) == 1
        assert len(html.select("body > footer")) == 1
        searches = html.select('[role="search"]')
        assert len(searches) == 1  # the search page replaces the header's form
        assert searches[0].get("aria-label")

    def test_every_field_has_a_label_and_every_image_alt_text(
        self, client, site_pages, name
    ):
        html = load(client, site_pages, name)
        for field in html.select("input, textarea, select"):
            if field.get("type") in ("hidden", "submit"):
                continue
            assert html.select_one(f'label[for="{field["id"]}"]'), field
        for image in html.find_all("img"):
            assert image.has_attr("alt"), image


class TestArticleSpecifics:
    def test_comment_tree_is_nested_lists_naming_who_is_replied_to(
        self, client, site_pages
    ):
        html = load(client, site_pages, "article")
        replies = html.select_one("ol.comment-list > li.comment > ol.comment-list")
        assert replies["aria-label"] == "Replies to Ana"
        assert replies.select_one("li.comment .comment__by").text.strip() == "Ben"

    def test_video_facade_is_a_link_named_by_its_visible_text(self, client, site_pages):
        html = load(client, site_pages, "article")
        link = html.select_one(".video__link")
        assert link.name == "a" and link["href"].startswith("https://www.youtube")
        name = " ".join(link.get_text(" ").split())
        assert name.startswith("Play video: Calf raise")
