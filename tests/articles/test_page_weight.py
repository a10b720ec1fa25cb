"""Front-end budget of the demo article: what a reader's browser downloads
before they click anything.

The budget is defined on the demo article ("Running with Lower Back Pain",
its images, video and discussion), so these tests load the demo."""

import re
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

from comments.demo import ARTICLE_SLUG

MAX_PAGE_BYTES = 100 * 1024  # HTML + CSS + JS, uncompressed, images excluded
MAX_JS_BYTES = 15 * 1024
# Elements whose URLs the browser fetches without a click.
FETCHED = {
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


@pytest.fixture
def served(db, settings):
    """The demo article's HTML and the static files it links, as bytes."""
    settings.DEMO_CONTENT_ALLOWED = True
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo_comments", stdout=StringIO())
    response = Client().get(f"/{ARTICLE_SLUG}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assets = {}
    for tag in page.select("link[rel=stylesheet], script[src]"):
        url = tag.get("href") or tag.get("src")
        path = finders.find(urlsplit(url).path.removeprefix("/static/"))
        assert path, f"{url} is not a static file of this site"
        assets[url] = Path(path).read_bytes()
    return {"html": response.content, "page": page, "assets": assets}


def test_html_css_and_js_stay_within_100_kb(served):
    total = len(served["html"]) + sum(len(body) for body in served["assets"].values())
    assert total <= MAX_PAGE_BYTES, f"{total} bytes"
    assert any(url.endswith(".css") for url in served["assets"])


def test_javascript_stays_within_15_kb(served):
    scripts = [body for url, body in served["assets"].items() if url.endswith(".js")]
    inline = [tag.string or "" for tag in served["page"].select("script:not([src])")]
    executable = [s for s in inline if s.strip() and not s.strip().startswith("{")]
    total = sum(map(len, scripts)) + sum(len(s.encode()) for s in executable)
    assert scripts and total <= MAX_JS_BYTES, f"{total} bytes"


def test_nothing_is_fetched_from_another_host_before_a_click(served):
    page = served["page"]
    urls = [
        tag[attribute]
        for name, attribute in FETCHED.items()
        for tag in page.find_all(name)
        if tag.has_attr(attribute)
    ]
    urls += [
        candidate.split()[0]
        for tag in page.find_all(srcset=True)
        for candidate in tag["srcset"].split(",")
    ]
    for body in served["assets"].values():
        urls += CSS_URL.findall(body.decode(errors="ignore"))
    urls += CSS_URL.findall(" ".join(tag.get("style", "") for tag in page.find_all()))
    assert urls
    # rel=canonical/alternate links are addresses, not downloads.
    fetched = [
        url
        for url in urls
        if not any(
            tag.get("href") == url
            and set(tag.get("rel", [])) - {"stylesheet", "preload"}
            for tag in page.find_all("link")
        )
    ]
    foreign = [url for url in fetched if urlsplit(url).netloc not in ("", "testserver")]
    assert foreign == []
    assert page.select("[data-video-embed]"), "the demo's video facade is there"


def test_images_have_dimensions_webp_renditions_and_lazy_below_the_fold(served):
    images = served["page"].select("main img")
    assert len(images) >= 2
    for image in images:
        assert image.get("width") and image.get("height"), image
        if image.has_attr("srcset"):
            assert all(".webp" in candidate for candidate in image["srcset"].split(","))
    hero, *below = images
    assert hero.get("loading") != "lazy" and hero.get("fetchpriority") == "high"
    assert all(image.get("loading") == "lazy" for image in below)
    assert any(image.has_attr("srcset") for image in below)


def test_demo_article_renders_in_at_most_15_queries(
    served, settings, django_assert_max_num_queries
):
    # Measured without the page cache: this is the cost of a cache miss.
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    client.get(f"/{ARTICLE_SLUG}/")  # warm image renditions, as production would be
    with django_assert_max_num_queries(15):
        response = client.get(f"/{ARTICLE_SLUG}/")
    assert b"Read Next" in response.content
    assert response.content.count(b"Free Workouts [PDF]") == 2
