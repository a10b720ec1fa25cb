"""Journey 4: the article's author approves a reader's held comment under
"Reader comments" in the admin, replies on the article page, and the reply
appears nested with the "Author" badge. The reader, who asked to be emailed,
gets the reply notification, whose unsubscribe link works."""

import re

from playwright.sync_api import expect

from comments.models import NotificationAddress, ReaderComment

from .actions import READER, admin_login, comment_by, emails_to, link_in, post_comment

ARTICLE = "lower-back-stretches-for-runners"
REPLY = "Three or four times a week is plenty; skip it the day before a long run."


def test_author_approves_and_replies_and_the_reader_can_unsubscribe(
    new_context, site, screenshot
):
    # A reader comments, asking to be emailed, and confirms their address.
    reader = new_context().new_page()
    post_comment(reader, site.article_url(ARTICLE), email_me=True)
    (confirmation,) = emails_to(READER["email"])
    reader.goto(link_in(confirmation, "/comments/confirm/"))
    reader.get_by_role("button", name="Yes, email me about replies").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "You are signed up for reply notifications"
    )
    assert NotificationAddress.objects.get(email=READER["email"]).can_receive

    # The author finds it under "Reader comments" and approves it.
    author = new_context().new_page()
    admin_login(author, site.author_username, site.author_password)
    author.get_by_role("link", name=re.compile(r"^Reader comments \(\d+\)")).click()
    author.wait_for_url("**/admin/reader-comments/**")
    row = author.get_by_role("row").filter(has_text=READER["name"])
    expect(row).to_contain_text("Awaiting moderation")
    screenshot(author, "pending-in-admin")
    row.get_by_role("checkbox").check()
    author.get_by_role("button", name="Approve", exact=True).click()
    expect(author.get_by_text("Approved 1 comment.")).to_be_visible()
    comment = ReaderComment.objects.get(user_email=READER["email"])
    assert comment.is_public

    # ...then replies on the article page, as themselves.
    author.goto(site.article_url(ARTICLE))
    theirs = comment_by(author, READER["name"])
    theirs.get_by_role("link", name=f"Reply to {READER['name']}").click()
    form = author.locator("form[data-comment-form]")
    expect(author.locator("#respond-title")).to_have_text(f"Reply to {READER['name']}")
    expect(form).to_contain_text("Commenting as Sam Carter")
    form.get_by_label("Comment").fill(REPLY)
    with author.expect_navigation():
        form.get_by_role("button", name=re.compile(r"^Post")).click()
    reply = ReaderComment.objects.get(parent_id=comment.pk, comment=REPLY)
    assert reply.is_public
    assert author.url.endswith(f"#c{reply.pk}")

    nested = author.locator(f"#c{comment.pk} > ol.comment-list--replies > li")
    expect(nested).to_have_count(1)
    expect(nested).to_have_attribute("id", f"c{reply.pk}")
    expect(nested.locator(".comment__by")).to_contain_text("Author")
    expect(nested.locator(".badge--author")).to_have_text("Author")
    expect(nested.locator(".comment__body")).to_have_text(REPLY)
    screenshot(author, "reply-with-author-badge")

    # The reader is told, once, and the email's unsubscribe link works.
    notices = [m for m in emails_to(READER["email"]) if "replied" in m.subject]
    assert len(notices) == 1
    notice = notices[0]
    assert REPLY in notice.body
    unsubscribe = link_in(notice, "/comments/unsubscribe/")
    assert notice.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    reader.goto(unsubscribe)
    reader.get_by_role("button", name="Stop the emails").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "You will get no more reply notifications"
    )
    screenshot(reader, "unsubscribed")
    assert not NotificationAddress.objects.get(email=READER["email"]).can_receive
