"""Concurrent replies into one discussion keep the thread whole and in order.

django-comments-xtd numbers a reply by reading the thread's highest `order`
and writing after it; `ReaderComment._calculate_thread_data` locks the
thread's root row so concurrent replies take turns. The race only exists
where writes really run in parallel, so the test needs PostgreSQL: each
thread has its own connection and they all start at once."""

import threading
from collections import Counter

import pytest
from django.db import connection

from comments import services
from comments.integrity import thread_problems
from comments.models import CommentSettings, ReaderComment

REPLIES = 50
PUBLISH = CommentSettings(moderation="publish", hold_links=0, max_depth=2)


def post(article, text, parent_id=0, email="jo@example.com"):
    return services.post_comment(
        article=article,
        rules=PUBLISH,
        name="Jo Runner",
        email=email,
        text=text,
        parent_id=parent_id,
        ip_address="127.0.0.1",
    ).comment


def post_all_at_once(article, parent_ids):
    """Post one reply per parent id, each from its own thread and connection,
    released together by a barrier. Returns the errors raised, if any."""
    barrier = threading.Barrier(len(parent_ids))
    errors = []

    def reply(number, parent_id):
        try:
            barrier.wait(timeout=30)
            post(article, f"Reply {number}", parent_id, f"r{number}@example.com")
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=reply, args=(number, parent_id))
        for number, parent_id in enumerate(parent_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_replies_are_all_stored_in_a_consistent_thread(
    make_article,
):
    article = make_article(title="Busy thread")
    root = post(article, "Opening question")
    firsts = [post(article, f"First answer {n}", root.pk) for n in range(3)]
    # Half to the root, half spread over the existing replies.
    targets = [root.pk, *(reply.pk for reply in firsts)]
    parent_ids = [targets[0] if n % 2 else targets[1 + n % 3] for n in range(REPLIES)]

    errors = post_all_at_once(article, parent_ids)

    assert errors == []
    thread = list(ReaderComment.objects.filter(thread_id=root.pk))
    assert len(thread) == 1 + len(firsts) + REPLIES
    stored = Counter(c.comment for c in thread if c.comment.startswith("Reply "))
    assert stored == Counter(f"Reply {n}" for n in range(REPLIES))
    assert thread_problems(thread) == []
