"""Each site looks made for its readers: measured in a real browser, not read from CSS."""

from __future__ import annotations

import pytest

from .conftest import SITE_IDS

pytestmark = pytest.mark.browser

PICTURE_BOOK = "children-4-7"
SIZES = {"phone": {"width": 390, "height": 844}, "projector": {"width": 1280, "height": 800}}
FONTS = {"children-4-7": "Andika", "children-8-10": "Atkinson Hyperlegible",
         "teens-14-17": "Atkinson Hyperlegible", "parents": "Atkinson Hyperlegible"}

TEXT_SIZES = """() => {
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const body = [...document.querySelectorAll("article > p")].map(size);
  const boxes = [...document.querySelectorAll("article .admonition p, article .admonition li")]
    .map(size);
  return {body, boxes};
}"""

BOX_ICONS = """() => [...document.querySelectorAll("article .admonition > .admonition-title")]
  .map((title) => {
    const before = getComputedStyle(title, "::before");
    return {box: title.parentElement.className, shown: before.display !== "none",
            icon: before.maskImage || before.webkitMaskImage || ""};
  })"""

PICTURES = """() => [...document.querySelectorAll("article img")].map((img) => ({
  src: img.getAttribute("src"), alt: img.getAttribute("alt"), loaded: img.naturalWidth > 0}))"""


@pytest.mark.parametrize("size", SIZES)
def test_picture_book_text_is_big_and_boxes_are_never_smaller(chromium, served_site, size):
    """Ages 4-7: body text at least 22px, and the activity text the class reads from the back
    of the room no smaller than the rest."""
    site = served_site(PICTURE_BOOK)
    page = chromium.new_page(viewport=SIZES[size])
    try:
        page.goto(site.url(site.module_page()), wait_until="load")
        sizes = page.evaluate(TEXT_SIZES)
    finally:
        page.close()
    assert sizes["body"] and sizes["boxes"]
    assert min(sizes["body"]) >= 22, sizes["body"]
    assert min(sizes["boxes"]) >= min(sizes["body"]), sizes


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_every_box_shows_its_icon(tab, served_site, site_id):
    site = served_site(site_id)
    tab.open(site.url(site.module_page()))
    titles = tab.page.evaluate(BOX_ICONS)
    assert titles, "no boxes on the page"
    for title in titles:
        assert title["shown"] and "data:image/svg+xml" in title["icon"], title


@pytest.mark.parametrize("site_id", sorted(FONTS))
def test_the_style_font_is_served_by_the_site(tab, served_site, site_id):
    site = served_site(site_id)
    tab.open(site.url(site.module_page()))
    tab.page.evaluate("document.fonts.ready.then(() => true)")
    family = FONTS[site_id]
    assert tab.page.evaluate(f"document.fonts.check('20px \"{family}\"')")
    loaded = tab.page.evaluate("""() => [...document.fonts].filter((f) => f.status === "loaded")
      .map((f) => f.family.replaceAll('"', ''))""")
    assert family in loaded, loaded
    fonts = [url for url in tab.requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(site.base) for url in fonts), fonts


@pytest.mark.parametrize("site_id", ["children-4-7", "children-8-10", "children-11-13",
                                     "teens-14-17"])
def test_learner_home_pages_show_a_card_with_a_picture_per_lesson(tab, served_site, site_id):
    site = served_site(site_id)
    tab.open(site.url("index.html"))
    cards = tab.page.locator("article a.sp-tile")
    assert cards.count() >= 6
    for picture in tab.page.evaluate(PICTURES):
        assert picture["loaded"], picture
        assert picture["alt"] == "", "a card's picture is decorative: its words name the lesson"
    first = cards.first
    href = first.get_attribute("href")
    first.click()
    tab.page.wait_for_url(f"**/{href}")
    assert tab.page.locator("article h1").inner_text().strip()
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("site_id", ["children-4-7", "children-8-10"])
def test_lesson_pictures_load_and_are_described(tab, served_site, site_id):
    site = served_site(site_id)
    tab.open(site.url(site.module_page()))
    pictures = tab.page.evaluate(PICTURES)
    assert pictures, "a lesson in this style opens with its topic's picture"
    for picture in pictures:
        assert picture["loaded"] and picture["alt"], picture
    assert not tab.errors, tab.errors
