"""`manage.py load_demo_comments`: the demo discussion. Safe to run again."""

from django.core.management.base import BaseCommand

from comments.demo import load_demo_comments


class Command(BaseCommand):
    """Add readers' comments and the author's replies to the demo article."""

    help = "Add the demo comments (dev and test settings only); idempotent."

    def handle(self, *args, **options):
        created = load_demo_comments()
        self.stdout.write(
            f"Demo comments: {len(created)} added."
            if created
            else "Demo comments already loaded: nothing new."
        )
