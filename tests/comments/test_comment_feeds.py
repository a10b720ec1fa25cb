"""Feeds of published comments, site-wide and per article."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from comments import services
from comments.models import CommentSettings, ReaderComment
from tests.comment_helpers import add_comment

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def discussion(make_article):
    article = make_article(title="Shin splints")
    other = make_article(title="Knee pain")
    first = add_comment(article, "Ice helped <b>me</b>.", name="Ana")
    add_comment(article, "Same here.", parent=first, name="Ben")
    add_comment(other, "Knees!", name="Cy")
    held = add_comment(
        article, "Held back", name="Dee", rules=CommentSettings(moderation="hold_all")
    )
    spam = add_comment(article, "Buy pills", name="Spammer")
    services.mark_spam(comment=spam)
    gone = add_comment(article, "Removed", name="Gone")
    services.remove_comment(comment=gone)
    return article, other, held


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_site_feed_lists_published_comments_only_newest_first(client, discussion, kind):
    feed = parse(client, f"/feeds/comments/{kind}/")
    assert [entry.author for entry in feed.entries] == ["Cy", "Ben", "Ana"]
    assert feed.entries[2].title == "Ana on “Shin splints”"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_article_feed_lists_that_articles_published_comments(client, discussion, kind):
    article, _, _ = discussion
    feed = parse(client, f"/feeds/comments/{article.pk}/{kind}/")
    assert [entry.author for entry in feed.entries] == ["Ben", "Ana"]
    ana = feed.entries[1]
    comment = ReaderComment.objects.get(user_name="Ana")
    assert ana.link == f"http://localhost{comment.get_absolute_url()}"
    assert ana.link.startswith(f"http://localhost{article.url}")
    assert ana.link.endswith(f"#c{comment.pk}")
    # The comment as the page shows it: markup typed by a reader stays text.
    text = BeautifulSoup(ana.summary, "html.parser").get_text()
    assert text == "Ice helped <b>me</b>."


def test_article_feed_is_404_for_drafts_unknown_or_comment_free_articles(
    client, make_article, blog_index
):
    from tests.factories import ArticlePageFactory

    draft = ArticlePageFactory(parent=blog_index, live=False)
    closed = make_article(allow_comments=False)
    for article_id in (draft.pk, closed.pk, 999999):
        assert client.get(f"/feeds/comments/{article_id}/rss/").status_code == 404


def test_comments_on_unpublished_articles_leave_the_site_feed(client, discussion):
    article, _, _ = discussion
    article.unpublish()
    feed = parse(client, "/feeds/comments/rss/")
    assert [entry.author for entry in feed.entries] == ["Cy"]


def test_article_page_advertises_its_comment_feed(client, discussion):
    article, _, _ = discussion
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    links = {
        link["href"]
        for link in html.select('link[rel="alternate"]')
        if "Comments on" in link.get("title", "")
    }
    assert links == {
        f"/feeds/comments/{article.pk}/rss/",
        f"/feeds/comments/{article.pk}/atom/",
    }
