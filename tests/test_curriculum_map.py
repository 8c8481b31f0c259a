"""The teachers' curriculum map: every lesson, by topic and band, with the EfCW strands its
`framework:` tags name, its sources and its last review, from the built site."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from signpost.frameworks import module_tags
from signpost.model import AGE_BANDS, Module
from signpost.render.lessonplan import lesson_sequence
from signpost.select import ModulePage, children_modules, in_prerequisite_order


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def table_after(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start:html.index("</table>", start)]


def rows(table: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", table, re.S)


def lessons_by_band(curriculum) -> dict[str, list[Module]]:
    """Each band's lessons in teaching order (the order of the guides and learner sites)."""
    return {band: in_prerequisite_order(curriculum, children_modules(curriculum, band))
            for band in AGE_BANDS}


def test_the_map_lists_every_lesson_with_its_number_strands_and_sources(
        shipped_build: Path, shipped_curriculum) -> None:
    html = (shipped_build / "site" / "teachers" / "curriculum-map.html").read_text("utf-8")
    for band, modules in lessons_by_band(shipped_curriculum).items():
        band_rows = rows(table_after(html, f"ages-{band}"))[1:]
        assert len(band_rows) == len(modules), band
        for number, (module, row) in enumerate(zip(modules, band_rows, strict=True), 1):
            cells = text(row)
            assert f"Lesson {number}: {module.title}" in cells
            for tag in module_tags(module, shipped_curriculum.frameworks):
                assert tag.strand in cells, (module.id, tag.strand)
            for source in module.sources:
                assert source in cells, (module.id, source)


def test_each_strand_row_links_the_lessons_tagged_with_it(
        shipped_build: Path, shipped_curriculum) -> None:
    html = (shipped_build / "site" / "teachers" / "curriculum-map.html").read_text("utf-8")
    framework = shipped_curriculum.frameworks[0]
    table = table_after(html, "ukcis-education-for-a-connected-world-2020-edition")
    assert len(rows(table)) - 1 == len(framework.strands)
    lessons = lessons_by_band(shipped_curriculum)
    for strand in framework.strands:
        row = next(r for r in rows(table)[1:] if text(r).strip().startswith(strand))
        for band, modules in lessons.items():
            for module in modules:
                tagged = any(t.strand == strand for t in module_tags(module, [framework]))
                linked = f'href="lesson-plans/{band}/{module.id}.html"' in row
                assert tagged == linked, (strand, band, module.id)


def test_the_map_is_in_the_teachers_navigation_only(shipped_build: Path) -> None:
    site = shipped_build / "site"
    home = (site / "teachers" / "index.html").read_text("utf-8")
    article = home[home.index("<article"):home.index("</article>")]
    # the home page's "Planning the unit" links the map, each letter and each sheet
    assert 'href="curriculum-map.html"' in article
    for band in AGE_BANDS:
        assert f'href="letters/{band}.html"' in article
        assert f'href="what-i-know/{band}.html"' in article
    for learner in ("children-4-7", "children-8-10", "children-11-13", "teens-14-17", "parents"):
        assert not (site / learner / "curriculum-map.html").exists()


def test_lesson_sequence_matches_the_map_numbers(shipped_curriculum) -> None:
    """The map numbers lessons as lesson_sequence does (the numbers of sites and guides)."""
    modules = lessons_by_band(shipped_curriculum)["8-10"]
    pages = [ModulePage(m, "lesson-plan", (), frozenset(), m.id, "8-10") for m in modules]
    assert [p.module.id for p in lesson_sequence(shipped_curriculum, list(reversed(pages)))] \
        == [m.id for m in modules]
