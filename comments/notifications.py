"""Emails about reader comments: who hears about what, and the messages.

Services call `comment_posted` and `comment_published` after the comment is
committed. Those decide who should be told and record one `EmailDelivery` per
email (comments/deliveries.py), which queues a task; the task builds the
message with the functions below. On the database backend a task may run
minutes later, so it asks the same questions again before it sends, and a
failed send is retried later without ever sending twice.

Three emails:
- the article's author hears of every new comment on their articles (held or
  published, never their own, never spam), with a link to the admin;
- a reader who ticked "email me" hears once when someone else's reply to
  their comment is published, if their address is confirmed;
- ticking "email me" from an unconfirmed address sends a confirmation link
  (double opt-in), at most once an hour per address.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import deliveries, tokens
from .models import EmailDelivery, NotificationAddress, ReaderComment

# A reader who ticks "email me" on several comments gets one confirmation.
CONFIRM_RESEND_AFTER = 60 * 60  # seconds


def comment_posted(comment_id):
    """Called after a new comment is committed: queue the emails it causes."""
    comment = _load(comment_id)
    if comment is None or comment.is_spam or comment.is_removed:
        return
    if author_to_notify(comment) is not None:
        deliveries.queue(EmailDelivery.Kind.NEW_COMMENT, comment.pk)
    if comment.followup:
        request_confirmation(comment.user_email)
    if comment.is_public:
        _notify_parent(comment)


def comment_published(comment_id):
    """Called after a held comment becomes public: tell the replied-to reader."""
    comment = _load(comment_id)
    if comment is not None and comment.status == "published":
        _notify_parent(comment)


def _load(comment_id):
    return (
        ReaderComment.objects.select_related("article__author__user")
        .filter(pk=comment_id)
        .first()
    )


def _notify_parent(reply):
    # Eligibility first: recording the email when nobody could be told would
    # stop it after a later confirmation and re-approval. The delivery row is
    # unique per reply, so approving a reply again never sends a second email.
    if reply_recipient(reply) is not None:
        deliveries.queue(EmailDelivery.Kind.REPLY, reply.pk)


# Who is told


def author_to_notify(comment):
    """The article author's user account to email about `comment`, or None."""
    author = comment.article.author
    user = author.user if author is not None else None
    if user is None or not user.is_active or not user.email:
        return None
    if comment.badge == ReaderComment.Badge.AUTHOR or comment.user_id == user.pk:
        return None
    return user


def reply_recipient(reply):
    """`(parent, address)` when the parent's writer wants this reply, else None.

    Only a direct reply counts, only when the parent asked for follow-ups,
    never a reply from the same address, and only to a confirmed address."""
    if not reply.parent_id or reply.parent_id == reply.pk:
        return None  # a top-level comment: xtd sets parent_id to its own id
    parent = ReaderComment.objects.filter(pk=reply.parent_id).first()
    if parent is None or not parent.followup or parent.is_spam or parent.is_removed:
        return None
    if _normalise(parent.user_email) == _normalise(reply.user_email):
        return None
    address = _address(parent.user_email)
    if address is None or not address.can_receive:
        return None
    return parent, address


# Subscriptions (double opt-in)


def request_confirmation(email):
    """Start (or restart, after an unsubscribe) the opt-in for `email`."""
    email = _normalise(email)
    if not email:
        return
    address = _address(email)
    if address is None:
        address, _ = NotificationAddress.objects.get_or_create(email=email)
    if address.can_receive:
        return
    # Recorded in the database, not the cache, so it holds when Redis is down.
    # The key names the current hour, so two comments at once (or a retry)
    # still send one email; the query covers the hour before it.
    since = timezone.now() - timezone.timedelta(seconds=CONFIRM_RESEND_AFTER)
    recent = EmailDelivery.objects.filter(
        kind=EmailDelivery.Kind.CONFIRM, argument=address.email, created_at__gte=since
    )
    if not recent.exists():
        hour = int(timezone.now().timestamp() // CONFIRM_RESEND_AFTER)
        deliveries.queue(
            EmailDelivery.Kind.CONFIRM, address.email, key=f"{address.email}:{hour}"
        )


def _normalise(email):
    return (email or "").strip().lower()


def _address(email):
    return NotificationAddress.objects.filter(email__iexact=_normalise(email)).first()


# Links


def absolute_url(url):
    """`url` on the public site. Wagtail gives full URLs when it runs several
    sites; urljoin leaves those alone."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", url)


def admin_comment_url(comment):
    """The comment's edit screen in the Wagtail admin."""
    # The path matches comments/admin_urls (the "Reader comments" screens);
    # built by hand so emails do not depend on that module's URL names.
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}/admin/reader-comments/{comment.pk}/"


def subscription_url(address, purpose):
    """A signed confirm or unsubscribe link for a `NotificationAddress`."""
    token = tokens.make_token(address, purpose)
    return absolute_url(reverse(f"comment_subscriptions:{purpose}", args=[token]))


# Messages


def one_line(text):
    """`text` fit for a header: CR, LF and other line breaks become spaces,
    so reader-written names cannot inject headers."""
    return " ".join(str(text).split())


def _message(*, to, subject, template, context, headers=None):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=render_to_string(f"comments/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"comments/email/{template}.html", context), "text/html"
    )
    return message


def new_comment_email(comment, user):
    """The email to the article's author about a new comment."""
    held = not comment.is_public
    title = comment.article.title
    if held:
        subject = f"New comment to review on “{title}”"
    else:
        subject = f"New comment on “{title}”"
    return _message(
        to=user.email,
        subject=subject,
        template="new_comment",
        context={
            "comment": comment,
            "article": comment.article,
            "held": held,
            "admin_url": admin_comment_url(comment),
        },
    )


def reply_email(reply, parent, address):
    """The email to a reader whose comment has a new published reply."""
    unsubscribe = subscription_url(address, tokens.UNSUBSCRIBE)
    return _message(
        to=address.email,
        subject=f"{reply.user_name} replied to your comment",
        template="reply",
        context={
            "reply": reply,
            "parent": parent,
            "article": reply.article,
            "reply_url": absolute_url(reply.get_absolute_url()),
            "unsubscribe_url": unsubscribe,
        },
        # RFC 2369 and RFC 8058: mail clients show a one-click unsubscribe.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def confirmation_email(address):
    """The double opt-in email with the signed confirmation link."""
    return _message(
        to=address.email,
        subject="Confirm your email for reply notifications",
        template="confirm",
        context={
            "confirm_url": subscription_url(address, tokens.CONFIRM),
            "max_age_days": settings.COMMENTS_CONFIRM_MAX_AGE // (60 * 60 * 24),
        },
    )
