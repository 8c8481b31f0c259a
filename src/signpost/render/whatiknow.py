"""What-I-know sheets: one per band (a sheet of paper, both sides if need be), built from the
"I can ..." objectives of the band's lessons, for a learner to mark before the unit and after
it (a smiley scale for 4-7).

The teachers' site gets a page per band (print it, one per learner); each learner pack
prints its band's sheet. Nothing is collected: the sheet stays with the learner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import N_, _
from ..model import Curriculum, Module

if TYPE_CHECKING:
    from ..select import SiteContent
    from .pages import DocsTree

SMILEY_BANDS = frozenset({"4-7"})
# The scale as words, in the order learners read it; the printed 4-7 sheet draws faces over them.
SCALE = (N_("Not yet"), N_("A bit"), N_("Yes"))
INTRODUCTION = N_("Before the first lesson, and again after the last one, mark how sure you "
                  "feel about each sentence. There are no wrong answers.")
TEACHER_NOTE = ("Print one sheet for each learner. Nothing is collected or scored: the sheet "
                "is for the learner, to see what they have learned.")


@dataclass(frozen=True)
class Row:
    lesson: str
    objective: str


@dataclass(frozen=True)
class Sheet:
    band: str
    rows: tuple[Row, ...]

    @property
    def smileys(self) -> bool:
        return self.band in SMILEY_BANDS

    @property
    def title(self) -> str:
        return _("What I know: ages {band}").format(band=self.band)


def sheet(band: str, modules: list[Module]) -> Sheet:
    """The band's sheet from its lessons, in teaching order."""
    return Sheet(band, tuple(Row(module.title, objective)
                             for module in modules for objective in module.objectives))


def scale_markdown() -> str:
    """Boxes and words: no emoji, which not every school computer has a font for."""
    return " ".join(f"☐ {word}" for word in SCALE)


def sheet_markdown(sheet: Sheet) -> str:
    """The teachers' site page: a printable table, one row per "I can ..." statement."""
    from ..regions import markdown_text as md

    scale = scale_markdown()
    note = TEACHER_NOTE + (" The learner pack prints this sheet with faces to circle."
                           if sheet.smileys else "")
    lines = [f"# {sheet.title}", "", note, "{ .sp-summary }", "",
             INTRODUCTION, "", "| Lesson | I can ... | Before | After |", "| --- | --- | --- | --- |"]
    lines += [f"| {md(row.lesson)} | {md(row.objective)} | {scale} | {scale} |"
              for row in sheet.rows]
    if not sheet.rows:
        lines = lines[:-2] + ["There are no lessons for this age group yet."]
    return "\n".join(lines) + "\n"


def what_i_know_pages(curriculum: Curriculum, content: SiteContent, tree: DocsTree) -> None:
    """On a site with lesson plans: a sheet per band it teaches, under "What I know sheets"."""
    from .lessonplan import lesson_sequence

    entries = []
    for section in content.sections:
        if section.section.view != "lesson-plan":
            continue
        for group in section.groups:
            if not group.band:
                continue
            modules = [page.module for page in lesson_sequence(curriculum, group.pages)]
            path = f"what-i-know/{group.band}.md"
            tree.pages[path] = sheet_markdown(sheet(group.band, modules))
            entries.append({f"Ages {group.band}": path})
    if entries:
        tree.nav.append({"What I know sheets": entries})
