from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Pages, body blocks and reusable snippets for the blog."""

    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from wagtail.signals import page_published

        from . import page_cache
        from .models import ArticlePage
        from .signals import record_last_updated, reindex_with_relations

        page_published.connect(record_last_updated, sender=ArticlePage)
        page_published.connect(reindex_with_relations, sender=ArticlePage)
        page_cache.connect_signals()
