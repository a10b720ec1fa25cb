"""Who may moderate which reader comments, in `comments.permissions` and on
every "Reader comments" admin screen.

The admin tests are a matrix: each role against each screen and action. An
allowed request must do its job; a refused one must leave the database
exactly as it was."""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse

from comments import services
from comments.models import CommentSettings, ReaderComment
from comments.permissions import (
    can_moderate,
    comments_moderatable_by,
    may_use_moderation_admin,
)
from comments.wagtail_hooks import ReaderCommentsMenuItem
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("reader_comments_admin:index")
BULK = reverse("reader_comments_admin:bulk")
LOGIN = reverse("wagtailadmin_login")
HOLD = CommentSettings(moderation="hold_all", hold_links=0)
PUBLISH = CommentSettings(moderation="publish", hold_links=0)

ROLES = [
    "anonymous",
    "reader",  # an account without Wagtail admin access
    "editor",  # Wagtail "Editors" group, not an author
    "author",  # wrote the article the comments are on
    "other_author",  # wrote a different article
    "moderator",  # "Moderators" group
    "superuser",
]
MODERATORS_OF_ARTICLE = {"author", "moderator", "superuser"}


def user_in(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def comment_on(article, text, rules, email):
    return services.post_comment(
        article=article,
        rules=rules,
        name="Jo Runner",
        email=email,
        text=text,
        ip_address="127.0.0.1",
    ).comment


@pytest.fixture
def world(make_article):
    """Every role, one article by `author`, one by `other_author`, and on the
    first a held and a published comment."""
    author = user_in("Editors", username="author")
    other_author = user_in("Editors", username="other")
    article = make_article(
        title="Back pain", author=AuthorFactory(name="Ada", user=author)
    )
    make_article(
        title="Knee pain", author=AuthorFactory(name="Otto", user=other_author)
    )
    users = {
        "anonymous": None,
        "reader": UserFactory(username="reader"),
        "editor": user_in("Editors", username="editor"),
        "author": author,
        "other_author": other_author,
        "moderator": user_in("Moderators", username="moderator"),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
    }
    return SimpleNamespace(
        users=users,
        article=article,
        held=comment_on(article, "Held for review.", HOLD, "held@example.com"),
        published=comment_on(article, "Out there.", PUBLISH, "pub@example.com"),
    )


def snapshot():
    """Everything a moderation action could change, for every comment."""
    return list(
        ReaderComment.objects.order_by("pk").values(
            "pk", "comment", "is_public", "is_spam", "is_removed", "report_count"
        )
    )


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def listed_ids(response):
    page = BeautifulSoup(response.content, "html.parser")
    return {int(box["value"]) for box in page.select("input[name=ids]")}


@dataclass
class Operation:
    """One request against the admin screens and the effect it should have."""

    method: str
    url: object  # world -> URL
    data: object  # world -> dict
    succeeded: object  # (world, response) -> None, asserting the effect
    kind: str  # "listing", "object" or "bulk": decides the refusal we expect


def listing_shows_held(world, response):
    assert response.status_code == 200
    assert world.held.pk in listed_ids(response)


def edit_page_shown(world, response):
    assert response.status_code == 200
    assert b"Held for review." in response.content


def text_changed(world, response):
    assert response.status_code == 302
    world.held.refresh_from_db()
    assert world.held.comment == "Rewritten by a moderator."


def reply_posted(world, response):
    assert response.status_code == 302
    reply = ReaderComment.objects.get(parent_id=world.published.pk, level=1)
    assert reply.badge in {"author", "moderator"}
    assert reply.is_public


def bulk(action, target, expected):
    def succeeded(world, response):
        assert response.status_code == 302
        assert status_of(getattr(world, target)) == expected

    return Operation(
        "post",
        lambda world: BULK,
        lambda world: {"action": action, "ids": [getattr(world, target).pk]},
        succeeded,
        "bulk",
    )


def edit_url(world):
    return reverse("reader_comments_admin:edit", args=[world.held.pk])


OPERATIONS = {
    "listing": Operation(
        "get", lambda world: INDEX, lambda world: {}, listing_shows_held, "listing"
    ),
    "edit_get": Operation("get", edit_url, lambda world: {}, edit_page_shown, "object"),
    "edit_post": Operation(
        "post",
        edit_url,
        lambda world: {"comment": "Rewritten by a moderator."},
        text_changed,
        "object",
    ),
    "reply_post": Operation(
        "post",
        lambda world: reverse("reader_comments_admin:reply", args=[world.published.pk]),
        lambda world: {"text": "Thanks for reading."},
        reply_posted,
        "object",
    ),
    "bulk_approve": bulk("approve", "held", "published"),
    "bulk_unpublish": bulk("unpublish", "published", "pending"),
    "bulk_spam": bulk("spam", "held", "spam"),
    "bulk_delete": bulk("delete", "published", "removed"),
}


def assert_refused(role, operation, world, response):
    if role in {"anonymous", "reader"}:
        # Wagtail's own gate: no admin access, so off to the login page.
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    elif role == "editor":
        assert response.status_code == 403
    elif operation.kind == "listing":
        assert response.status_code == 200
        assert world.held.pk not in listed_ids(response)
    elif operation.kind == "bulk":
        assert response.status_code == 302
        messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
        assert "1 selected comment was skipped" in messages
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("name", OPERATIONS)
@pytest.mark.parametrize("role", ROLES)
def test_admin_moderation_permission_matrix(client, world, role, name):
    operation = OPERATIONS[name]
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    before = snapshot()
    send = getattr(client, operation.method)
    response = send(operation.url(world), operation.data(world))
    if role in MODERATORS_OF_ARTICLE:
        operation.succeeded(world, response)
    else:
        assert_refused(role, operation, world, response)
        assert snapshot() == before


@pytest.mark.parametrize("role", ROLES)
def test_menu_item_is_shown_only_to_those_who_moderate_something(world, role):
    request = RequestFactory().get("/admin/")
    request.user = world.users[role] or AnonymousUser()
    item = ReaderCommentsMenuItem("Reader comments", INDEX, icon_name="comment")
    expected = role in MODERATORS_OF_ARTICLE | {"other_author"}
    assert item.is_shown(request) is expected


# comments.permissions on its own


@pytest.mark.parametrize("role", ROLES)
def test_can_moderate_the_article_comments(world, role):
    user = world.users[role] or AnonymousUser()
    assert can_moderate(user, world.held) is (role in MODERATORS_OF_ARTICLE)


@pytest.mark.parametrize("role", ROLES)
def test_moderatable_comments_narrow_to_the_users_articles(world, role):
    user = world.users[role] or AnonymousUser()
    visible = set(comments_moderatable_by(user, ReaderComment.objects.all()))
    expected = {world.held, world.published} if role in MODERATORS_OF_ARTICLE else set()
    assert visible == expected


def test_deactivated_moderator_moderates_nothing(world):
    moderator = world.users["moderator"]
    moderator.is_active = False
    moderator.save()
    assert not can_moderate(moderator, world.held)
    assert not may_use_moderation_admin(moderator)
    assert not comments_moderatable_by(moderator, ReaderComment.objects.all()).exists()


def test_author_without_a_linked_account_gives_nobody_rights(world, make_article):
    unlinked = make_article(title="Guest post", author=AuthorFactory(name="Guest"))
    comment = comment_on(unlinked, "Nice guest post.", HOLD, "g@example.com")
    assert not can_moderate(world.users["author"], comment)
    assert can_moderate(world.users["moderator"], comment)


@pytest.mark.parametrize("action", ["approve", "unpublish", "spam", "delete"])
def test_bulk_action_checks_each_selected_comment(client, world, action):
    """An author ticking their own comment and someone else's (a forged id)
    acts on theirs only; the other comment is left exactly as it was."""
    knee = world.users["other_author"].author_profile.articles.first()
    theirs = comment_on(knee, "Not yours.", PUBLISH, "k@example.com")
    mine = world.held if action in {"approve", "spam"} else world.published
    client.force_login(world.users["author"])
    before = snapshot()
    response = client.post(BULK, {"action": action, "ids": [mine.pk, theirs.pk]})
    assert response.status_code == 302
    messages = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "1 selected comment was skipped" in messages
    after = {row["pk"]: row for row in snapshot()}
    assert after[theirs.pk] == next(r for r in before if r["pk"] == theirs.pk)
    assert after[mine.pk] != next(r for r in before if r["pk"] == mine.pk)


def test_public_report_url_needs_post_and_a_published_comment(client, world):
    url = reverse("reader_comments:report", args=[world.held.pk])
    assert client.post(url).status_code == 404  # held: not reportable
    published = reverse("reader_comments:report", args=[world.published.pk])
    assert client.get(published).status_code == 405
    assert client.post(published).status_code == 200
    world.published.refresh_from_db()
    assert world.published.report_count == 1
