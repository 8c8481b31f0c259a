"""Lesson plans in teaching order, on the teachers' site and in the printed guides:
a prep box, then a run sheet, then the lesson with each activity's answers after it,
then safeguarding and the family follow-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from signpost.diagnostics import Report
from signpost.loader import load_module
from signpost.model import AGE_BANDS, TIMED_KINDS, Block, Curriculum, Module, iter_blocks
from signpost.render.lessonplan import lesson_plan, lesson_sequence
from signpost.select import select_site

LEARNER_SITES = ["children-4-7", "children-8-10", "children-11-13", "teens-14-17"]
TIMED_LABELS = ("Activity", "Discussion", "Key points")


def plan_pages(curriculum: Curriculum):
    site = curriculum.sites["teachers"]
    return [p for p in select_site(curriculum, site).pages() if p.view == "lesson-plan"]


def guide_html(build: Path, band: str) -> str:
    """The HTML a band's guide is printed from, wherever the build keeps it."""
    for path in sorted(build.rglob(f"{band}.html")):
        text = path.read_text(encoding="utf-8")
        if 'class="module lesson-plan' in text:
            return text
    raise AssertionError(f"no guide HTML for ages {band} under {build}")


def run_rows(table) -> list[tuple[int, int, str, int]]:
    rows = []
    for tr in table.css("tbody tr"):
        cells = [c.text(strip=True) for c in tr.css("td, th")]
        match = re.fullmatch(r"(\d+)–(\d+)", cells[0])
        if match:
            rows.append((int(match[1]), int(match[2]), cells[1], int(cells[2])))
    return rows


def check_run_sheet(rows, module: Module, where: str) -> None:
    timed = [b for b in iter_blocks(module.body) if b.kind in TIMED_KINDS and b.minutes]
    assert rows and rows[0][0] == 0, where
    for (_, end, _, _), (start, _, _, _) in zip(rows, rows[1:], strict=False):
        assert end == start, where  # a running clock, no gaps
    assert all(end - start == minutes for start, end, _, minutes in rows), where
    assert rows[-1][1] == sum(r[3] for r in rows) == max(module.duration, module.timed_minutes())
    parts = [label for _, _, label, _ in rows if label.startswith(TIMED_LABELS)]
    assert len(parts) == len(timed), where
    for label, block in zip(parts, timed, strict=True):  # lesson order
        assert not block.title or block.title in label or block.title.lower() in \
            label.lower(), (where, label, block.title)
    if module.duration > module.timed_minutes():  # the untimed introduction comes first
        assert rows[0][2].startswith("Introduction") or rows[-1][2].startswith("Questions")


def check_lesson_order(titles: list[tuple[str, str]], where: str) -> None:
    """titles: (kind, title) of every box of the lesson, in page order."""
    last_anchor = None
    for kind, title in titles:
        if kind in ("activity", "discussion"):
            last_anchor = title
        elif kind == "answers" and ":" in title:
            named = title.split(":", 1)[1].strip()
            assert last_anchor is not None and named in last_anchor, (where, title, last_anchor)


# The teachers' site


def test_site_lesson_plan_is_prep_then_run_sheet_then_lesson(shipped_build,
                                                            shipped_curriculum) -> None:
    checked = 0
    for page in plan_pages(shipped_curriculum):
        path = (shipped_build / "site" / "teachers" / page.path).with_suffix(".html")
        html = path.read_text(encoding="utf-8")
        parsed = LexborHTMLParser(html)
        article = parsed.css_first("article")
        text = article.html
        prep = text.index('class="admonition sp-prep"')
        sheet = text.index('id="run-sheet"')
        lesson = text.index('id="the-lesson"')
        assert prep < sheet < lesson, page.path
        # the run sheet: lesson order, running times, adds up to the lesson length
        table = next(t for t in article.css("table") if "Timing" in t.text())
        check_run_sheet(run_rows(table), page.module, page.path)
        # answers after their activity; safeguarding and family after the last activity
        boxes = [(next(c[3:] for c in a.attributes["class"].split() if c.startswith("sp-")),
                  a.css_first(".admonition-title").text(strip=True))
                 for a in article.css(".admonition")]
        check_lesson_order(boxes, page.path)
        kinds = [kind for kind, _ in boxes]
        last_activity = max(i for i, k in enumerate(kinds) if k in ("activity", "discussion"))
        top_safeguarding = [i for i, k in enumerate(kinds) if k == "safeguarding"]
        assert top_safeguarding and min(top_safeguarding) > last_activity, page.path
        assert text.index('id="safeguarding"') > text.rindex("sp-activity")
        assert "Lesson " in parsed.css_first("article").text() and " of " in text
        checked += 1
    assert checked >= 24


def test_separate_answers_follow_their_activity_on_the_site(shipped_build) -> None:
    """An answers block after the key points is split by the activity titles it names."""
    html = (shipped_build / "site" / "teachers" / "lesson-plans" / "14-17" /
            "power-pressure-and-control.html").read_text(encoding="utf-8")
    html = html[html.index('id="the-lesson"'):]  # the boxes, not the run sheet's rows
    tactics = html.index("Activity: Spot the tactics (13 minutes)")
    answers = html.index("Answers: Spot the tactics")
    discussion = html.index("Discussion: Talking it through (11 minutes)")
    keypoints = html.index(">Key points (4 minutes)")
    assert tactics < answers < discussion < keypoints
    assert html.index("Answers: Flip the script") < keypoints


def test_site_nav_numbers_lessons_in_the_guides_order(shipped_build, shipped_curriculum) -> None:
    import yaml

    config = yaml.safe_load((shipped_build / "sources" / "teachers" / "mkdocs.yml").read_text())
    plans = next(item["Lesson plans"] for item in config["nav"] if "Lesson plans" in item)
    for group in plans:
        (title, entries), = group.items()
        band = title.removeprefix("Ages ")
        labels = [next(iter(entry)) for entry in entries]
        assert labels == [f"Lesson {i}: {label.split(': ', 1)[1]}"
                          for i, label in enumerate(labels, 1)]
        parsed = LexborHTMLParser(guide_html(shipped_build, band))
        contents = [li.text(strip=True) for li in parsed.css("nav.contents li:not(.extra)")]
        assert contents == labels, band


@pytest.mark.parametrize("site", LEARNER_SITES)
def test_learner_sites_have_no_lesson_plan_parts(shipped_build, site) -> None:
    for path in (shipped_build / "site" / site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "sp-prep" not in html and "Run sheet" not in html, path
        assert "Lesson 1 of" not in html, path


# The printed guides


@pytest.mark.parametrize("band", AGE_BANDS)
def test_guide_lesson_plans_are_in_teaching_order(shipped_build, shipped_curriculum,
                                                  band) -> None:
    parsed = LexborHTMLParser(guide_html(shipped_build, band))
    plans = parsed.css("article.lesson-plan")
    assert plans
    for article in plans:
        title = article.css_first("h1").text(strip=True)
        module = next(m for m in shipped_curriculum.modules.values() if m.title == title)
        text = article.html
        assert text.index('class="box prep') < text.index("run-sheet") < \
            text.index("lesson-heading"), title
        check_run_sheet(run_rows(article.css_first("table.run-sheet")), module, title)
        boxes = []
        for section in article.css("section.block"):
            kind = next(c[6:] for c in section.attributes["class"].split()
                        if c.startswith("block-"))
            label = section.css_first(".block-label").text(strip=True)
            label = re.sub(r"^Facilitator only\s*", "", label)
            boxes.append((kind, re.sub(r"\s*\(\d+ minutes\)$", "", label)))
        check_lesson_order(boxes, title)
        assert text.index("safeguarding-heading") > text.rindex("block-activity"), title
        assert text.rindex("block-family") > text.index("safeguarding-heading"), title


def test_lesson_numbers_match_the_site(shipped_curriculum) -> None:
    for band in AGE_BANDS:
        pages = [p for p in plan_pages(shipped_curriculum) if p.band == band]
        ordered = [p.module.id for p in lesson_sequence(shipped_curriculum, pages)]
        from signpost.select import children_modules, in_prerequisite_order
        guide = [m.id for m in in_prerequisite_order(
            shipped_curriculum, children_modules(shipped_curriculum, band))]
        assert ordered == guide


# The placement rules, on a module written for them

MODULE = """---
id: rules-test
title: Rules test
audience: children
age_bands: [8-10]
topic: trusted-adults
duration: 40
summary: A module to test where notes go.
objectives:
  - I can test.
  - I can test again.
materials: [Card sets]
sources: [Test]
last_reviewed: 2026-11-01
---

## Opening

Words before the first activity.

:::: activity "Sort the cards" 10
Sort them.

::: answers
Nested answers for sorting.
:::
::::

::: facilitator "Notes: Role play"
Notes titled for the role play.
:::

::: activity "Role play" 10
Act it out.
:::

::: discussion "Talk" 5
- Why?
:::

::: keypoints "Remember" 5
- Remember this.
:::

::: facilitator "Before the lesson"
Print the cards.
Move the tables.
:::

::: answers
"Role play": any kind reply.
Talk: there is no wrong answer.
:::

::: safeguarding
A child may tell you something. Stay calm.
:::

::: family
Talk at home.
:::
"""


def test_placement_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules-test.md"
    path.write_text(MODULE, encoding="utf-8")
    module = load_module(path, Report(tmp_path))
    assert module is not None
    plan = lesson_plan(module, module.body)
    # the titled "Before the lesson" block is the prep, one note a line
    prep = "\n".join(n.markdown for n in plan.preparation)
    assert "Print the cards.\n\nMove the tables." in prep
    assert "A child may tell you something." in plan.dsl
    # run sheet: introduction first (text comes before the first activity), then lesson order
    assert [(r.start, r.end, r.label) for r in plan.run_sheet] == [
        (0, 10, "Introduction and ground rules"), (10, 20, "Activity: Sort the cards"),
        (20, 30, "Activity: Role play"), (30, 35, "Discussion: Talk"),
        (35, 40, "Key points: Remember")]
    blocks = [(n.kind, n.title) for n in plan.lesson if isinstance(n, Block)]
    assert blocks == [
        ("activity", "Sort the cards"),  # its nested answers stay inside it
        ("activity", "Role play"), ("facilitator", "Notes: Role play"), ("answers", "Role play"),
        ("discussion", "Talk"), ("answers", "Talk"),
        ("keypoints", "Remember"),
    ]
    assert [b.kind for b in plan.lesson[1].children if isinstance(b, Block)] == ["answers"]
    assert [b.kind for b in plan.safeguarding] == ["safeguarding"]
    assert [b.kind for b in plan.family] == ["family"]
