"""Journey 6: axe-core finds no violations on the article with its comments,
on the comment form showing an error, and on the blog index."""

from .actions import READER, fill_comment_form, send_comment_form
from .axe import describe

ARTICLE = "running-with-lower-back-pain"  # the demo discussion is under it


def assert_no_violations(axe_violations, page):
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_finds_no_violations(axe_page, site, axe_violations, screenshot):
    page = axe_page
    page.goto(site.article_url(ARTICLE))
    assert page.locator(".comment").count() > 3, "the demo comments are missing"
    screenshot(page, "article-with-comments")
    assert_no_violations(axe_violations, page)

    fill_comment_form(page, name=READER["name"], email="not an address")
    send_comment_form(page)
    assert page.locator(".field__error").count() == 2  # email and comment
    screenshot(page, "form-with-errors")
    assert_no_violations(axe_violations, page)

    page.goto(site.at("/"))
    screenshot(page, "blog-index")
    assert_no_violations(axe_violations, page)
