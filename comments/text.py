"""Turn a reader's plain text into safe HTML.

Readers write plain text. Paragraphs and line breaks are kept and web
addresses become links marked as user content; everything else is escaped,
so no HTML or Markdown a reader types is ever rendered."""

import re

from django.utils.html import urlize
from django.utils.safestring import mark_safe

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
USER_LINK_REL = 'rel="nofollow ugc noopener"'


def render_comment_text(text):
    """HTML for a comment body: escaped, linked, in paragraphs."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]
    html = "".join(f"<p>{_render_paragraph(p)}</p>" for p in paragraphs)
    return mark_safe(html)  # noqa: S308 - every piece was escaped by urlize


def _render_paragraph(paragraph):
    # urlize escapes all text around the links it makes (autoescape=True).
    linked = urlize(paragraph, trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace('rel="nofollow"', USER_LINK_REL)
    return linked.replace("\n", "<br>")
