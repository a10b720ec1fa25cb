"""Emails about comments, sent through tasks (placeholder until filled in)."""


def comment_posted(comment_id):
    """Called after a new comment is committed."""


def comment_published(comment_id):
    """Called after a held comment becomes public."""
