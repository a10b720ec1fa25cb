"""Comment emails are sent exactly once, even across mail-server outages.

Every notification is first recorded as an `EmailDelivery` row, unique per
(kind, key), and only then queued as a task. The task claims the row with one
conditional UPDATE (queued or failed -> sending) before it talks to the mail
server, so two workers, or a retry racing the first attempt, cannot both
send it. A failed send marks the row failed and re-raises, so django-tasks
logs it; `manage.py retry_comment_emails` (cron, or `--every N` beside the
worker) queues failed rows again once the mail server is back. django-tasks-db
has no retry of its own: a failed task stays failed.

A worker that dies after the mail server accepted an email but before the row
says so leaves it "sending"; such rows are reported, never resent, because
resending could send twice.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from . import notifications, tasks
from .models import EmailDelivery, NotificationAddress, ReaderComment

logger = logging.getLogger(__name__)

Kind = EmailDelivery.Kind
Status = EmailDelivery.Status

# A queued row whose task has not claimed it after this long is queued again
# (its task may have been lost); the claim makes a duplicate task harmless.
STALE_QUEUED_AFTER = timezone.timedelta(minutes=15)


def queue(kind, argument, key=None):
    """Record the email and queue its task, unless it was recorded before.

    Returns the new `EmailDelivery`, or None when this email already exists."""
    delivery, created = EmailDelivery.objects.get_or_create(
        kind=kind, key=str(key or argument), defaults={"argument": str(argument)}
    )
    if not created:
        return None
    # Queue only once the row is committed, so the worker can claim it.
    transaction.on_commit(lambda: _enqueue(delivery.pk), robust=True)
    return delivery


def _enqueue(delivery_id):
    tasks.send_comment_email.enqueue(delivery_id)


def _mark(delivery_id, **fields):
    EmailDelivery.objects.filter(pk=delivery_id).update(
        updated_at=timezone.now(), **fields
    )


def send(delivery_id):
    """Send one recorded email if nobody has yet; record how it went.

    Returns the final status, or None when another worker had it already."""
    claimed = EmailDelivery.objects.filter(
        pk=delivery_id, status__in=[Status.QUEUED, Status.FAILED]
    ).update(
        status=Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if not claimed:
        return None
    delivery = EmailDelivery.objects.get(pk=delivery_id)
    try:
        message = BUILDERS[delivery.kind](delivery.argument)
        if message is None:
            _mark(delivery_id, status=Status.SKIPPED)
            return Status.SKIPPED
        message.send()
    except Exception as error:
        _mark(delivery_id, status=Status.FAILED, last_error=_describe(error))
        raise  # django-tasks logs the failure with its traceback
    _mark(delivery_id, status=Status.SENT, sent_at=timezone.now(), last_error="")
    return Status.SENT


def _describe(error):
    return f"{type(error).__name__}: {error}"[:1000]


def retry_failed(*, now=None):
    """Queue failed emails (and queued ones whose task seems lost) again.

    Returns how many were queued. Emails that failed
    `COMMENTS_EMAIL_MAX_ATTEMPTS` times are left for a person to look at."""
    now = now or timezone.now()
    due = EmailDelivery.objects.filter(
        Q(status=Status.FAILED)
        | Q(status=Status.QUEUED, updated_at__lt=now - STALE_QUEUED_AFTER),
        attempts__lt=settings.COMMENTS_EMAIL_MAX_ATTEMPTS,
    )
    queued = 0
    for delivery in due.only("pk", "status"):
        # Conditional, so two retry runs at once queue each email once.
        moved = EmailDelivery.objects.filter(
            pk=delivery.pk, status=delivery.status
        ).update(status=Status.QUEUED, updated_at=now)
        if moved:
            _enqueue(delivery.pk)
            queued += 1
    return queued


def stuck(*, older_than=STALE_QUEUED_AFTER):
    """Emails left "sending" by a worker that stopped mid-send."""
    since = timezone.now() - older_than
    return EmailDelivery.objects.filter(status=Status.SENDING, updated_at__lt=since)


# What each kind of email says. Each builder loads fresh rows, because the
# email may go out long after it was queued, and returns None when it is no
# longer wanted (comment removed, reader unsubscribed, address confirmed).


def _comment(comment_id):
    return (
        ReaderComment.objects.select_related("article__author__user")
        .filter(pk=comment_id)
        .first()
    )


def new_comment_message(comment_id):
    """Tell the article's author about a new comment, held or published."""
    comment = _comment(comment_id)
    if comment is None or comment.is_spam or comment.is_removed:
        return None
    user = notifications.author_to_notify(comment)
    return None if user is None else notifications.new_comment_email(comment, user)


def reply_message(reply_id):
    """Tell a subscribed reader that a reply to their comment is published."""
    reply = _comment(reply_id)
    if reply is None or reply.status != "published" or not reply.article.live:
        return None
    recipient = notifications.reply_recipient(reply)
    if recipient is None:
        return None
    parent, address = recipient
    return notifications.reply_email(reply, parent, address)


def confirmation_message(email):
    """The double opt-in link, to an address not yet (or no longer) confirmed."""
    address = NotificationAddress.objects.filter(email=email).first()
    if address is None or address.can_receive:
        return None
    return notifications.confirmation_email(address)


BUILDERS = {
    Kind.NEW_COMMENT: new_comment_message,
    Kind.REPLY: reply_message,
    Kind.CONFIRM: confirmation_message,
}
