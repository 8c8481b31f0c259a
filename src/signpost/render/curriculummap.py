"""The curriculum map, a page of any site with lesson plans (the teachers' site): which lessons
each age group takes, topic by topic; the framework strands each lesson teaches toward (from
its `framework:` tags and the frameworks in topics.yml); and, band by band, each lesson's
strands, sources and last safeguarding review. Lessons carry their teaching-order numbers, the
same as on the learner sites, in the packs and in the facilitator guides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..frameworks import FrameworkTag, module_tags
from ..model import AGE_BANDS, Curriculum, Framework, Module
from ..regions import markdown_text as md
from ..select import ModulePage, SiteContent
from .lessonplan import lesson_sequence

if TYPE_CHECKING:
    from .pages import DocsTree

MAP_PAGE = "curriculum-map.md"
NONE = "–"
INTRODUCTION = ("Which lessons each age group takes, and what each one teaches toward. Lessons "
                "are numbered in teaching order, the same numbers as on the learner sites, in "
                "the packs and in the facilitator guides.")


def band_lessons(curriculum: Curriculum, content: SiteContent) -> dict[str, list[ModulePage]]:
    """Each band's lesson plans on this site, in teaching order."""
    bands: dict[str, list[ModulePage]] = {}
    for section in content.sections:
        if section.section.view != "lesson-plan":
            continue
        for group in section.groups:
            if group.band:
                bands.setdefault(group.band, []).extend(group.pages)
    return {band: lesson_sequence(curriculum, bands[band]) for band in AGE_BANDS if band in bands}


def lesson_link(number: int, page: ModulePage, short: bool = False) -> str:
    text = str(number) if short else f"Lesson {number}: {md(page.module.title)}"
    return f"[{text}]({page.path})"


def topics_table(curriculum: Curriculum, bands: dict[str, list[ModulePage]]) -> list[str]:
    lines = ["| Topic | " + " | ".join(f"Ages {band}" for band in bands) + " |",
             "| --- |" + " --- |" * len(bands)]
    for topic in curriculum.topics:
        cells = []
        for pages in bands.values():
            links = [lesson_link(n, p) for n, p in enumerate(pages, 1) if p.module.topic == topic.id]
            cells.append("<br>".join(links) or NONE)
        if any(cell != NONE for cell in cells):
            lines.append(f"| {md(topic.title)} | " + " | ".join(cells) + " |")
    return lines


def strands_table(framework: Framework, bands: dict[str, list[ModulePage]],
                  tags: dict[str, list[FrameworkTag]]) -> list[str]:
    """Strands by bands, each cell the numbers of the lessons tagged with it (a dash: none)."""
    heads = [f"Ages {band} ({framework.id} {framework.bands[band]})" if band in framework.bands
             else f"Ages {band}" for band in bands]
    lines = ["| Strand | " + " | ".join(heads) + " |", "| --- |" + " --- |" * len(bands)]
    for strand in framework.strands:
        cells = []
        for pages in bands.values():
            links = [lesson_link(n, p, short=True) for n, p in enumerate(pages, 1)
                     if any(t.framework == framework and t.strand == strand
                            for t in tags[p.module.id])]
            cells.append(", ".join(links) or NONE)
        lines.append(f"| {md(strand)} | " + " | ".join(cells) + " |")
    return lines


def strands_text(tags: list[FrameworkTag]) -> str:
    """"EfCW: Online relationships; Privacy and security" (the band is the row's)."""
    by_framework: dict[str, list[str]] = {}
    for tag in tags:
        by_framework.setdefault(tag.framework.id, []).append(tag.strand)
    return "<br>".join(md(f"{framework}: " + "; ".join(strands))
                       for framework, strands in by_framework.items()) or NONE


def review_text(module: Module) -> str:
    day = module.last_reviewed
    return f"{day.day} {day:%B %Y}" if day else NONE


def band_table(pages: list[ModulePage], curriculum: Curriculum,
               tags: dict[str, list[FrameworkTag]]) -> list[str]:
    lines = ["| Lesson | Topic | Strands | Sources | Last review |",
             "| --- | --- | --- | --- | --- |"]
    for number, page in enumerate(pages, 1):
        topic = curriculum.topic(page.module.topic)
        sources = "<br>".join(md(source) for source in page.module.sources) or NONE
        lines.append(f"| {lesson_link(number, page)} | {md(topic.title if topic else '')} | "
                     f"{strands_text(tags[page.module.id])} | {sources} | "
                     f"{review_text(page.module)} |")
    return lines


def map_markdown(curriculum: Curriculum, bands: dict[str, list[ModulePage]]) -> str:
    tags = {page.module.id: module_tags(page.module, curriculum.frameworks)
            for pages in bands.values() for page in pages}
    lines = ["# Curriculum map", "", INTRODUCTION, "{ .sp-summary }", "",
             "## Topics and age groups", "", *topics_table(curriculum, bands)]
    for framework in curriculum.frameworks:
        lines += ["", f"## {md(framework.title)}", "",
                  "The strands each lesson teaches toward, by lesson number. A dash: no "
                  "lesson for this age group teaches toward the strand yet.", "",
                  *strands_table(framework, bands, tags)]
    lines += ["", "## Lessons, sources and reviews"]
    for band, pages in bands.items():
        lines += ["", f"### Ages {band}", "", *band_table(pages, curriculum, tags)]
    return "\n".join(lines) + "\n"


def curriculum_map_page(curriculum: Curriculum, content: SiteContent, tree: DocsTree) -> None:
    """Adds the map to a site with lesson plans; other sites get none."""
    bands = band_lessons(curriculum, content)
    if bands:
        tree.pages[MAP_PAGE] = map_markdown(curriculum, bands)
        tree.nav.append({"Curriculum map": MAP_PAGE})
