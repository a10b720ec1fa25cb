"""The editor's preview of an article that was never saved renders: it has
no id yet, so nothing on the page may need one (the comment form, comment
feeds). Found by the browser test of the editor's journey."""

import pytest
from django.contrib.auth.models import AnonymousUser

from articles.models import ArticlePage
from comments.selectors import comment_section
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def unsaved_article(blog_index):
    article = ArticlePage(
        title="Not saved yet",
        slug="not-saved-yet",
        intro="A first draft.",
        author=AuthorFactory(),
        body=[("paragraph", "<p>Draft text.</p>")],
    )
    # What Wagtail's "add page" preview does before rendering.
    article.set_url_path(blog_index)
    return article


def test_preview_of_an_unsaved_article_renders_without_discussion(blog_index):
    article = unsaved_article(blog_index)
    response = article.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not saved yet" in html
    assert "Leave a comment" not in html


def test_only_a_saved_article_gets_its_discussion(blog_index, rf, make_article):
    request = rf.get("/")
    request.user = AnonymousUser()
    saved = make_article(title="Saved")
    assert comment_section(saved, request)["comments_enabled"] is True
    unsaved = unsaved_article(blog_index)
    assert comment_section(unsaved, request) == {"comments_enabled": False}
