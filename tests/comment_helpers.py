"""Publish comments straight through the service, for tests of pages and
feeds that show them (the posting rules are tested in tests/comments/)."""

from comments import services
from comments.models import CommentSettings

PUBLISH_AT_ONCE = CommentSettings(moderation="publish", hold_links=0)


def add_comment(article, text, *, parent=None, name="Jo Runner", rules=None):
    """A comment (or a reply to `parent`) on `article`, published at once
    unless `rules` say otherwise."""
    return services.post_comment(
        article=article,
        rules=rules or PUBLISH_AT_ONCE,
        name=name,
        email=f"{abs(hash(text)) % 10**8}@example.com",
        text=text,
        parent_id=parent.pk if parent else 0,
    ).comment
