import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, Site

from tests.factories import ArticlePageFactory, BlogIndexPageFactory, publish


def pytest_collection_modifyitems(config, items):
    """Skip tests marked `postgres` on other databases, saying why."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache: Wagtail keeps site root paths
    there, and rate limits are counted there."""
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files land in a temporary folder that is thrown away."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def blog_index(db):
    """A blog index as the root page of the default site."""
    root = Page.get_first_root_node()
    index = BlogIndexPageFactory(parent=root, slug="blog")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": index},
    )
    return index


@pytest.fixture
def make_article(blog_index):
    """Create and publish an article under the blog index."""

    def make(**fields):
        tags = fields.pop("tags", [])
        categories = fields.pop("categories", [])
        article = ArticlePageFactory(parent=blog_index, **fields)
        if tags:
            article.tags.add(*tags)
        if categories:
            article.categories.set(categories)
        return publish(article)

    return make
