"""`manage.py purge_comment_ips`: forget commenters' IP addresses.

The address of a commenter is kept only to deal with abuse (blocklists, rate
limits, reports); after COMMENTS_IP_RETENTION_DAYS it is removed. Run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from comments.models import ReaderComment


def purge_comment_ips(*, days, now=None):
    """Blank the IP address of comments older than `days`; returns how many."""
    cutoff = (now or timezone.now()) - timezone.timedelta(days=days)
    old = ReaderComment.objects.filter(submit_date__lt=cutoff, ip_address__isnull=False)
    return old.update(ip_address=None)


class Command(BaseCommand):
    """Remove IP addresses from comments older than the retention period."""

    help = "Remove commenters' IP addresses after COMMENTS_IP_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of COMMENTS_IP_RETENTION_DAYS.",
        )

    def handle(self, *args, days=None, **options):
        days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
        purged = purge_comment_ips(days=days)
        self.stdout.write(
            f"Removed the IP address from {purged} comments older than {days} days."
        )
