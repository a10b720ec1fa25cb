"""Pages the blog index serves under its own address: archives of a
category, a tag or an author, and the site search.

The blog index is the site's root page, so these live at /category/<slug>/,
/tag/<slug>/, /author/<slug>/ and /search/. Each is paginated like the
home page: ?page=abc gives page 1, a page past the end is a 404."""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from . import search, seo
from .snippets import Author, Category

SEARCH_RESULTS_PER_PAGE = 10


@dataclass
class Archive:
    """What an archive page says about itself."""

    kind: str
    title: str
    description: str
    empty_message: str
    author: Author | None = None
    feeds: list = field(default_factory=list)


def archive_url(name, slug=None):
    """The address of an archive or the search page on the current site.

    Built without a query: the routes are fixed and the index is the root.
    An empty slug (a name with no letters a URL can hold) gives ""."""
    if slug == "":
        return ""
    kwargs = {"slug": slug} if slug is not None else {}
    return "/" + BlogRoutesMixin.get_resolver().reverse(name, **kwargs)


class BlogRoutesMixin(RoutablePageMixin):
    """Archive and search routes for the blog index.

    The page using it provides `get_articles()`: live, public articles ready
    to list."""

    @path("category/<str:slug>/", name="category")
    def category_archive(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        archive = Archive(
            kind="category",
            title=category.name,
            description=category.description
            or f"Articles about {category.name.lower()}, newest first.",
            empty_message="No articles in this category yet.",
            feeds=seo.feed_links(f"{category.name} articles", "category", slug),
        )
        articles = self.get_articles().filter(categories=category)
        return self.render_archive(request, archive, articles)

    @path("tag/<str:slug>/", name="tag")
    def tag_archive(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        archive = Archive(
            kind="tag",
            title=f"Tagged “{tag.name}”",
            description=f"Articles tagged “{tag.name}”, newest first.",
            empty_message="No published articles have this tag yet.",
            feeds=seo.feed_links(f"Articles tagged {tag.name}", "tag", slug),
        )
        articles = self.get_articles().filter(tagged_items__tag=tag)
        # Tags are free text: one used only by drafts gets no public page.
        return self.render_archive(request, archive, articles, require_any=True)

    @path("author/<str:slug>/", name="author")
    def author_archive(self, request, slug):
        author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
        archive = Archive(
            kind="author",
            title=author.name,
            description=author.bio or f"Articles by {author.name}, newest first.",
            empty_message=f"{author.name} has not published any articles yet.",
            author=author,
        )
        articles = self.get_articles().filter(author=author)
        return self.render_archive(request, archive, articles)

    @path("search/", name="search")
    def search_view(self, request):
        from .models import ArticlePage, paginate

        query = search.clean_query(request.GET.get("q"))
        results = search.search_articles(
            ArticlePage.objects.live().public().child_of(self), query
        )
        page_obj = paginate(request, results, SEARCH_RESULTS_PER_PAGE)
        # Search results carry no list annotations; fetch the shown ones
        # ready to list (author, image, comment count) in one query.
        ids = [hit.pk for hit in page_obj.object_list]
        listed = self.get_articles().in_bulk(ids)
        found = [listed[pk] for pk in ids if pk in listed]
        page_obj.object_list = search.build_hits(found, search.query_terms(query))
        context = self._base_context(request)
        if query and not found:
            # Somewhere to go next: the categories that have articles.
            context["categories"] = Category.objects.filter(
                articles__in=self.live_article_ids()
            ).distinct()
        context.update(
            query=query,
            results=page_obj,
            meta=seo.PageMeta(
                title=f"Search: {query}" if query else "Search",
                description="Search the articles.",
                noindex=True,
            ),
        )
        return TemplateResponse(request, "articles/search.html", context)

    def get_sitemap_urls(self, request=None):
        """The home page, then every category and author with a live article.

        Tag pages are left out: free-text tags make many thin pages."""
        urls = super().get_sitemap_urls(request)
        root = self.get_full_url(request).rstrip("/")
        live = self.live_article_ids()
        categories = Category.objects.filter(articles__in=live).distinct()
        authors = Author.objects.filter(articles__in=live).distinct()
        for name, items in (("category", categories), ("author", authors)):
            urls.extend(
                {"location": root + archive_url(name, item.slug)}
                for item in items
                if item.slug
            )
        return urls

    def live_article_ids(self):
        """A subquery of the live, public articles' ids, for filters."""
        from .models import ArticlePage

        return ArticlePage.objects.live().public().child_of(self).values("pk")

    def render_archive(self, request, archive, articles, require_any=False):
        """An archive page listing `articles`, ten to a page."""
        from .models import ARTICLES_PER_PAGE, paginate

        page_obj = paginate(request, articles, ARTICLES_PER_PAGE)
        if require_any and not page_obj.paginator.count:
            raise Http404("No published articles here.")
        context = self._base_context(request)
        context.update(
            archive=archive,
            articles=page_obj,
            meta=seo.PageMeta(
                title=archive.title,
                description=archive.description,
                url=seo.page_url(request, request.path, page_obj.number),
                feeds=archive.feeds,
            ),
        )
        return TemplateResponse(request, "articles/archive.html", context)

    def _base_context(self, request):
        # Page's own context (page, self, request) without the index's
        # article list, which these pages do not show.
        return Page.get_context(self, request)
