"""Signal receivers for articles; connected in `ArticlesConfig.ready`."""

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
