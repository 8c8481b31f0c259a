"""Card sets and worksheets in a browser: axe finds no serious WCAG 2.1 AA violation on a
lesson with them, cards sit side by side in a grid, and every prompt has visible room."""

from __future__ import annotations

import pytest

from .conftest import SITE_IDS
from .test_accessibility import serious_violations

pytestmark = pytest.mark.browser

LEARNER_SITES = [s for s in SITE_IDS if s.startswith(("children-", "teens-"))]


def kit_page(site) -> str | None:
    """The first lesson page of a site with both kinds of kit, or else with cards."""
    pages = [(p, (site.folder / p).read_text(encoding="utf-8")) for p in site.pages()]
    both = [p for p, html in pages if "sp-cards" in html and "sp-worksheet" in html]
    cards = [p for p, html in pages if "sp-cards" in html]
    return (both or cards or [None])[0]


@pytest.mark.parametrize("site_id", LEARNER_SITES)
def test_a_lesson_with_cards_and_a_worksheet_is_accessible_and_laid_out(
        tab, served_site, axe_script, site_id):
    site = served_site(site_id)
    relative = kit_page(site)
    assert relative, f"{site_id}: no lesson with a card set"
    page = tab.open(site.url(relative))
    assert not serious_violations(page, axe_script), relative
    boxes = page.eval_on_selector_all(
        ".sp-cards > ol > li", "cards => cards.map(c => c.getBoundingClientRect().toJSON())")
    assert len(boxes) >= 2
    rows = {round(box["top"]) for box in boxes}
    assert len(rows) < len(boxes), "cards are laid out side by side, as a grid"
    rooms = page.eval_on_selector_all(
        ".sp-worksheet p.sp-write, .sp-worksheet p.sp-draw",
        "ps => ps.map(p => parseFloat(getComputedStyle(p, '::after').height))")
    assert all(room >= 40 for room in rooms), rooms
