from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """What this project adds to django-comments-xtd: moderation rules,
    author replies, notifications and the Wagtail admin screens."""

    name = "comments"
    verbose_name = "Reader comments"

    def ready(self):
        from django.db.models.signals import pre_save
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from . import moderation

        moderation.register()
        # django-comments-xtd rewrites every reply's is_public and the
        # ancestors' nested_count on *every* save of a comment (even an edit),
        # which loses moderators' decisions on replies and inflates counts.
        # Our comment tree hides the replies of a hidden comment instead.
        pre_save.disconnect(
            publish_or_unpublish_on_pre_save, sender="comments.ReaderComment"
        )
