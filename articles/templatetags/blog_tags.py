"""Template helpers for the blog's own addresses and page metadata."""

from django import template

from articles.routes import archive_url
from articles.structured_data import render_json_ld

register = template.Library()


@register.simple_tag
def blog_url(name, slug=None):
    """`{% blog_url "search" %}`, `{% blog_url "category" slug %}`: an
    address served by the blog index (see articles/routes.py)."""
    return archive_url(name, slug)


@register.filter
def json_ld(data):
    """`{{ structured_data|json_ld }}`: a JSON-LD <script> element, escaped so
    text inside it (a reader's comment) cannot end the element."""
    return render_json_ld(data) if data else ""
