"""The letter to families a school sends home before a band's lessons, built from the
curriculum so it always names the lessons taught, in the order they are taught.

Teachers find it on their site (a page per band, to print or copy into the school's own
letter) and at the end of each facilitator guide. The words are Signpost's; the lessons, the
emergency number and the lines for parents come from the curriculum and the region.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Channel, Curriculum, Module
from .regions import help_channels
from .select import children_modules, in_prerequisite_order

GREETING = "Dear parent or carer,"
ABOUT = ("The lessons are calm and suited to your child's age. There are no frightening videos "
         "or stories. Children learn through made-up characters, and are never asked about "
         "their own experiences. Every lesson ends by reminding them where to get help.")
HOW_TO_HELP = ("After each lesson, ask your child what they talked about, and listen without "
               "judging. Tell them they can always come to you, whatever has happened, and that "
               "they will not be in trouble for telling. You are welcome to see the lesson "
               "materials before they are taught.")
QUESTIONS = ("If you have questions about the lessons, please contact the school. Write the "
             "name and how to reach them here before you send this letter:")
BLANKS = ("Name:", "Phone or email:")
SIGN_OFF = "Thank you for your support."
PARENT_LINES_SHOWN = 2


@dataclass(frozen=True)
class LetterLesson:
    number: int
    title: str
    summary: str


@dataclass(frozen=True)
class Letter:
    band: str
    lessons: tuple[LetterLesson, ...]
    emergency: str
    parent_lines: tuple[Channel, ...]

    @property
    def title(self) -> str:
        return f"Letter to families: ages {self.band}"

    @property
    def heading(self) -> str:
        """The letter's own heading, as families read it."""
        return f"Staying safe online: lessons for ages {self.band}"

    @property
    def opening(self) -> str:
        count = len(self.lessons)
        lessons = "one lesson" if count == 1 else f"{count} lessons"
        return (f"Over the coming weeks, your child's class will have {lessons} on staying safe "
                "online. They teach children to notice when something online does not feel "
                "right, that it is never a child's fault when someone tries to trick or pressure "
                "them, and how to get help from adults they trust.")

    @property
    def if_worried(self) -> str:
        return ("If you are worried about your child, or they tell you something that worries "
                "you, stay calm, listen, and contact the school's designated safeguarding lead. "
                f"If a child is in danger now, call {self.emergency}.")


def band_letter(curriculum: Curriculum, band: str, region: str,
                modules: list[Module] | None = None) -> Letter:
    """The letter for a band's lessons (its children modules in teaching order by default)."""
    if modules is None:
        modules = in_prerequisite_order(curriculum, children_modules(curriculum, band))
    own, worldwide = help_channels(curriculum, region, "parents")
    lines = tuple(c for c in own + worldwide if c.role != "emergency")[:PARENT_LINES_SHOWN]
    return Letter(band,
                  tuple(LetterLesson(n, m.title, m.summary) for n, m in enumerate(modules, 1)),
                  curriculum.regions[region].emergency, lines)
