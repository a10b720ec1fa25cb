import pytest
from wagtail.models import Site

from comments.forms import ArticleCommentForm
from comments.models import CommentSettings


@pytest.fixture
def rules(blog_index):
    """The site's comment settings, saved, so views and services share them."""
    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def form_data():
    """Valid POST data for the comment form of `article`; override any field."""

    def build(article, **fields):
        security = ArticleCommentForm(article).initial
        data = {
            "content_type": security["content_type"],
            "object_pk": security["object_pk"],
            "timestamp": security["timestamp"],
            "security_hash": security["security_hash"],
            "name": "Jo Runner",
            "email": "jo@example.com",
            "url": "",
            "comment": "Thanks, this helped my back.",
            "reply_to": "0",
            "honeypot": "",
        }
        data.update(fields)
        return data

    return build


@pytest.fixture
def post(client, form_data):
    """Post a comment to `article` as a reader and return the response."""

    def send(article, client=client, **fields):
        return client.post(
            f"/comments/post/{article.pk}/", form_data(article, **fields)
        )

    return send
