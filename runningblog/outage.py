"""A clear "back in a moment" page (HTTP 503) when the database is unreachable.

`DatabaseOutageMiddleware` answers for exceptions raised in views and
`server_error` (the project's handler500) for those raised anywhere else,
such as in the session middleware. Both render templates/503.html without a
request context, so the page itself needs no database. Writes are atomic
(comments.services), so a failure mid-request leaves nothing half-written."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def outage_response():
    """The 503 page, with a hint to clients and caches to come back soon."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turn a lost database connection in a view into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            logger.error(
                "Database unavailable for %s %s: %s",
                request.method,
                request.path,
                exception,
            )
            return outage_response()
        return None


def server_error(request, *args, **kwargs):
    """handler500: the 503 page for database outages, else templates/500.html.

    Django calls it while handling the exception, so `sys.exc_info()` holds
    the error that caused it."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        return outage_response()
    return HttpResponseServerError(loader.render_to_string("500.html"))
