"""Demo content for local development and reviews: a home page, an author,
four articles and the free-workouts PDF, all generated without network access.

Only `manage.py load_demo` and `manage.py ensure_demo_admin` use it, and both
refuse to run unless `settings.DEMO_CONTENT_ALLOWED` is True (dev and test).
"""

from django.conf import settings
from django.core.management.base import CommandError

NOT_ALLOWED_MESSAGE = (
    "Demo content is switched off in these settings "
    "(settings.DEMO_CONTENT_ALLOWED is not True). It creates known passwords, "
    "so it only runs with the dev or test settings."
)


def require_demo_allowed():
    """Raise `CommandError` unless these settings allow demo content."""
    if getattr(settings, "DEMO_CONTENT_ALLOWED", False) is not True:
        raise CommandError(NOT_ALLOWED_MESSAGE)
