"""Generated discussions of any size, for the performance tests and
`scripts/bench.py`.

A discussion mixes top-level comments and replies (to the depth the site
allows) by anonymous readers, the article's author and a moderator, with a
few comments held for moderation. It is the same for the same arguments
(a seeded random generator), so runs can be compared.

Comments are stored directly, not through `comments.services`: no emails,
no moderation, and thread positions worked out here in one pass instead of
the library's few queries per reply."""

import random

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .models import ReaderComment

WORDS = (
    "knee ache after long runs eased when I added hill walking and slowed my "
    "easy days my physio suggested calf raises every evening which helped a "
    "lot does the same apply to hamstring pain thanks for the clear advice"
).split()


def _text(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 60))).capitalize()


def _plan(count, rng, max_depth, replies_share):
    """(parent index or None, writer kind) for each comment, oldest first."""
    plan, replyable = [], []
    for index in range(count):
        parent = None
        if replyable and rng.random() < replies_share:
            parent = rng.choice(replyable)
        level = 0 if parent is None else plan[parent][2] + 1
        kind = "reader"
        if parent is not None and rng.random() < 0.2:
            kind = rng.choice(("author", "moderator"))
        plan.append((parent, kind, level))
        if level < max_depth:
            replyable.append(index)
    return plan


@transaction.atomic
def build_discussion(  # noqa: PLR0913 - every knob is a keyword
    article,
    count,
    *,
    author_user=None,
    moderator=None,
    max_depth=2,
    replies_share=0.6,
    held_share=0.03,
    seed=4,
):
    """Add `count` comments to `article`; return them, oldest first."""
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    content_type = ContentType.objects.get_for_model(article)
    start = timezone.now() - timezone.timedelta(minutes=count + 1)
    plan = _plan(count, rng, max_depth, replies_share)
    users = {"author": author_user, "moderator": moderator}
    badges = {
        "author": ReaderComment.Badge.AUTHOR,
        "moderator": ReaderComment.Badge.MODERATOR,
    }
    comments = []
    for index, (_parent, kind, _level) in enumerate(plan):
        user = users.get(kind)
        if user is None:
            kind = "reader"
        name = (
            user.get_full_name() or user.get_username() if user else f"Reader {index}"
        )
        comment = ReaderComment(
            article=article,
            content_type=content_type,
            object_pk=str(article.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=name[:50],
            user_email=user.email if user else f"reader{index}@example.com",
            comment=_text(rng),
            submit_date=start + timezone.timedelta(minutes=index),
            is_public=kind != "reader" or rng.random() >= held_share,
            badge=badges.get(kind, ReaderComment.Badge.NONE),
        )
        comment.save()  # as a root: the library numbers it as its own thread
        comments.append(comment)
    _thread(comments, plan)
    return comments


def _thread(comments, plan):
    """Give replies their parent, thread, level and depth-first position."""
    children = {}
    for index, (parent, _kind, _level) in enumerate(plan):
        if parent is not None:
            children.setdefault(parent, []).append(index)
    changed = []
    for index, (parent, _kind, _level) in enumerate(plan):
        if parent is not None:
            continue
        order = 0
        stack = [(index, 0)]
        while stack:
            current, level = stack.pop()
            order += 1
            comment = comments[current]
            comment.thread_id = comments[index].pk
            comment.level = level
            comment.order = order
            parent_index = plan[current][0]
            comment.parent_id = (
                comment.pk if parent_index is None else comments[parent_index].pk
            )
            changed.append(comment)
            stack.extend(
                (child, level + 1) for child in reversed(children.get(current, []))
            )
    ReaderComment.objects.bulk_update(
        changed, ["thread_id", "level", "order", "parent_id"], batch_size=500
    )
