"""The body StreamField of an article: one `BodyBlock` reused by every page
that needs rich content. Each block declares an icon, a template, a short
description and a preview value so editors see what they will get."""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .video import InvalidVideoURL, parse_video_url

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h4", "document-link"]


def _first_object(model_path):
    """Preview helper: the first existing object, or None on an empty site."""
    from django.apps import apps

    return apps.get_model(model_path).objects.order_by("pk").first()


class HeadingBlock(blocks.StructBlock):
    """A section heading with an anchor readers can link to."""

    text = blocks.CharBlock(max_length=160)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Sub-section (H3)")], default="h2"
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=(
            "Optional link target, e.g. 'core-strength'. Made from the text if empty."
        ),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A section heading (H2) or sub-heading (H3) with a link anchor."
        preview_value = {"text": "1. Poor pelvic control", "level": "h2", "anchor": ""}
        form_classname = "struct-block heading-block"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["anchor"] or value["text"])
        return context

    def clean(self, value):
        value = super().clean(value)
        if value["anchor"] and not slugify(value["anchor"]):
            raise StructBlockValidationError(
                {"anchor": ValidationError("Use letters, numbers and hyphens only.")}
            )
        return value


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with links, lists and emphasis."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Body text: paragraphs, lists, links and emphasis."
        preview_value = (
            "<p>Most runners with low back pain can keep running while they "
            "work on the cause.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for readers who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "A photo or diagram with alternative text and a caption."

    def get_preview_value(self):
        return {
            "image": _first_object("wagtailimages.Image"),
            "alt_text": "A runner on a trail",
            "caption": "Caption text appears here.",
        }


class ExerciseVideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video shown as a click-to-play facade: nothing is
    loaded from the video host until the reader presses play."""

    url = blocks.URLBlock(
        label="Video URL",
        help_text=(
            "A YouTube or Vimeo link, e.g. https://youtu.be/… (a start time is kept)."
        ),
    )
    title = blocks.CharBlock(
        max_length=120, help_text="Names the exercise, e.g. 'Dead bug'."
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    poster = ImageChooserBlock(
        required=False,
        help_text="Optional still shown before playing (served by this site).",
    )

    class Meta:
        icon = "media"
        template = "blocks/exercise_video.html"
        description = "An exercise video that loads only when the reader clicks play."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Dead bug: core control drill",
            "caption": "Three sets of eight slow repetitions.",
        }

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_video_url(value["url"])
        except InvalidVideoURL as error:
            raise StructBlockValidationError(
                {"url": ValidationError(str(error))}
            ) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            context["video"] = parse_video_url(value["url"])
        except InvalidVideoURL:
            # Stored before validation existed: show nothing rather than break the page.
            context["video"] = None
        return context


class CallToActionBlock(SnippetChooserBlock):
    """Chooses a reusable call to action, e.g. the free workouts PDF."""

    def __init__(self, **kwargs):
        super().__init__("articles.CallToAction", **kwargs)

    class Meta:
        icon = "download"
        template = "blocks/call_to_action.html"
        description = (
            "A reusable offer with a PDF download, edited once under Snippets."
        )

    def bulk_to_python(self, values):
        # The template links to each offer's PDF: load all PDFs in one query
        # rather than one per block (an article often shows the offer twice).
        offers = super().bulk_to_python(values)
        prefetch_related_objects([offer for offer in offers if offer], "document")
        return offers

    def get_preview_value(self):
        return _first_object("articles.CallToAction")


class CallOutBlock(blocks.StructBlock):
    """A boxed note, warning or medical disclaimer set apart from the text."""

    style = blocks.ChoiceBlock(
        choices=[
            ("note", "Note"),
            ("warning", "Warning"),
            ("disclaimer", "Medical disclaimer"),
        ],
        default="note",
    )
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        description = "A highlighted note, warning or medical disclaimer."
        preview_value = {
            "style": "disclaimer",
            "title": "Disclaimer",
            "text": "<p>This article is general information, not medical advice.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """A pull quote with an optional attribution."""

    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = "A quotation with the name of who said it."
        preview_value = {
            "quote": "Pain is information, not an instruction to stop for good.",
            "attribution": "A physiotherapist",
        }


class BodyBlock(blocks.StreamBlock):
    """Everything an article body can hold."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = ExerciseVideoBlock(label="Exercise video")
    call_to_action = CallToActionBlock(label="Call to action")
    callout = CallOutBlock()
    quote = QuoteBlock()
