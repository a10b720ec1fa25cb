"""Build the demo site: home page, author, categories, the free-workouts offer,
images and four published articles.

Every step looks its object up first (pages by slug, snippets by name or slug,
images and documents by title) and creates only what is missing, so running
the loader again changes nothing, and objects an editor has since changed are
left alone. Each function appends a short label to `created` for each thing it
creates or changes.
"""

import os
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from articles.models import ArticlePage, BlogIndexPage
from articles.snippets import Author, CallToAction, Category

from . import content, images, require_demo_allowed
from .pdf import workouts_pdf

# Environment variable and default for each demo credential. The defaults are
# public on purpose: these accounts exist only where DEMO_CONTENT_ALLOWED is on.
AUTHOR_PASSWORD_ENV_DEFAULT = ("DEMO_AUTHOR_PASSWORD", "runningblog-author")
ADMIN_ENV_DEFAULTS = {
    "username": ("DEMO_ADMIN_USERNAME", "admin"),
    "email": ("DEMO_ADMIN_EMAIL", "admin@example.com"),
    "password": ("DEMO_ADMIN_PASSWORD", "runningblog-demo"),
}
EDITORS_GROUP = "Editors"  # created by Wagtail's migrations


def load_demo():
    """Create whatever demo content is missing; return a label for each thing
    created or changed (an empty list when everything already existed)."""
    require_demo_allowed()
    created = []
    with transaction.atomic():
        home = ensure_home_page(created)
        ensure_default_site(home, created)
        context = {
            "author": ensure_author(created),
            "categories": ensure_categories(created),
            "call_to_action": ensure_call_to_action(created),
            "images": {
                key: ensure_image(spec, created) for key, spec in content.IMAGES.items()
            },
        }
        ensure_articles(home, context, created)
    return created


def ensure_demo_admin():
    """Create the demo superuser from the DEMO_ADMIN_* environment variables.

    Return `(credentials, created)`; an existing account is left untouched,
    including its password."""
    require_demo_allowed()
    credentials = {
        field: os.environ.get(name, default)
        for field, (name, default) in ADMIN_ENV_DEFAULTS.items()
    }
    user_model = get_user_model()
    if user_model.objects.filter(username=credentials["username"]).exists():
        return credentials, False
    user_model.objects.create_superuser(**credentials)
    return credentials, True


# Home page and site


def ensure_home_page(created):
    """The blog index at the top of the tree, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = BlogIndexPage.objects.child_of(root).filter(slug=content.HOME["slug"])
    if home.exists():
        return home.get()
    _remove_welcome_page(root)
    home = BlogIndexPage(**content.HOME)
    root.add_child(instance=home)
    home.save_revision().publish()
    created.append(f"home page “{home.title}”")
    return home


def _remove_welcome_page(root):
    """Delete the plain page Wagtail's migrations create, which holds the
    slug the blog index needs."""
    welcome = (
        root.get_children()
        .filter(slug=content.HOME["slug"])
        .filter(content_type=ContentType.objects.get_for_model(Page))
        .first()
    )
    if welcome is None:
        return
    if not welcome.is_leaf():
        # Someone has built on it: deleting it would delete their pages too.
        raise CommandError(
            f"The page “{welcome.title}” (/{welcome.slug}/) has pages under it, "
            "so the demo will not replace it. Move or delete them first."
        )
    # Sites are deleted with their root page; park them on the tree root so
    # the default site keeps its hostname and port.
    for site in Site.objects.filter(root_page=welcome):
        site.root_page = root
        site.save()
    welcome.delete()


def ensure_default_site(home, created):
    """Point the default site at the blog index (create one if none exists)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="127.0.0.1",
            port=80,
            site_name=content.SITE_NAME,
            root_page=home,
            is_default_site=True,
        )
        created.append("default site 127.0.0.1:80")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
        created.append(f"default site “{site.hostname}” pointed at the blog index")


# Snippets, images and documents


def ensure_author(created):
    """The demo author, with a photo and an editor account."""
    spec = content.AUTHOR
    author = Author.objects.filter(slug=spec["slug"]).first()
    if author is not None:
        return author
    author = Author.objects.create(
        name=spec["name"],
        slug=spec["slug"],
        role=spec["role"],
        bio=spec["bio"],
        photo=ensure_image(spec["photo"], created),
        user=ensure_author_user(created),
    )
    created.append(f"author “{author.name}”")
    return author


def ensure_author_user(created):
    """The author's login: staff, in Wagtail's Editors group."""
    spec = content.AUTHOR
    user_model = get_user_model()
    user = user_model.objects.filter(username=spec["username"]).first()
    if user is not None:
        return user
    user = user_model.objects.create_user(
        username=spec["username"],
        email=spec["email"],
        password=os.environ.get(*AUTHOR_PASSWORD_ENV_DEFAULT),
        first_name=spec["first_name"],
        last_name=spec["last_name"],
        is_staff=True,
    )
    # Without the group the account could log in but not edit anything.
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is not None:
        user.groups.add(editors)
    created.append(f"user “{user.username}”")
    return user


def ensure_categories(created):
    """The demo categories, by name."""
    categories = {}
    for name, description in content.CATEGORIES.items():
        category, made = Category.objects.get_or_create(
            name=name, defaults={"description": description}
        )
        if made:
            created.append(f"category “{name}”")
        categories[name] = category
    return categories


def ensure_call_to_action(created):
    """The free-workouts offer and its PDF."""
    spec = content.CALL_TO_ACTION
    call_to_action = CallToAction.objects.filter(name=spec["name"]).first()
    if call_to_action is not None:
        return call_to_action
    call_to_action = CallToAction.objects.create(
        **spec, document=ensure_workouts_document(created)
    )
    created.append(f"call to action “{call_to_action.name}”")
    return call_to_action


def ensure_workouts_document(created):
    """The generated workouts PDF as a Wagtail document."""
    spec = content.WORKOUTS_DOCUMENT
    document_model = get_document_model()
    document = document_model.objects.filter(title=spec["title"]).first()
    if document is not None:
        return document
    data = workouts_pdf()
    # Wagtail's upload forms fill in size and hash; files saved from code must
    # set them, or duplicate detection and the size shown to readers break.
    document = document_model.objects.create(
        title=spec["title"],
        file=ContentFile(data, name=spec["filename"]),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    created.append(f"document “{document.title}”")
    return document


def ensure_image(spec, created):
    """A generated image, looked up by title."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=spec.title).first()
    if image is not None:
        return image
    data = _draw(spec)
    image = image_model.objects.create(
        title=spec.title,
        description=spec.description,
        file=ImageFile(BytesIO(data), name=f"{slugify(spec.title)}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    created.append(f"image “{image.title}”")
    return image


def _draw(spec):
    if spec.motif == "portrait":
        return images.portrait_jpeg()
    return images.hero_jpeg(spec.top, spec.bottom, spec.motif)


# Articles


def ensure_articles(home, context, created):
    """Add the missing articles as drafts, link their read-next choices, then
    publish them with their historical dates.

    Linking before the first revision means every choice is in the published
    revision, even when two new articles point at each other."""
    drafts = {
        spec.slug: _add_draft(home, spec, context)
        for spec in content.ARTICLES
        if not ArticlePage.objects.child_of(home).filter(slug=spec.slug).exists()
    }
    for spec in content.ARTICLES:
        page = drafts.get(spec.slug)
        if page is None:
            continue
        page.read_next = _find_article(home, spec.read_next)
        page.save_revision().publish()
        _backdate(page, spec)
        created.append(f"article “{page.title}”")


def _add_draft(home, spec, context):
    page = ArticlePage(
        title=spec.title,
        slug=spec.slug,
        intro=spec.intro,
        hero_image=context["images"][spec.hero],
        author=context["author"],
        body=[_resolve_block(block, context) for block in spec.body],
        allow_comments=True,
        live=False,
    )
    page.categories.set([context["categories"][name] for name in spec.categories])
    page.tags.add(*spec.tags)
    home.add_child(instance=page)
    return page


def _resolve_block(block, context):
    """Swap the names used in `content` for the database objects."""
    name, value = block
    if name == "call_to_action":
        return name, context["call_to_action"]
    if name == "image":
        return name, {**value, "image": context["images"][value["image"]]}
    return name, value


def _find_article(home, slug):
    if not slug:
        return None
    return ArticlePage.objects.child_of(home).filter(slug=slug).first()


def _backdate(page, spec):
    """Give the article its place in the site's history.

    Publishing stamps the current time (and the app's signal copies it to
    `last_updated_at`), so the dates are written afterwards with `update()`,
    which runs no signals."""
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=spec.published,
        last_published_at=spec.updated,
        last_updated_at=spec.updated,
        latest_revision_created_at=spec.updated,
    )
