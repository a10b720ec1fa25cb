"""Comment feeds, included under /feeds/comments/."""

from django.urls import path

from .feeds import AtomCommentsFeed, CommentsFeed

app_name = "comment_feeds"

urlpatterns = [
    path("rss/", CommentsFeed(), name="rss"),
    path("atom/", AtomCommentsFeed(), name="atom"),
    path("<int:article_id>/rss/", CommentsFeed(), name="article_rss"),
    path("<int:article_id>/atom/", AtomCommentsFeed(), name="article_atom"),
]
