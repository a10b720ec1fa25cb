import pytest
from bs4 import BeautifulSoup

from comments import services
from comments.avatars import colour_index, initials
from comments.models import CommentSettings, ReaderComment
from comments.selectors import comment_tree
from comments.text import render_comment_text


class TestCommentText:
    def test_paragraphs_and_line_breaks_are_kept(self):
        html = render_comment_text("One\ntwo\r\n\r\nThree")
        assert html == "<p>One<br>two</p><p>Three</p>"

    def test_urls_become_user_content_links(self):
        html = BeautifulSoup(
            render_comment_text("See https://ex.com/a?b=1"), "html.parser"
        )
        link = html.a
        assert link["href"] == "https://ex.com/a?b=1"
        assert link["rel"] == ["nofollow", "ugc", "noopener"]

    @pytest.mark.parametrize(
        "payload",
        [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            "<a href='javascript:alert(1)'>x</a>",
            "**bold** and [link](javascript:alert(1))",
            "<svg onload=alert(1)>",
        ],
    )
    def test_markup_is_escaped_never_rendered(self, payload):
        html = BeautifulSoup(render_comment_text(payload), "html.parser")
        assert html.find(["script", "img", "svg", "strong"]) is None
        assert all(not a["href"].startswith("javascript") for a in html.find_all("a"))
        assert html.get_text() == payload


class TestAvatars:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [("Jo Runner", "JR"), ("madonna", "M"), ("Ana de la Cruz", "AC"), ("", "?")],
    )
    def test_initials(self, name, expected):
        assert initials(name) == expected

    def test_colour_is_stable_per_name(self):
        assert colour_index("Jo") == colour_index(" jo ")
        assert 0 <= colour_index("Someone") < 8


@pytest.mark.django_db
class TestTree:
    def post(self, article, text, parent=None, rules=None):
        rules = rules or CommentSettings(moderation="publish", hold_links=0)
        return services.post_comment(
            article=article,
            rules=rules,
            name="N",
            email=f"{text}@x.example",
            text=text,
            parent_id=parent.pk if parent else 0,
        ).comment

    def test_replies_nest_in_thread_order_and_numbers_follow_time(self, make_article):
        article = make_article()
        a = self.post(article, "a")
        b = self.post(article, "b")
        a1 = self.post(article, "a1", a)
        a2 = self.post(article, "a2", a)
        a1x = self.post(article, "a1x", a1)
        roots, count = comment_tree(article, max_depth=2)
        assert count == 5
        assert [n.comment.pk for n in roots] == [a.pk, b.pk]
        assert [n.comment.pk for n in roots[0].children] == [a1.pk, a2.pk]
        assert roots[0].children[0].children[0].comment.pk == a1x.pk
        assert roots[0].children[0].children[0].can_reply is False
        assert [roots[0].number, roots[1].number, roots[0].children[1].number] == [
            1,
            2,
            4,
        ]

    def test_replies_of_a_hidden_comment_are_hidden(self, make_article):
        article = make_article()
        a = self.post(article, "a")
        self.post(article, "a1", a)
        services.unpublish_comment(comment=a)
        roots, count = comment_tree(article, max_depth=2)
        assert roots == [] and count == 0
        services.approve_comment(comment=a)
        roots, count = comment_tree(article, max_depth=2)
        assert count == 2  # the reply kept its own approval

    def test_own_pending_comment_is_shown_but_not_counted(self, make_article):
        article = make_article()
        held = self.post(article, "held", rules=CommentSettings(moderation="hold_all"))
        assert comment_tree(article, max_depth=2) == ([], 0)
        roots, count = comment_tree(article, max_depth=2, own_ids=[held.pk])
        assert count == 0 and roots[0].awaiting_moderation

    def test_spam_and_removed_are_never_shown_even_to_their_author(self, make_article):
        article = make_article()
        spam = self.post(article, "s")
        services.mark_spam(comment=spam)
        gone = self.post(article, "g")
        services.remove_comment(comment=gone)
        assert comment_tree(article, max_depth=2, own_ids=[spam.pk, gone.pk]) == ([], 0)

    @pytest.mark.parametrize("count", [0, 30])
    def test_article_page_queries_do_not_grow_with_comments(
        self, client, make_article, django_assert_max_num_queries, count
    ):
        article = make_article()
        parents = []
        for number in range(count):
            parent = parents[number % len(parents)] if number % 3 and parents else None
            comment = self.post(article, f"c{number}", parent)
            if parent is None:
                parents.append(comment)
        client.get(article.url)  # the first view creates the site's settings row
        with django_assert_max_num_queries(15):
            response = client.get(article.url)
        page = BeautifulSoup(response.content, "html.parser")
        assert len(page.select(".comment")) == ReaderComment.objects.count() == count
