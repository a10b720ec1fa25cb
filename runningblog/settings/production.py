"""Production: every secret and service comes from the environment (12-factor).

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. Recommended: REDIS_URL,
EMAIL_URL. See README "Production".
"""

import os

import dj_email_url

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

email = dj_email_url.parse(os.environ.get("EMAIL_URL", "smtp://localhost:25"))
EMAIL_BACKEND = email["EMAIL_BACKEND"]
EMAIL_HOST = email["EMAIL_HOST"]
EMAIL_PORT = email["EMAIL_PORT"]
EMAIL_HOST_USER = email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = 10

if os.environ.get("MEDIA_STORAGE_BACKEND"):
    STORAGES["default"] = {"BACKEND": os.environ["MEDIA_STORAGE_BACKEND"]}  # noqa: F405

# HTTPS everywhere. SECURE_SSL_REDIRECT can be switched off when a proxy already
# redirects; the proxy must then set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # an admin session ends after a working day

LOGGING["root"]["level"] = "INFO"  # noqa: F405
