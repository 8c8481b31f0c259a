"""The Urdu site in a real browser: right to left, in Urdu, and its search finds an Urdu word,
served and from the offline copy."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import search, serve_folder, unzip_offline

pytestmark = pytest.mark.browser

SITE = "children-8-10-ur"
URDU_WORD = re.compile(r"[\u0600-\u06FF]{5,}")


@pytest.fixture(scope="module")
def pk_server(pk_build: Path) -> Iterator[str]:
    yield from serve_folder(pk_build / "site")


@pytest.fixture(scope="module")
def pk_offline(pk_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzip_offline(pk_build, tmp_path_factory.mktemp("pk-offline")) / SITE


def base_url(where: str, pk_server: str, pk_offline: Path) -> str:
    return f"{pk_server}/{SITE}/" if where == "online" else pk_offline.as_uri() + "/"


def distinctive_urdu_word(pk_build: Path) -> tuple[str, str]:
    """(a lesson page, an Urdu word of its body that no other page of the site has)."""
    index = json.loads((pk_build / "site" / SITE / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    words: dict[str, set[str]] = {}
    for doc in index["docs"]:
        location = doc["location"].split("#", 1)[0] or "index.html"
        words.setdefault(location, set()).update(URDU_WORD.findall(doc["text"]))
    page = "trusted-adults/telling-and-telling-again.html"
    others = set().union(*(found for location, found in words.items() if location != page))
    unique = sorted(words[page] - others)
    assert unique, "no Urdu word only the lesson has"
    return page, unique[len(unique) // 2]


@pytest.mark.parametrize("where", ["online", "offline"])
def test_search_finds_an_urdu_word(tab, pk_build: Path, pk_server: str, pk_offline: Path,
                                   where: str) -> None:
    base = base_url(where, pk_server, pk_offline)
    page_path, word = distinctive_urdu_word(pk_build)
    found = search(tab.open(base + "index.html"), word)
    assert base + page_path in found, f"searching {word!r} found {found}"
    assert not tab.errors, tab.errors


def test_the_page_reads_right_to_left_in_urdu(phone, pk_server: str) -> None:
    page = phone.open(f"{pk_server}/{SITE}/trusted-adults/telling-and-telling-again.html")
    assert page.evaluate("document.documentElement.lang") == "ur-PK"
    assert page.evaluate("document.body.dir") == "rtl"
    heading = page.locator("article h1").first
    assert heading.evaluate("h => getComputedStyle(h).direction") == "rtl"
    # The Urdu letters are drawn in the shipped Nastaliq font (no tofu, nothing fetched).
    assert page.evaluate("document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'اردو')")
    used = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }""")
    assert any("Noto Nastaliq Urdu" in family for family in used), used
    # The page's box edge sits on the right, where an Urdu line starts.
    box = page.locator(".admonition").first
    right = box.evaluate("b => parseFloat(getComputedStyle(b).borderRightWidth)")
    left = box.evaluate("b => parseFloat(getComputedStyle(b).borderLeftWidth)")
    assert right > left
    assert not [url for url in phone.requests if not url.startswith(pk_server)
                and not url.startswith(("data:", "blob:"))]
