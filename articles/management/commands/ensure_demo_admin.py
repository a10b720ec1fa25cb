"""`manage.py ensure_demo_admin`: create the demo superuser once."""

from django.core.management.base import BaseCommand

from articles.demo.loader import ensure_demo_admin


class Command(BaseCommand):
    """Create a superuser from DEMO_ADMIN_USERNAME, DEMO_ADMIN_EMAIL and
    DEMO_ADMIN_PASSWORD, printing the credentials only when it is created."""

    help = (
        "Create the demo admin account if it does not exist (dev and test "
        "settings only). Reads DEMO_ADMIN_USERNAME, DEMO_ADMIN_EMAIL and "
        "DEMO_ADMIN_PASSWORD."
    )

    def handle(self, *args, **options):
        credentials, created = ensure_demo_admin()
        if not created:
            # Never repeat the password: it may have been changed since.
            self.stdout.write(f"Admin account “{credentials['username']}” exists.")
            return
        self.stdout.write(self.style.SUCCESS("Created the demo admin account:"))
        self.stdout.write(f"  username: {credentials['username']}")
        self.stdout.write(f"  email:    {credentials['email']}")
        self.stdout.write(f"  password: {credentials['password']}")
