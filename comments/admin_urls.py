"""URLs of the "Reader comments" admin screens, mounted under the Wagtail
admin at reader-comments/ by `comments.wagtail_hooks`."""

from django.urls import path

from . import admin_views

app_name = "reader_comments_admin"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("bulk/", admin_views.bulk_action, name="bulk"),
    path("<int:pk>/", admin_views.edit, name="edit"),
    path("<int:pk>/reply/", admin_views.reply, name="reply"),
]
