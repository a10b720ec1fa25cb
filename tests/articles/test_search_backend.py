"""Wagtail search over articles. The database backend picks PostgreSQL's
full-text search there and a simpler matcher on SQLite; both must find an
article by words from its body, tags and author."""

import pytest
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from articles.models import ArticlePage
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(make_article):
    body = [("paragraph", RichText("<p>Glute bridges build hip strength.</p>"))]
    found = make_article(
        title="Hips", body=body, tags=["gluteus"], author=AuthorFactory(name="Rowan")
    )
    make_article(title="Knees", intro="Patella pain.")
    return found


@pytest.mark.parametrize("query", ["bridges", "gluteus", "Rowan", "Hips"])
def test_finds_articles_by_body_tags_author_and_title(articles, query):
    results = ArticlePage.objects.live().search(query)
    assert [page.pk for page in results] == [articles.pk]


@pytest.mark.postgres
def test_postgresql_uses_full_text_search_with_stemming(articles):
    backend = get_search_backend()
    assert type(backend).__name__ == "PostgresSearchBackend"
    # Stemming: "bridge" matches "bridges" only with real full-text search.
    results = ArticlePage.objects.live().search("bridge")
    assert [page.pk for page in results] == [articles.pk]
