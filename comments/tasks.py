"""Email tasks for reader comments, one per kind of email.

Arguments are ids and strings, because the database backend stores them as
JSON. A task may run long after it was queued, so each one loads fresh rows
and checks the email is still wanted. Nothing is caught here: a failed send
marks the task failed and django_tasks logs it with the traceback, while the
comment itself was committed before the task was queued.
"""

from django_tasks import task

from . import notifications
from .models import NotificationAddress, ReaderComment


def _comment(comment_id):
    return (
        ReaderComment.objects.select_related("article__author__user")
        .filter(pk=comment_id)
        .first()
    )


@task()
def send_new_comment_email(comment_id):
    """Tell the article's author about a new comment, held or published."""
    comment = _comment(comment_id)
    if comment is None or comment.is_spam or comment.is_removed:
        return
    user = notifications.author_to_notify(comment)
    if user is not None:
        notifications.new_comment_email(comment, user).send()


@task()
def send_reply_email(reply_id):
    """Tell a subscribed reader that a reply to their comment is published."""
    reply = _comment(reply_id)
    if reply is None or reply.status != "published" or not reply.article.live:
        return
    recipient = notifications.reply_recipient(reply)
    if recipient is not None:
        parent, address = recipient
        notifications.reply_email(reply, parent, address).send()


@task()
def send_confirmation_email(email):
    """Send the double opt-in link to an address not yet (or no longer) confirmed."""
    address = NotificationAddress.objects.filter(email=email).first()
    if address is not None and not address.can_receive:
        notifications.confirmation_email(address).send()
