"""Hostile markup in a comment's name, website and body is shown as text
everywhere it appears: the article page (and its JSON-LD), the admin
listing, the comment feeds and the emails."""

import json
import xml.etree.ElementTree as ET  # noqa: N817, S405 - parsing our own output

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import CommentSettings, NotificationAddress, ReaderComment
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

MARKER = "xss"
PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert('xss')>",
    "<svg onload=alert('xss')><script>alert('xss')</script></svg>",
    '"><script>alert("xss")</script>',
    "' onmouseover='alert(`xss`)' x='",
    "javascript:alert('xss')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzJyk8L3NjcmlwdD4=?xss",
    "<a href=\"javascript:alert('xss')\">click</a>",
    "</script><script>alert('xss')</script>",
    "<iframe src=javascript:alert('xss')>",
    "<b onclick=alert('xss')>unclosed <i",
    "\u202e<script>alert('xss')</script>\u202c",
    "\uff1cscript\uff1ealert('xss')\uff1c/script\uff1e",
    "<scr<script>ipt>alert('xss')</script>",
    "{{ xss }}{% debug %}",
    "<style>@import 'http://xss.example/';</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss')>",
    "https://example.com/?q=\"><script>alert('xss')</script>",
    "<!--<img src=\"--><img src=x onerror=alert('xss')//\">",
]
WEBSITES = [
    "javascript:alert('xss')",
    "data:text/html,<script>alert('xss')</script>",
    "https://example.com/\"><script>alert('xss')</script>",
    "https://example.com/?xss=' onmouseover='alert(1)",
]
DANGEROUS_TAGS = {"script", "svg", "iframe", "img", "object", "embed", "style", "math"}
JSON_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "xlink:href"}


def assert_inert(html, *, allow_own_scripts=True):
    """No element or attribute made from a payload: markup stays text."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if MARKER in value.lower():
                assert not name.lower().startswith("on"), tag
                if name.lower() in URL_ATTRIBUTES:
                    assert value.lower().startswith(("http://", "https://", "/")), tag
        if tag.name in DANGEROUS_TAGS:
            if tag.name == "script" and tag.get("type") in JSON_TYPES:
                json.loads(tag.string)  # a payload cannot break out of it
                continue
            assert MARKER not in str(tag).lower(), tag
            if tag.name == "script":
                assert allow_own_scripts and not (tag.string or "").strip(), tag
    return soup


@pytest.fixture
def author_user():
    return UserFactory(username="sam", email="sam@example.com", is_superuser=True)


@pytest.fixture
def article(make_article, author_user):
    return make_article(title="Shin splints", author=AuthorFactory(user=author_user))


@pytest.fixture
def hostile_comments(
    article, rules, settings, post, form_data, django_capture_on_commit_callbacks
):
    """Every payload posted by a reader, as name and body, then as a reply
    to a subscribed reader (so it is emailed), through the public form."""
    settings.COMMENTS_RATE_LIMIT = 10_000
    rules.moderation = CommentSettings.Moderation.PUBLISH
    rules.hold_links = 0
    rules.save()
    NotificationAddress.objects.create(
        email="jo@example.com", confirmed_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        post(article, comment="Subscribed question", followup="on")
    parent = ReaderComment.objects.get()
    for number, payload in enumerate(PAYLOADS):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(
                article,
                name=payload[:50],
                email=f"x{number}@example.com",
                comment=f"{payload}\n\n{payload}",
                reply_to=str(parent.pk),
            )
        assert response.status_code == 302, payload
    return parent


def test_hostile_websites_are_refused_by_the_form(article, post, rules):
    for url in WEBSITES[:2]:
        response = post(article, url=url, comment=f"from {url}")
        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").select_one(
            "#id_url_error"
        )
    assert not ReaderComment.objects.filter(user_url__icontains="script").exists()


def test_hostile_websites_stored_anyway_never_become_script_links(
    article, client, rules
):
    """Even a URL that skipped the form (an import, a future admin screen)."""
    publish = CommentSettings(moderation="publish", hold_links=0)
    for number, url in enumerate(WEBSITES):
        services.post_comment(
            article=article,
            rules=publish,
            name=f"Site {number}",
            email=f"s{number}@example.com",
            text=f"Website {number}",
            url=url,
        )
    soup = assert_inert(client.get(article.url).content)
    links = [a["href"] for a in soup.select(".comment__by a")]
    assert links == WEBSITES[2:]  # the web addresses, as links; the others dropped
    names = {tag.text.strip() for tag in soup.select(".comment__by > *")}
    assert {f"Site {n}" for n in range(len(WEBSITES))} <= names


def test_payloads_render_as_text_on_the_article_page(hostile_comments, article, client):
    response = client.get(article.url)
    soup = assert_inert(response.content)
    bodies = [node.text for node in soup.select(".comment__body p")]
    for payload in PAYLOADS:
        assert payload.strip() in bodies  # shown exactly as typed
    assert "max-age" not in response.get("Content-Security-Policy", "")


def test_payloads_stay_inside_the_json_ld(hostile_comments, article, client):
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    blocks = soup.select('script[type="application/ld+json"]')
    text = " ".join(json.dumps(json.loads(block.string)) for block in blocks)
    for block in blocks:
        assert "</script" not in block.string.lower()
    if "Subscribed question" not in text:
        pytest.skip("this page's JSON-LD does not include comments")
    assert "alert('xss')" in text


def test_payloads_render_as_text_in_the_admin_listing(
    hostile_comments, client, author_user
):
    client.force_login(author_user)
    response = client.get(reverse("reader_comments_admin:index"), {"q": ""})
    assert response.status_code == 200
    assert_inert(response.content)
    detail = ReaderComment.objects.filter(comment__contains="onerror").first()
    page = client.get(reverse("reader_comments_admin:edit", args=[detail.pk]))
    assert_inert(page.content)


@pytest.mark.parametrize(
    "url",
    ["/feeds/comments/rss/", "/feeds/comments/atom/", "article_rss", "article_atom"],
)
def test_payloads_are_escaped_in_the_comment_feeds(
    hostile_comments, article, client, url
):
    if not url.startswith("/"):
        url = f"/feeds/comments/{article.pk}/{url.split('_')[1]}/"
    response = client.get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)  # noqa: S314 - well-formed XML
    # Titles and names are plain text; readers render descriptions (RSS) and
    # summaries (Atom) as HTML, so that HTML must be inert.
    html = [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in {"description", "summary", "content"}
    ]
    assert len(html) > len(PAYLOADS)
    for text in html:
        assert_inert(text)
    assert any("&lt;script&gt;alert(" in text for text in html)


def test_payloads_are_escaped_in_the_emails(hostile_comments):
    assert len(mail.outbox) >= len(PAYLOADS)
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert_inert(message.alternatives[0][0])
        for header, value in message.message().items():
            assert "\n" not in value.replace("\n ", "").replace("\n\t", ""), header
