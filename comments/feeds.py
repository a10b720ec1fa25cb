"""Feeds of published comments: site-wide and per article (RSS and Atom).

Only comments everyone can see (published, not removed, not spam) on live,
public articles of the requested site are listed."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.feed_base import Channel, ChannelFeed
from articles.feeds import blog_index_for
from articles.models import ArticlePage
from articles.seo import absolute_url

from .models import ReaderComment
from .text import render_comment_text

FEED_LENGTH = 30


@dataclass
class Entry:
    """One comment as a feed item."""

    comment: ReaderComment
    link: str


class CommentsFeed(ChannelFeed):
    """The newest published comments as RSS 2.0: on the whole site, or on
    one article when `article_id` is given."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, article_id=None):
        index = blog_index_for(request)
        articles = ArticlePage.objects.live().public().child_of(index)
        comments = ReaderComment.objects.published().select_related("article")
        site_name = settings.WAGTAIL_SITE_NAME
        if article_id is None:
            comments = comments.filter(article__in=articles.values("pk"))
            title = f"{site_name}: comments"
            description = f"The newest comments on {site_name}."
            link = index.get_url(request)
        else:
            article = articles.filter(pk=article_id, allow_comments=True).first()
            if article is None:
                raise Http404("No such article.")
            comments = comments.for_article(article)
            title = f"Comments on “{article.title}”"
            description = f"The newest comments on “{article.title}”."
            link = f"{article.get_url(request)}#comments"
        comments = comments.order_by("-submit_date", "-pk")[:FEED_LENGTH]
        return Channel(
            request=request,
            title=title,
            description=description,
            link=absolute_url(request, link),
            items=[
                Entry(comment, absolute_url(request, comment.get_absolute_url()))
                for comment in comments
            ],
        )

    def item_title(self, entry):
        comment = entry.comment
        return f"{comment.user_name} on “{comment.article.title}”"

    def item_description(self, entry):
        # The same HTML the page shows (escaped text, links marked as user
        # content); the feed generator escapes it again for the XML.
        return render_comment_text(entry.comment.comment)

    def item_link(self, entry):
        return entry.link

    def item_author_name(self, entry):
        return entry.comment.user_name

    def item_pubdate(self, entry):
        return entry.comment.submit_date


class AtomCommentsFeed(CommentsFeed):
    """The same comments as an Atom feed."""

    feed_type = Atom1Feed
