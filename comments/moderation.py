"""Moderation rules for comments on articles.

`ArticleCommentModerator` follows django-comments-xtd's moderator classes and
is registered for `ArticlePage` in `CommentsConfig.ready()`. The rules
themselves come from the `CommentSettings` site setting, so administrators
change them without a deploy.
"""

import datetime as dt
import ipaddress
import re
from enum import StrEnum
from urllib.parse import urlsplit

from django.utils import timezone
from django_comments_xtd.models import BlackListedDomain
from django_comments_xtd.moderation import SpamModerator, moderator

from .models import ReaderComment

LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


class Decision(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    SPAM = "spam"


def count_links(text):
    return len(LINK.findall(text or ""))


def _is_ip(entry):
    try:
        ipaddress.ip_address(entry)
    except ValueError:
        return False
    return True


def _domain_matches(host, domain):
    host = (host or "").lower()
    return host == domain or host.endswith("." + domain)


def blocklist_match(comment, entries):
    """The first blocklist entry this comment matches, or None."""
    email = (comment.user_email or "").lower()
    email_domain = email.rpartition("@")[2]
    url_host = urlsplit(comment.user_url or "").hostname
    text = f"{comment.user_name}\n{comment.comment}".lower()
    for entry in entries:
        if "@" in entry:
            hit = email == entry
        elif _is_ip(entry):
            hit = comment.ip_address == entry
        elif "." in entry and " " not in entry:
            hit = (
                _domain_matches(email_domain, entry)
                or _domain_matches(url_host, entry)
                or entry in text
            )
        else:
            hit = re.search(rf"\b{re.escape(entry)}\b", text) is not None
        if hit:
            return entry
    return None


def is_trusted(email):
    """An address with an earlier approved comment skips first-time review."""
    return ReaderComment.objects.published().filter(user_email__iexact=email).exists()


class ArticleCommentModerator(SpamModerator):
    """Applies `CommentSettings` to a new comment on an article.

    Unlike the stock moderators, nothing is discarded: a comment is stored as
    published, held for review, or marked as spam, so no reader's words are
    lost and a moderator can always correct a wrong call."""

    email_notification = False  # notifications go through comments.notifications

    def decide(self, comment, article, rules):
        """Publish, hold or spam, for a comment not yet saved."""
        if comment.badge:
            return Decision.PUBLISH
        if self.is_spam(comment, rules):
            return Decision.SPAM
        if self.needs_review(comment, rules):
            return Decision.HOLD
        return Decision.PUBLISH

    def is_spam(self, comment, rules):
        if blocklist_match(comment, rules.blocklist_entries()):
            return True
        domain = (comment.user_email or "").rpartition("@")[2].lower()
        return BlackListedDomain.objects.filter(domain=domain).exists()

    def needs_review(self, comment, rules):
        mode = rules.moderation
        if mode == rules.Moderation.HOLD_ALL:
            return True
        if rules.hold_links and count_links(comment.comment) >= rules.hold_links:
            return True
        if mode == rules.Moderation.HOLD_FIRST:
            return not is_trusted(comment.user_email)
        return False


def comments_open(article, rules):
    """Whether new comments are accepted on `article` under `rules`."""
    if not article.allow_comments or not article.live:
        return False
    if rules is None or not rules.close_after_days:
        return True
    published = article.first_published_at or timezone.now()
    return timezone.now() - published < dt.timedelta(days=rules.close_after_days)


def get_moderator(article):
    """The moderator registered for this article's class."""
    return moderator._registry[type(article)]


def register():
    """Called once from `CommentsConfig.ready()`."""
    from articles.models import ArticlePage

    if ArticlePage not in moderator._registry:
        moderator.register(ArticlePage, ArticleCommentModerator)
