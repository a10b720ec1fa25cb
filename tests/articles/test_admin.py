"""Editors work through the Wagtail admin: these tests drive its views."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from articles.models import ArticlePage
from tests.admin_forms import article_form_data
from tests.factories import (
    MINIMAL_PDF,
    AuthorFactory,
    CallToActionFactory,
    PdfDocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="boss", is_superuser=True, is_staff=True))
    return client


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", parent.pk)
    )


def test_editor_creates_and_publishes_an_article(
    admin_client, blog_index, make_article
):
    stretches = make_article(title="Stretches")
    offer = CallToActionFactory()
    data = article_form_data(
        title="Running with sore hips",
        slug="sore-hips",
        intro="Hips and running.",
        author=AuthorFactory(),
        read_next=stretches,
        body=[
            ("heading", {"text": "Why hips hurt", "level": "h2", "anchor": ""}),
            ("paragraph", "<p>Weak glutes are common.</p>"),
            ("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Clam"}),
            ("call_to_action", offer.pk),
            (
                "callout",
                {"style": "disclaimer", "title": "Disclaimer", "text": "<p>Ask.</p>"},
            ),
        ],
        **{"action-publish": "publish"},
    )
    response = admin_client.post(add_url(blog_index), data)
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="sore-hips")
    assert article.live and article.first_published_at is not None
    assert [block.block_type for block in article.body] == [
        "heading",
        "paragraph",
        "video",
        "call_to_action",
        "callout",
    ]
    page = admin_client.get(article.url).content.decode()
    assert 'id="why-hips-hurt"' in page
    assert "Weak glutes are common." in page
    assert "data-video-embed" in page
    assert offer.document.url in page
    assert f'href="{stretches.url}"' in page


def test_invalid_video_url_is_refused_with_a_message_and_nothing_is_lost(
    admin_client, blog_index
):
    data = article_form_data(
        title="Bad video",
        slug="bad-video",
        intro="x",
        author=AuthorFactory(),
        body=[
            ("paragraph", "<p>Keep this text.</p>"),
            ("video", {"url": "https://example.com/clip", "title": "Clam"}),
        ],
        **{"action-publish": "publish"},
    )
    response = admin_client.post(add_url(blog_index), data)
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="bad-video").exists()
    content = response.content.decode()
    assert "Enter a YouTube or Vimeo video link" in content
    assert "Keep this text." in content  # the editor's work is still in the form


def test_missing_required_fields_are_reported(admin_client, blog_index):
    data = article_form_data(
        title="", slug="", intro="", author=AuthorFactory(), **{"action-publish": "1"}
    )
    response = admin_client.post(add_url(blog_index), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"title", "intro"} <= set(errors)


def test_article_cannot_be_added_outside_a_blog_index(admin_client, blog_index):
    # Wagtail turns its PermissionDenied into a redirect with an error message.
    root = Page.get_first_root_node()
    data = article_form_data(
        title="Stray", slug="stray", intro="x", author=AuthorFactory()
    )
    response = admin_client.post(add_url(root), data, follow=True)
    assert "Sorry, you do not have permission" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="stray").exists()


def test_call_to_action_refuses_a_document_that_is_not_a_pdf():
    offer = CallToActionFactory.build(
        document=PdfDocumentFactory(
            file=SimpleUploadedFile("plan.docx", b"PK\x03\x04 not a pdf")
        )
    )
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "is not a PDF" in str(error.value.message_dict["document"])


def test_document_upload_accepts_only_pdf(admin_client):
    url = reverse("wagtaildocs:add")
    bad = SimpleUploadedFile(
        "plan.exe", b"MZ...", content_type="application/octet-stream"
    )
    response = admin_client.post(url, {"title": "Plan", "file": bad, "collection": 1})
    assert response.status_code == 200
    assert "Allowed extensions are: pdf" in response.content.decode()
    good = SimpleUploadedFile("plan.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = admin_client.post(url, {"title": "Plan", "file": good, "collection": 1})
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Plan").count() == 1


def test_call_to_action_button_downloads_the_pdf(client, make_article):
    offer = CallToActionFactory()
    article = make_article(body=[("call_to_action", offer), ("call_to_action", offer)])
    page = client.get(article.url).content.decode()
    assert page.count(f'href="{offer.document.url}"') == 2
    response = client.get(offer.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
