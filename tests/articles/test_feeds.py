"""RSS and Atom feeds of articles: all, per category, per tag. Every feed
must parse with feedparser without a single error (no "bozo")."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from freezegun import freeze_time

from tests.factories import CategoryFactory, ImageFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.fixture
def injuries():
    return CategoryFactory(name="Injuries", slug="injuries")


@pytest.fixture
def articles(make_article, injuries):
    with freeze_time("2026-01-05 09:00"):
        older = make_article(title="Shin splints", intro="Why shins hurt.")
    with freeze_time("2026-02-05 09:00"):
        newer = make_article(
            title="Knee pain & running",
            intro="What <helps> a sore knee.",
            categories=[injuries],
            tags=["knee"],
            hero_image=ImageFactory(),
        )
    return older, newer


class TestArticleFeeds:
    @pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
    def test_lists_articles_newest_first_with_excerpt_author_and_dates(
        self, client, articles, url
    ):
        older, newer = articles
        response, feed = parse(client, url)
        assert feed.feed.title == "Run Well Physio"
        assert [entry.title for entry in feed.entries] == [newer.title, older.title]
        entry = feed.entries[0]
        assert entry.link == f"http://localhost{newer.url}"
        # The plain-text excerpt, escaped as HTML so readers show it as typed.
        assert BeautifulSoup(entry.summary, "html.parser").get_text() == (
            "What <helps> a sore knee."
        )
        assert entry.author == newer.author.name
        assert entry.published_parsed[:3] == (2026, 2, 5)
        assert {tag.term for tag in entry.tags} == {"Injuries", "knee"}

    @pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
    def test_hero_image_is_an_absolute_jpeg_enclosure(self, client, articles, url):
        older, newer = articles
        _, feed = parse(client, url)
        with_image, without_image = feed.entries
        (enclosure,) = with_image.enclosures
        assert enclosure.href.startswith("http://localhost/media/images/")
        assert enclosure.type == "image/jpeg"
        assert int(enclosure.length) > 0
        path = enclosure.href.removeprefix("http://localhost/media/")
        assert default_storage.size(path) == int(enclosure.length)
        assert without_image.enclosures == []

    def test_feed_links_are_absolute_on_the_wagtail_site(self, client, articles):
        # Not django.contrib.sites' "example.com": the Wagtail Site's hostname.
        _, feed = parse(client, "/feeds/atom/")
        assert feed.feed.link == "http://localhost/"
        assert b"example.com" not in client.get("/feeds/rss/").content

    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_category_feed_has_only_that_category(self, client, articles, kind):
        _, feed = parse(client, f"/feeds/category/injuries/{kind}/")
        assert [entry.title for entry in feed.entries] == ["Knee pain & running"]
        assert feed.feed.title == "Run Well Physio: Injuries"
        assert feed.feed.link == "http://localhost/category/injuries/"

    @pytest.mark.parametrize("kind", ["rss", "atom"])
    def test_tag_feed_has_only_that_tag(self, client, articles, kind):
        _, feed = parse(client, f"/feeds/tag/knee/{kind}/")
        assert [entry.title for entry in feed.entries] == ["Knee pain & running"]

    @pytest.mark.parametrize(
        "url", ["/feeds/category/nope/rss/", "/feeds/tag/nope/atom/"]
    )
    def test_unknown_category_or_tag_is_404(self, client, articles, url):
        assert client.get(url).status_code == 404

    def test_drafts_and_private_articles_are_left_out(
        self, client, make_article, blog_index
    ):
        from wagtail.models import PageViewRestriction

        from tests.factories import ArticlePageFactory

        ArticlePageFactory(parent=blog_index, title="Draft", live=False)
        private = make_article(title="Private")
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="x"
        )
        make_article(title="Public")
        _, feed = parse(client, "/feeds/rss/")
        assert [entry.title for entry in feed.entries] == ["Public"]

    def test_every_page_advertises_the_site_feeds(self, client, articles, blog_index):
        for url in ("/", articles[0].url):
            html = client.get(url).content.decode()
            assert 'type="application/rss+xml"' in html
            assert 'href="/feeds/rss/"' in html and 'href="/feeds/atom/"' in html
