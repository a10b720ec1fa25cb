"""Public views: posting and reporting comments.

Both are POST-only and CSRF-protected. Bad input gets a clear message and
the reader's text back in the form; tampered hidden fields get a 400."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles.models import ArticlePage

from . import pending, ratelimit, services
from .forms import ArticleCommentForm
from .models import CommentSettings, ReaderComment


def client_ip(request):
    """The address the request came from, as the web server saw it.

    Behind a proxy, configure it to set REMOTE_ADDR (gunicorn's
    --forwarded-allow-ips); X-Forwarded-For is never trusted here because a
    reader could forge it to dodge the rate limit."""
    return request.META.get("REMOTE_ADDR") or None


def _article(article_id):
    articles = ArticlePage.objects.live().public()
    return get_object_or_404(articles, pk=article_id)


def _safe_next(request, default):
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    # Only a path on this site: `redirect()` would take other strings for
    # URL pattern names (and fail on hostile ones).
    return target if allowed and target.startswith("/") else default


def _render_article(request, article, form, status=200):
    """The article page again, with the reader's form and its errors."""
    context = article.get_context(request, comment_form=form)
    template = article.get_template(request)
    return TemplateResponse(request, template, context, status=status)


def _refused(request, message, status):
    context = {"message": message}
    return TemplateResponse(request, "comments/refused.html", context, status=status)


@require_POST
def post_comment(request, article_id):
    article = _article(article_id)
    if not ratelimit.allow("comment", client_ip(request)):
        return _refused(
            request,
            "You have posted several comments in a short time. "
            "Please wait a minute and try again.",
            status=429,
        )
    form = ArticleCommentForm(article, data=request.POST, user=request.user)
    if not form.targets(article) or (
        not form.is_valid() and form.has_security_errors()
    ):
        return _refused(request, "This comment could not be accepted.", 400)
    if not form.is_valid():
        if form.has_expired():
            form = _refreshed(article, form, request)
        return _render_article(request, article, form)
    try:
        posted = services.post_comment(
            article=article,
            rules=CommentSettings.for_request(request),
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            url=form.cleaned_data["url"],
            text=form.cleaned_data["comment"],
            parent_id=form.cleaned_data["reply_to"] or 0,
            followup=form.cleaned_data["followup"],
            user=request.user,
            ip_address=client_ip(request),
        )
    except services.CommentError as error:
        form.add_error(_visible_field(form, error.field), error.message)
        return _render_article(request, article, form)
    comment = posted.comment
    # ?comment= opens the page of a long discussion that holds the comment.
    default = f"{article.url}?comment={comment.pk}"
    response = redirect(_safe_next(request, default) + f"#c{comment.pk}")
    if not comment.is_public:
        pending.remember(request, response, comment.pk)
    return response


def _visible_field(form, name):
    """Errors about hidden fields (the reply target) belong to the whole form."""
    if name in form.fields and not form.fields[name].widget.is_hidden:
        return name
    return None


def _refreshed(article, form, request):
    """A fresh form (new timestamp and hash) holding what the reader wrote."""
    fresh = ArticleCommentForm(article, initial=form.data.dict(), user=request.user)
    fresh.expired = True
    return fresh


def report_comment(request, comment_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    comment = get_object_or_404(
        ReaderComment.objects.published().select_related("article"), pk=comment_id
    )
    ip = client_ip(request)
    if not ratelimit.allow("report", ip):
        return _refused(request, "Too many reports. Please try again later.", 429)
    services.report_comment(
        comment=comment,
        ip_address=ip,
        rules=CommentSettings.for_request(request),
        reason=request.POST.get("reason", "")[:200],
    )
    context = {"article": comment.article}
    return TemplateResponse(request, "comments/reported.html", context)
