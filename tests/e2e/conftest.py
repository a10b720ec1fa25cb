"""Fixtures for the browser tests: Debian's Chromium driven by Playwright
against pytest-django's live server, with the demo site loaded.

- `browser`: one Chromium for the session (skips, naming the install command,
  when Chromium or Playwright is missing; fails instead under REQUIRE_E2E=1).
- `site`: the live server with the demo content, its admin and author logins.
- `new_context()` / `page`: browser contexts (separate cookie jars, i.e.
  separate people) whose requests may only go to the live server; a test
  fails if a page asked for another host, threw a script error or got a
  broken stylesheet, script or image.
- `screenshot(page, name)`: a full-page PNG under test-artifacts/screenshots/.
- `axe_page` / `axe_violations(page)`: a page that lets axe-core in (it
  bypasses the site's Content-Security-Policy) and axe's violations on it.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from articles.demo import content
from articles.demo.loader import (
    AUTHOR_PASSWORD_ENV_DEFAULT,
    ensure_demo_admin,
    load_demo,
)
from articles.models import ArticlePage
from comments.demo import load_demo_comments

from . import axe
from .browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NetworkLog,
    e2e_required,
    screenshot_dir,
    skip_without,
)
from .server import start_live_server

# Playwright's sync API drives the browser from an asyncio event loop in the
# test's own thread. Django then sees a running loop and refuses ORM calls in
# the test body (SynchronousOnlyOperation), although they are plain blocking
# calls: the loop only waits on the browser, and the pages are served by the
# live server's own thread. So the check is switched off for this process.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# The site must never call another host, and "localhost" may resolve to ::1
# first: serve on the IPv4 loopback address (pytest-django reads this).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

E2E_DIR = Path(__file__).parent
DESKTOP = {"width": 1280, "height": 900}
# Long enough for the first rendition of an image, short enough to fail fast.
TIMEOUT_MS = 15_000

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # requirements-dev.txt installs it; skip with a hint if not
    sync_playwright = None


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `e2e`, so `-m e2e` (make test-e2e)
    selects them and `-m "not e2e"` leaves them out."""
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under REQUIRE_E2E=1 (CI), a skipped browser test is a failure, whatever
    skipped it: CI must prove these journeys ran."""
    report = yield
    skipped = report.skipped and not hasattr(report, "wasxfail")
    if skipped and e2e_required() and item.get_closest_marker("e2e"):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped under REQUIRE_E2E=1: {report.longrepr}"
    return report


@pytest.fixture(scope="session")
def live_server(request, django_db_setup):
    """pytest-django's live server (same name, so its database handling
    applies), one request at a time on SQLite: see tests/e2e/server.py.

    It depends on `django_db_setup` so that it is built after the test
    database exists: only then can it share the in-memory SQLite connection
    with the tests (built earlier, its threads would open connections of
    their own, which lock each other's tables)."""
    addr = (
        request.config.getvalue("liveserver")
        or os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"]
    )
    server = start_live_server(addr)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, shared by the whole session."""
    skip_without(sync_playwright is not None, "Playwright (the Python package)")
    skip_without(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    # Django keeps database connections in an asgiref Local that is
    # thread-local in sync code but switches to a separate, context-local
    # store while an event loop runs in the thread, which is always the case
    # once Playwright's sync API has started. Without this, the tests would
    # open fresh connections there: on in-memory SQLite they still see the
    # data, but they lack what pytest-django set up on the originals (the
    # snapshot that `django_db_serialized_rollback` restores).
    originals = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in originals.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class DemoSite:
    """The live server with the demo content: where things are, who logs in."""

    url: str
    admin_username: str
    admin_password: str
    author_username: str
    author_password: str

    def at(self, path):
        """The absolute URL of `path` on the live server."""
        return f"{self.url}{path}"

    def article(self, slug):
        """A demo article (the page object) by its slug."""
        return ArticlePage.objects.get(slug=slug)

    def article_url(self, slug):
        return self.at(self.article(slug).url)


@pytest.fixture
def site(live_server, django_db_serialized_rollback, settings, mailoutbox):
    """The demo site on the live server, with the demo admin and author.

    Live-server tests run in real transactions and the database is emptied
    after each one; `django_db_serialized_rollback` restores what migrations
    created (the Wagtail root page, the default site, groups) before the next.
    Emails land in `mail.outbox` (the server runs in this process), with
    links to the live server."""
    settings.DEMO_CONTENT_ALLOWED = True
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    load_demo()
    load_demo_comments()
    admin, _ = ensure_demo_admin()
    author = get_user_model().objects.get(username=content.AUTHOR["username"])
    return DemoSite(
        url=live_server.url,
        admin_username=admin["username"],
        admin_password=admin["password"],
        author_username=author.username,
        author_password=os.environ.get(*AUTHOR_PASSWORD_ENV_DEFAULT),
    )


@pytest.fixture
def new_context(browser, site):
    """Make a browser context: one person's browser, with its own cookies.

    Every request is checked by a `NetworkLog` (`context.network`). At the end
    of the test, any request to another host the test did not allow, uncaught
    script error or broken page resource fails the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=site.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        log = NetworkLog(server=site.url)
        context.route("**/*", log.route)
        context.on("page", log.watch)
        context.network = log
        contexts.append(context)
        return context

    yield make
    problems = []
    for context in contexts:
        problems += context.network.problems()
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(new_context):
    """A page in a fresh desktop browser context."""
    return new_context().new_page()


@pytest.fixture
def screenshot(request):
    """`screenshot(page, name)` saves a full-page PNG under
    test-artifacts/screenshots/<test name>/, numbered in the order taken."""
    folder = screenshot_dir(request.node.name)
    taken = []

    def take(page, name):
        taken.append(name)
        path = folder / f"{len(taken):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def axe_page(new_context):
    """A desktop page where axe-core can be injected: the site's
    Content-Security-Policy allows only its own scripts, so this context
    bypasses it (the other contexts keep it, and so test it)."""
    return new_context(bypass_csp=True).new_page()


@pytest.fixture
def axe_violations():
    """`axe_violations(page, include=None, options=None)`: axe-core's
    violations on the page (see tests/e2e/axe.py). Skips, naming the install
    command, when node_modules has no axe-core."""
    skip_without(axe.axe_available(), f"axe-core ({axe.AXE_JS})")
    return axe.axe_violations
