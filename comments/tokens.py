"""Signed links for reply notifications: confirm an address, unsubscribe.

A token is `django.core.signing` output over plain JSON (never pickle): the
id of the `NotificationAddress` and the link's purpose. The address itself
is not in the link, so it does not end up in access logs. Each purpose has
its own salt, so a token made for one purpose cannot be replayed as the
other, and the purpose is checked again on the way in. Nothing is stored:
the signature with SECRET_KEY is the proof that we sent the link.
"""

from django.conf import settings
from django.core import signing

CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"

# Unsubscribe links sit in old emails for a long time and must keep working.
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 365


class BadToken(Exception):
    """The link was tampered with, is for another purpose, or has expired."""


def _salt(purpose):
    return f"comments.notifications.{purpose}"


def _max_age(purpose):
    if purpose == CONFIRM:
        return settings.COMMENTS_CONFIRM_MAX_AGE
    return UNSUBSCRIBE_MAX_AGE


def make_token(address, purpose):
    """A signed, URL-safe token for `purpose` (CONFIRM or UNSUBSCRIBE)."""
    return signing.dumps({"id": address.pk, "purpose": purpose}, salt=_salt(purpose))


def read_token(token, purpose):
    """The address id in a valid token for `purpose`; raises BadToken."""
    try:
        data = signing.loads(token, salt=_salt(purpose), max_age=_max_age(purpose))
    except signing.BadSignature as error:  # SignatureExpired is a subclass
        raise BadToken(str(error)) from error
    if not isinstance(data, dict) or data.get("purpose") != purpose:
        raise BadToken("wrong purpose")
    address_id = data.get("id")
    if not isinstance(address_id, int):
        raise BadToken("no address")
    return address_id
