"""What each page's <head> tells search engines, social sites and feed
readers: canonical URL, description, OpenGraph and Twitter cards, feeds.

Absolute URLs are built from the Wagtail Site (its hostname and port, set
under Settings › Sites), the same root Wagtail uses for `full_url` and the
sitemap, so every address a crawler sees agrees."""

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import Site

# One rendition serves OpenGraph, Twitter, JSON-LD and feed enclosures: the
# size social sites recommend, as JPEG because not every reader takes WebP.
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


@dataclass
class FeedLink:
    """A feed advertised with <link rel="alternate">."""

    title: str
    url: str
    mime_type: str


@dataclass
class PageMeta:
    """The head of one page, ready for templates/includes/seo_head.html."""

    title: str
    description: str = ""
    url: str = ""  # canonical and og:url; empty for pages that should not rank
    og_type: str = "website"
    image: object = None  # a rendition of SOCIAL_IMAGE_SPEC
    image_url: str = ""
    image_alt: str = ""
    noindex: bool = False
    feeds: list = field(default_factory=list)
    published_time: object = None
    modified_time: object = None


def site_root_url(request):
    """The site's address without a trailing slash, e.g. https://example.com."""
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, url):
    """`url` made absolute on this site (unchanged if it already is)."""
    if url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url


def social_image(image):
    """The rendition used wherever the page is shared, or None."""
    return image.get_rendition(SOCIAL_IMAGE_SPEC) if image is not None else None


def feed_links(title, scope=None, slug=None):
    """RSS and Atom links for all articles, or one category or tag."""
    args = [slug] if scope else []
    name = f"{scope}_" if scope else ""
    return [
        FeedLink(
            f"{title} (RSS)",
            reverse(f"article_feeds:{name}rss", args=args),
            "application/rss+xml",
        ),
        FeedLink(
            f"{title} (Atom)",
            reverse(f"article_feeds:{name}atom", args=args),
            "application/atom+xml",
        ),
    ]


def comment_feed_links(article):
    """RSS and Atom feeds of one article's published comments."""
    title = f"Comments on “{article.title}”"
    return [
        FeedLink(
            f"{title} (RSS)",
            reverse("comment_feeds:article_rss", args=[article.pk]),
            "application/rss+xml",
        ),
        FeedLink(
            f"{title} (Atom)",
            reverse("comment_feeds:article_atom", args=[article.pk]),
            "application/atom+xml",
        ),
    ]


def page_description(page):
    """The promote tab's search description, else the page's own intro."""
    return page.search_description or getattr(page, "intro", "") or ""


def page_url(request, path, number=1):
    """The absolute URL of `path`, with ?page=N past the first page."""
    url = absolute_url(request, path)
    return f"{url}?page={number}" if number > 1 else url


def index_meta(page, request, number=1):
    """The blog index (home page), page `number` of its article list."""
    return PageMeta(
        title=page.seo_title or page.title,
        description=page_description(page),
        url=page_url(request, page.get_url(request), number),
    )


def article_meta(page, request, *, canonical=None, rendition=None):
    """An article: its hero image is the sharing image."""
    image = page.hero_image
    return PageMeta(
        title=page.seo_title or page.title,
        description=page_description(page),
        url=canonical or page.get_full_url(request),
        og_type="article",
        image=rendition,
        image_url=absolute_url(request, rendition.url) if rendition else "",
        image_alt=image.default_alt_text if image is not None else "",
        published_time=page.first_published_at,
        modified_time=page.last_updated_at or page.last_published_at,
    )
