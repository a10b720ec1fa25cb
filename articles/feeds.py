"""RSS 2.0 and Atom feeds of articles: all of them, or one category or tag.

Built on Django's syndication framework. Every address in a feed is made
absolute from the Wagtail Site (not django.contrib.sites, whose one row the
project does not maintain), so feed readers get working links."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Site

from . import seo
from .feed_base import Channel, ChannelFeed
from .routes import archive_url
from .snippets import Category

FEED_LENGTH = 20


def blog_index_for(request):
    """The blog index at the root of the requested site, or a 404."""
    from .models import BlogIndexPage

    site = Site.find_for_request(request)
    root = site.root_page.specific if site is not None else None
    if not isinstance(root, BlogIndexPage):
        raise Http404("This site has no blog.")
    return root


@dataclass
class Entry:
    """One article as a feed item."""

    article: object
    link: str
    enclosure: Enclosure | None


def article_entries(request, articles):
    """Feed items for `articles`, each with its hero image as an enclosure."""
    entries = []
    for article in articles:
        rendition = seo.social_image(article.hero_image)
        enclosure = None
        if rendition is not None:
            enclosure = Enclosure(
                seo.absolute_url(request, rendition.url),
                str(rendition.file.size),
                "image/jpeg",
            )
        entries.append(Entry(article, article.get_full_url(request), enclosure))
    return entries


class ArticlesFeed(ChannelFeed):
    """The newest articles as RSS 2.0; `scope` and `slug` narrow it to one
    category or tag."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, scope=None, slug=None):
        index = blog_index_for(request)
        articles = index.get_articles()
        site_name = settings.WAGTAIL_SITE_NAME
        if scope == "category":
            category = get_object_or_404(Category, slug=slug)
            articles = articles.filter(categories=category)
            title, about = f"{site_name}: {category.name}", category.name
        elif scope == "tag":
            tag = get_object_or_404(Tag, slug=slug)
            articles = articles.filter(tagged_items__tag=tag)
            title, about = f"{site_name}: tagged “{tag.name}”", f"“{tag.name}”"
        else:
            title, about = site_name, None
        link = archive_url(scope, slug) if scope else index.get_url(request)
        return Channel(
            request=request,
            title=title,
            description=(
                f"New articles about {about}." if about else index.intro or title
            ),
            link=seo.absolute_url(request, link),
            items=article_entries(
                request, articles.prefetch_related("categories", "tags")[:FEED_LENGTH]
            ),
        )

    def item_title(self, entry):
        return entry.article.title

    def item_description(self, entry):
        # Feed readers treat descriptions as HTML; the excerpt is plain text.
        return escape(entry.article.intro)

    def item_link(self, entry):
        return entry.link

    def item_author_name(self, entry):
        author = entry.article.author
        return author.name if author is not None else None

    def item_pubdate(self, entry):
        return entry.article.first_published_at

    def item_updateddate(self, entry):
        article = entry.article
        return article.last_updated_at or article.last_published_at

    def item_enclosures(self, entry):
        return [entry.enclosure] if entry.enclosure else []

    def item_categories(self, entry):
        article = entry.article
        topics = [*article.categories.all(), *article.tags.all()]
        return list(dict.fromkeys(topic.name for topic in topics))


class AtomArticlesFeed(ArticlesFeed):
    """The same articles as an Atom feed."""

    feed_type = Atom1Feed
