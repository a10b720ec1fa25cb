"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here
and change only what differs. Services are chosen by environment variables so the
same code runs on SQLite + local memory (dev, tests) and PostgreSQL + Redis
(production, CI's PostgreSQL job).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "runningblog"


def env_list(name, default=""):
    """Split a comma-separated environment variable into a list of strings."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


INSTALLED_APPS = [
    "articles.apps.ArticlesConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_comments_xtd",
    "django_comments",
    # After django_comments_xtd: its ready() must run before ours (see apps.py).
    "comments.apps.CommentsConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Compresses pages (cached or not) for browsers that accept gzip; Django's
    # GZip pads responses against BREACH. Static files come pre-compressed.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security, so cached pages get the header too.
    "runningblog.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and CSRF: a cached page for an anonymous reader is
    # answered here, without touching the database (see articles/page_cache.py).
    "articles.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A lost database connection in a view gives a clear 503 page.
    "runningblog.outage.DatabaseOutageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "runningblog.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "runningblog.wsgi.application"

# SQLite by default so a bare machine can run the site; DATABASE_URL switches to
# PostgreSQL (production and CI's second test run).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set, otherwise a per-process memory cache.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "runningblog",
            # Redis down must not take the site down: reads miss, writes are
            # dropped (logged), pages render uncached, rate limits fail open.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "runningblog",
        }
    }

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SITE_ID = 1

# Wagtail
WAGTAIL_SITE_NAME = "Run Well Physio"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# PDFs are served as attachments through Wagtail's view, which checks privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The call-to-action button promises a download, so PDFs are sent as attachments.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "webp"}
WAGTAILEMBEDS_FINDERS = []  # The site never calls oEmbed; videos use our own facade.
# Nor does the admin call other hosts: no release check from the dashboard
# (releases.wagtail.org) and no Gravatar images for users (initials instead).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
TAGGIT_CASE_INSENSITIVE = True

# Tasks: emails and other slow work run outside the request. The database
# backend keeps queued work across restarts; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Comments (django-comments-xtd); the project's own rules live in comments/.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.ReaderComment"
# Comments are stored at once; the email confirmation step of django-comments-xtd
# (which pickles the comment into a link) is not used.
COMMENTS_XTD_CONFIRM_EMAIL = False
# Hard ceiling for the library; the depth readers get is the site setting
# CommentSettings.max_depth, which may not exceed this.
COMMENTS_XTD_MAX_THREAD_LEVEL = 5
COMMENT_MAX_LENGTH = 3000
# Posting limits, counted in the cache so they hold across processes.
COMMENTS_RATE_LIMIT = int(os.environ.get("COMMENTS_RATE_LIMIT", "5"))
COMMENTS_RATE_WINDOW = 60  # seconds
# How long confirmation links in emails stay valid.
COMMENTS_CONFIRM_MAX_AGE = 60 * 60 * 24 * 7
# Long discussions are split into pages of top-level threads (?cpage=N); a
# page also ends early rather than hold more comments or characters of
# comment text than this, so an article page stays well under 200 KB.
COMMENTS_THREADS_PER_PAGE = int(os.environ.get("COMMENTS_THREADS_PER_PAGE", "50"))
COMMENTS_PAGE_MAX_COMMENTS = int(os.environ.get("COMMENTS_PAGE_MAX_COMMENTS", "75"))
COMMENTS_PAGE_MAX_CHARS = int(os.environ.get("COMMENTS_PAGE_MAX_CHARS", "30000"))

# Pages for anonymous readers are cached whole (articles/page_cache.py) for at
# most this long; publishing and comment changes invalidate them sooner.
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# A failed CSRF check (a form kept open across a cookie change, a cached page
# read without JavaScript) explains itself and keeps the reader's comment.
CSRF_FAILURE_VIEW = "comments.csrf.csrf_failure"
# A comment email that failed this many times is left for a person to check
# (see `manage.py retry_comment_emails`).
COMMENTS_EMAIL_MAX_ATTEMPTS = int(os.environ.get("COMMENTS_EMAIL_MAX_ATTEMPTS", "20"))
# Commenters' IP addresses are kept for abuse handling only, then blanked by
# `manage.py purge_comment_ips` (run it daily).
COMMENTS_IP_RETENTION_DAYS = int(os.environ.get("COMMENTS_IP_RETENTION_DAYS", "30"))

# Content-Security-Policy (runningblog/security.py): strict on public pages;
# these paths (the Wagtail admin, which uses inline scripts) get a policy that
# leaves scripts alone.
CSP_RELAXED_PATHS = ["/admin/"]

# Email
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Run Well Physio <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The demo loader and demo admin account refuse to run unless this is True.
DEMO_CONTENT_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "articles": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "comments": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
