"""The look per audience, in the built HTML: labels said once, no timings for learners,
pictures with alt text that exist, and credits with the licences shipped beside them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from signpost.model import Block
from signpost.render.markdown import FACILITATOR_LABELS, LEARNER_LABELS, block_title

LEARNER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17"]
ALL_SITES = [*LEARNER_SITES, "parents", "teachers"]


def articles(built: Path, site: str):
    for path in sorted((built / "site" / site).rglob("*.html")):
        if "assets" in path.parts or path.name == "404.html":
            continue
        article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article")
        if article is not None:
            yield path, article


def box_titles(article) -> list[str]:
    return [node.text(strip=True) for node in article.css(".admonition-title")]


@pytest.mark.parametrize("site", LEARNER_SITES)
def test_learner_pages_show_no_lesson_timings(shipped_build, site) -> None:
    checked = 0
    for path, article in articles(shipped_build, site):
        for title in box_titles(article):
            checked += 1
            assert not re.search(r"\(\d+ minutes?\)", title), (path, title)
    assert checked > 20


def test_teachers_pages_keep_the_timings(shipped_build) -> None:
    titles = [t for _, a in articles(shipped_build, "teachers") for t in box_titles(a)]
    assert sum(bool(re.search(r"\(\d+ minutes\)", t)) for t in titles) > 20


@pytest.mark.parametrize("site", ALL_SITES)
def test_no_box_label_is_said_twice(shipped_build, site) -> None:
    labels = {*LEARNER_LABELS.values(), *FACILITATOR_LABELS.values()}
    for path, article in articles(shipped_build, site):
        for title in box_titles(article):
            words = re.sub(r"\s*\(\d+ minutes\)$", "", title)
            for label in labels:
                assert not words.casefold().startswith(f"{label}: {label}".casefold()), (path, title)
            assert words.count(":") <= 1, (path, title)


@pytest.mark.parametrize(("title", "learner", "facilitator"), [
    (None, "Remember", "Key points (5 minutes)"),
    ("Remember", "Remember", "Key points: Remember (5 minutes)"),
    ("Key points", "Remember: Key points", "Key points (5 minutes)"),
    ("Warm-up: who could you tell?", "Warm-up: who could you tell?",
     "Warm-up: who could you tell? (5 minutes)"),
    ("Traffic lights", "Remember: Traffic lights", "Key points: Traffic lights (5 minutes)"),
])
def test_block_titles(title, learner, facilitator) -> None:
    block = Block("keypoints", title, 5, (), 1, 2)
    assert block_title(block, LEARNER_LABELS) == learner
    assert block_title(block, FACILITATOR_LABELS) == facilitator


@pytest.mark.parametrize("site", ALL_SITES)
def test_every_picture_exists_and_has_alt_text(shipped_build, site) -> None:
    folder = shipped_build / "site" / site
    for path, article in articles(shipped_build, site):
        for img in article.css("img"):
            assert "alt" in img.attributes, (path, img.html)
            target = (path.parent / img.attributes["src"]).resolve()
            assert target.is_file() and target.is_relative_to(folder.resolve()), (path, img.html)
            svg = target.read_text(encoding="utf-8")
            assert "<script" not in svg and "http://www.w3.org/2000/svg" in svg
            assert not re.search(r"(?:href|src)=\"(?:https?:)?//", svg), target


@pytest.mark.parametrize("site", ALL_SITES)
def test_credits_name_the_licences_shipped_in_the_site(shipped_build, site) -> None:
    folder = shipped_build / "site" / site
    home = LexborHTMLParser((folder / "index.html").read_text(encoding="utf-8"))
    credits = home.css_first("article .sp-credits")
    assert credits is not None and "Material Design Icons" in credits.text()
    for link in credits.css("a"):
        licence = folder / link.attributes["href"]
        assert licence.is_file() and licence.stat().st_size > 500, licence
    css = (folder / "assets" / "site.css").read_text(encoding="utf-8")
    for font in re.findall(r'url\("(fonts/[^"]+)"\)', css):
        assert (folder / "assets" / font).is_file(), font
    if re.search(r'url\("fonts/', css):
        assert "SIL Open Font License" in credits.text()


def test_picture_book_home_has_one_card_per_lesson_in_teaching_order(shipped_build) -> None:
    import yaml

    config = yaml.safe_load((shipped_build / "sources" / "children-4-7" / "mkdocs.yml").read_text())
    lessons = next(item["Lessons"] for item in config["nav"] if "Lessons" in item)
    home = LexborHTMLParser((shipped_build / "site" / "children-4-7" / "index.html").read_text())
    cards = home.css("article a.sp-tile")
    assert [c.attributes["href"] for c in cards] == \
        [next(iter(e.values())).replace(".md", ".html") for e in lessons]
    for number, card in enumerate(cards, 1):
        assert card.css_first(".sp-tile-number").text() == f"Lesson {number}"
        assert card.css_first("img.sp-tile-picture") is not None
