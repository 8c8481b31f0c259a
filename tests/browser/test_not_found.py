"""A site's 404 page, as a web server shows it for a missing address anywhere under the site:
styled, with working navigation, whether or not the base mkdocs.yml sets site_url."""

from __future__ import annotations

import http.server
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import SITE_IDS, serve_folder

pytestmark = pytest.mark.browser


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves build/site/; a missing /<site>/... address gets that site's 404.html, as a web
    server configured with `ErrorDocument 404 /<site>/404.html` (or nginx's error_page) would."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        site = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / site / "404.html"
        if code != 404 or not site or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def error_server(built: Path) -> Iterator[str]:
    yield from serve_folder(built / "site", _NotFoundHandler)


@pytest.mark.parametrize("missing", ["no-such-page.html", "a/b/no-such-page.html"])
@pytest.mark.parametrize("site_id", SITE_IDS)
def test_a_missing_page_shows_the_styled_404_with_working_links(tab, error_server, site_id,
                                                               missing):
    address = f"{error_server}/{site_id}/{missing}"
    site, here = f"{error_server}/{site_id}/", address.rsplit("/", 1)[0] + "/"
    statuses: dict[str, int] = {}
    page = tab.page
    record = lambda response: statuses.__setitem__(response.url, response.status)  # noqa: E731
    page.on("response", record)
    try:
        response = page.goto(address, wait_until="networkidle")
    finally:
        page.remove_listener("response", record)
    assert response is not None and response.status == 404
    # Below the site's folder, Chrome's preload scanner may ask for assets beside the missing
    # address before the page sets its base; what counts is that each was then loaded.
    failed = [url for url, status in statuses.items() if status >= 400 and url != address
              and statuses.get(url.replace(here, site, 1)) != 200]
    assert not failed, failed
    tab.errors.clear()
    assert page.locator("h1").first.inner_text().strip() == "404 - Not found"
    # Styled: the theme's header bar is laid out, not a page of bare links and huge icons.
    assert page.locator(".md-header").first.bounding_box()["height"] < 100
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"
    href = page.evaluate(
        "[...document.querySelectorAll('nav.md-nav--primary a')]"
        ".find(a => a.textContent.trim() === 'Get help').href")
    assert href == f"{error_server}/{site_id}/get-help.html"
    page.locator("nav.md-nav--primary").get_by_role("link", name="Get help", exact=True).click()
    page.wait_for_url(f"**/{site_id}/get-help.html")
    assert page.locator("article h1").inner_text().strip() == "Get help"
    assert not tab.errors, tab.errors
