import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from articles.blocks import (
    BodyBlock,
    CallOutBlock,
    CallToActionBlock,
    ExerciseVideoBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    QuoteBlock,
)
from tests.factories import CallToActionFactory, ImageFactory


def render(block, raw):
    """Render a block from its raw (form-like) value, as a page would."""
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


def test_every_body_block_has_icon_template_description_and_preview():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.meta.template == f"blocks/{block.meta.template[7:]}", name
        assert block.get_description(), name
        assert block.is_previewable, name


class TestHeadingBlock:
    def test_anchor_is_made_from_the_text(self):
        html = render(HeadingBlock(), {"text": "1. Poor Pelvic Control", "level": "h2"})
        assert html.h2["id"] == "1-poor-pelvic-control"
        assert html.h2.text == "1. Poor Pelvic Control"

    def test_explicit_anchor_and_h3(self):
        raw = {"text": "Dead bug", "level": "h3", "anchor": "Dead Bug Drill"}
        html = render(HeadingBlock(), raw)
        assert html.h3["id"] == "dead-bug-drill"
        assert html.h2 is None

    def test_anchor_without_usable_characters_is_rejected(self):
        block = HeadingBlock()
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"text": "x", "level": "h2", "anchor": "%%%"}))
        assert "letters, numbers and hyphens" in str(error.value.block_errors["anchor"])

    def test_text_is_escaped(self):
        html = render(HeadingBlock(), {"text": "<script>x</script>", "level": "h2"})
        assert html.script is None
        assert "<script>x</script>" in html.h2.text


def test_paragraph_renders_rich_text_inside_prose_wrapper():
    # Markup is whitelisted when the editor's input is converted (Draftail);
    # the block's job is to render the stored rich text.
    html = render(ParagraphBlock(), "<p>Run <b>slowly</b> and <i>often</i></p>")
    assert html.select_one(".prose b").text == "slowly"
    assert html.select_one(".prose i").text == "often"


def test_paragraph_offers_only_the_configured_features():
    assert ParagraphBlock().features == [
        "bold",
        "italic",
        "link",
        "ol",
        "ul",
        "h4",
        "document-link",
    ]


@pytest.mark.django_db
class TestImageBlock:
    def test_renders_webp_srcset_alt_caption_and_lazy_loading(self):
        image = ImageFactory()
        raw = {"image": image.pk, "alt_text": "Side plank", "caption": "Hold 20s"}
        html = render(ImageBlock(), raw)
        img = html.img
        assert img["alt"] == "Side plank"
        assert img["loading"] == "lazy"
        assert img["width"] and img["height"]
        assert ".webp" in img["srcset"] and img["srcset"].count("w,") == 2
        assert html.figcaption.text == "Hold 20s"

    def test_alt_text_is_required(self):
        block = ImageBlock()
        value = block.to_python({"image": ImageFactory().pk, "alt_text": ""})
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert "alt_text" in error.value.block_errors


class TestExerciseVideoBlock:
    def test_other_hosts_are_rejected_in_the_admin(self):
        block = ExerciseVideoBlock()
        value = block.to_python({"url": "https://example.com/v/1", "title": "Plank"})
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        message = str(error.value.block_errors["url"])
        assert "Enter a YouTube or Vimeo video link" in message

    def test_youtube_url_is_accepted(self):
        block = ExerciseVideoBlock()
        value = block.to_python({"url": "https://youtu.be/dQw4w9WgXcQ", "title": "x"})
        assert block.clean(value)["url"] == "https://youtu.be/dQw4w9WgXcQ"

    def test_facade_makes_no_third_party_request_before_click(self):
        raw = {
            "url": "https://youtu.be/dQw4w9WgXcQ?t=30",
            "title": "Glute bridge",
            "caption": "Ten slow reps",
        }
        html = render(ExerciseVideoBlock(), raw)
        # Nothing that loads by itself: no iframe, script, image or src at all.
        assert html.find(["iframe", "script", "img", "link", "video"]) is None
        assert html.find(src=True) is None
        # The only external address is a plain link for readers without JS.
        links = html.find_all(href=True)
        assert [link["href"] for link in links] == [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s"
        ]
        frame = html.select_one("[data-video-embed]")
        assert frame["data-video-embed"].startswith(
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"
        )
        assert "start=30" in frame["data-video-embed"]
        # Its accessible name is its visible text, "Play video:" first.
        assert not links[0].has_attr("aria-label")
        name = " ".join(links[0].get_text(" ").split())
        assert name.startswith("Play video: Glute bridge")
        assert html.figcaption.text == "Ten slow reps"

    def test_vimeo_facade_uses_do_not_track_player(self):
        raw = {"url": "https://vimeo.com/76979871", "title": "Hip airplane"}
        frame = render(ExerciseVideoBlock(), raw).select_one("[data-video-embed]")
        assert frame["data-video-embed"] == (
            "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
        )

    def test_title_is_escaped(self):
        raw = {"url": "https://youtu.be/dQw4w9WgXcQ", "title": '"><img src=x>'}
        html = render(ExerciseVideoBlock(), raw)
        assert html.find("img") is None


@pytest.mark.django_db
class TestCallToActionBlock:
    def test_renders_the_chosen_offer_with_a_pdf_download(self):
        offer = CallToActionFactory(heading="Free plan", button_label="Get it [PDF]")
        html = render(CallToActionBlock(), offer.pk)
        button = html.select_one("a.button")
        assert button.text == "Get it [PDF]"
        assert button["href"] == offer.document.url
        assert button.has_attr("download")
        assert html.select_one(".cta__heading").text == "Free plan"

    def test_a_deleted_offer_renders_nothing(self):
        assert render(CallToActionBlock(), None).text.strip() == ""


@pytest.mark.parametrize("style", ["note", "warning", "disclaimer"])
def test_callout_styles(style):
    raw = {"style": style, "title": "Read this", "text": "<p>Not advice.</p>"}
    aside = render(CallOutBlock(), raw).aside
    assert f"callout--{style}" in aside["class"]
    assert aside.select_one(".callout__title").text == "Read this"


def test_callout_rejects_unknown_style():
    block = CallOutBlock()
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python({"style": "shout", "text": "<p>x</p>"}))


def test_quote_keeps_line_breaks_and_escapes():
    raw = {"quote": "Line one\n<b>Line two</b>", "attribution": "A runner"}
    html = render(QuoteBlock(), raw)
    assert html.blockquote.find("br") is not None
    assert html.blockquote.find("b") is None
    assert html.figcaption.text == "— A runner"
