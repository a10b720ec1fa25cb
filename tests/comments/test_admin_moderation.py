"""Moderators and authors work through the "Reader comments" admin screens."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from comments import admin_forms, admin_views, services
from comments.models import CommentSettings, ReaderComment
from comments.wagtail_hooks import ReaderCommentsMenuItem
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("reader_comments_admin:index")
BULK = reverse("reader_comments_admin:bulk")
HOLD = CommentSettings(moderation="hold_all", hold_links=0)
PUBLISH = CommentSettings(moderation="publish", hold_links=0)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def edit_url(comment):
    return reverse("reader_comments_admin:edit", args=[comment.pk])


def reply_url(comment):
    return reverse("reader_comments_admin:reply", args=[comment.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def listed_ids(response):
    return [int(box["value"]) for box in soup(response).select("input[name=ids]")]


def comment_on(article, text, *, rules=HOLD, name="Jo Runner", **fields):
    """A reader's comment, stored the way the site stores it."""
    return services.post_comment(
        article=article,
        rules=rules,
        name=name,
        email=fields.pop("email", "jo@example.com"),
        text=text,
        ip_address="127.0.0.1",
        **fields,
    ).comment


def user_in(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator():
    return user_in("Moderators", username="moderator", first_name="Mo")


@pytest.fixture
def author_user():
    return user_in("Editors", username="ada", first_name="Ada", last_name="Author")


@pytest.fixture
def article(make_article, author_user):
    author = AuthorFactory(name="Ada Author", user=author_user)
    return make_article(title="Back pain", author=author)


@pytest.fixture
def other_article(make_article):
    other = AuthorFactory(name="Otto", user=user_in("Editors", username="otto"))
    return make_article(title="Knee pain", author=other)


@pytest.fixture
def as_moderator(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def as_author(client, author_user):
    client.force_login(author_user)
    return client


# Listing


def test_listing_opens_on_comments_awaiting_moderation(as_moderator, article):
    held = comment_on(article, "Held for review.")
    comment_on(article, "Already out.", rules=PUBLISH, email="pat@example.com")
    response = as_moderator.get(INDEX)
    assert response.status_code == 200
    assert listed_ids(response) == [held.pk]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("pending", ["held", "reported"]),
        ("published", ["published"]),
        ("spam", ["spam"]),
        ("reported", ["reported"]),
        ("removed", ["removed"]),
        ("all", ["held", "published", "spam", "reported", "removed"]),
    ],
)
def test_listing_filters_by_status(as_moderator, article, status, expected):
    made = {
        name: comment_on(article, f"A {name} comment.", email=f"{name}@example.com")
        for name in ["held", "published", "spam", "reported", "removed"]
    }
    services.approve_comment(comment=made["published"])
    services.mark_spam(comment=made["spam"])
    services.remove_comment(comment=made["removed"])
    services.report_comment(comment=made["reported"], ip_address="10.0.0.1", rules=HOLD)
    response = as_moderator.get(INDEX, {"status": status})
    assert sorted(listed_ids(response)) == sorted(made[name].pk for name in expected)


def test_listing_filters_by_article(as_moderator, article, other_article):
    mine = comment_on(article, "On back pain.")
    comment_on(other_article, "On knee pain.")
    response = as_moderator.get(INDEX, {"article": article.pk})
    assert listed_ids(response) == [mine.pk]


@pytest.mark.parametrize("query", ["STRIDE", "Kim", "kim@runners"])
def test_listing_searches_text_name_and_email(as_moderator, article, query):
    found = comment_on(
        article, "My stride got longer.", name="Kim Lee", email="kim@runners.example"
    )
    comment_on(article, "Nothing to see.", name="Sam", email="sam@example.com")
    response = as_moderator.get(INDEX, {"q": query})
    assert listed_ids(response) == [found.pk]


def test_listing_is_newest_first_twenty_to_a_page(as_moderator, article):
    comments = [
        comment_on(article, f"Comment number {n}.", email=f"r{n}@example.com")
        for n in range(23)
    ]
    start = timezone.now() - dt.timedelta(days=1)
    for n, comment in enumerate(comments):
        ReaderComment.objects.filter(pk=comment.pk).update(
            submit_date=start + dt.timedelta(minutes=n)
        )
    newest_first = [comment.pk for comment in reversed(comments)]
    first = as_moderator.get(INDEX)
    second = as_moderator.get(INDEX, {"page": 2})
    assert listed_ids(first) == newest_first[:20]
    assert listed_ids(second) == newest_first[20:]
    assert "Page 2 of 2" in soup(second).select_one(".pagination").text


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", ""])
def test_bad_page_numbers_show_page_one(as_moderator, article, page):
    held = comment_on(article, "Only comment.")
    response = as_moderator.get(INDEX, {"page": page})
    assert response.status_code == 200
    assert listed_ids(response) == [held.pk]


def test_unknown_filter_values_are_ignored_not_errors(as_moderator, article):
    held = comment_on(article, "Only comment.")
    response = as_moderator.get(INDEX, {"status": "bogus", "article": "x"})
    assert response.status_code == 200
    assert listed_ids(response) == [held.pk]


def test_listing_row_shows_what_a_moderator_needs(as_moderator, article):
    held = comment_on(article, "Helpful advice.", name="Kim Lee", email="k@ex.com")
    row = soup(as_moderator.get(INDEX)).select_one("tbody tr")
    text = row.get_text(" ", strip=True)
    for expected in ["Kim Lee", "k@ex.com", "Helpful advice.", "Back pain"]:
        assert expected in text
    assert "Awaiting moderation" in text
    links = [a["href"] for a in row.select("a")]
    assert edit_url(held) in links
    assert held.get_absolute_url() in links


def test_hostile_comment_text_is_escaped_in_the_listing(as_moderator, article):
    comment_on(
        article,
        '<script>alert("x")</script><img src=x onerror=alert(1)>',
        name="<b>Mallory</b>",
    )
    response = as_moderator.get(INDEX)
    html = response.content.decode()
    assert '<script>alert("x")' not in html
    assert "<img src=x" not in html
    assert "<b>Mallory</b>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("count", [5, 40])
def test_listing_queries_do_not_grow_with_rows(
    as_moderator, article, other_article, count, django_assert_max_num_queries
):
    for n in range(count):
        target = article if n % 2 else other_article
        comment_on(target, f"Comment {n}.", email=f"r{n}@example.com")
    as_moderator.get(INDEX)  # warm the site root paths cache
    with django_assert_max_num_queries(15):
        response = as_moderator.get(INDEX)
    assert len(listed_ids(response)) == min(count, admin_views.PER_PAGE)


# Bulk actions


@pytest.mark.parametrize(
    ("action", "start", "expected"),
    [
        ("approve", "pending", "published"),
        ("unpublish", "published", "pending"),
        ("spam", "pending", "spam"),
        ("delete", "published", "removed"),
    ],
)
def test_bulk_action_changes_each_selected_comment(
    as_moderator, article, action, start, expected
):
    rules = PUBLISH if start == "published" else HOLD
    chosen = [
        comment_on(article, f"Pick {n}.", rules=rules, email=f"p{n}@example.com")
        for n in range(2)
    ]
    untouched = comment_on(article, "Leave me.", rules=rules, email="l@example.com")
    response = as_moderator.post(
        BULK, {"action": action, "ids": [c.pk for c in chosen], "next": INDEX}
    )
    assert response.status_code == 302
    assert response["Location"] == INDEX
    for comment in chosen:
        comment.refresh_from_db()
        assert comment.status == expected
    untouched.refresh_from_db()
    assert untouched.status == start
    assert any("2 comments" in message for message in messages_of(response))


def test_bulk_action_skips_and_reports_comments_the_user_cannot_moderate(
    as_author, article, other_article
):
    mine = comment_on(article, "Mine to approve.")
    theirs = comment_on(other_article, "Not mine.")
    response = as_author.post(
        BULK, {"action": "approve", "ids": [mine.pk, theirs.pk, 999999]}
    )
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == "published"
    assert theirs.status == "pending"
    text = " ".join(messages_of(response))
    assert "Approved 1 comment." in text
    assert "2 selected comments were skipped" in text


def test_bulk_action_with_unknown_action_changes_nothing(as_moderator, article):
    held = comment_on(article, "Held.")
    response = as_moderator.post(BULK, {"action": "destroy", "ids": [held.pk]})
    held.refresh_from_db()
    assert response.status_code == 302
    assert held.status == "pending"
    assert messages_of(response)


def test_bulk_action_without_selection_says_so(as_moderator, article):
    response = as_moderator.post(BULK, {"action": "approve"})
    assert "Choose at least one comment." in " ".join(messages_of(response))


def test_bulk_action_with_junk_ids_changes_nothing(as_moderator, article):
    held = comment_on(article, "Held.")
    as_moderator.post(BULK, {"action": "approve", "ids": [held.pk, "1 OR 1=1"]})
    held.refresh_from_db()
    assert held.status == "pending"


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/path", "javascript:alert(1)"],
)
def test_bulk_action_never_redirects_off_site(as_moderator, article, next_url):
    held = comment_on(article, "Held.")
    response = as_moderator.post(
        BULK, {"action": "approve", "ids": [held.pk], "next": next_url}
    )
    assert response["Location"] == INDEX


def test_bulk_action_returns_to_the_filtered_listing(as_moderator, article):
    held = comment_on(article, "Held.")
    back = f"{INDEX}?status=pending&page=2"
    response = as_moderator.post(
        BULK, {"action": "approve", "ids": [held.pk], "next": back}
    )
    assert response["Location"] == back


def test_bulk_action_needs_post(as_moderator, article):
    held = comment_on(article, "Held.")
    response = as_moderator.get(BULK, {"action": "approve", "ids": [held.pk]})
    held.refresh_from_db()
    assert response.status_code == 405
    assert held.status == "pending"


def test_bulk_action_needs_the_csrf_token(moderator, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    held = comment_on(article, "Held.")
    response = client.post(BULK, {"action": "approve", "ids": [held.pk]})
    held.refresh_from_db()
    assert response.status_code == 403
    assert held.status == "pending"


def test_every_bulk_action_has_a_service():
    assert set(admin_views.ACTIONS) == set(admin_forms.BULK_ACTIONS)


# Edit


def test_edit_page_shows_the_comment_in_a_form(as_moderator, article):
    held = comment_on(article, "Tpyo in here.", name="Kim Lee")
    page = soup(as_moderator.get(edit_url(held)))
    assert page.select_one("textarea[name=comment]").text.strip() == "Tpyo in here."
    assert "Kim Lee" in page.text
    assert "Back pain" in page.text


def test_edit_saves_the_corrected_text(as_moderator, article):
    held = comment_on(article, "Tpyo in here.")
    response = as_moderator.post(edit_url(held), {"comment": "Typo fixed here."})
    held.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == edit_url(held)
    assert held.comment == "Typo fixed here."


def test_edit_refuses_empty_text_with_a_form_error(as_moderator, article):
    held = comment_on(article, "Keep me.")
    response = as_moderator.post(edit_url(held), {"comment": "   "})
    held.refresh_from_db()
    assert response.status_code == 200
    assert soup(response).select_one(".error-message")
    assert held.comment == "Keep me."


def test_edit_shows_a_service_refusal_as_a_form_error(
    as_moderator, article, monkeypatch
):
    held = comment_on(article, "Keep me.")

    def refuse(*, comment, text):
        raise services.CommentError("Not like that.", "comment")

    monkeypatch.setattr(services, "edit_comment", refuse)
    response = as_moderator.post(edit_url(held), {"comment": "Changed."})
    assert response.status_code == 200
    edit_form = soup(response).select_one(f"form[action='{edit_url(held)}']")
    assert "Not like that." in edit_form.text


def test_unknown_comment_is_404(as_moderator, article):
    response = as_moderator.get(reverse("reader_comments_admin:edit", args=[999999]))
    assert response.status_code == 404


# Reply


def test_author_reply_is_published_with_badge_under_the_comment(
    as_author, article, author_user
):
    question = comment_on(article, "Does this work for knees?", rules=PUBLISH)
    response = as_author.post(reply_url(question), {"text": "Yes, it does."})
    reply = ReaderComment.objects.exclude(pk=question.pk).get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(question)
    assert reply.parent_id == question.pk
    assert reply.thread_id == question.thread_id
    assert reply.level == 1
    assert reply.badge == "author"
    assert reply.status == "published"
    assert reply.user == author_user
    assert reply.user_name == "Ada Author"


def test_moderator_reply_gets_the_moderator_badge(as_moderator, article, moderator):
    question = comment_on(article, "Who checks these?", rules=PUBLISH)
    as_moderator.post(reply_url(question), {"text": "We do."})
    reply = ReaderComment.objects.get(parent_id=question.pk, level=1)
    assert reply.badge == "moderator"
    assert reply.is_public
    assert reply.user == moderator


def test_reply_beyond_the_depth_limit_is_a_form_error(as_moderator, article):
    root = comment_on(article, "Level 0.", rules=PUBLISH)
    one = comment_on(article, "Level 1.", rules=PUBLISH, parent_id=root.pk)
    two = comment_on(
        article, "Level 2.", rules=PUBLISH, parent_id=one.pk, email="b@example.com"
    )
    before = ReaderComment.objects.count()
    response = as_moderator.post(reply_url(two), {"text": "Too deep."})
    assert response.status_code == 200
    assert "as deep as it can go" in soup(response).text
    assert ReaderComment.objects.count() == before


def test_reply_to_a_held_comment_explains_why_not(as_moderator, article):
    held = comment_on(article, "Still held.")
    response = as_moderator.post(reply_url(held), {"text": "Hello."})
    assert response.status_code == 200
    assert "not available" in soup(response).text
    assert ReaderComment.objects.count() == 1


def test_empty_reply_is_a_form_error(as_moderator, article):
    question = comment_on(article, "Hi?", rules=PUBLISH)
    response = as_moderator.post(reply_url(question), {"text": ""})
    assert response.status_code == 200
    assert soup(response).select_one(".error-message")
    assert ReaderComment.objects.count() == 1


# Menu item


def menu_component(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    item = ReaderCommentsMenuItem("Reader comments", INDEX, icon_name="comment")
    return item.is_shown(request), item.render_component(request)


def test_menu_counts_only_comments_the_moderator_may_moderate(
    author_user, article, other_article
):
    comment_on(article, "Held one.")
    comment_on(article, "Held two.", email="two@example.com")
    comment_on(article, "Out.", rules=PUBLISH, email="out@example.com")
    comment_on(other_article, "Elsewhere.")
    shown, component = menu_component(author_user)
    assert shown
    assert component.label == "Reader comments (2)"
    assert component.attrs["data-pending-count"] == 2


def test_menu_shows_no_count_when_nothing_waits(moderator, article):
    comment_on(article, "Out.", rules=PUBLISH)
    shown, component = menu_component(moderator)
    assert shown
    assert component.label == "Reader comments"


def test_menu_item_appears_in_the_admin_sidebar(as_moderator, article):
    comment_on(article, "Held.")
    page = soup(as_moderator.get(reverse("wagtailadmin_home")))
    props = page.select_one("#wagtail-sidebar-props").string
    assert '"Reader comments (1)"' in json.dumps(json.loads(props))


# Dashboard panel


def test_dashboard_lists_the_newest_five_waiting_comments(as_moderator, article):
    comments = [
        comment_on(article, f"Waiting {n}.", email=f"w{n}@example.com")
        for n in range(7)
    ]
    start = timezone.now() - dt.timedelta(hours=1)
    for n, comment in enumerate(comments):
        ReaderComment.objects.filter(pk=comment.pk).update(
            submit_date=start + dt.timedelta(minutes=n)
        )
    page = soup(as_moderator.get(reverse("wagtailadmin_home")))
    panel = page.select_one("section#reader-comments-pending-section")
    rows = panel.select("tbody tr")
    assert len(rows) == 5
    first = rows[0].get_text(" ", strip=True)
    assert "Waiting 6." in first
    assert "Jo Runner" in first
    assert "Back pain" in first
    assert rows[0].select_one(f"a[href='{edit_url(comments[6])}']")
    approve = rows[0].select_one("form")
    assert approve["action"] == BULK
    assert approve.select_one("input[name=ids]")["value"] == str(comments[6].pk)
    assert "All 7 awaiting moderation" in panel.text


def test_dashboard_approve_button_publishes_and_returns_home(as_moderator, article):
    held = comment_on(article, "Waiting.")
    home = reverse("wagtailadmin_home")
    response = as_moderator.post(
        BULK, {"action": "approve", "ids": [held.pk], "next": home}
    )
    held.refresh_from_db()
    assert response["Location"] == home
    assert held.status == "published"


def test_dashboard_panel_only_for_moderators_with_work(client, article):
    comment_on(article, "Waiting.")
    editor = user_in("Editors", username="ed")
    client.force_login(editor)
    page = soup(client.get(reverse("wagtailadmin_home")))
    assert "Reader comments awaiting moderation" not in page.text
