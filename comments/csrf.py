"""Keeping the comment form working on a cached page.

A page served from the page cache is shared by every anonymous reader, so it
carries no CSRF token and its form's timestamp and security hash may be a
few minutes old. `static/js/fresh-tokens.js` fetches fresh ones from
`form_tokens` before the reader posts. Without JavaScript the post fails the
CSRF check; `csrf_failure` then shows the article again with the reader's
text in a fresh form (and sets the CSRF cookie), so sending again works."""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import ArticlePage

from .forms import ArticleCommentForm

# What a reader typed; everything else in the form is regenerated.
READER_FIELDS = ("name", "email", "url", "comment", "reply_to", "followup")


def _live_article(article_id):
    return get_object_or_404(ArticlePage.objects.live().public(), pk=article_id)


@require_GET
@never_cache
def form_tokens(request, article_id):
    """A fresh CSRF token, timestamp and security hash for an article's form."""
    article = _live_article(article_id)
    security = ArticleCommentForm(article).generate_security_data()
    return JsonResponse(
        {
            "csrfmiddlewaretoken": get_token(request),
            "timestamp": security["timestamp"],
            "security_hash": security["security_hash"],
        }
    )


def _comment_article(request):
    """The article a failed comment post was for, or None for other forms."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name != "reader_comments:post":
        return None
    return (
        ArticlePage.objects.live().public().filter(pk=match.kwargs["article_id"])
    ).first()


def _back_url(request):
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if referer and allowed else "/"


@never_cache
def csrf_failure(request, reason=""):
    """`CSRF_FAILURE_VIEW`: explain, keep the reader's comment, link back.

    The reader's text is only shown back to them in a form they must send
    again themselves; nothing is stored."""
    article = _comment_article(request)
    if article is not None:
        initial = {name: request.POST.get(name, "") for name in READER_FIELDS}
        form = ArticleCommentForm(article, initial=initial, user=request.user)
        form.expired = True
        context = article.get_context(request, comment_form=form)
        template = article.get_template(request)
        return TemplateResponse(request, template, context, status=403)
    context = {"back_url": _back_url(request)}
    return TemplateResponse(request, "403_csrf.html", context, status=403)
