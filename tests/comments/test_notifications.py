"""Emails about comments: the author's alert, reply notifications with double
opt-in, and the confirm and unsubscribe links."""

import base64
import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from freezegun import freeze_time

from comments import tokens
from comments.models import CommentSettings, NotificationAddress, ReaderComment
from comments.services import approve_comment, post_comment, unpublish_comment
from tests.factories import AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

READER = "jo@example.com"


class BrokenBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server refused the connection")


@pytest.fixture
def author_user():
    return UserFactory(username="sam", email="sam@example.com")


@pytest.fixture
def article(make_article, author_user):
    return make_article(
        title="Shin splints", author=AuthorFactory(name="Sam", user=author_user)
    )


@pytest.fixture
def publish_rules():
    return CommentSettings(moderation="publish", hold_links=0)


@pytest.fixture
def hold_rules():
    return CommentSettings(moderation="hold_all", hold_links=0)


@pytest.fixture
def comment_on(django_capture_on_commit_callbacks, publish_rules):
    """Post through the service and run what it schedules after commit."""

    def post(article, rules=None, **fields):
        fields = {"name": "Jo Runner", "email": READER, "text": "Thanks!", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            return post_comment(article=article, rules=rules or publish_rules, **fields)

    return post


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return run


def confirmed(email=READER):
    return NotificationAddress.objects.create(email=email, confirmed_at=timezone.now())


def sent_to(email):
    return [message for message in mail.outbox if email in message.to]


def link(text, kind):
    """The path of the first confirm or unsubscribe link in an email body."""
    url = re.search(rf"http://testserver/comments/{kind}/\S+/", text).group(0)
    return urlsplit(url).path


# The article's author


def test_author_is_emailed_about_a_published_comment(article, comment_on, settings):
    comment = comment_on(article, text="My shins hurt <b>a lot</b>.").comment
    [message] = mail.outbox
    assert message.to == ["sam@example.com"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "New comment on “Shin splints”"
    admin_url = f"http://testserver/admin/reader-comments/{comment.pk}/"
    assert admin_url in message.body
    assert "My shins hurt <b>a lot</b>." in message.body  # plain text: as written
    html = message.alternatives[0][0]
    assert "My shins hurt &lt;b&gt;a lot&lt;/b&gt;." in html
    assert f'href="{admin_url}"' in html


def test_author_is_emailed_about_a_held_comment(article, comment_on, hold_rules):
    comment_on(article, rules=hold_rules)
    [message] = mail.outbox
    assert message.subject == "New comment to review on “Shin splints”"
    assert "waiting for your review" in message.body


def test_author_is_not_emailed_about_their_own_reply(article, comment_on, author_user):
    parent = comment_on(article).comment
    mail.outbox.clear()
    reply = comment_on(article, parent_id=parent.pk, user=author_user).comment
    assert reply.badge == ReaderComment.Badge.AUTHOR
    assert sent_to("sam@example.com") == []


def test_author_is_not_emailed_about_spam(article, comment_on):
    rules = CommentSettings(moderation="publish", hold_links=0, blocklist="casino")
    posted = comment_on(article, rules=rules, text="Cheap casino chips")
    assert posted.comment.is_spam
    assert mail.outbox == []


def test_author_without_an_account_is_not_emailed(make_article, comment_on):
    article = make_article(author=AuthorFactory(user=None))
    comment_on(article)
    assert mail.outbox == []


# Replies to a subscribed reader


def test_confirmed_reader_gets_one_email_for_a_reply_to_their_comment(
    article, comment_on
):
    confirmed()
    parent = comment_on(article, followup=True).comment
    mail.outbox.clear()
    reply = comment_on(
        article,
        parent_id=parent.pk,
        name="Ana",
        email="ana@example.com",
        text="Try <i>calf raises</i>.",
    ).comment
    [message] = sent_to(READER)
    assert message.subject == "Ana replied to your comment"
    reply_url = f"http://testserver{article.url}?comment={reply.pk}#c{reply.pk}"
    assert reply_url in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<http://testserver/comments/unsubscribe/\S+/>", unsubscribe)
    assert unsubscribe[1:-1] in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    assert "Try &lt;i&gt;calf raises&lt;/i&gt;." in message.alternatives[0][0]


def test_no_reply_email_for_other_comments_on_the_article(article, comment_on):
    confirmed()
    mine = comment_on(article, followup=True).comment
    theirs = comment_on(article, email="ana@example.com", text="Me too").comment
    mail.outbox.clear()
    comment_on(article, email="bo@example.com", text="New thread")
    comment_on(article, email="bo@example.com", parent_id=theirs.pk, text="Hi Ana")
    assert sent_to(READER) == []
    comment_on(article, email="bo@example.com", parent_id=mine.pk, text="Hi Jo")
    assert len(sent_to(READER)) == 1


def test_no_reply_email_for_a_readers_reply_to_themselves(article, comment_on):
    confirmed()
    parent = comment_on(article, followup=True).comment
    mail.outbox.clear()
    comment_on(article, parent_id=parent.pk, email="JO@Example.com", text="Update")
    assert sent_to(READER) == []


@pytest.mark.parametrize(
    ("followup", "address"),
    [
        (False, {"confirmed_at": timezone.now()}),
        (True, None),
        (True, {"confirmed_at": None}),
        (True, {"confirmed_at": timezone.now(), "unsubscribed_at": timezone.now()}),
    ],
    ids=["no-followup", "no-address", "unconfirmed", "unsubscribed"],
)
def test_no_reply_email_unless_asked_for_and_confirmed(
    article, comment_on, followup, address
):
    if address is not None:
        NotificationAddress.objects.create(email=READER, **address)
    parent = comment_on(article, followup=followup).comment
    cache.clear()  # forget that a confirmation went out
    mail.outbox.clear()
    comment_on(article, parent_id=parent.pk, email="ana@example.com")
    assert sent_to(READER) == []


def test_held_reply_is_notified_once_when_approved(
    article, comment_on, hold_rules, run_on_commit
):
    confirmed()
    parent = comment_on(article, followup=True).comment
    reply = comment_on(
        article, rules=hold_rules, parent_id=parent.pk, email="ana@example.com"
    ).comment
    assert sent_to(READER) == []
    run_on_commit(approve_comment, comment=reply)
    assert len(sent_to(READER)) == 1
    run_on_commit(unpublish_comment, comment=reply)
    run_on_commit(approve_comment, comment=reply)
    assert len(sent_to(READER)) == 1


# Double opt-in


def test_ticking_email_me_sends_a_confirmation_link(article, comment_on):
    comment_on(article, followup=True, email="Jo@Example.com")
    address = NotificationAddress.objects.get()
    assert address.email == READER
    assert address.confirmed_at is None
    [message] = sent_to(READER)
    assert message.subject == "Confirm your email for reply notifications"
    assert link(message.body, "confirm")
    assert "7 days" in message.body


def test_not_ticking_email_me_sends_no_confirmation(article, comment_on):
    comment_on(article, followup=False)
    assert NotificationAddress.objects.count() == 0
    assert sent_to(READER) == []


def test_confirmation_is_sent_at_most_once_an_hour(article, comment_on):
    comment_on(article, followup=True, text="One")
    comment_on(article, followup=True, text="Two")
    assert len(sent_to(READER)) == 1
    later = timezone.now() + timezone.timedelta(minutes=61)
    with freeze_time(later):  # the hour has passed
        comment_on(article, followup=True, text="Three")
    assert len(sent_to(READER)) == 2


def test_confirmation_throttle_holds_when_the_cache_is_down(
    article, comment_on, settings
):
    settings.CACHES = {"default": {"BACKEND": "tests.stub_cache.BrokenCache"}}
    comment_on(article, followup=True, text="One")
    comment_on(article, followup=True, text="Two")
    assert len(sent_to(READER)) == 1


def test_confirmed_address_gets_no_new_confirmation(article, comment_on):
    confirmed()
    comment_on(article, followup=True)
    assert sent_to(READER) == []


def test_spam_never_triggers_a_confirmation(article, comment_on):
    rules = CommentSettings(moderation="publish", hold_links=0, blocklist="casino")
    comment_on(article, rules=rules, followup=True, text="casino")
    assert NotificationAddress.objects.count() == 0
    assert mail.outbox == []


def test_confirm_link_asks_first_then_confirms_on_post(article, comment_on, client):
    comment_on(article, followup=True)
    confirm_path = link(sent_to(READER)[0].body, "confirm")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert b"Yes, email me about replies" in page.content
    assert NotificationAddress.objects.get().confirmed_at is None  # GET is safe
    done = client.post(confirm_path)
    assert done.status_code == 200
    assert NotificationAddress.objects.get().can_receive


def test_resubscribing_after_unsubscribe_needs_a_new_confirmation(
    article, comment_on, client
):
    NotificationAddress.objects.create(
        email=READER, confirmed_at=timezone.now(), unsubscribed_at=timezone.now()
    )
    comment_on(article, followup=True)
    [message] = sent_to(READER)
    client.post(link(message.body, "confirm"))
    address = NotificationAddress.objects.get()
    assert address.can_receive
    assert address.unsubscribed_at is None


# Unsubscribe


def test_unsubscribe_link_asks_first_then_stops_emails(client):
    address = confirmed()
    unsubscribe = f"/comments/unsubscribe/{tokens.make_token(address, 'unsubscribe')}/"
    page = client.get(unsubscribe)
    assert page.status_code == 200
    assert b"Stop the emails" in page.content
    assert NotificationAddress.objects.get().can_receive  # GET is safe
    assert client.post(unsubscribe).status_code == 200
    assert NotificationAddress.objects.get().unsubscribed_at is not None


def test_one_click_unsubscribe_needs_no_csrf_token(client, article, comment_on):
    confirmed()
    parent = comment_on(article, followup=True).comment
    comment_on(article, parent_id=parent.pk, email="ana@example.com")
    [message] = sent_to(READER)
    url = message.extra_headers["List-Unsubscribe"][1:-1]
    client.handler.enforce_csrf_checks = True
    response = client.post(
        urlsplit(url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not NotificationAddress.objects.get().can_receive


def test_confirming_needs_a_csrf_token(client):
    address = NotificationAddress.objects.create(email=READER)
    client.handler.enforce_csrf_checks = True
    response = client.post(
        f"/comments/confirm/{tokens.make_token(address, 'confirm')}/"
    )
    assert response.status_code == 403
    assert NotificationAddress.objects.get().confirmed_at is None


# Bad links


def _address():
    return NotificationAddress.objects.get(email=READER)


def _tampered():
    token = tokens.make_token(_address(), "confirm")
    payload = base64.urlsafe_b64encode(
        json.dumps({"id": _address().pk + 1, "purpose": "confirm"}).encode()
    )
    return payload.decode().rstrip("=") + token[token.index(":") :]


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        pytest.param(lambda: _tampered(), id="tampered"),
        pytest.param(lambda: tokens.make_token(_address(), "unsubscribe"), id="other"),
        pytest.param(
            lambda: signing.dumps({"id": _address().pk, "purpose": "confirm"}),
            id="no-salt",
        ),
    ],
)
def test_bad_confirm_link_shows_a_clear_400_page(client, token):
    NotificationAddress.objects.create(email=READER)
    token = token() if callable(token) else token
    for method in (client.get, client.post):
        response = method(f"/comments/confirm/{token}/")
        assert response.status_code == 400
        assert b"<h1>This link is invalid or has expired</h1>" in response.content
    assert NotificationAddress.objects.get().confirmed_at is None


def test_expired_confirm_link_is_refused(client, settings):
    address = NotificationAddress.objects.create(email=READER)
    token = tokens.make_token(address, "confirm")
    settings.COMMENTS_CONFIRM_MAX_AGE = -1  # already older than allowed
    assert client.post(f"/comments/confirm/{token}/").status_code == 400
    assert NotificationAddress.objects.get().confirmed_at is None


def test_confirm_token_cannot_unsubscribe(client):
    address = confirmed()
    token = tokens.make_token(address, "confirm")
    assert client.post(f"/comments/unsubscribe/{token}/").status_code == 400
    assert NotificationAddress.objects.get().can_receive


def test_token_payload_is_plain_json_without_the_address():
    address = confirmed()
    token = tokens.make_token(address, "unsubscribe")
    payload = token.split(":")[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    assert json.loads(decoded) == {"id": address.pk, "purpose": "unsubscribe"}
    assert READER not in token
    assert tokens.read_token(token, "unsubscribe") == address.pk


# Safety


def test_reader_name_cannot_inject_email_headers(article, comment_on):
    confirmed()
    parent = comment_on(article, followup=True).comment
    comment_on(
        article,
        parent_id=parent.pk,
        email="ana@example.com",
        name="Ana\r\nBcc: victim@example.com",
    )
    [message] = sent_to(READER)
    assert message.subject == "Ana Bcc: victim@example.com replied to your comment"
    headers = message.message()
    assert headers.get_all("Bcc") is None
    assert "\n" not in headers["Subject"]


def test_comment_is_kept_when_the_mail_server_is_down(
    article, comment_on, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.comments.test_notifications.BrokenBackend"
    posted = comment_on(article, followup=True)
    assert posted.created
    assert ReaderComment.objects.filter(pk=posted.comment.pk, is_public=True).exists()
    # Not silent: django_tasks logs each failed task with its traceback.
    failures = [r for r in caplog.records if r.name == "django_tasks"]
    assert [r.levelname for r in failures if r.levelname == "ERROR"] == [
        "ERROR",
        "ERROR",
    ]
    assert "ConnectionRefusedError" in caplog.text
