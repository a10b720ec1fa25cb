"""Wagtail hooks for the public pages."""

from wagtail import hooks

from . import page_cache
from .models import ArticlePage


@hooks.register("before_serve_page")
def mark_page_for_cache(page, request, serve_args, serve_kwargs):
    """Tell the page cache what a page depends on before it is rendered.

    An article depends on its own comments; other pages (the index) list
    comment counts, so any comment change touches them."""
    if isinstance(page, ArticlePage):
        tags = (page_cache.SITE, page_cache.article_tag(page.pk))
    else:
        tags = (page_cache.SITE, page_cache.COMMENTS)
    page_cache.prepare(request, tags)
