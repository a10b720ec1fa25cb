"""Journey 2: a reader opens an article. Nothing is fetched from another host
until they press play; the free-workouts button downloads the PDF; "Read
next" leads to the other article."""

import re

from playwright.sync_api import expect

ARTICLE = "running-with-lower-back-pain"
PLAYER_HOST = "www.youtube-nocookie.com"


def scroll_through(page):
    """Scroll to the bottom and back so lazy images load, then let the
    network settle."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")


def test_reader_reads_plays_a_video_downloads_the_pdf_and_reads_next(
    page, site, screenshot
):
    network = page.context.network
    page.goto(site.article_url(ARTICLE))
    scroll_through(page)
    screenshot(page, "article")
    assert network.requests, "the network log saw no requests"
    assert network.foreign == [], "the article asked another host for something"

    # Click: the facade becomes the privacy-friendly player.
    network.allow(PLAYER_HOST)
    videos = page.locator("[data-video-embed]")
    first_play = videos.nth(0).get_by_role("button", name=re.compile("^Play video"))
    first_play.click()
    player = videos.nth(0).locator("iframe")
    expect(player).to_have_attribute(
        "src", re.compile(rf"^https://{re.escape(PLAYER_HOST)}/embed/")
    )
    # Keyboard: Enter on the focused play button does the same.
    second_play = videos.nth(1).get_by_role("button", name=re.compile("^Play video"))
    second_play.focus()
    page.keyboard.press("Enter")
    expect(videos.nth(1).locator("iframe")).to_have_attribute(
        "src", re.compile(rf"^https://{re.escape(PLAYER_HOST)}/embed/")
    )
    screenshot(page, "players-loaded")
    hosts = {url.split("/")[2] for url in network.foreign}
    assert hosts == {PLAYER_HOST}, network.foreign
    assert len(network.foreign) == 2  # one player per press, nothing else

    # The call to action downloads the PDF...
    button = page.get_by_role("link", name="Free Workouts [PDF]").first
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    # ...served as a PDF attachment (a download is not a page response in
    # Playwright, so the same URL is asked again with the reader's cookies).
    response = page.request.get(site.at(button.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.body().startswith(b"%PDF-")

    # "Read next" leads to the other article.
    other = site.article("lower-back-stretches-for-runners")
    page.get_by_role("link", name=re.compile(r"^Read Next")).click()
    page.wait_for_url(site.at(other.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(other.title)
    screenshot(page, "read-next")
