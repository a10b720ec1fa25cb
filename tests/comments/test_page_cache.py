"""Anonymous readers are served from the page cache; everyone else, and
anything personal, never is; changes invalidate what they touch."""

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.http import HttpResponse
from django.test import Client

from articles import page_cache
from comments import pending, services
from comments.models import CommentSettings, ReaderComment
from tests.factories import UserFactory, publish

HIT, MISS = "hit", "miss"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def cache_state(response):
    return response.get(page_cache.HEADER)


@pytest.fixture
def article(make_article, rules):
    rules.moderation = CommentSettings.Moderation.PUBLISH
    rules.hold_links = 0
    rules.save()
    return make_article(title="Cached article")


def comment_on(article, text, *, public=True, rules=None):
    rules = rules or CommentSettings(
        moderation="publish" if public else "hold_all", hold_links=0
    )
    return services.post_comment(
        article=article, rules=rules, name="Jo", email="jo@x.example", text=text
    ).comment


class TestWhoIsServedFromTheCache:
    def test_anonymous_reader_gets_the_cached_page_without_queries(
        self, client, article, django_assert_num_queries
    ):
        first = client.get(article.url)
        assert cache_state(first) == MISS
        with django_assert_num_queries(0):
            second = client.get(article.url)
        assert cache_state(second) == HIT
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]

    def test_logged_in_user_never_gets_or_fills_the_cache(self, client, article):
        client.force_login(UserFactory())
        assert cache_state(client.get(article.url)) is None
        assert cache_state(client.get(article.url)) is None
        anonymous = Client()
        assert cache_state(anonymous.get(article.url)) == MISS  # nothing stored
        assert cache_state(anonymous.get(article.url)) == HIT
        assert cache_state(client.get(article.url)) is None  # still not served

    def test_reader_with_a_held_comment_gets_a_fresh_page(self, client, article):
        held = comment_on(article, "waiting", public=False)
        client.get(article.url)
        assert cache_state(client.get(article.url)) == HIT
        signer = signing.get_cookie_signer(salt=pending.COOKIE + pending.SALT)
        client.cookies[pending.COOKIE] = signer.sign(str(held.pk))
        response = client.get(article.url)
        assert cache_state(response) is None
        assert soup(response).select_one(f"#c{held.pk}") is not None

    def test_a_session_cookie_bypasses_the_cache(self, client, article, settings):
        client.get(article.url)
        client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
        assert cache_state(client.get(article.url)) is None

    @pytest.mark.parametrize(
        ("query", "cached"),
        [("", True), ("?cpage=1", True), ("?utm_source=x", False), ("?cpage=x", False)],
    )
    def test_only_page_numbers_make_distinct_cached_pages(
        self, client, article, query, cached
    ):
        client.get(article.url + query)
        state = cache_state(client.get(article.url + query))
        assert (state == HIT) is cached

    def test_cached_page_carries_no_personal_token_or_cookie(self, client, article):
        response = client.get(article.url)
        assert cache_state(response) == MISS
        assert not response.cookies
        page = soup(response)
        assert page.select_one("input[name=csrfmiddlewaretoken]") is None
        form = page.select_one("[data-comment-form]")
        assert form["data-token-url"] == f"/comments/form-tokens/{article.pk}/"

    def test_fresh_render_for_a_logged_in_user_keeps_the_token(self, client, article):
        client.force_login(UserFactory())
        page = soup(client.get(article.url))
        assert page.select_one("input[name=csrfmiddlewaretoken]") is not None
        assert not page.select_one("[data-comment-form]").has_attr("data-token-url")

    def test_responses_that_set_cookies_or_fail_are_never_stored(self):
        ok = HttpResponse("x")
        assert page_cache._storable(ok)
        with_cookie = HttpResponse("x")
        with_cookie.set_cookie("a", "b")
        assert not page_cache._storable(with_cookie)
        assert not page_cache._storable(HttpResponse("x", status=404))
        private = HttpResponse("x")
        private["Cache-Control"] = "private"
        assert not page_cache._storable(private)

    def test_not_found_pages_are_not_cached(self, client, blog_index):
        client.get("/no-such-article/")
        assert cache_state(client.get("/no-such-article/")) is None

    def test_turned_off_with_zero_seconds(self, client, article, settings):
        settings.PAGE_CACHE_SECONDS = 0
        client.get(article.url)
        assert cache_state(client.get(article.url)) is None


class TestInvalidation:
    def warm(self, client, url):
        client.get(url)
        assert cache_state(client.get(url)) == HIT

    @pytest.fixture(autouse=True)
    def committed(self, django_capture_on_commit_callbacks):
        """Run on-commit work (the invalidation) as a real commit would."""
        self.committed = lambda: django_capture_on_commit_callbacks(execute=True)

    def test_a_published_comment_shows_at_once(self, client, article):
        self.warm(client, article.url)
        with self.committed():
            comment = comment_on(article, "fresh comment")
        response = client.get(article.url)
        assert cache_state(response) == MISS
        assert soup(response).select_one(f"#c{comment.pk}") is not None

    def test_a_held_comment_leaves_the_cached_page_in_place(self, client, article):
        self.warm(client, article.url)
        with self.committed():
            comment_on(article, "held", public=False)
        assert cache_state(client.get(article.url)) == HIT

    @pytest.mark.parametrize(
        "change",
        [
            lambda c: services.remove_comment(comment=c),
            lambda c: services.unpublish_comment(comment=c),
            lambda c: services.mark_spam(comment=c),
            lambda c: services.edit_comment(comment=c, text="edited words"),
        ],
        ids=["remove", "unpublish", "spam", "edit"],
    )
    def test_moderation_changes_invalidate_the_article(self, client, article, change):
        comment = comment_on(article, "original words")
        self.warm(client, article.url)
        with self.committed():
            change(comment)
        response = client.get(article.url)
        assert cache_state(response) == MISS
        assert b"original words" not in response.content

    def test_approving_a_held_comment_invalidates(self, client, article):
        held = comment_on(article, "held words", public=False)
        self.warm(client, article.url)
        with self.committed():
            services.approve_comment(comment=held)
        assert b"held words" in client.get(article.url).content

    def test_enough_reports_hide_the_comment_from_cached_readers(
        self, client, article, rules
    ):
        comment = comment_on(article, "rude words")
        self.warm(client, article.url)
        with self.committed():
            for n in range(rules.reports_to_hide):
                services.report_comment(
                    comment=comment, ip_address=f"10.0.0.{n}", rules=rules
                )
        assert b"rude words" not in client.get(article.url).content

    def test_comments_touch_their_article_and_lists_not_other_articles(
        self, client, article, make_article
    ):
        other = make_article(title="Other article")
        index_url = article.get_parent().url
        for url in (article.url, other.url, index_url):
            self.warm(client, url)
        with self.committed():
            comment_on(article, "only here")
        assert cache_state(client.get(other.url)) == HIT
        assert cache_state(client.get(index_url)) == MISS  # shows comment counts
        assert cache_state(client.get(article.url)) == MISS

    def test_publishing_an_article_invalidates_every_page(
        self, client, article, make_article
    ):
        index_url = article.get_parent().url
        self.warm(client, article.url)
        self.warm(client, index_url)
        article.title = "Renamed article"
        publish(article)
        assert b"Renamed article" in client.get(article.url).content
        new = make_article(title="Brand new article")
        response = client.get(index_url)
        assert cache_state(response) == MISS
        assert new.title.encode() in response.content

    def test_unpublishing_takes_the_page_away(self, client, article):
        self.warm(client, article.url)
        article.unpublish()
        assert client.get(article.url).status_code == 404

    def test_a_change_during_a_render_is_not_lost(self, client, article, monkeypatch):
        """The tokens are read before rendering; a bump while the page renders
        makes the stored copy stale at once."""
        real = page_cache.prepare

        def prepare_then_change(request, tags):
            real(request, tags)
            page_cache.comments_changed(article.pk)

        monkeypatch.setattr(
            "articles.wagtail_hooks.page_cache.prepare", prepare_then_change
        )
        assert cache_state(client.get(article.url)) == MISS
        monkeypatch.setattr("articles.wagtail_hooks.page_cache.prepare", real)
        assert cache_state(client.get(article.url)) == MISS


class TestFormOnACachedPage:
    def test_token_endpoint_gives_fresh_tokens_that_post_a_comment(
        self, article, form_data
    ):
        reader = Client(enforce_csrf_checks=True)
        reader.get(article.url)
        cached = reader.get(article.url)
        assert cache_state(cached) == HIT
        tokens = reader.get(f"/comments/form-tokens/{article.pk}/")
        assert tokens.status_code == 200
        assert "no-store" in tokens["Cache-Control"]
        data = tokens.json()
        assert set(data) == {"csrfmiddlewaretoken", "timestamp", "security_hash"}
        response = reader.post(
            f"/comments/post/{article.pk}/",
            form_data(article, **data, comment="Posted from a cached page"),
        )
        assert response.status_code == 302
        assert ReaderComment.objects.filter(
            comment="Posted from a cached page"
        ).exists()

    def test_token_endpoint_is_only_for_live_articles(self, client, article):
        assert client.get("/comments/form-tokens/999999/").status_code == 404
        article.unpublish()
        assert client.get(f"/comments/form-tokens/{article.pk}/").status_code == 404

    def test_without_javascript_a_csrf_failure_keeps_the_text_and_retries(
        self, article, form_data
    ):
        reader = Client(enforce_csrf_checks=True)
        reader.get(article.url)
        text = "Typed on a cached page without JavaScript"
        failed = reader.post(
            f"/comments/post/{article.pk}/", form_data(article, comment=text)
        )
        assert failed.status_code == 403
        page = soup(failed)
        assert page.select_one("textarea[name=comment]").text.strip() == text
        assert page.select_one("[data-comment-form] .form-error, .form-error")
        fresh = {
            field["name"]: field.get("value", "")
            for field in page.select("[data-comment-form] input")
            if field.get("name")
        }
        fresh["comment"] = text
        retried = reader.post(f"/comments/post/{article.pk}/", fresh)
        assert retried.status_code == 302
        assert ReaderComment.objects.filter(comment=text).exists()

    def test_other_csrf_failures_explain_and_link_back(self, article):
        reader = Client(enforce_csrf_checks=True)
        comment = comment_on(article, "a comment")
        response = reader.post(
            f"/comments/report/{comment.pk}/",
            HTTP_REFERER=f"http://testserver{article.url}",
        )
        assert response.status_code == 403
        page = soup(response)
        assert page.h1.text == "Please try again"
        assert page.select_one("main a")["href"] == f"http://testserver{article.url}"
        elsewhere = reader.post(
            f"/comments/report/{comment.pk}/", HTTP_REFERER="https://evil.example/"
        )
        assert soup(elsewhere).select_one("main a")["href"] == "/"
