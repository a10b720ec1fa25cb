"""Demo discussion under "Running with Lower Back Pain".

Written in this project's own words: readers' comments answered by the
article's author, and one comment still awaiting moderation. Each comment is
looked up by article, email and text before it is created, so loading twice
adds nothing twice. Comments are created directly (not through services) so
loading demo content sends no notification emails."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import ArticlePage

from .models import ReaderComment

ARTICLE_SLUG = "running-with-lower-back-pain"

# (key, parent key, name, email, days ago, text, public)
# A name of None means the article's author, replying from their account.
THREADS = [
    (
        "pilates",
        None,
        "Megan O.",
        "megan@example.com",
        40,
        (
            "Pilates made a big difference for me. Two classes a week for a couple "
            "of months and my back stopped aching after long runs. The instructor "
            "kept correcting how I tilted my pelvis, which sounds a lot like the "
            "first cause you describe."
        ),
        True,
    ),
    (
        "pilates-reply",
        "pilates",
        None,
        None,
        39,
        (
            "Thanks Megan, that matches what I see in clinic. A good Pilates "
            "teacher trains exactly the pelvic control runners tend to lack. Keep "
            "a little running-specific strength work alongside it too: single-leg "
            "exercises carry over best."
        ),
        True,
    ),
    (
        "disc",
        None,
        "Tom H.",
        "tom.h@example.com",
        21,
        (
            "I had a disc bulge two years ago and was told never to run again. I "
            "built back up slowly with walk-run intervals and now do 30 km a "
            "week. Not saying it's right for everyone, but it is possible."
        ),
        True,
    ),
    (
        "disc-reply",
        "disc",
        None,
        None,
        20,
        (
            "Great to hear, Tom. I had a disc problem myself in my twenties and "
            "the gradual return was what worked for me too. Most disc injuries "
            "settle with time and sensible loading; 'never run again' is rarely "
            "the right advice."
        ),
        True,
    ),
    (
        "disc-thanks",
        "disc-reply",
        "Tom H.",
        "tom.h@example.com",
        19,
        ("Good to know I'm not the only one. Thanks for writing this up."),
        True,
    ),
    (
        "question",
        None,
        "Priya",
        "priya.k@example.com",
        9,
        (
            "Which of the four causes would you check first? My pain comes on "
            "after about 5 km, never when I'm walking."
        ),
        True,
    ),
    (
        "question-reply",
        "question",
        None,
        None,
        8,
        (
            "Pain that appears at a fairly consistent distance often points to "
            "fatigue: the muscles controlling your pelvis tire and your lower back "
            "takes over. I'd start with the pelvic control and hip strength "
            "exercises, and ask someone to film you running at the end of a run. "
            "If it doesn't improve in a few weeks, get assessed in person."
        ),
        True,
    ),
    (
        "pending",
        None,
        "Chris",
        "chris.runner@example.com",
        1,
        ("Does the same apply to trail running? Downhills are the worst for me."),
        False,
    ),
]


def load_demo_comments():
    """Create the demo comments that are missing; return labels of new ones."""
    if not settings.DEMO_CONTENT_ALLOWED:
        raise CommandError("Demo content is switched off (DEMO_CONTENT_ALLOWED).")
    article = ArticlePage.objects.filter(slug=ARTICLE_SLUG).first()
    if article is None:
        raise CommandError("Load the articles first: manage.py load_demo.")
    author_user = article.author.user if article.author else None
    if author_user is None:
        raise CommandError("The demo article's author has no user account.")
    created, by_key = [], {}
    with transaction.atomic():
        for key, parent_key, name, email, days, text, public in THREADS:
            parent = by_key.get(parent_key)
            comment, new = _ensure(article, author_user, parent, name, email, text)
            if new:
                _backdate(comment, days, public)
                created.append(f"comment by {comment.user_name}")
            by_key[key] = comment
    return created


def _ensure(article, author_user, parent, name, email, text):
    is_author = name is None
    email = author_user.email if is_author else email
    existing = ReaderComment.objects.filter(
        article=article, user_email=email, comment=text
    ).first()
    if existing is not None:
        return existing, False
    comment = ReaderComment(
        article=article,
        content_type=ContentType.objects.get_for_model(article),
        object_pk=str(article.pk),
        site_id=settings.SITE_ID,
        user=author_user if is_author else None,
        user_name=(author_user.get_full_name() if is_author else name)[:50],
        user_email=email,
        comment=text,
        submit_date=timezone.now(),
        parent_id=parent.pk if parent else 0,
        followup=not is_author,
        badge=ReaderComment.Badge.AUTHOR if is_author else ReaderComment.Badge.NONE,
    )
    comment.save()
    return comment, True


def _backdate(comment, days, public):
    when = timezone.now() - dt.timedelta(days=days)
    ReaderComment.objects.filter(pk=comment.pk).update(
        submit_date=when, is_public=public
    )
