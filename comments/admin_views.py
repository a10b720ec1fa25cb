"""The "Reader comments" screens in the Wagtail admin: a listing with filters
and bulk actions, and a page per comment to edit it or reply to it.

Every view first asks `permissions.may_use_moderation_admin`, then narrows
comments with `permissions.comments_moderatable_by`, so an author only ever
sees (and acts on) comments under their own articles. Changes go through
`comments.services`."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from . import services
from .admin_forms import (
    BULK_ACTIONS,
    STATUS_LABELS,
    BulkActionForm,
    CommentFilterForm,
    EditCommentForm,
    ReplyForm,
    add_service_error,
)
from .models import CommentSettings, ReaderComment
from .permissions import can_moderate, comments_moderatable_by, may_use_moderation_admin

PER_PAGE = 20

ACTIONS = {
    "approve": (services.approve_comment, "Approved"),
    "unpublish": (services.unpublish_comment, "Unpublished"),
    "spam": (services.mark_spam, "Marked as spam"),
    "delete": (services.remove_comment, "Deleted"),
}


def moderators_only(view):
    """Refuse users who moderate nothing with a plain 403.

    Wagtail's own `require_admin_access` (applied to every admin URL) already
    sends anonymous users and accounts without admin access to the login
    page; this is the second gate, for editors who are not moderators."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(
                request.get_full_path(), reverse("wagtailadmin_login")
            )
        if not may_use_moderation_admin(request.user):
            # Raising PermissionDenied would be turned into a redirect to the
            # dashboard by Wagtail; an explicit 403 says plainly "not for you".
            return TemplateResponse(
                request, "reader_comments/admin/forbidden.html", status=403
            )
        return view(request, *args, **kwargs)

    return wrapped


def moderatable_comments(user):
    """Comments `user` may moderate, with what the screens display joined in."""
    return comments_moderatable_by(
        user, ReaderComment.objects.select_related("article", "article__author", "user")
    )


def paginate(request, queryset):
    """The requested page; a missing, malformed or out-of-range number gives
    page 1, so an old or hand-edited link never fails."""
    paginator = Paginator(queryset, PER_PAGE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)


def with_status_labels(comments):
    """Attach the label the template shows for each comment's state."""
    for comment in comments:
        comment.status_label = STATUS_LABELS[comment.status]


def safe_next(request, fallback):
    """The `next` URL when it points back into this site, else `fallback`."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


@moderators_only
def index(request):
    """Comments the user may moderate, filtered, searched, newest first."""
    comments = moderatable_comments(request.user)
    filters = CommentFilterForm(request.GET, comments=comments)
    listed = filters.filter(comments).order_by("-submit_date", "-pk")
    page = paginate(request, listed)
    with_status_labels(page.object_list)
    return TemplateResponse(
        request,
        "reader_comments/admin/index.html",
        {
            "page_obj": page,
            "comments": page.object_list,
            "filters": filters,
            "bulk_actions": BULK_ACTIONS.items(),
            "header_icon": "comment",
            "page_title": "Reader comments",
        },
    )


def _selected_comments(user, ids):
    """The comments among `ids` that `user` may moderate, each checked on its
    own: ids of other people's comments are dropped, never acted on."""
    candidates = ReaderComment.objects.filter(pk__in=ids).select_related(
        "article", "article__author"
    )
    return [comment for comment in candidates if can_moderate(user, comment)]


def _report_bulk_result(request, action, done, skipped):
    verb = ACTIONS[action][1]
    if done:
        noun = "comment" if done == 1 else "comments"
        messages.success(request, f"{verb} {done} {noun}.")
    if skipped:
        noun = "comment was" if skipped == 1 else "comments were"
        messages.warning(
            request,
            f"{skipped} selected {noun} skipped: they no longer exist or "
            "you cannot moderate them.",
        )


@require_POST
@moderators_only
def bulk_action(request):
    """Apply one action to the ticked comments, then go back where we came from."""
    back = safe_next(request, reverse("reader_comments_admin:index"))
    form = BulkActionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back)
    action, ids = form.cleaned_data["action"], form.cleaned_data["ids"]
    apply = ACTIONS[action][0]
    comments = _selected_comments(request.user, ids)
    with transaction.atomic():
        for comment in comments:
            apply(comment=comment)
    _report_bulk_result(request, action, len(comments), len(ids) - len(comments))
    return redirect(back)


def _render_comment_page(request, comment, edit_form, reply_form):
    comment.status_label = STATUS_LABELS[comment.status]
    return TemplateResponse(
        request,
        "reader_comments/admin/edit.html",
        {
            "comment": comment,
            "parent": _parent_of(request.user, comment),
            "edit_form": edit_form,
            "reply_form": reply_form,
            "bulk_actions": BULK_ACTIONS.items(),
            "header_icon": "comment",
            "page_title": f"Comment by {comment.user_name}",
        },
    )


def _parent_of(user, comment):
    """The comment this one replies to, for context (None for a top-level one)."""
    if comment.parent_id in (0, comment.pk):  # xtd makes a root its own parent
        return None
    return moderatable_comments(user).filter(pk=comment.parent_id).first()


@moderators_only
def edit(request, pk):
    """Show one comment; on POST, save corrected text."""
    comment = get_object_or_404(moderatable_comments(request.user), pk=pk)
    if request.method != "POST":
        edit_form = EditCommentForm(initial={"comment": comment.comment})
        return _render_comment_page(request, comment, edit_form, ReplyForm())
    edit_form = EditCommentForm(request.POST)
    if edit_form.is_valid():
        try:
            services.edit_comment(
                comment=comment, text=edit_form.cleaned_data["comment"]
            )
        except services.CommentError as error:
            add_service_error(edit_form, error)
        else:
            messages.success(request, "Comment saved.")
            return redirect("reader_comments_admin:edit", pk=comment.pk)
    return _render_comment_page(request, comment, edit_form, ReplyForm())


@require_POST
@moderators_only
def reply(request, pk):
    """Post a reply under the comment as the logged-in user.

    The service decides the badge (author or moderator) from the account and
    threads the reply; its refusals (closed article, too deep) become form
    errors."""
    comment = get_object_or_404(moderatable_comments(request.user), pk=pk)
    reply_form = ReplyForm(request.POST)
    if reply_form.is_valid():
        rules = CommentSettings.for_site(comment.article.get_site())
        try:
            posted = services.reply_as_user(
                parent=comment,
                user=request.user,
                text=reply_form.cleaned_data["text"],
                rules=rules,
            )
        except services.CommentError as error:
            add_service_error(reply_form, error)
        else:
            _report_reply(request, posted)
            return redirect("reader_comments_admin:edit", pk=comment.pk)
    edit_form = EditCommentForm(initial={"comment": comment.comment})
    return _render_comment_page(request, comment, edit_form, reply_form)


def _report_reply(request, posted):
    view = messages.button(posted.comment.get_absolute_url(), "View on site", True)
    if posted.created:
        messages.success(request, "Reply published.", buttons=[view])
    else:
        messages.info(request, "You had already posted this reply.", buttons=[view])
