import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from freezegun import freeze_time

from articles.models import ArticlePage
from tests.factories import CategoryFactory, publish

pytestmark = pytest.mark.django_db


def get_soup(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


class TestArticleRendering:
    def test_shows_title_intro_author_and_published_date(self, client, make_article):
        article = make_article(title="Knee pain", intro="Why knees ache.")
        html = get_soup(client, article.url)
        assert html.h1.text == "Knee pain"
        assert html.select_one(".lead").text == "Why knees ache."
        assert article.author.name in html.select_one(".article__meta").text
        published = html.select_one(".article__meta time")
        assert published["datetime"] == article.first_published_at.isoformat()
        assert len(html.find_all("h1")) == 1

    def test_user_text_is_escaped(self, client, make_article):
        article = make_article(title="<script>alert(1)</script>", intro="<b>x</b>")
        html = get_soup(client, article.url)
        assert html.find("script", string="alert(1)") is None
        assert html.h1.text == "<script>alert(1)</script>"

    def test_page_makes_no_request_to_another_host(self, client, make_article):
        body = [("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Plank"})]
        article = make_article(body=body)
        html = get_soup(client, article.url)
        for tag in html.find_all(src=True):
            assert tag["src"].startswith("/"), tag
        # Canonical, feed and prev/next links name addresses; they load nothing.
        addresses = {"canonical", "alternate", "prev", "next"}
        for tag in html.find_all("link", href=True):
            if not addresses.intersection(tag.get("rel", [])):
                assert tag["href"].startswith("/"), tag


class TestLastUpdated:
    def publish_at(self, article, when, minor=False):
        with freeze_time(when):
            article = ArticlePage.objects.get(
                pk=article.pk
            ).get_latest_revision_as_object()
            article.title += "!"
            article.minor_change = minor
            return publish(article)

    def test_first_publication_sets_it_to_the_publication_date(self, make_article):
        with freeze_time("2026-01-10 09:00"):
            article = make_article()
        assert article.last_updated_at == article.first_published_at
        assert not article.was_updated

    def test_a_real_change_moves_it(self, make_article, client):
        with freeze_time("2026-01-10 09:00"):
            article = make_article()
        article = self.publish_at(article, "2026-03-01 12:00")
        assert article.last_updated_at.date() == dt.date(2026, 3, 1)
        assert article.first_published_at.date() == dt.date(2026, 1, 10)
        html = get_soup(client, article.url)
        assert "Last updated on 1 March 2026" in html.select_one(".article__meta").text

    def test_a_minor_change_leaves_it_alone(self, make_article, client):
        with freeze_time("2026-01-10 09:00"):
            article = make_article()
        article = self.publish_at(article, "2026-02-01 12:00")
        article = self.publish_at(article, "2026-05-01 12:00", minor=True)
        assert article.last_updated_at.date() == dt.date(2026, 2, 1)
        assert article.last_published_at.date() == dt.date(2026, 5, 1)
        assert article.title.endswith("!!")  # the minor change itself went live
        html = get_soup(client, article.url)
        assert "Last updated on 1 February 2026" in html.text

    def test_minor_tick_does_not_stick_to_the_next_edit(self, make_article):
        article = self.publish_at(make_article(), timezone.now(), minor=True)
        assert article.get_latest_revision_as_object().minor_change is False


class TestReadNext:
    def test_editors_choice_wins(self, make_article, client):
        stretches = make_article(title="Stretches")
        make_article(title="Newer, same tag", tags=["back"])
        article = make_article(title="Back pain", read_next=stretches, tags=["back"])
        assert article.get_read_next() == stretches
        link = get_soup(client, article.url).select_one(".read-next a")
        assert link["href"] == stretches.url
        assert link.text == "Read Next >> Stretches"

    def test_falls_back_to_newest_live_article_sharing_a_tag_or_category(
        self, make_article
    ):
        injuries = CategoryFactory(name="Injuries")
        with freeze_time("2026-01-01"):
            make_article(title="Old, shares tag", tags=["back"])
        with freeze_time("2026-02-01"):
            by_category = make_article(title="Shares category", categories=[injuries])
        with freeze_time("2026-03-01"):
            make_article(title="Unrelated", tags=["knees"])
        with freeze_time("2026-04-01"):
            article = make_article(title="Back", tags=["back"], categories=[injuries])
        assert article.get_read_next() == by_category

    def test_fallback_skips_unpublished_and_private_articles(self, make_article):
        with freeze_time("2026-01-01"):
            visible = make_article(title="Visible", tags=["back"])
        with freeze_time("2026-02-01"):
            draft = make_article(title="Draft", tags=["back"])
        draft.unpublish()
        article = make_article(title="Back", tags=["back"], read_next=draft)
        assert article.get_read_next() == visible

    def test_nothing_when_nothing_is_related(self, make_article, client):
        make_article(title="Knees", tags=["knees"])
        article = make_article(title="Back", tags=["back"])
        assert article.get_read_next() is None
        assert get_soup(client, article.url).select_one(".read-next") is None


class TestBlogIndex:
    def test_lists_live_articles_newest_first(self, blog_index, make_article, client):
        for day in (1, 3, 2):
            with freeze_time(f"2026-01-0{day}"):
                make_article(title=f"Day {day}")
        draft = make_article(title="Draft")
        draft.unpublish()
        titles = [
            a.text for a in get_soup(client, blog_index.url).select(".card__title")
        ]
        assert titles == ["Day 3", "Day 2", "Day 1"]

    def test_cards_show_excerpt_author_and_date(self, blog_index, make_article, client):
        article = make_article(title="Shins", intro="Shin splints explained.")
        card = get_soup(client, blog_index.url).select_one(".card")
        assert card.select_one("a")["href"] == article.url
        assert "Shin splints explained." in card.text
        assert article.author.name in card.select_one(".byline").text

    def test_paginates_ten_per_page(self, blog_index, make_article, client):
        for number in range(12):
            with freeze_time(dt.datetime(2026, 1, 1) + dt.timedelta(days=number)):
                make_article(title=f"A{number}")
        first = get_soup(client, blog_index.url)
        second = get_soup(client, blog_index.url, page=2)
        assert len(first.select(".card")) == 10
        assert [c.text for c in second.select(".card__title")] == ["A1", "A0"]
        assert second.select_one("a[rel=prev]")["href"] == "?page=1"

    @pytest.mark.parametrize("page", ["abc", "", "-1x", "1.5"])
    def test_page_numbers_that_are_not_numbers_give_page_one(
        self, blog_index, make_article, client, page
    ):
        make_article(title="Only")
        html = get_soup(client, blog_index.url, page=page)
        assert [c.text for c in html.select(".card__title")] == ["Only"]

    @pytest.mark.parametrize("page", ["2", "0", "-1", "99999999999999999999"])
    def test_page_numbers_out_of_range_are_404(
        self, blog_index, make_article, client, page
    ):
        make_article(title="Only")
        response = client.get(blog_index.url, {"page": page})
        assert response.status_code == 404
        assert b"Page not found" in response.content


def test_unknown_paths_get_the_sites_404_page(client, blog_index):
    response = client.get("/no-such-article/?x=%00%ff")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text == "Page not found"
    assert html.select_one(".site-header") is not None
