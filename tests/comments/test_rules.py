"""Moderation rules from the comment settings, each tested on both sides."""

import datetime as dt

import pytest
from django.utils import timezone
from freezegun import freeze_time

from comments import services
from comments.models import CommentSettings, ReaderComment
from comments.moderation import blocklist_match, count_links

pytestmark = pytest.mark.django_db


def make_rules(**fields):
    defaults = {"moderation": "publish", "hold_links": 0}
    return CommentSettings(**{**defaults, **fields})


def post(article, rules, **fields):
    values = {"name": "Jo", "email": "jo@example.com", "text": "Hello there"}
    values.update(fields)
    return services.post_comment(article=article, rules=rules, **values).comment


@pytest.fixture
def article(make_article):
    return make_article()


class TestModerationMode:
    def test_publish_at_once(self, article):
        assert post(article, make_rules()).is_public

    def test_hold_all_holds_even_trusted_commenters(self, article):
        post(article, make_rules(), text="earlier, approved")
        comment = post(article, make_rules(moderation="hold_all"), text="new")
        assert comment.status == "pending"

    def test_hold_first_time_holds_strangers_and_trusts_returning(self, article):
        rules = make_rules(moderation="hold_first")
        first = post(article, rules, text="first")
        assert first.status == "pending"
        services.approve_comment(comment=first)
        assert post(article, rules, text="second").status == "published"

    def test_spam_or_held_comments_do_not_earn_trust(self, article):
        rules = make_rules(moderation="hold_first")
        post(article, rules, text="first")  # held, never approved
        assert post(article, rules, text="second").status == "pending"


class TestLinks:
    def test_holds_at_the_link_limit(self, article):
        rules = make_rules(hold_links=2)
        text = "See https://a.example and www.b.example"
        assert post(article, rules, text=text).status == "pending"

    def test_publishes_below_the_limit(self, article):
        rules = make_rules(hold_links=2)
        assert post(article, rules, text="See https://a.example").status == "published"

    def test_zero_switches_the_rule_off(self, article):
        text = " ".join(f"https://{n}.example" for n in range(5))
        assert post(article, make_rules(hold_links=0), text=text).is_public

    def test_count_links(self):
        assert count_links("http://a.b, https://c.d/e?f and www.g.h; not a.b") == 3


class TestBlocklist:
    @pytest.mark.parametrize(
        ("entry", "fields"),
        [
            ("casino", {"text": "Best Casino deals"}),
            ("cheap pills", {"text": "buy CHEAP PILLS now"}),
            ("spammer@example.com", {"email": "Spammer@Example.com"}),
            ("spam.example", {"email": "a@mail.spam.example"}),
            ("spam.example", {"url": "https://spam.example/x"}),
            ("spam.example", {"text": "visit spam.example today"}),
            ("203.0.113.9", {"ip_address": "203.0.113.9"}),
        ],
    )
    def test_matches_send_the_comment_to_spam(self, article, entry, fields):
        rules = make_rules(blocklist=f"  other\n{entry.upper()}\n")
        comment = post(article, rules, **fields)
        assert comment.is_spam and not comment.is_public
        assert ReaderComment.objects.filter(pk=comment.pk).exists()  # stored

    @pytest.mark.parametrize(
        ("entry", "fields"),
        [
            ("casino", {"text": "Casinos? occasion"}),
            ("spammer@example.com", {"email": "notspammer@example.com"}),
            ("spam.example", {"email": "a@notspam.example"}),
            ("203.0.113.9", {"ip_address": "203.0.113.99"}),
        ],
    )
    def test_near_misses_are_not_spam(self, article, entry, fields):
        assert not post(article, make_rules(blocklist=entry), **fields).is_spam

    def test_library_blacklisted_domains_count_too(self, article):
        from django_comments_xtd.models import BlackListedDomain

        BlackListedDomain.objects.create(domain="junk.example")
        assert post(article, make_rules(), email="x@junk.example").is_spam

    def test_match_returns_the_entry(self):
        comment = ReaderComment(user_name="A", user_email="a@b.c", comment="hi")
        assert blocklist_match(comment, ["nope", "hi"]) == "hi"
        assert blocklist_match(comment, ["nope"]) is None


class TestClosing:
    def test_old_articles_close(self, make_article):
        with freeze_time(timezone.now() - dt.timedelta(days=31)):
            article = make_article()
        with pytest.raises(services.CommentError, match="closed"):
            post(article, make_rules(close_after_days=30))

    def test_younger_articles_stay_open(self, make_article):
        with freeze_time(timezone.now() - dt.timedelta(days=29)):
            article = make_article()
        assert post(article, make_rules(close_after_days=30)).pk

    def test_zero_means_never(self, make_article):
        with freeze_time("2015-01-01"):
            article = make_article()
        assert post(article, make_rules(close_after_days=0)).pk

    def test_allow_comments_off_closes(self, article):
        article.allow_comments = False
        with pytest.raises(services.CommentError):
            post(article, make_rules())


class TestReports:
    def test_hidden_after_the_configured_number_of_readers(self, article):
        rules = make_rules(reports_to_hide=2)
        comment = post(article, rules)
        assert services.report_comment(
            comment=comment, ip_address="1.1.1.1", rules=rules
        )
        comment.refresh_from_db()
        assert comment.is_public and comment.report_count == 1
        services.report_comment(comment=comment, ip_address="2.2.2.2", rules=rules)
        comment.refresh_from_db()
        assert not comment.is_public and comment.report_count == 2

    def test_one_reader_counts_once(self, article):
        rules = make_rules(reports_to_hide=2)
        comment = post(article, rules)
        for _ in range(3):
            services.report_comment(comment=comment, ip_address="1.1.1.1", rules=rules)
        comment.refresh_from_db()
        assert comment.is_public and comment.report_count == 1

    def test_approving_clears_reports(self, article):
        rules = make_rules(reports_to_hide=1)
        comment = post(article, rules)
        services.report_comment(comment=comment, ip_address="1.1.1.1", rules=rules)
        services.approve_comment(comment=comment)
        comment.refresh_from_db()
        assert comment.is_public and comment.report_count == 0
        assert not comment.reports.exists()

    def test_report_view_thanks_the_reader(self, client, article, rules):
        comment = post(article, make_rules())
        response = client.post(f"/comments/report/{comment.pk}/")
        assert response.status_code == 200
        assert "Thank you for your report" in response.content.decode()
        comment.refresh_from_db()
        assert comment.report_count == 1
        assert client.get(f"/comments/report/{comment.pk}/").status_code == 405

    def test_reports_store_no_ip_address(self, article):
        rules = make_rules()
        comment = post(article, rules)
        services.report_comment(comment=comment, ip_address="9.8.7.6", rules=rules)
        assert "9.8.7.6" not in comment.reports.get().reporter_key


def test_site_settings_defaults_match_the_issue(blog_index):
    from wagtail.models import Site

    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    assert rules.moderation == "hold_first"
    assert rules.hold_links == 2
    assert rules.close_after_days == 0
    assert rules.max_depth == 2
