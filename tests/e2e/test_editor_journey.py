"""Journey 1: an editor writes an article in the Wagtail admin, previews it,
publishes it, and the public page shows everything they put in."""

import re

from playwright.sync_api import expect

from articles.models import ArticlePage

from .actions import admin_login

TITLE = "Hamstring strength for runners"
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"
READ_NEXT = "Lower Back Stretches for Runners"


def add_block(page, name):
    """Insert a block at the end of the body, choosing it by name from
    Wagtail's block menu the way a keyboard user would."""
    page.locator(".c-sf-add-button").last.click()
    search = page.get_by_role("combobox", name="Search options…").filter(visible=True)
    search.fill(name)
    search.press("Enter")


def choose(page, field_id, item):
    """Open the chooser (snippet or page) of the field with id `field_id`
    and pick `item` from its modal."""
    page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name=item).click()
    modal.wait_for(state="hidden")


def test_editor_creates_previews_and_publishes_an_article(page, site, screenshot):
    admin_login(page, site.admin_username, site.admin_password)
    home = site.article("running-with-lower-back-pain").get_parent()

    # From the page explorer: the blog index offers only the Article type,
    # so "Add child page" opens the article form directly.
    page.goto(f"/admin/pages/{home.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.wait_for_url(f"**/admin/pages/add/articles/articlepage/{home.pk}/")

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("Why strong hamstrings keep you running.")
    choose(page, "id_author", "Dr. Sam Carter")
    add_block(page, "Heading")
    page.locator("#body-0-value-text").fill("Why hamstrings matter")
    add_block(page, "Paragraph")
    # Draftail takes the keyboard once its editor has focus.
    page.locator("#body-1-value").locator("..").get_by_role("textbox").click()
    page.keyboard.type("Strong hamstrings protect your knees on downhill runs.")
    add_block(page, "Exercise video")
    page.locator("#body-2-value-url").fill(VIDEO_URL)
    page.locator("#body-2-value-title").fill("Nordic hamstring curl")
    add_block(page, "Call to action")
    choose(page, "body-3-value", "Free workouts")
    choose(page, "id_read_next", READ_NEXT)
    screenshot(page, "editor-filled-in")

    # Preview in the side panel: the article as readers will see it.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Why hamstrings matter")).to_be_visible()
    expect(preview.locator(".video__title")).to_contain_text("Nordic hamstring curl")
    screenshot(page, "preview")

    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/admin/pages/{home.pk}/")
    # "created and published", or "has been published" once Wagtail has
    # autosaved the new page as a draft.
    published = re.compile(rf"Page '{TITLE}' (created and|has been) published")
    expect(page.get_by_text(published)).to_be_visible()

    article = ArticlePage.objects.get(title=TITLE)
    assert article.live
    page.goto(article.url)
    screenshot(page, "public-page")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".article__meta")).to_contain_text("By Dr. Sam Carter")
    body = page.locator(".article__body")
    expect(body.get_by_role("heading", level=2)).to_have_text("Why hamstrings matter")
    expect(body).to_contain_text("Strong hamstrings protect your knees")
    # The video is a click-to-play facade for the privacy-friendly player,
    # starting where the editor's link said.
    video = body.locator("[data-video-embed]")
    expect(video).to_have_attribute(
        "data-video-embed",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=42",
    )
    play = video.get_by_role("button", name="Play video: Nordic hamstring curl")
    expect(play).to_be_visible()
    cta = body.locator(".cta")
    expect(cta).to_contain_text("Get the free runner's workouts")
    expect(cta.get_by_role("link", name="Free Workouts [PDF]")).to_have_attribute(
        "href", re.compile(r"^/documents/\d+/.+\.pdf$")
    )
    read_next = site.article("lower-back-stretches-for-runners")
    expect(
        page.get_by_role("link", name=f"Read Next >> {READ_NEXT}")
    ).to_have_attribute("href", read_next.url)
