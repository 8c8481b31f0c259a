"""The teachers' site's letters to families: a page per band with lesson plans (letters.py
writes the letter; this lays it out as Markdown to print or copy)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..letters import (
    ABOUT,
    BLANKS,
    GREETING,
    HOW_TO_HELP,
    QUESTIONS,
    SIGN_OFF,
    Letter,
    band_letter,
)
from ..model import Channel
from ..regions import markdown_text as md
from .curriculummap import band_lessons

if TYPE_CHECKING:
    from .pages import DocsTree, PageContext

BLANK_LINE = "\\_" * 24  # room to write, as escaped underscores
NOTE = ("Send this letter home a week or two before the first lesson, on paper or by your "
        "school's usual messaging. Print it from this page, or copy it into your school's own "
        "letter. It names the lessons in the order you will teach them.")


def letter_markdown(letter: Letter, channel_line: Callable[[Channel], str]) -> str:
    lessons = [f"- **Lesson {lesson.number}: {md(lesson.title)}.** {md(lesson.summary)}"
               for lesson in letter.lessons]
    lines = [f"# {md(letter.title)}", "", NOTE, "{ .sp-summary }", "", GREETING, "",
             md(letter.opening), "", md(ABOUT), "", "## What your child will learn", "",
             *lessons, "", "## How you can help", "", md(HOW_TO_HELP), "",
             "## If you are worried", "", md(letter.if_worried)]
    if letter.parent_lines:
        lines += ["", "Lines for parents and carers:", "",
                  *[f"- {channel_line(channel)}" for channel in letter.parent_lines]]
    lines += ["", "## Questions", "", md(QUESTIONS), "",
              *[f"{label} {BLANK_LINE}  " for label in BLANKS],
              "", SIGN_OFF]
    return "\n".join(lines) + "\n"


def letter_pages(context: PageContext, tree: DocsTree) -> None:
    """A letter per band the site has lesson plans for, under "Letters to families"."""
    from .pages import channel_line

    entries = []
    for band, pages in band_lessons(context.curriculum, context.content).items():
        letter = band_letter(context.curriculum, band, context.region,
                             [page.module for page in pages])
        path = f"letters/{band}.md"
        tree.pages[path] = letter_markdown(letter, lambda c: channel_line(c, short=True))
        entries.append({f"Ages {band}": path})
    if entries:
        tree.nav.append({"Letters to families": entries})
