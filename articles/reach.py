"""What an article page adds for readers who arrive from elsewhere: links to
its archives, the <head> metadata, and its JSON-LD.

Built from the page context `ArticlePage.get_context` has already filled
(categories, tags, the comment tree), so it adds no query for those."""

from . import seo
from .routes import archive_url
from .snippets import Author
from .structured_data import article_graph


def load_people(page):
    """Fetch the author and the medical reviewer (both Author snippets) in
    one query rather than one each: the article page has a query budget."""
    fields = [page._meta.get_field(name) for name in ("author", "reviewer")]
    missing = [
        field
        for field in fields
        if getattr(page, field.attname) and not field.is_cached(page)
    ]
    if len(missing) < 2:
        return
    people = Author.objects.in_bulk({getattr(page, f.attname) for f in missing})
    for field in missing:
        person = people.get(getattr(page, field.attname))
        if person is not None:
            field.set_cached_value(page, person)


def article_reach_context(page, request, context):
    """Context entries for templates/articles/article_page.html."""
    load_people(page)
    rendition = seo.social_image(page.hero_image)
    # When the discussion is split into pages, each page is its own URL.
    page_links = context.get("comment_page_links") or {}
    meta = seo.article_meta(
        page, request, canonical=page_links.get("canonical"), rendition=rendition
    )
    # An article never saved (the editor's first preview) has no id to link to.
    if page.allow_comments and page.pk is not None:
        meta.feeds = seo.comment_feed_links(page)
    author, reviewer = page.author, page.reviewer if page.reviewer_id else None
    return {
        "meta": meta,
        "category_links": [
            (category, archive_url("category", category.slug))
            for category in context["categories"]
        ],
        "tag_links": [(tag, archive_url("tag", tag.slug)) for tag in context["tags"]],
        "author_url": archive_url("author", author.slug) if author else "",
        "reviewer": reviewer,
        "reviewer_url": archive_url("author", reviewer.slug) if reviewer else "",
        "structured_data": article_graph(
            page,
            request,
            comment_roots=context.get("comment_roots") or [],
            comment_count=context.get("comment_count") or 0,
            categories=context["categories"],
            image_url=meta.image_url,
            comments_url=meta.url,
        ),
    }
