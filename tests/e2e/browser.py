"""What the browser tests need besides pytest fixtures: where the tools are,
how Chromium is launched, and the network guard that keeps every page on the
live server.

Kept out of conftest.py so other test modules can import the helpers."""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

# Debian's Chromium. Playwright's own browser download is not used: it needs
# network access to Playwright's CDN, which CI and the site must not rely on.
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_COMMAND = "make browser-tools"
# CI sets this: a browser test that would skip fails instead.
REQUIRE_ENV = "REQUIRE_E2E"

# Stands in for any page a test lets the browser open on another host (the
# privacy-friendly video player), so nothing ever leaves this machine.
STAND_IN_PAGE = "<!doctype html><title>Stand-in for a third-party page</title>"

STATIC_RESOURCE_TYPES = {"stylesheet", "script", "image", "font", "media"}


def e2e_required():
    """Whether a missing tool must fail the run rather than skip (CI)."""
    return os.environ.get(REQUIRE_ENV) == "1"


def skip_without(tool_present, what):
    """Skip (or, under REQUIRE_E2E=1, fail) when a browser tool is missing."""
    if tool_present:
        return
    message = f"{what} is not installed: run `{INSTALL_COMMAND}` to install it"
    if e2e_required():
        pytest.fail(f"{message} ({REQUIRE_ENV}=1: browser tests must run)")
    pytest.skip(message)


def screenshot_dir(test_name):
    """The folder for one test's screenshots (git-ignored), emptied first."""
    folder = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots" / test_name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink(missing_ok=True)  # another run may share the folder
    return folder


def origin(url):
    """`scheme://host:port` of a URL, to compare where requests go."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class NetworkLog:
    """Every request the browser makes, and the page errors it meets.

    Requests to the live server pass through. A request to any other host is
    recorded and never reaches the network: a page (an iframe) gets a blank
    stand-in, anything else is aborted. `foreign` lists those URLs; a test
    that expects one (pressing play on a video) says so with `allow()`."""

    server: str
    requests: list = field(default_factory=list)
    foreign: list = field(default_factory=list)
    allowed_hosts: set = field(default_factory=set)
    page_errors: list = field(default_factory=list)
    failed_responses: list = field(default_factory=list)

    def route(self, route):
        """Playwright route handler for every request of a context."""
        request = route.request
        self.requests.append(request.url)
        if origin(request.url) == self.server:
            route.continue_()
            return
        self.foreign.append(request.url)
        if request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html", body=STAND_IN_PAGE)
        else:
            route.abort("blockedbyclient")

    def watch(self, page):
        """Record uncaught script errors and failed responses of `page`."""
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("response", self._response)

    def _response(self, response):
        # A page may answer 4xx on purpose (a test checks those itself), and
        # so may the admin's own fetch() calls (Wagtail validates a draft in
        # the background and answers 400 while the form is incomplete); a
        # missing stylesheet, script, image or font is always a bug.
        broken_part = response.request.resource_type in STATIC_RESOURCE_TYPES
        if response.status >= 500 or (response.status >= 400 and broken_part):
            self.failed_responses.append(f"{response.status} {response.url}")

    def allow(self, host):
        """Expect requests to `host` from here on (they are still stubbed)."""
        self.allowed_hosts.add(host)

    def unexpected_foreign(self):
        """Requests to other hosts that the test did not allow."""
        return [
            url
            for url in self.foreign
            if urlsplit(url).hostname not in self.allowed_hosts
        ]

    def problems(self):
        """Everything that should fail a browser test, as readable lines."""
        lines = [f"request to another host: {url}" for url in self.unexpected_foreign()]
        lines += [f"script error: {error}" for error in self.page_errors]
        lines += [f"failed response: {line}" for line in self.failed_responses]
        return lines
