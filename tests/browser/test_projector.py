"""The projector view in a real Chromium: one step at a time by keyboard and clicker keys,
served on 127.0.0.1 and from the unzipped offline copy (file://), with nothing from another
host; big enough to read from the back of a classroom; no axe-core violation."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from .test_accessibility import WCAG_21_AA

pytestmark = pytest.mark.browser

SITE = "children-4-7"
LESSON = "trusted-adults/my-helping-hand.html"
PROJECTOR = "project/my-helping-hand.html"
VISIBLE_STEPS = """() => Array.from(document.querySelectorAll("article > div[id^='step-']"))
  .filter(step => step.offsetParent !== null).map(step => step.id)"""


def step_ids(site) -> list[str]:
    """The steps the built page holds, read from the file itself."""
    tree = LexborHTMLParser((site.folder / PROJECTOR).read_text(encoding="utf-8"))
    return [node.attributes["id"] for node in tree.css("article > div[id^='step-']")]


def shown(page) -> list[str]:
    return page.evaluate(VISIBLE_STEPS)


def test_stepping_through_a_lesson_by_keyboard(tab, site_at):
    site = site_at(SITE)
    steps = step_ids(site)
    assert len(steps) >= 6 and steps == [f"step-{n}" for n in range(1, len(steps) + 1)]
    tab.open(site.url(LESSON))
    # An address naming a step (a reload keeps it) opens on that step.
    page = tab.open(site.url(PROJECTOR) + "#step-3")
    assert shown(page) == ["step-3"]
    assert site.url("assets/projector.js") in tab.requests
    elsewhere = [url for url in tab.requests if not site.own_request(url)]
    assert not elsewhere, elsewhere
    page.keyboard.press("Home")
    assert shown(page) == ["step-1"]
    count = page.locator("#sp-projector-count")
    # Forward with every key a keyboard or a clicker uses for "next", in turn.
    forward = ["PageDown", "ArrowRight", " ", "ArrowDown"]
    for number in range(2, len(steps) + 1):
        page.keyboard.press(forward[number % len(forward)])
        assert shown(page) == [f"step-{number}"], f"after {number - 1} key presses"
        assert count.inner_text() == f"Step {number} of {len(steps)}"
        assert page.url.endswith(f"#step-{number}")
    page.keyboard.press("PageDown")  # past the end: stays on the help screen
    assert shown(page) == [steps[-1]]
    assert page.locator(f"#{steps[-1]} h2").inner_text() == "Where to get help"
    # And back with every "previous" key.
    backward = ["PageUp", "ArrowLeft", "Shift+Space", "ArrowUp"]
    for number in range(len(steps) - 1, 0, -1):
        page.keyboard.press(backward[number % len(backward)])
        assert shown(page) == [f"step-{number}"]
    page.keyboard.press("End")
    assert shown(page) == [steps[-1]]
    page.keyboard.press("Home")
    assert shown(page) == ["step-1"]
    assert not tab.errors, tab.errors
    assert not [url for url in tab.requests if not site.own_request(url)]


def test_the_buttons_step_too_and_stop_at_either_end(tab, served_site):
    site = served_site(SITE)
    page = tab.open(site.url(PROJECTOR))
    back, forward = page.get_by_role("button", name="Back"), page.get_by_role("button", name="Next")
    assert back.is_disabled()
    forward.click()
    assert shown(page) == ["step-2"]
    back.click()
    assert shown(page) == ["step-1"]
    # Space on a focused button presses that button once; it does not step twice.
    forward.focus()
    page.keyboard.press(" ")
    assert shown(page) == ["step-2"]


def test_the_lesson_page_opens_its_projector_view(tab, site_at):
    site = site_at(SITE)
    page = tab.open(site.url(LESSON))
    page.get_by_role("link", name="Show on a projector").click()
    page.wait_for_url(f"**/{PROJECTOR}*")
    assert shown(page) == ["step-1"]
    page.get_by_role("link", name="Back to the lesson").click()
    page.wait_for_url(f"**/{LESSON}")
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("width,height", [(1280, 800), (1920, 1080)])
def test_text_is_big_enough_for_a_classroom(chromium, served_site, width, height):
    """Every step of a 4-7 lesson fits the screen with body text of at least 28 px at
    1280x800 (40 px at 1920x1080) and headings bigger still."""
    site = served_site(SITE)
    page = chromium.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(site.url(PROJECTOR))
        smallest = 28 if width < 1920 else 40
        for step in step_ids(site):
            page.goto(site.url(PROJECTOR) + f"#{step}")
            sizes = page.evaluate(f"""() => {{
              const step = document.getElementById("{step}");
              const size = el => parseFloat(getComputedStyle(el).fontSize);
              return {{
                text: Math.min(...Array.from(step.querySelectorAll("p, li")).map(size)),
                heading: size(step.querySelector("h1, h2")),
                fits: step.scrollHeight <= step.clientHeight + 1,
              }};
            }}""")
            assert sizes["text"] >= smallest, (step, sizes)
            assert sizes["heading"] > sizes["text"], (step, sizes)
            assert sizes["fits"], (step, sizes)
    finally:
        page.close()


def test_no_axe_violations_on_a_projector_page(tab, served_site, axe_script):
    site = served_site(SITE)
    page = tab.open(site.url(PROJECTOR))
    page.add_script_tag(path=str(axe_script))
    for step in ("step-1", step_ids(site)[-1]):
        page.evaluate(f"location.hash = '#{step}'")
        page.wait_for_function(f"document.getElementById('{step}').offsetParent !== null")
        found = page.evaluate("""async (tags) => (await axe.run(document,
            {runOnly: {type: "tag", values: tags}})).violations.map(v =>
            v.impact + " " + v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))""",
                              WCAG_21_AA)
        assert found == [], step
