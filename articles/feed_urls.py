"""Article feeds, included under /feeds/."""

from django.urls import path

from .feeds import ArticlesFeed, AtomArticlesFeed

app_name = "article_feeds"

urlpatterns = [
    path("rss/", ArticlesFeed(), name="rss"),
    path("atom/", AtomArticlesFeed(), name="atom"),
    path(
        "category/<str:slug>/rss/",
        ArticlesFeed(),
        {"scope": "category"},
        name="category_rss",
    ),
    path(
        "category/<str:slug>/atom/",
        AtomArticlesFeed(),
        {"scope": "category"},
        name="category_atom",
    ),
    path("tag/<str:slug>/rss/", ArticlesFeed(), {"scope": "tag"}, name="tag_rss"),
    path("tag/<str:slug>/atom/", AtomArticlesFeed(), {"scope": "tag"}, name="tag_atom"),
]
