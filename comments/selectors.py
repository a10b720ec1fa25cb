"""Reads that shape comment data for templates.

`comment_section` gives an article page everything its discussion needs.
The tree is built from one query in one pass: comments arrive ordered by
thread and position, so a parent always comes before its replies."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from . import avatars, paging, pending
from .forms import ArticleCommentForm
from .models import CommentSettings, ReaderComment
from .moderation import comments_open
from .text import render_comment_text

TREE_FIELDS = (
    "id",
    "parent_id",
    "thread_id",
    "level",
    "order",
    "user_name",
    "user_url",
    "comment",
    "submit_date",
    "is_public",
    "badge",
)


@dataclass
class CommentNode:
    """One comment as the page shows it, with its visible replies."""

    comment: ReaderComment
    initials: str
    colour: int
    can_reply: bool
    awaiting_moderation: bool
    number: int = 0
    children: list = field(default_factory=list)

    @property
    def html(self):
        """The comment's text as HTML, rendered only for the comments a page
        shows (a long discussion is split into pages)."""
        return render_comment_text(self.comment.comment)


def comment_tree(article, *, max_depth, own_ids=()):
    """Published comments (plus the viewer's own held ones) as nested nodes.

    A reply whose parent is hidden (held, removed, spam) is hidden too, as
    it would make no sense on its own. Returns (roots, published_count)."""
    visible = Q(is_public=True)
    if own_ids:
        visible |= Q(pk__in=list(own_ids))
    rows = (
        ReaderComment.objects.for_article(article)
        .filter(visible, is_removed=False, is_spam=False)
        .only(*TREE_FIELDS)
        .order_by("thread_id", "order")
    )
    nodes, roots = {}, []
    for comment in rows:
        node = _node(comment, max_depth)
        if comment.parent_id == comment.pk:
            roots.append(node)
        elif comment.parent_id in nodes:
            nodes[comment.parent_id].children.append(node)
        else:
            continue
        nodes[comment.pk] = node
    published = sorted(
        (n for n in nodes.values() if not n.awaiting_moderation),
        key=lambda n: (n.comment.submit_date, n.comment.pk),
    )
    for number, node in enumerate(published, start=1):
        node.number = number
    return roots, len(published)


def _node(comment, max_depth):
    return CommentNode(
        comment=comment,
        initials=avatars.initials(comment.user_name),
        colour=avatars.colour_index(comment.user_name),
        can_reply=comment.is_public and comment.level < max_depth,
        awaiting_moderation=not comment.is_public,
    )


def reply_target(article, raw_id):
    """The published comment on this article a reader is replying to."""
    raw_id = str(raw_id or "")
    # ASCII digits only ("¹".isdigit() is True, yet int() refuses it), and few
    # enough to fit the database's integer column.
    if not (raw_id.isascii() and raw_id.isdigit()) or len(raw_id) > 18:
        return None
    if int(raw_id) == 0:
        return None
    published = ReaderComment.objects.published().for_article(article)
    return published.filter(pk=raw_id).first()


def comment_section(article, request, form=None):
    """Template context for the discussion under an article."""
    if article.pk is None:
        # The editor's preview of an article never saved: nobody can comment
        # on it yet, and the form needs the article's id.
        return {"comments_enabled": False}
    rules = CommentSettings.for_request(request)
    is_open = comments_open(article, rules)
    roots, count = comment_tree(
        article, max_depth=rules.max_depth, own_ids=pending.own_comment_ids(request)
    )
    page = paging.requested_page(paging.split_threads(roots), request.GET)
    replying_to = None
    if form is None and is_open:
        # ?replyto=<id> is the reply link that works without JavaScript.
        replying_to = reply_target(article, request.GET.get("replyto"))
        initial = {"reply_to": replying_to.pk if replying_to else 0}
        form = ArticleCommentForm(article, initial=initial, user=request.user)
    elif form is not None:
        replying_to = reply_target(article, form.data.get("reply_to"))
    section = {
        "comments_enabled": article.allow_comments,
        "comments_open": is_open,
        "comment_roots": page.roots,
        "comment_page": page,
        "comment_page_links": _page_links(article, request, page),
        "comment_count": count,
        "comment_form": form,
        "replying_to": replying_to,
    }
    if getattr(request, "page_cache_candidate", False):
        # This render may be shared from the page cache: the templates leave
        # the reader's CSRF token out (so no cookie is set) and the form
        # fetches fresh tokens (static/js/fresh-tokens.js).
        section["shared_page"] = True
        section["form_token_url"] = reverse(
            "reader_comments:form_tokens", args=[article.pk]
        )
    return section


def _page_links(article, request, page):
    """Absolute URLs of this comment page and its neighbours (for rel links
    in the page head and the older/newer links under the comments)."""
    base = article.get_full_url(request)
    return {
        "canonical": paging.page_url(base, page.number),
        "previous": paging.page_url(base, page.previous_number)
        if page.has_previous
        else None,
        "next": paging.page_url(base, page.next_number) if page.has_next else None,
    }
