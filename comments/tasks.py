"""The email task for reader comments.

Its argument is the id of an `EmailDelivery` row, because the database
backend stores arguments as JSON. `comments.deliveries` decides whether the
email is still wanted, claims it so it is sent once, and records failures;
a failure is re-raised so django-tasks marks the task failed and logs the
traceback, and `manage.py retry_comment_emails` queues it again later. The
comment itself was committed before the task was queued.
"""

from django_tasks import task


@task()
def send_comment_email(delivery_id):
    """Send one recorded comment email (see `comments.deliveries.send`)."""
    from . import deliveries  # deliveries queues this task: import on use

    return deliveries.send(delivery_id)
