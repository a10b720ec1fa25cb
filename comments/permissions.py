"""Who may moderate which comments.

Superusers and members of the "Moderators" group (through the
`moderate_readercomment` permission) moderate everything; an article's author
moderates the comments on their own articles; nobody else moderates."""

MODERATE_ALL = "comments.moderate_readercomment"


def moderates_everything(user):
    return user.is_active and (user.is_superuser or user.has_perm(MODERATE_ALL))


def can_moderate_article(user, article):
    if not user.is_authenticated:
        return False
    if moderates_everything(user):
        return True
    author = article.author
    return author is not None and author.user_id == user.pk and user.is_active


def can_moderate(user, comment):
    return can_moderate_article(user, comment.article)


def comments_moderatable_by(user, queryset):
    """Narrow a comment queryset to those `user` may moderate (maybe none)."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if moderates_everything(user):
        return queryset
    return queryset.filter(article__author__user=user)


def may_use_moderation_admin(user):
    """Whether the "Reader comments" screens are shown to this user at all."""
    if not user.is_authenticated or not user.is_active:
        return False
    return moderates_everything(user) or hasattr(user, "author_profile")
