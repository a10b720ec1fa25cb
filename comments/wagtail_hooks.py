"""Wagtail admin wiring for reader comments: the URLs, the menu item with
the number awaiting moderation, and a dashboard panel.

The menu is called "Reader comments" so editors do not confuse it with
Wagtail's built-in comments on page drafts."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem

from . import admin_urls
from .models import ReaderComment
from .permissions import comments_moderatable_by, may_use_moderation_admin

MENU_LABEL = "Reader comments"
DASHBOARD_LIMIT = 5


def pending_for(user):
    """Comments awaiting moderation that `user` may moderate."""
    return comments_moderatable_by(user, ReaderComment.objects.pending())


class ReaderCommentsMenuItem(MenuItem):
    """The menu entry, shown only to moderators and authors, with the number
    of comments waiting for them in its label.

    Wagtail 8's sidebar has no count badge for plain links (only for
    submenus' "new" items), so the count goes in the label, e.g.
    "Reader comments (3)"."""

    def is_shown(self, request):
        return may_use_moderation_admin(request.user)

    def render_component(self, request):
        # Menu items are shared between requests: build the label per request
        # rather than storing the count on `self`.
        count = pending_for(request.user).count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs={**self.attrs, "data-pending-count": count},
        )


class PendingCommentsPanel(Component):
    """Dashboard panel: the newest comments waiting for this user."""

    name = "reader_comments_pending"
    template_name = "reader_comments/admin/dashboard_panel.html"
    order = 200  # before Wagtail's workflow panels (210, 220)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        pending = pending_for(request.user)
        return {
            "request": request,
            "csrf_token": parent_context["csrf_token"],
            "comments": pending.select_related("article").order_by(
                "-submit_date", "-pk"
            )[:DASHBOARD_LIMIT],
            "pending_count": pending.count(),
        }


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reader-comments/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ReaderCommentsMenuItem(
        MENU_LABEL,
        reverse("reader_comments_admin:index"),
        name="reader-comments",
        icon_name="comment",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if may_use_moderation_admin(request.user):
        panels.append(PendingCommentsPanel())
