"""axe-core finds no serious or critical WCAG 2.1 AA violation, the page language is the
site's, and the keyboard reaches the content first."""

from __future__ import annotations

import pytest
import yaml

from .conftest import ROOT, SITE_IDS

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "")),
  }));
}"""


def site_language(site_id: str) -> str:
    for path in (ROOT / "audiences").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("id") == site_id:
            return str(data.get("language", "en"))
    raise AssertionError(f"no audience file for {site_id}")


def serious_violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate(RUN_AXE, WCAG_21_AA)
    return [
        f"{v['impact']} {v['id']} ({v['help']}):\n    " + "\n    ".join(v["nodes"][:5])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_no_serious_wcag_violations(tab, served_site, axe_script, site_id):
    site = served_site(site_id)
    problems = []
    for relative in ("index.html", site.module_page(), "glossary.html", "get-help.html"):
        page = tab.open(site.url(relative))
        problems += [f"{relative}: {line}" for line in serious_violations(page, axe_script)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_pages_declare_the_site_language(tab, served_site, site_id):
    site = served_site(site_id)
    page = tab.open(site.url(site.module_page()))
    language = site_language(site_id)  # with the build's region (GB) where it names none
    assert page.get_attribute("html", "lang") == (language if "-" in language else f"{language}-GB")


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_first_tab_reaches_a_visible_skip_link_to_the_content(tab, served_site, site_id):
    site = served_site(site_id)
    page = tab.open(site.url(site.module_page()))
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("el => el.classList.contains('md-skip')"), "Tab skipped the skip link"
    # It fades in: wait until it is fully shown.
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    target = focused.evaluate("el => el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator(f"article {target}").count() == 1, f"{target} is not in the content"
