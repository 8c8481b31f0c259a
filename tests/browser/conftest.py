"""A real Chromium (Debian's package) driven by Playwright, against the built sites.

Every built site is served on 127.0.0.1 by a threaded http.server, and every offline
bundle is unzipped and opened from file://. One browser for the session; pages are reused.
Without Chromium or axe-core the tests skip with the install command, except under CI=true,
where they fail: CI must run them.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = Path(__file__).resolve().parent / "node"
AXE_JS = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path(os.environ.get("SIGNPOST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
SPECIAL_PAGES = ("index.html", "glossary.html", "get-help.html", "404.html")
# Every page is opened, 404.html too: the build makes its links relative to the site's folder
# (see builder.relative_404), so it works served and from file://.
NOT_OPENED: tuple[str, ...] = ()


def site_ids() -> list[str]:
    """The shipped sites, read at collection time so each gets its own test ids."""
    ids = []
    for path in sorted((ROOT / "audiences").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("id"):
            ids.append(str(data["id"]))
    return ids


SITE_IDS = site_ids()


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing(what: str, install: str) -> None:
    message = f"{what} is not installed; install it with `{install}`"
    if running_in_ci():
        pytest.fail(f"{message} (CI=true: the browser tests must run, not skip)")
    pytest.skip(message)


# --- What the browser sees -------------------------------------------------------------


@dataclass
class Tab:
    """One reused browser page that records console errors and every request it makes."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        page = self.page
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("request", lambda r: self.requests.append(r.url))

    def _failed(self, request) -> None:
        # Going to the next page aborts the last one's late loads (favicon, search index).
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"failed ({request.failure}): {request.url}")

    def open(self, url: str) -> object:
        """Go to `url` with fresh records; fail on a page that is not there."""
        self.errors.clear()
        self.requests.clear()
        response = self.page.goto(url, wait_until="load")
        if response is not None:  # file:// has no HTTP response
            assert response.ok, f"{url}: HTTP {response.status}"
        return self.page


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not CHROMIUM.is_file():
        missing(f"Chromium ({CHROMIUM})", "apt-get update && apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python", ".venv/bin/pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tab(chromium) -> Iterator[Tab]:
    """The desktop-sized page most tests share."""
    page = chromium.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)
    yield Tab(page)
    page.close()


@pytest.fixture(scope="session")
def phone(chromium) -> Iterator[Tab]:
    page = chromium.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.set_default_timeout(15_000)
    yield Tab(page)
    page.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_JS.is_file():
        missing("axe-core", "npm ci --prefix tests/browser/node")
    return AXE_JS


# --- What is built --------------------------------------------------------------------


@pytest.fixture(scope="session")
def built(request: pytest.FixtureRequest) -> Path:
    """build/ of the shipped curriculum; SIGNPOST_TEST_BUILD=<dir> reuses an existing build."""
    reuse = os.environ.get("SIGNPOST_TEST_BUILD")
    if reuse:
        return Path(reuse).resolve()
    return request.getfixturevalue("shipped_build")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve_folder(folder: Path, handler_class: type | None = None) -> Iterator[str]:
    """`folder` served on a free port of 127.0.0.1 until the generator is closed; yields
    the base URL (for fixtures)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(built: Path) -> Iterator[str]:
    """build/site served on a free port of 127.0.0.1; returns the base URL."""
    yield from serve_folder(built / "site")


def unzip_offline(built: Path, target: Path) -> Path:
    """Every offline bundle of `built` unzipped into `target`, as a school would from a USB
    stick; returns `target`."""
    for bundle in sorted((built / "site" / "downloads" / "offline").glob("*.zip")):
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(target)
    return target


@pytest.fixture(scope="session")
def unzipped(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzip_offline(built, tmp_path_factory.mktemp("offline"))


@dataclass(frozen=True)
class BuiltSite:
    """One built site, reachable at `base` (http://127.0.0.1:port/<id>/ or file://.../<id>/)."""

    id: str
    folder: Path
    base: str
    sources: Path  # build/sources/<id>: the generated mkdocs.yml and docs/

    def url(self, relative: str) -> str:
        return self.base + relative

    def pages(self) -> list[str]:
        pages = (p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*.html"))
        return sorted(p for p in pages if p not in NOT_OPENED)

    def module_page(self) -> str:
        """The first page in the navigation that is a module (not home, glossary, help, summary)."""
        config = yaml.safe_load((self.sources / "mkdocs.yml").read_text(encoding="utf-8"))
        for path in nav_paths(config["nav"]):
            if path.endswith(".md") and path.replace(".md", ".html") not in SPECIAL_PAGES \
                    and not path.startswith("learning/"):
                return path[: -len(".md")] + ".html"
        raise AssertionError(f"{self.id}: no module page in the navigation")

    @staticmethod
    def own_request(url: str) -> bool:
        """Whether `url` stays on the machine: the test server on 127.0.0.1, a file, inline data.

        Not per site: a late load of the previous page (its favicon) may land in the next test.
        """
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if parts.scheme == "file":
            return not parts.netloc
        return parts.scheme == "http" and parts.hostname == "127.0.0.1"


def nav_paths(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)


@pytest.fixture(scope="session")
def served_site(built: Path, server: str):
    def site(site_id: str) -> BuiltSite:
        folder = built / "site" / site_id
        assert (folder / "index.html").is_file(), f"{site_id} was not built"
        return BuiltSite(site_id, folder, f"{server}/{site_id}/", built / "sources" / site_id)

    return site


@pytest.fixture(scope="session")
def offline_site(built: Path, unzipped: Path):
    def site(site_id: str) -> BuiltSite:
        folder = unzipped / site_id
        assert (folder / "index.html").is_file(), \
            f"downloads/offline/{site_id}.zip has no index.html"
        return BuiltSite(site_id, folder, folder.as_uri() + "/", built / "sources" / site_id)

    return site


@pytest.fixture(params=["online", "offline"])
def where(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def site_at(where: str, served_site, offline_site):
    """Served on 127.0.0.1 or opened from the unzipped bundle, by the `where` parameter."""
    return served_site if where == "online" else offline_site


# --- Search ---------------------------------------------------------------------------


WORD = re.compile(r"[a-z]{7,}")


def search(page: object, word: str) -> list[str]:
    """Type `word` into Material's search box; the pages its results link to."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(word)
    box.press("End")  # Material reads the query on keyup
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator("a.md-search-result__link").evaluate_all(
        "links => links.map(link => link.href.split(/[?#]/)[0])")


def distinctive_word(built: Path, site_id: str, page: str) -> str:
    """A word from the body of `page` that no other page of the site contains."""
    index = json.loads((built / "site" / site_id / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    words_of: dict[str, set[str]] = {}
    for doc in index["docs"]:
        location = doc["location"].split("#", 1)[0] or "index.html"
        text = re.sub(r"<[^>]+>", " ", doc["text"]).lower()
        words_of.setdefault(location, set()).update(WORD.findall(text))
    mine = words_of.get(page, set())
    others = set().union(*(words for location, words in words_of.items() if location != page))
    unique = sorted(mine - others)
    assert unique, f"{site_id}/{page}: no word in its body that other pages lack"
    return unique[len(unique) // 2]
