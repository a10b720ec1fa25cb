"""Journey 3: a reader comments. A mistake first (no comment text): the error
sits beside the field and focus is on it. Corrected, the comment is shown to
its writer as awaiting moderation, and to nobody else."""

from playwright.sync_api import expect

from comments.models import ReaderComment

from .actions import READER, comment_by, fill_comment_form, send_comment_form

ARTICLE = "lower-back-stretches-for-runners"


def test_reader_fixes_a_mistake_and_sees_their_comment_held(
    new_context, site, screenshot
):
    reader = new_context().new_page()
    url = site.article_url(ARTICLE)
    reader.goto(url)

    fill_comment_form(reader, name=READER["name"], email=READER["email"])
    send_comment_form(reader)
    comment_field = reader.locator("#id_comment")
    error = reader.locator("#id_comment_error")
    expect(error).to_have_text("This field is required.")
    # Beside the field: in the same form row, tied to it for screen readers.
    row = reader.locator(".field--error")
    expect(row).to_have_count(1)
    expect(row.locator("#id_comment_error")).to_be_visible()
    expect(comment_field).to_have_attribute("aria-invalid", "true")
    expect(comment_field).to_have_attribute("aria-describedby", "id_comment_error")
    expect(comment_field).to_be_focused()
    # What the reader typed is still there.
    expect(reader.get_by_label("Name")).to_have_value(READER["name"])
    assert not ReaderComment.objects.filter(user_email=READER["email"]).exists()
    screenshot(reader, "error-beside-the-field")

    # Typing straight away goes into the focused field.
    reader.keyboard.type(READER["comment"])
    send_comment_form(reader)
    comment = ReaderComment.objects.get(user_email=READER["email"])
    assert not comment.is_public
    assert reader.url.endswith(f"#c{comment.pk}")
    mine = comment_by(reader, READER["name"])
    expect(mine).to_contain_text(READER["comment"])
    expect(mine.get_by_role("status")).to_have_text(
        "Your comment is awaiting moderation. Only you can see it for now."
    )
    screenshot(reader, "awaiting-moderation")

    # Another reader, in another browser, sees the article without it.
    other = new_context().new_page()
    other.goto(url)
    expect(other.get_by_role("heading", name="Comments", exact=True)).to_be_visible()
    expect(other.get_by_text(READER["comment"])).to_have_count(0)
    expect(other.locator(".comment")).to_have_count(0)
    screenshot(other, "another-reader")
