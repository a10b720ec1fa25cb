"""Pages of the blog: the index at the site root and the articles under it."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from . import seo
from .blocks import BodyBlock
from .reach import article_reach_context
from .routes import BlogRoutesMixin
from .snippets import Author, CallToAction, Category  # noqa: F401 - registers the models

ARTICLES_PER_PAGE = 10
# Article slugs that the index's routes or the site's URLs already answer.
RESERVED_SLUGS = {"search", "feeds", "admin", "comments", "documents"}


def paginate(request, queryset, per_page):
    """Return the requested page of `queryset`.

    A page number that is not a number gives page 1 (links from old or
    hand-edited URLs still land somewhere useful); a number past the end is a
    404 so crawlers do not index endless copies of the last page."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage as error:
        raise Http404("No such page of articles.") from error


def published_comment_count():
    """Annotation: the number of comments readers can see on each article."""
    return Count(
        "reader_comments",
        filter=Q(
            reader_comments__is_public=True,
            reader_comments__is_removed=False,
            reader_comments__is_spam=False,
        ),
    )


class BlogIndexPage(BlogRoutesMixin, Page):
    """The site's home page: the newest articles first, ten to a page, plus
    category, tag and author archives and the search page (see routes.py)."""

    intro = models.TextField(
        blank=True, max_length=400, help_text="A sentence or two under the site title."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = "blog index page"

    def get_articles(self):
        """Live, public articles under this index, newest first, ready to list."""
        return (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("author", "hero_image")
            .prefetch_related("hero_image__renditions")
            .annotate(comment_count=published_comment_count())
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = articles = paginate(
            request, self.get_articles(), ARTICLES_PER_PAGE
        )
        context["meta"] = seo.index_meta(self, request, articles.number)
        return context


class ArticlePageManager(PageManager):
    """Loads what every article shows (hero image, author and reviewer with
    their photos) in the same query as the article.

    Wagtail fetches the page it serves through the default manager, so this
    keeps those lookups out of the article page's query budget."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("hero_image", "author__photo", "reviewer__photo")
        )


class ArticlePageTag(TaggedItemBase):
    """Links tags to articles (django-taggit through a cluster key)."""

    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(Page):
    """An article: intro, hero image, author, a body of blocks, and a
    "Read next" suggestion."""

    intro = models.TextField(
        max_length=300,
        verbose_name="excerpt",
        help_text="One or two sentences shown under the title and in article lists.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Optional wide image at the top. Its description is used as alt text."
        ),
    )
    author = models.ForeignKey(
        "articles.Author",
        null=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    reviewer = models.ForeignKey(
        "articles.Author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        verbose_name="medical reviewer",
        help_text="Optional: the clinician who checked this article.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        verbose_name="last reviewed",
        help_text="When the reviewer last checked the article. Needs a reviewer.",
    )
    categories = ParentalManyToManyField(
        "articles.Category", blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(BodyBlock())
    read_next = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="read next",
        help_text=(
            "Leave empty to suggest the newest article sharing a tag or category."
        ),
    )
    allow_comments = models.BooleanField(
        default=True, help_text="Readers can comment under this article."
    )
    minor_change = models.BooleanField(
        default=False,
        verbose_name="this is a minor change",
        help_text=(
            "Tick for typo fixes: publishing will not move the 'Last updated' date."
        ),
    )
    last_updated_at = models.DateTimeField(
        null=True,
        editable=False,
        help_text="When the last non-minor change was published.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("author"),
        MultiFieldPanel(
            [FieldPanel("reviewer"), FieldPanel("last_reviewed")],
            heading="Medical review",
        ),
        FieldPanel("body"),
        PageChooserPanel("read_next", page_type="articles.ArticlePage"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("categories"), FieldPanel("tags")], heading="Topics"
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("allow_comments"),
        FieldPanel("minor_change"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["articles.BlogIndexPage"]
    subpage_types = []

    objects = ArticlePageManager()

    class Meta:
        verbose_name = "article"

    def get_absolute_url(self):
        """django-comments-xtd links to comments through this; Wagtail pages
        have no such method by default."""
        return self.url

    def get_context(self, request, *args, comment_form=None, **kwargs):
        # Imported here: the comments app builds on articles, not the reverse.
        from comments.selectors import comment_section

        context = super().get_context(request, *args, **kwargs)
        # Listed once here and reused by the template and the read-next lookup.
        context["categories"] = categories = list(self.categories.all())
        context["tags"] = tags = list(self.tags.all())
        context["read_next"] = self.get_read_next(tags=tags, categories=categories)
        context.update(comment_section(self, request, form=comment_form))
        context.update(article_reach_context(self, request, context))
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                f"“{self.slug}” is used by the site itself; choose another."
            )
        if self.last_reviewed and not self.reviewer_id:
            errors["reviewer"] = "Choose who reviewed the article, or clear the date."
        if self.reviewer_id and not self.last_reviewed:
            errors["last_reviewed"] = "Give the date the reviewer last checked it."
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The review date cannot be in the future."
        if errors:
            raise ValidationError(errors)

    def get_sitemap_urls(self, request=None):
        """Lastmod is the last real update: minor changes do not move it."""
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["lastmod"] = self.last_updated_at or url["lastmod"]
        return urls

    def with_content_json(self, content):
        """Keep page-wide values out of revisions.

        `last_updated_at` is set only when a revision is published, so the
        value in the database wins over the one stored in the revision. The
        minor-change tick belongs to one revision: it starts unticked each time
        an editor opens the page, and publishing reads it from the revision."""
        page = super().with_content_json(content)
        page.last_updated_at = self.last_updated_at
        page.minor_change = False
        return page

    @property
    def was_updated(self):
        """Whether to show "Last updated on" beside "Published on"."""
        if not (self.first_published_at and self.last_updated_at):
            return False
        return self.last_updated_at.date() > self.first_published_at.date()

    def get_read_next(self, tags=None, categories=None):
        """The editor's choice when it is live and public, otherwise the
        newest other article sharing a tag or category (or None)."""
        choice = self._chosen_read_next()
        if choice is not None:
            return choice
        # Iterate rather than values_list(): on a page built from a revision
        # these are in-memory cluster relations, not database querysets.
        tag_ids = [tag.pk for tag in (tags if tags is not None else self.tags.all())]
        category_ids = [
            category.pk
            for category in (
                categories if categories is not None else self.categories.all()
            )
        ]
        if not (tag_ids or category_ids):
            return None
        return (
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(
                Q(tagged_items__tag_id__in=tag_ids) | Q(categories__in=category_ids)
            )
            .order_by("-first_published_at", "-pk")
            .distinct()
            .first()
        )

    def _chosen_read_next(self):
        """The chosen article, only while it is live and public (two queries:
        view restrictions and the article)."""
        if not self.read_next_id:
            return None
        return ArticlePage.objects.live().public().filter(pk=self.read_next_id).first()
