"""Issue 15, second edition: the safety advice in the shipped curriculum, read from built pages.

The sites are built once (region GB, no PDFs) and the learner and parents' lesson pages are read
as people see them (the article of each built HTML page, tags stripped):

- every children's lesson page that advises taking screenshots says, on that page, never to
  screenshot, save or forward a picture of someone's body;
- every list of steps, and every sentence, that names the steps keeps one order: stop, tell a
  trusted adult, save evidence, report, block (report never after block);
- the two sextortion lessons give the region's child helpline and emergency number as one calm line;
- the subtle-blame framings the review named are gone from learner pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import copy_project, run_signpost
from signpost.regions import region_variables
from signpost.select import select_site

CHILDREN_SITES = ("children-4-7", "children-8-10", "children-11-13", "teens-14-17")
NEVER_A_BODY = "never screenshot, save or forward a picture of someone's body"
# Step names in their one order; a paragraph or list item is placed by the first it names.
STEPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stop", re.compile(r"\b(stop replying|end the stream|end it|stop:|stop\.|stop,)")),
    ("tell", re.compile(r"\btell (a trusted adult|an adult|you\b|his mum|her aunt)")),
    ("save", re.compile(r"\b(take|save|saving) (a )?screenshots?|\bscreenshot (the|usernames)"
                        r"|\b(save|saving|saved) (the )?(evidence|message|messages|chat|words)")),
    ("report", re.compile(r"\breport(s|ed|ing)?\b")),
    ("block", re.compile(r"\bblock(s|ed|ing)?\b(?! copies)")),
)
ORDER = [name for name, _ in STEPS]
# Button names, not advice: "where the block and report buttons are".
BUTTON_NAMES = re.compile(r"block and report buttons?")
# A clause that says what comes before ("Block Kai, after saving and reporting") names no step
# in the order it is read.
AFTER_CLAUSE = re.compile(r"\b(after|once)\b[^.:;]*")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("edition2"))
    result = run_signpost(root, "build", "--no-pdf", "--region", "GB")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "build" / "site"


def article_text(page_html: str) -> str:
    article = page_html.split("<article", 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def units(page_html: str) -> list[str]:
    """The text of each paragraph and list item of a page's article, lower case."""
    article = page_html.split("<article", 1)[1].split("</article>", 1)[0]
    found = re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", article, flags=re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).lower().split())
            for _, body in found]


def lists(page_html: str) -> list[list[str]]:
    """The items of each list (ol or ul, not nested) of a page's article, lower case.

    Card sets are left out: their cards are printed in a muddle on purpose, to be sorted.
    """
    article = page_html.split("<article", 1)[1].split("</article>", 1)[0]
    article = re.sub(r'<div class="admonition sp-cards">.*?</div>', "", article, flags=re.S)
    out = []
    for _, body in re.findall(r"<(ol|ul)\b[^>]*>(.*?)</\1>", article, flags=re.S):
        items = re.findall(r"<li\b[^>]*>(.*?)</li>", body, flags=re.S)
        out.append([" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).lower().split())
                    for item in items])
    return out


def lesson_pages(built: Path, curriculum, sites: tuple[str, ...]):
    for site in sites:
        for page in select_site(curriculum, curriculum.sites[site]).pages():
            path = built / site / page.path.replace(".md", ".html")
            yield f"{site}/{page.path}", path.read_text(encoding="utf-8")


def step_positions(text: str) -> list[tuple[int, str]]:
    """(offset, step) of the first place each step is named in `text`, in text order."""
    text = AFTER_CLAUSE.sub("", BUTTON_NAMES.sub("", text))
    # "Never screenshot ..." and "do not screenshot ..." forbid; they are not the save step.
    text = re.sub(r"(never|not|don't) (take |save |keep )?screenshots?", "", text)
    found = []
    for name, pattern in STEPS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), name))
    return sorted(found)


def test_every_page_that_mentions_screenshots_says_never_a_body(built, shipped_curriculum) -> None:
    checked = 0
    for name, page_html in lesson_pages(built, shipped_curriculum, CHILDREN_SITES):
        text = " ".join(article_text(page_html).lower().split()).replace("\u2019", "'")
        if STEPS[2][1].search(text):  # advice to take or save screenshots
            checked += 1
            assert NEVER_A_BODY in text, name
    assert checked >= 10  # the games, friendship, sextortion, images and livestream lessons


def test_report_comes_before_block_everywhere(built, shipped_curriculum) -> None:
    sites = (*CHILDREN_SITES, "parents")
    checked = 0
    for name, page_html in lesson_pages(built, shipped_curriculum, sites):
        for unit in units(page_html):
            unit = AFTER_CLAUSE.sub("", BUTTON_NAMES.sub("", unit))
            report = re.search(STEPS[3][1], unit)
            block = re.search(STEPS[4][1], unit)
            if report and block:
                checked += 1
                assert report.start() < block.start(), f"{name}: {unit}"
    assert checked >= 20


def test_steps_in_one_order_in_sentences_and_lists(built, shipped_curriculum) -> None:
    sites = (*CHILDREN_SITES, "parents")
    checked = 0
    for name, page_html in lesson_pages(built, shipped_curriculum, sites):
        for unit in units(page_html):
            for sentence in re.split(r"(?<=[.!?])\s+", unit):
                steps = [step for _, step in step_positions(sentence)]
                if len(steps) >= 3:  # each step is named once: its first place
                    checked += 1
                    ranks = [ORDER.index(step) for step in steps]
                    assert ranks == sorted(ranks), f"{name}: {sentence}"
        for items in lists(page_html):
            firsts = [found[0][1] for found in map(step_positions, items) if found]
            if len(set(firsts)) >= 3:  # a list of steps, not a list that mentions reporting
                checked += 1
                ranks = [ORDER.index(step) for step in firsts]
                assert ranks == sorted(ranks), f"{name}: {items}"
    assert checked >= 25


@pytest.mark.parametrize("site, lesson", [
    ("children-11-13", "sextortion/when-someone-makes-threats.html"),
    ("teens-14-17", "sextortion/sextortion-how-the-scam-works.html"),
])
def test_sextortion_lessons_give_one_calm_crisis_line(built, site: str, lesson: str) -> None:
    text = " ".join(article_text((built / site / lesson).read_text(encoding="utf-8")).split())
    line = "If you feel panicked, hopeless or unsafe right now, you can talk to Childline, or call 999."
    assert text.count(line) == 1


def test_crisis_line_resolves_in_every_region(shipped_curriculum) -> None:
    for code in shipped_curriculum.regions:
        values = region_variables(shipped_curriculum, code)["region"]
        assert values["emergency"], code
        assert values["child_helpline"]["name"], code


@pytest.mark.parametrize("site, lesson, framing", [
    ("teens-14-17", "images-and-consent/nudes-pressure-and-consent.html",
     "what a better choice would have been"),
    ("children-11-13", "livestreaming/going-live-with-care.html", "what she is wearing"),
    ("children-11-13", "online-friendships/when-a-friendship-changes.html", "should first"),
    ("children-8-10", "online-friendships/real-friends-and-warning-signs.html", "could first tell"),
    ("teens-14-17", "sextortion/sextortion-how-the-scam-works.html", "tipped Ethan off"),
])
def test_named_blame_framings_are_gone(built, site: str, lesson: str, framing: str) -> None:
    text = " ".join(article_text((built / site / lesson).read_text(encoding="utf-8")).split())
    assert "Ethan" in text or "Jamal" in text or "Priya" in text or "Jess" in text or "Mia" in text
    assert framing not in text


def test_friend_reply_does_not_promise_to_keep_it_from_school(shipped_curriculum) -> None:
    module = next(m for m in shipped_curriculum.modules.values() if m.id == "when-a-friend-tells-you")
    assert "won't tell anyone at school" not in module.source_text


def test_characters_keep_one_role_across_bands(shipped_curriculum) -> None:
    """Kai and Jess are children who are targeted (8-10 games, 11-13 friendships); the
    accounts that groom them are screen names (StarBuilder, PaintPal, Inkwell), never a
    child's name from another band's story."""
    text = {m.id: m.source_text for m in shipped_curriculum.modules.values()}
    assert "Kai" in text["chatting-in-games"] and "Jess" in text["when-a-friendship-changes"]
    assert not re.search(r"\bKai\b", text["when-a-friendship-changes"])
    assert not re.search(r"\bJess\b", text["real-friends-and-warning-signs"])
    assert "PaintPal" in text["real-friends-and-warning-signs"]
    assert "Inkwell" in text["when-a-friendship-changes"]


def test_every_topic_is_taught_in_every_band_from_its_youngest(shipped_curriculum) -> None:
    from signpost.model import AGE_BANDS, band_index

    lessons = [m for m in shipped_curriculum.modules.values() if m.audience == "children"]
    for topic in shipped_curriculum.topics:
        for band in AGE_BANDS[band_index(topic.min_band):]:
            assert any(m.topic == topic.id and band in m.age_bands for m in lessons), \
                (topic.id, band)


def test_the_second_edition_counts(shipped_curriculum) -> None:
    from signpost.model import AGE_BANDS

    modules = list(shipped_curriculum.modules.values())
    for band in AGE_BANDS:
        band_lessons = [m for m in modules if m.audience == "children" and band in m.age_bands]
        assert len(band_lessons) >= 8, band
        assert all(any(b.kind == "quiz" for b in m.blocks()) for m in band_lessons), band
    assert len([m for m in modules if m.audience == "parents"]) >= 10
    assert len([m for m in modules if m.audience == "teachers"]) >= 8


def test_no_module_cites_a_seed_paper_as_evidence(shipped_curriculum) -> None:
    """The seed papers describe the problem; claims cite the primary works behind them."""
    seeds = re.compile(r"Bukhari|Imran Ali|Combating Online Child Sexual Exploitation")
    for module in shipped_curriculum.modules.values():
        assert not [s for s in module.sources if seeds.search(s)], module.id
