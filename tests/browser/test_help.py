"""Help is one tap away on a phone: "Get help" in the header, tappable numbers, a quick exit
that leaves no way back, a closed drawer the keyboard never enters, a named search, and the
page language with its region."""

from __future__ import annotations

import pytest

from .conftest import SITE_IDS

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
EXIT_URL = "https://www.bbc.co.uk/weather"
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Weather</title><p>Weather</p></html>"
EXIT_SITES = [site for site in SITE_IDS if site != "teachers"]


@pytest.fixture
def fresh(chromium):
    """A new page with its own history, that never lets a request leave the machine: the
    neutral page the quick exit goes to is answered here, anything else elsewhere refused."""
    context = chromium.new_context(viewport=PHONE_390, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    outside: list[str] = []

    def route(route, request) -> None:
        url = request.url
        if url.startswith(EXIT_URL):
            outside.append(url)
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        elif url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", route)
    page.outside = outside
    yield page
    context.close()


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_get_help_is_in_view_on_a_phone_and_leads_to_the_help_page(fresh, served_site, site_id):
    site = served_site(site_id)
    page = fresh
    page.goto(site.url(site.module_page()), wait_until="load")
    link = page.locator("header a.sp-header-help")
    assert link.count() == 1
    assert link.is_visible()
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= PHONE_390["width"] and box["y"] + box["height"] <= 844
    assert box["height"] >= 24 and box["width"] >= 24, "too small to tap"
    link.tap()
    page.wait_for_url("**/get-help.html")
    assert page.locator("article h1").inner_text().strip() == "Get help"


def test_gb_help_page_has_a_phone_number_to_tap(fresh, served_site):
    site = served_site("teens-14-17")
    page = fresh
    page.goto(site.url("get-help.html"), wait_until="load")
    numbers = page.locator('article a[href^="tel:"]')
    assert numbers.count() >= 2  # 999 and Childline
    assert page.locator('article a[href="tel:08001111"]').inner_text() == "0800 1111"


@pytest.mark.parametrize("site_id", EXIT_SITES)
def test_quick_exit_by_keyboard_leaves_and_cannot_be_gone_back_to(fresh, site_at, site_id):
    site = site_at(site_id)
    page = fresh
    page.goto(site.url("index.html"), wait_until="load")
    lesson = site.url(site.module_page())
    page.goto(lesson, wait_until="load")
    before = page.evaluate("history.length")
    assert not page.outside, "the page asked another host for something before leaving"
    button = page.locator("header a.sp-quick-exit")
    assert button.is_visible()
    assert button.get_attribute("href") == EXIT_URL  # a plain link, even without a script
    button.focus()
    assert page.evaluate("document.activeElement.classList.contains('sp-quick-exit')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{EXIT_URL}**")
    assert page.evaluate("history.length") == before, "leaving added a history entry"
    page.go_back(wait_until="load")
    assert page.url != lesson, "Back returned to the page the reader left"
    assert page.url == site.url("index.html")
    assert page.outside == [EXIT_URL]


@pytest.mark.parametrize("site_id", ["teens-14-17", "parents"])
def test_pressing_shift_three_times_leaves(fresh, served_site, site_id):
    site = served_site(site_id)
    page = fresh
    page.goto(site.url(site.module_page()), wait_until="load")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.startswith(site.base), "left after two presses"
    page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_URL}**")


def test_typing_capitals_in_search_does_not_leave(fresh, served_site):
    site = served_site("teens-14-17")
    page = fresh
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.url("index.html"), wait_until="load")
    page.locator("input.md-search__input").click()
    page.keyboard.type("ABC DEF")
    page.wait_for_timeout(300)
    assert page.url.startswith(site.base)


def test_no_quick_exit_on_the_teachers_site(fresh, served_site):
    site = served_site("teachers")
    page = fresh
    page.goto(site.url(site.module_page()), wait_until="load")
    assert page.locator(".sp-quick-exit").count() == 0
    assert page.locator("header a.sp-header-help").is_visible()


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_tab_never_enters_the_closed_drawer_on_a_phone(fresh, served_site, site_id):
    site = served_site(site_id)
    page = fresh
    page.goto(site.url(site.module_page()), wait_until="load")
    reached_content = False
    for press in range(1, 41):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => {
          const el = document.activeElement;
          return {drawer: !!el.closest('.md-sidebar--primary'),
                  content: !!el.closest('article'),
                  text: (el.textContent || '').trim().slice(0, 40)};
        }""")
        assert not where["drawer"], f"Tab {press} went into the closed drawer: {where['text']}"
        if where["content"]:
            reached_content = True
            break
    assert reached_content, "40 presses of Tab never reached the lesson"
    # The menu button opens the drawer from the keyboard; open, its links are there for the
    # keyboard and screen readers again; Escape closes it and returns to the button.
    menu = page.locator('label.md-header__button[for="__drawer"]')
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    drawer_link = page.locator("nav.md-nav--primary").get_by_role("link", name="Get help",
                                                                    exact=True)
    drawer_link.wait_for(state="visible")
    drawer_link.focus()
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('for') === '__drawer'")


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_search_has_an_accessible_name(tab, served_site, site_id):
    site = served_site(site_id)
    page = tab.open(site.url("index.html"))
    dialog = page.locator('.md-search[role="dialog"]')
    assert (dialog.get_attribute("aria-label") or "").strip()
    assert page.get_by_role("textbox", name="Search").count() == 1


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_gb_build_declares_en_gb(tab, site_at, site_id):
    site = site_at(site_id)
    for relative in ("index.html", site.module_page(), "get-help.html"):
        page = tab.open(site.url(relative))
        assert page.get_attribute("html", "lang") == "en-GB", relative
