"""What people do on the site, as steps the journeys share: log in to the
admin, fill the comment form, follow a link from an email.

Locators use what a person sees (roles, labels, button text) wherever the
page offers it; Wagtail's editor fields are found by their stable ids."""

import re

from django.core import mail

READER = {
    "name": "Jo Runner",
    "email": "jo.runner@example.com",
    "comment": "The glute bridge helped. How often should I do it on rest days?",
}


def admin_login(page, username, password):
    """Log in through the Wagtail admin's login form; ends on the dashboard."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def fill_comment_form(page, *, name="", email="", comment="", email_me=False):
    """Type into the comment form under an article (without sending it)."""
    form = page.locator("form[data-comment-form]")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Email address").fill(email)
    form.get_by_label("Comment").fill(comment)
    if email_me:
        form.get_by_label("Email me when someone replies to me").check()
    return form


def send_comment_form(page):
    """Press the form's button and wait for the page that answers."""
    form = page.locator("form[data-comment-form]")
    with page.expect_navigation():
        form.get_by_role("button", name=re.compile(r"^Post (comment|reply)$")).click()


def post_comment(page, article_url, reader=READER, *, email_me=False):
    """Open the article and post a comment as `reader`; return its element."""
    page.goto(article_url)
    fill_comment_form(page, **reader, email_me=email_me)
    send_comment_form(page)
    return comment_by(page, reader["name"])


def comment_by(page, name):
    """The comment (the <li>) written by `name`, found by its byline."""
    byline = page.locator(".comment__by", has_text=name)
    return page.locator("li.comment").filter(has=byline).last


def emails_to(address):
    """Messages in Django's test outbox addressed to `address`."""
    return [message for message in mail.outbox if address in message.to]


def link_in(message, path_part):
    """The first URL in a plain-text email whose path contains `path_part`."""
    for url in re.findall(r"https?://\S+", message.body):
        if path_part in url:
            return url
    raise AssertionError(f"no link containing {path_part!r} in:\n{message.body}")
