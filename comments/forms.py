"""The form readers fill in under an article."""

from django import forms
from django_comments.forms import CommentForm

from .models import ReaderComment

SECURITY_FIELDS = ("honeypot", "security_hash", "content_type", "object_pk")


class ArticleCommentForm(CommentForm):
    """django-contrib-comments' form (honeypot, signed timestamp and security
    hash) with a reply target and the "email me" tick box.

    It only validates what the reader typed; `comments.services.post_comment`
    decides everything else (badge, visibility, thread position)."""

    followup = forms.BooleanField(
        required=False, label="Email me when someone replies to me"
    )
    reply_to = forms.IntegerField(
        required=False,
        min_value=0,
        # xtd's parent_id is a 32-bit column: a larger (tampered) id would
        # make the database raise instead of the form refusing it.
        max_value=2**31 - 1,
        initial=0,
        widget=forms.HiddenInput,
    )

    def __init__(self, target_object, *args, user=None, **kwargs):
        super().__init__(target_object, *args, **kwargs)
        self.fields["name"].widget.attrs.update(autocomplete="name", maxlength=50)
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["email"].help_text = "Required, never shown publicly."
        self.fields["email"].widget.attrs["aria-describedby"] = "id_email_help"
        self.fields["url"].label = "Website (optional)"
        self.fields["url"].assume_scheme = "https"
        self.fields["url"].widget.attrs.update(autocomplete="url")
        self.fields["comment"].widget.attrs.update(rows=6)
        self.fields["honeypot"].label = "Leave this field empty"
        if user is not None and user.is_authenticated:
            # Logged-in authors and moderators post under their account.
            for name in ("name", "email", "url"):
                self.fields[name].required = False
                self.fields[name].widget = forms.HiddenInput()

    def add_error(self, field, error):
        """Tie each error to its field for screen readers."""
        super().add_error(field, error)
        names = [field] if isinstance(field, str) else []
        for name in names:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                # The error first, then any help text the field already had.
                described = [
                    f"id_{name}_error",
                    *attrs.get("aria-describedby", "").split(),
                ]
                attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": " ".join(dict.fromkeys(described)),
                    }
                )

    def error_summary(self):
        """(field id, label, message) for each visible field with an error,
        in form order, for the summary above the form."""
        return [
            (field.auto_id, field.label, " ".join(field.errors))
            for field in self.visible_fields()
            if field.errors
        ]

    def get_comment_model(self):
        return ReaderComment

    def has_security_errors(self):
        """Tampered hidden fields: not a reader's mistake, refuse outright."""
        return any(name in self.errors for name in SECURITY_FIELDS)

    def has_expired(self):
        """The page was left open too long: a reader's form, re-shown fresh."""
        return "timestamp" in self.errors and not self.has_security_errors()

    def targets(self, article):
        """Whether the signed hidden fields name this very article."""
        return self.data.get("content_type") == str(article._meta) and self.data.get(
            "object_pk"
        ) == str(article.pk)
