"""Build the POST data the Wagtail page editor sends, for admin view tests."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def article_form_data(*, title, slug, intro, author, body=(), read_next=None, **extra):
    """Form data for the article editor; `body` is a list of (type, value)."""
    blocks = []
    for block_type, value in body:
        if block_type in ("paragraph",):
            value = rich_text(value)
        elif block_type == "callout":
            value = {**value, "text": rich_text(value["text"])}
        blocks.append((block_type, value))
    data = {
        "title": title,
        "slug": slug,
        "intro": intro,
        "author": author.pk,
        "body": streamfield(blocks),
        "read_next": read_next.pk if read_next else "",
        "allow_comments": "on",
        "tags": "",
        "comment_notifications": "",
        **extra,
    }
    return nested_form_data(data)
