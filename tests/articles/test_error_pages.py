"""Error pages in the site's look. The 500 page must render with no database
at all: it is what readers see when something (often the database) broke.
These tests are not marked django_db, so pytest-django makes any database
query in them an error."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import get_resolver, path


def broken_view(request):
    raise ValueError("a bug")


urlpatterns = [path("broken/", broken_view)]
handler500 = get_resolver("runningblog.urls").resolve_error_handler(500)


def test_the_500_handler_renders_the_site_page_without_the_database(rf):
    handler = get_resolver().resolve_error_handler(500)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = handler(rf.get("/some/page/"))
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text == "Something went wrong"
    assert html.select_one("html")["lang"] == "en-GB"
    assert html.select_one(".site-header .site-title")["href"] == "/"
    assert html.select_one('link[rel="stylesheet"]')["href"] == "/static/css/site.css"
    assert html.find("main") is not None


@pytest.mark.urls(__name__)
def test_an_error_in_a_view_gives_the_500_page_without_the_database():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert "Traceback" not in body and "ValueError" not in body


@pytest.mark.django_db
def test_404_page_is_in_the_site_look(client, blog_index):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text == "Page not found"
    assert html.select_one(".skip-link")["href"] == "#main"
    assert html.select_one('form[role="search"]') is not None
    assert html.select_one("main a")["href"] == "/"
