"""Every link in build/site/ works when build/site/ is the web root, and every download is there.

The crawl reads each page as a web server would serve it: an href or src is resolved against
the page's own address (a root-absolute one against build/site/), and must name a file of the
published folder. Then the folder is served on 127.0.0.1 and every download is fetched.
"""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, run_signpost

SITES = sorted(p.stem for p in (ROOT / "audiences").glob("*.yml")
               if "." not in p.stem)  # not a site's translation (<id>.<lang>.yml)
LINKING = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
           ("source", "src"), ("iframe", "src"), ("form", "action"))
ELSEWHERE = ("http", "https", "mailto", "tel", "sms", "data", "javascript")
DOWNLOADS = "downloads"


def links(page: Path) -> Iterator[str]:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    for tag, attribute in LINKING:
        for node in tree.css(f"{tag}[{attribute}]"):
            yield node.attributes[attribute] or ""


def target(root: Path, page: Path, href: str, mount: str = "/") -> PurePosixPath | None:
    """What `href` on `page` names, relative to `root`; None if elsewhere.

    Resolved as a browser would, with `root` published at the address `mount`: against the
    page's address, so a link that climbs above `root` is broken (returned as a path
    starting with '..')."""
    parts = urlsplit(href)
    if parts.scheme in ELSEWHERE or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(mount):
            return PurePosixPath("..", path.lstrip("/"))
        address = PurePosixPath(path.removeprefix(mount))
    else:
        address = PurePosixPath(page.relative_to(root).parent.as_posix(), path)
    resolved: list[str] = []
    for part in address.parts:
        if part == "..":
            if not resolved:
                return PurePosixPath("..", *address.parts)
            resolved.pop()
        elif part != ".":
            resolved.append(part)
    result = PurePosixPath(*resolved) if resolved else PurePosixPath(".")
    if path.endswith("/") or (root / result).is_dir():
        result = result / "index.html"
    return result


def broken_links(root: Path, mount: str = "/", pattern: str = "*.html") -> list[str]:
    broken = []
    for page in sorted(root.rglob(pattern)):
        for href in links(page):
            found = target(root, page, href, mount)
            if found is None:
                continue
            if found.parts[0] == ".." or not (root / found).is_file():
                broken.append(f"{page.relative_to(root).as_posix()}: {href}")
    return broken


@pytest.fixture(scope="module")
def published(shipped_build: Path) -> Path:
    return shipped_build / "site"


def test_no_link_in_the_published_folder_is_broken(published: Path) -> None:
    assert len(list(published.rglob("*.html"))) > 6 * 5
    assert broken_links(published) == []


def test_the_crawl_finds_links_that_leave_the_web_root(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text("")
    (tmp_path / "site" / "index.html").write_text(
        '<a href="a.html">ok</a><a href="../packs/x.pdf">out</a><a href="/b.html">gone</a>'
        '<a href="https://example.org/">elsewhere</a><a href="#top">here</a>')
    assert broken_links(tmp_path / "site") == ["index.html: ../packs/x.pdf",
                                                "index.html: /b.html"]


def landing_targets(published: Path) -> set[str]:
    landing = published / "index.html"
    found = (target(published, landing, href) for href in links(landing))
    return {str(path) for path in found if path is not None}


def test_every_download_is_linked_from_the_landing_page(published: Path) -> None:
    downloads = {p.relative_to(published).as_posix()
                 for p in (published / DOWNLOADS).rglob("*") if p.is_file()}
    expected = {f"{DOWNLOADS}/offline/{site}.zip" for site in SITES}
    expected |= {f"{DOWNLOADS}/packs/{site}.pdf" for site in SITES
                 if site not in ("parents", "teachers")}
    expected |= {f"{DOWNLOADS}/guides/{name}.pdf"
                 for name in ("4-7", "8-10", "11-13", "14-17", "parents")}
    expected |= {f"{DOWNLOADS}/posters/{site}-{paper}.pdf" for site in SITES
                 if site != "teachers" for paper in ("a4", "letter")}
    assert downloads == expected
    assert downloads <= landing_targets(published)


def card_links(published: Path) -> dict[str, list[str]]:
    """Site id -> the links on its card of the landing page."""
    tree = LexborHTMLParser((published / "index.html").read_text(encoding="utf-8"))
    cards = {}
    for card in tree.css("ul.sites > li"):
        hrefs = [a.attributes["href"] or "" for a in card.css("a[href]")]
        cards[hrefs[0].split("/")[0]] = hrefs
    return cards


def test_each_card_offers_its_readers_downloads_only(published: Path) -> None:
    cards = card_links(published)
    assert sorted(cards) == SITES
    for site, hrefs in cards.items():
        downloads = sorted(h for h in hrefs if h.startswith(f"{DOWNLOADS}/"))
        if site == "teachers":
            assert downloads == sorted([f"{DOWNLOADS}/offline/teachers.zip"] + [
                f"{DOWNLOADS}/guides/{band}.pdf" for band in ("4-7", "8-10", "11-13", "14-17")])
        elif site == "parents":
            assert downloads == [f"{DOWNLOADS}/guides/parents.pdf",
                                 f"{DOWNLOADS}/offline/parents.zip",
                                 f"{DOWNLOADS}/posters/parents-a4.pdf",
                                 f"{DOWNLOADS}/posters/parents-letter.pdf"]
        else:  # learner material only: no facilitator guide on a children's card
            assert downloads == [f"{DOWNLOADS}/offline/{site}.zip",
                                 f"{DOWNLOADS}/packs/{site}.pdf",
                                 f"{DOWNLOADS}/posters/{site}-a4.pdf",
                                 f"{DOWNLOADS}/posters/{site}-letter.pdf"]
        assert f"{site}/print-and-share.html" in hrefs


@pytest.mark.parametrize("site", SITES)
def test_each_site_has_a_print_and_share_page_in_its_navigation(published: Path, site: str) -> None:
    home = published / site / "index.html"
    nav = LexborHTMLParser(home.read_text(encoding="utf-8")).css("nav.md-nav--primary a[href]")
    assert "print-and-share.html" in {a.attributes["href"] for a in nav}
    page = published / site / "print-and-share.html"
    named = {str(path) for path in (target(published, page, href) for href in links(page))
             if path is not None}
    assert f"{DOWNLOADS}/offline/{site}.zip" in named
    assert "index.html" in named  # back to every site
    if site == "teachers":
        assert {f"{DOWNLOADS}/guides/{band}.pdf" for band in ("4-7", "8-10", "11-13", "14-17")} \
            <= named
    elif site == "parents":
        assert f"{DOWNLOADS}/guides/parents.pdf" in named
    else:
        assert f"{DOWNLOADS}/packs/{site}.pdf" in named
        assert not [n for n in named if n.startswith(f"{DOWNLOADS}/guides/")]
    assert "are not inside it" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("site", SITES)
def test_an_offline_copy_holds_its_site_and_nothing_else(published: Path, site: str) -> None:
    with zipfile.ZipFile(published / DOWNLOADS / "offline" / f"{site}.zip") as archive:
        names = archive.namelist()
    assert f"{site}/index.html" in names and f"{site}/print-and-share.html" in names
    assert all(name.startswith(f"{site}/") for name in names)
    assert not [n for n in names if n.endswith((".zip", ".pdf")) or f"/{DOWNLOADS}/" in n]
    with zipfile.ZipFile(published / DOWNLOADS / "offline" / f"{site}.zip") as archive:
        for name in names:  # the same pages as the published site, 404.html included
            if name.endswith(".html"):
                assert archive.read(name) == (published / name).read_bytes(), name


def test_404_pages_link_relative_to_their_site(published: Path) -> None:
    for site in SITES:
        page = (published / site / "404.html").read_text(encoding="utf-8")
        assert 'href="assets/' in page and 'href="/' not in page and 'src="/' not in page
        assert f'folder = "/{site}/"' in page  # the base for a 404 shown deeper down


def test_404_pages_work_where_site_url_says(project: Path) -> None:
    """With site_url, MkDocs' own links name the published address, and they resolve there."""
    base = project / "mkdocs.yml"
    base.write_text(base.read_text() + "\nsite_url: https://school.example/lessons/\n")
    result = run_signpost(project, "build", "--no-pdf", "--only", "children-4-7")
    assert result.returncode == 0, result.stderr
    published = project / "build" / "site"
    assert 'href="/lessons/children-4-7/assets/' in (published / "children-4-7" / "404.html"
                                                      ).read_text(encoding="utf-8")
    assert broken_links(published, mount="/lessons/", pattern="404.html") == []
    assert broken_links(published, pattern="404.html") != []  # the crawl would see it


def test_print_and_share_links_only_pdfs_that_were_made(project: Path) -> None:
    """After a first build without PDFs, no page links one; a later build of one site lists
    the PDFs it printed, and every link still works."""
    result = run_signpost(project, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    published = project / "build" / "site"
    pages = sorted(published.glob("*/print-and-share.html"))
    assert len(pages) == len(SITES)
    assert not any(".pdf" in href for page in pages for href in links(page))
    assert broken_links(published) == []
    result = run_signpost(project, "build", "--only", "children-8-10")
    assert result.returncode == 0, result.stderr
    page = published / "children-8-10" / "print-and-share.html"
    assert "../downloads/packs/children-8-10.pdf" in list(links(page))
    assert broken_links(published) == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(published: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(published)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


def test_every_download_is_served_from_the_web_root(published: Path, server: str) -> None:
    for name in sorted(landing_targets(published)):
        with urllib.request.urlopen(server + name, timeout=30) as response:
            assert response.status == 200, name
            body = response.read()
        if name.endswith(".pdf"):
            assert body.startswith(b"%PDF-"), name
        elif name.endswith(".zip"):
            assert body.startswith(b"PK"), name
