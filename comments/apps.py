from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """What this project adds to django-comments-xtd: moderation rules,
    author replies, notifications and the Wagtail admin screens."""

    name = "comments"
    verbose_name = "Reader comments"
