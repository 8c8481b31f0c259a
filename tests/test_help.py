"""Help one tap away, in the built HTML: the header's "Get help" link and quick exit, the
"Is this happening now?" box on the flagged topics' lessons, tappable numbers, the page
language with its region."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from signpost.render.pages import dial_digits, docs_tree, phone_link, sms_link
from signpost.render.siteconfig import page_language
from signpost.select import select_site

LEARNER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17"]
EXIT_SITES = [*LEARNER_SITES, "parents"]
ALL_SITES = [*EXIT_SITES, "teachers"]
URGENT = 'class="admonition sp-urgent"'


def pages_of(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def header(html: str) -> str:
    match = re.search(r"<header\b.*?</header>", html, re.S)
    assert match, "no <header>"
    return match.group(0)


@pytest.mark.slow
@pytest.mark.parametrize("site_id", ALL_SITES)
def test_every_page_has_get_help_in_its_header(shipped_build, site_id) -> None:
    site_dir = shipped_build / "site" / site_id
    for path in pages_of(site_dir):
        links = re.findall(r'<a href="([^"]*)" class="md-header__button sp-header-help"',
                           header(path.read_text(encoding="utf-8")))
        assert len(links) == 1, f"{path.relative_to(site_dir)}: no Get help in the header"
        target = (path.parent / links[0]).resolve()
        assert target == (site_dir / "get-help.html").resolve(), path


@pytest.mark.slow
@pytest.mark.parametrize("site_id", ALL_SITES)
def test_quick_exit_on_learner_and_parent_sites_only(shipped_build, site_id) -> None:
    site_dir = shipped_build / "site" / site_id
    for path in pages_of(site_dir):
        html = path.read_text(encoding="utf-8")
        exits = re.findall(r'<a href="([^"]*)" class="md-header__button sp-quick-exit"[^>]*>',
                           header(html))
        if site_id == "teachers":
            assert not exits and "quick-exit.js" not in html, path
            continue
        assert len(exits) == 1, f"{path}: no quick exit in the header"
        assert exits[0] == "https://www.bbc.co.uk/weather"
        assert re.search(r'<script src="[^"]*assets/quick-exit\.js"', html), path
    help_page = (site_dir / "get-help.html").read_text(encoding="utf-8")
    assert ("Leaving this site quickly" in help_page) == (site_id != "teachers")
    assert (site_dir / "assets" / "quick-exit.js").is_file() == (site_id != "teachers")


@pytest.mark.slow
@pytest.mark.parametrize("site_id", ALL_SITES)
def test_urgent_box_only_on_the_flagged_topics_lessons(shipped_build, shipped_curriculum,
                                                        site_id) -> None:
    site = shipped_curriculum.sites[site_id]
    site_dir = shipped_build / "site" / site_id
    flagged = {t.id for t in shipped_curriculum.topics if t.urgent_help}
    assert {"sextortion", "images-and-consent", "deepfakes", "online-friendships",
            "livestreaming", "reporting"} <= flagged
    assert not any(t.min_band == "4-7" for t in shipped_curriculum.topics if t.urgent_help)
    module_pages = set()
    for page in select_site(shipped_curriculum, site).pages():
        if page.view == "summary":  # "What your child is learning": not a lesson
            continue
        html_path = site_dir / (page.path.removesuffix(".md") + ".html")
        module_pages.add(html_path)
        html = html_path.read_text(encoding="utf-8")
        wanted = page.module.topic in flagged and site.kind != "teachers" \
            and page.view != "lesson-plan"
        assert (URGENT in html) == wanted, f"{site_id}/{page.path}"
        if wanted:
            # First in the lesson, before the summary and the lesson text.
            article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
            assert article.index(URGENT) < article.index("sp-summary"), page.path
            box = article[article.index(URGENT):].split("</div>", 1)[0]
            assert 'href="' in box and "get-help.html" in box
            assert "Is this happening now?" in box
    home = site_dir / "index.html"
    for path in pages_of(site_dir):
        if path not in module_pages and not (site.kind == "parents" and path == home):
            assert URGENT not in path.read_text(encoding="utf-8"), path
    if site.kind == "parents":  # the home page opens with the guides for when it has happened
        html = home.read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[1]
        box = article[article.index(URGENT):].split("</div>", 1)[0]
        assert "Has something already happened?" in box and "get-help.html" in box
        for page in select_site(shipped_curriculum, site).pages():
            if page.view == "reader" and page.module.topic in flagged:
                assert f'href="{page.path.removesuffix(".md")}.html"' in box, page.path
    if site_id == "children-4-7":
        assert not any(URGENT in p.read_text(encoding="utf-8") for p in pages_of(site_dir))


@pytest.mark.slow
def test_gb_help_page_numbers_are_tappable(shipped_build) -> None:
    for site_id in ALL_SITES:
        html = (shipped_build / "site" / site_id / "get-help.html").read_text(encoding="utf-8")
        assert '<a href="tel:08001111">0800 1111</a>' in html, site_id
        assert '<a href="tel:999">999</a>' in html, site_id
    lesson = (shipped_build / "site" / "teens-14-17" / "sextortion").glob("sextortion*.html")
    html = next(lesson).read_text(encoding="utf-8")
    assert html.count('href="tel:08001111"') >= 2  # the urgent box and the help box


@pytest.mark.slow
@pytest.mark.parametrize("site_id", ALL_SITES)
def test_gb_build_pages_declare_en_gb(shipped_build, site_id) -> None:
    for path in pages_of(shipped_build / "site" / site_id):
        assert '<html lang="en-GB"' in path.read_text(encoding="utf-8"), path


def test_sms_and_vanity_numbers(shipped_curriculum) -> None:
    assert dial_digits("1-800-THE-LOST (1-800-843-5678)") == "18008435678"
    assert dial_digits("1-800-THE-LOST") == "18008435678"
    assert dial_digits("+44 20 7946 0000") == "+442079460000"
    assert phone_link("0800 1111") == "[0800 1111](tel:08001111)"
    assert sms_link("Text CONNECT to 686868") == "[Text CONNECT to 686868](sms:686868?body=CONNECT)"
    assert sms_link("Text 85258") == "[Text 85258](sms:85258)"
    assert sms_link("Text us") == "Text us"
    assert phone_link("your local emergency number") == "your local emergency number"
    # Canada's text line and the US vanity number, as their help pages write them.
    site = shipped_curriculum.sites["teens-14-17"]
    content = select_site(shipped_curriculum, site)
    canada = docs_tree(shipped_curriculum, content, "CA").pages["get-help.md"]
    assert "(sms:686868?body=CONNECT)" in canada
    assert "(tel:18006686868)" in canada
    usa = docs_tree(shipped_curriculum, content, "US").pages["get-help.md"]
    assert "(tel:18008435678)" in usa


def test_page_language_carries_the_region(shipped_curriculum) -> None:
    site = shipped_curriculum.sites["children-8-10"]
    assert page_language(site, "GB") == "en-GB"
    assert page_language(site, "AU") == "en-AU"
    assert page_language(site, "global") == "en"
    assert page_language(site, None) == "en"
    from dataclasses import replace

    assert page_language(replace(site, language="pt-BR"), "GB") == "pt-BR"
