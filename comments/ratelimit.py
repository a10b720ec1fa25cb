"""Per-IP posting limits counted in the shared cache (Redis in production),
so they hold across processes. If the cache is down the limit fails open:
readers can still comment, and moderation still applies."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(action, ip_address, *, limit=None, window=None):
    """Count one attempt; False once `limit` attempts fall in the window."""
    limit = limit or settings.COMMENTS_RATE_LIMIT
    window = window or settings.COMMENTS_RATE_WINDOW
    bucket = int(time.time() // window)
    key = f"ratelimit:{action}:{ip_address}:{bucket}"
    try:
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    except Exception:  # any cache failure: fail open rather than block everyone
        count = None
    if count is None:  # django-redis with IGNORE_EXCEPTIONS answers None
        logger.warning("Rate limit cache unavailable; allowing %s", action)
        return True
    return count <= limit
