"""Category, tag and author archives: what they list, their titles and
descriptions, pagination (bad page numbers never give a 500), and the links
to them from every article."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from articles.models import ARTICLES_PER_PAGE
from tests.comment_helpers import add_comment
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.text for a in html.select(".article-list .card__title a")]


@pytest.fixture
def strength():
    return CategoryFactory(
        name="Strength", slug="strength", description="Exercises that keep you running."
    )


@pytest.fixture
def rowan():
    return AuthorFactory(name="Rowan Hale", slug="rowan-hale", bio="Sports physio.")


class TestWhatArchivesList:
    def test_category_lists_its_live_articles_with_title_and_description(
        self, client, make_article, strength
    ):
        make_article(title="Squats", categories=[strength])
        make_article(title="Unrelated")
        html = soup(client.get("/category/strength/"))
        assert html.h1.text == "Strength"
        assert html.title.text.startswith("Strength ·")
        assert html.select_one(".lead").text == "Exercises that keep you running."
        assert html.select_one('meta[name="description"]')["content"] == (
            "Exercises that keep you running."
        )
        assert titles(html) == ["Squats"]

    def test_category_without_a_description_gets_a_sentence(self, client, blog_index):
        CategoryFactory(name="Recovery", slug="recovery")
        html = soup(client.get("/category/recovery/"))
        assert "Articles about recovery" in html.select_one(".lead").text
        assert "No articles in this category yet." in html.text

    def test_tag_lists_articles_with_that_tag(self, client, make_article):
        make_article(title="Calf raises", tags=["calves"])
        make_article(title="Other", tags=["hips"])
        html = soup(client.get("/tag/calves/"))
        assert html.h1.text == "Tagged “calves”"
        assert titles(html) == ["Calf raises"]

    def test_tag_used_only_by_drafts_or_unknown_is_404(
        self, client, make_article, blog_index
    ):
        from tests.factories import ArticlePageFactory

        draft = ArticlePageFactory(parent=blog_index, live=False)
        draft.tags.add("secret")
        draft.save()
        assert client.get("/tag/secret/").status_code == 404
        assert client.get("/tag/never-used/").status_code == 404

    def test_author_page_shows_bio_and_their_articles(
        self, client, make_article, rowan
    ):
        make_article(title="Hamstrings", author=rowan)
        make_article(title="Someone else's")
        html = soup(client.get("/author/rowan-hale/"))
        assert html.h1.text == "Rowan Hale"
        assert html.select_one(".lead").text == "Sports physio."
        assert titles(html) == ["Hamstrings"]

    @pytest.mark.parametrize(
        "url", ["/category/nope/", "/author/nobody/", "/category/", "/author/"]
    )
    def test_unknown_archive_is_404(self, client, blog_index, url):
        assert client.get(url).status_code == 404

    def test_archives_carry_canonical_and_feed_links(
        self, client, make_article, strength
    ):
        make_article(categories=[strength])
        html = soup(client.get("/category/strength/"))
        canonical = html.select_one('link[rel="canonical"]')["href"]
        assert canonical == "http://localhost/category/strength/"
        feeds = {link["href"] for link in html.select('link[rel="alternate"]')}
        assert "/feeds/category/strength/rss/" in feeds
        assert "/feeds/category/strength/atom/" in feeds


class TestPagination:
    @pytest.fixture
    def many(self, make_article, strength):
        return [
            make_article(title=f"Drill {n:02}", categories=[strength])
            for n in range(ARTICLES_PER_PAGE + 2)
        ]

    def test_pages_split_the_list_and_link_to_each_other(self, client, many):
        first = soup(client.get("/category/strength/"))
        second = soup(client.get("/category/strength/", {"page": 2}))
        assert len(titles(first)) == ARTICLES_PER_PAGE
        assert len(titles(second)) == 2
        assert not set(titles(first)) & set(titles(second))
        assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
        assert second.select_one('.pagination a[rel="prev"]')["href"] == "?page=1"
        assert "(page 2)" in second.title.text
        canonical = second.select_one('link[rel="canonical"]')["href"]
        assert canonical == "http://localhost/category/strength/?page=2"

    @pytest.mark.parametrize("page", ["abc", "", "1.5", "%00", "\x00", "2abc"])
    def test_a_page_that_is_not_a_number_gives_the_first(self, client, many, page):
        html = soup(client.get("/category/strength/", {"page": page}))
        assert len(titles(html)) == ARTICLES_PER_PAGE

    @pytest.mark.parametrize("page", ["0", "-1", "3", "99999999999999999999999"])
    def test_a_page_out_of_range_is_404_never_500(self, client, many, page):
        assert client.get("/category/strength/", {"page": page}).status_code == 404

    @pytest.mark.parametrize("url", ["/tag/drills/", "/author/rowan-hale/"])
    def test_tag_and_author_archives_paginate_too(
        self, client, make_article, rowan, url
    ):
        for n in range(ARTICLES_PER_PAGE + 1):
            make_article(title=f"D{n}", tags=["drills"], author=rowan)
        assert len(titles(soup(client.get(url, {"page": 2})))) == 1
        assert client.get(url, {"page": 3}).status_code == 404


class TestLinksFromArticles:
    def test_category_tag_and_author_link_to_their_archives(
        self, client, make_article, strength, rowan
    ):
        article = make_article(categories=[strength], tags=["Glute Work"], author=rowan)
        html = soup(client.get(article.url))
        category = html.select_one(".article__categories a")
        assert (category.text, category["href"]) == ("Strength", "/category/strength/")
        tag = html.select_one(".tags a.tag")
        assert (tag.text, tag["href"]) == ("Glute Work", "/tag/glute-work/")
        author = html.select_one(".article__meta a.byline__author")
        assert (author.text, author["href"]) == ("Rowan Hale", "/author/rowan-hale/")
        for link in (category, tag, author):
            assert client.get(link["href"]).status_code == 200

    def test_a_fully_dressed_article_stays_within_the_query_budget(
        self,
        client,
        make_article,
        strength,
        rowan,
        settings,
        django_assert_max_num_queries,
    ):
        # Archive links, hero image (social card, JSON-LD), medical reviewer
        # and a discussion: still within the page's budget of 15 queries.
        settings.PAGE_CACHE_SECONDS = 0  # count the rendering, not a cache hit
        article = make_article(
            categories=[strength],
            tags=["a", "b"],
            author=rowan,
            reviewer=AuthorFactory(),
            last_reviewed=dt.date(2026, 1, 1),
            hero_image=ImageFactory(),
        )
        first = add_comment(article, "First")
        add_comment(article, "Reply", parent=first)
        client.get(article.url)
        with django_assert_max_num_queries(15):
            response = client.get(article.url)
        html = BeautifulSoup(response.content, "html.parser")
        assert len(html.select(".comment")) == 2
        assert html.select_one(".article__review") is not None


def test_home_page_preview_still_renders_the_article_list(make_article, blog_index):
    # RoutablePageMixin previews the "" route: the index with its articles.
    make_article(title="Shown in preview")
    response = blog_index.make_preview_request()
    assert response.status_code == 200
    assert b"Shown in preview" in response.render().content
