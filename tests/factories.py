"""Factories for the objects tests need; unit tests never load the demo content."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from articles.models import ArticlePage, BlogIndexPage
from articles.snippets import Author, CallToAction, Category

# The smallest well-formed PDF we can ship inline: one empty page.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("secret-password")


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = "A runner stretching on a track"
    file = factory.django.ImageField(width=1600, height=900, color="green")


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Workouts {n}")
    file = factory.django.FileField(filename="workouts.pdf", data=MINIMAL_PDF)


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Physiotherapist"
    bio = "Treats runners and writes about it."


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")


class CallToActionFactory(DjangoModelFactory):
    class Meta:
        model = CallToAction

    name = factory.Sequence(lambda n: f"Offer {n}")
    heading = "Get the free workouts"
    text = "Three short routines for runners."
    button_label = "Free Workouts [PDF]"
    document = factory.SubFactory(PdfDocumentFactory)


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogIndexPage

    title = "Run Well Physio"


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article under a blog index. Use `publish()` to make it live the way
    an editor would (revisions, published dates, signals)."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    intro = "What runners should know."
    author = factory.SubFactory(AuthorFactory)
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Keep running, but listen.</p>"))]
    )


def publish(page, user=None):
    """Publish the page's current state through a revision, as the admin does."""
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return page
