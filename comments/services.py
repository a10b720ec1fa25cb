"""Write actions on comments: posting, moderating, reporting.

Views, Wagtail admin actions and management commands call these plain
functions with keyword arguments. Each stores its change first and only then
(after the transaction commits) hands slow work such as email to tasks, so a
mail failure can never lose or reject a comment.
"""

import hashlib
import hmac
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from articles import page_cache

from . import notifications
from .models import CommentReport, ReaderComment
from .moderation import Decision, comments_open, get_moderator
from .permissions import can_moderate_article, moderates_everything

DUPLICATE_WINDOW = timezone.timedelta(hours=1)


class CommentError(Exception):
    """A reason a comment cannot be posted, worded for the reader.

    `field` names the form field the message belongs to (None: the form)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Posted:
    comment: ReaderComment
    created: bool  # False when it repeated an earlier comment
    decision: Decision | None  # None for a repeat: nothing new was decided


def badge_for(user, article):
    """The verified badge a logged-in user's comment earns on this article."""
    if user is None or not user.is_authenticated:
        return ReaderComment.Badge.NONE
    author = article.author
    if author is not None and author.user_id == user.pk:
        return ReaderComment.Badge.AUTHOR
    if moderates_everything(user):
        return ReaderComment.Badge.MODERATOR
    return ReaderComment.Badge.NONE


def _parent(article, parent_id, rules):
    """The comment replied to, checked to be a visible one on this article."""
    if not parent_id:
        return None
    parent = (
        ReaderComment.objects.published()
        .filter(pk=parent_id, article_id=article.pk)
        .first()
    )
    if parent is None:
        raise CommentError(
            "The comment you are replying to is not available.", "reply_to"
        )
    if parent.level >= rules.max_depth:
        raise CommentError(
            "This conversation is as deep as it can go: reply to an earlier "
            "comment in the thread instead.",
            "reply_to",
        )
    return parent


def safe_website(url):
    """`url` if it is a web address, else "": the name links to it, and a
    `javascript:` or `data:` link would run in readers' browsers. The form
    already refuses those; this guards every other way in."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def _duplicate(article, email, text):
    since = timezone.now() - DUPLICATE_WINDOW
    return (
        ReaderComment.objects.for_article(article)
        .filter(user_email__iexact=email, comment=text, submit_date__gte=since)
        .exclude(is_removed=True)
        .first()
    )


def post_comment(
    *,
    article,
    rules,
    name,
    email,
    text,
    url="",
    parent_id=0,
    followup=False,
    user=None,
    ip_address=None,
):
    """Store a new comment or reply and schedule its notifications.

    Raises `CommentError` when the article is closed or the reply target is
    not acceptable. Fields the reader cannot choose (badge, visibility,
    thread position) are decided here, never taken from the request."""
    if not comments_open(article, rules):
        raise CommentError("Comments are closed on this article.")
    parent = _parent(article, parent_id, rules)
    if user is not None and user.is_authenticated:
        name = user.get_full_name() or user.get_username()
        email = user.email or email
    else:
        user = None
    text = text.strip()
    existing = _duplicate(article, email, text)
    if existing is not None:
        return Posted(existing, created=False, decision=None)
    comment = ReaderComment(
        article=article,
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=name[:50],
        user_email=email,
        user_url=safe_website(url),
        comment=text,
        submit_date=timezone.now(),
        ip_address=ip_address,
        parent_id=parent.pk if parent else 0,
        followup=bool(followup),
        badge=badge_for(user, article),
    )
    decision = get_moderator(article).decide(comment, article, rules)
    comment.is_public = decision == Decision.PUBLISH
    comment.is_spam = decision == Decision.SPAM
    with transaction.atomic():
        comment.save()
        transaction.on_commit(
            partial(notifications.comment_posted, comment.pk), robust=True
        )
        if comment.is_public:
            _refresh_pages(comment)
    return Posted(comment, created=True, decision=decision)


def reply_as_user(*, parent, user, text, rules):
    """Reply from a logged-in author or moderator (article page or admin)."""
    if not can_moderate_article(user, parent.article):
        raise CommentError("You cannot reply as the author or a moderator here.")
    return post_comment(
        article=parent.article,
        rules=rules,
        name="",
        email=user.email,
        text=text,
        parent_id=parent.pk,
        user=user,
    )


def _refresh_pages(comment):
    """Once the change is committed, drop the cached pages that show it."""
    transaction.on_commit(
        partial(page_cache.comments_changed, comment.article_id), robust=True
    )


def _set_state(comment, /, **fields):
    was_public = comment.status == "published"
    for name, value in fields.items():
        setattr(comment, name, value)
    comment.save(update_fields=list(fields))
    _refresh_pages(comment)
    if comment.status == "published" and not was_public:
        transaction.on_commit(
            partial(notifications.comment_published, comment.pk), robust=True
        )
    return comment


def approve_comment(*, comment):
    """Publish a held, reported or spam-marked comment; clears its reports."""
    comment.reports.all().delete()
    return _set_state(
        comment, is_public=True, is_spam=False, is_removed=False, report_count=0
    )


def unpublish_comment(*, comment):
    """Take a comment (and, by the tree, its replies) off the page for review."""
    return _set_state(comment, is_public=False)


def mark_spam(*, comment):
    return _set_state(comment, is_public=False, is_spam=True)


def remove_comment(*, comment):
    """Delete from the site. The row stays, marked removed, so a thread keeps
    its shape in the database and a mistake can be undone."""
    return _set_state(comment, is_public=False, is_removed=True)


def edit_comment(*, comment, text):
    text = text.strip()
    if not text:
        raise CommentError("A comment cannot be empty.", "comment")
    if len(text) > settings.COMMENT_MAX_LENGTH:
        raise CommentError(
            f"Keep it under {settings.COMMENT_MAX_LENGTH} characters.", "comment"
        )
    return _set_state(comment, comment=text)


def reporter_key(ip_address):
    """A keyed hash, so reports are counted per reader without storing IPs."""
    message = (ip_address or "unknown").encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def report_comment(*, comment, ip_address, rules, reason=""):
    """Record one reader's report; hide the comment when enough readers agree.

    Returns True when this report was new (a repeat report counts once)."""
    try:
        with transaction.atomic():
            CommentReport.objects.create(
                comment=comment, reporter_key=reporter_key(ip_address), reason=reason
            )
    except IntegrityError:
        return False
    ReaderComment.objects.filter(pk=comment.pk).update(
        report_count=F("report_count") + 1
    )
    comment.refresh_from_db(fields=["report_count", "is_public"])
    if rules.reports_to_hide and comment.report_count >= rules.reports_to_hide:
        ReaderComment.objects.filter(pk=comment.pk).update(is_public=False)
        comment.is_public = False
        _refresh_pages(comment)
    return True


def confirm_address(*, address):
    """Confirm an address for reply emails (again, after an unsubscribe)."""
    if not address.can_receive:
        address.confirmed_at = timezone.now()
        address.unsubscribed_at = None
        address.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return address


def unsubscribe_address(*, address):
    """Stop all reply emails to this address. Repeating it changes nothing."""
    if address.unsubscribed_at is None:
        address.unsubscribed_at = timezone.now()
        address.save(update_fields=["unsubscribed_at"])
    return address
