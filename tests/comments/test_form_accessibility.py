"""The comment form's error state: errors summarised in an alert that links
to each field, and each field marked invalid and described by its error
(and still by its help text). comments.js then moves focus to the first
invalid field; the browser test checks that."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


class TestCommentFormErrors:
    def test_errors_are_summarised_and_tied_to_their_fields(
        self, client, make_article, post, rules
    ):
        article = make_article()
        response = post(article, name="", email="not-an-email", comment="")
        html = BeautifulSoup(response.content, "html.parser")
        summary = html.select_one(".error-summary")
        assert summary["role"] == "alert"
        links = [a["href"] for a in summary.select("a")]
        assert links == ["#id_name", "#id_email", "#id_comment"]
        for name in ("name", "email", "comment"):
            field = html.select_one(f"#id_{name}")
            assert field["aria-invalid"] == "true"
            described = field["aria-describedby"].split()
            assert described[0] == f"id_{name}_error"
            assert html.select_one(f"#id_{name}_error").text.strip()
        # Email keeps its help text as well as the error.
        assert html.select_one("#id_email")["aria-describedby"] == (
            "id_email_error id_email_help"
        )
        assert html.select_one("#id_url").get("aria-invalid") is None

    def test_a_valid_form_has_no_summary_and_no_invalid_fields(
        self, client, make_article
    ):
        html = BeautifulSoup(client.get(make_article().url).content, "html.parser")
        assert html.select_one(".error-summary") is None
        assert html.select("[aria-invalid]") == []
        assert html.select_one("#id_email")["aria-describedby"] == "id_email_help"
