"""Split a long discussion into pages of top-level threads.

A thread (a comment with all its replies) is never split across pages. A
page holds at most `COMMENTS_THREADS_PER_PAGE` threads, and ends early before
it would hold more than `COMMENTS_PAGE_MAX_COMMENTS` comments or
`COMMENTS_PAGE_MAX_CHARS` characters of comment text, so a discussion of a
few very busy threads, or of very long comments, stays light too (only a
single thread bigger than that fills a page on its own). Pages run oldest
first; each has its own URL (`?cpage=N`) so crawlers and readers can reach
every comment."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404

PAGE_PARAM = "cpage"
# Query parameters that name a comment: the page shown is the one holding it.
FOCUS_PARAMS = ("comment", "replyto")


@dataclass
class CommentPage:
    """One page of threads, and where it sits among the others."""

    number: int
    count: int
    roots: list

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.count

    @property
    def previous_number(self):
        return self.number - 1

    @property
    def next_number(self):
        return self.number + 1


def thread_size(node):
    """(comments, characters of text) in a thread: the node and its replies."""
    comments, chars = 1, len(node.comment.comment)
    for child in node.children:
        more_comments, more_chars = thread_size(child)
        comments += more_comments
        chars += more_chars
    return comments, chars


def split_threads(roots):
    """Group consecutive threads into pages (a list of lists of roots).

    There is always at least one page, even an empty one."""
    per_page = settings.COMMENTS_THREADS_PER_PAGE
    max_comments = settings.COMMENTS_PAGE_MAX_COMMENTS
    max_chars = settings.COMMENTS_PAGE_MAX_CHARS
    pages, current, comments, chars = [], [], 0, 0
    for root in roots:
        size, length = thread_size(root)
        full = (
            len(current) >= per_page
            or comments + size > max_comments
            or chars + length > max_chars
        )
        if current and full:
            pages.append(current)
            current, comments, chars = [], 0, 0
        current.append(root)
        comments += size
        chars += length
    pages.append(current)
    return pages


def _contains(node, comment_id):
    return node.comment.pk == comment_id or any(
        _contains(child, comment_id) for child in node.children
    )


def page_holding(pages, comment_id):
    """The number of the page whose threads include this comment, or None."""
    for number, roots in enumerate(pages, start=1):
        if any(_contains(root, comment_id) for root in roots):
            return number
    return None


def as_number(raw):
    """A plain decimal number from a query string, or None. ("²".isdigit()
    is True in Python, so isdigit alone is not enough.)"""
    if raw and len(raw) < 10 and raw.isascii() and raw.isdigit():
        return int(raw)
    return None


def requested_page(pages, query):
    """The page a request asks for.

    `?cpage=N` wins; otherwise `?comment=ID` or `?replyto=ID` (a comment's
    permalink, the reply link without JavaScript) open the page holding that
    comment; otherwise page 1. A page number that is not a number gives page
    1; a number past the end is a 404, so crawlers do not index empty pages."""
    raw = query.get(PAGE_PARAM)
    if raw is not None:
        number = max(as_number(raw) or 1, 1)
        if number > len(pages):
            raise Http404("No such page of comments.")
    else:
        number = 1
        for name in FOCUS_PARAMS:
            value = as_number(query.get(name, ""))
            if value is not None:
                number = page_holding(pages, value) or 1
                break
    return CommentPage(number=number, count=len(pages), roots=pages[number - 1])


def page_url(base_url, number):
    """The URL of comment page `number` of an article at `base_url`."""
    return base_url if number <= 1 else f"{base_url}?{PAGE_PARAM}={number}"
