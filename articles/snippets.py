"""Reusable content edited once and chosen from articles: authors, categories
and calls to action."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class SlugFromNameModel(models.Model):
    """A model whose archive slug is made from its name unless an editor
    chose one."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


@register_snippet
class Author(index.Indexed, SlugFromNameModel):
    """A person who writes articles. Linking a user account lets the site
    recognise that person's comment replies as the author's."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown under the name, e.g. 'Physiotherapist'.",
    )
    bio = models.TextField(
        blank=True, max_length=600, help_text="Two or three sentences."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        verbose_name="user account",
        help_text=(
            "The login this author uses. Their comment replies get the 'Author' badge."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Category(SlugFromNameModel):
    """A broad subject such as 'Injuries' or 'Strength'; an article has a few."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    description = models.TextField(
        blank=True, help_text="Shown on the category's page."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


@register_snippet
class CallToAction(models.Model):
    """An offer shown inside articles, such as the free workouts PDF.

    Articles choose it through the call-to-action block, so changing the text
    or the PDF here changes it everywhere at once."""

    name = models.CharField(max_length=80, unique=True, help_text="For editors only.")
    heading = models.CharField(max_length=120)
    text = models.TextField(max_length=400, blank=True)
    button_label = models.CharField(max_length=60, default="Free Workouts [PDF]")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="PDF",
        help_text="The PDF readers download. Only PDF files are accepted.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("heading"),
        FieldPanel("text"),
        FieldPanel("button_label"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = "call to action"
        verbose_name_plural = "calls to action"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() != "pdf":
            raise ValidationError(
                {
                    "document": (
                        f"“{self.document.title}” is not a PDF. "
                        "Choose or upload a PDF file."
                    )
                }
            )
