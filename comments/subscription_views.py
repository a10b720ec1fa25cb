"""Pages behind the confirm and unsubscribe links in notification emails.

The signed token in the URL is the only credential: it names the address and
the purpose, and it is what a reader receives by email. A GET never changes
anything, because mail scanners and link previews follow links by themselves;
the reader presses a button, which POSTs.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services, tokens
from .models import NotificationAddress

TEMPLATES = "comments/subscriptions"


def _invalid(request):
    return render(request, f"{TEMPLATES}/invalid.html", status=400)


def _address(token, purpose):
    """The address a valid token names, or None (tampered, expired, deleted)."""
    try:
        address_id = tokens.read_token(token, purpose)
    except tokens.BadToken:
        return None
    return NotificationAddress.objects.filter(pk=address_id).first()


def _ask_then_act(request, token, purpose, action, done_template):
    """GET shows the question (`<purpose>.html`); POST performs `action` on
    the token's address and shows `done_template`."""
    address = _address(token, purpose)
    if address is None:
        return _invalid(request)
    context = {"email": address.email}
    if request.method == "GET":
        return render(request, f"{TEMPLATES}/{purpose}.html", context)
    action(address=address)
    return render(request, f"{TEMPLATES}/{done_template}", context)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """Ask, then confirm an address for reply notifications (double opt-in)."""
    return _ask_then_act(
        request, token, tokens.CONFIRM, services.confirm_address, "confirmed.html"
    )


# RFC 8058 one-click unsubscribe: mail providers POST
# "List-Unsubscribe=One-Click" with no cookies, so there is no CSRF token to
# check. The signed token authenticates the request instead, and the only
# thing a POST can do is stop emails to the address it names.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Ask, then stop reply notifications; a POST alone is one-click."""
    return _ask_then_act(
        request,
        token,
        tokens.UNSUBSCRIBE,
        services.unsubscribe_address,
        "unsubscribed.html",
    )
