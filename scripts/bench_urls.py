"""URLs for the benchmark: the site's own, plus the names the stock
django-comments-xtd templates reverse (reply and comment-permalink links),
which this project does not otherwise serve."""

from django.http import HttpResponse
from django.urls import include, path

from runningblog.urls import urlpatterns as site_urlpatterns


def _unused(request, *args, **kwargs):
    return HttpResponse(status=404)


urlpatterns = [
    path("xtd/reply/<int:cid>/", _unused, name="comments-xtd-reply"),
    path("xtd/", include("django_comments.urls")),
    *site_urlpatterns,
]
