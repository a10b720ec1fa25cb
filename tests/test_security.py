"""Production security: the Content-Security-Policy, the production
settings, and forgetting commenters' IP addresses."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments import services
from comments.models import CommentSettings, ReaderComment

pytestmark = pytest.mark.django_db


def test_public_pages_get_a_strict_policy_without_inline_scripts(client, make_article):
    article = make_article(title="Back pain")
    policy = client.get(article.url)["Content-Security-Policy"]
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'"
    assert directives["frame-src"] == (
        "https://www.youtube-nocookie.com https://player.vimeo.com"
    )


def test_admin_gets_a_policy_that_leaves_its_scripts_alone(client, blog_index):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src" not in policy
    assert "frame-ancestors 'self'" in policy


def test_production_settings_are_secure():
    """Loaded in a fresh interpreter, as a server would."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "runningblog.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "blog.example.com",
        "DATABASE_URL": "postgres://u@127.0.0.1:5432/db",
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE',"
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_REFERRER_POLICY', 'SESSION_COOKIE_AGE',"
        "'SESSION_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'DEBUG')}))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, check=True
    ).stdout
    values = json.loads(output)
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SESSION_COOKIE_AGE"] <= 60 * 60 * 8  # admin sessions expire
    assert values["SECURE_SSL_REDIRECT"] and not values["DEBUG"]


def test_purge_removes_only_old_ip_addresses(make_article, settings):
    article = make_article()
    rules = CommentSettings(moderation="publish", hold_links=0)
    old, new = (
        services.post_comment(
            article=article,
            rules=rules,
            name="Jo",
            email=f"{n}@example.com",
            text=f"Comment {n}",
            ip_address="203.0.113.7",
        ).comment
        for n in ("old", "new")
    )
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    ReaderComment.objects.filter(pk=old.pk).update(
        submit_date=timezone.now() - timezone.timedelta(days=31)
    )
    call_command("purge_comment_ips")
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.ip_address is None
    assert new.ip_address == "203.0.113.7"
