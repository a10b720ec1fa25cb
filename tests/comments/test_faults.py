"""When the mail server, the cache or the database fails, no comment is lost,
no email is sent twice, and readers get a clear answer instead of a crash."""

from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from comments import deliveries, ratelimit
from comments.models import (
    CommentSettings,
    EmailDelivery,
    NotificationAddress,
    ReaderComment,
)
from tests.factories import AuthorFactory, UserFactory
from tests.faults import (
    BrokenCache,
    SmtpSink,
    database_down,
    free_port,
    unreachable_redis_caches,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_user():
    return UserFactory(username="sam", email="sam@example.com")


@pytest.fixture
def article(make_article, author_user):
    return make_article(title="Shin splints", author=AuthorFactory(user=author_user))


@pytest.fixture
def publish_all(rules, settings):
    rules.moderation = CommentSettings.Moderation.PUBLISH
    rules.hold_links = 0
    rules.save()
    settings.COMMENTS_RATE_LIMIT = 10_000
    return rules


@pytest.fixture
def post_committed(post, django_capture_on_commit_callbacks):
    """`post`, then run what it scheduled after commit, as a real request's
    transaction would (tests run inside one transaction that never commits)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    return send


def comment_pk(response):
    return int(response["Location"].rsplit("#c", 1)[1])


# The mail server


@pytest.fixture
def smtp_down(settings):
    """Django talks real SMTP to a port where nothing listens (yet)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 5
    return settings.EMAIL_PORT


def test_hundred_comments_during_an_smtp_outage_are_kept_and_emailed_once_later(
    article, post_committed, publish_all, smtp_down, caplog
):
    readers = [f"reader{n}@example.com" for n in range(40)]
    NotificationAddress.objects.bulk_create(
        NotificationAddress(email=email, confirmed_at=timezone.now())
        for email in readers
    )
    roots = []
    for number, email in enumerate(readers):
        response = post_committed(
            article, email=email, comment=f"Q{number}", followup="on"
        )
        assert response.status_code == 302  # the reader sees no error
        roots.append(comment_pk(response))
    for number in range(60):
        response = post_committed(
            article,
            email=f"helper{number}@example.com",
            name="Helper",
            comment=f"A{number}",
            reply_to=str(roots[number % 40]),
        )
        assert response.status_code == 302
    assert ReaderComment.objects.count() == 100
    assert EmailDelivery.objects.filter(status="failed").count() == 160  # 100 + 60
    assert "ConnectionRefusedError" in caplog.text

    with SmtpSink(smtp_down) as sink:
        call_command("retry_comment_emails")
        call_command("retry_comment_emails")  # running it again sends nothing

    recipients = Counter(rcpt for env in sink.envelopes for rcpt in env.rcpt_tos)
    # One email per comment to the author; one per reply to the reader asked.
    expected = Counter({"sam@example.com": 100})
    for number in range(60):
        expected[readers[number % 40]] += 1
    assert recipients == expected
    statuses = Counter(EmailDelivery.objects.values_list("status", "attempts"))
    assert statuses == {("sent", 2): 160}


def test_each_email_is_sent_once_however_often_its_task_runs(
    article, author_user, rules, django_capture_on_commit_callbacks
):
    from comments import services

    publish = CommentSettings(moderation="publish", hold_links=0)
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.post_comment(
            article=article, rules=publish, name="Jo", email="jo@example.com", text="Hi"
        ).comment
    delivery = EmailDelivery.objects.get(kind="new_comment", key=str(comment.pk))
    assert len(mail.outbox) == 1
    assert deliveries.send(delivery.pk) is None  # already sent: not claimed
    assert deliveries.retry_failed() == 0
    assert len(mail.outbox) == 1


def test_retry_leaves_emails_that_failed_too_often_alone(settings, article):
    settings.COMMENTS_EMAIL_MAX_ATTEMPTS = 3
    EmailDelivery.objects.create(
        kind="confirm", key="a", argument="a@example.com", status="failed", attempts=3
    )
    retried = EmailDelivery.objects.create(
        kind="confirm", key="b", argument="b@example.com", status="failed", attempts=2
    )
    NotificationAddress.objects.create(email="b@example.com")
    assert deliveries.retry_failed() == 1
    retried.refresh_from_db()
    assert (retried.status, retried.attempts) == ("sent", 3)
    assert [m.to for m in mail.outbox] == [["b@example.com"]]


def test_a_queued_email_whose_task_was_lost_is_queued_again(article):
    NotificationAddress.objects.create(email="b@example.com")
    fresh = EmailDelivery.objects.create(kind="confirm", key="f", argument="x@x.org")
    lost = EmailDelivery.objects.create(
        kind="confirm",
        key="l",
        argument="b@example.com",
        updated_at=timezone.now() - deliveries.STALE_QUEUED_AFTER * 2,
    )
    assert deliveries.retry_failed() == 1
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.status == "sent"
    assert fresh.status == "queued"


# The cache


def test_rate_limit_fails_open_when_the_cache_raises(settings):
    settings.CACHES = {"default": {"BACKEND": "tests.faults.BrokenCache"}}
    assert all(ratelimit.allow("comment", "10.0.0.1", limit=1) for _ in range(5))


def test_rate_limit_still_limits_when_the_cache_works():
    assert ratelimit.allow("comment", "10.0.0.1", limit=1)
    assert not ratelimit.allow("comment", "10.0.0.1", limit=1)


def test_broken_cache_stub_really_fails():
    with pytest.raises(ConnectionError):
        BrokenCache("", {}).get("anything")


def test_with_redis_down_pages_are_served_and_comments_post(
    client, article, post, rules, settings
):
    settings.CACHES = unreachable_redis_caches()
    rules.moderation = CommentSettings.Moderation.PUBLISH
    rules.save()
    assert client.get(article.url).status_code == 200
    # Over the limit of 5 a minute, yet accepted: the limit fails open.
    for number in range(settings.COMMENTS_RATE_LIMIT + 2):
        assert post(article, comment=f"Still here {number}").status_code == 302
    page = client.get(article.url)
    assert page.status_code == 200
    assert b"Still here 6" in page.content


# The database


@pytest.fixture
def lenient_client():
    """A client that returns the error page instead of re-raising."""
    return Client(raise_request_exception=False)


def test_database_outage_shows_a_clear_503_page(article, lenient_client):
    url = article.url
    with database_down(connection):
        response = lenient_client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "<h1>Back in a moment</h1>" in body
    assert "Traceback" not in body and "OperationalError" not in body


def test_database_outage_while_posting_shows_the_503_page(
    article, lenient_client, form_data
):
    data = form_data(article)
    with database_down(connection):
        response = lenient_client.post(f"/comments/post/{article.pk}/", data)
    assert response.status_code == 503
    assert ReaderComment.objects.count() == 0


def test_other_server_errors_keep_the_500_page(rf):
    from runningblog.outage import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


def thread_state():
    return list(
        ReaderComment.objects.order_by("pk").values_list(
            "pk", "thread_id", "parent_id", "level", "order", "nested_count"
        )
    )


# Posting a reply writes seven rows (three tables for the insert, the
# ancestors' nested counts, three tables again for its thread position).
@pytest.mark.parametrize("nth_write", range(1, 8))
def test_a_database_failure_mid_reply_leaves_nothing_half_written(
    article, lenient_client, post, publish_all, nth_write
):
    root = comment_pk(post(article, comment="Root", email="a@example.com"))
    post(article, comment="First", email="b@example.com", reply_to=str(root))
    before = thread_state()
    with database_down(connection, nth_write=nth_write) as failure:
        response = post(
            article,
            client=lenient_client,
            comment="Second",
            email="c@example.com",
            reply_to=str(root),
        )
    assert failure.writes == nth_write  # it failed there, and wrote no more
    assert response.status_code == 503
    assert thread_state() == before  # rolled back as a whole
