"""Forms behind the "Reader comments" screens in the Wagtail admin.

They only read and validate input; the changes themselves are made by the
functions in `comments.services`."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q

from articles.models import ArticlePage

# Each status filter narrows a queryset the same way the models define the
# states, so the listing, the menu badge and the dashboard always agree.
STATUS_FILTERS = {
    "pending": ("Awaiting moderation", lambda comments: comments.pending()),
    "published": ("Published", lambda comments: comments.published()),
    "spam": ("Spam", lambda comments: comments.filter(is_spam=True)),
    "reported": ("Reported", lambda comments: comments.filter(report_count__gt=0)),
    "removed": ("Removed", lambda comments: comments.filter(is_removed=True)),
}
ALL = "all"
DEFAULT_STATUS = "pending"

# Labels for `ReaderComment.status` (one word) as shown in the listing.
STATUS_LABELS = {
    "pending": "Awaiting moderation",
    "published": "Published",
    "spam": "Spam",
    "removed": "Removed",
}

BULK_ACTIONS = {
    "approve": "Approve",
    "unpublish": "Unpublish",
    "spam": "Mark as spam",
    "delete": "Delete",
}


class CommentFilterForm(forms.Form):
    """The listing's filters and search box (submitted with GET)."""

    status = forms.ChoiceField(
        required=False,
        choices=[
            *((key, label) for key, (label, _) in STATUS_FILTERS.items()),
            (ALL, "All comments"),
        ],
    )
    article = forms.ModelChoiceField(
        queryset=ArticlePage.objects.none(),
        required=False,
        empty_label="All articles",
    )
    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search",
        widget=forms.SearchInput(attrs={"placeholder": "Text, name or email"}),
    )

    def __init__(self, *args, comments, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer (and accept) only articles with comments the user may see.
        self.fields["article"].queryset = ArticlePage.objects.filter(
            pk__in=comments.values("article_id")
        ).order_by("title")

    def filter(self, comments):
        """Apply whichever filters were valid; invalid ones are ignored, so a
        hand-edited URL still shows a listing rather than an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        status = data.get("status") or DEFAULT_STATUS
        if status in STATUS_FILTERS:
            comments = STATUS_FILTERS[status][1](comments)
        if data.get("article"):
            comments = comments.filter(article=data["article"])
        if data.get("q"):
            comments = search(comments, data["q"])
        return comments


def search(comments, text):
    """Comments whose text, name or email contains `text`."""
    return comments.filter(
        Q(comment__icontains=text)
        | Q(user_name__icontains=text)
        | Q(user_email__icontains=text)
    )


class IdListField(forms.Field):
    """Several integer ids posted under one name (the listing's checkboxes)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        try:
            return sorted({int(item) for item in value})
        except (TypeError, ValueError) as error:
            raise ValidationError("Choose comments from the list.") from error


class BulkActionForm(forms.Form):
    """An action applied to the comments ticked in the listing."""

    action = forms.ChoiceField(choices=list(BULK_ACTIONS.items()))
    ids = IdListField(error_messages={"required": "Choose at least one comment."})


class EditCommentForm(forms.Form):
    """Correct a comment's text (the field name matches `CommentError.field`)."""

    comment = forms.CharField(
        label="Comment",
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ReplyForm(forms.Form):
    """Reply under a comment as the logged-in author or moderator."""

    text = forms.CharField(
        label="Your reply",
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Published at once under this comment, with your badge.",
    )


def add_service_error(form, error):
    """Show a `services.CommentError` on the field it names, or on the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
