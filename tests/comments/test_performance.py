"""The article page's cost does not grow with its comments, and long
discussions are split into crawlable pages of threads."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import signing

from articles import page_cache
from comments import pending, services
from comments.models import CommentSettings, ReaderComment
from comments.selectors import comment_tree
from comments.synthetic import build_discussion
from tests.factories import UserFactory

MAX_QUERIES = 15
MAX_HTML_BYTES = 200_000


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def people(make_article):
    """An article whose author has an account, plus a moderator."""
    article = make_article()
    author_user = UserFactory(username="author", first_name="Sam", last_name="Carter")
    article.author.user = author_user
    article.author.save()
    moderator = UserFactory(username="moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return article, author_user, moderator


@pytest.mark.parametrize("count", [0, 10, 200, 1000])
def test_article_page_cost_does_not_grow_with_comments(
    client, people, django_assert_max_num_queries, settings, count
):
    article, author_user, moderator = people
    build_discussion(article, count, author_user=author_user, moderator=moderator)
    badges = set(ReaderComment.objects.values_list("badge", flat=True))
    if count >= 200:  # the mix the limit must hold for
        assert badges == {"", "author", "moderator"}
    client.get(article.url)  # the first view creates the site's settings row
    # Published replies under a held comment stay hidden with it.
    published = comment_tree(article, max_depth=2)[1]
    for viewer in (None, author_user):
        if viewer is not None:
            client.force_login(viewer)
        page_cache.bump(page_cache.SITE)  # measure a render, not a cached copy
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(article.url)
        assert response.status_code == 200
        assert len(response.content) < MAX_HTML_BYTES
        page = soup(response)
        heading = page.select_one("#comments-title").text
        assert heading == (f"{published} comments" if published else "Comments")
        shown = len(page.select(".comment"))
        assert (shown > 0) == (published > 0)
        assert shown <= settings.COMMENTS_PAGE_MAX_COMMENTS


def test_own_held_comment_and_badges_cost_no_extra_queries(
    client, people, django_assert_max_num_queries
):
    """The reader's own held comment comes from their signed cookie and the
    badges from each row: no query per comment."""
    article, author_user, moderator = people
    comments = build_discussion(
        article, 200, author_user=author_user, moderator=moderator
    )
    held = next(c for c in comments if not c.is_public and c.parent_id == c.pk)
    client.get(article.url)
    url = f"{article.url}?comment={held.pk}"
    assert soup(client.get(url)).select_one(f"#c{held.pk}") is None
    signer = signing.get_cookie_signer(salt=pending.COOKIE + pending.SALT)
    client.cookies[pending.COOKIE] = signer.sign(str(held.pk))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    page = soup(response)
    assert "awaiting moderation" in page.select_one(f"#c{held.pk}").text
    badges = {badge.text for badge in page.select(".badge")}
    assert badges == {"Author", "Moderator"}


class TestThreadPages:
    @pytest.fixture(autouse=True)
    def small_pages(self, settings):
        settings.COMMENTS_THREADS_PER_PAGE = 3
        settings.COMMENTS_PAGE_MAX_COMMENTS = 100

    @pytest.fixture
    def article(self, make_article):
        return make_article()

    def post(self, article, text, parent=None):
        return services.post_comment(
            article=article,
            rules=CommentSettings(moderation="publish", hold_links=0),
            name="N",
            email=f"{text}@x.example",
            text=text,
            parent_id=parent.pk if parent else 0,
        ).comment

    @pytest.fixture
    def threads(self, article):
        roots = [self.post(article, f"root{n}") for n in range(8)]
        reply = self.post(article, "reply-to-7", roots[7])
        return roots, reply

    def ids(self, response):
        page = soup(response)
        return [
            int(li["id"][1:])
            for li in page.select("#comments > ol.comment-list > .comment")
        ]

    def test_first_page_holds_the_oldest_threads_and_links_to_newer(
        self, client, article, threads
    ):
        roots, _ = threads
        response = client.get(article.url)
        assert self.ids(response) == [r.pk for r in roots[:3]]
        page = soup(response)
        assert page.select_one('link[rel="prev"]') is None
        newer = page.select_one('.comment-pages a[rel="next"]')
        assert newer["href"].endswith(f"{article.url}?cpage=2#comments")
        assert page.select_one('link[rel="next"]')["href"].endswith("?cpage=2")
        assert "page 1 of 3" in page.select_one(".comment-pages").text

    def test_each_page_has_its_own_crawlable_url(self, client, article, threads):
        roots, reply = threads
        response = client.get(f"{article.url}?cpage=3")
        assert self.ids(response) == [roots[6].pk, roots[7].pk]
        page = soup(response)
        assert page.select_one(f"#c{reply.pk}") is not None
        assert page.select_one('link[rel="prev"]')["href"].endswith("?cpage=2")
        assert page.select_one('link[rel="next"]') is None
        context = response.context
        assert context["comment_page_links"]["canonical"].endswith("?cpage=3")
        first = client.get(article.url).context["comment_page_links"]["canonical"]
        assert first.endswith(article.url)

    def test_page_past_the_end_is_not_found_and_nonsense_is_page_one(
        self, client, article, threads
    ):
        assert client.get(f"{article.url}?cpage=4").status_code == 404
        for odd in ("x", "\u00b2", "0", "-1", "9" * 30):
            response = client.get(article.url, {"cpage": odd, "comment": odd})
            assert response.status_code == 200
            assert self.ids(response) == self.ids(client.get(article.url))
        assert self.ids(client.get(f"{article.url}?cpage=x")) == self.ids(
            client.get(article.url)
        )

    def test_comment_link_opens_the_page_holding_the_comment(
        self, client, article, threads
    ):
        roots, reply = threads
        response = client.get(reply.get_absolute_url().split("#")[0])
        assert self.ids(response) == [roots[6].pk, roots[7].pk]
        response = client.get(f"{article.url}?replyto={roots[4].pk}")
        assert roots[4].pk in self.ids(response)

    def test_a_short_discussion_has_no_page_links(self, client, article):
        self.post(article, "only")
        page = soup(client.get(article.url))
        assert page.select_one(".comment-pages") is None
        assert page.select_one('link[rel="next"]') is None

    def test_posting_lands_on_the_page_with_the_new_comment(
        self, client, article, threads, post, rules
    ):
        rules.moderation = "publish"
        rules.save()
        response = post(article, comment="A brand new thread")
        location = response["Location"]
        comment = ReaderComment.objects.latest("pk")
        assert location == f"{article.url}?comment={comment.pk}#c{comment.pk}"
        landed = client.get(location.split("#")[0])
        assert comment.pk in self.ids(landed)
        assert "page 3 of 3" in soup(landed).select_one(".comment-pages").text

    def test_a_busy_thread_starts_a_new_page_early(self, settings, client, article):
        settings.COMMENTS_PAGE_MAX_COMMENTS = 4
        first = self.post(article, "first")
        for n in range(3):
            self.post(article, f"r{n}", first)
        second = self.post(article, "second")
        roots, _ = comment_tree(article, max_depth=2)
        assert len(roots) == 2
        # 4 comments fill page 1; the second thread goes to page 2.
        assert self.ids(client.get(article.url)) == [first.pk]
        assert self.ids(client.get(f"{article.url}?cpage=2")) == [second.pk]
        settings.COMMENTS_PAGE_MAX_COMMENTS = 5
        assert self.ids(client.get(article.url)) == [first.pk, second.pk]
