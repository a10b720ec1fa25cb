"""Whole-page cache for anonymous readers.

Pages (the blog index, articles) are stored whole in Django's cache (Redis in
production, local memory in development and tests) and answered by
`PageCacheMiddleware` before sessions, CSRF or the database are touched.

Who gets a cached page: a GET with no session, no "own held comments" cookie
and no messages cookie, and no query parameters other than page numbers.
Anyone else (logged-in editors and authors, a reader whose comment awaits
moderation) always gets a fresh page. A response is stored only when it is a
200 that sets no cookie, so nothing personal is ever shared.

Invalidation uses version tokens, one per tag. Every page depends on `site`
(any page published, unpublished, moved or deleted; a snippet, image or
setting saved); an article also on `article:<id>` (its comments); lists also
on `comments` (they show comment counts). A stored page remembers the tokens
it was rendered with, read *before* rendering, so a change made while a page
renders still invalidates it. Changing a tag's token (`bump`) invalidates
every page that depends on it at once; entries also expire after
`PAGE_CACHE_SECONDS`. A cache outage never breaks a page: it is a miss.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse

from comments import pending
from comments.paging import as_number

logger = logging.getLogger(__name__)

SITE = "site"
COMMENTS = "comments"
ENTRY_PREFIX = "pagecache:page:"
VERSION_PREFIX = "pagecache:tag:"
# Page numbers of the article list and of long discussions.
CACHEABLE_PARAMS = frozenset({"page", "cpage"})
HEADER = "X-Page-Cache"
# Saving or deleting one of these changes what pages show (the page tree, a
# snippet, an image's alt text, the site's comment rules).
SITE_MODELS = (
    "wagtailcore.Site",
    "articles.Author",
    "articles.Category",
    "articles.CallToAction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "comments.CommentSettings",
)


def article_tag(article_id):
    """The tag of one article's page(s): its comments change only these."""
    return f"article:{article_id}"


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def is_candidate(request):
    """Whether this request may be answered from, and stored in, the cache."""
    if not enabled() or request.method != "GET":
        return False
    personal = (settings.SESSION_COOKIE_NAME, pending.COOKIE, CookieStorage.cookie_name)
    if any(name in request.COOKIES for name in personal):
        return False
    return all(
        name in CACHEABLE_PARAMS and as_number(value) is not None
        for name, value in request.GET.items()
    )


def _entry_key(request):
    query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.items()))
    raw = f"{request.get_host()}{request.path}?{query}"
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _versions(tags):
    """The current token of each tag, creating the missing ones."""
    keys = [VERSION_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    return [found.get(key) for key in keys]


def bump(*tags):
    """Invalidate every cached page that depends on any of these tags."""
    if not tags:
        return
    try:
        cache.set_many(
            {VERSION_PREFIX + tag: uuid.uuid4().hex for tag in tags}, timeout=None
        )
    except Exception:
        # A page cached before the outage expires after PAGE_CACHE_SECONDS.
        logger.exception("Could not invalidate cached pages for %s", tags)


def comments_changed(article_id):
    """A comment on this article was published, hidden, removed or edited."""
    bump(article_tag(article_id), COMMENTS)


def site_changed(*args, **kwargs):
    """Signal receiver: content every page may show changed."""
    bump(SITE)


def prepare(request, tags):
    """Mark a page about to be rendered for storage under these tags.

    Called from Wagtail's `before_serve_page` hook: the tokens are read now,
    before rendering, so a change made during the render is not lost."""
    if not getattr(request, "page_cache_candidate", False):
        return
    try:
        request.page_cache_tags = list(tags)
        request.page_cache_versions = _versions(request.page_cache_tags)
    except Exception:
        logger.exception("Page cache unavailable; serving uncached")
        request.page_cache_tags = None


def _storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _from_entry(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response[HEADER] = "hit"
    return response


# Which tags each page seen by this process depends on, so a hit needs one
# cache round trip (the page and its tags' tokens together), not two.
_known_tags = {}
KNOWN_TAGS_LIMIT = 10_000


def _lookup(key):
    """The cached page under `key` if every token it was stored with is
    still current, else None."""
    tags = _known_tags.get(key)
    if tags is None:
        entry = cache.get(key)
        if entry is None:
            return None
        if len(_known_tags) >= KNOWN_TAGS_LIMIT:
            _known_tags.clear()
        _known_tags[key] = entry["tags"]
        current = _versions(entry["tags"])
    else:
        version_keys = [VERSION_PREFIX + tag for tag in tags]
        found = cache.get_many([key, *version_keys])
        entry = found.get(key)
        if entry is None or entry["tags"] != tags:
            _known_tags.pop(key, None)
            return None
        current = [found.get(version_key) for version_key in version_keys]
    return entry if current == entry["versions"] else None


class PageCacheMiddleware:
    """Answer anonymous readers from the page cache; store what they may share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            return self.get_response(request)
        key = _entry_key(request)
        try:
            entry = _lookup(key)
            if entry is not None:
                return _from_entry(entry)
        except Exception:
            logger.exception("Page cache unavailable; serving uncached")
            return self.get_response(request)
        # Templates leave per-reader values (the CSRF token) out of this render.
        request.page_cache_candidate = True
        response = self.get_response(request)
        tags = getattr(request, "page_cache_tags", None)
        if tags and _storable(response):
            entry = {
                "status": response.status_code,
                "content": response.content,
                "headers": list(response.items()),
                "tags": tags,
                "versions": request.page_cache_versions,
            }
            try:
                cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
                response[HEADER] = "miss"
            except Exception:
                logger.exception("Could not store a page in the cache")
        return response


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump(SITE)


def connect_signals():
    """Invalidate every page when what all pages may show changes.

    Connected from `ArticlesConfig.ready`. Comment changes are not here: the
    comment services call `comments_changed` after their transaction commits.
    """
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(site_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(site_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(site_changed, dispatch_uid="page_cache_moved")
    # Pages are deleted as their specific class, so no single sender matches.
    post_delete.connect(_page_deleted, dispatch_uid="page_cache_page_deleted")
    for label in SITE_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(
                site_changed, sender=model, dispatch_uid=f"page_cache_{label}"
            )
