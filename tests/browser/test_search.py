"""Material's search finds a module by a word from its body, served and from file://."""

from __future__ import annotations

import pytest

from .conftest import SITE_IDS, distinctive_word, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_search_finds_a_module_by_a_word_from_its_body(tab, site_at, where, built, site_id):
    site = site_at(site_id)
    module = site.module_page()
    word = distinctive_word(built, site_id, module)
    found = search(tab.open(site.url("index.html")), word)
    assert site.url(module) in found, f"searching {word!r} found {found}, not {module}"
    assert not tab.errors, tab.errors
    elsewhere = [url for url in tab.requests if not site.own_request(url)]
    assert not elsewhere, elsewhere
    if where == "offline":  # from file:// the index comes as a script, not fetched JSON
        assert site.url("search/search_index.js") in tab.requests
