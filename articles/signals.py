"""Signal receivers for articles; connected in `ArticlesConfig.ready`."""

from wagtail.search import index

from .models import ArticlePage


def record_last_updated(sender, instance, revision, **kwargs):
    """Move "Last updated on" to this publication unless the editor marked
    the change as minor. The first publication always sets it."""
    minor = bool(revision.content.get("minor_change"))
    if instance.last_updated_at is not None and minor:
        return
    ArticlePage.objects.filter(pk=instance.pk).update(
        last_updated_at=instance.last_published_at
    )
    instance.last_updated_at = instance.last_published_at


def reindex_with_relations(sender, instance, **kwargs):
    """Index the published article again, tags included.

    The search index is updated on post_save, which fires before
    modelcluster writes the article's tags; with an immediate task backend
    (development, tests) the tags would be missing from the index."""
    index.insert_or_update_object(instance)
