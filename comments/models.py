"""Data this project adds to django-comments-xtd.

`ReaderComment` extends `XtdComment` (threading, ordering) with the article
it belongs to, a verified badge, a spam mark and a report count. The rules
editors tune live in `CommentSettings`, a Wagtail site setting.
"""

from django.db import models, transaction
from django.utils import timezone
from django_comments_xtd.models import XtdComment
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class ReaderCommentQuerySet(models.QuerySet):
    def published(self):
        """Visible to everyone: approved, not removed, not spam."""
        return self.filter(is_public=True, is_removed=False, is_spam=False)

    def pending(self):
        """Awaiting a moderator's decision (includes comments hidden by reports)."""
        return self.filter(is_public=False, is_removed=False, is_spam=False)

    def for_article(self, article):
        return self.filter(article_id=article.pk)


class ReaderComment(XtdComment):
    """A reader's comment or reply under an article."""

    class Badge(models.TextChoices):
        NONE = "", "None"
        AUTHOR = "author", "Author"
        MODERATOR = "moderator", "Moderator"

    article = models.ForeignKey(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="reader_comments",
        help_text="The article commented on (the same object as object_pk).",
    )
    badge = models.CharField(
        max_length=10,
        choices=Badge.choices,
        blank=True,
        default=Badge.NONE,
        help_text="Set only from a verified account, never from what was typed.",
    )
    is_spam = models.BooleanField(default=False, db_index=True)
    report_count = models.PositiveIntegerField(default=0)

    objects = ReaderCommentQuerySet.as_manager()

    class Meta:
        verbose_name = "reader comment"
        ordering = ["thread_id", "order"]
        permissions = [("moderate_readercomment", "Can moderate all reader comments")]

    @property
    def status(self):
        """One word for the moderation state, as the admin filters use it."""
        if self.is_spam:
            return "spam"
        if self.is_removed:
            return "removed"
        if self.is_public:
            return "published"
        return "pending"

    def get_absolute_url(self, anchor_pattern="#c%(id)s"):
        # ?comment= opens the page of a long discussion that holds it.
        anchor = anchor_pattern % {"id": self.pk}
        return f"{self.article.url}?comment={self.pk}{anchor}"

    def save(self, *args, **kwargs):
        # django-comments-xtd inserts a new reply, then numbers it in the
        # thread with a second write. Both writes, and the thread lock taken
        # in _calculate_thread_data, must share one transaction: otherwise a
        # concurrent reply could read the thread between them.
        if self.pk is None:
            with transaction.atomic(using=kwargs.get("using")):
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)

    def _calculate_thread_data(self):
        """Number a new reply in its thread, one reply per thread at a time.

        The library reads the thread's highest `order` and writes after it
        without a lock, so concurrent replies could share a position. Locking
        the thread's root row first (held until the transaction commits)
        makes every other reply to the same thread wait its turn; replies to
        other threads are not held up. SQLite serialises writes anyway."""
        thread_id = (
            ReaderComment.objects.filter(pk=self.parent_id)
            .values_list("thread_id", flat=True)
            .first()
        )
        if thread_id:
            list(
                ReaderComment.objects.select_for_update(of=("self",))
                .filter(pk=thread_id)
                .values_list("pk", flat=True)
            )
        super()._calculate_thread_data()


class CommentReport(models.Model):
    """One reader's report of one comment; one per reader and comment."""

    comment = models.ForeignKey(
        ReaderComment, on_delete=models.CASCADE, related_name="reports"
    )
    reporter_key = models.CharField(
        max_length=64, help_text="A keyed hash of the reporter's IP address."
    )
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_key"], name="one_report_per_reader"
            )
        ]

    def __str__(self):
        return f"Report on comment {self.comment_id}"


class NotificationAddress(models.Model):
    """An email address that asked for reply notifications.

    Notifications go only to confirmed addresses (double opt-in) that have
    not unsubscribed since."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.email

    @property
    def can_receive(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """Moderation rules for reader comments, edited under Settings."""

    class Moderation(models.TextChoices):
        HOLD_ALL = "hold_all", "Hold every comment for review"
        HOLD_FIRST = "hold_first", "Hold comments from first-time commenters"
        PUBLISH = "publish", "Publish at once"

    moderation = models.CharField(
        max_length=12,
        choices=Moderation.choices,
        default=Moderation.HOLD_FIRST,
        help_text=(
            "A first-time commenter is an email address without an earlier "
            "approved comment."
        ),
    )
    hold_links = models.PositiveSmallIntegerField(
        default=2,
        verbose_name="hold comments with this many links",
        help_text="Comments with at least this many links wait for review. 0 = off.",
    )
    blocklist = models.TextField(
        blank=True,
        help_text=(
            "One entry per line: a word or phrase, an email address, a domain "
            "(example.com) or an IP address. Matching comments go to spam."
        ),
    )
    close_after_days = models.PositiveIntegerField(
        default=0,
        help_text="Close comments on articles older than this many days. 0 = never.",
    )
    max_depth = models.PositiveSmallIntegerField(
        default=2,
        verbose_name="maximum reply depth",
        help_text="0 = no replies; 1 = replies to comments; 2 = replies to replies.",
    )
    reports_to_hide = models.PositiveSmallIntegerField(
        default=3,
        verbose_name="reports before hiding",
        help_text="A comment reported this many times is hidden until reviewed.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("moderation"),
                FieldPanel("hold_links"),
                FieldPanel("blocklist"),
            ],
            heading="Moderation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("close_after_days"),
                FieldPanel("max_depth"),
                FieldPanel("reports_to_hide"),
            ],
            heading="Discussion",
        ),
    ]

    class Meta:
        verbose_name = "comment settings"

    def blocklist_entries(self):
        """The blocklist as lower-cased, non-empty lines."""
        return [
            line.strip().lower() for line in self.blocklist.splitlines() if line.strip()
        ]


class EmailDelivery(models.Model):
    """One notification email, recorded before it is queued.

    At most one row per (kind, key), and a worker must claim the row before
    sending, so retries after a mail-server outage never send an email twice.
    See `comments.deliveries`."""

    class Kind(models.TextChoices):
        NEW_COMMENT = "new_comment", "New comment (to the article's author)"
        REPLY = "reply", "Reply (to a subscribed reader)"
        CONFIRM = "confirm", "Address confirmation"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (will be retried)"
        SKIPPED = "skipped", "No longer wanted"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(
        max_length=300, help_text="What makes two emails the same one."
    )
    argument = models.CharField(
        max_length=254, help_text="The comment id or email address it is about."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "comment email"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_email_per_key")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key}: {self.status}"
