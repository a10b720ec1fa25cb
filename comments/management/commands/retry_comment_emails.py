"""`manage.py retry_comment_emails`: queue failed comment emails again.

django-tasks-db does not retry a failed task, so a mail-server outage would
leave emails unsent. Run this from cron every few minutes, or beside the
worker with `--every 300`; the claim in `comments.deliveries.send` makes
sure no email goes out twice, however often it runs."""

import time

from django.core.management.base import BaseCommand

from comments import deliveries


class Command(BaseCommand):
    """Queue failed (and apparently lost) comment emails for another try."""

    help = "Queue failed comment emails again; with --every N, keep doing so."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Run again every SECONDS until stopped (default: once).",
        )

    def handle(self, *args, every=0, **options):
        while True:
            queued = deliveries.retry_failed()
            stuck = deliveries.stuck().count()
            self.stdout.write(f"Comment emails queued again: {queued}.")
            if stuck:
                self.stderr.write(
                    f"{stuck} comment emails were left 'sending' by a stopped "
                    "worker and are not retried (they may have gone out); see "
                    "comments_emaildelivery."
                )
            if not every:
                return
            time.sleep(every)
