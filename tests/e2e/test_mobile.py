"""Journey 5: on a phone (390x844) the article never scrolls sideways and the
comment form can be read, reached and sent."""

from playwright.sync_api import expect

from comments.models import ReaderComment

from .actions import READER, comment_by, fill_comment_form, send_comment_form

PHONE = {"width": 390, "height": 844}
ARTICLE = "running-with-lower-back-pain"
# Inputs below 16px make phones zoom in on focus, and the page then pans.
MIN_INPUT_FONT_PX = 16
# WCAG 2.5.8 (AA) asks for 24x24 CSS pixels at least.
MIN_TARGET_PX = 24


def horizontal_overflow(page):
    """How far the page is wider than the screen, in CSS pixels."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )


def test_article_fits_a_phone_and_the_comment_form_works(new_context, site, screenshot):
    phone = new_context(
        viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True
    ).new_page()
    phone.goto(site.article_url(ARTICLE))
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    phone.wait_for_load_state("networkidle")
    screenshot(phone, "article-on-a-phone")
    assert horizontal_overflow(phone) == 0

    form = phone.locator("form[data-comment-form]")
    for label in ("Name", "Email address", "Comment"):
        field = form.get_by_label(label, exact=False).first
        field.scroll_into_view_if_needed()
        box = field.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label
        font_px = float(field.evaluate("el => getComputedStyle(el).fontSize")[:-2])
        assert font_px >= MIN_INPUT_FONT_PX, (label, font_px)
    button = form.get_by_role("button", name="Post comment")
    box = button.bounding_box()
    assert box["height"] >= MIN_TARGET_PX and box["width"] >= MIN_TARGET_PX

    fill_comment_form(phone, **READER)
    screenshot(phone, "form-filled-in")
    send_comment_form(phone)
    comment = ReaderComment.objects.get(user_email=READER["email"])
    expect(comment_by(phone, READER["name"])).to_contain_text(READER["comment"])
    assert phone.url.endswith(f"#c{comment.pk}")
    assert horizontal_overflow(phone) == 0
    screenshot(phone, "comment-posted")
