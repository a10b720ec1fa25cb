"""JSON-LD for article pages (schema.org), built as plain Python data.

One graph per article: the web page (a MedicalWebPage when a clinician
reviewed the article, with reviewedBy and lastReviewed, which schema.org
defines on web pages), the BlogPosting itself with its published comments,
and the breadcrumb trail. Templates print it with the `json_ld` tag, which
escapes it so nothing a reader wrote can close the <script> element."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .routes import archive_url
from .seo import absolute_url

# The characters that could end a <script> element or start markup, as JSON
# unicode escapes (what Django's json_script does for type=application/json).
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def render_json_ld(data):
    """`data` as a <script type="application/ld+json"> element, safe in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def person(request, author):
    """An Author snippet as a schema.org Person, linked to their archive."""
    data = {
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(request, archive_url("author", author.slug)),
    }
    if author.role:
        data["jobTitle"] = author.role
    return data


def comment_items(nodes, page_url):
    """Published comments as nested schema.org Comments.

    `nodes` are the CommentNode trees the page already built for its
    discussion (comments.selectors), so this adds no query. Comments held
    for moderation, which only their writer sees, are left out, and so is
    the reader's website: a link here would carry none of the page's
    rel="nofollow ugc"."""
    items = []
    for node in nodes:
        if node.awaiting_moderation:
            continue
        comment = node.comment
        item = {
            "@type": "Comment",
            "@id": f"{page_url}#c{comment.pk}",
            "url": f"{page_url}#c{comment.pk}",
            "text": comment.comment,
            "dateCreated": comment.submit_date,
            "author": {"@type": "Person", "name": comment.user_name},
        }
        replies = comment_items(node.children, page_url)
        if replies:
            item["comment"] = replies
        items.append(item)
    return items


def breadcrumbs(request, page, categories):
    """Home, the article's first category (if any), then the article."""
    trail = [("Home", absolute_url(request, "/"))]
    if categories:
        first = categories[0]
        trail.append(
            (first.name, absolute_url(request, archive_url("category", first.slug)))
        )
    trail.append((page.title, page.get_full_url(request)))
    return {
        "@type": "BreadcrumbList",
        "@id": f"{page.get_full_url(request)}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def article_graph(
    page,
    request,
    *,
    comment_roots,
    comment_count,
    categories,
    image_url,
    comments_url=None,
):
    """The JSON-LD graph of one article page.

    `comments_url` is the address of the page of the discussion shown (a
    long discussion is split into pages); comment anchors hang off it."""
    url = page.get_full_url(request)
    posting = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
        "headline": page.title[:110],
        "description": page.search_description or page.intro,
        "url": url,
        "datePublished": page.first_published_at,
        "dateModified": page.last_updated_at or page.last_published_at,
        "publisher": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": absolute_url(request, "/"),
        },
        "commentCount": comment_count,
        "comment": comment_items(comment_roots, comments_url or url),
    }
    if page.author is not None:
        posting["author"] = person(request, page.author)
    if image_url:
        posting["image"] = image_url
    if categories:
        posting["articleSection"] = [category.name for category in categories]
    webpage = {
        "@type": "MedicalWebPage" if page.reviewer_id else "WebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.seo_title or page.title,
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "mainEntity": {"@id": f"{url}#article"},
    }
    if page.reviewer_id and page.last_reviewed:
        webpage["reviewedBy"] = person(request, page.reviewer)
        webpage["lastReviewed"] = page.last_reviewed
    trail = breadcrumbs(request, page, categories)
    return {"@context": "https://schema.org", "@graph": [webpage, posting, trail]}
