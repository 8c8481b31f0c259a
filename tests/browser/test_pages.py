"""Every page of every site loads cleanly, online and from the unzipped offline bundle, and the
navigation takes you where it says."""

from __future__ import annotations

import pytest

from .conftest import SITE_IDS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_every_page_loads_without_errors_or_requests_to_other_hosts(tab, site_at, site_id):
    site = site_at(site_id)
    problems, requested = [], []
    for relative in site.pages():
        tab.open(site.url(relative))
        problems += [f"{relative}: {error}" for error in tab.errors]
        requested += tab.requests
    assert not problems, "\n".join(problems)
    elsewhere = sorted({url for url in requested if not site.own_request(url)})
    assert not elsewhere, f"{site_id} asked another host for:\n" + "\n".join(elsewhere)
    assert site.url("assets/site.css") in requested, "recorded none of the site's own requests"


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_navigation_links_land_on_their_pages(tab, site_at, site_id):
    site = site_at(site_id)
    page = tab.open(site.url("index.html"))
    nav = page.locator(".md-sidebar--primary nav.md-nav--primary")
    for label, target in (("Glossary", "glossary.html"), ("Get help", "get-help.html"),
                          ("Home", "index.html")):
        nav.get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(f"**/{target}")
        assert page.url == site.url(target)
    module = site.module_page()
    page.locator(f'article a[href="{module}"]').first.click()
    page.wait_for_url(f"**/{module}")
    assert page.locator("article h1").inner_text().strip()
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_phone_menu_opens_and_navigates(phone, served_site, site_id):
    site = served_site(site_id)
    page = phone.open(site.url("index.html"))
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer = page.locator("nav.md-nav--primary")
    drawer.get_by_role("link", name="Get help", exact=True).click()
    page.wait_for_url("**/get-help.html")
    assert page.locator("article h1").inner_text().strip() == "Get help"
    assert not phone.errors, phone.errors


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_no_page_scrolls_sideways_on_a_phone(phone, served_site, site_id):
    site = served_site(site_id)
    too_wide = []
    for relative in site.pages():
        page = phone.open(site.url(relative))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{relative}: {width}px wide at 360px")
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_print_view_hides_navigation_and_search(tab, served_site, site_id):
    site = served_site(site_id)
    page = tab.open(site.url(site.module_page()))
    assert page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="print")
    try:
        for part in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-search", ".md-footer"):
            assert not page.locator(part).first.is_visible(), f"{part} shows in print"
        assert page.locator("article h1").is_visible()
    finally:
        page.emulate_media(media="screen")
