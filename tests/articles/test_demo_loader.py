"""The demo loader and demo admin commands: what they build, that running
them again changes nothing, and that they refuse where demo content is not
allowed. (Only these tests load the demo; other tests build what they need.)"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from articles.demo import content
from articles.demo.pdf import workouts_pdf
from articles.models import ArticlePage, BlogIndexPage
from articles.snippets import Author, CallToAction, Category
from articles.video import parse_video_url

pytestmark = pytest.mark.django_db

LOWER_BACK = "running-with-lower-back-pain"
# A page object is "/Type /Page"; the page tree is "/Type /Pages".
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.fixture(autouse=True)
def demo_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = True


def load_demo():
    """Run the command and return what it printed."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def ensure_admin():
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    return out.getvalue()


def snapshot():
    """Counts of everything the loader creates, plus each page's revision."""
    user_model = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": Category.objects.count(),
        "calls_to_action": CallToAction.objects.count(),
        "users": user_model.objects.count(),
        "sites": Site.objects.count(),
        "latest_revisions": sorted(
            Page.objects.values_list("pk", "latest_revision_id")
        ),
    }


def body_blocks(page, block_type):
    return [block for block in page.body if block.block_type == block_type]


def test_blog_index_replaces_welcome_page_as_site_root():
    load_demo()

    root = Page.get_first_root_node()
    home = BlogIndexPage.objects.get()
    assert home.get_parent().pk == root.pk
    assert home.slug == "home" and home.title == content.SITE_NAME and home.live
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    # Wagtail's welcome page is gone: every page under the root is specific.
    assert (
        not root.get_children()
        .filter(content_type__model="page", content_type__app_label="wagtailcore")
        .exists()
    )


def test_welcome_page_with_pages_under_it_is_kept():
    welcome = Page.objects.get(depth=2, slug="home")
    welcome.add_child(instance=Page(title="Keep me", slug="keep-me"))
    before = snapshot()

    with pytest.raises(CommandError, match="has pages under it"):
        load_demo()

    assert snapshot() == before
    assert Page.objects.filter(slug="keep-me").exists()


def test_four_articles_are_published_newest_first_with_their_dates():
    load_demo()

    home = BlogIndexPage.objects.get()
    articles = list(home.get_articles())
    specs = sorted(content.ARTICLES, key=lambda spec: spec.published, reverse=True)
    assert [page.slug for page in articles] == [spec.slug for spec in specs]
    for page, spec in zip(articles, specs, strict=True):
        assert page.first_published_at == spec.published
        assert page.last_updated_at == spec.updated
        assert page.author.name == content.AUTHOR["name"]
        assert page.hero_image is not None and page.allow_comments
        assert len(page.intro) <= 300


def test_lower_back_article_has_sections_videos_offers_and_disclaimer():
    load_demo()

    page = ArticlePage.objects.get(slug=LOWER_BACK)
    headings = [block.value["text"] for block in body_blocks(page, "heading")]
    assert headings[:4] == [
        "1. Hyperlordosis and poor pelvic control",
        "2. Muscle imbalances around the hips",
        "3. A stiff thoracic spine",
        "4. Poor running technique",
    ]
    assert "A note on core strength" in headings
    assert len(body_blocks(page, "call_to_action")) == 2
    assert len(body_blocks(page, "video")) >= 4
    styles = [block.value["style"] for block in body_blocks(page, "callout")]
    assert "disclaimer" in styles
    assert set(page.tags.names()) == {"lower back pain", "core", "running form"}
    assert {c.name for c in page.categories.all()} == {
        "Injuries",
        "Strength & Conditioning",
    }
    assert page.read_next.slug == "lower-back-stretches-for-runners"
    assert page.was_updated


def test_demo_bodies_pass_editor_validation():
    load_demo()

    for page in ArticlePage.objects.all():
        page.body.stream_block.clean(page.body)  # raises on invalid content
        for block in body_blocks(page, "video"):
            parse_video_url(block.value["url"])


def test_published_revision_keeps_topics_and_read_next():
    load_demo()

    page = ArticlePage.objects.get(slug=LOWER_BACK)
    revision = page.get_latest_revision_as_object()
    assert revision.read_next_id == page.read_next_id
    assert set(revision.tags.names()) == set(page.tags.names())
    assert set(revision.categories.all()) == set(page.categories.all())


def test_author_has_photo_and_a_staff_editor_account():
    load_demo()

    author = Author.objects.get(slug=content.AUTHOR["slug"])
    assert (author.photo.width, author.photo.height) == (256, 256)
    assert author.user.username == "samcarter"
    assert author.user.is_staff and not author.user.is_superuser
    assert author.user.groups.filter(name="Editors").exists()
    assert author.user.check_password("runningblog-author")


def test_free_workouts_offer_downloads_the_generated_pdf():
    load_demo()

    offer = CallToAction.objects.get(name=content.FREE_WORKOUTS)
    assert offer.button_label == "Free Workouts [PDF]"
    document = offer.document
    assert document.title == "Free runner's workouts"
    assert document.filename == "free-runners-workouts.pdf"
    with document.open_file() as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    assert document.file_size == len(data) and document.file_hash


def test_images_have_alt_text_and_stay_small():
    load_demo()

    images = get_image_model().objects.all()
    assert images.count() == len(content.IMAGES) + 1  # plus the author photo
    for image in images:
        assert image.description, image.title
        assert image.file_size < 60_000, image.title
    heroes = images.filter(title__in=[spec.title for spec in content.IMAGES.values()])
    assert {(image.width, image.height) for image in heroes} == {(1200, 675)}


def test_second_run_changes_nothing():
    load_demo()
    before = snapshot()

    output = load_demo()

    assert snapshot() == before
    assert "nothing new" in output


def test_first_run_reports_what_it_created():
    output = load_demo()

    assert "Running with Lower Back Pain" in output
    assert "Free runner's workouts" in output


def test_demo_pages_render():
    load_demo()
    client = Client()

    for url in ["/", f"/{LOWER_BACK}/"]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert b"Free Workouts [PDF]" in response.content


def test_workouts_pdf_is_a_real_multipage_pdf():
    data = workouts_pdf()

    assert data.startswith(b"%PDF")
    assert len(PDF_PAGE.findall(data)) >= 3
    assert data.rstrip().endswith(b"%%EOF")


def test_load_demo_refuses_when_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    before = snapshot()

    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        load_demo()

    assert snapshot() == before


def test_ensure_demo_admin_refuses_when_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        ensure_admin()

    assert not get_user_model().objects.filter(username="admin").exists()


def test_ensure_demo_admin_prints_credentials_only_when_it_creates_the_account(
    monkeypatch,
):
    monkeypatch.setenv("DEMO_ADMIN_USERNAME", "demo-boss")
    monkeypatch.setenv("DEMO_ADMIN_EMAIL", "boss@example.com")
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-long-demo-password")

    first = ensure_admin()
    second = ensure_admin()

    user = get_user_model().objects.get(username="demo-boss")
    assert user.is_superuser and user.email == "boss@example.com"
    assert user.check_password("a-long-demo-password")
    assert "a-long-demo-password" in first and "demo-boss" in first
    assert "a-long-demo-password" not in second
    assert get_user_model().objects.filter(username="demo-boss").count() == 1


def test_ensure_demo_admin_leaves_an_existing_account_alone():
    user = get_user_model().objects.create_user("admin", password="changed-since")

    output = ensure_admin()

    user.refresh_from_db()
    assert user.check_password("changed-since") and not user.is_superuser
    assert "runningblog-demo" not in output
