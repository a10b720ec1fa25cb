"""The search page: results from Wagtail search with highlighted excerpts,
pagination, a helpful page when nothing is found, and a normal page (never
a 500) for empty, very long or strange queries. Runs on both databases."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.rich_text import RichText

from articles import search
from articles.routes import SEARCH_RESULTS_PER_PAGE
from tests.factories import AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

LONG_BODY = (
    "Runners often ignore early warning signs. " * 12
    + "Glute bridges build hip strength and protect the knee. "
    + "Rest days matter as much as training days. " * 8
)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [a.text for a in html.select(".search-result__title a")]


@pytest.fixture
def hips(make_article):
    body = [("paragraph", RichText(f"<p>{LONG_BODY}</p>"))]
    return make_article(
        title="Hips and knees",
        intro="Why hip strength matters.",
        body=body,
        tags=["gluteus"],
        author=AuthorFactory(name="Rowan Hale"),
        categories=[CategoryFactory(name="Strength")],
    )


@pytest.fixture
def knees(make_article):
    return make_article(title="Shin splints", intro="Tibia pain in new runners.")


class TestResults:
    @pytest.mark.parametrize("query", ["bridges", "gluteus", "Rowan", "hips"])
    def test_finds_articles_by_body_tags_author_and_title(
        self, client, hips, knees, query
    ):
        html = soup(client.get("/search/", {"q": query}))
        assert result_titles(html) == ["Hips and knees"]
        assert html.select_one(".search-count").text.startswith("1 article found")

    def test_excerpt_comes_from_the_body_around_the_match_and_is_marked(
        self, client, hips, knees
    ):
        html = soup(client.get("/search/", {"q": "bridges"}))
        excerpt = html.select_one(".search-result__excerpt")
        assert [mark.text for mark in excerpt.select("mark")] == ["bridges"]
        assert excerpt.text.startswith("… ")
        assert len(excerpt.text) < search.EXCERPT_LENGTH + 10

    def test_title_words_are_marked(self, client, hips, knees):
        html = soup(client.get("/search/", {"q": "hips"}))
        assert html.select_one(".search-result__title mark").text == "Hips"

    def test_results_are_paginated_keeping_the_query(self, client, make_article):
        for number in range(SEARCH_RESULTS_PER_PAGE + 1):
            make_article(title=f"Plantar fascia {number}")
        first = soup(client.get("/search/", {"q": "plantar"}))
        assert len(result_titles(first)) == SEARCH_RESULTS_PER_PAGE
        next_link = first.select_one('.pagination a[rel="next"]')["href"]
        assert next_link == "?q=plantar&page=2"
        second = soup(client.get("/search/" + next_link))
        assert len(result_titles(second)) == 1
        assert client.get("/search/", {"q": "plantar", "page": 3}).status_code == 404

    def test_drafts_are_never_found(self, client, blog_index):
        from tests.factories import ArticlePageFactory

        ArticlePageFactory(parent=blog_index, title="Secret hips draft", live=False)
        html = soup(client.get("/search/", {"q": "secret"}))
        assert result_titles(html) == []

    def test_search_pages_ask_not_to_be_indexed(self, client, hips):
        html = soup(client.get("/search/", {"q": "hips"}))
        assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"
        assert html.select_one('link[rel="canonical"]') is None


class TestNothingFound:
    def test_says_so_and_suggests_where_to_go(self, client, hips):
        html = soup(client.get("/search/", {"q": "zebra"}))
        assert result_titles(html) == []
        assert html.select_one(".search-count").text == "No articles found."
        assert "Nothing matched “zebra”" in html.select_one(".search-empty").text
        categories = [a.text for a in html.select(".search-empty__categories a")]
        assert categories == ["Strength"]

    def test_empty_query_shows_the_form_only(self, client, hips):
        html = soup(client.get("/search/"))
        assert html.h1.text == "Search the articles"
        assert html.select_one("#search-q")["value"] == ""
        assert html.select_one(".search-count") is None


STRANGE_QUERIES = [
    "",
    "   ",
    "\x00",
    "hips\x00knees",
    '"',
    "'",
    "*",
    "?",
    "(",
    ")",
    "AND",
    "OR NOT",
    "hips AND",
    "NEAR(",
    "-",
    ":",
    "^",
    "!!!",
    "&|!<>",
    "' OR 1=1 --",
    "%_",
    "\\",
    "🏃‍♀️ knee",
    "knie schmerz über",
    "a" * 5000,
    "hips " * 400,
    "<script>alert(1)</script>",
]


class TestStrangeQueries:
    @pytest.mark.parametrize("query", STRANGE_QUERIES)
    def test_gives_a_normal_page(self, client, hips, query):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        assert html.find("script", string="alert(1)") is None

    def test_long_queries_are_cut(self, client, hips):
        html = soup(client.get("/search/", {"q": "hips " * 400}))
        assert len(html.select_one("#search-q")["value"]) <= search.MAX_QUERY_LENGTH
        assert result_titles(html) == ["Hips and knees"]

    def test_control_characters_are_dropped(self):
        assert search.clean_query("hips\x00\x07 \t knees\n") == "hips knees"


class TestHighlighting:
    def test_marks_words_starting_with_a_term_and_escapes_the_rest(self):
        html = search.highlight("<b>Bridges</b> & bridge", ["bridge"])
        assert html == (
            "&lt;b&gt;<mark>Bridges</mark>&lt;/b&gt; &amp; <mark>bridge</mark>"
        )

    def test_no_terms_means_plain_escaped_text(self):
        assert search.highlight("a < b", []) == "a &lt; b"

    def test_excerpt_starts_at_a_word_near_the_match(self):
        text = "word " * 100 + "target " + "tail " * 100
        cut = search.excerpt(text, ["target"], length=60)
        assert cut.startswith("… word") and cut.endswith(" …")
        assert "target" in cut and len(cut) <= 64

    def test_short_text_is_kept_whole(self):
        assert search.excerpt("Short text.", ["x"]) == "Short text."


@pytest.mark.postgres
def test_postgresql_search_page_stems_words(client, hips):
    # Full-text search: "bridge" finds "bridges", "strengths" finds "strength".
    assert connection.vendor == "postgresql"
    for query in ("bridge", "strengths"):
        html = soup(client.get("/search/", {"q": query}))
        assert result_titles(html) == ["Hips and knees"], query
