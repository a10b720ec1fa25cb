from io import StringIO

import pytest
from django.core.management import call_command

from comments.demo import THREADS
from comments.models import ReaderComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(settings):
    settings.DEMO_CONTENT_ALLOWED = True
    call_command("load_demo", stdout=StringIO())


def test_demo_discussion_has_author_replies_and_one_held_comment(demo_site):
    call_command("load_demo_comments", stdout=StringIO())
    comments = ReaderComment.objects.all()
    assert comments.count() == len(THREADS)
    replies = comments.filter(badge="author")
    assert replies.count() == 3
    assert all(reply.level == 1 and reply.is_public for reply in replies)
    assert comments.filter(is_public=False).count() == 1
    follow_up = comments.get(user_name="Tom H.", level=2)
    assert follow_up.parent_id == replies.get(comment__contains="disc problem").pk


def test_loading_twice_adds_nothing(demo_site, capsys):
    call_command("load_demo_comments")
    before = list(ReaderComment.objects.values_list("pk", "order", "thread_id"))
    call_command("load_demo_comments")
    assert "nothing new" in capsys.readouterr().out
    assert list(ReaderComment.objects.values_list("pk", "order", "thread_id")) == before


def test_refused_outside_demo_settings(demo_site, settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        call_command("load_demo_comments")
