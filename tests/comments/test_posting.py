"""Readers post comments and replies through the article page."""

import pytest
from bs4 import BeautifulSoup

from comments.models import ReaderComment
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def article(make_article):
    return make_article(title="Back pain")


@pytest.fixture
def publish_all(rules):
    rules.moderation = rules.Moderation.PUBLISH
    rules.save()
    return rules


def test_published_comment_lands_back_on_the_article_at_the_comment(
    client, article, post, publish_all
):
    response = post(article, comment="Great read.\n\nSecond paragraph.")
    comment = ReaderComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment={comment.pk}#c{comment.pk}"
    page = soup(client.get(article.url))
    node = page.select_one(f"#c{comment.pk}")
    assert [p.text for p in node.select(".comment__body p")] == [
        "Great read.",
        "Second paragraph.",
    ]
    assert node.select_one(".comment__by").text.strip() == "Jo Runner"
    assert node.select_one(".avatar").text == "JR"
    assert node.select_one(".comment__permalink").text == "#1"
    assert page.select_one("#comments-title").text == "1 comment"
    assert "jo@example.com" not in page.text


def test_first_time_commenter_is_held_and_seen_only_by_their_browser(
    client, article, post, rules
):
    response = post(article)
    comment = ReaderComment.objects.get()
    assert comment.is_public is False
    own_view = soup(client.get(article.url))
    assert "awaiting moderation" in own_view.select_one(f"#c{comment.pk}").text
    stranger = client.__class__()
    other_view = soup(stranger.get(article.url))
    assert other_view.select_one(f"#c{comment.pk}") is None
    assert response.cookies["rb_own_comments"]["httponly"]


def test_a_forged_pending_cookie_reveals_nothing(client, article, post, rules):
    post(article, email="someone@example.com")
    held = ReaderComment.objects.get()
    stranger = client.__class__()
    stranger.cookies["rb_own_comments"] = str(held.pk)
    assert soup(stranger.get(article.url)).select_one(f"#c{held.pk}") is None


def test_commenter_with_an_approved_comment_is_trusted(article, post, rules):
    post(article, comment="First")
    ReaderComment.objects.update(is_public=True)
    post(article, comment="Second", email="JO@example.com")
    assert ReaderComment.objects.get(comment="Second").is_public is True


def test_reply_nests_under_its_parent(client, article, post, publish_all):
    post(article, comment="Parent")
    parent = ReaderComment.objects.get()
    post(article, comment="Child", reply_to=str(parent.pk), name="Al")
    child = ReaderComment.objects.get(comment="Child")
    assert (child.parent_id, child.level, child.thread_id) == (parent.pk, 1, parent.pk)
    page = soup(client.get(article.url))
    nested = page.select_one(f"#c{parent.pk} .comment-list--replies #c{child.pk}")
    assert nested is not None


def test_reply_link_works_without_javascript(client, article, post, publish_all):
    post(article, comment="Parent")
    parent = ReaderComment.objects.get()
    page = soup(client.get(article.url))
    link = page.select_one(f"#c{parent.pk} .comment__reply")
    assert link["href"] == f"?replyto={parent.pk}#respond"
    reply_page = soup(client.get(article.url, {"replyto": parent.pk}))
    assert reply_page.select_one("#respond-title").text == "Reply to Jo Runner"
    assert reply_page.select_one("input[name=reply_to]")["value"] == str(parent.pk)


def test_replies_stop_at_the_maximum_depth(client, article, post, publish_all):
    publish_all.max_depth = 1
    publish_all.save()
    post(article, comment="Top")
    top = ReaderComment.objects.get()
    post(article, comment="Reply", reply_to=str(top.pk))
    reply = ReaderComment.objects.get(comment="Reply")
    page = soup(client.get(article.url))
    assert page.select_one(f"#c{top.pk} > article .comment__reply") is not None
    assert page.select_one(f"#c{reply.pk} .comment__reply") is None
    response = post(article, comment="Too deep", reply_to=str(reply.pk))
    assert response.status_code == 200
    assert "as deep as it can go" in soup(response).select_one(".form-error").text
    assert not ReaderComment.objects.filter(comment="Too deep").exists()
    assert "Too deep" in soup(response).select_one("textarea").text


def test_reply_to_a_comment_on_another_article_is_refused(
    article, make_article, post, publish_all
):
    other = make_article(title="Other")
    post(other, comment="Elsewhere")
    foreign = ReaderComment.objects.get()
    response = post(article, comment="Sneaky", reply_to=str(foreign.pk))
    assert response.status_code == 200
    assert "not available" in soup(response).select_one(".form-error").text
    assert not ReaderComment.objects.filter(comment="Sneaky").exists()


def test_reply_to_a_held_comment_is_refused(article, post, rules):
    post(article, comment="Held")
    held = ReaderComment.objects.get()
    post(article, comment="Reply", reply_to=str(held.pk), email="x@example.com")
    assert not ReaderComment.objects.filter(comment="Reply").exists()


def test_missing_fields_show_errors_beside_them_and_keep_the_text(article, post):
    response = post(article, comment="", name="", email="not-an-email")
    page = soup(response)
    assert response.status_code == 200
    for name in ("comment", "name", "email"):
        field = page.select_one(f"[name={name}]")
        assert field["aria-invalid"] == "true"
        assert page.select_one(f"#id_{name}_error").text
    assert page.select_one("[name=email]")["value"] == "not-an-email"
    assert ReaderComment.objects.count() == 0


def test_oversized_comment_gets_a_clear_error(article, post, settings):
    response = post(article, comment="x" * (settings.COMMENT_MAX_LENGTH + 1))
    error = soup(response).select_one("#id_comment_error").text
    assert "at most 3000 characters" in error
    assert ReaderComment.objects.count() == 0


@pytest.mark.parametrize(
    "tampered",
    [
        {"security_hash": "0" * 40},
        {"timestamp": "1"},
        {"honeypot": "I am a bot"},
        {"object_pk": "999999"},
        {"content_type": "auth.user"},
    ],
)
def test_tampered_hidden_fields_are_refused_with_400(article, post, tampered):
    response = post(article, **tampered)
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert ReaderComment.objects.count() == 0


def test_form_signed_for_another_article_cannot_post_here(
    client, article, make_article, form_data
):
    other = make_article(title="Other")
    response = client.post(f"/comments/post/{article.pk}/", form_data(other))
    assert response.status_code == 400
    assert ReaderComment.objects.count() == 0


def test_expired_form_is_shown_again_fresh_with_the_text(article, post, form_data):
    from comments.forms import ArticleCommentForm

    form = ArticleCommentForm(article)
    old = int(form.initial["timestamp"]) - 3 * 60 * 60
    response = post(
        article,
        timestamp=str(old),
        security_hash=form.initial_security_hash(old),
        comment="Left the tab open",
    )
    page = soup(response)
    assert response.status_code == 200
    assert "refreshed" in page.select_one(".form-error").text
    assert page.select_one("textarea").text.strip() == "Left the tab open"
    assert int(page.select_one("[name=timestamp]")["value"]) > old


def test_forged_badge_and_visibility_fields_are_ignored(article, post, rules):
    post(article, badge="author", is_public="1", user="1", name="The Author")
    comment = ReaderComment.objects.get()
    assert comment.badge == ""
    assert comment.is_public is False
    assert comment.user_id is None


def test_duplicate_post_is_not_stored_twice(article, post, publish_all):
    first = post(article, comment="Same words")
    second = post(article, comment="Same words")
    assert ReaderComment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_next_redirect_stays_on_the_site(article, post, publish_all):
    response = post(article, next="https://evil.example/phish")
    assert response["Location"].startswith(article.url)
    response = post(article, comment="again", next="//evil.example/")
    assert response["Location"].startswith(article.url)


def test_get_is_not_allowed(client, article):
    assert client.get(f"/comments/post/{article.pk}/").status_code == 405


def test_posting_needs_a_csrf_token(article, form_data):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"/comments/post/{article.pk}/", form_data(article))
    assert response.status_code == 403
    assert ReaderComment.objects.count() == 0


def test_unknown_or_unpublished_article_is_404(client, article, form_data):
    data = form_data(article)
    assert client.post("/comments/post/999999/", data).status_code == 404
    article.unpublish()
    assert client.post(f"/comments/post/{article.pk}/", data).status_code == 404


def test_rate_limit_answers_429_after_five_a_minute(article, post, publish_all):
    for number in range(5):
        assert post(article, comment=f"c{number}").status_code == 302
    response = post(article, comment="one too many")
    assert response.status_code == 429
    assert "wait a minute" in response.content.decode()
    assert ReaderComment.objects.count() == 5


class TestAuthorReplies:
    @pytest.fixture
    def author_user(self, article):
        user = UserFactory(username="sam", first_name="Sam", last_name="Carter")
        article.author.user = user
        article.author.save()
        return user

    def test_author_reply_is_published_with_badge(
        self, client, article, post, rules, author_user
    ):
        post(article, comment="Question?")
        question = ReaderComment.objects.get()
        ReaderComment.objects.update(is_public=True)
        client.force_login(author_user)
        post(article, comment="Answer.", reply_to=str(question.pk), name="ignored")
        reply = ReaderComment.objects.get(comment="Answer.")
        assert reply.is_public and reply.badge == "author"
        assert reply.user_name == "Sam Carter" and reply.user == author_user
        client.logout()
        node = soup(client.get(article.url)).select_one(f"#c{reply.pk}")
        assert node.select_one(".badge--author").text == "Author"

    def test_moderator_reply_gets_moderator_badge(self, client, article, post, rules):
        from django.contrib.auth.models import Group

        moderator = UserFactory(username="mod")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        client.force_login(moderator)
        post(article, comment="Be kind, everyone.")
        assert ReaderComment.objects.get().badge == "moderator"

    def test_nobody_else_gets_a_badge_whatever_they_type(
        self, client, article, post, rules, author_user
    ):
        other_author = UserFactory(username="other")
        AuthorFactory(user=other_author)
        client.force_login(other_author)
        post(article, comment="I write elsewhere")
        client.logout()
        post(article, comment="Fake", name="Sam Carter", email=author_user.email)
        assert set(ReaderComment.objects.values_list("badge", flat=True)) == {""}


def test_comments_closed_hides_form_and_refuses_posts(article, post, form_data, client):
    article.allow_comments = False
    article.save()
    page = soup(client.get(article.url))
    assert page.select_one("#comments") is None
    response = post(article)
    assert response.status_code == 200
    assert ReaderComment.objects.count() == 0
