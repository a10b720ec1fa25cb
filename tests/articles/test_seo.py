"""What search engines and social sites read: sitemap.xml, robots.txt, the
canonical URL, meta description, OpenGraph/Twitter cards and JSON-LD."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from articles.models import ArticlePage
from articles.structured_data import render_json_ld
from comments.models import CommentSettings
from tests.comment_helpers import add_comment
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, publish

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def meta(html, key):
    tag = html.find("meta", attrs={"property": key}) or html.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def json_ld(html):
    (script,) = html.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def node(graph, kind):
    (found,) = [item for item in graph["@graph"] if item["@type"] == kind]
    return found


class TestSitemapAndRobots:
    def test_sitemap_lists_home_articles_and_archives_with_lastmod(
        self, client, make_article
    ):
        category = CategoryFactory(slug="injuries")
        with freeze_time("2026-01-10 09:00"):
            article = make_article(categories=[category])
        CategoryFactory(slug="empty")  # no articles: no entry
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        entries = {
            url.find(f"{SITEMAP}loc").text: getattr(
                url.find(f"{SITEMAP}lastmod"), "text", None
            )
            for url in root.iter(f"{SITEMAP}url")
        }
        assert entries[f"http://localhost{article.url}"].startswith("2026-01-10")
        assert "http://localhost/" in entries
        assert "http://localhost/category/injuries/" in entries
        assert f"http://localhost/author/{article.author.slug}/" in entries
        assert "http://localhost/category/empty/" not in entries

    def test_a_minor_change_does_not_move_the_sitemap_lastmod(
        self, client, make_article
    ):
        with freeze_time("2026-01-10 09:00"):
            article = make_article()
        with freeze_time("2026-03-01 09:00"):
            draft = ArticlePage.objects.get(
                pk=article.pk
            ).get_latest_revision_as_object()
            draft.minor_change = True
            publish(draft)
        xml = client.get("/sitemap.xml").content.decode()
        assert "2026-01-10" in xml and "2026-03-01" not in xml

    def test_drafts_are_not_in_the_sitemap(self, client, blog_index):
        from tests.factories import ArticlePageFactory

        draft = ArticlePageFactory(parent=blog_index, slug="draft-one", live=False)
        assert draft.slug not in client.get("/sitemap.xml").content.decode()

    def test_robots_txt_points_at_the_sitemap(self, client, blog_index):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "Sitemap: http://localhost/sitemap.xml" in lines
        assert "Disallow: /admin/" in lines
        assert "Disallow: /search/" in lines
        assert "Disallow: /" not in lines  # the site itself stays crawlable


class TestHeadTags:
    def test_article_has_canonical_description_and_cards_with_hero_image(
        self, client, make_article
    ):
        article = make_article(
            title="Knee pain", intro="Why knees ache.", hero_image=ImageFactory()
        )
        html = soup(client, article.url)
        url = f"http://localhost{article.url}"
        assert html.select_one('link[rel="canonical"]')["href"] == url
        assert meta(html, "description") == "Why knees ache."
        assert meta(html, "og:type") == "article"
        assert meta(html, "og:title") == "Knee pain"
        assert meta(html, "og:url") == url
        image = meta(html, "og:image")
        assert image.startswith("http://localhost/media/images/")
        assert image.endswith(".jpg")
        assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == (
            "1200",
            "630",
        )
        assert meta(html, "og:image:alt") == "A runner stretching on a track"
        assert meta(html, "twitter:card") == "summary_large_image"
        assert meta(html, "twitter:image") == image
        # The rendition file exists where the URL points (media is not
        # served by Django in tests).
        assert default_storage.exists(image.removeprefix("http://localhost/media/"))

    def test_search_description_wins_over_the_excerpt(self, client, make_article):
        article = make_article(intro="Excerpt.", search_description="For Google.")
        html = soup(client, article.url)
        assert meta(html, "description") == "For Google."
        assert meta(html, "og:description") == "For Google."

    def test_without_hero_image_the_card_is_small(self, client, make_article):
        html = soup(client, make_article().url)
        assert meta(html, "og:image") is None
        assert meta(html, "twitter:card") == "summary"

    def test_home_page_has_canonical_and_description(self, client, blog_index):
        blog_index.intro = "Running injuries explained."
        blog_index.save()
        html = soup(client, "/")
        assert html.select_one('link[rel="canonical"]')["href"] == "http://localhost/"
        assert meta(html, "description") == "Running injuries explained."
        assert meta(html, "og:type") == "website"

    def test_user_text_in_head_is_escaped(self, client, make_article):
        article = make_article(title='"><script>alert(1)</script>', intro="<b>")
        html = soup(client, article.url)
        assert html.find("script", string="alert(1)") is None
        assert meta(html, "og:title") == '"><script>alert(1)</script>'


class TestJsonLd:
    @pytest.fixture
    def article(self, make_article):
        with freeze_time("2026-01-10 09:00"):
            article = make_article(
                title="Shin splints",
                intro="Why shins hurt.",
                author=AuthorFactory(name="Sam Carter", slug="sam", role="Physio"),
                categories=[CategoryFactory(name="Injuries", slug="injuries")],
                hero_image=ImageFactory(),
            )
        return article

    def test_blog_posting_has_headline_author_dates_image_and_comments(
        self, client, article
    ):
        first = add_comment(article, "Ice helped.", name="Ana")
        add_comment(article, "Same here.", parent=first, name="Ben")
        add_comment(article, "Great read.", name="Cy")
        graph = json_ld(soup(client, article.url))
        assert graph["@context"] == "https://schema.org"
        posting = node(graph, "BlogPosting")
        url = f"http://localhost{article.url}"
        assert posting["headline"] == "Shin splints"
        assert posting["url"] == url
        assert posting["author"] == {
            "@type": "Person",
            "name": "Sam Carter",
            "url": "http://localhost/author/sam/",
            "jobTitle": "Physio",
        }
        assert posting["datePublished"].startswith("2026-01-10T09:00:00")
        assert posting["dateModified"].startswith("2026-01-10")
        assert posting["image"].startswith("http://localhost/media/images/")
        assert posting["commentCount"] == 3
        ana, cy = posting["comment"]
        assert (ana["author"]["name"], ana["text"]) == ("Ana", "Ice helped.")
        assert ana["url"] == f"{url}#c{first.pk}"
        assert [reply["text"] for reply in ana["comment"]] == ["Same here."]
        assert cy["@type"] == "Comment" and "comment" not in cy

    def test_held_spam_and_removed_comments_are_left_out(self, client, article):
        from comments import services

        add_comment(article, "Shown.")
        spam = add_comment(article, "Spam.")
        services.mark_spam(comment=spam)
        add_comment(article, "Held.", rules=CommentSettings(moderation="hold_all"))
        posting = node(json_ld(soup(client, article.url)), "BlogPosting")
        assert [item["text"] for item in posting["comment"]] == ["Shown."]
        assert posting["commentCount"] == 1

    def test_breadcrumbs_go_home_category_article(self, client, article):
        trail = node(json_ld(soup(client, article.url)), "BreadcrumbList")
        items = [(item["position"], item["name"]) for item in trail["itemListElement"]]
        assert items == [(1, "Home"), (2, "Injuries"), (3, "Shin splints")]
        assert trail["itemListElement"][1]["item"] == (
            "http://localhost/category/injuries/"
        )

    @pytest.mark.parametrize(
        "text",
        [
            "</script><script>alert(1)</script>",
            "</SCRIPT ><img src=x onerror=alert(1)>",
            "<!-- <script>",
            "]]> & \u2028 \"quotes\" 'single'",
        ],
    )
    def test_a_comment_cannot_break_out_of_the_script(self, client, article, text):
        add_comment(article, text)
        response = client.get(article.url)
        html = BeautifulSoup(response.content, "html.parser")
        assert html.find("script", string="alert(1)") is None
        assert html.find("img", src="x") is None
        script = html.find("script", type="application/ld+json").string
        assert "<" not in script and ">" not in script
        posting = node(json.loads(script), "BlogPosting")
        assert posting["comment"][0]["text"] == text

    def test_render_json_ld_escapes_markup_characters(self):
        html = render_json_ld({"text": "</script>&"})
        assert html == (
            '<script type="application/ld+json">'
            '{"text": "\\u003C/script\\u003E\\u0026"}</script>'
        )
        assert json.loads(html.split(">", 1)[1].rsplit("<", 1)[0]) == {
            "text": "</script>&"
        }


class TestMedicalReview:
    @pytest.fixture
    def reviewer(self):
        return AuthorFactory(name="Dr Lee", slug="dr-lee", role="Sports physician")

    def test_reviewed_article_shows_reviewer_and_date_and_says_so_in_json_ld(
        self, client, make_article, reviewer
    ):
        article = make_article(reviewer=reviewer, last_reviewed=dt.date(2026, 2, 3))
        html = soup(client, article.url)
        line = html.select_one(".article__review")
        assert " ".join(line.text.split()) == (
            "Medically reviewed by Dr Lee, Sports physician · "
            "Last reviewed on 3 February 2026"
        )
        assert line.a["href"] == "/author/dr-lee/"
        page = node(json_ld(html), "MedicalWebPage")
        assert page["lastReviewed"] == "2026-02-03"
        assert page["reviewedBy"]["name"] == "Dr Lee"
        assert page["mainEntity"] == {"@id": f"http://localhost{article.url}#article"}

    def test_the_reviewer_costs_no_extra_query(
        self, client, make_article, reviewer, settings
    ):
        settings.PAGE_CACHE_SECONDS = 0  # count the rendering, not a cache hit

        def queries(article):
            client.get(article.url)  # warm the site's caches
            with CaptureQueriesContext(connection) as captured:
                client.get(article.url)
            return len(captured)

        reviewed = make_article(reviewer=reviewer, last_reviewed=dt.date(2026, 2, 3))
        assert queries(reviewed) == queries(make_article())

    def test_unreviewed_article_is_a_plain_web_page(self, client, make_article):
        html = soup(client, make_article().url)
        assert html.select_one(".article__review") is None
        page = node(json_ld(html), "WebPage")
        assert "reviewedBy" not in page and "lastReviewed" not in page

    def test_reviewer_and_date_go_together_and_the_date_is_not_in_the_future(
        self, make_article, reviewer
    ):
        article = make_article()
        article.reviewer, article.last_reviewed = reviewer, None
        with pytest.raises(ValidationError) as missing_date:
            article.full_clean()
        assert "last_reviewed" in missing_date.value.message_dict
        article.reviewer, article.last_reviewed = None, dt.date(2026, 1, 1)
        with pytest.raises(ValidationError) as missing_reviewer:
            article.full_clean()
        assert "reviewer" in missing_reviewer.value.message_dict
        with freeze_time("2026-01-01"):
            article.reviewer, article.last_reviewed = reviewer, dt.date(2026, 1, 2)
            with pytest.raises(ValidationError):
                article.full_clean()
            article.last_reviewed = dt.date(2026, 1, 1)
            article.full_clean()  # both given, today: accepted


class TestReservedSlugs:
    @pytest.mark.parametrize("slug", ["search", "feeds"])
    def test_slugs_the_site_answers_itself_are_refused(self, make_article, slug):
        article = make_article()
        article.slug = slug
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "slug" in error.value.message_dict

    def test_other_slugs_are_fine(self, make_article):
        article = make_article()
        article.slug = "searching-for-answers"
        article.full_clean()
