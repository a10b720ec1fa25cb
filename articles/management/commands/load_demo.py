"""`manage.py load_demo`: build the demo site. Safe to run again."""

from django.core.management.base import BaseCommand

from articles.demo.loader import load_demo


class Command(BaseCommand):
    """Create the demo home page, author, articles, images and PDF."""

    help = (
        "Load the demo site (dev and test settings only). Creates only what is "
        "missing, so running it again changes nothing."
    )

    def handle(self, *args, **options):
        created = load_demo()
        if not created:
            self.stdout.write("Demo content already loaded: nothing new.")
            return
        heading = f"Demo content loaded ({len(created)} new or changed):"
        self.stdout.write(self.style.SUCCESS(heading))
        for label in created:
            self.stdout.write(f"  - {label}")
