"""Plain views outside the page tree."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .seo import absolute_url

# Crawlers may read everything readers can, except the admin, the search
# results (endless combinations of queries) and the comment form's endpoints.
DISALLOWED = ("/admin/", "/search/", "/comments/")


@require_GET
def robots_txt(request):
    """robots.txt: what crawlers should skip, and where the sitemap is."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines += ["", f"Sitemap: {absolute_url(request, reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
