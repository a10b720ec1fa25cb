"""Where pages may be created, and that they render and edit in the admin."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticlePage, BlogIndexPage
from tests.admin_forms import article_form_data
from tests.factories import ArticlePageFactory, BlogIndexPageFactory, publish


class PageRulesTests(WagtailPageTestCase):
    def test_articles_live_only_under_a_blog_index(self):
        self.assertCanCreateAt(BlogIndexPage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertAllowedParentPageTypes(ArticlePage, {BlogIndexPage})

    def test_blog_index_sits_at_the_root_and_holds_only_articles(self):
        self.assertCanCreateAt(Page, BlogIndexPage)
        self.assertCanNotCreateAt(BlogIndexPage, BlogIndexPage)
        self.assertAllowedSubpageTypes(BlogIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_pages_render_and_edit(self):
        index = BlogIndexPageFactory(parent=Page.get_first_root_node(), slug="b")
        Site.objects.filter(is_default_site=True).update(root_page=index)
        article = publish(ArticlePageFactory(parent=index))
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(article)
        self.assertPageIsEditable(
            article,
            article_form_data(
                title=article.title,
                slug=article.slug,
                intro=article.intro,
                author=article.author,
                body=[("paragraph", "<p>Edited.</p>")],
            ),
        )
