"""Remember a reader's own held comments in a signed cookie.

A comment awaiting moderation is shown to the browser that posted it and to
nobody else. The cookie holds only comment ids, is signed (so it cannot be
edited to reveal other people's held comments) and expires after 30 days."""

COOKIE = "rb_own_comments"
SALT = "comments.pending"
MAX_AGE = 60 * 60 * 24 * 30
MAX_IDS = 20


def own_comment_ids(request):
    raw = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return [int(part) for part in raw.split(",") if part.isdigit()]


def remember(request, response, comment_id):
    ids = [comment_id, *own_comment_ids(request)][:MAX_IDS]
    response.set_signed_cookie(
        COOKIE,
        ",".join(str(pk) for pk in ids),
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
